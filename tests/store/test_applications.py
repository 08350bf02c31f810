"""The 依申请公开 register in the store: saved, listed, audited, trashed; bad input changes nothing."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    EventKind,
    ReceiptChannel,
    reply_result,
)
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.db import open_store
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.migrations import STEPS, v1_schema
from disclosure_desk.store.repository import Store

TODAY = date(2026, 12, 1)


def new(received: str = "2026-11-02", **changes: object) -> Application:
    base = Application(
        received_on=date.fromisoformat(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        content="2026年科技项目资金分配结果",
        via=ReceiptChannel.POST,
        applicant_name="张三",
        applicant_id_number="370303199001011234",
        applicant_contact="13800000000",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def register(store: Store) -> ApplicationRegister:
    return ApplicationRegister(store)


def test_add_numbers_by_year_and_reads_back(register: ApplicationRegister) -> None:
    first = register.add(new(), TODAY)
    second = register.add(new("2026-11-03"), TODAY)
    own = register.add(new(number="周科依申请〔2026〕9号"), TODAY)
    assert (first.number, second.number, own.number) == ("2026-001", "2026-002", "周科依申请〔2026〕9号")
    back = register.application(first.id or 0)
    assert back.applicant_name == "张三" and back.via is ReceiptChannel.POST
    assert [a.id for a in register.applications()] == [first.id, own.id, second.id]


def test_events_and_reply_drive_the_clock(register: ApplicationRegister) -> None:
    saved = register.add(new(), TODAY)
    app_id = saved.id or 0
    register.add_event(app_id, ApplicationEvent(EventKind.CONSULTATION_SENT, date(2026, 11, 9)), TODAY)
    register.add_event(app_id, ApplicationEvent(EventKind.CONSULTATION_ANSWERED, date(2026, 11, 20)), TODAY)
    [record] = register.records(TODAY)
    assert record.clock.due_on == date(2026, 12, 11)
    assert record.clock.status is ApplicationStatus.OPEN
    replied = register.reply(app_id, date(2026, 12, 1), "不予公开-4", TODAY)
    assert replied.result == reply_result("不予公开-4")
    [record] = register.records(TODAY)
    assert record.clock.status is ApplicationStatus.REPLIED_ON_TIME
    with pytest.raises(ValidationError, match="已于2026-12-01答复"):
        register.reply(app_id, date(2026, 12, 1), "予以公开", TODAY)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (ApplicationEvent(EventKind.EXTENDED, date(2026, 10, 30)), "早于收到申请日期"),
        (ApplicationEvent(EventKind.FEE_PAID, date(2026, 11, 10)), "没有尚未结束的"),
        (ApplicationEvent(EventKind.EXTENDED, date(2026, 12, 2)), "不能晚于今天"),
    ],
)
def test_bad_events_change_nothing(
    register: ApplicationRegister, event: ApplicationEvent, message: str
) -> None:
    saved = register.add(new(), TODAY)
    with pytest.raises(ValidationError, match=message):
        register.add_event(saved.id or 0, event, TODAY)
    assert register.application(saved.id or 0) == saved


def test_second_extension_and_early_reply_change_nothing(register: ApplicationRegister) -> None:
    saved = register.add(new(), TODAY)
    app_id = saved.id or 0
    once = register.add_event(
        app_id, ApplicationEvent(EventKind.EXTENDED, date(2026, 11, 20), approved_by="李主任"), TODAY
    )
    with pytest.raises(ValidationError, match="已经延期一次"):
        register.add_event(app_id, ApplicationEvent(EventKind.EXTENDED, date(2026, 11, 25)), TODAY)
    with pytest.raises(ValidationError, match="早于收到申请日期"):
        register.reply(app_id, date(2026, 10, 1), "予以公开", TODAY)
    with pytest.raises(ValidationError, match="办理结果"):
        register.reply(app_id, date(2026, 11, 30), "不予公开-9", TODAY)
    assert register.application(app_id) == once
    assert len(register.store.audit_history("application", app_id)) == 2  # create, one extension


def test_bad_applications_are_refused(register: ApplicationRegister) -> None:
    with pytest.raises(ValidationError, match="申请内容不能为空"):
        register.add(new(content="  "), TODAY)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        register.add(new("2026-12-02"), TODAY)
    register.add(new(number="A-1"), TODAY)
    with pytest.raises(ValidationError, match="已被另一条申请使用"):
        register.add(new(number="A-1"), TODAY)
    assert len(register.applications()) == 1


def test_trash_restore_purge_and_audit(register: ApplicationRegister) -> None:
    saved = register.add(new(), TODAY)
    app_id = saved.id or 0
    register.delete(app_id)
    assert register.applications() == []
    assert [a.id for a in register.applications(deleted=True)] == [app_id]
    with pytest.raises(StoreError, match="不存在或已删除"):
        register.add_event(app_id, ApplicationEvent(EventKind.EXTENDED, date(2026, 11, 20)), TODAY)
    with pytest.raises(StoreError, match="不在回收站中"):
        register.restore(app_id)
        register.purge(app_id)
    register.delete(app_id)
    register.purge(app_id)
    assert register.applications(deleted=True) == []
    actions = [e.action for e in register.store.audit_history("application", app_id)]
    assert actions == ["create", "delete", "restore", "delete", "purge"]


def test_upgrade_from_schema_5_adds_the_register(db_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{db_path}")
    with engine.begin() as connection:
        v1_schema.metadata.create_all(connection)
        connection.execute(v1_schema.metadata.tables["schema_info"].insert().values(id=1, version=1))
    for target in (2, 3, 4, 5):  # schema 5 exactly as a program of that version left it
        with engine.begin() as connection:
            STEPS[target](Operations(MigrationContext.configure(connection)))
            connection.execute(sa.text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": target})
    assert "applications" not in sa.inspect(engine).get_table_names()
    engine.dispose()
    store = open_store(str(db_path))
    assert store.migration.from_version == 5
    register = ApplicationRegister(store)
    saved = register.add(new(), TODAY)
    assert register.application(saved.id or 0).content == "2026年科技项目资金分配结果"
    store.close()
    [backup] = list((db_path.parent / "backups").glob("*before-migration-v5*.sqlite3"))
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT version FROM schema_info").fetchone() == (5,)
    conn.close()
