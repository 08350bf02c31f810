"""Opening the database: location, SQLite pragmas, sanity checks, migrations.

Every failure to open becomes a StoreError with a Chinese message; the file is never modified or
deleted when it cannot be opened.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.errors import Failure, StoreError, classify, store_error
from disclosure_desk.store.migrations import MigrationResult, migrate
from disclosure_desk.store.repository import Store

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _busy_timeout_ms() -> int:
    # read at each use, so a test can shorten the wait
    return BUSY_TIMEOUT_MS


def resolve_url(db: str | None) -> str:
    """A file path or an SQLAlchemy URL (argument, then DISCLOSURE_DESK_DB, then the default file)."""
    target = db or os.environ.get(paths.DB_ENV) or str(paths.default_db_path())
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def database_label(url: str) -> str:
    """The database as the officer knows it: a file path, or a server address without its password."""
    file = sqlite_path(url)
    if file is not None:
        return str(file)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"“{path}”是一个文件夹，不是数据库文件。")
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"无法创建数据文件夹“{path.parent}”：{os_error_text(error)}。") from error
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"数据文件夹“{path.parent}”没有写入权限，无法创建数据库。")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"无法读取数据库文件“{path}”：{os_error_text(error)}。") from error
    if not header:
        return  # an empty file is a new database
    if header != SQLITE_HEADER:
        raise StoreError(f"“{path}”不是有效的数据库文件（文件头不正确），可能已损坏。程序不会修改该文件。")
    _preflight(path)


def _preflight(path: Path) -> None:
    """Look at an existing file read-only before anything may write to it (even a journal-mode switch
    rewrites the header): damaged files and files that are not ours are refused untouched."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=_busy_timeout_ms() / 1000)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        problem = classify(error)
        if problem is not None and problem.failure in (Failure.CORRUPT, Failure.OTHER):
            # whatever else SQLite says about a file it only reads, the file is damaged
            raise StoreError(
                f"数据库文件已损坏，无法打开：{path}（{problem.name}）。程序不会修改该文件。", Failure.CORRUPT
            ) from error
        raise store_error(error, target=str(path)) from error
    if not verdict or verdict[0] != "ok":
        raise StoreError(f"数据库文件已损坏（完整性检查未通过）：{path}。程序不会修改该文件。")
    if tables and "schema_info" not in tables:
        raise StoreError("该文件不是本程序的数据库（缺少架构版本信息），为避免损坏数据，程序不会修改它。")


def is_network_path(path: Path) -> bool:
    """True for a file on a network share, where SQLite's WAL mode is unsafe (it needs shared memory)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0]
        if drive:
            DRIVE_REMOTE = 4
            return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")) == DRIVE_REMOTE
        return False
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    best, best_type = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, best_type = parts[1], parts[2]
    return best_type in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p"}


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {_busy_timeout_ms()}")
        # FULL: a commit that returned is on disk, even if the power goes a moment later
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def create_store_engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (ArgumentError, SQLAlchemyError, ImportError) as error:
        raise StoreError(f"无法识别的数据库地址“{url}”：{error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def set_journal_mode(engine: Engine, file: Path) -> str:
    """WAL on a local disk; the classic rollback journal on a network share. Persistent in the file."""
    mode = "DELETE" if is_network_path(file) else "WAL"
    with engine.connect() as connection:
        result = connection.exec_driver_sql(f"PRAGMA journal_mode = {mode}").scalar()
    return str(result)


def backup_before_migration(path: Path, old_version: int) -> Path:
    """A verified copy of the file (SQLite's online backup API) before a migration touches it."""
    from disclosure_desk.store.backup import backup_file  # backup builds on this module

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups_dir_for(path) / f"{path.stem}-before-migration-v{old_version}-{stamp}.sqlite3"
    return backup_file(path, target)


def open_store(db: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store. Seeding is the application's job."""
    url = resolve_url(db)
    file = sqlite_path(url)
    if file is not None:
        _check_sqlite_file(file)
    engine = create_store_engine(url)

    try:
        if file is not None:
            set_journal_mode(engine, file)
        backup = partial(backup_before_migration, file) if file is not None else None
        result: MigrationResult = migrate(engine, before_upgrade=backup)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise store_error(error, target=str(file or database_label(url))) from error
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"无法打开数据库“{file or url}”：{error}") from error
    return Store(engine, url=url, migration=result)
