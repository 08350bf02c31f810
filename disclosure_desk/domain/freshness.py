"""Column freshness (栏目更新): how long each catalogue item may go without a publication.

District assessments fail a website whose columns go stale — dynamic columns (动态) not updated for two
weeks, others for six months — or stay blank, and the periodic and ongoing rules are exactly those
columns. Every catalogue item published proactively gets the check:
- the longest allowed gap since its last publication: six months by default; two weeks for an item the
  officer marks 动态; a minimum-frequency rule sets it ("至少1次/半年" → half a year, "按年公开" → a year);
- STALE past that limit, DUE_SOON within the officer's due-soon window of working days before it, and
  BLANK when nothing has ever been published (a blank column).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from disclosure_desk.domain.catalogue import MODE_ON_REQUEST, CatalogueItem
from disclosure_desk.domain.deadlines import DeadlineRule, RuleKind
from disclosure_desk.domain.periods import MONTHS_IN, Period
from disclosure_desk.domain.workdays import WorkdayCalendar


class Freshness(StrEnum):
    FRESH = "fresh"
    DUE_SOON = "due_soon"  # the limit is near: publish something soon
    STALE = "stale"  # longer than the limit without a publication
    BLANK = "blank"  # never published: a blank column


FRESHNESS_WORDS: Mapping[Freshness, str] = {
    Freshness.FRESH: "正常更新",
    Freshness.DUE_SOON: "即将超期未更新",
    Freshness.STALE: "超期未更新",
    Freshness.BLANK: "空白栏目",
}


@dataclass(frozen=True)
class GapLimit:
    """The longest gap allowed between two publications of an item, and why."""

    months: int = 0
    days: int = 0
    reason: str = ""

    def after(self, day: date) -> date:
        """The last day a next publication is still in time."""
        return day + relativedelta(months=self.months) + timedelta(days=self.days)

    def text(self) -> str:
        if self.days and not self.months:
            return "2周" if self.days == 14 else f"{self.days}天"
        if self.months % 12 == 0:
            return f"{self.months // 12}年"
        return "半年" if self.months == 6 else f"{self.months}个月"


DEFAULT_LIMIT = GapLimit(months=6, reason="默认")
DYNAMIC_LIMIT = GapLimit(days=14, reason="动态栏目")


def gap_limit(rule: DeadlineRule, dynamic: bool) -> GapLimit:
    """The limit for an item with `rule`; `dynamic` is the officer's 动态 mark."""
    limit = DEFAULT_LIMIT
    if rule.kind is RuleKind.PERIODIC and rule.lag == 0 and rule.period is not None:
        # a minimum frequency ("至少1次/半年", "按年公开") is a gap limit by another name
        if rule.period is Period.WEEK:
            limit = GapLimit(days=7, reason=f"公开时限“{rule.source_text}”")
        else:
            limit = GapLimit(months=MONTHS_IN[rule.period], reason=f"公开时限“{rule.source_text}”")
    if dynamic and DYNAMIC_LIMIT.after(date(2000, 1, 1)) < limit.after(date(2000, 1, 1)):
        return DYNAMIC_LIMIT
    return limit


@dataclass(frozen=True)
class ItemFreshness:
    item: CatalogueItem
    limit: GapLimit
    status: Freshness
    last_published: date | None
    stale_after: date | None  # the last day in time for the next publication (None when blank)
    working_days_left: int = 0  # to stale_after; negative when stale

    @property
    def word(self) -> str:
        return FRESHNESS_WORDS[self.status]

    def state_text(self) -> str:
        """ "超期未更新（2026-05-23起）", "即将超期未更新：2026-11-10前须更新", "空白栏目", "正常更新"."""
        if self.status is Freshness.STALE and self.stale_after is not None:
            return f"{self.word}（{(self.stale_after + timedelta(days=1)).isoformat()}起）"
        if self.status is Freshness.DUE_SOON and self.stale_after is not None:
            return f"{self.word}：{self.stale_after.isoformat()}前须更新"
        return self.word

    def describe(self) -> str:
        """ "最近公开于2026-05-10，最长间隔半年（默认…），应于2026-11-10前更新" for lists and reports."""
        if self.last_published is None or self.stale_after is None:
            return f"从未公开（空白栏目）；最长更新间隔{self.limit.text()}（{self.limit.reason}）"
        return (
            f"最近公开于{self.last_published.isoformat()}，最长更新间隔{self.limit.text()}"
            f"（{self.limit.reason}），应于{self.stale_after.isoformat()}前更新"
        )


def is_checked(item: CatalogueItem) -> bool:
    """Items published proactively; one only published on request has no column to keep fresh."""
    return tuple(item.mode) != (MODE_ON_REQUEST,)


def item_freshness(
    item: CatalogueItem,
    rule: DeadlineRule,
    last_published: date | None,
    *,
    dynamic: bool,
    today: date,
    calendar: WorkdayCalendar,
    due_soon_days: int,
) -> ItemFreshness:
    limit = gap_limit(rule, dynamic)
    if last_published is None:
        return ItemFreshness(item, limit, Freshness.BLANK, None, None)
    stale_after = limit.after(last_published)
    left = calendar.working_days_between(today, stale_after)
    if today > stale_after:
        status = Freshness.STALE
    elif left <= due_soon_days:
        status = Freshness.DUE_SOON
    else:
        status = Freshness.FRESH
    return ItemFreshness(item, limit, status, last_published, stale_after, left)


def last_published(published: Iterable[tuple[int, date | None]], today: date) -> dict[int, date]:
    """The latest publication day (up to today) per item id, from (item id, published on) pairs."""
    last: dict[int, date] = {}
    for item_id, day in published:
        if day is not None and day <= today and (item_id not in last or day > last[item_id]):
            last[item_id] = day
    return last


_ORDER = {Freshness.STALE: 0, Freshness.BLANK: 1, Freshness.DUE_SOON: 2, Freshness.FRESH: 3}


def catalogue_freshness(
    items: Iterable[CatalogueItem],
    rule_of: Callable[[CatalogueItem], DeadlineRule],
    published: Iterable[tuple[int, date | None]],
    *,
    today: date,
    calendar: WorkdayCalendar,
    due_soon_days: int,
) -> tuple[ItemFreshness, ...]:
    """Every proactively published item, most urgent first: stale, blank, soon stale, then fresh."""
    last = last_published(published, today)
    checked = [
        item_freshness(
            item,
            rule_of(item),
            last.get(item.id) if item.id is not None else None,
            dynamic=item.dynamic,
            today=today,
            calendar=calendar,
            due_soon_days=due_soon_days,
        )
        for item in items
        if is_checked(item)
    ]
    return tuple(
        sorted(checked, key=lambda f: (_ORDER[f.status], f.stale_after or date.min, f.item.number))
    )


def needing_attention(rows: Iterable[ItemFreshness]) -> tuple[ItemFreshness, ...]:
    """The columns to act on — stale, blank and soon stale — in the order given (the fresh left out)."""
    return tuple(f for f in rows if f.status is not Freshness.FRESH)
