"""Backups with SQLite's online backup API (safe while the file is in use), rotation and litter.

Every backup is verified: it must open, pass `PRAGMA integrity_check` and have our schema, or it is
discarded. A backup is one self-contained file (rollback-journal mode, no -wal beside it), written under a
temporary name and renamed into place, so a killed backup never leaves a half file under a backup's name;
what a killed one does leave (`….partial`) is removed at the next start (`prune_litter`).
Backup names carry the real clock's time, never the day `--today` pins.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.db import SQLITE_HEADER, read_only_uri, sqlite_path
from disclosure_desk.store.errors import Failure, StoreError, classify
from disclosure_desk.store.migrations import schema_problem
from disclosure_desk.store.repository import Store

KEEP_DAILY = 30
KEEP_MONTHLY = 12
KEEP_AUTO = 24  # during the day: after the first change, every few hours, at close
KEEP_OTHER = 50  # before-import, before-restore, manual …
LITTER_AGE_SECONDS = 3600  # a partial file this old belongs to no running backup
_DAILY = re.compile(r"-daily-(\d{8})\.sqlite3$")
_MONTHLY = re.compile(r"-monthly-(\d{6})\.sqlite3$")
_AUTO = re.compile(r"-auto-(\d{8}-\d{6})(-\d+)?\.sqlite3$")
_KEPT = re.compile(r"-replaced-")  # the officer's former data after a restore: never pruned


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as the officer chooses among them: when it was taken and how much it holds."""

    path: Path
    taken_at: datetime
    records: int | None  # live publications in it; None when it cannot be read
    problem: str | None = None  # None for a good backup

    def describe(self) -> str:
        """ "2026-11-30 17:02，12 条公开信息" — the one wording every hint uses."""
        count = "记录数未知" if self.records is None else f"{self.records} 条公开信息"
        return f"{self.taken_at:%Y-%m-%d %H:%M}，{count}"


# --- writing files durably ----------------------------------------------------------------------------


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_durably(target: Path, data: bytes) -> None:
    """Write a small file whole or not at all: temporary name, fsync, rename, fsync the folder."""
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=target.name + ".", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(target.parent)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as stream:
        os.fsync(stream.fileno())


def stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


def new_backup_path(db_file: Path, reason: str, now: datetime | None = None) -> Path:
    """A name in the backups folder that no other backup has, reserved (created empty) on the spot, so two
    backups in the same second — even from two processes — never overwrite each other."""
    folder = paths.backups_dir_for(db_file)
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{db_file.stem}-{reason}-{stamp(now)}"
    for n in range(1, 1000):
        candidate = folder / (f"{base}.sqlite3" if n == 1 else f"{base}-{n}.sqlite3")
        try:
            os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            continue
        return candidate
    raise StoreError(f"备份文件夹“{folder}”中同名备份过多，无法再备份。")


# --- checking -----------------------------------------------------------------------------------------


def _open_read_only(path: Path, *, still_in_use: bool) -> sqlite3.Connection:
    # a file nobody writes is opened "immutable": no lock, no -shm/-journal created beside it
    immutable = not still_in_use and not path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)


def file_kind_problem(path: Path) -> str | None:
    """The quick look: None when `path` is a non-empty file that starts like an SQLite database."""
    if not path.is_file():
        return "不存在"
    try:
        if path.stat().st_size == 0:
            return "是空文件（0 字节）"
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "不是数据库文件"
    except OSError as error:
        return f"无法读取（{os_error_text(error)}）"
    return None


