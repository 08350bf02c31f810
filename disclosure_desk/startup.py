"""Opening the data for the window: a damaged file offers a good backup; data in use says by whom.

The damaged file is never overwritten or deleted: restoring moves it into the backups folder first.
Part of the composition root (it may use every layer); questions go through injected callables (the
dialogs in ui/dialogs/startup_dialogs.py) so tests can answer them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from disclosure_desk.bootstrap import UnreadableStoreError, open_seeded_store
from disclosure_desk.store.backup import BackupInfo
from disclosure_desk.store.db import resolve_url, sqlite_path
from disclosure_desk.store.errors import DatabaseLockedError, StoreError
from disclosure_desk.store.instance_lock import DataInUseError, InstanceLock
from disclosure_desk.store.repository import Store
from disclosure_desk.store.restore import restore
from disclosure_desk.ui.dialogs.startup_dialogs import Recovery

# (reason, newest good backups) → the officer's choice, and the chosen file for CHOOSE_BACKUP
AskRecovery = Callable[[str, list[BackupInfo]], tuple[Recovery, Path | None]]
Tell = Callable[[str, str], None]  # (title, message)


def open_store_for_window(db: str | None, ask: AskRecovery, tell: Tell) -> Store | None:
    """The opened store, or None when the officer chose to quit (or the data is in use elsewhere)."""
    file = sqlite_path(resolve_url(db))
    while True:
        try:
            return open_seeded_store(db, writer=True)
        except DataInUseError as error:
            tell("数据正在使用中", str(error))
            return None
        except DatabaseLockedError as error:
            tell("数据库被占用", str(error))
            return None
        except UnreadableStoreError as error:
            if file is None:
                tell("无法打开数据库", error.reason)
                return None
            choice, chosen = ask(error.reason, error.backups)
            source = error.latest_backup if choice is Recovery.RESTORE_LATEST else chosen
            if choice is Recovery.QUIT or source is None:
                return None
            try:
                lock = InstanceLock(file)
                lock.acquire()  # never swap the file under another running copy
                try:
                    result = restore(file, source)
                finally:
                    lock.release()
            except StoreError as restore_error:
                tell("恢复失败", str(restore_error))
                continue
            kept = f"\n原文件已保留为：{result.moved_aside}" if result.moved_aside is not None else ""
            tell("已恢复", f"已从备份“{source}”恢复数据。{kept}")
        except StoreError as error:  # e.g. a --db path in a folder that does not exist
            tell("无法打开数据库", str(error))
            return None
