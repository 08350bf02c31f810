"""The twelve-month history behind the dashboard's chart."""

from __future__ import annotations

from datetime import date, datetime

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.history import MonthHistory, arisen_on, monthly_history
from disclosure_desk.domain.publication import Publication, PublicationRecord
from disclosure_desk.domain.status import evaluate_records
from disclosure_desk.io.holidays_import import bundled_calendar
from disclosure_desk.store.repository import Store

ITEM = CatalogueItem(1, "决策", "政策法规", "部门文件", "", "", "", "", id=1)
TODAY = date(2026, 10, 10)  # a 调休 working Saturday, just after the National Day holiday


def _record(
    formed: date | None,
    due: date | None,
    published: date | None = None,
    created: datetime | None = None,
) -> PublicationRecord:
    publication = Publication(
        item_id=1, title="", formed_on=formed, published_on=published, created_at=created
    )
    return PublicationRecord(publication, ITEM, DueDate(due))


def _by_month(history: tuple[MonthHistory, ...]) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    return {
        (m.year, m.month): (m.figures.on_time, m.figures.late, m.figures.no_due_date, m.open_at_end)
        for m in history
    }


def history(records: list[PublicationRecord], today: date = TODAY) -> tuple[MonthHistory, ...]:
    return monthly_history(evaluate_records(records, today, bundled_calendar(), 5))


def test_twelve_months_end_with_the_current_one() -> None:
    months = history([])
    assert len(months) == 12
    assert (months[0].year, months[0].month) == (2025, 11)
    assert (months[-1].year, months[-1].month) == (2026, 10)
    assert all(m.figures.published == 0 and m.open_at_end == 0 for m in months)


def test_on_time_late_and_open_at_each_month_end() -> None:
    records = [
        # formed in August, due in September, published late in October: open at the ends of Aug and Sep
        _record(date(2026, 8, 20), date(2026, 9, 17), date(2026, 10, 9)),
        # published on its due day: on time
        _record(date(2026, 9, 1), date(2026, 9, 29), date(2026, 9, 29)),
        # never published: open from September on, including today
        _record(date(2026, 9, 25), date(2026, 10, 30)),
        # no due date to be late against: neither on time nor late, its own number
        _record(None, None, date(2026, 7, 3), created=datetime(2026, 7, 1, 9, 0)),
        # published before the window: counted nowhere
        _record(date(2025, 1, 5), date(2025, 2, 1), date(2025, 1, 20)),
        # formed before the window, still open: open at every month end shown
        _record(date(2025, 6, 1), date(2025, 6, 30)),
        # formed after today (a plan): open today, as the start page lists it, but not at earlier month ends
        _record(date(2026, 12, 1), date(2026, 12, 29)),
        # published "in the future": not published as of today
        _record(date(2026, 10, 8), date(2026, 11, 4), date(2026, 10, 20)),
    ]
    months = _by_month(history(records))
    assert months[(2025, 11)] == (0, 0, 0, 1)
    assert months[(2026, 7)] == (0, 0, 1, 1)
    assert months[(2026, 8)] == (0, 0, 0, 2)
    assert months[(2026, 9)] == (1, 0, 0, 3)
    assert months[(2026, 10)] == (0, 1, 0, 4)
    assert sum(m[0] + m[1] + m[2] for m in months.values()) == 3


def test_arisen_on_falls_back_to_the_entry_day_up_to_today() -> None:
    assert arisen_on(_record(date(2026, 3, 2), date(2026, 3, 30)), TODAY) == date(2026, 3, 2)
    entered = datetime(2026, 4, 1, 8, 0)
    assert arisen_on(_record(None, date(2026, 4, 30), created=entered), TODAY) == date(2026, 4, 1)
    assert arisen_on(_record(None, None, created=datetime(2027, 1, 5, 8, 0)), TODAY) == TODAY
    assert arisen_on(_record(None, None), TODAY) is None


def test_history_from_the_store_across_national_day(store: Store) -> None:
    catalogue = store.active_catalogue()
    item = catalogue.item_by_number(1)
    assert item is not None and item.id is not None
    # 20 working days from 2026-09-25 skip the National Day holiday and count Saturday 10-10: due 10-29
    store.add_publication(Publication(item_id=item.id, title="节前形成", formed_on=date(2026, 9, 25)))
    store.add_publication(
        Publication(
            item_id=item.id,
            title="九月底到期",
            formed_on=date(2026, 9, 1),
            published_on=date(2026, 10, 9),
            channels=item.channels,
        )
    )
    records = store.publication_records()
    assert [r.due.due_on for r in records] == [date(2026, 10, 29), date(2026, 9, 29)]
    months = _by_month(history(records))
    assert months[(2026, 9)] == (0, 0, 0, 2)
    assert months[(2026, 10)] == (0, 1, 0, 1)


def test_an_extension_in_an_applications_history_names_approver_and_notice_day() -> None:
    from disclosure_desk.domain.audit import show_value

    events = [
        {"kind": "extended", "on": "2026-11-20", "approved_by": "王主任", "notified_on": "2026-11-23"},
        {"kind": "correction-requested", "on": "2026-11-04", "note": "缺少身份证明", "approved_by": ""},
    ]
    assert show_value(events) == (
        "延期答复 2026-11-20（王主任批准，2026-11-23告知申请人）、告知补正 2026-11-04（缺少身份证明）"
    )
