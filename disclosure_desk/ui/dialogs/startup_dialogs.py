"""The dialogs shown before the main window exists: a damaged database, data in use elsewhere."""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from disclosure_desk.store.backup import BackupInfo

_log = logging.getLogger(__name__)


class Recovery(Enum):
    RESTORE_LATEST = "restore_latest"
    CHOOSE_BACKUP = "choose_backup"
    QUIT = "quit"


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartupDialogs", text)


def ask_recovery(reason: str, backups: list[BackupInfo]) -> tuple[Recovery, Path | None]:
    _log.warning("Database cannot be opened, recovery offered: %s", reason)
    latest = backups[0].path if backups else None
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("无法打开数据库"), reason)
    listing = "".join(_tr("\n  {0}：{1}").format(b.describe(), b.path.name) for b in backups)
    box.setInformativeText(
        _tr("可以从备份恢复。当前的数据库文件不会被删除，会移到备份文件夹中保留。")
        + (
            _tr("\n最近的完好备份（时间，公开信息条数）：") + listing
            if backups
            else _tr("\n没有找到完好的备份。")
        )
    )
    latest_button = (
        box.addButton(_tr("从最近的备份恢复"), QMessageBox.ButtonRole.AcceptRole) if latest else None
    )
    choose_button = box.addButton(_tr("选择备份文件…"), QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton(_tr("退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(latest_button or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if latest_button is not None and clicked is latest_button:
        return Recovery.RESTORE_LATEST, latest
    if clicked is choose_button:
        start = str(latest.parent) if latest else ""
        name, _ = QFileDialog.getOpenFileName(
            None, _tr("选择备份文件"), start, _tr("数据库备份 (*.sqlite3 *.db);;所有文件 (*)")
        )
        return (Recovery.CHOOSE_BACKUP, Path(name)) if name else (Recovery.QUIT, None)
    return Recovery.QUIT, None


def tell(title: str, message: str) -> None:
    _log.warning("Told at start: %s: %s", title, message)
    QMessageBox.information(None, _tr(title), message)
