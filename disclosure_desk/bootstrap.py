"""Start-up wiring shared by the window and the command line: open the store and seed it.

This is the composition root's half that has no Qt: it may use every layer below the UI.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.store.backup import daily_backup, latest_good_backup
from disclosure_desk.store.db import open_store, resolve_url, sqlite_path
from disclosure_desk.store.errors import DatabaseLockedError, StoreError
from disclosure_desk.store.instance_lock import InstanceLock
from disclosure_desk.store.repository import Store

log = logging.getLogger(__name__)

SEED_CATALOGUE = "catalogue.json"
BUNDLED_HOLIDAYS = "holidays.json"


def open_seeded_store(db: str | None = None, *, today: date | None = None, writer: bool = False) -> Store:
    """Open the store; on first start load the bundled catalogue, and add bundled holiday years it lacks.

    Years already in the store are never overwritten: the officer may have corrected them. The first
    start of each day makes a verified backup. A database that cannot be opened gets a message naming
    the latest good backup to restore from. A `writer` (the window, or a command that changes data)
    first takes the instance lock, so two copies of the program never write at once.
    """
    lock = None
    file = sqlite_path(resolve_url(db))
    if file is not None:
        refuse_missing_folder(file)
    if writer and file is not None:
        lock = InstanceLock(file)
        lock.acquire()
    try:
        store = open_store(db)
    except DatabaseLockedError:
        if lock is not None:
            lock.release()
        raise  # the file is fine: nothing to restore, the officer waits and tries again
    except StoreError as error:
        if lock is not None:
            lock.release()
        latest = latest_good_backup(file) if file is not None else None
        raise UnreadableStoreError(str(error), latest) from error
    if lock is not None:
        store.add_close_hook(lock.release)
    try:
        seed(store)
        try:
            daily_backup(store, today or date.today())
        except (StoreError, OSError) as error:
            # a failed backup must not keep the officer from working; it is logged and retried next start
            log.warning("daily backup failed: %s", error)
    except BaseException:
        store.close()
        raise
    return store


def refuse_missing_folder(file: Path) -> None:
    """A new database is made only in a folder that exists, or in the default data folder.

    A mistyped --db path must not quietly become a new, empty register in a new folder.
    """
    if file.exists() or file.parent.is_dir():
        return
    if file.parent.resolve() == paths.user_dir().resolve():
        return  # the program's own data folder: made on first start
    raise StoreError(f"文件夹“{file.parent}”不存在，没有新建数据库。请检查数据库路径（--db）是否输错。")


def database_is_missing(db: str | None) -> Path | None:
    """The database file when `db` names an SQLite file that does not exist yet, else None."""
    file = sqlite_path(resolve_url(db))
    return file if file is not None and not file.exists() else None


def location_is_explicit(db: str | None) -> bool:
    """True when the officer named the database (--db or DISCLOSURE_DESK_DB), not the default."""
    return bool(db or os.environ.get(paths.DB_ENV))


class UnreadableStoreError(StoreError):
    """The database cannot be opened. Carries the latest good backup so the caller can offer it."""

    def __init__(self, reason: str, latest_backup: Path | None) -> None:
        hint = ""
        if latest_backup is not None:
            hint = (
                f"\n最近的完好备份：{latest_backup}\n"
                f'可用命令恢复：disclosure-desk restore "{latest_backup}"'
                "（当前文件会被移到备份文件夹保留，不会删除）。"
            )
        super().__init__(reason + hint)
        self.reason = reason
        self.latest_backup = latest_backup

def seed(store: Store) -> None:
    from disclosure_desk.io.catalogue_json import read_catalogue_json
    from disclosure_desk.io.holidays_import import load_bundled_holidays

    if not store.has_catalogue():
        catalogue = read_catalogue_json(paths.data_dir() / SEED_CATALOGUE)
        store.import_catalogue(catalogue, source="内置目录")
        log.info("seeded catalogue: %d items", len(catalogue.items))
    known = {s.year for s in store.holiday_schedules()}
    missing = [s for s in load_bundled_holidays(paths.data_dir() / BUNDLED_HOLIDAYS) if s.year not in known]
    if missing:
        store.save_holiday_schedules(missing)
        log.info("added bundled holiday years: %s", [s.year for s in missing])
