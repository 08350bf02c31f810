"""What the window shows, prepared from the store once per reload. No Qt here: plain values and functions.

Views and models read these values; they never ask the store while painting. Everything that depends on
the day (status) is computed here against the injected clock's date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.domain.deadlines import DeadlineRule, DueDate, RuleKind
from disclosure_desk.domain.due import due_date, rule_of
from disclosure_desk.domain.freshness import gap_limit, is_checked
from disclosure_desk.domain.index_numbers import next_index_number
from disclosure_desk.domain.publication import Publication, PublicationRecord
from disclosure_desk.domain.status import Evaluated, Status, evaluate_records, is_open, urgency
from disclosure_desk.domain.time_limits import item_rule_summary, read_time_limit
from disclosure_desk.io.catalogue_review import review_items
from disclosure_desk.store.repository import Store

Clock = Callable[[], date]


def item_label(item: CatalogueItem) -> str:
    """ "1. 决策 › 政策法规 › 部门文件" (an item of a replaced catalogue says so after its number): the
    number and path the officer recognises an item by."""
    return f"{item.number_label}. {' › '.join(item.path)}"


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One publication as the tables show it; `search_text` is lowercase, precomputed for fast filtering."""

    record: PublicationRecord
    status: Status
    item_label: str
    search_text: str

    @property
    def publication(self) -> Publication:
        return self.record.publication

    @property
    def is_open(self) -> bool:
        return is_open(self.status)


def _search_text(record: PublicationRecord, label: str) -> str:
    p = record.publication
    parts = (p.title, p.document_number, p.index_number, p.department, p.responsible, p.notes, p.url, label)
    return "\n".join(parts).lower()


def build_register_rows(entries: Iterable[Evaluated]) -> list[RegisterRow]:
    labels: dict[int, str] = {}
    rows = []
    for entry in entries:
        record = entry.record
        item = record.item
        label = labels.get(item.id or 0)
        if label is None:
            label = labels[item.id or 0] = item_label(item)
        rows.append(RegisterRow(record, entry.status, label, _search_text(record, label)))
    return rows


def load_register(store: Store, today: date) -> list[RegisterRow]:
    evaluation = evaluate_records(
        store.publication_records(), today, store.calendar(), store.settings().due_soon_days
    )
    return build_register_rows(evaluation.entries)


@dataclass(frozen=True)
class OpenWork:
    """Unpublished publications of an item, and the worst state among them (None when there are none)."""

    count: int = 0
    worst: Status | None = None

    def merged(self, other: OpenWork) -> OpenWork:
        worst = self.worst
        if other.worst is not None and (worst is None or urgency(other.worst) < urgency(worst)):
            worst = other.worst
        return OpenWork(self.count + other.count, worst)


def open_work_by_item(rows: Iterable[RegisterRow]) -> dict[int, OpenWork]:
    work: dict[int, OpenWork] = {}
    for row in rows:
        if row.is_open:
            item_id = row.publication.item_id
            work[item_id] = work.get(item_id, OpenWork()).merged(OpenWork(1, row.status))
    return work


def rows_by_item(rows: Iterable[RegisterRow]) -> dict[int, list[RegisterRow]]:
    grouped: dict[int, list[RegisterRow]] = {}
    for row in rows:
        grouped.setdefault(row.publication.item_id, []).append(row)
    return grouped


@dataclass(frozen=True)
class ItemInfo:
    """What the detail panel and the editor say about an item's deadline."""

    rule: DeadlineRule
    rule_description: str
    notes: tuple[str, ...] = ()  # things to point out (e.g. a superseded regulation cited)
    # A 公开时限 with several clauses (and no hand-set rule): each clause's title and rule, and the one a
    # publication falls under unless the officer picks another (0-based).
    clauses: tuple[tuple[str, DeadlineRule], ...] = ()
    default_clause: int = 0
    # column freshness: the officer's 动态 mark and the longest gap allowed, in words ("" for an item
    # published on request only, which has no column to keep fresh)
    dynamic: bool = False
    update_limit: str = ""

    def clause_rule(self, clause: int | None) -> DeadlineRule:
        """The rule of a publication under `clause` (1-based; None: the default)."""
        if clause is not None and 1 <= clause <= len(self.clauses):
            return self.clauses[clause - 1][1]
        return self.clauses[self.default_clause][1] if self.clauses else self.rule

    @property
    def is_statutory(self) -> bool:
        return self.rule.kind is RuleKind.STATUTORY

    @property
    def is_unknown(self) -> bool:
        return self.rule.kind is RuleKind.UNKNOWN


def item_info(store: Store, item: CatalogueItem) -> ItemInfo:
    rule = rule_of(item)
    notes = tuple(review_items([item]))
    description = rule_description(item, rule, store.settings().timely_days)
    limit = read_time_limit(item.time_limit)
    update_limit = update_limit_text(item, rule)
    if item.rule_override or not limit.several:
        return ItemInfo(rule, description, notes, dynamic=item.dynamic, update_limit=update_limit)
    clauses = tuple(
        (limit.clause_title(n), clause.rule) for n, clause in enumerate(limit.clauses, start=1)
    )
    return ItemInfo(
        rule,
        description,
        notes,
        clauses,
        limit.default_index,
        dynamic=item.dynamic,
        update_limit=update_limit,
    )


def update_limit_text(item: CatalogueItem, rule: DeadlineRule) -> str:
    """ "两次公开间隔不超过半年（默认）"; "" when there is no column to keep fresh."""
    if not is_checked(item):
        return ""
    limit = gap_limit(rule, item.dynamic)
    return f"两次公开间隔不超过{limit.text()}（{limit.reason}）"


def rule_description(item: CatalogueItem, rule: DeadlineRule, timely_days: int) -> str:
    """The hand-set rule, or the catalogue's clauses (one line each); then the 公开时长 if any."""
    if item.rule_override:
        return item_rule_summary(rule.describe(timely_days), "", item.display_period)
    return item_rule_summary(rule.describe(timely_days), item.time_limit, item.display_period)


def item_infos(store: Store, catalogue: Catalogue) -> dict[int, ItemInfo]:
    return {item.id: item_info(store, item) for item in catalogue.items if item.id is not None}


def preview_due(store: Store, publication: Publication) -> DueDate:
    """The due date these dates give: the editor shows it live.

    The same domain function (domain.due.due_date) every view computes due dates with, so the preview can
    never disagree with the register. Reads only the store's cached items, calendar and settings.
    """
    return due_date(publication, store.item(publication.item_id), store.calendar(), store.settings())


def index_suggester(bureau_code: str, rows: Sequence[RegisterRow]) -> Callable[[int], str]:
    """year → next free index number, over the numbers in use when the editor opened."""
    existing = [row.publication.index_number for row in rows]
    return lambda year: next_index_number(bureau_code, year, existing)
