"""文件 → 立即备份 / 从备份恢复: a checked copy of the database now, or the data put back from one.

Created once in the composition root (attach_backup_actions); a restore reloads the whole desk.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from disclosure_desk import paths
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.store import backup, restore
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.main_window import MainWindow


class BackupController(QObject):
    def __init__(self, store: Store, window: MainWindow, desk: DeskController) -> None:
        super().__init__(window)
        self.setObjectName("backupController")
        self.store = store
        self.window = window
        self.desk = desk

    def backup_now(self) -> None:
        try:
            target = backup.backup_now(self.store, reason="manual")
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("备份失败"), str(error))
            return
        if target is None:
            confirm.show_info(
                self.window, self.tr("立即备份"), self.tr("当前数据库不是本机文件，请由数据库管理员备份。")
            )
            return
        self.window.show_status(self.tr("已备份并通过完整性检查：{0}").format(target))

    def restore_backup(self) -> None:
        file = sqlite_path(self.store.url)
        if file is None:
            confirm.show_info(self.window, self.tr("从备份恢复"), self.tr("只能恢复本机数据库文件。"))
            return
        chosen = files.ask_backup_file(
            self.window, paths.backups_dir_for(file), backup.good_backups(file, limit=10)
        )
        if chosen is None or not confirm.ask_restore(self.window, chosen.name):
            return
        try:
            result = restore.restore_open_store(self.store, chosen)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("恢复失败"), str(error))
            return
        self.desk.start()
        moved = result.moved_aside
        kept = self.tr("原数据已另存为：{0}").format(moved) if moved is not None else ""
        confirm.show_info(
            self.window, self.tr("已恢复"), self.tr("已从“{0}”恢复数据。").format(chosen) + kept
        )


def attach_backup_actions(store: Store, window: MainWindow, desk: DeskController) -> BackupController:
    backups = BackupController(store, window, desk)
    window.backupRequested.connect(backups.backup_now)
    window.restoreRequested.connect(backups.restore_backup)
    return backups
