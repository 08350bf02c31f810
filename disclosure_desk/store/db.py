"""Opening the database: location, SQLite pragmas, sanity checks, migrations.

Every failure to open becomes a StoreError with a Chinese message; the file is never modified or
deleted when it cannot be opened.
"""

from __future__ import annotations

import os
import sqlite3
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.errors import Failure, StoreError, classify, store_error
from disclosure_desk.store.migrations import (
    MigrationResult,
    file_version,
    migrate,
    newer_version_message,
    schema_problem,
)
from disclosure_desk.store.models import SCHEMA_VERSION
from disclosure_desk.store.repository import Store

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SQLITE_READONLY_ROLLBACK = 776  # a hot journal needs rolling back, and the connection is read-only


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
        # never "a new database": the program creates new files whole (see _create_new), so an empty one
        # means the data went missing, and re-initialising it would hide that behind an empty register
        raise StoreError(
            f"数据库文件“{path}”是空的（0 字节），其中没有任何记录。"
            "程序不会把它当作新数据库重新初始化，也不会修改它。"
        )
    if header != SQLITE_HEADER:
        raise StoreError(f"“{path}”不是有效的数据库文件（文件头不正确），可能已损坏。程序不会修改该文件。")
    _preflight(path)


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI opening `path` read-only; characters URIs reserve are escaped (a folder may be named
    "100%" or "#2"). `immutable`: for files nobody writes — no locks, nothing created beside them."""
    quoted = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{quoted}?mode=ro" + ("&immutable=1" if immutable else "")


def _connect_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=_busy_timeout_ms() / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        conn.close()
        if getattr(error, "sqlite_errorcode", None) != SQLITE_READONLY_ROLLBACK:
            raise
        # a program was stopped mid-write and left a hot journal: SQLite's own recovery (rolling the
        # unfinished transaction back) needs a writable connection once; that is not a change of ours
        sqlite3.connect(path, timeout=_busy_timeout_ms() / 1000).close()
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=_busy_timeout_ms() / 1000)
    return conn


def _preflight(path: Path) -> None:
    """Look at an existing file read-only before anything may write to it (even a journal-mode switch
    rewrites the header): damaged files and files that are not ours are refused untouched."""
    try:
        conn = _connect_read_only(path)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            healthy = bool(verdict) and verdict[0] == "ok"
            version = file_version(conn) if healthy else None
            problem = schema_problem(conn) if healthy else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        failure = classify(error)
        if failure is not None and failure.failure in (Failure.CORRUPT, Failure.OTHER):
            # whatever else SQLite says about a file it only reads, the file is damaged
            raise StoreError(
                f"数据库文件已损坏，无法打开：{path}（{failure.name}）。程序不会修改该文件。", Failure.CORRUPT
            ) from error
        raise store_error(error, target=str(path)) from error
    if not verdict or verdict[0] != "ok":
        raise StoreError(f"数据库文件已损坏（完整性检查未通过）：{path}。程序不会修改该文件。")
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(newer_version_message(version))
    if problem is not None:
        raise StoreError(f"数据库文件“{path}”{problem}。为避免损坏数据，程序不会修改它，也不会重新初始化它。")


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
        raise StoreError(
            f"无法识别的数据库地址“{url}”：不支持的数据库类型，或缺少它的驱动程序。"
            "SQLite 文件路径和 sqlite:/// 地址可直接使用；PostgreSQL 需先安装驱动"
            '（python -m pip install "psycopg[binary]"），地址写作 postgresql+psycopg://用户@主机/库名。'
        ) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def set_journal_mode(engine: Engine) -> str:
    """The classic rollback journal, everywhere (and converting files earlier versions put in WAL mode).

    Officers move to a new computer by copying the data folder, and copy single files to a USB stick: in
    WAL mode the latest work lives in a -wal file beside the database until a checkpoint, and a copy
    without it silently loses that work. With the rollback journal every commit is in the database file
    itself. The cost, readers waiting while a write commits, is nothing for a one-writer desktop program.
    """
    with engine.connect() as connection:
        result = connection.exec_driver_sql("PRAGMA journal_mode = DELETE").scalar()
    return str(result)


def backup_before_migration(path: Path, old_version: int) -> Path:
    """A verified copy of the file (SQLite's online backup API) before a migration touches it, under a
    name no other backup has: two starts in the same second keep two copies."""
    from disclosure_desk.store.backup import backup_file, new_backup_path  # backup builds on this module

    try:
        return backup_file(path, new_backup_path(path, f"before-migration-v{old_version}"))
    except StoreError as error:
        # the officer only asked to open the data: say why a backup was being made, and that nothing changed
        reason = str(error).removeprefix("备份失败：").removesuffix("原数据库未改动。")
        advice = "请清理磁盘空间后" if error.failure is Failure.FULL else "请处理后"
        raise StoreError(
            f"数据库需要升级到本版本程序的格式，升级前先要备份，但备份没有完成：{reason}"
            f"数据库没有升级，也没有改动。{advice}重新打开本程序。",
            error.failure,
        ) from error


def _create_new(file: Path) -> bool:
    """Create a new database whole: built under a temporary name and linked into place, so an
    interrupted first start never leaves an empty or half-built file under the database's name.
    False when another copy of the program created it first (that file is then used)."""
    temp = file.with_name(f".{file.name}.creating-{os.getpid()}")
    temp.unlink(missing_ok=True)
    engine = create_store_engine(f"sqlite:///{temp}")
    try:
        set_journal_mode(engine)
        migrate(engine)
    finally:
        engine.dispose()
    try:
        os.link(temp, file)
    except FileExistsError:
        return False
    except OSError:
        if file.exists():
            return False
        os.replace(temp, file)  # file systems without hard links (FAT, some shares)
    finally:
        temp.unlink(missing_ok=True)
    return True


def _finish_restore(file: Path, lock_held: bool) -> None:
    from disclosure_desk.store.instance_lock import InstanceLock
    from disclosure_desk.store.restore import finish_interrupted_restore, journal_path

    if not journal_path(file).exists():
        return
    if lock_held:
        finish_interrupted_restore(file)
        return
    lock = InstanceLock(file)
    lock.acquire()  # held elsewhere: that program is restoring right now, and the refusal says who it is
    try:
        finish_interrupted_restore(file)
    finally:
        lock.release()


def open_store(db: str | None = None, *, lock_held: bool = False) -> Store:
    """Open (creating and migrating as needed) the store. Seeding is the application's job.

    A restore that was interrupted is finished first (`lock_held`: the caller holds the instance lock).
    """
    url = resolve_url(db)
    file = sqlite_path(url)
    created = False
    if file is not None:
        _finish_restore(file, lock_held)
        _check_sqlite_file(file)
        try:
            if not file.exists():
                created = _create_new(file)
        except DBAPIError as error:
            raise store_error(error, target=str(file)) from error
        except OSError as error:
            raise StoreError(f"无法创建数据库“{file}”：{os_error_text(error)}。") from error
    engine = create_store_engine(url)

    try:
        if file is not None:
            set_journal_mode(engine)
        backup = partial(backup_before_migration, file) if file is not None else None
        result: MigrationResult = migrate(engine, before_upgrade=backup)
        if created:
            result = MigrationResult(0, result.to_version)
    except StoreError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise store_error(error, target=str(file or database_label(url))) from error
    except SQLAlchemyError as error:
        engine.dispose()
        raise store_error(error, target=str(file or database_label(url))) from error
    return Store(engine, url=url, migration=result)
