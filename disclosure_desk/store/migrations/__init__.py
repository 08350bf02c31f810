"""Schema migrations: a version ladder run at start, after a backup of the file.

A new database is created straight from the models at the latest version. An older one is brought up
step by step; each step is frozen (it never imports the models, which keep changing) and runs in its own
transaction. DDL goes through Alembic's `Operations`, which speaks both SQLite and PostgreSQL (and does
SQLite's copy-and-move table rebuilds when a step needs one), so we keep the version ladder simple
without Alembic's script folders, which would need special care in a PyInstaller bundle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Connection, Engine, insert, inspect, text

from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.migrations import steps
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
}


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


def current_version(connection: Connection) -> int | None:
    """The schema version, 0 for an empty database, None for a database that is not ours."""
    tables = set(inspect(connection).get_table_names())
    if not tables:
        return 0
    if SchemaInfo.__tablename__ not in tables:
        return None
    version = connection.execute(text("SELECT version FROM schema_info WHERE id = 1")).scalar()
    return int(version) if version is not None else None


def migrate(engine: Engine, before_upgrade: Callable[[int], object] | None = None) -> MigrationResult:
    """Create or upgrade the schema. `before_upgrade(old_version)` runs first (it makes the backup)."""
    with engine.connect() as connection:
        version = current_version(connection)
    if version is None:
        raise StoreError("该文件不是本程序的数据库（缺少架构版本信息），为避免损坏数据，程序不会修改它。")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"该数据库由更新版本的程序创建（架构版本 {version}，本程序支持到 {SCHEMA_VERSION}）。"
            "请安装最新版本的程序后再打开。"
        )
    if version == 0:
        with engine.begin() as connection:
            Base.metadata.create_all(connection)
            connection.execute(insert(SchemaInfo).values(id=1, version=SCHEMA_VERSION))
        return MigrationResult(0, SCHEMA_VERSION)
    if version < SCHEMA_VERSION and before_upgrade is not None:
        before_upgrade(version)
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with engine.begin() as connection:
            STEPS[target](Operations(MigrationContext.configure(connection)))
            connection.execute(text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": target})
    return MigrationResult(version, SCHEMA_VERSION)
