"""Which item of a revised catalogue is which item of the one it replaces.

An item is known by a stable key: its number (序号) and its content (公开内容). The path (过程/一级/二级) is
not enough: catalogues repeat a path with the same content for different items (a record must never move
from item 12 to item 13 because they read alike). So:
1. same number and same content, one on each side: the same item;
2. otherwise the same content, one on each side among what is left: the same item, renumbered;
3. anything else that could be the same item is ambiguous: several items share the key, or the item
   with the same number now says something else. An ambiguity is only asked about when the old item
   carries something (publications, a hand-set rule, a yearly mark); the caller refuses or asks.
Whitespace and full-width/half-width forms do not count as a difference in content.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from disclosure_desk.domain.catalogue import CatalogueItem

_SPACE = re.compile(r"\s+")


def content_key(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Ambiguity:
    """An old item whose successor cannot be told for sure; `candidates` index the new items."""

    old: int
    candidates: tuple[int, ...]
    reason: str  # Chinese, for the officer


@dataclass(frozen=True)
class ItemMatch:
    pairs: tuple[tuple[int, int], ...]  # (old index, new index)
    renumbered: tuple[tuple[int, int], ...]  # the pairs matched by content alone
    ambiguous: tuple[Ambiguity, ...]

    def new_for(self, old: int) -> int | None:
        return next((n for o, n in self.pairs if o == old), None)


def _unique_pairs(
    old: Sequence[int],
    new: Sequence[int],
    key_old: Callable[[int], Hashable],
    key_new: Callable[[int], Hashable],
) -> tuple[list[tuple[int, int]], set[int], set[int]]:
    """Pairs whose key occurs exactly once on each side; and the old and new indexes whose key repeats."""
    by_old: dict[Hashable, list[int]] = defaultdict(list)
    by_new: dict[Hashable, list[int]] = defaultdict(list)
    for i in old:
        by_old[key_old(i)].append(i)
    for j in new:
        by_new[key_new(j)].append(j)
    pairs, crowded_old, crowded_new = [], set(), set()
    for key, olds in by_old.items():
        news = by_new.get(key, [])
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
        elif news:
            crowded_old.update(olds)
            crowded_new.update(news)
    return pairs, crowded_old, crowded_new


def match_items(old: Sequence[CatalogueItem], new: Sequence[CatalogueItem]) -> ItemMatch:
    """Match the items of `old` (the catalogue replaced) to those of `new`, by index."""

    def exact(items: Sequence[CatalogueItem]) -> Callable[[int], Hashable]:
        return lambda i: (items[i].number, content_key(items[i].content))

    def by_content(items: Sequence[CatalogueItem]) -> Callable[[int], Hashable]:
        return lambda i: content_key(items[i].content)

    pairs, crowded_old, crowded_new = _unique_pairs(range(len(old)), range(len(new)), exact(old), exact(new))
    taken_old = {o for o, _ in pairs} | crowded_old
    taken_new = {n for _, n in pairs} | crowded_new
    rest_old = [i for i in range(len(old)) if i not in taken_old]
    rest_new = [j for j in range(len(new)) if j not in taken_new]
    renumbered, more_old, more_new = _unique_pairs(rest_old, rest_new, by_content(old), by_content(new))
    crowded_old |= more_old
    crowded_new |= more_new
    matched_old = {o for o, _ in pairs + renumbered}
    matched_new = {n for _, n in pairs + renumbered}

    ambiguous = []
    for i in sorted(crowded_old):
        key = content_key(old[i].content)
        candidates = tuple(j for j in sorted(crowded_new) if content_key(new[j].content) == key)
        numbers = "、".join(str(new[j].number) for j in candidates)
        ambiguous.append(
            Ambiguity(i, candidates, f"内容相同的事项不止一个（新目录序号 {numbers}），无法确定是哪一个")
        )
    for i, item in enumerate(old):
        if i in matched_old or i in crowded_old:
            continue
        same_number = tuple(
            j for j, candidate in enumerate(new) if candidate.number == item.number and j not in matched_new
        )
        if same_number:
            ambiguous.append(
                Ambiguity(i, same_number, f"新目录中序号 {item.number} 的内容已改变，无法确定是否为同一事项")
            )
    return ItemMatch(tuple(pairs + renumbered), tuple(renumbered), tuple(ambiguous))
