"""The status vocabulary: one word per status, groups, urgency, days late, and the one evaluation."""

from __future__ import annotations

from datetime import date

import pytest

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.publication import Publication, PublicationRecord
from disclosure_desk.domain.status import (
    GROUP_WORDS,
    NO_DUE_DATE_WORD,
    STATUS_GROUPS,
    STATUS_WORDS,
    URGENCY_ORDER,
    Figures,
    Status,
    StatusGroup,
    days_late_text,
    evaluate_records,
    publication_status,
    working_days_late,
)
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()
DUE = date(2026, 11, 4)  # a Wednesday


def status(due_on: date | None, published_on: date | None, today: date, soon: int = 3) -> Status:
    return publication_status(due_on, published_on, today, CAL, soon)


def test_one_word_per_status_and_no_word_shared() -> None:
    assert set(STATUS_WORDS) == set(Status)
    words = [*STATUS_WORDS.values(), *GROUP_WORDS.values()]
    assert len(set(words)) == len(words)
    assert STATUS_WORDS[Status.OVERDUE] == "逾期未公开"
    assert STATUS_WORDS[Status.PUBLISHED] == f"已公开（{NO_DUE_DATE_WORD}）"
    # "unpublished, whatever its due date" is a group, never a status's word
    assert GROUP_WORDS[StatusGroup.OPEN] not in STATUS_WORDS.values()


def test_groups_and_urgency() -> None:
    assert STATUS_GROUPS[StatusGroup.OPEN] | STATUS_GROUPS[StatusGroup.PUBLISHED] == set(Status)
    assert not STATUS_GROUPS[StatusGroup.OPEN] & STATUS_GROUPS[StatusGroup.PUBLISHED]
    assert STATUS_GROUPS[StatusGroup.JUDGED] == {Status.PUBLISHED_ON_TIME, Status.PUBLISHED_LATE}
    assert sorted(URGENCY_ORDER) == sorted(Status) and URGENCY_ORDER[0] is Status.OVERDUE


def test_published() -> None:
    assert status(DUE, date(2026, 11, 4), date(2026, 12, 1)) is Status.PUBLISHED_ON_TIME
    assert status(DUE, date(2026, 10, 1), date(2026, 12, 1)) is Status.PUBLISHED_ON_TIME
    assert status(DUE, date(2026, 11, 5), date(2026, 11, 5)) is Status.PUBLISHED_LATE
    assert status(None, date(2026, 11, 5), date(2026, 11, 5)) is Status.PUBLISHED


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 5), Status.OVERDUE),
        (date(2026, 11, 4), Status.DUE_SOON),  # due today counts as due soon
        (date(2026, 11, 1), Status.DUE_SOON),  # Sunday: 11-02, 03, 04 — three working days
        (date(2026, 10, 30), Status.DUE_SOON),  # Friday: 11-02, 03, 04 again
        (date(2026, 10, 29), Status.PENDING),  # Thursday: four working days
        (date(2026, 10, 1), Status.PENDING),
    ],
)
def test_unpublished(today: date, expected: Status) -> None:
    assert status(DUE, None, today) is expected


def test_due_soon_counts_working_days_across_a_holiday() -> None:
    due = date(2026, 10, 9)  # Friday after National Day
    assert status(due, None, date(2026, 9, 30), soon=2) is Status.DUE_SOON  # 10-08, 10-09
    assert status(due, None, date(2026, 9, 29), soon=2) is Status.PENDING


def test_no_due_date_is_pending() -> None:
    assert status(None, None, date(2026, 11, 5)) is Status.PENDING


def test_days_late_are_working_days() -> None:
    assert working_days_late(DUE, date(2026, 11, 6), CAL) == 2  # Thu, Fri
    assert working_days_late(DUE, DUE, CAL) == 0
    assert working_days_late(DUE, date(2026, 11, 14), CAL) == 7  # Sat 11-14: 11-05…06, 09…13
    assert working_days_late(DUE, date(2026, 11, 1), CAL) == 0
    assert working_days_late(None, date(2026, 11, 14), CAL) == 0
    # late on the rest day right after a Friday due date: still late, by one
    assert working_days_late(date(2026, 11, 6), date(2026, 11, 7), CAL) == 1
    # National Day 2026 (10-01…07) is not counted, the 调休 Saturday 10-10 is: 10-08, 10-09, 10-10
    assert working_days_late(date(2026, 9, 30), date(2026, 10, 10), CAL) == 3
    assert days_late_text(3) == "逾期 3 个工作日"


def _record(number: int, due: date | None, published: date | None) -> PublicationRecord:
    item = CatalogueItem(1, "决策", "政策法规", "", "内容", "", "", "")
    publication = Publication(item_id=1, title=f"#{number}", id=number, published_on=published)
    return PublicationRecord(publication, item, DueDate(due))


def test_evaluate_records_as_of_a_day() -> None:
    records = [
        _record(1, date(2026, 11, 10), date(2026, 11, 9)),  # on time
        _record(2, date(2026, 11, 10), date(2026, 11, 12)),  # late by 2 working days
        _record(3, None, date(2026, 11, 2)),  # no due date
        _record(4, date(2026, 11, 20), date(2026, 12, 1)),  # published after the day: open, overdue
        _record(5, date(2026, 11, 30), None),  # due soon
        _record(6, date(2026, 3, 2), date(2026, 3, 2)),  # on time, earlier this year
        _record(7, date(2025, 12, 1), date(2025, 12, 5)),  # late, last year
        _record(8, None, None),  # open, no due date
    ]
    evaluation = evaluate_records(records, date(2026, 11, 26), CAL, 5)
    statuses = [e.status for e in evaluation.entries]
    assert statuses == [
        Status.PUBLISHED_ON_TIME,
        Status.PUBLISHED_LATE,
        Status.PUBLISHED,
        Status.OVERDUE,
        Status.DUE_SOON,
        Status.PUBLISHED_ON_TIME,
        Status.PUBLISHED_LATE,
        Status.PENDING,
    ]
    late, overdue, soon = evaluation.entries[1], evaluation.entries[3], evaluation.entries[4]
    assert late.days_late == 2 and late.working_days_left is None
    assert (overdue.published_on, overdue.days_late, overdue.working_days_left) == (None, 4, -4)
    assert soon.working_days_left == 2
    assert evaluation.month == Figures(published=3, on_time=1, late=1, no_due_date=1)
    assert evaluation.month.on_time_rate == 0.5  # the record with no due date is not in the rate
    assert evaluation.year == Figures(published=4, on_time=2, late=1, no_due_date=1)
    assert evaluation.month_figures(2025, 12) == Figures(1, 0, 1, 0)
