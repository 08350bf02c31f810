"""Start-up wiring shared by the window and the command line: open the store and seed it.

This is the composition root's half that has no Qt: it may use every layer below the UI.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.domain.errors import DatabaseLockedError, StoreError
from disclosure_desk.store.backup import daily_backup, latest_good_backup
from disclosure_desk.store.db import open_store, resolve_url, sqlite_path
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
