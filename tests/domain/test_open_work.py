"""Publications and information requests in one due-date list (the start page's), as of Wednesday
2026-11-25: the order, the status words, and days left or late in working days for both kinds."""

from __future__ import annotations

from datetime import date

import pytest

from disclosure_desk.domain.application_clock import ApplicationRecord, application_record
from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    reply_result,
)
from disclosure_desk.domain.digest import build_digest
from disclosure_desk.domain.open_work import OpenObligation, WorkKind, open_work
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Status, evaluate_records
from disclosure_desk.store.repository import Store

TODAY = date(2026, 11, 25)


def _publish(store: Store, number: int, title: str, **dates: date) -> None:
    item = store.active_catalogue().item_by_number(number)
    assert item is not None and item.id is not None
    store.add_publication(Publication(item_id=item.id, title=title, channels=item.channels, **dates))


def _application(
    store: Store, id_: int, received: date, *events: ApplicationEvent, **changes: object
) -> ApplicationRecord:
    application = Application(
        received_on=received,
        applicant_type=ApplicantType.NATURAL_PERSON,
        content=f"申请 {id_}",
        id=id_,
        number=f"2026-{id_:03d}",
        applicant_name="张三",
        events=events,
        **changes,  # type: ignore[arg-type]
    )
    return application_record(application, store.calendar(), TODAY, 5)


def _work(store: Store) -> tuple[OpenObligation, ...]:
    _publish(store, 1, "十月形成", formed_on=date(2026, 10, 8))  # due 11-04 (10-10 is a 调休 Saturday)
    _publish(store, 1, "十一月形成", formed_on=date(2026, 11, 2))  # due 11-30
    _publish(store, 18, "应急预案")  # statutory, no date entered: undated, last
    _publish(store, 1, "已公开", formed_on=date(2026, 11, 2), published_on=date(2026, 11, 20))
    applications = [
        _application(store, 1, date(2026, 10, 20)),  # 20 working days → 11-17: overdue
        _application(store, 2, date(2026, 11, 2)),  # → 11-30, the day the publication is due
        # consultation sent and not yet answered: the clock is stopped
        _application(
            store, 3, date(2026, 11, 20), ApplicationEvent(EventKind.CONSULTATION_SENT, date(2026, 11, 23))
        ),
        _application(
            store, 4, date(2026, 10, 20), replied_on=date(2026, 11, 10), result=reply_result("予以公开")
        ),
        _application(store, 5, date(2026, 11, 2), ApplicationEvent(EventKind.WITHDRAWN, date(2026, 11, 5))),
    ]
    calendar = store.calendar()
    digest = build_digest(evaluate_records(store.publication_records(), TODAY, calendar, 5))
    return open_work(digest.open, applications, TODAY, calendar)


def _label(obligation: OpenObligation) -> str:
    source = obligation.source
    if obligation.kind is WorkKind.APPLICATION:
        assert isinstance(source, ApplicationRecord)
        return source.application.number
    assert not isinstance(source, ApplicationRecord)
    return source.record.publication.title


def test_both_kinds_by_due_date_replied_and_withdrawn_left_out(store: Store) -> None:
    work = _work(store)
    assert [_label(o) for o in work] == [
        "十月形成",  # due 11-04
        "2026-001",  # due 11-17
        "十一月形成",  # due 11-30; on one day publications come first
        "2026-002",  # due 11-30
        "2026-003",  # stopped: reckoned as if resumed today
        "应急预案",  # no due date
    ]
    assert [o.due_on for o in work] == [
        date(2026, 11, 4),
        date(2026, 11, 17),
        date(2026, 11, 30),
        date(2026, 11, 30),
        date(2026, 12, 22),  # 1 working day used (11-23); 19 left from today 11-25
        None,
    ]
    assert [o.kind for o in work] == [WorkKind.PUBLICATION, WorkKind.APPLICATION] * 2 + [
        WorkKind.APPLICATION,
        WorkKind.PUBLICATION,
    ]


def test_each_in_its_own_status_word_judged_on_one_scale(store: Store) -> None:
    work = _work(store)
    assert [o.word for o in work] == ["逾期未公开", "逾期未答复", "即将到期", "即将到期", "办理中", "未到期"]
    # the colour and the urgency: the publication status of the same urgency
    assert [o.status for o in work] == [
        Status.OVERDUE,
        Status.OVERDUE,
        Status.DUE_SOON,
        Status.DUE_SOON,
        Status.PENDING,
        Status.PENDING,
    ]
    assert [o.paused for o in work] == [False, False, False, False, True, False]
    assert work[4].pause_reason == "征求意见中"


@pytest.mark.parametrize(
    ("row", "left", "late"),
    [
        # 11-04 → 11-25: 11-05, 11-06, 11-09..13, 11-16..20, 11-23..25
        (0, -15, 15),
        # 11-17 → 11-25: 11-18..20, 11-23..25
        (1, -6, 6),
        (2, 3, 0),  # 11-26, 11-27, 11-30
        (3, 3, 0),
        (5, None, 0),
    ],
)
def test_days_left_and_late_in_working_days_for_both(
    store: Store, row: int, left: int | None, late: int
) -> None:
    obligation = _work(store)[row]
    assert (obligation.working_days_left, obligation.days_late) == (left, late)
