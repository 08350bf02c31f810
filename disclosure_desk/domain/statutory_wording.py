"""What the prose drafts are made from, and the few helpers every drafted sentence uses.

Each sentence of a draft exists in two wordings that share little text; the year picks one, so
consecutive years' drafts never read alike even where the figures are the same (the 雷同 check ignores
digits, as an assessor would). Everything said is a figure of the year; what the register cannot know is
a 【请补充：…】 placeholder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from disclosure_desk.domain.report_rows import UNGROUPED, ChannelRow
from disclosure_desk.domain.report_stats import GroupRow, ReportStats
from disclosure_desk.domain.statutory_table3 import Table3
from disclosure_desk.domain.statutory_tables import Section2, Section4

PLACEHOLDER_OPEN = "【请补充"


@dataclass(frozen=True)
class ProseFacts:
    year: int
    bureau: str
    publications: ReportStats  # the register's statistics for the year (report_stats.compute_report)
    last_year_publications: ReportStats | None  # the same for the year before, to compare against
    catalogue_items: int
    reviewed: int  # publications published in the year with a confidentiality review recorded
    indexed: int  # … with an index number
    section2: Section2
    table3: Table3
    late_replies: int  # applications replied in the year after their due date
    section4: Section4
    info_fee_yuan: Decimal


def say(year: int, first: str, second: str) -> str:
    """One of a sentence's two wordings: even years the first, odd years the second."""
    return first if year % 2 == 0 else second


def placeholder(what: str) -> str:
    return f"{PLACEHOLDER_OPEN}：{what}】"


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}".rstrip("0").rstrip(".") + "%"


def listing(pairs: Iterable[tuple[str, int]], pattern: str) -> str:
    """“决策2条、执行3条”: each (name, count) through `pattern` ({name}, {n}), joined with 、."""
    return "、".join(pattern.format(name=name, n=count) for name, count in pairs)


def processes_with_publications(rows: Sequence[GroupRow]) -> list[tuple[str, int]]:
    """(过程, published) for the processes that published anything, most first (ties in catalogue order)."""
    found = [(r.process, r.counts.published) for r in rows if r.counts.published and r.process != UNGROUPED]
    return sorted(found, key=lambda pair: -pair[1])


def used_channels(rows: Sequence[ChannelRow]) -> list[tuple[str, int]]:
    return sorted(((r.channel, r.used) for r in rows if r.used), key=lambda pair: -pair[1])


def enumerate_points(year: int, points: Sequence[str]) -> str:
    """“一是…；二是…。” (even years) or “第一，…；第二，…。” (odd years); a single point is not numbered."""
    if len(points) == 1:
        return points[0] + "。"
    ordinals = "一二三四五六七八九十"
    pattern = "{o}是{p}" if year % 2 == 0 else "第{o}，{p}"
    return "；".join(pattern.format(o=ordinals[i], p=p) for i, p in enumerate(points[:10])) + "。"
