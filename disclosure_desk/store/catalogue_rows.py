"""Catalogue items between rows and domain values, and what a revised catalogue takes over from the old one.

Every catalogue version stays in the database; publications keep pointing at the item they were recorded
against. An item of a replaced version carries its version number (`CatalogueItem.old_version`), so every
view can say "旧版目录" instead of showing a number that now belongs to another item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.domain.catalogue_match import match_items
from disclosure_desk.domain.errors import CatalogueMatchError
from disclosure_desk.store.models import CatalogueItemRow, CatalogueRow, PublicationRow
from disclosure_desk.store.rows import item_from_row


def all_items(session: Session) -> dict[int, CatalogueItem]:
    """Every item of every version by id; items of replaced versions know their version number."""
    active = session.scalar(select(CatalogueRow.id).where(CatalogueRow.active))
    return {
        r.id: item_from_row(r, None if r.catalogue_id == active else r.catalogue_id)
        for r in session.scalars(select(CatalogueItemRow))
    }


@dataclass(frozen=True)
class CatalogueImport:
    catalogue: Catalogue
    relinked: int  # publications moved to the same item of the new version
    stranded: int  # publications left on old items (gone, changed or ambiguous in the new version)
    renumbered: int = 0  # items found again under another number
    ambiguous: tuple[str, ...] = ()  # old items left in the old version because they were ambiguous
    due_changed: int = 0  # moved publications whose due date changed with the new time limit

    def outcome_lines(self) -> list[str]:
        """What the import did to the register, in the officer's words (window and command line)."""
        lines = []
        if self.relinked:
            lines.append(f"{self.relinked} 条公开信息已转到新版目录中的同一事项（按序号和内容对应）。")
        if self.renumbered:
            lines.append(f"有 {self.renumbered} 个事项在新版目录中序号有变化，已按内容对应。")
        if self.due_changed:
            lines.append(f"{self.due_changed} 条公开信息的应公开日期随新版目录的公开时限改变。")
        if self.stranded:
            lines.append(
                f"提示：{self.stranded} 条公开信息所属的事项在新版目录中已不存在、已改变或无法确定，"
                "仍按旧版目录的事项保存（显示为“旧版目录”）。"
            )
        lines += [f"  - {p}" for p in self.ambiguous]
        return lines


@dataclass(frozen=True)
class CarryOver:
    relinked: int
    stranded: int
    renumbered: int
    ambiguous: tuple[str, ...]
    new_item_ids: tuple[int, ...]  # the new items that received publications


def _describe(item: CatalogueItem, count: int, reason: str) -> str:
    content = item.content if len(item.content) <= 24 else item.content[:24] + "…"
    return f"旧目录序号 {item.number}「{content}」（{count} 条公开信息）：{reason}"


def carry_over(
    session: Session,
    previous: Sequence[CatalogueItemRow],
    current: Sequence[CatalogueItemRow],
    *,
    keep_ambiguous: bool,
) -> CarryOver:
    """Move publications, hand-set rules, yearly and 动态 marks from old items to their successors."""
    old_items = [item_from_row(r) for r in previous]
    match = match_items(old_items, [item_from_row(r) for r in current])
    counts: dict[int, int] = {
        item_id: count
        for item_id, count in session.execute(
            select(PublicationRow.item_id, func.count())
            .where(PublicationRow.item_id.in_([r.id for r in previous]))
            .group_by(PublicationRow.item_id)
        ).all()
    }

    def carries(row: CatalogueItemRow) -> bool:
        return bool(counts.get(row.id) or row.rule_override or row.yearly_due or row.dynamic)

    problems = tuple(
        _describe(old_items[a.old], counts.get(previous[a.old].id, 0), a.reason)
        for a in match.ambiguous
        if carries(previous[a.old])
    )
    if problems and not keep_ambiguous:
        raise CatalogueMatchError(
            f"新目录中有 {len(problems)} 个事项无法与旧目录中的事项一一对应，目录没有导入，什么也没有改动。",
            problems,
        )
    relinked = 0
    receivers = []
    for o, n in match.pairs:
        old, new = previous[o], current[n]
        if new.rule_override is None:
            new.rule_override = old.rule_override
        if new.yearly_due is None:
            new.yearly_due = old.yearly_due
        new.dynamic = new.dynamic or old.dynamic
        count = counts.get(old.id, 0)
        if count:
            moved = update(PublicationRow).where(PublicationRow.item_id == old.id).values(item_id=new.id)
            session.execute(moved)
            relinked += count
            receivers.append(new.id)
    matched = {o for o, _ in match.pairs}
    stranded = sum(counts.get(r.id, 0) for i, r in enumerate(previous) if i not in matched)
    return CarryOver(relinked, stranded, len(match.renumbered), problems, tuple(receivers))
