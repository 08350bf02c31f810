"""Every question and notice the program puts to the officer in a message box, in one module.

Tests replace these functions (monkeypatch.setattr(confirm, "ask_delete", ...)) instead of patching
QMessageBox. Buttons name the action ("删除", "取消"), never a bare "是/否".
"""

from __future__ import annotations

import logging
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

_log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Confirm", text)


def _ask(parent: QWidget | None, title: str, text: str, verb: str, informative: str = "") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton(verb, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class SaveChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"  # keep editing


def ask_save_changes(parent: QWidget | None, title: str) -> SaveChoice:
    """An editor with changes is being closed: 保存 (the default), 不保存, or 取消 (also Esc)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("保存修改"),
        _tr("“{0}”已修改，是否保存？").format(title) if title else _tr("公开信息已修改，是否保存？"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(_tr("选择“不保存”即放弃修改：本次填写和修改的内容都不会保存。"))
    save = box.addButton(_tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return SaveChoice.SAVE
    if clicked is discard:
        return SaveChoice.DISCARD
    return SaveChoice.CANCEL


def ask_delete(parent: QWidget | None, title: str) -> bool:
    return _ask(
        parent,
        _tr("删除公开信息"),
        _tr("确定删除“{0}”吗？").format(title),
        _tr("删除"),
        _tr("删除的记录会移到回收站，可以随时恢复。"),
    )


def ask_duplicate(parent: QWidget | None, existing_id: int, title: str) -> bool:
    """The record being saved is the same entry as a live one (same item, title and dates)."""
    return _ask(
        parent,
        _tr("重复登记"),
        _tr("已有相同的记录（编号 {0}：“{1}”）。").format(existing_id, title),
        _tr("仍然保存"),
        _tr("同一事项、同一标题、同样的形成/变更/批复日期。确实是另一条公开信息时才保存；否则请取消。"),
    )


def ask_delete_application(parent: QWidget | None, number: str) -> bool:
    return _ask(
        parent,
        _tr("删除政府信息公开申请"),
        _tr("确定删除申请“{0}”吗？").format(number),
        _tr("删除"),
        _tr("删除的申请会移到回收站，可以恢复。"),
    )


def ask_purge(parent: QWidget | None, title: str) -> bool:
    return _ask(
        parent,
        _tr("彻底删除"),
        _tr("确定彻底删除“{0}”吗？").format(title),
        _tr("彻底删除"),
        _tr("彻底删除后无法恢复。"),
    )


def ask_import_holidays(parent: QWidget | None, summary: str) -> bool:
    return _ask(
        parent,
        _tr("导入节假日安排"),
        summary,
        _tr("导入"),
        _tr("导入后，所有公开信息的应公开日期将按新的安排重新计算。"),
    )


def ask_restore(parent: QWidget | None, name: str) -> bool:
    return _ask(
        parent,
        _tr("从备份恢复"),
        _tr("确定用备份“{0}”替换当前数据吗？").format(name),
        _tr("恢复"),
        _tr("备份之后登记或修改的内容将不在恢复后的数据中。当前数据会先另存到备份文件夹，不会删除。"),
    )


def ask_import_catalogue(parent: QWidget | None, summary: str, warnings: list[str]) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, _tr("导入目录"), summary, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(
        _tr(
            "导入后它将成为当前目录；旧版本目录仍保留，已登记的公开信息会按序号和内容转到新目录中的同一事项。"
        )
    )
    if warnings:
        box.setDetailedText("\n".join(warnings))
    yes = box.addButton(_tr("导入"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_export_despite_checks(parent: QWidget | None, failed: list[str]) -> bool:
    """The window's --force: export a report whose cross-checks fail, after reading each of them."""
    shown = failed[:8] + ([_tr("……另有 {0} 项").format(len(failed) - 8)] if len(failed) > 8 else [])
    return _ask(
        parent,
        _tr("校验未通过"),
        _tr("年度报告有 {0} 项校验未通过，评估时会被扣分。仍然导出吗？").format(len(failed)),
        _tr("仍然导出"),
        "\n".join(f"✗ {line}" for line in shown),
    )


def ask_keep_ambiguous(parent: QWidget | None, message: str, problems: list[str]) -> bool:
    """Some old items cannot be matched for sure: import anyway, leaving their records on the old items?"""
    box = QMessageBox(
        QMessageBox.Icon.Warning, _tr("导入目录"), message, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(
        _tr(
            "仍要导入吗？这些事项的公开信息将留在旧版目录的事项上（显示为“旧版目录”），不会转到新目录；"
            "可在“文件 › 目录版本”中查看旧版目录。"
        )
    )
    box.setDetailedText("\n".join(problems))
    yes = box.addButton(_tr("仍然导入"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """An error told to the officer; logged too, so the log tells what the officer saw."""
    _log.warning("Error shown: %s: %s", title, message)
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(_tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.NoButton, parent
    )
    box.addButton(_tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
