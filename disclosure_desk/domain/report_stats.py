"""Statistics for the monthly and annual report that supervisors read (pure Python: no Qt, no SQL, no Excel).

Three days matter, and they are kept apart:
- the **report day**: the day the report is made (today, or the day `--today` pins). Records entered in
  the register after it did not exist yet and are left out.
- the **statistics day** (统计截止, `as_of`): the period's last day, or the report day when that is
  earlier. Everything is evaluated as of it (domain.status.evaluate_records), nothing dated after it is
  counted — a publication dated later counts as not yet published, a record that arose (was formed,
  changed, approved) later does not exist yet — and a report made before the period ends says so in its
  title: "2026年11月（截至11月15日）".
- the **generation time**: the clock when the file was written; printed, never used to count.

"Next month" is the month after the statistics day's month: an annual report made in November looks at
December, a complete October report at November.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from disclosure_desk.domain.application_stats import ApplicationPeriodStats, application_period_stats
from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.due import rule_of
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.freshness import ItemFreshness, catalogue_freshness, needing_attention
from disclosure_desk.domain.history import arisen_on
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.report_period import ReportPeriod, month_day
from disclosure_desk.domain.report_rows import (
    ChannelRow,
    CoverageRow,
    DetailRow,
    OpenGroup,
    OpenRow,
    category_of,
    channel_rows,
    coverage_rows,
    detail_rows,
    open_group_texts,
    open_rows,
    process_of,
)
from disclosure_desk.domain.review import published_without_review
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.status import Evaluated, Figures, Status, evaluate_records, figures_of
from disclosure_desk.domain.workdays import WorkdayCalendar


@dataclass(frozen=True)
class ReportInput:
    settings: Settings  # the bureau, the due-soon window, the sign-off block
    period: ReportPeriod
    report_day: date  # the day the report is made: today, or the day --today pins
    generated_at: datetime  # the clock when the file is written: printed only
    items: Sequence[CatalogueItem]  # the active catalogue, in order
    records: Sequence[PublicationRecord]  # every publication that is not deleted
    calendar: WorkdayCalendar

    # the 依申请公开 register (its own sheet counts it; no personal data leaves the domain's counts)
    applications: Sequence[Application] = ()

    @property
    def as_of(self) -> date:
        return min(self.period.end, self.report_day)


@dataclass(frozen=True)
class Counts:
    published: int = 0  # published in the period (up to the statistics day)
    on_time: int = 0  # … of which on or before the due date
    late: int = 0  # … of which after the due date
    no_due_date: int = 0  # … of which with no due date to judge against (neither on time nor late)
    unreviewed: int = 0  # … of which with no confidentiality review on record from before publication
    arisen: int = 0  # formed, changed or approved in the period: new work
    due: int = 0  # due in the period (published or not)
    overdue_open: int = 0  # not published and past due, as of the statistics day
    due_rest_of_month: int = 0  # a report made mid-month: not published, due in the rest of the month
    due_next_month: int = 0  # not published, due in the month after the statistics day's month

    @property
    def figures(self) -> Figures:
        return Figures(self.published, self.on_time, self.late, self.no_due_date)

    @property
    def on_time_rate(self) -> float | None:
        """On time ÷ (on time + late); None when nothing with a due date was published."""
        return self.figures.on_time_rate


@dataclass(frozen=True)
class GroupRow:
    process: str
    category: str  # "" for a 过程 subtotal
    counts: Counts


@dataclass(frozen=True)
class MonthRow:
    """One month of an annual report: exactly what that month's own report says."""

    month: int
    counts: Counts
    ended: bool  # False for a month not over by the statistics day (its month-end figures are not known)


