"""Deadline rules parsed from 公开时限 texts, and due dates computed from them.

Counting follows 民法典 第201–203条: the start day is not counted, day 1 is the next day.
- Working-day periods (工作日) end on the N-th working day after the start.
- Calendar-day periods (日/天) end on start + N; if that day is not a working day (weekend or statutory
  holiday) the period ends on the next working day, and `unrolled_on` keeps start + N, which a careful
  officer aims at.
- 及时公开 (TIMELY) is `timely_days` working days after the date formed or changed (a setting, first 5).
- 按照法定时间公开 (STATUTORY) is the date the officer enters (`manual_due`).
- A fixed day every year (ANNUAL, 每年1月31日前) is its first occurrence on or after the date formed or
  changed. "前" means by that day: a fixed day is never moved, not even when it is a rest day (then the
  explanation says so and names the last working day before it). 2月29日/2月底 is February's last day.
- A recurring obligation (PERIODIC: 次月上旬, 每季度的首个月20日, 至少1次/半年 …) is due on a fixed day
  for each reporting period; see recurring.py. ONGOING rules (长期公开, 据实更新) have no due date per
  publication; their items are checked for freshness instead. DISPLAY_ONLY is a text that only says how
  long something stays on display (公开时长: "1年", "公示7个工作日"): it gives no deadline.
- "Formed or changed" starts from the LATER of the two dates: a change restarts the clock.

compute_due never raises: what it cannot compute it explains (due_on None), and a period in a year with
no holiday schedule is computed on weekends alone and carries a warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from disclosure_desk.domain.errors import DeadlineRuleError
from disclosure_desk.domain.periods import Period, month_length
from disclosure_desk.domain.workdays import WEEKDAY_NAMES, WorkdayCalendar

DEFAULT_TIMELY_DAYS = 5
MAX_PERIOD_DAYS = 3650  # longer periods are typing errors, not catalogue rules


class Anchor(StrEnum):
    FORMED_OR_CHANGED = "formed_or_changed"  # 自该信息形成或者变更之日起
    FORMED = "formed"  # 信息形成后
    APPROVED = "approved"  # 批复后
    RELATED_PUBLICATION = "related_publication"  # 关联…公开 / 文件公开后
    RECEIVED = "received"  # 收到申请


class RuleKind(StrEnum):
    RELATIVE = "relative"  # N (working) days after an anchor
    ANNUAL = "annual"  # a fixed day every year: 每年1月31日前
    TIMELY = "timely"  # 及时公开: the officer's default number of working days
    STATUTORY = "statutory"  # 按照法定时间公开: the officer enters the due date
    PERIODIC = "periodic"  # a recurring obligation per period: 次月上旬, 至少1次/半年
    ONGOING = "ongoing"  # 长期公开 / 据实更新: no due date per publication, a freshness check instead
    DISPLAY_ONLY = "display_only"  # only a 公开时长 ("1年", "公示7个工作日"): no deadline stated
    UNKNOWN = "unknown"  # not understood: flagged, never guessed


# How a rule names its anchor ("形成或变更后20个工作日内"), and which date the officer must fill in.
ANCHOR_PHRASES: dict[Anchor, str] = {
    Anchor.FORMED_OR_CHANGED: "形成或变更后",
    Anchor.FORMED: "形成后",
    Anchor.APPROVED: "批复后",
    Anchor.RELATED_PUBLICATION: "关联文件公开后",
    Anchor.RECEIVED: "收到申请后",
}
ANCHOR_DATE_NAMES: dict[Anchor, str] = {
    Anchor.FORMED_OR_CHANGED: "形成日期（或变更日期）",
    Anchor.FORMED: "形成日期",
    Anchor.APPROVED: "批复日期",
    Anchor.RELATED_PUBLICATION: "关联文件的公开日期",
    Anchor.RECEIVED: "收到申请日期",
}

UNKNOWN_EXPLANATION = "公开时限未能识别，请为该事项手工设定规则。"
STATUTORY_MISSING_EXPLANATION = "按法定时间公开：请手工填写应公开日期。"


@dataclass(frozen=True)
class DeadlineRule:
    kind: RuleKind
    days: int = 0
    working_days: bool = True
    anchor: Anchor | None = None
    month: int = 0
    day: int = 0
    source_text: str = ""
    # PERIODIC only: the reporting period; lag 0 = due by the period's last day (至少1次/半年),
    # lag 1 = due in the following period, on day `due_day` of its month `due_month` (次月上旬: 1, 10;
    # 每季度的首个月20日: 1, 20; due_day 0 = the month's last day; for weeks due_day is the ISO weekday),
    # or `after_days` (working) days after the period ends (每季度结束后15日内). `due_months` limits the
    # calendar months that have a due date at all (当年4月、7月、10月的上旬).
    period: Period | None = None
    lag: int = 0
    due_month: int = 0
    due_day: int = 0
    due_months: tuple[int, ...] = ()
    after_days: int = 0

    def describe(self, timely_days: int = DEFAULT_TIMELY_DAYS) -> str:
        """Short Chinese description, e.g. "形成或变更后20个工作日"."""
        if self.kind is RuleKind.RELATIVE:
            return self.label() if self.days == 0 else f"{self.label()}内"
        if self.kind is RuleKind.TIMELY:
            return f"及时公开（默认{timely_days}个工作日）"
        if self.kind is RuleKind.ANNUAL:
            return self.label()
        if self.kind is RuleKind.STATUTORY:
            return "按法定时间（手工填写）"
        if self.kind in (RuleKind.PERIODIC, RuleKind.ONGOING):
            return self.label()
        if self.kind is RuleKind.DISPLAY_ONLY:
            return "只写了公开时长，未规定时限"
        return "未能识别"

    def label(self, timely_days: int = DEFAULT_TIMELY_DAYS) -> str:
        """The rule as an explanation opens: "形成或变更后20个工作日", "批复后20日", "每年1月31日前"."""
        if self.kind is RuleKind.RELATIVE:
            if self.days == 0:  # 与政策文件同步发布 / 随采购公告公开
                return "与关联文件同步公开" if self.anchor is Anchor.RELATED_PUBLICATION else "当日公开"
            phrase = ANCHOR_PHRASES.get(self.anchor, "") if self.anchor is not None else ""
            return f"{phrase}{self.days}{'个工作日' if self.working_days else '日'}"
        if self.kind is RuleKind.TIMELY:
            return f"及时公开（按形成或变更后{timely_days}个工作日计）"
        if self.kind is RuleKind.ANNUAL:
            if self.month == 2 and self.day >= 28:
                return "每年2月底前"
            return f"每年{self.month}月{self.day}日前"
        if self.kind is RuleKind.PERIODIC:
            from disclosure_desk.domain.recurring import periodic_label

            return periodic_label(self)
        if self.kind is RuleKind.ONGOING:
            return "长期公开（据实更新）"
        return self.describe(timely_days)

    @property
    def is_known(self) -> bool:
        """Whether the program can work with the rule (a display period alone is no rule)."""
        return self.kind not in (RuleKind.UNKNOWN, RuleKind.DISPLAY_ONLY)

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind.value,
                "days": self.days,
                "working_days": self.working_days,
                "anchor": self.anchor.value if self.anchor is not None else None,
                "month": self.month,
                "day": self.day,
                "source_text": self.source_text,
                **self._periodic_json(),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    def _periodic_json(self) -> dict[str, Any]:
        if self.period is None:
            return {}  # older files and non-periodic rules stay exactly as they were
        return {
            "period": self.period.value,
            "lag": self.lag,
            "due_month": self.due_month,
            "due_day": self.due_day,
            "due_months": list(self.due_months),
            "after_days": self.after_days,
        }

    @classmethod
    def from_json(cls, text: str) -> DeadlineRule:
        """Raises DeadlineRuleError (Chinese message) for anything that is not a stored rule."""
        try:
            data = json.loads(text)
        except (ValueError, TypeError, RecursionError):
            raise DeadlineRuleError("保存的公开时限规则已损坏（不是有效的 JSON），请重新设定规则。") from None
        if not isinstance(data, dict):
            raise DeadlineRuleError("保存的公开时限规则已损坏（格式不对），请重新设定规则。")
        try:
            kind = RuleKind(data["kind"])
            anchor_value = data.get("anchor")
            anchor = Anchor(anchor_value) if anchor_value is not None else None
        except (KeyError, ValueError, TypeError):
            raise DeadlineRuleError("保存的公开时限规则含有无法识别的类型，请重新设定规则。") from None
        days = _json_int(data.get("days", 0), 0, MAX_PERIOD_DAYS)
        month = _json_int(data.get("month", 0), 0, 12)
        day = _json_int(data.get("day", 0), 0, 31)
        working_days = data.get("working_days", True)
        source_text = data.get("source_text", "")
        if not isinstance(working_days, bool) or not isinstance(source_text, str):
            raise DeadlineRuleError("保存的公开时限规则含有无效的值，请重新设定规则。")
        try:
            period = Period(data["period"]) if data.get("period") is not None else None
        except (ValueError, TypeError):
            raise DeadlineRuleError("保存的公开时限规则含有无法识别的周期，请重新设定规则。") from None
        months = data.get("due_months", [])
        if not isinstance(months, list):
            raise DeadlineRuleError("保存的公开时限规则含有无效的值，请重新设定规则。")
        return cls(
            kind,
            days,
            working_days,
            anchor,
            month,
            day,
            source_text,
            period=period,
            lag=_json_int(data.get("lag", 0), 0, 1),
            due_month=_json_int(data.get("due_month", 0), 0, 12),
            due_day=_json_int(data.get("due_day", 0), 0, 31),
            due_months=tuple(_json_int(m, 1, 12) for m in months),
            after_days=_json_int(data.get("after_days", 0), 0, MAX_PERIOD_DAYS),
        )


def _json_int(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise DeadlineRuleError("保存的公开时限规则含有无效的数字，请重新设定规则。")
    return value


def parse_time_limit(text: str) -> DeadlineRule:
    """The rule a publication falls under by default (a text with several clauses: the first general one).

    Never raises: returns kind UNKNOWN when the text is not understood. All clauses: time_limits.py.
    """
    from disclosure_desk.domain.time_limits import read_time_limit

    return read_time_limit(text).default_rule


@dataclass(frozen=True)
class AnchorDates:
    formed_on: date | None = None
    changed_on: date | None = None
    approved_on: date | None = None
    related_on: date | None = None
    received_on: date | None = None
    # Only a periodic rule reads it, when the formed date is missing: the period a report is for is
    # inferred from when it went out (recurring.reported_day).
    published_on: date | None = None

    def formed_or_changed(self) -> date | None:
        """The later of formed_on and changed_on: a change restarts the clock."""
        formed, changed = self.formed_on, self.changed_on
        if changed is None:
            return formed
        if formed is None or changed > formed:
            return changed
        return formed


@dataclass(frozen=True)
class DueDate:
    due_on: date | None  # None: no due date can be given (statutory without a date, unknown, no anchor)
    unrolled_on: date | None = None  # calendar-day periods rolled past a rest day: the unrolled last day
    explanation: str = ""  # Chinese: rule, start day, holidays and 调休 days met
    warnings: tuple[str, ...] = ()  # Chinese: e.g. the due date falls in a year with no official schedule
    # the rule leaves the date to the officer (按法定时间公开) and none has been entered yet
    needs_due_date: bool = False


def compute_due(
    rule: DeadlineRule,
    dates: AnchorDates,
    calendar: WorkdayCalendar,
    *,
    timely_days: int,
    manual_due: date | None = None,
) -> DueDate:
    kind = rule.kind
    try:
        if kind is RuleKind.RELATIVE:
            return _relative(rule, dates, calendar)
        if kind is RuleKind.TIMELY:
            return _timely(rule, dates, calendar, timely_days)
        if kind is RuleKind.ANNUAL:
            return _annual(rule, dates, calendar)
        if kind in (RuleKind.PERIODIC, RuleKind.ONGOING, RuleKind.DISPLAY_ONLY):
            from disclosure_desk.domain.recurring import periodic_due

            return periodic_due(rule, dates, calendar)
        if kind is RuleKind.STATUTORY:
            if manual_due is None:
                return DueDate(None, explanation=STATUTORY_MISSING_EXPLANATION, needs_due_date=True)
            return DueDate(
                manual_due, explanation=f"按法定时间公开：应公开日期为手工填写的{manual_due.isoformat()}。"
            )
        return DueDate(None, explanation=UNKNOWN_EXPLANATION)
    except (OverflowError, ValueError):
        return DueDate(None, explanation="应公开日期超出可计算的日期范围，请检查起算日期。")


# --- the rule kinds -----------------------------------------------------------------------------------


def _anchor_date(anchor: Anchor, dates: AnchorDates) -> tuple[date | None, str]:
    """The start date for `anchor` and how to name it in an explanation."""
    if anchor is Anchor.FORMED_OR_CHANGED:
        start = dates.formed_or_changed()
        if start is not None and start == dates.changed_on and start != dates.formed_on:
            return start, "变更日期"
        return start, "形成日期"
    if anchor is Anchor.FORMED:
        return dates.formed_on, "形成日期"
    if anchor is Anchor.APPROVED:
        return dates.approved_on, "批复日期"
    if anchor is Anchor.RELATED_PUBLICATION:
        return dates.related_on, "关联文件公开日期"
    return dates.received_on, "收到申请日期"


def _missing(anchor: Anchor) -> DueDate:
    return DueDate(None, explanation=f"缺少{ANCHOR_DATE_NAMES[anchor]}，无法计算应公开日期。")


def _relative(rule: DeadlineRule, dates: AnchorDates, calendar: WorkdayCalendar) -> DueDate:
    anchor = rule.anchor
    if anchor is None or rule.days < 0 or rule.days > MAX_PERIOD_DAYS:
        return DueDate(None, explanation="公开时限规则不完整（缺少起算依据或天数无效），请重新设定规则。")
    start, start_name = _anchor_date(anchor, dates)
    if start is None:
        return _missing(anchor)
    label = rule.label()
    if rule.working_days:
        return _working_period(label, start, start_name, rule.days, calendar)
    return _calendar_period(label, start, start_name, rule.days, calendar)


def _timely(rule: DeadlineRule, dates: AnchorDates, calendar: WorkdayCalendar, timely_days: int) -> DueDate:
    start, start_name = _anchor_date(Anchor.FORMED_OR_CHANGED, dates)
    if start is None:
        return _missing(Anchor.FORMED_OR_CHANGED)
    days = max(timely_days, 0)
    return _working_period(rule.label(days), start, start_name, days, calendar)


def _annual(rule: DeadlineRule, dates: AnchorDates, calendar: WorkdayCalendar) -> DueDate:
    month, day = rule.month, rule.day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return DueDate(None, explanation="公开时限规则中的日期无效，请重新设定规则。")
    start, start_name = _anchor_date(Anchor.FORMED_OR_CHANGED, dates)
    if start is None:
        return _missing(Anchor.FORMED_OR_CHANGED)
    fixed = _fixed_day(start.year, month, day)
    if fixed < start:
        fixed = _fixed_day(start.year + 1, month, day)
    text = (
        f"{rule.label()}：{start_name}为{start.isoformat()}，"
        f"其后（含当日）的第一个{month}月{fixed.day}日为{_day(fixed)}{fixed_day_note(fixed, calendar)}"
    )
    # The officer prepares the publication before the fixed day: the year's schedule matters.
    warnings = _warnings(calendar, date.fromordinal(fixed.toordinal() - 7), fixed)
    return DueDate(fixed, None, text, warnings)


def fixed_day_note(day: date, calendar: WorkdayCalendar) -> str:
    """Closes an explanation of a fixed-date rule: "前" means by that day, a rest day does not move it."""
    if calendar.is_working_day(day):
        return "。"
    before = calendar.previous_working_day(day)
    reason = _rest_reason(day, calendar)
    return f"，该日{reason}，期限不顺延，应在此前公开；此前最后一个工作日为{_day(before)}。"


def _fixed_day(year: int, month: int, day: int) -> date:
    last = month_length(year, month)
    return date(year, month, min(day, last))


# --- periods ------------------------------------------------------------------------------------------


def _working_period(label: str, start: date, start_name: str, n: int, calendar: WorkdayCalendar) -> DueDate:
    due = calendar.add_working_days(start, n)
    warnings = () if calendar.is_fully_scheduled(start, due) else _warnings(calendar, start, due)
    if n == 0:
        return DueDate(due, None, f"{label}：自{start_name}{start.isoformat()}起算，应于当日公开。", warnings)
    events = _events_phrase(calendar, start, due)
    text = (
        f"{label}：自{start_name}{start.isoformat()}起算（当日不计），{events}，"
        f"第{n}个工作日为{due.isoformat()}（{WEEKDAY_NAMES[due.weekday()]}）。"
    )
    return DueDate(due, None, text, warnings)


def _calendar_period(label: str, start: date, start_name: str, n: int, calendar: WorkdayCalendar) -> DueDate:
    end = date.fromordinal(start.toordinal() + n)
    due = calendar.next_working_day(end)
    head = f"{label}：自{start_name}{start.isoformat()}起算（当日不计），按自然日计算"
    if due == end:
        text = f"{head}，第{n}日为{_day(end)}。"
        return DueDate(due, None, text, _warnings(calendar, start, due))
    reason = _rest_reason(end, calendar)
    text = f"{head}，第{n}日为{_day(end)}，{reason}，期限顺延至其后第一个工作日{_day(due)}。"
    return DueDate(due, end, text, _warnings(calendar, start, due))


def _rest_reason(day: date, calendar: WorkdayCalendar) -> str:
    name = calendar.holiday_name(day)
    if name:
        return f"逢{name}放假"
    return "逢周末"


def _day(day: date) -> str:
    return f"{day.isoformat()}（{WEEKDAY_NAMES[day.weekday()]}）"


# The phrase for a (start, end) pair, for the calendar last used: a register recomputes many due dates
# over the same few hundred start days, always with the same calendar. Calendars are immutable, so an
# entry never goes stale. (owner, memo) is swapped as one tuple so threads never share a wrong memo.
_PHRASES: tuple[WorkdayCalendar | None, dict[tuple[int, int], str]] = (None, {})
_PHRASES_MAX = 20_000  # a few MB at most


def _events_phrase(calendar: WorkdayCalendar, start: date, end: date) -> str:
    global _PHRASES
    owner, memo = _PHRASES
    if owner is not calendar:
        memo = {}
        _PHRASES = (calendar, memo)
    key = (start.toordinal(), end.toordinal())
    phrase = memo.get(key)
    if phrase is None:
        if len(memo) >= _PHRASES_MAX:
            memo.clear()
        phrase = memo[key] = _build_events_phrase(calendar, start, end)
    return phrase


def _build_events_phrase(calendar: WorkdayCalendar, start: date, end: date) -> str:
    """ "期间遇国庆节放假（10月1日至7日）；10月10日（星期六）调休上班" for the days in (start, end]."""
    groups = calendar.event_groups_between(start, end)
    missing = calendar.unscheduled_years(start, end)
    if missing:
        # never "no holidays" across a year nobody has told us about: say what is not known
        years = "、".join(f"{y}年" for y in missing)
        unknown = f"{years}放假安排尚未导入，其中的节假日未计入"
        if not groups:
            return f"期间未遇已知的法定节假日和调休上班日（{unknown}）"
    if not groups:
        return "期间无法定节假日和调休上班日"
    with_year = start.year != end.year
    parts = []
    for first, last, is_holiday, names in groups:
        if is_holiday:
            span = _md(first, with_year) if first == last else _md_range(first, last, with_year)
            parts.append(f"{names}放假（{span}）")
        else:
            parts.append(f"{_md(first, with_year)}（{WEEKDAY_NAMES[first.weekday()]}）调休上班")
    phrase = "期间遇" + "；".join(parts)  # "；" between events: holiday names are already joined by "、"
    return f"{phrase}（{unknown}）" if missing else phrase


def _md(day: date, with_year: bool) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"


def _md_range(first: date, last: date, with_year: bool) -> str:
    if first.year != last.year:
        return f"{_md(first, True)}至{_md(last, True)}"
    if first.month != last.month:
        return f"{_md(first, with_year)}至{last.month}月{last.day}日"
    return f"{_md(first, with_year)}至{last.day}日"


def _warnings(
    calendar: WorkdayCalendar, start: date, end: date, subject: str = "应公开日期"
) -> tuple[str, ...]:
    """Loud, never silent: the period meets a year whose schedule is missing or not official."""
    if calendar.is_fully_scheduled(start, end):
        return ()
    missing = calendar.unscheduled_years(start, end)
    warnings: list[str] = []
    for year in missing:
        if year > end.year:
            warnings.append(
                f"{subject}在{end.year}年12月下旬，{year}年的放假安排（元旦假期可能从12月下旬开始）尚未导入，"
                f"本日期可能不准确。请在“节假日安排”中导入{year}年安排。"
            )
        else:
            warnings.append(
                f"{year}年的法定节假日安排尚未导入，本日期仅按周末推算，可能不准确。请在“节假日安排”中导入{year}年安排。"
            )
    if end <= start:
        return tuple(warnings)
    for year in range(date.fromordinal(start.toordinal() + 1).year, end.year + 1):
        schedule = calendar.schedule(year)
        if schedule is not None and not schedule.official:
            warnings.append(f"{year}年的节假日安排不是官方公布的安排，本日期可能不准确，请核对。")
    return tuple(warnings)


def time_limit_problem(text: str) -> str | None:
    """For importers: a Chinese note on a 公开时限 text (not understood, several clauses, only a display
    period), else None. See time_limits.time_limit_note."""
    from disclosure_desk.domain.time_limits import time_limit_note

    return time_limit_note(text)


def holidays_phrase(calendar: WorkdayCalendar, start: date, end: date) -> str:
    """ "期间遇国庆节放假（10月1日至7日）；10月10日（星期六）调休上班" for (start, end], for other clocks."""
    return _events_phrase(calendar, start, end)


def calendar_warnings(
    calendar: WorkdayCalendar, start: date, end: date, subject: str = "应公开日期"
) -> tuple[str, ...]:
    """The warnings a period (start, end] carries when a year's schedule is missing or not official.

    `subject` names the date in the message ("答复期限" for an application's clock).
    """
    return _warnings(calendar, start, end, subject)
