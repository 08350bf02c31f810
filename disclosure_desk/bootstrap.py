"""Start-up wiring shared by the window and the command line: open the store and seed it.

This is the composition root's half that has no Qt: it may use every layer below the UI.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.backup import BackupInfo, good_backups, prune_litter
from disclosure_desk.store.backup_schedule import BackupSchedule
from disclosure_desk.store.db import open_store, resolve_url, sqlite_path
from disclosure_desk.store.errors import DatabaseLockedError, Failure, StoreError
from disclosure_desk.store.instance_lock import DataInUseError, InstanceLock
from disclosure_desk.store.repository import Store

log = logging.getLogger(__name__)

SEED_CATALOGUE = "catalogue.json"
BUNDLED_HOLIDAYS = "holidays.json"
LOCK_WAIT_SECONDS = 10.0  # a command-line writer waits this long for another writer to finish


def open_seeded_store(
    db: str | None = None,
    *,
    writer: bool = False,
    lock_wait: float = 0.0,
    clock: Callable[[], datetime] = datetime.now,
) -> Store:
    """Open the store; on first start load the bundled catalogue, and add bundled holiday years it lacks.

    Years already in the store are never overwritten: the officer may have corrected them. The first
    start of each day makes a verified backup (named by the real `clock`). A database that cannot be
    opened gets a message naming the newest good backups to restore from. A `writer` (the window, or a
    command that changes data) first takes the instance lock, so two copies of the program never write
    at once (waiting up to `lock_wait` seconds for another writer to finish, saying so on stderr);
    what killed backups and restores left behind is cleared at start.
    """
    lock = None
    file = sqlite_path(resolve_url(db))
    if file is not None:
        if writer:
            lock = take_writer_lock(file, lock_wait)
        else:
            refuse_missing_folder(file)
    try:
        store = open_store(db, lock_held=lock is not None)
    except (DatabaseLockedError, DataInUseError):
        if lock is not None:
            lock.release()
        raise  # the file is fine: nothing to restore, the officer waits and tries again
    except StoreError as error:
        if lock is not None:
            lock.release()
        if error.failure is Failure.FULL:
            raise  # a healthy file on a full disk: a restore is no answer, and must not be offered
        if file is not None and lock is None:
            holder = InstanceLock(file).other_holder()
            if holder is not None:  # what looks damaged may only be in the middle of being written
                raise UnreadableStoreError(str(error), [], in_use=holder) from error
        backups = good_backups(file) if file is not None else None
        raise UnreadableStoreError(str(error), backups) from error
    if lock is not None:
        store.add_close_hook(lock.release)
    try:
        seed(store)
        if file is not None:
            with suppress(OSError):
                prune_litter(file)
        BackupSchedule(store, window=False, clock=clock).at_start()
    except BaseException:
        store.close()
        raise
    return store


def take_writer_lock(file: Path, wait_seconds: float) -> InstanceLock:
    """The instance lock for writing `file`, waiting up to `wait_seconds` for another writer.

    The folder must exist or be the program's own data folder, which a new computer has not made yet
    before the first start (the lock file goes in it): that one is made, a mistyped --db folder refused.
    """
    refuse_missing_folder(file)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"无法创建数据文件夹“{file.parent}”：{os_error_text(error)}。") from error
    lock = InstanceLock(file)
    lock.acquire(wait_seconds=wait_seconds, on_wait=say_waiting)
    return lock


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


def say_waiting(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def attach_backups(
    store: Store, *, window: bool, clock: Callable[[], datetime] = datetime.now
) -> BackupSchedule:
    """Back up after the day's first change (and, for the window, every few hours and at close)."""
    schedule = BackupSchedule(store, window=window, clock=clock)
    store.add_close_hook(schedule.at_close)  # runs before the lock is released (hooks run last-in first)
    return schedule


class UnreadableStoreError(StoreError):
    """The database cannot be opened. Carries the newest good backups so the caller can offer them."""

    def __init__(self, reason: str, backups: list[BackupInfo] | None, *, in_use: str | None = None) -> None:
        """`backups` None: not an SQLite file (a server database), which has no backups folder to name."""
        if in_use is not None:
            hint = in_use_hint(in_use)
        else:
            hint = restore_hint(backups) if backups is not None else ""
        super().__init__(reason + hint)
        self.reason = reason
        self.backups = backups or []

    @property
    def latest_backup(self) -> Path | None:
        return self.backups[0].path if self.backups else None


def in_use_hint(holder: str) -> str:
    """When another program has the file open, a restore would roll back what it wrote since the backup."""
    return (
        f"\n注意：{holder}。文件可能只是正被那里的程序写入，并非损坏：请先关闭那里的程序再试。"
        "确认文件确实损坏之前，不要从备份恢复——恢复会丢失备份之后登记的记录。"
    )


def restore_hint(backups: list[BackupInfo]) -> str:
    """The newest good backups with their time and record count, and the command that restores one."""
    if not backups:
        return "\n备份文件夹中没有找到完好的备份。"
    lines = ["", "最近的完好备份（时间，公开信息条数）："]
    lines += [f"  {b.describe()}：{b.path}" for b in backups]
    lines.append(
        f'可用命令恢复：disclosure-desk restore "{backups[0].path}"'
        "（当前文件会被移到备份文件夹保留，不会删除）。"
    )
    return "\n".join(lines)


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