@dataclass(frozen=True)
class ReportStats:
    settings: Settings
    period: ReportPeriod  # the period asked for
    counted: ReportPeriod  # the part of it up to the statistics day (the same when the period is over)
    report_day: date
    as_of: date  # 统计截止
    generated_at: datetime
    next_month: ReportPeriod
    totals: Counts
    previous: Counts | None  # the previous month's report's figures (monthly reports)
    previous_period: ReportPeriod
    by_category: tuple[GroupRow, ...]  # in catalogue order, empty ones included
    by_process: tuple[GroupRow, ...]
    channels: tuple[ChannelRow, ...]
    details: tuple[DetailRow, ...]  # published or due in the counted period
    open_items: tuple[OpenRow, ...]  # the open work, by name (see OpenGroup)
    coverage: tuple[CoverageRow, ...]
    monthly: tuple[MonthRow, ...] = field(default=())  # annual report only
    applications: ApplicationPeriodStats | None = None  # the 依申请公开 sheet's counts
    # 栏目更新: the columns stale, blank or soon stale on the statistics day, most urgent first
    freshness: tuple[ItemFreshness, ...] = ()

    @property
    def bureau(self) -> str:
        return self.settings.bureau_name

    @property
    def partial(self) -> bool:
        """Made before the period ended: counts up to the statistics day only."""
        return self.as_of < self.period.end

    @property
    def label(self) -> str:
        """ "2026年10月", or for a report made before the period ended "2026年11月（截至11月15日）"."""
        return self.counted.label

    @property
    def kind(self) -> str:
        return "年报" if self.period.is_annual else "月报"

    @property
    def title(self) -> str:
        return f"{self.bureau}政务公开工作{self.kind}"

    @property
    def as_of_text(self) -> str:
        return f"{self.as_of.year}年{month_day(self.as_of)}"

    @property
    def on_time_rate(self) -> float | None:
        return self.totals.on_time_rate

    def open_in(self, group: OpenGroup) -> tuple[OpenRow, ...]:
        return tuple(row for row in self.open_items if row.group is group)


# --- computation -------------------------------------------------------------------------------------


class _Tally:
    __slots__ = (
        "arisen",
        "due",
        "due_next_month",
        "due_rest_of_month",
        "overdue_open",
        "statuses",
        "unreviewed",
    )

    def __init__(self) -> None:
        self.statuses: list[Status] = []  # of the records published in the period
        self.unreviewed = self.arisen = self.due = 0
        self.overdue_open = self.due_rest_of_month = self.due_next_month = 0

    def freeze(self) -> Counts:
        f = figures_of(self.statuses)
        return Counts(
            published=f.published,
            on_time=f.on_time,
            late=f.late,
            no_due_date=f.no_due_date,
            unreviewed=self.unreviewed,
            arisen=self.arisen,
            due=self.due,
            overdue_open=self.overdue_open,
            due_rest_of_month=self.due_rest_of_month,
            due_next_month=self.due_next_month,
        )


@dataclass(frozen=True)
class _Window:
    """The days a report looks at, derived once from the period and the statistics day."""

    counted: ReportPeriod
    as_of: date
    rest_of_month: ReportPeriod | None  # after the statistics day, to its month's end (None at a month end)
    next_month: ReportPeriod

    @classmethod
    def of(cls, period: ReportPeriod, as_of: date) -> _Window:
        month = ReportPeriod.month_of(as_of)
        rest = None if as_of >= month.end else ReportPeriod(as_of + timedelta(days=1), month.end, "")
        return cls(period.until(as_of), as_of, rest, month.next_month())

    def open_group(self, ev: Evaluated, arisen: date | None) -> OpenGroup | None:
        """Where an unpublished record goes on the open-work list; None when it does not belong there."""
        due_on = ev.record.due.due_on
        if ev.status is Status.OVERDUE:
            return OpenGroup.OVERDUE
        if self.rest_of_month is not None and self.rest_of_month.contains(due_on):
            return OpenGroup.DUE_REST_OF_MONTH
        if self.next_month.contains(due_on):
            return OpenGroup.DUE_NEXT_MONTH
        if self.counted.contains(arisen):
            return OpenGroup.ARISEN_IN_PERIOD
        return None


def _existing(records: Iterable[PublicationRecord], as_of: date) -> list[PublicationRecord]:
    """The records that existed on the statistics day: published or arisen by then (a record dated later
    is a later period's). When it was typed into the register does not matter — officers enter records
    late, and the start page, `status` and `publication list` for the same day count them too."""
    kept = []
    for record in records:
        pub = record.publication
        if pub.published_on is None or pub.published_on > as_of:
            # Only a date the officer entered can put a record after the statistics day: one with no dates
            # (say, only a statutory due date) was open then, as `status` for that day shows it.
            arisen = arisen_on(record, as_of)
            if arisen is not None and arisen > as_of:
                continue
        kept.append(record)
    return kept


def _evaluate(data: ReportInput, as_of: date) -> list[Evaluated]:
    existing = _existing(data.records, as_of)
    return list(evaluate_records(existing, as_of, data.calendar, data.settings.due_soon_days).entries)


