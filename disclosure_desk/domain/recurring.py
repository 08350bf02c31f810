"""Recurring obligations: the due date of each reporting period under a PERIODIC rule.

A periodic rule names a reporting period (week, month, quarter, half-year, year) and a due day:
- lag 0, a minimum frequency ("至少1次/半年", "按年公开"): at least one publication within the period,
  due by the period's last day;
- lag 1 ("次月上旬", "每季度的首个月20日", "当年4月、7月、10月的上旬", "次周三之前"): the report of a period
  is due on a fixed day of the following period; "上旬" ends on the 10th, "中旬" on the 20th;
- "每季度结束后15日内": a period of days after the period ends, counted like any calendar-day period.

A fixed due day is never moved (like 每年1月31日前); when it is a rest day the explanation says so and
names the last working day before it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import (
    AnchorDates,
    DeadlineRule,
    DueDate,
    RuleKind,
    fixed_day_note,
)
from disclosure_desk.domain.periods import (
    MONTHS_IN,
    PERIOD_NAMES,
    Period,
    add_months,
    month_length,
    next_period,
    period_containing,
    period_label,
)
from disclosure_desk.domain.status import working_days_late
from disclosure_desk.domain.workdays import WEEKDAY_NAMES, WorkdayCalendar


@dataclass(frozen=True)
class PeriodDue:
    """One reporting period of a periodic rule and when its publication is due."""

    start: date
    end: date
    due_on: date | None  # None: the rule sets no date for this period (e.g. only 4月、7月、10月)
    unrolled_on: date | None = None  # a "结束后N日内" period rolled past a rest day

    def label(self, period: Period) -> str:
        return period_label(period, self.start)


def due_for_period(rule: DeadlineRule, start: date, end: date, calendar: WorkdayCalendar) -> PeriodDue:
    """When the publication for the period [start, end] is due under `rule` (a PERIODIC rule)."""
    period = rule.period
    if period is None or rule.lag == 0:
        return PeriodDue(start, end, end)
    if rule.after_days:
        if rule.working_days:
            return PeriodDue(start, end, calendar.add_working_days(end, rule.after_days))
        last = end + timedelta(days=rule.after_days)
        rolled = calendar.next_working_day(last)
        return PeriodDue(start, end, rolled, last if rolled != last else None)
    following, _ = next_period(period, start)
    if period is Period.WEEK:
        weekday = (rule.due_day or 7) - 1
        return PeriodDue(start, end, following + timedelta(days=weekday))
    offset = max(rule.due_month, 1) - 1
    if offset >= MONTHS_IN[period]:
        return PeriodDue(start, end, None)
    year, month = add_months(following.year, following.month, offset)
    if rule.due_months and month not in rule.due_months:
        return PeriodDue(start, end, None)
    last_day = month_length(year, month)
    day = min(rule.due_day, last_day) if rule.due_day else last_day
    return PeriodDue(start, end, date(year, month, day))


def period_of(rule: DeadlineRule, day: date) -> tuple[date, date]:
    assert rule.period is not None
    return period_containing(rule.period, day)


ONGOING_EXPLANATION = (
    "长期公开：信息应长期保持公开并据实更新，单条信息不设应公开日期；"
    "该事项按栏目更新情况（最长更新间隔）检查。"
)


def display_only_explanation(text: str) -> str:
    shown = text.strip() or "公开时长"
    return (
        f"“{shown}”是公开时长（信息保留展示的时间），不是公开时限；"
        "目录未规定何时公开，请为该事项手工设定规则。"
    )


def reported_day(rule: DeadlineRule, dates: AnchorDates) -> tuple[date | None, bool]:
    """A day in the period a publication under a PERIODIC `rule` reports, and whether it was inferred.

    The formed (or changed) date names it. Without one, the publication date does: a minimum frequency
    (至少1次/半年) is met in the period it goes out in; a report due in the following period (次月上旬)
    is the previous period's — the November report published on 1 December reports November.
    """
    day = dates.formed_or_changed()
    if day is not None or dates.published_on is None or rule.period is None:
        return day, False
    if rule.lag == 0:
        return dates.published_on, True
    start, _ = period_of(rule, dates.published_on)
    return start - timedelta(days=1), True


def periodic_label(rule: DeadlineRule) -> str:
    """ "每月：次月10日前", "每季度：次季度首月20日前", "每半年至少公开1次", "每周：次周星期三前"."""
    if rule.period is None:
        return "周期性公开"
    name = PERIOD_NAMES[rule.period]
    every = "每" + name
    if rule.lag == 0:
        return f"{every}至少公开1次"
    if rule.after_days:
        return f"{every}结束后{rule.after_days}{'个工作日' if rule.working_days else '日'}内"
    if rule.period is Period.WEEK:
        return f"{every}：次周{WEEKDAY_NAMES[(rule.due_day or 7) - 1]}前"
    day = f"{rule.due_day}日" if rule.due_day else "月底"
    if rule.due_months:
        months = "、".join(f"{m}月" for m in rule.due_months)
        return f"{every}：{months}的{day}前"
    if rule.period is Period.MONTH:
        return f"每月：次月{day}前"
    if rule.period is Period.YEAR:  # "每年：次年3月底前", not "次年第3个月月底前"
        return f"{every}：次年{max(rule.due_month, 1)}月{day.removeprefix('月')}前"
    month = "首月" if rule.due_month <= 1 else f"第{rule.due_month}个月"
    return f"{every}：次{name}{month}{day}前"


def periodic_due(rule: DeadlineRule, dates: AnchorDates, calendar: WorkdayCalendar) -> DueDate:
    """PERIODIC: the due date for the period the date formed (or changed) falls in — `due --rule 次月上旬
    2026-03-10` reports March, due 2026-04-10. ONGOING and DISPLAY_ONLY: no due date, and why."""
    if rule.kind is RuleKind.ONGOING:
        return DueDate(None, explanation=ONGOING_EXPLANATION)
    if rule.kind is RuleKind.DISPLAY_ONLY:
        return DueDate(None, explanation=display_only_explanation(rule.source_text))
    if rule.period is None:
        return DueDate(None, explanation="周期性公开规则不完整（缺少周期），请重新设定规则。")
    day, inferred = reported_day(rule, dates)
    if day is None:
        return DueDate(None, explanation="缺少形成日期（所报告期间内的日期），无法计算应公开日期。")
    start, end = period_of(rule, day)
    result = due_for_period(rule, start, end, calendar)
    label = rule.label()
    reported = result.label(rule.period)
    if inferred:
        assert dates.published_on is not None
        head = f"{label}：未填写形成日期，按公开日期{dates.published_on.isoformat()}推定报告期为{reported}"
    else:
        head = f"{label}：形成日期{day.isoformat()}所在的报告期为{reported}"
    if result.due_on is None:
        return DueDate(None, explanation=f"{head}，该规则没有为这一期规定公开时间。")
    due = result.due_on
    text = f"{head}，应于{due.isoformat()}（{WEEKDAY_NAMES[due.weekday()]}）前公开"
    if result.unrolled_on is not None:
        unrolled = result.unrolled_on
        text += (
            f"（期满日{unrolled.isoformat()}（{WEEKDAY_NAMES[unrolled.weekday()]}）为休息日，"
            "按自然日计算的期限顺延）。"
        )
    elif rule.after_days and rule.working_days:
        text += "。"
    else:
        text += fixed_day_note(due, calendar)
    warnings = _schedule_warnings(calendar, due)
    return DueDate(due, result.unrolled_on, text, warnings)


def _schedule_warnings(calendar: WorkdayCalendar, due: date) -> tuple[str, ...]:
    if calendar.has_schedule(due.year):
        return ()
    return (
        f"{due.year}年的法定节假日安排尚未导入，应公开日期是否逢休息日无法确认。请在“节假日安排”中导入{due.year}年安排。",
    )


# --- obligations: one per reporting period, open until a publication meets it -----------------------------


@dataclass(frozen=True)
class PeriodicObligation:
    """One reporting period of an item with a periodic rule, and how it stands (like a YearlyObligation)."""

    item: CatalogueItem
    period_label: str  # "2026年3月", "2026年第一季度"
    start: date
    end: date
    due_on: date
    met_on: date | None  # the publication that meets it, if any
    days_late: int = 0  # working days late: as of the day met, or today while unmet
    working_days_left: int = 0  # from today to the due date while unmet (negative when late)

    def is_overdue(self, today: date) -> bool:
        return self.met_on is None and today > self.due_on


def periodic_obligations(
    item: CatalogueItem,
    rule: DeadlineRule,
    published: Iterable[tuple[date | None, date]],
    *,
    since: date,
    today: date,
    calendar: WorkdayCalendar,
) -> tuple[PeriodicObligation, ...]:
    """The obligations of `item` under its periodic `rule`: every reporting period from the one containing
    `since` up to the one containing `today`, each with its due date.

    `published` holds each publication's (formed-or-changed day, publication day). A publication with a
    formed day reports the period that day falls in — the same period its own due date is computed for
    (periodic_due) — and meets only that period's obligation: the September report formed 09-30 and
    published 10-15 meets September, late, never January. One without a formed day meets the earliest
    open obligation whose period had begun when it was published (a March report published on 5 April
    meets March). Periods the rule sets no date for (当年4月、7月、10月的上旬 has no fourth quarter) are
    left out.
    """
    if rule.kind is not RuleKind.PERIODIC or rule.period is None or since > today:
        return ()
    periods: list[PeriodDue] = []
    start, end = period_containing(rule.period, since)
    while start <= today:
        result = due_for_period(rule, start, end, calendar)
        if result.due_on is not None:
            periods.append(result)
        start, end = next_period(rule.period, start)
    met: dict[int, date] = {}
    by_start = {p.start: i for i, p in enumerate(periods)}
    loose: list[date] = []
    for formed, day in sorted((pair for pair in published if pair[1] <= today), key=lambda pair: pair[1]):
        if formed is None:
            loose.append(day)
            continue
        index = by_start.get(period_of(rule, formed)[0])
        if index is not None and index not in met:
            met[index] = day  # publication-day order: the earliest publication meets its period
    used = 0
    for index, period in enumerate(periods):
        if index in met:
            continue
        while used < len(loose) and loose[used] < period.start:
            used += 1  # published before this period began: it was for an earlier one
        if used < len(loose):
            met[index] = loose[used]
            used += 1
    obligations: list[PeriodicObligation] = []
    for index, period in enumerate(periods):
        due = period.due_on
        assert due is not None
        met_on = met.get(index)
        late = working_days_late(due, met_on or today, calendar)
        left = calendar.working_days_between(today, due)
        label = period_label(rule.period, period.start)
        obligations.append(PeriodicObligation(item, label, period.start, period.end, due, met_on, late, left))
    return tuple(obligations)
