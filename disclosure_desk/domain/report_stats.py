"""Statistics for the monthly and annual report that supervisors read (pure Python: no Qt, no SQL, no Excel).

Everything is evaluated "as of" one day: the period end, or the day the report is generated when that is
earlier (a report of the current month, made mid-month, must not call an item overdue that can still be
published on time). A publication dated after that day counts as not yet published.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.status import (
    Evaluated,
    Figures,
    Status,
    evaluate_records,
    figures_of,
    status_word,
)
from disclosure_desk.domain.validation import missing_required_channels
from disclosure_desk.domain.workdays import WorkdayCalendar

# Shown where a catalogue has no 过程/一级目录 column (other bureaus' catalogues), so no row is blank.
UNGROUPED = "（未分类）"


def _month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date  # inclusive
    label: str  # "2026年10月" / "2026年"

    @classmethod
    def month(cls, year: int, month: int) -> ReportPeriod:
        if not 1 <= month <= 12:
            raise ValueError(f"月份“{month}”无效，应为 1–12。")
        return cls(date(year, month, 1), _month_end(year, month), f"{year}年{month}月")

    @classmethod
    def year(cls, year: int) -> ReportPeriod:
        return cls(date(year, 1, 1), date(year, 12, 31), f"{year}年")

    @property
    def is_annual(self) -> bool:
        return self.start.month == 1 and self.start.day == 1 and self.end == date(self.start.year, 12, 31)

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def next_month(self) -> ReportPeriod:
        """The calendar month after the period end."""
        following = self.end + timedelta(days=1)
        return ReportPeriod.month(following.year, following.month)


@dataclass(frozen=True)
class ReportInput:
    bureau: str
    period: ReportPeriod
    generated_at: datetime
    items: Sequence[CatalogueItem]  # the active catalogue, in order
    records: Sequence[PublicationRecord]  # every publication that is not deleted
    calendar: WorkdayCalendar
    due_soon_days: int


@dataclass(frozen=True)
class Counts:
    published: int = 0  # published in the period
    on_time: int = 0  # … of which on or before the due date
    late: int = 0  # … of which after the due date
    no_due_date: int = 0  # … of which with no due date to judge against (neither on time nor late)
    due: int = 0  # due in the period (published or not)
    overdue_open: int = 0  # not published and past due, as of the report day
    due_next_month: int = 0  # not published as of the report day, due in the month after the period

    @property
    def figures(self) -> Figures:
        return Figures(self.published, self.on_time, self.late, self.no_due_date)

    @property
    def on_time_rate(self) -> float | None:
        """On time / (on time + late); None when nothing with a due date was published."""
        return self.figures.on_time_rate


@dataclass(frozen=True)
class GroupRow:
    process: str
    category: str  # "" for a by-过程 row
    counts: Counts


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    used: int  # publications published in the period that used this channel
    required: int  # … whose catalogue item ticks this channel
    missed: int  # … ticked in the catalogue but not used
    missed_explained: int  # … of the missed, with a reason recorded


@dataclass(frozen=True)
class DetailRow:
    process: str
    category: str
    subcategory: str
    title: str
    document_number: str
    index_number: str
    formed_on: date | None
    changed_on: date | None
    approved_on: date | None
    due_on: date | None
    published_on: date | None  # None when not published as of the report day
    channels: str
    url: str
    department: str
    responsible: str
    review: str
    status: Status
    days_late: int
    notes: str
    due_explanation: str

    @property
    def status_text(self) -> str:
        return status_word(self.status)


@dataclass(frozen=True)
class CoverageRow:
    number: int
    process: str
    category: str
    subcategory: str
    content: str
    time_limit: str
    last_published_on: date | None  # the latest publication ever, None when never published


@dataclass(frozen=True)
class MonthRow:
    month: int
    published: int
    on_time: int
    late: int
    no_due_date: int
    due: int
    overdue_at_month_end: int | None  # None for a month that has not ended by the report day

    @property
    def on_time_rate(self) -> float | None:
        return Figures(self.published, self.on_time, self.late, self.no_due_date).on_time_rate


@dataclass(frozen=True)
class ReportStats:
    bureau: str
    period: ReportPeriod
    generated_at: datetime
    as_of: date  # the day statuses are evaluated on
    next_month_label: str
    totals: Counts
    by_process: tuple[GroupRow, ...]
    by_category: tuple[GroupRow, ...]
    channels: tuple[ChannelRow, ...]
    details: tuple[DetailRow, ...]
    overdue: tuple[DetailRow, ...]
    coverage: tuple[CoverageRow, ...]
    monthly: tuple[MonthRow, ...] = field(default=())  # annual report only

    @property
    def on_time_rate(self) -> float | None:
        return self.totals.on_time_rate

    @property
    def title(self) -> str:
        kind = "年报" if self.period.is_annual else "月报"
        return f"{self.bureau}政务公开工作{kind}（{self.period.label}）"


# --- computation -------------------------------------------------------------------------------------


class _Tally:
    __slots__ = ("due", "due_next_month", "overdue_open", "statuses")

    def __init__(self) -> None:
        self.statuses: list[Status] = []  # of the records published in the period
        self.due = self.overdue_open = self.due_next_month = 0

    def freeze(self) -> Counts:
        f = figures_of(self.statuses)
        return Counts(
            f.published, f.on_time, f.late, f.no_due_date, self.due, self.overdue_open, self.due_next_month
        )


def _process_of(item: CatalogueItem) -> str:
    return item.process or UNGROUPED


def _category_of(item: CatalogueItem) -> str:
    return item.category or UNGROUPED


def compute_report(data: ReportInput) -> ReportStats:
    period = data.period
    as_of = min(period.end, data.generated_at.date())
    next_month = period.next_month()

    evaluation = evaluate_records(data.records, as_of, data.calendar, data.due_soon_days)
    evaluated = evaluation.entries

    total = _Tally()
    processes: dict[str, _Tally] = {}
    categories: dict[tuple[str, str], _Tally] = {}
    # Catalogue order first, so an empty group still shows as a row of zeros.
    for item in data.items:
        processes.setdefault(_process_of(item), _Tally())
        categories.setdefault((_process_of(item), _category_of(item)), _Tally())

    for ev in evaluated:
        item = ev.record.item
        tallies = (
            total,
            processes.setdefault(_process_of(item), _Tally()),
            categories.setdefault((_process_of(item), _category_of(item)), _Tally()),
        )
        _count(ev, period, next_month, tallies)

    return ReportStats(
        bureau=data.bureau,
        period=period,
        generated_at=data.generated_at,
        as_of=as_of,
        next_month_label=next_month.label,
        totals=total.freeze(),
        by_process=tuple(GroupRow(p, "", t.freeze()) for p, t in processes.items()),
        by_category=tuple(GroupRow(p, c, t.freeze()) for (p, c), t in categories.items()),
        channels=_channel_rows(ev for ev in evaluated if period.contains(ev.published_on)),
        details=_detail_rows(
            (
                ev
                for ev in evaluated
                if period.contains(ev.published_on) or period.contains(ev.record.due.due_on)
            ),
            as_of,
        ),
        overdue=_overdue_rows(evaluated, as_of),
        coverage=_coverage_rows(data.items, data.records, period, as_of),
        monthly=_month_rows(data, as_of) if period.is_annual else (),
    )


def _count(ev: Evaluated, period: ReportPeriod, next_month: ReportPeriod, tallies: Iterable[_Tally]) -> None:
    published = period.contains(ev.published_on)
    due = period.contains(ev.record.due.due_on)
    overdue = ev.status is Status.OVERDUE
    due_next = ev.published_on is None and next_month.contains(ev.record.due.due_on)
    for t in tallies:
        if published:
            t.statuses.append(ev.status)
        if due:
            t.due += 1
        if overdue:
            t.overdue_open += 1
        if due_next:
            t.due_next_month += 1


def _missed_channels(record: PublicationRecord) -> tuple[str, ...]:
    # The same rule the officer is warned with when saving, so report and register agree.
    return missing_required_channels(record.publication, record.item)


def _channel_rows(published: Iterable[Evaluated]) -> tuple[ChannelRow, ...]:
    used: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    required: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    missed: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    explained: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    for ev in published:
        pub = ev.record.publication
        # Channel names outside the 13 (another province's template) get rows of their own, after the 13.
        for channel in dict.fromkeys(pub.channels):
            used[channel] = used.get(channel, 0) + 1
        for channel in dict.fromkeys(ev.record.item.channels):
            required[channel] = required.get(channel, 0) + 1
        for channel in _missed_channels(ev.record):
            missed[channel] = missed.get(channel, 0) + 1
            if pub.missing_channel_reason.strip():
                explained[channel] = explained.get(channel, 0) + 1
    names = dict.fromkeys([*CHANNELS, *used, *required])
    return tuple(
        ChannelRow(c, used.get(c, 0), required.get(c, 0), missed.get(c, 0), explained.get(c, 0))
        for c in names
    )


def _review_text(record: PublicationRecord) -> str:
    pub = record.publication
    if not pub.review_done:
        return "未审查"
    who = "，".join(x for x in (pub.reviewer, pub.reviewed_on.isoformat() if pub.reviewed_on else "") if x)
    return f"已审查（{who}）" if who else "已审查"


def _notes(ev: Evaluated, as_of: date) -> str:
    pub = ev.record.publication
    parts = [pub.notes.strip()] if pub.notes.strip() else []
    missed = _missed_channels(ev.record)
    if missed and ev.published_on is not None:
        reason = pub.missing_channel_reason.strip()
        parts.append(f"未使用目录要求的渠道：{'、'.join(missed)}" + (f"（原因：{reason}）" if reason else ""))
    if pub.published_on is not None and pub.published_on > as_of:
        parts.append(f"统计截止日后于 {pub.published_on.isoformat()} 公开")
    return "\n".join(parts)


def _explanation(record: PublicationRecord) -> str:
    due = record.due
    parts = [due.explanation] if due.explanation else []
    if due.unrolled_on is not None and due.unrolled_on != due.due_on:
        parts.append(f"期满日 {due.unrolled_on.isoformat()} 为休息日，顺延至 {due.due_on}")
    parts.extend(due.warnings)
    return "\n".join(parts)


def _detail_row(ev: Evaluated, as_of: date) -> DetailRow:
    rec = ev.record
    pub, item = rec.publication, rec.item
    return DetailRow(
        process=item.process,
        category=item.category,
        subcategory=item.subcategory,
        title=pub.title,
        document_number=pub.document_number,
        index_number=pub.index_number,
        formed_on=pub.formed_on,
        changed_on=pub.changed_on,
        approved_on=pub.approved_on,
        due_on=rec.due.due_on,
        published_on=ev.published_on,
        channels="、".join(pub.channels),
        url=pub.url,
        department=pub.department,
        responsible=pub.responsible,
        review=_review_text(rec),
        status=ev.status,
        days_late=ev.days_late,
        notes=_notes(ev, as_of),
        due_explanation=_explanation(rec),
    )


def _date_key(day: date | None) -> date:
    return day if day is not None else date.max


def _detail_rows(selected: Iterable[Evaluated], as_of: date) -> tuple[DetailRow, ...]:
    # Chronological: by the day it was published, or for open items the day it was due.
    def key(ev: Evaluated) -> tuple[date, date, str]:
        due_on = ev.record.due.due_on
        return (_date_key(ev.published_on or due_on), _date_key(due_on), ev.record.publication.title)

    return tuple(_detail_row(ev, as_of) for ev in sorted(selected, key=key))


def _overdue_rows(evaluated: Iterable[Evaluated], as_of: date) -> tuple[DetailRow, ...]:
    overdue = [ev for ev in evaluated if ev.status is Status.OVERDUE]
    overdue.sort(key=lambda ev: (_date_key(ev.record.due.due_on), ev.record.publication.title))
    return tuple(_detail_row(ev, as_of) for ev in overdue)


def _item_key(item: CatalogueItem) -> int | tuple[str, ...]:
    # Stored items have ids; imported-but-unsaved ones (tests, previews) fall back to their path and number.
    return item.id if item.id is not None else (str(item.number), *item.path)


def _coverage_rows(
    items: Sequence[CatalogueItem], records: Sequence[PublicationRecord], period: ReportPeriod, as_of: date
) -> tuple[CoverageRow, ...]:
    year_start = date(period.end.year, 1, 1)
    covered: set[int | tuple[str, ...]] = set()
    last: dict[int | tuple[str, ...], date] = {}
    for rec in records:
        published = rec.publication.published_on
        if published is None or published > as_of:
            continue
        key = _item_key(rec.item)
        if published >= year_start:
            covered.add(key)
        if key not in last or published > last[key]:
            last[key] = published
    return tuple(
        CoverageRow(
            item.number,
            item.process,
            item.category,
            item.subcategory,
            item.content,
            item.time_limit,
            last.get(_item_key(item)),
        )
        for item in items
        if _item_key(item) not in covered
    )


def _month_rows(data: ReportInput, as_of: date) -> tuple[MonthRow, ...]:
    year = data.period.start.year
    rows = []
    for month in range(1, 13):
        period = ReportPeriod.month(year, month)
        day = min(period.end, as_of)
        evaluation = evaluate_records(data.records, day, data.calendar, data.due_soon_days)
        figures = evaluation.month_figures(year, month)
        due = sum(1 for rec in data.records if period.contains(rec.due.due_on))
        overdue = len(evaluation.with_status(Status.OVERDUE))
        # A month that has not ended by the report day has no month-end figure yet.
        rows.append(
            MonthRow(
                month,
                figures.published,
                figures.on_time,
                figures.late,
                figures.no_due_date,
                due,
                overdue if period.end <= as_of else None,
            )
        )
    return tuple(rows)
