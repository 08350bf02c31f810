"""The register of information requests (依申请公开): applications and their events.

Plain domain values in and out, one transaction per action, every change in the audit trail, deletion to
the trash first. Everything is checked (domain.application_clock.check_application) before anything is
written, so bad input changes nothing. The clock itself is never stored: it is a pure function of the
events, the calendar and the day asked about.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from disclosure_desk.domain.application_clock import (
    ApplicationRecord,
    application_record,
    check_application,
)
from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    ReceiptChannel,
    reply_result,
)
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.store.base import now as _now
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.models import ApplicationEventRow, ApplicationRow
from disclosure_desk.store.repository import Store

ENTITY = "application"  # the audit trail's name for these records

# What the officer edits on an application itself (events and the reply have their own actions).
EDITABLE_FIELDS = (
    "number",
    "received_on",
    "applicant_type",
    "via",
    "content",
    "applicant_name",
    "applicant_id_number",
    "applicant_contact",
    "notes",
)


def application_from_row(row: ApplicationRow) -> Application:
    return Application(
        received_on=row.received_on,
        applicant_type=ApplicantType(row.applicant_type),
        content=row.content,
        id=row.id,
        number=row.number,
        via=ReceiptChannel(row.via),
        applicant_name=row.applicant_name,
        applicant_id_number=row.applicant_id_number,
        applicant_contact=row.applicant_contact,
        replied_on=row.replied_on,
        result=reply_result(row.result) if row.result else None,
        notes=row.notes,
        events=tuple(
            ApplicationEvent(EventKind(e.kind), e.happened_on, e.note, e.approved_by, e.id, e.notified_on)
            for e in row.events
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )


def snapshot(application: Application) -> dict[str, Any]:
    """The audit trail's picture of an application: JSON-able, codes as stored."""

    def iso(value: date | datetime | None) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "number": application.number,
        "received_on": iso(application.received_on),
        "applicant_type": application.applicant_type.value,
        "via": application.via.value,
        "content": application.content,
        "applicant_name": application.applicant_name,
        "applicant_id_number": application.applicant_id_number,
        "applicant_contact": application.applicant_contact,
        "replied_on": iso(application.replied_on),
        "result": application.result.code if application.result else None,
        "notes": application.notes,
        "events": [
            {"kind": e.kind.value, "on": iso(e.on), "note": e.note, "approved_by": e.approved_by}
            # only when recorded: snapshots from before schema 11 then compare equal
            | ({"notified_on": iso(e.notified_on)} if e.notified_on is not None else {})
            for e in application.events
        ],
        "deleted_at": iso(application.deleted_at),
    }


