"""The rows of a report's lists (明细, 未公开, 目录覆盖, 公开渠道), built from records evaluated as of a day.

Pure Python, no Excel: the io layer lays these out on paper. Words for statuses come from domain.status,
for reviews from domain.review; the deadline's short form is derived here from the due date's explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum

from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.report_period import ReportPeriod, month_day
from disclosure_desk.domain.review import REVIEW_WORDS, ReviewState, review_state
from disclosure_desk.domain.status import (
    GROUP_WORDS,
    Evaluated,
    Status,
    StatusGroup,
    days_late_text,
    status_word,
)
from disclosure_desk.domain.validation import missing_required_channels

# Shown where a catalogue has no 过程/一级目录 column (other bureaus' catalogues), so no row is blank.
UNGROUPED = "（未分类）"
# Marks a due date computed in a year without an official holiday schedule (explained beside the table).
UNCHECKED_MARK = "※"


def process_of(item: CatalogueItem) -> str:
    return item.process or UNGROUPED


def category_of(item: CatalogueItem) -> str:
    return item.category or UNGROUPED


# --- the deadline, short -------------------------------------------------------------------------------

_SHORTER = (
    (re.compile(r"^及时公开（按形成或变更后(\d+)个工作日计）$"), r"及时·\1个工作日"),
    (re.compile(r"^形成或变更后(\d+)个工作日$"), r"\1个工作日"),
    (re.compile(r"^按法定时间公开$"), "法定时间"),
)


def rule_summary(due: DueDate) -> str:
    """The deadline in a few characters for a table cell ("20个工作日", "批复后20日，顺延"); the full
    explanation goes beside the table. compute_due opens every explanation with the rule's label and a
    full-width colon; an explanation without one (no due date could be given) is summarised as such."""
    head, colon, _rest = due.explanation.partition("：")
    if not colon:
        return "无法计算"
    for pattern, replacement in _SHORTER:
        head = pattern.sub(replacement, head)
    if due.unrolled_on is not None and due.unrolled_on != due.due_on:
        head += "，顺延"
    return head + (UNCHECKED_MARK if due.warnings else "")


# --- one record ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetailRow:
    """One record as a report shows it, as of the report's statistics day."""

    item_label: str  # the catalogue item's number, "33（旧版目录 第2版）" for an item of a replaced catalogue
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
    published_on: date | None  # None when not published by the statistics day
    rule: str  # the deadline, short (rule_summary)
    explanation: str  # how the due date was computed, in full (with any warnings)
    channels: str
    url: str
    department: str
    responsible: str
    review: ReviewState
    reviewer: str
    reviewed_on: date | None
    status: Status
    days_late: int  # working days (domain.status)
    working_days_left: int | None  # open records: working days to the due date (negative when late)
    late_reason: str
    notes: str
    missed_channels: str  # catalogue channels not used, with the reason given ("" when none)

    @property
    def status_text(self) -> str:
        return status_word(self.status)

    @property
    def review_text(self) -> str:
        """ "已审查（李强）", "未审查", "公开后补审（李强，10-29）"."""
        word = REVIEW_WORDS[self.review]
        if self.review is ReviewState.NOT_RECORDED:
            return word
        when = (
            f"{self.reviewed_on:%m-%d}"
            if self.review is ReviewState.AFTER_PUBLICATION and self.reviewed_on
            else ""
        )
        who = "，".join(x for x in (self.reviewer, when) if x)
        return f"{word}（{who}）" if who else word

    @property
    def responsible_text(self) -> str:
        return "\n".join(x for x in (self.department, self.responsible) if x)

    @property
    def remarks(self) -> str:
        """逾期原因 first (what a supervisor asks about), then the officer's notes, marked as such."""
        if self.late_reason and self.notes:
            return f"{self.late_reason}\n备注：{self.notes}"
        return self.late_reason or self.notes


def _notes(ev: Evaluated, as_of: date, report_day: date) -> str:
    pub = ev.record.publication
    parts = [pub.notes.strip()] if pub.notes.strip() else []
    published = pub.published_on
    # Published after the statistics day, as the register knew on the report day.
    if published is not None and as_of < published <= report_day:
        parts.append(f"{published:%m-%d}{GROUP_WORDS[StatusGroup.PUBLISHED]}")
    return "\n".join(parts)


def _missed_channels(ev: Evaluated) -> str:
    """Catalogue channels a published record did not use, with the reason the officer gave."""
    pub = ev.record.publication
    missed = missing_required_channels(pub, ev.record.item) if ev.published_on is not None else ()
    if not missed:
        return ""
    reason = pub.missing_channel_reason.strip()
    return "、".join(missed) + (f"（原因：{reason}）" if reason else "")


def _explanation(due: DueDate) -> str:
    # The explanation already says when a period was rolled past a rest day; the warnings are extra.
    return "\n".join([due.explanation, *due.warnings] if due.explanation else due.warnings)


def detail_row(ev: Evaluated, as_of: date, report_day: date) -> DetailRow:
    rec = ev.record
    pub, item = rec.publication, rec.item
    return DetailRow(
        item_label=item.number_label,
        process=process_of(item),
        category=category_of(item),
        subcategory=item.subcategory,
        title=pub.title,
        document_number=pub.document_number,
        index_number=pub.index_number,
        formed_on=pub.formed_on,
        changed_on=pub.changed_on,
        approved_on=pub.approved_on,
        due_on=rec.due.due_on,
        published_on=ev.published_on,
        rule=rule_summary(rec.due),
        explanation=_explanation(rec.due),
        channels="、".join(pub.channels),
        url=pub.url,
        department=pub.department,
        responsible=pub.responsible,
        review=review_state(pub, as_of),
        reviewer=pub.reviewer,
        reviewed_on=pub.reviewed_on,
        status=ev.status,
        days_late=ev.days_late,
        working_days_left=ev.working_days_left,
        late_reason=pub.late_reason.strip(),
        notes=_notes(ev, as_of, report_day),
        missed_channels=_missed_channels(ev),
    )


