"""Schema creation and upgrade: an old file is upgraded in place after a backup, never damaged."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from old_databases import make_database_at, make_v1_database

from disclosure_desk.store.db import open_store
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.migrations import STEPS
from disclosure_desk.store.models import SCHEMA_VERSION, Base


def _columns(engine: sa.Engine) -> dict[str, set[str]]:
    inspector = sa.inspect(engine)
    return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}


def test_new_database_is_created_at_latest_version(db_path: Path) -> None:
    store = open_store(str(db_path))
    assert store.migration.created
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version FROM schema_info")).scalar() == SCHEMA_VERSION
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "delete"
    store.close()


def test_upgrade_from_first_schema_keeps_data_and_backs_up_first(db_path: Path) -> None:
    make_v1_database(db_path)
    store = open_store(str(db_path))
    assert store.migration.from_version == 1
    assert store.migration.to_version == SCHEMA_VERSION
    # the upgraded schema is exactly what a new database gets
    fresh = sa.create_engine("sqlite://")
    Base.metadata.create_all(fresh)
    assert _columns(store.engine) == _columns(fresh)
    old = store.publication(3)
    assert old.title == "老记录" and old.reviewer == "张三" and old.channels == ("政府网站",)
    assert store.item(7).rule_override is None
    store.close()
    backups = list((db_path.parent / "backups").glob("*before-migration-v1*.sqlite3"))
    assert len(backups) == 1
    conn = sqlite3.connect(backups[0])
    assert conn.execute("SELECT version FROM schema_info").fetchone() == (1,)
    assert conn.execute("SELECT title FROM publications").fetchone() == ("老记录",)
    conn.close()


def test_step_5_gives_old_publications_an_empty_late_reason(db_path: Path) -> None:
    make_v1_database(db_path)
    engine = sa.create_engine(f"sqlite:///{db_path}")
    for target in (2, 3, 4):  # bring the file to schema 4 exactly as a program of that version left it
        with engine.begin() as connection:
            STEPS[target](Operations(MigrationContext.configure(connection)))
            connection.execute(sa.text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": target})
    assert "late_reason" not in _columns(engine)["publications"]
    engine.dispose()
    store = open_store(str(db_path))
    assert store.migration.from_version == 4
    old = store.publication(3)
    assert (old.title, old.late_reason) == ("老记录", "")
    store.update_publication(replace(old, late_reason="会签延误"))
    assert store.publication(3).late_reason == "会签延误"
    store.close()


def test_newer_schema_is_refused_and_untouched(db_path: Path) -> None:
    open_store(str(db_path)).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE schema_info SET version = 99")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(str(db_path))
    assert db_path.read_bytes() == before


def test_foreign_database_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE other (x INTEGER)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="不是本程序的数据库"):
        open_store(str(db_path))
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("content", [b"hello, this is not a database" * 100, b"\x00\xff" * 3000])
def test_corrupt_file_gets_a_message_and_stays_byte_for_byte(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match=r"损坏|不是有效"):
        open_store(str(db_path))
    assert db_path.read_bytes() == content
    assert not (db_path.parent / "backups").exists()


def test_damaged_sqlite_body_gets_a_message_and_stays_byte_for_byte(db_path: Path) -> None:
    open_store(str(db_path)).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xde\xad" * ((4096 - 100) // 2)
    db_path.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(StoreError):
        open_store(str(db_path))
    assert db_path.read_bytes() == before


def test_folder_instead_of_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="文件夹"):
        open_store(str(tmp_path))


def test_unknown_url_is_refused() -> None:
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x/y")


def test_step_7_drops_the_cached_due_date(db_path: Path) -> None:
    make_v1_database(db_path)
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:  # a stale cached value, as an old program could leave it
        connection.execute(sa.text("UPDATE publications SET due_on = '2000-01-01'"))
    for target in (2, 3, 4, 5, 6):  # schema 6 exactly as a program of that version left it
        with engine.begin() as connection:
            STEPS[target](Operations(MigrationContext.configure(connection)))
            connection.execute(sa.text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": target})
    assert "due_on" in _columns(engine)["publications"]
    engine.dispose()
    store = open_store(str(db_path))
    assert store.migration.from_version == 6
    assert "due_on" not in _columns(store.engine)["publications"]
    indexes = {i["name"] for i in sa.inspect(store.engine).get_indexes("publications")}
    assert "ix_publications_due" not in indexes
    (record,) = store.publication_records(store.publications())
    # the due date is computed from the rule (20 working days after 2020-03-02), not read from a cache
    assert record.publication.title == "老记录" and record.due.due_on == date(2020, 3, 30)
    store.close()


def test_step_9_adds_the_clause_and_the_dynamic_mark(db_path: Path) -> None:
    make_v1_database(db_path)
    engine = sa.create_engine(f"sqlite:///{db_path}")
    for target in (2, 3, 4, 5, 6, 7, 8):  # schema 8 exactly as a program of that version left it
        with engine.begin() as connection:
            STEPS[target](Operations(MigrationContext.configure(connection)))
            connection.execute(sa.text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": target})
    assert "clause" not in _columns(engine)["publications"]
    assert "dynamic" not in _columns(engine)["catalogue_items"]
    engine.dispose()
    store = open_store(str(db_path))
    assert store.migration.from_version == 8
    old = store.publication(3)
    assert old.clause is None and store.item(7).dynamic is False
    store.update_publication(replace(old, clause=1), today=date(2026, 11, 25))
    store.set_item_dynamic(7, True)
    assert store.publication(3).clause == 1 and store.item(7).dynamic is True
    store.close()


def test_upgrade_from_schema_9_adds_the_request_ids(db_path: Path) -> None:
    make_database_at(db_path, 9)
    store = open_store(str(db_path))
    assert store.migration.from_version == 9
    assert "add_requests" in _columns(store.engine)
    assert store.publication(3).title == "老记录"
    again = store.add_publication(store.publication(3), request_id="脚本-1")
    assert store.add_publication(store.publication(3), request_id="脚本-1") == again
    store.close()


def test_upgrade_from_schema_10_keeps_extensions_and_adds_the_notice_day(db_path: Path) -> None:
    from disclosure_desk.domain.applications import ApplicationEvent, EventKind
    from disclosure_desk.store.applications import ApplicationRegister

    make_database_at(db_path, 10)
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:  # an application with an extension, as schema 10 stored it
        conn.execute(
            sa.text(
                "INSERT INTO applications (id, number, received_on, applicant_type, via, content,"
                " applicant_name, applicant_id_number, applicant_contact, notes, created_at, updated_at)"
                " VALUES (1, '2026-001', '2026-11-02', '自然人', '当面', '某文件', '', '', '', '',"
                " '2026-11-02 09:00:00', '2026-11-02 09:00:00')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO application_events (application_id, kind, happened_on, note, approved_by)"
                " VALUES (1, 'extended', '2026-11-20', '电话告知', '王主任')"
            )
        )
    assert "notified_on" not in _columns(engine)["application_events"]
    engine.dispose()
    store = open_store(str(db_path))
    assert store.migration.from_version == 10
    [event] = ApplicationRegister(store).application(1).events
    assert event == ApplicationEvent(EventKind.EXTENDED, date(2026, 11, 20), "电话告知", "王主任", event.id)
    assert event.notified_on is None
    store.close()
