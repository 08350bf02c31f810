"""Backups with SQLite's online backup API (safe while the file is in use), rotation and restore.

Every backup is verified: it must open and pass `PRAGMA integrity_check`, or it is discarded. A restore
never overwrites or deletes the file it replaces: that file (and its -wal/-shm companions, which would
corrupt the restored file if left beside it) is moved aside under a "replaced-…" name first.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
from datetime import date, datetime
from functools import partial
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import Store

KEEP_DAILY = 30
KEEP_MONTHLY = 12
KEEP_OTHER = 50  # before-import, before-restore, manual …
_DAILY = re.compile(r"-daily-(\d{8})\.sqlite3$")
_MONTHLY = re.compile(r"-monthly-(\d{6})\.sqlite3$")


def check_database_file(path: Path) -> str | None:
    """None when `path` opens as SQLite and passes integrity_check and has our schema; else the reason."""
    if not path.is_file():
        return "文件不存在"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()
            if not verdict or verdict[0] != "ok":
                return "未通过完整性检查"
            if conn.execute("SELECT version FROM schema_info WHERE id = 1").fetchone() is None:
                return "缺少架构版本信息"
        finally:
            conn.close()
    except sqlite3.Error as error:
        return f"无法作为数据库打开（{error}）"
    return None


def backup_file(source: Path, target: Path) -> Path:
    """Copy `source` to `target` with the online backup API and verify the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"备份失败：{error}。原数据库未改动。") from error
    problem = check_database_file(partial)
    if problem is not None:
        partial.unlink(missing_ok=True)
        raise StoreError(f"备份文件{problem}，已丢弃该备份。原数据库未改动。")
    os.replace(partial, target)
    return target


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_now(store: Store, *, reason: str = "manual", target: Path | None = None) -> Path | None:
    """Back up the store's file; None for databases that are not an SQLite file (their DBA backs up)."""
    source = sqlite_path(store.url)
    if source is None or not source.exists():
        return None
    if target is None:
        target = paths.backups_dir_for(source) / f"{source.stem}-{reason}-{_stamp()}.sqlite3"
    result = backup_file(source, target)
    prune(paths.backups_dir_for(source), source.stem)
    return result


def daily_backup(store: Store, today: date) -> Path | None:
    """The first start of each day backs up; the first daily backup of a month is also kept as monthly."""
    source = sqlite_path(store.url)
    if source is None or not source.exists():
        return None
    folder = paths.backups_dir_for(source)
    daily = folder / f"{source.stem}-daily-{today:%Y%m%d}.sqlite3"
    if daily.exists():
        return None
    backup_file(source, daily)
    monthly = folder / f"{source.stem}-monthly-{today:%Y%m}.sqlite3"
    if not monthly.exists():
        shutil.copy2(daily, monthly)
    prune(folder, source.stem)
    return daily


def prune(folder: Path, stem: str) -> None:
    """Keep the newest 30 daily, 12 monthly and 50 other backups of the database named `stem`."""
    daily, monthly, other = [], [], []
    for path in folder.glob(f"{stem}-*.sqlite3"):
        if _DAILY.search(path.name):
            daily.append(path)
        elif _MONTHLY.search(path.name):
            monthly.append(path)
        else:
            other.append(path)
    for group, keep in ((daily, KEEP_DAILY), (monthly, KEEP_MONTHLY), (other, KEEP_OTHER)):
        for old in sorted(group, key=lambda p: p.name)[:-keep] if len(group) > keep else []:
            old.unlink(missing_ok=True)


def list_backups(db_file: Path) -> list[Path]:
    """Backups of `db_file`, newest first."""
    folder = paths.backups_dir_for(db_file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_file.stem}-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)


def latest_good_backup(db_file: Path) -> Path | None:
    return next((b for b in list_backups(db_file) if check_database_file(b) is None), None)


def restore(db_file: Path, backup: Path) -> Path | None:
    """Put `backup` in place of `db_file`. Returns where the replaced file was moved (None if none).

    The backup is checked first; the current file is backed up (when readable) and then moved aside,
    never overwritten or deleted.
    """
    problem = check_database_file(backup)
    if problem is not None:
        raise StoreError(f"备份文件“{backup}”{problem}，不能用于恢复。当前数据库未改动。")
    folder = paths.backups_dir_for(db_file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _stamp()
    if db_file.exists() and check_database_file(db_file) is None:
        backup_file(db_file, folder / f"{db_file.stem}-before-restore-{stamp}.sqlite3")
    # copy into a temporary file beside the target, then swap it in
    fd, temp_name = tempfile.mkstemp(dir=db_file.parent, prefix=f".{db_file.stem}-", suffix=".restoring")
    os.close(fd)
    temp = Path(temp_name)
    try:
        backup_file(backup, temp)
        moved_aside: Path | None = None
        if db_file.exists():
            moved_aside = folder / f"{db_file.stem}-replaced-{stamp}.sqlite3"
            os.replace(db_file, moved_aside)
        for suffix in ("-wal", "-shm", "-journal"):
            companion = db_file.with_name(db_file.name + suffix)
            if companion.exists():
                os.replace(companion, folder / f"{db_file.stem}-replaced-{stamp}.sqlite3{suffix}")
        os.replace(temp, db_file)
    except OSError as error:
        temp.unlink(missing_ok=True)
        reason = os_error_text(error)
        raise StoreError(f"恢复失败：{reason}。请关闭正在使用数据库的程序后重试。") from error
    return moved_aside


def restore_open_store(store: Store, backup: Path) -> Path | None:
    """Restore under a running program: close the connections, swap the file, bring its schema up to
    date, and forget cached values. The instance lock stays held throughout, so nobody else gets in."""
    from disclosure_desk.store.db import backup_before_migration, set_journal_mode
    from disclosure_desk.store.migrations import migrate

    file = sqlite_path(store.url)
    if file is None:
        raise StoreError("只能恢复本机 SQLite 数据库文件。")
    store.engine.dispose()
    moved = restore(file, backup)
    set_journal_mode(store.engine, file)
    migrate(store.engine, before_upgrade=partial(backup_before_migration, file))
    store.reset_caches()
    return moved
