"""Every file chooser and "open this file" the program uses, in one module (tests patch it here)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from disclosure_desk.store.backup import BackupInfo


def _tr(text: str) -> str:
    return QCoreApplication.translate("Files", text)


def ask_report_path(parent: QWidget | None, suggested: Path) -> Path | None:
    return _ask_xlsx(parent, _tr("保存报表"), suggested)


def _ask_xlsx(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), _tr("Excel 工作簿 (*.xlsx)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def ask_backup_file(parent: QWidget | None, folder: Path, backups: Sequence[BackupInfo] = ()) -> Path | None:
    """One of the good `backups` (newest first, each with its time and number of records), or any other
    file the officer picks."""
    if backups:
        other = _tr("其他备份文件…")
        labels = [f"{b.describe()}　{b.path.name}" for b in backups] + [other]
        choice, ok = QInputDialog.getItem(
            parent, _tr("从备份恢复"), _tr("完好的备份（时间，公开信息条数），最新的在前："), labels, 0, False
        )
        if not ok:
            return None
        if choice != other:
            return backups[labels.index(choice)].path
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("选择要恢复的备份"), str(folder), _tr("数据库备份 (*.sqlite3 *.db);;所有文件 (*)")
    )
    return Path(name) if name else None


def ask_catalogue_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("选择要导入的目录文件"),
        str(Path.home()),
        _tr("目录文件 (*.docx *.xlsx *.txt *.json *.csv);;所有文件 (*)"),
    )
    return Path(name) if name else None


def ask_catalogue_export_path(parent: QWidget | None, suggested: Path) -> Path | None:
    return _ask_xlsx(parent, _tr("导出目录"), suggested)


def ask_statutory_report_path(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("导出年度报告"), str(suggested), _tr("Word 文档 (*.docx)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")


def ask_last_year_report(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, _tr("选择上年度报告"), str(Path.home()), _tr("Word 文档 (*.docx);;所有文件 (*)")
    )
    return Path(name) if name else None


def open_path(path: Path) -> bool:
    """Open a file or folder with the system's program (Excel/WPS for a report, Explorer for a folder)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
