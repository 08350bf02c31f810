"""Schema migrations: a version ladder run at start, after a backup of the file.

A new database is created straight from the models at the latest version. An older one is brought up
step by step; each step is frozen (it never imports the models, which keep changing). DDL goes through
Alembic's `Operations`, which speaks both SQLite and PostgreSQL (and does SQLite's copy-and-move table
rebuilds when a step needs one), so we keep the version ladder simple without Alembic's script folders,
which would need special care in a PyInstaller bundle.

The whole ladder runs in one transaction, so an upgrade that fails or is killed half-way leaves the file
exactly as it was. SQLite's DDL is transactional, but Python's sqlite3 module runs DDL outside any
transaction unless told otherwise: SQLite connections used here run with the module's implicit
transaction handling off and an explicit `BEGIN IMMEDIATE` (see `transactional_engine`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect, text
from sqlalchemy.pool import NullPool

from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.migrations import steps, v1_schema
from disclosure_desk.store.models import SCHEMA_VERSION, Base, SchemaInfo

Step = Callable[[Operations], None]
STEPS: dict[int, Step] = {
    2: steps.v2_holidays_and_rule_override,
    3: steps.v3_audit_log,
    4: steps.v4_yearly_obligations,
    5: steps.v5_late_reason,
    6: steps.v6_applications,
    7: steps.v7_drop_cached_due_date,
    8: steps.v8_statutory_report,
    9: steps.v9_clauses_and_dynamic_columns,
    10: steps.v10_add_requests,
    11: steps.v11_extension_notified,
}

NOT_OURS_MESSAGE = "该文件不是本程序的数据库（缺少架构版本信息），为避免损坏数据，程序不会修改它。"


@dataclass(frozen=True)
class MigrationResult:
    from_version: int  # 0 for a database that was just created
    to_version: int

    @property
    def created(self) -> bool:
        return self.from_version == 0

    @property
    def migrated(self) -> bool:
        return 0 < self.from_version < self.to_version


def newer_version_message(version: int) -> str:
    return (
        f"该数据库由更新版本的程序创建（架构版本 {version}，本程序支持到 {SCHEMA_VERSION}）。"
        "请安装最新版本的程序后再打开。"
    )


def current_version(connection: Connection) -> int | None:
    """The schema version, 0 for an empty database, None for a database that is not ours."""
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return 0
    if SchemaInfo.__tablename__ not in tables:
        return None
    version = connection.execute(text("SELECT version FROM schema_info WHERE id = 1")).scalar()
    return int(version) if version is not None else None


def transactional_engine(url: str) -> Engine:
    """An engine whose transactions include DDL (SQLite: BEGIN IMMEDIATE, sqlite3's own handling off).

    Foreign keys are off while the schema changes, as SQLite advises for table rebuilds; the ladder checks
    them with `PRAGMA foreign_key_check` before it commits.
    """
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute("PRAGMA foreign_keys = OFF")
            dbapi_connection.execute("PRAGMA busy_timeout = 10000")
            dbapi_connection.execute("PRAGMA synchronous = FULL")

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(engine: Engine, before_upgrade: Callable[[int], object] | None = None) -> MigrationResult:
    """Create or upgrade the schema. `before_upgrade(old_version)` runs first (it makes the backup).

    Everything happens in one transaction on a connection where DDL is transactional: a failure or a kill
    at any point leaves the file at the version it had.
    """
    with engine.connect() as connection:
        version = current_version(connection)
    if version is None:
        raise StoreError(NOT_OURS_MESSAGE)
    if version > SCHEMA_VERSION:
        raise StoreError(newer_version_message(version))
    if version == SCHEMA_VERSION:
        return MigrationResult(version, SCHEMA_VERSION)
    if version > 0 and before_upgrade is not None:
        before_upgrade(version)
    # an in-memory database lives in its engine's connection: nothing to protect, and no other engine
    # could reach it
    in_memory = engine.dialect.name == "sqlite" and engine.url.database in (None, "", ":memory:")
    ddl_engine = (
        engine if in_memory else transactional_engine(engine.url.render_as_string(hide_password=False))
    )
    try:
        with ddl_engine.begin() as connection:
            # read again under the write lock: another copy may have upgraded the file meanwhile
            found = current_version(connection)
            if found is None:
                raise StoreError(NOT_OURS_MESSAGE)
            if found == 0:
                Base.metadata.create_all(connection)
                connection.execute(insert(SchemaInfo).values(id=1, version=SCHEMA_VERSION))
            else:
                upgrade(connection, found)
    finally:
        if ddl_engine is not engine:
            ddl_engine.dispose()
    return MigrationResult(version, SCHEMA_VERSION)


def upgrade(connection: Connection, version: int) -> None:
    """Run the steps after `version` inside the caller's transaction."""
    operations = Operations(MigrationContext.configure(connection))
    for target in range(version + 1, SCHEMA_VERSION + 1):
        STEPS[target](operations)
        connection.execute(text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": target})
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            raise StoreError(f"升级后数据表“{broken[0]}”的关联不一致，升级已撤销，数据库未改动。")


# --- what a file of each version must contain --------------------------------------------------------

Shape = dict[str, frozenset[str]]  # table → column names


def read_shape(connection: sqlite3.Connection) -> Shape:
    """The tables and their columns of an SQLite database, read with plain sqlite3."""
    tables = [
        r[0]
        for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {t: frozenset(r[1] for r in connection.execute(f'PRAGMA table_info("{t}")')) for t in tables}


@cache
def expected_shape(version: int) -> Shape:
    """The tables and columns a database of schema `version` has: schema 1 plus the steps up to it."""
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            v1_schema.metadata.create_all(connection)
            operations = Operations(MigrationContext.configure(connection))
            for target in range(2, version + 1):
                STEPS[target](operations)
        raw = engine.raw_connection()
        try:
            return read_shape(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
    finally:
        engine.dispose()


def file_version(connection: sqlite3.Connection) -> int | None:
    """The schema version a file says it has; None when it says nothing sensible."""
    try:
        row = connection.execute("SELECT version FROM schema_info WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    if row is None or not isinstance(row[0], int) or row[0] < 1:
        return None
    return int(row[0])


def schema_problem(connection: sqlite3.Connection) -> str | None:
    """None when the file is one of ours at a version this program can open; else why not (Chinese).

    A file with a version but without the tables and columns of that version (half-built, or someone
    else's file that happens to have a schema_info table) is not ours: upgrading it would go wrong.
    """
    shape = read_shape(connection)
    if not shape:
        return "是空的数据库，没有任何数据表"
    if "schema_info" not in shape:
        return "不是本程序的数据库（缺少架构版本信息）"
    version = file_version(connection)
    if version is None:
        return "不是本程序的数据库（架构版本信息无效）"
    if version > SCHEMA_VERSION:
        return f"由更新版本的程序创建（架构版本 {version}，本程序支持到 {SCHEMA_VERSION}）"
    missing = [
        f"{table}.{column}"
        for table, columns in expected_shape(version).items()
        for column in sorted(columns - shape.get(table, frozenset()))
    ]
    if missing:
        shown = "、".join(missing[:5]) + ("等" if len(missing) > 5 else "")
        return f"不是完整的本程序数据库（架构版本 {version} 应有的数据表或字段缺失：{shown}）"
    return None