def _count(ev: Evaluated, window: _Window, report_day: date, tallies: Sequence[_Tally]) -> None:
    counted = window.counted
    due_on = ev.record.due.due_on
    published = counted.contains(ev.published_on)
    unreviewed = published and published_without_review(ev.record.publication, window.as_of)
    arisen = counted.contains(arisen_on(ev.record, report_day))
    due = counted.contains(due_on)
    overdue = ev.status is Status.OVERDUE
    is_open = ev.published_on is None
    rest = is_open and window.rest_of_month is not None and window.rest_of_month.contains(due_on)
    due_next = is_open and window.next_month.contains(due_on)
    for t in tallies:
        if published:
            t.statuses.append(ev.status)
            t.unreviewed += unreviewed
        t.arisen += arisen
        t.due += due
        t.overdue_open += overdue
        t.due_rest_of_month += rest
        t.due_next_month += due_next


def _totals(data: ReportInput, period: ReportPeriod) -> Counts:
    """What `period`'s own report, made on the same report day, gives as its totals."""
    as_of = min(period.end, data.report_day)
    total = _Tally()
    if as_of >= period.start:
        window = _Window.of(period, as_of)
        for ev in _evaluate(data, as_of):
            _count(ev, window, data.report_day, (total,))
    return total.freeze()


def compute_report(data: ReportInput) -> ReportStats:
    period, as_of = data.period, data.as_of
    if as_of < period.start:
        raise DisclosureDeskError(
            f"{period.label}尚未开始（统计日为 {data.report_day.isoformat()}），没有可统计的内容。"
        )
    window = _Window.of(period, as_of)
    evaluated = _evaluate(data, as_of)

    total = _Tally()
    processes: dict[str, _Tally] = {}
    categories: dict[tuple[str, str], _Tally] = {}
    # Catalogue order first, so an empty group still shows as a row of zeros.
    for item in data.items:
        processes.setdefault(process_of(item), _Tally())
        categories.setdefault((process_of(item), category_of(item)), _Tally())
    in_period: list[Evaluated] = []
    open_work: list[tuple[OpenGroup, Evaluated]] = []
    for ev in evaluated:
        item = ev.record.item
        process, category = process_of(item), category_of(item)
        tallies = (
            total,
            processes.setdefault(process, _Tally()),
            categories.setdefault((process, category), _Tally()),
        )
        _count(ev, window, data.report_day, tallies)
        if window.counted.contains(ev.published_on) or window.counted.contains(ev.record.due.due_on):
            in_period.append(ev)
        if ev.published_on is None:
            group = window.open_group(ev, arisen_on(ev.record, data.report_day))
            if group is not None:
                open_work.append((group, ev))

    texts = open_group_texts(period, as_of, window.next_month)
    previous = period.previous()
    return ReportStats(
        settings=data.settings,
        period=period,
        counted=window.counted,
        report_day=data.report_day,
        as_of=as_of,
        generated_at=data.generated_at,
        next_month=window.next_month,
        totals=total.freeze(),
        previous=None if period.is_annual else _totals(data, previous),
        previous_period=previous,
        by_category=tuple(GroupRow(p, c, t.freeze()) for (p, c), t in categories.items()),
        by_process=tuple(GroupRow(p, "", t.freeze()) for p, t in processes.items()),
        channels=channel_rows(ev.record for ev in evaluated if window.counted.contains(ev.published_on)),
        details=detail_rows(in_period, as_of, data.report_day),
        open_items=open_rows(open_work, texts, as_of, data.report_day),
        coverage=coverage_rows(data.items, (ev.record for ev in evaluated), period.end.year, as_of),
        monthly=_month_rows(data) if period.is_annual else (),
        applications=application_period_stats(data.applications, window.counted.start, as_of, data.calendar),
        freshness=_freshness(data, as_of),
    )


def _freshness(data: ReportInput, as_of: date) -> tuple[ItemFreshness, ...]:
    published = ((r.publication.item_id, r.publication.published_on) for r in data.records)
    rows = catalogue_freshness(
        data.items,
        rule_of,
        published,
        today=as_of,
        calendar=data.calendar,
        due_soon_days=data.settings.due_soon_days,
    )
    return needing_attention(rows)


def _month_rows(data: ReportInput) -> tuple[MonthRow, ...]:
    year, as_of = data.period.start.year, data.as_of
    rows = []
    for month in range(1, 13):
        period = ReportPeriod.month(year, month)
        rows.append(MonthRow(month, _totals(data, period), ended=period.end <= as_of))
    return tuple(rows)
