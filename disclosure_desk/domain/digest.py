"""The morning digest: what is overdue, what is coming due, how the month and year are going.

One computation serves the dashboard, the tray reminder and `disclosure-desk status`, so they can never
disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import AnchorDates, DeadlineRule, RuleKind
from disclosure_desk.domain.due import anchor_dates
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.recurring import PeriodicObligation, periodic_obligations, reported_day
from disclosure_desk.domain.status import Evaluated, Evaluation, Figures, Status, working_days_late
from disclosure_desk.domain.workdays import WorkdayCalendar

# A digest entry is a record evaluated as of the digest's day: its status, time left and days late.
DigestEntry = Evaluated


@dataclass(frozen=True)
class Digest:
    today: date
    overdue: tuple[Evaluated, ...]  # oldest due first
    due_soon: tuple[Evaluated, ...]  # soonest first
    open: tuple[Evaluated, ...]  # every unpublished record: by due date, undated last
    # unpublished records whose rule leaves the due date to the officer, who has not entered it yet
    needs_due_date: tuple[Evaluated, ...]
    month: Figures  # published this month, up to today
    year: Figures  # published this year, up to today: the on-time rate


def _sort_key(entry: Evaluated) -> tuple[int, date, int]:
    due = entry.record.due.due_on
    return (due is None, due or date.max, entry.record.publication.id or 0)


def build_digest(evaluation: Evaluation) -> Digest:
    """What is open, overdue and due soon, and the month's and year's figures, from one evaluation."""
    open_entries = sorted((e for e in evaluation.entries if e.published_on is None), key=_sort_key)
    return Digest(
        today=evaluation.as_of,
        overdue=tuple(e for e in open_entries if e.status is Status.OVERDUE),
        due_soon=tuple(e for e in open_entries if e.status is Status.DUE_SOON),
        open=tuple(open_entries),
        needs_due_date=tuple(e for e in open_entries if e.record.due.needs_due_date),
        month=evaluation.month,
        year=evaluation.year,
    )


@dataclass(frozen=True)
class YearlyObligation:
    """An item the officer marked as recurring yearly, and how this year stands."""

    item: CatalogueItem
    due_on: date
    met_on: date | None  # first publication for the item published this year, if any
    # working days late, as publications count them: as of the day met, or today while unmet
    days_late: int = 0
    working_days_left: int = 0  # from today to the due date while unmet (negative when late)

    def is_overdue(self, today: date) -> bool:
        return self.met_on is None and today > self.due_on

    @property
    def period_label(self) -> str:
        return f"{self.due_on.year}年"


# What the start page tracks per period: an item marked yearly, or one whose rule is periodic.
Obligation = YearlyObligation | PeriodicObligation


@dataclass(frozen=True)
class Coverage:
    year: int
    uncovered: tuple[CatalogueItem, ...]  # nothing published this year, in catalogue order
    yearly: tuple[YearlyObligation, ...]  # by due date
    periodic: tuple[PeriodicObligation, ...] = ()  # this year's reporting periods, by due date

    def yearly_open(self) -> tuple[YearlyObligation, ...]:
        return tuple(o for o in self.yearly if o.met_on is None)

    def obligations(self) -> tuple[Obligation, ...]:
        """Yearly and periodic obligations together, by due date."""
        both: list[Obligation] = [*self.yearly, *self.periodic]
        return tuple(sorted(both, key=lambda o: (o.due_on, o.item.number)))

    def open_obligations(self) -> tuple[Obligation, ...]:
        return tuple(o for o in self.obligations() if o.met_on is None)


def _obligation(
    item: CatalogueItem, year: int, met_on: date | None, today: date, cal: WorkdayCalendar
) -> YearlyObligation:
    assert item.yearly_due is not None
    due_on = item.yearly_due.in_year(year)
    late = working_days_late(due_on, met_on or today, cal)
    return YearlyObligation(item, due_on, met_on, late, cal.working_days_between(today, due_on))


def build_coverage(
    items: Iterable[CatalogueItem],
    records: Iterable[PublicationRecord],
    today: date,
    calendar: WorkdayCalendar,
    rule_of: Callable[[CatalogueItem], DeadlineRule] | None = None,
    effective_on: date | None = None,
) -> Coverage:
    """`rule_of` gives each item's rule; items whose rule is periodic get one obligation per reporting
    period of this year (recurring.periodic_obligations) — from the period the catalogue took effect in
    (`effective_on`) when that is later: a rule a new catalogue brought in asks nothing of earlier periods."""
    records = tuple(records)
    first_published: dict[int, date] = {}
    for record in records:
        published = record.publication.published_on
        if published is None or published.year != today.year or published > today:
            continue
        item_id = record.publication.item_id
        if item_id not in first_published or published < first_published[item_id]:
            first_published[item_id] = published
    items = tuple(items)
    uncovered = tuple(i for i in items if i.id not in first_published)
    yearly = sorted(
        (
            _obligation(i, today.year, first_published.get(i.id or -1), today, calendar)
            for i in items
            if i.yearly_due
        ),
        key=lambda o: (o.due_on, o.item.number),
    )
    since = date(today.year, 1, 1)
    if effective_on is not None and effective_on > since:
        since = effective_on
    periodic = _periodic(items, records, since, today, calendar, rule_of) if rule_of is not None else ()
    return Coverage(today.year, uncovered, tuple(yearly), periodic)


def _periodic(
    items: Iterable[CatalogueItem],
    records: Iterable[PublicationRecord],
    since: date,
    today: date,
    calendar: WorkdayCalendar,
    rule_of: Callable[[CatalogueItem], DeadlineRule],
) -> tuple[PeriodicObligation, ...]:
    published: dict[int, list[tuple[AnchorDates, date]]] = {}
    for record in records:
        day = record.publication.published_on
        if day is not None:
            published.setdefault(record.publication.item_id, []).append(
                (anchor_dates(record.publication), day)
            )
    found: list[PeriodicObligation] = []
    for item in items:
        rule = rule_of(item)
        if rule.kind is RuleKind.PERIODIC and item.id is not None:
            # each publication reports the period its own due date is computed for (reported_day)
            found += periodic_obligations(
                item,
                rule,
                [(reported_day(rule, dates)[0], day) for dates, day in published.get(item.id, ())],
                since=since,
                today=today,
                calendar=calendar,
            )
    return tuple(sorted(found, key=lambda o: (o.due_on, o.item.number)))