def _date_key(day: date | None) -> date:
    return day if day is not None else date.max


def detail_rows(selected: Iterable[Evaluated], as_of: date, report_day: date) -> tuple[DetailRow, ...]:
    """Chronological: by the day published, or for open records the day due."""

    def key(ev: Evaluated) -> tuple[date, date, str]:
        due_on = ev.record.due.due_on
        return (_date_key(ev.published_on or due_on), _date_key(due_on), ev.record.publication.title)

    return tuple(detail_row(ev, as_of, report_day) for ev in sorted(selected, key=key))


# --- open work ---------------------------------------------------------------------------------------------


class OpenGroup(IntEnum):
    """Why an unpublished record is on the report's open-work list, most urgent first. A record is in
    the first group that fits."""

    OVERDUE = 1  # past its due date (whenever it arose)
    DUE_REST_OF_MONTH = 2  # a report made before the month ends: due in the rest of that month
    DUE_NEXT_MONTH = 3  # due in the month after the statistics day's month
    ARISEN_IN_PERIOD = 4  # formed (or changed, approved) in the period, due later or with no due date


@dataclass(frozen=True)
class OpenRow:
    group: OpenGroup
    group_text: str  # "逾期未公开", "11月16日至30日到期", "12月到期", "本月形成"
    detail: DetailRow

    @property
    def when_text(self) -> str:
        """How far from the due date, in working days: "逾期 3 个工作日", "还有 5 个工作日", "今天到期"."""
        d = self.detail
        if d.status is Status.OVERDUE:
            return days_late_text(d.days_late)
        left = d.working_days_left
        if left is None:
            return "无应公开日期"
        return "今天到期" if left == 0 else f"还有 {left} 个工作日"


def rest_of_month(as_of: date) -> str:
    """The days after the statistics day to its month's end: "11月16日至30日"."""
    first, last = as_of + timedelta(days=1), ReportPeriod.month_of(as_of).end
    return f"{month_day(first)}至{last.day}日" if first < last else month_day(last)


def open_group_texts(period: ReportPeriod, as_of: date, next_month: ReportPeriod) -> dict[OpenGroup, str]:
    return {
        OpenGroup.OVERDUE: status_word(Status.OVERDUE),
        OpenGroup.DUE_REST_OF_MONTH: f"{rest_of_month(as_of)}到期",
        OpenGroup.DUE_NEXT_MONTH: f"{next_month.short_label}到期",
        OpenGroup.ARISEN_IN_PERIOD: f"{period.short_label}形成",
    }


def open_rows(
    groups: Iterable[tuple[OpenGroup, Evaluated]], texts: dict[OpenGroup, str], as_of: date, report_day: date
) -> tuple[OpenRow, ...]:
    def key(pair: tuple[OpenGroup, Evaluated]) -> tuple[int, date, str]:
        group, ev = pair
        return (group, _date_key(ev.record.due.due_on), ev.record.publication.title)

    return tuple(OpenRow(g, texts[g], detail_row(ev, as_of, report_day)) for g, ev in sorted(groups, key=key))


# --- channels and coverage --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    used: int  # publications published in the period that used this channel
    required: int  # … whose catalogue item ticks this channel
    missed: int  # … ticked in the catalogue but not used
    missed_explained: int  # … of the missed, with a reason recorded


def channel_rows(published: Iterable[PublicationRecord]) -> tuple[ChannelRow, ...]:
    used: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    required: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    missed: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    explained: dict[str, int] = dict.fromkeys(CHANNELS, 0)
    for record in published:
        pub = record.publication
        # Channel names outside the 13 (another province's template) get rows of their own, after the 13.
        for channel in dict.fromkeys(pub.channels):
            used[channel] = used.get(channel, 0) + 1
        for channel in dict.fromkeys(record.item.channels):
            required[channel] = required.get(channel, 0) + 1
        # The same rule the officer is warned with when saving, so report and register agree.
        for channel in missing_required_channels(pub, record.item):
            missed[channel] = missed.get(channel, 0) + 1
            if pub.missing_channel_reason.strip():
                explained[channel] = explained.get(channel, 0) + 1
    names = dict.fromkeys([*CHANNELS, *used, *required])
    return tuple(
        ChannelRow(c, used.get(c, 0), required.get(c, 0), missed.get(c, 0), explained.get(c, 0))
        for c in names
    )


@dataclass(frozen=True)
class CoverageRow:
    number: int
    process: str
    category: str
    subcategory: str
    content: str
    time_limit: str
    last_published_on: date | None  # the latest publication ever, None when never published


def _item_key(item: CatalogueItem) -> int | tuple[str, ...]:
    # Stored items have ids; imported-but-unsaved ones (tests, previews) fall back to their path and number.
    return item.id if item.id is not None else (str(item.number), *item.path)


def coverage_rows(
    items: Sequence[CatalogueItem], records: Iterable[PublicationRecord], year: int, as_of: date
) -> tuple[CoverageRow, ...]:
    """Catalogue items with nothing published in `year` up to `as_of`, in catalogue order."""
    year_start = date(year, 1, 1)
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
