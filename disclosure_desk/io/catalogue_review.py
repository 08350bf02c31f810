"""Things the officer should look at in a catalogue, found from its items alone.

Used for every source (text, Word, Excel, our JSON), so the same catalogue always gives the same warnings.
Warnings point things out; the catalogue itself is never rewritten.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem

# The 2007 regulation (国务院令第492号) was replaced in 2019 by the revised one (国务院令第711号).
_OLD_REGULATION = re.compile(r"国务院令\s*第?\s*492\s*号")

# Optional check of a time-limit text; returns a Chinese problem description, or None when it is fine.
TimeLimitCheck = Callable[[str], str | None]


def _numbers(items: Iterable[CatalogueItem]) -> str:
    return "、".join(str(i.number) for i in items)


def review_items(
    items: Sequence[CatalogueItem],
    time_limit_check: TimeLimitCheck | None = None,
    *,
    has_time_limits: bool = True,
) -> list[str]:
    """`has_time_limits` False: the source has no 公开时限 column at all (said once, not per item)."""
    warnings: list[str] = []
    old = [i for i in items if _OLD_REGULATION.search(unicodedata.normalize("NFKC", i.basis))]
    if old:
        warnings.append(
            f"序号{_numbers(old)}的公开依据引用了国务院令第492号（2007年的《政府信息公开条例》），"
            "该条例已于2019年由国务院令第711号修订，请核对后更新目录。"
        )
    empty_content = [i for i in items if not i.content.strip()]
    if empty_content:
        warnings.append(f"序号{_numbers(empty_content)}的公开内容为空。")
    counts = Counter(i.number for i in items)
    for number, count in counts.items():
        if count > 1:
            warnings.append(f"序号{number}重复出现{count}次。")
    unknown: dict[str, list[CatalogueItem]] = {}
    for item in items:
        for channel in item.channels:
            if channel not in CHANNELS:
                unknown.setdefault(channel, []).append(item)
    for channel, where in unknown.items():
        warnings.append(f"序号{_numbers(where)}的公开渠道“{channel}”不是13种标准渠道之一，已原样保留。")
    no_limit = [i for i in items if not i.time_limit.strip()]
    if not has_time_limits:
        warnings.append("目录中没有“公开时限”列，无法计算公开期限。")
    elif no_limit:
        warnings.append(f"序号{_numbers(no_limit)}的公开时限为空，无法计算公开期限。")
    if time_limit_check is not None:
        for item in items:
            if item.time_limit.strip():
                problem = time_limit_check(item.time_limit)
                if problem:
                    warnings.append(f"序号{item.number}：{problem}")
    return warnings
