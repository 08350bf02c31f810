"""The digest behind the dashboard and `status`, pinned across National Day 2026 and its 调休 Saturday."""

from __future__ import annotations

from datetime import date

from disclosure_desk.domain.digest import Digest, build_digest
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Figures, Status, evaluate_records
from disclosure_desk.store.repository import Store


def digest_of(store: Store, today: date) -> Digest:
    return build_digest(evaluate_records(store.publication_records(), today, store.calendar(), 5))


def _add(store: Store, number: int, title: str, **dates: date) -> None:
    item = store.active_catalogue().item_by_number(number)
    assert item is not None and item.id is not None
    store.add_publication(Publication(item_id=item.id, title=title, channels=item.channels, **dates))


def test_digest_across_national_day(store: Store) -> None:
    _add(store, 1, "九月底形成", formed_on=date(2026, 9, 1))  # 20 working days → 2026-09-29
    _add(store, 1, "节前形成", formed_on=date(2026, 9, 25))  # across the holiday → due 2026-10-30
    _add(store, 1, "节后形成", formed_on=date(2026, 10, 8))  # → 2026-11-04
    _add(store, 12, "预算批复", approved_on=date(2026, 9, 30))  # 20 日 → 2026-10-20
    _add(store, 1, "已公开", formed_on=date(2026, 9, 1), published_on=date(2026, 9, 20))
    _add(store, 18, "应急预案")  # statutory, no date entered: open, undated
    # Saturday 2026-10-10 is a 调休 working day: it counts as one
    digest = digest_of(store, date(2026, 10, 10))
    assert [e.record.publication.title for e in digest.overdue] == ["九月底形成"]
    # due Tue 09-29: 09-30, then (after National Day) 10-08, 10-09 and the 调休 Saturday 10-10
    assert digest.overdue[0].days_late == 4
    assert [e.record.publication.title for e in digest.due_soon] == []
    assert [e.record.publication.title for e in digest.open] == [
        "九月底形成",
        "预算批复",
        "节前形成",
        "节后形成",
        "应急预案",
    ]
    budget = digest.open[1]
    assert budget.record.due.due_on == date(2026, 10, 20)
    # from Sat 10-10 (a working day) to Tue 10-20: 10-12..16, 10-19, 10-20 = 7 working days
    assert budget.working_days_left == 7
    # a week later the budget is due soon; a published record never shows as due
    later = digest_of(store, date(2026, 10, 15))
    assert [e.record.publication.title for e in later.due_soon] == ["预算批复"]
    assert all(e.record.publication.published_on is None for e in later.open)
    assert later.open[-1].working_days_left is None and later.open[-1].status is Status.PENDING


def test_digest_month_and_year_figures(store: Store) -> None:
    _add(store, 1, "按时", formed_on=date(2026, 11, 2), published_on=date(2026, 11, 10))
    _add(store, 1, "逾期公开", formed_on=date(2026, 1, 5), published_on=date(2026, 3, 2))
    _add(store, 1, "去年", formed_on=date(2025, 1, 5), published_on=date(2025, 1, 6))
    _add(store, 18, "无时限", published_on=date(2026, 11, 3))  # statutory, no due date entered
    digest = digest_of(store, date(2026, 11, 25))
    assert digest.month == Figures(published=2, on_time=1, late=0, no_due_date=1)
    assert digest.year == Figures(published=3, on_time=1, late=1, no_due_date=1)
    assert digest.year.on_time_rate == 0.5
    assert digest.overdue == () and digest.due_soon == ()


def test_coverage_and_yearly_obligations(store: Store) -> None:
    from disclosure_desk.domain.catalogue import MonthDay
    from disclosure_desk.domain.digest import build_coverage

    budget = store.active_catalogue().item_by_number(12)
    plan = store.active_catalogue().item_by_number(5)
    assert budget is not None and budget.id is not None and plan is not None and plan.id is not None
    store.set_item_yearly_due(budget.id, MonthDay(3, 31))
    store.set_item_yearly_due(plan.id, MonthDay(12, 31))
    _add(store, 12, "2026年预算", approved_on=date(2026, 3, 1), published_on=date(2026, 3, 10))
    _add(store, 1, "去年的文件", formed_on=date(2025, 5, 1), published_on=date(2025, 5, 6))
    _add(store, 1, "未公开", formed_on=date(2026, 11, 2))
    catalogue = store.active_catalogue()
    coverage = build_coverage(
        catalogue.items, store.publication_records(), date(2026, 11, 25), store.calendar()
    )
    assert len(coverage.uncovered) == 32 and budget.id not in {i.id for i in coverage.uncovered}
    assert [(o.item.number, o.due_on, o.met_on) for o in coverage.yearly] == [
        (12, date(2026, 3, 31), date(2026, 3, 10)),
        (5, date(2026, 12, 31), None),
    ]
    assert [o.item.number for o in coverage.yearly_open()] == [5]
    assert not coverage.yearly[1].is_overdue(date(2026, 11, 25))
    assert coverage.yearly[1].is_overdue(date(2027, 1, 1))
    assert MonthDay(2, 29).in_year(2027) == date(2027, 2, 28)
    assert MonthDay(2, 29).in_year(2028) == date(2028, 2, 29)
    store.set_item_yearly_due(plan.id, None)
    assert store.item(plan.id).yearly_due is None


def test_periodic_obligations_start_when_the_catalogue_takes_effect(store: Store) -> None:
    """A catalogue in force from 11-15 that makes an item quarterly asks nothing of Q1–Q3: only the quarter
    it took effect in is owed (its report due in January); before it, the whole year is."""
    from disclosure_desk.domain.catalogue import CatalogueItem
    from disclosure_desk.domain.deadlines import DeadlineRule, parse_time_limit
    from disclosure_desk.domain.digest import build_coverage

    catalogue = store.active_catalogue()
    report = catalogue.item_by_number(32)
    assert report is not None

    def rule_of(item: CatalogueItem) -> DeadlineRule:
        return parse_time_limit("每季度结束后15日内" if item is report else "")

    def quarters(effective_on: date | None) -> list[date]:
        coverage = build_coverage(
            catalogue.items,
            store.publication_records(),
            date(2026, 11, 25),
            store.calendar(),
            rule_of,
            effective_on,
        )
        return [o.due_on for o in coverage.periodic]

    assert quarters(None) == [date(2026, 4, 15), date(2026, 7, 15), date(2026, 10, 15), date(2027, 1, 15)]
    assert quarters(date(2026, 11, 15)) == [date(2027, 1, 15)]
    assert quarters(date(2025, 6, 1)) == quarters(None)  # an older catalogue: this year as before
