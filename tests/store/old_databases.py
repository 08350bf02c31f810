"""Databases as earlier versions of the program wrote them, for upgrade tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from disclosure_desk.store.migrations import v1_schema


def make_v1_database(path: Path, extra_publications: int = 0) -> None:
    """A schema-1 database: one catalogue, item 7, publication 3 "老记录", and `extra_publications` more."""
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        v1_schema.metadata.create_all(conn)
        t = v1_schema.metadata.tables
        conn.execute(t["schema_info"].insert().values(id=1, version=1))
        conn.execute(
            t["catalogues"]
            .insert()
            .values(
                id=1,
                title="旧目录",
                version="2019",
                effective_on=date(2019, 1, 1),
                imported_at=datetime(2020, 1, 1),
                source="x",
                active=True,
            )
        )
        conn.execute(
            t["catalogue_items"]
            .insert()
            .values(
                id=7,
                catalogue_id=1,
                position=1,
                number=1,
                process="决策",
                category="政策法规",
                subcategory="部门文件",
                content="c",
                basis="b",
                time_limit="自该信息形成或者变更之日起20个工作日内",
                publisher="区科技局",
                channels=["政府网站"],
                audience=["全社会"],
                mode=["主动"],
                extra={},
            )
        )
        conn.execute(
            t["publications"]
            .insert()
            .values(
                id=3,
                item_id=7,
                title="老记录",
                formed_on=date(2020, 3, 2),
                published_on=date(2020, 3, 10),
                document_number="周科发〔2020〕1号",
                index_number="",
                channels=["政府网站"],
                url="",
                department="",
                responsible="",
                review_done=True,
                reviewer="张三",
                missing_channel_reason="",
                notes="",
                created_at=datetime(2020, 3, 10),
                updated_at=datetime(2020, 3, 10),
            )
        )
        if extra_publications:
            row = conn.execute(t["publications"].select().where(t["publications"].c.id == 3)).mappings().one()
            conn.execute(
                t["publications"].insert(),
                [{**row, "id": 100 + n, "title": f"记录{n}"} for n in range(extra_publications)],
            )
    engine.dispose()


def make_database_at(path: Path, version: int) -> None:
    """A database as the program of schema `version` left it: schema 1 with its data, then the steps."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from disclosure_desk.store.migrations import STEPS

    make_v1_database(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        operations = Operations(MigrationContext.configure(conn))
        for step in range(2, version + 1):
            STEPS[step](operations)
        conn.execute(sa.text("UPDATE schema_info SET version = :v"), {"v": version})
    engine.dispose()