def check_database_file(path: Path, *, still_in_use: bool = False) -> str | None:
    """None when `path` opens as SQLite, passes integrity_check and has our schema; else the reason."""
    problem = file_kind_problem(path)
    if problem is not None:
        return problem
    try:
        conn = _open_read_only(path, still_in_use=still_in_use)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()
            if not verdict or verdict[0] != "ok":
                return "未通过完整性检查（已损坏）"
            return schema_problem(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return "无法作为数据库打开（已损坏）"
    except OSError as error:
        return f"无法读取（{os_error_text(error)}）"


def count_records(path: Path, *, still_in_use: bool = False) -> int | None:
    """Live publications in a database file; None when it cannot be read."""
    try:
        conn = _open_read_only(path, still_in_use=still_in_use)
        try:
            row = conn.execute("SELECT count(*) FROM publications WHERE deleted_at IS NULL").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row else None


# --- copying ------------------------------------------------------------------------------------------


def backup_file(source: Path, target: Path, *, source_is_backup: bool = False, verify: bool = True) -> Path:
    """Copy `source` to `target` with the online backup API, verify the copy, and rename it into place.

    `source_is_backup`: the source is a closed file (a backup), opened without locks or side files.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=target.name + ".", suffix=".partial")
        os.close(handle)
    except OSError as error:
        _drop_placeholder(target)
        reason = os_error_text(error)
        raise StoreError(f"备份失败：无法在“{target.parent}”中写入文件（{reason}）。") from error
    partial = Path(temp)
    try:
        src = _open_read_only(source, still_in_use=not source_is_backup)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # one self-contained file: nothing beside it to lose when it is copied
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        _fsync_file(partial)
    except (sqlite3.Error, OSError) as error:
        _discard(partial)
        _drop_placeholder(target)
        raise StoreError(f"备份失败：{_reason(error)}。原数据库未改动。", _failure(error)) from error
    problem = check_database_file(partial) if verify else None
    if problem is not None:
        _discard(partial)
        _drop_placeholder(target)
        raise StoreError(f"备份文件{problem}，已丢弃该备份。原数据库未改动。")
    try:
        os.replace(partial, target)
    except OSError as error:
        _discard(partial)
        _drop_placeholder(target)
        raise StoreError(f"备份失败：{_reason(error)}。原数据库未改动。") from error
    fsync_folder(target.parent)
    return target


def _failure(error: BaseException) -> Failure | None:
    """A full disk, whether SQLite or the OS noticed it: the database itself is fine."""
    if isinstance(error, OSError):
        return Failure.FULL if error.errno == errno.ENOSPC else None
    problem = classify(error)
    return problem.failure if problem is not None else None


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return os_error_text(error)
    # SQLite says what failed in its result code: a full disk is not an unreadable database
    problem = classify(error)
    return _SQLITE_REASONS.get(problem.failure, "无法读取数据库") if problem is not None else "无法读取数据库"


_SQLITE_REASONS = {
    Failure.FULL: "磁盘空间已满，备份文件写不下",
    Failure.LOCKED: "数据库正被另一个程序占用（已锁定），请稍后再试",
    Failure.CORRUPT: "数据库文件已损坏，无法读取",
    Failure.READ_ONLY: "备份文件所在的文件夹不可写入",
    Failure.CANT_OPEN: "无法打开数据库文件或备份文件",
    Failure.IO: "读写磁盘时出错",
    Failure.PERMISSION: "没有访问权限",
}


def _discard(partial: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def _drop_placeholder(target: Path) -> None:
    with contextlib.suppress(OSError):
        if target.is_file() and target.stat().st_size == 0:
            target.unlink()


def backup_now(store: Store, *, reason: str = "manual", target: Path | None = None) -> Path | None:
    """Back up the store's file; None for databases that are not an SQLite file (their DBA backs up).

    A `target` folder gets the backup under its usual name; a `target` file that exists must be a
    database (an earlier backup), never another kind of file, and never the database itself.
    """
    source = sqlite_path(store.url)
    if source is None or not source.exists():
        return None
    if target is not None:
        target = _checked_target(source, target, reason)
    else:
        target = new_backup_path(source, reason)
    result = backup_file(source, target)
    prune(paths.backups_dir_for(source), source.stem)
    return result


def _checked_target(source: Path, target: Path, reason: str) -> Path:
    if target.is_dir():
        return target / f"{source.stem}-{reason}-{stamp()}.sqlite3"
    if not target.parent.is_dir():
        # a mistyped folder, or a USB stick that is not plugged in: never a copy somewhere unexpected
        raise StoreError(
            f"文件夹“{target.parent}”不存在，备份未进行。请检查路径是否输错（U 盘或网络盘是否已连接）。"
        )
    if target.exists():
        if target.resolve() == source.resolve():
            raise StoreError("备份文件不能是数据库文件本身，请换一个文件名。")
        try:
            with target.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(f"无法读取“{target}”：{os_error_text(error)}。备份未进行。") from error
        if header != SQLITE_HEADER:
            raise StoreError(f"“{target}”已存在，且不是数据库文件。为免覆盖它，备份未进行；请换一个文件名。")
    return target


# --- rotation, litter, listing ------------------------------------------------------------------------


def prune(folder: Path, stem: str) -> None:
    """Keep the newest 30 daily, 12 monthly, 24 automatic and 50 other backups of the database `stem`."""
    daily, monthly, auto, other = [], [], [], []
    for path in folder.glob(f"{stem}-*.sqlite3"):
        if _KEPT.search(path.name):
            continue
        if _DAILY.search(path.name):
            daily.append(path)
        elif _MONTHLY.search(path.name):
            monthly.append(path)
        elif _AUTO.search(path.name):
            auto.append(path)
        else:
            other.append(path)
    for group, keep in ((daily, KEEP_DAILY), (monthly, KEEP_MONTHLY), (auto, KEEP_AUTO), (other, KEEP_OTHER)):
        for old in sorted(group, key=lambda p: p.name)[:-keep] if len(group) > keep else []:
            old.unlink(missing_ok=True)


def prune_litter(db_file: Path, now: datetime | None = None) -> list[Path]:
    """Remove what killed backups, restores and creations left behind (an hour old or more)."""
    limit = (now or datetime.now()).timestamp() - LITTER_AGE_SECONDS
    folder = paths.backups_dir_for(db_file)
    candidates = [
        *folder.glob("*.partial*"),
        *db_file.parent.glob(f"{db_file.name}*.partial*"),
        *db_file.parent.glob(f".{db_file.name}.creating*"),
        *db_file.parent.glob(f".{db_file.stem}-*.restoring*"),  # older versions' restore copies
        *[p for p in folder.glob(f"{db_file.stem}-*.sqlite3") if _is_empty(p)],  # unused name reservations
    ]
    staged = db_file.with_name(db_file.name + ".restoring")
    if not db_file.with_name(db_file.name + ".restore-journal").exists():
        candidates.append(staged)  # a restore stopped before it touched anything
    removed = []
    for path in candidates:
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime <= limit:
                path.unlink()
                removed.append(path)
    return removed


def _is_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return False


def list_backups(db_file: Path) -> list[Path]:
    """Backups of `db_file`, newest first."""
    folder = paths.backups_dir_for(db_file)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{db_file.stem}-*.sqlite3") if not _is_empty(p)]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def backup_info(path: Path) -> BackupInfo:
    problem = check_database_file(path)
    records = count_records(path) if problem is None else None
    return BackupInfo(path, datetime.fromtimestamp(path.stat().st_mtime), records, problem)


def good_backups(db_file: Path, limit: int = 5) -> list[BackupInfo]:
    """The newest `limit` good backups of `db_file`, newest first, with their time and record count."""
    found: list[BackupInfo] = []
    for path in list_backups(db_file):
        with contextlib.suppress(OSError):
            info = backup_info(path)
            if info.problem is None:
                found.append(info)
                if len(found) >= limit:
                    break
    return found


def latest_good_backup(db_file: Path) -> BackupInfo | None:
    return next(iter(good_backups(db_file, limit=1)), None)
