"""The active-disclosure catalogue (主动公开基本目录): its items and fixed vocabularies."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from disclosure_desk.domain.deadlines import DeadlineRule
from disclosure_desk.domain.errors import ValidationError

# The 13 channels (公开渠道和载体) of the provincial template, in catalogue order.
CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
)

AUDIENCE_PUBLIC = "全社会"
AUDIENCE_SPECIFIC = "特定群众"
AUDIENCES: tuple[str, ...] = (AUDIENCE_PUBLIC, AUDIENCE_SPECIFIC)

# The column a display period (公开时长: how long information stays on display) is kept in, as catalogues
# name it. It lives among the item's extra columns so every store and file format keeps it unchanged.
DISPLAY_PERIOD_COLUMN = "公开时长"

MODE_PROACTIVE = "主动"
MODE_ON_REQUEST = "依申请公开"
MODES: tuple[str, ...] = (MODE_PROACTIVE, MODE_ON_REQUEST)


@dataclass(frozen=True, order=True)
class MonthDay:
    """A day of the year (month and day), such as the 3月31日 a yearly obligation is due by.

    Any day that exists in a leap year is valid: 2月29日 falls on 2月28日 in a common year.
    """

    month: int
    day: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.day <= calendar.monthrange(2024, self.month)[1]:
            raise ValidationError(f"{self.month}月{self.day}日不是有效的日期。", "yearly_due")

    def in_year(self, year: int) -> date:
        if (self.month, self.day) == (2, 29) and not calendar.isleap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)

    def label(self) -> str:
        return f"{self.month}月{self.day}日"


@dataclass(frozen=True)
class CatalogueItem:
    """One row of the catalogue (公开事项).

    `id` is the store's key and is None for an item that has only been imported, not saved.
    `extra` keeps columns the importer did not recognise (header text → cell text), never dropped.
    """

    number: int
    process: str
    category: str
    subcategory: str
    content: str
    basis: str
    time_limit: str
    publisher: str
    channels: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)
    id: int | None = None
    # A rule set by hand by the officer, overriding the rule parsed from time_limit.
    rule_override: DeadlineRule | None = None
    # The officer marked this item as a yearly obligation to be met by that day each year.
    yearly_due: MonthDay | None = None
    # The officer marked the item's column 动态 (news-like): it must be updated every two weeks.
    dynamic: bool = False
    # The stored catalogue version (its import number) when the item belongs to one that has since been
    # replaced: its number may now belong to another item of the current catalogue.
    old_version: int | None = None

    @property
    def number_label(self) -> str:
        """ "12", or "12（旧版目录 第1版）" for an item of a replaced catalogue; every view shows this."""
        if self.old_version is None:
            return str(self.number)
        return f"{self.number}（旧版目录 第{self.old_version}版）"

    @property
    def display_period(self) -> str:
        """公开时长 ("公示7个工作日", "长期"): how long it stays up; never part of the deadline."""
        return self.extra.get(DISPLAY_PERIOD_COLUMN, "")

    @property
    def path(self) -> tuple[str, ...]:
        """过程 → 一级目录 → 二级目录, leaving out empty levels."""
        return tuple(p for p in (self.process, self.category, self.subcategory) if p)


@dataclass(frozen=True)
class Catalogue:
    """A whole catalogue as imported, or one stored version of it."""

    title: str
    items: tuple[CatalogueItem, ...]
    warnings: tuple[str, ...] = ()
    version: str = ""
    effective_on: date | None = None
    id: int | None = None

    @property
    def processes(self) -> tuple[str, ...]:
        """Distinct processes (过程) in catalogue order."""
        return tuple(dict.fromkeys(i.process for i in self.items if i.process))

    def item_by_number(self, number: int) -> CatalogueItem | None:
        return next((i for i in self.items if i.number == number), None)