class ApplicationRegister:
    """The applications in one store. `today` is injected so the window's pinned clock applies."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- reading --------------------------------------------------------------------------------------

    def application(self, application_id: int) -> Application:
        with self.store.transaction() as session:
            return application_from_row(self._row(session, application_id, live=False))

    def applications(self, *, deleted: bool = False) -> list[Application]:
        """Live applications (or the trash), in order of receipt."""
        condition = ApplicationRow.deleted_at.is_not(None) if deleted else ApplicationRow.deleted_at.is_(None)
        query = (
            select(ApplicationRow)
            .where(condition)
            .options(selectinload(ApplicationRow.events))
            .order_by(ApplicationRow.received_on, ApplicationRow.id)
        )
        with self.store.transaction() as session:
            return [application_from_row(r) for r in session.scalars(query)]

    def records(self, today: date, applications: list[Application] | None = None) -> list[ApplicationRecord]:
        """Applications with their clocks as of `today` (all live ones when none are given)."""
        calendar = self.store.calendar()
        due_soon = self.store.settings().due_soon_days
        chosen = self.applications() if applications is None else applications
        return [application_record(a, calendar, today, due_soon) for a in chosen]

    def record(self, application: Application, today: date) -> ApplicationRecord:
        return application_record(
            application, self.store.calendar(), today, self.store.settings().due_soon_days
        )

    # --- writing --------------------------------------------------------------------------------------

    def add(self, application: Application, today: date) -> Application:
        """Save a new application (with any events it carries). Raises ValidationError, changes nothing."""
        check_application(application, today)
        now = _now()
        with self.store.transaction() as session:
            number = application.number.strip() or self._next_number(session, application.received_on)
            self._check_number_free(session, number, None)
            row = ApplicationRow(created_at=now, updated_at=now)
            self._fill(row, replace(application, number=number))
            row.replied_on = application.replied_on
            row.result = application.result.code if application.result else None
            row.events = [self._event_row(e) for e in application.events]
            session.add(row)
            session.flush()
            saved = application_from_row(row)
            Store._audit(session, ENTITY, row.id, "create", None, snapshot(saved))
            return saved

    def update(self, application: Application, today: date) -> Application:
        """Save the editable fields, events and reply of an existing application, as given."""
        if application.id is None:
            raise StoreError("无法保存：该申请尚未登记。")
        check_application(application, today)
        with self.store.transaction() as session:
            row = self._row(session, application.id)
            before = snapshot(application_from_row(row))
            number = application.number.strip() or row.number
            self._check_number_free(session, number, row.id)
            self._fill(row, replace(application, number=number))
            row.replied_on = application.replied_on
            row.result = application.result.code if application.result else None
            row.events = [self._event_row(e) for e in application.events]
            row.updated_at = _now()
            session.flush()
            saved = application_from_row(row)
            Store._audit(session, ENTITY, row.id, "update", before, snapshot(saved))
            return saved

    def add_event(self, application_id: int, event: ApplicationEvent, today: date) -> Application:
        current = self.application_live(application_id)
        return self.update(replace(current, events=(*current.events, replace(event, id=None))), today)

    def remove_event(self, application_id: int, event_id: int, today: date) -> Application:
        current = self.application_live(application_id)
        events = tuple(e for e in current.events if e.id != event_id)
        if len(events) == len(current.events):
            raise StoreError(f"申请 {application_id} 没有编号为 {event_id} 的事件。")
        return self.update(replace(current, events=events), today)

    def reply(self, application_id: int, on: date, result_code: str, today: date) -> Application:
        current = self.application_live(application_id)
        if current.replied_on is not None:
            result = current.result.code if current.result else ""
            raise ValidationError(
                f"该申请已于{current.replied_on.isoformat()}答复（{result}）；如需更正，请在窗口中编辑。",
                "replied_on",
            )
        return self.update(replace(current, replied_on=on, result=reply_result(result_code)), today)

    def application_live(self, application_id: int) -> Application:
        with self.store.transaction() as session:
            return application_from_row(self._row(session, application_id))

    def delete(self, application_id: int) -> None:
        """Move to the trash (restore brings it back)."""
        self._set_deleted(application_id, _now())

    def restore(self, application_id: int) -> None:
        self._set_deleted(application_id, None)

    def purge(self, application_id: int) -> None:
        """Delete for good — only from the trash."""
        with self.store.transaction() as session:
            row = self._row(session, application_id, live=False)
            if row.deleted_at is None:
                raise StoreError(f"申请 {application_id} 不在回收站中，不能彻底删除。")
            before = snapshot(application_from_row(row))
            session.execute(delete(ApplicationEventRow).where(ApplicationEventRow.application_id == row.id))
            session.execute(delete(ApplicationRow).where(ApplicationRow.id == row.id))
            Store._audit(session, ENTITY, application_id, "purge", before, None)

    # --- internals ------------------------------------------------------------------------------------

    def _set_deleted(self, application_id: int, when: datetime | None) -> None:
        with self.store.transaction() as session:
            row = self._row(session, application_id, live=False)
            before = snapshot(application_from_row(row))
            row.deleted_at = when
            session.flush()
            action = "delete" if when else "restore"
            Store._audit(session, ENTITY, application_id, action, before, snapshot(application_from_row(row)))

    @staticmethod
    def _row(session: Session, application_id: int, *, live: bool = True) -> ApplicationRow:
        row = session.get(ApplicationRow, application_id)
        if row is None or (live and row.deleted_at is not None):
            raise StoreError(f"申请 {application_id} 不存在或已删除。")
        return row

    @staticmethod
    def _fill(row: ApplicationRow, application: Application) -> None:
        for name in EDITABLE_FIELDS:
            value = getattr(application, name)
            setattr(row, name, value.value if isinstance(value, ApplicantType | ReceiptChannel) else value)

    @staticmethod
    def _event_row(event: ApplicationEvent) -> ApplicationEventRow:
        return ApplicationEventRow(
            kind=event.kind.value,
            happened_on=event.on,
            note=event.note.strip(),
            approved_by=event.approved_by.strip(),
            notified_on=event.notified_on,
        )

    @staticmethod
    def _next_number(session: Session, received_on: date) -> str:
        """The next registration number of the year of receipt: "2026-003" (trash included, never reused)."""
        prefix = f"{received_on.year}-"
        numbers = session.scalars(
            select(ApplicationRow.number).where(ApplicationRow.number.like(f"{prefix}%"))
        )
        used = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
        return f"{prefix}{max(used, default=0) + 1:03d}"

    @staticmethod
    def _check_number_free(session: Session, number: str, own_id: int | None) -> None:
        clash = session.scalars(
            select(ApplicationRow.id).where(
                ApplicationRow.number == number, ApplicationRow.id != (own_id or 0)
            )
        ).first()
        if clash is not None:
            raise ValidationError(f"申请编号“{number}”已被另一条申请使用。", "number")
