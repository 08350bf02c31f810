"""A publication's due date: which rule applies to its catalogue item, and what that rule gives for the
publication's dates. Pure functions of item, publication, calendar and settings — the store only stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import AnchorDates, DeadlineRule, DueDate, compute_due
from disclosure_desk.domain.publication import Publication, PublicationRecord
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.time_limits import clause_rule
from disclosure_desk.domain.workdays import WorkdayCalendar


@lru_cache(maxsize=4096)
def _parsed(time_limit: str, clause: int | None) -> DeadlineRule:
    # parsed once per distinct text: recomputing 50,000 due dates must not parse 50,000 times
    return clause_rule(time_limit, clause)


def rule_of(item: CatalogueItem, clause: int | None = None) -> DeadlineRule:
    """The officer's hand-set rule when there is one, else the rule read from the catalogue's 公开时限:
    its clause `clause` (1-based) when the text has several, by default the first general one."""
    return item.rule_override if item.rule_override is not None else _parsed(item.time_limit, clause)


def publication_rule(publication: Publication, item: CatalogueItem) -> DeadlineRule:
    """The rule `publication` falls under: the clause the officer picked for it, else the default."""
    return rule_of(item, publication.clause)


def anchor_dates(publication: Publication) -> AnchorDates:
    """A publication's dates as deadline anchors.

    The register has one "formed" date; for items whose clock starts at a related publication or a
    received request, the officer enters that date as the formed date (the editor labels it so).
    """
    return AnchorDates(
        formed_on=publication.formed_on,
        changed_on=publication.changed_on,
        approved_on=publication.approved_on,
        related_on=publication.formed_on,
        received_on=publication.formed_on,
        published_on=publication.published_on,
    )


def due_date(
    publication: Publication, item: CatalogueItem, calendar: WorkdayCalendar, settings: Settings
) -> DueDate:
    """The due date of `publication`, with how it was computed and any warning."""
    return compute_due(
        publication_rule(publication, item),
        anchor_dates(publication),
        calendar,
        timely_days=settings.timely_days,
        manual_due=publication.due_on_manual,
    )


def publication_records(
    publications: Iterable[Publication],
    items: Mapping[int, CatalogueItem],
    calendar: WorkdayCalendar,
    settings: Settings,
) -> list[PublicationRecord]:
    """Publications with their items and due dates; a due date is computed once per distinct
    (item, dates), so a register of 50,000 records over a few hundred distinct days stays fast."""
    dues: dict[tuple[object, ...], DueDate] = {}
    records = []
    for publication in publications:
        item = items[publication.item_id]
        key = (
            publication.item_id,
            publication.formed_on,
            publication.changed_on,
            publication.approved_on,
            publication.due_on_manual,
            publication.clause,
            # read only without a formed or changed date (a periodic report's period), so the cache
            # keeps its few hundred keys for records that have them
            publication.published_on
            if publication.formed_on is None and publication.changed_on is None
            else None,
        )
        due = dues.get(key)
        if due is None:
            due = dues[key] = due_date(publication, item, calendar, settings)
        records.append(PublicationRecord(publication, item, due))
    return records


def changed_due_dates(
    publications: Iterable[Publication],
    items: Mapping[int, CatalogueItem],
    before: tuple[WorkdayCalendar, Settings],
    after: tuple[WorkdayCalendar, Settings],
) -> int:
    """How many publications a new calendar or new settings give another due date (for telling the
    officer what a holiday import changed)."""
    publications = list(publications)
    old = publication_records(publications, items, *before)
    new = publication_records(publications, items, *after)
    return sum(1 for a, b in zip(old, new, strict=True) if a.due.due_on != b.due.due_on)
