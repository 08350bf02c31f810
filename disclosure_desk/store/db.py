"""Opening the database: location, SQLite pragmas, sanity checks, migrations.

Every failure to open becomes a StoreError with a Chinese message; the file is never modified or
deleted when it cannot be opened.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from disclosure_desk import paths
from disclosure_desk.domain.errors import StoreError
from disclosure_desk.store.migrations import MigrationResult, migrate
from disclosure_desk.store.repository import Store

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


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


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"“{path}”是一个文件夹，不是数据库文件。")
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"无法创建数据文件夹“{path.parent}”：{error.strerror or error}。") from error
        if not os.access(path.parent, os.W_OK):
            raise StoreError(f"数据文件夹“{path.parent}”没有写入权限，无法创建数据库。")
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"无法读取数据库文件“{path}”：{error.strerror or error}。") from error
    if header and header != SQLITE_HEADER:
        raise StoreError(f"“{path}”不是有效的数据库文件（文件头不正确），可能已损坏。程序不会修改该文件。")


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
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


def backup_before_migration(path: Path, old_version: int) -> Path:
    """Copy the file with SQLite's online backup API before a migration touches it."""
    target_dir = paths.backups_dir_for(path)
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"{path.stem}-before-migration-v{old_version}-{stamp}.sqlite3"
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def open_store(db: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store. Seeding is the application's job."""
    url = resolve_url(db)
    file = sqlite_path(url)
    if file is not None:
        _check_sqlite_file(file)
    engine = create_store_engine(url)

    def backup(old_version: int) -> None:
        if file is not None:
            backup_before_migration(file, old_version)

    try:
        result: MigrationResult = migrate(engine, before_upgrade=backup)
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        message = str(error.orig) if error.orig else str(error)
        if "locked" in message or "busy" in message:
            raise StoreError(
                "数据库正被另一个程序占用（已锁定），请稍后再试或关闭其他正在使用它的程序。"
            ) from error
        if "not a database" in message or "malformed" in message:
            raise StoreError(f"数据库文件已损坏，无法打开：{file or url}。程序不会修改该文件。") from error
        raise StoreError(f"无法打开数据库“{file or url}”：{message}") from error
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"无法打开数据库“{file or url}”：{error}") from error
    return Store(engine, url=url, migration=result)
