"""What the start page shows, computed once per reload from records already in memory. No Qt here.

The digest, the catalogue coverage, the twelve-month history and the open work (publications and
applications in one due-date list) are the domain's own computations; this module only gathers them, so
the cards, the list, the chart and the tray reminder can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import DeadlineRule
from disclosure_desk.domain.digest import Coverage, Digest, build_coverage, build_digest
from disclosure_desk.domain.freshness import ItemFreshness, catalogue_freshness, needing_attention
from disclosure_desk.domain.history import MonthHistory, monthly_history
from disclosure_desk.domain.open_work import (
    OpenObligation,
    WorkKind,
    open_work,
    publication_obligation,
)
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.status import evaluate_records
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.ui.presenters import item_label

HISTORY_MONTHS = 12


@dataclass(frozen=True)
class DashboardData:
    today: date
    due_soon_days: int
    digest: Digest
    coverage: Coverage
    history: tuple[MonthHistory, ...]
    record_count: int  # live publications: tells "nothing registered yet" from "all published"
    freshness: tuple[ItemFreshness, ...] = ()  # every checked item, most urgent first
    # unpublished publications and unanswered applications, by due date (domain.open_work)
    open_work: tuple[OpenObligation, ...] = ()
    # statutory (按法定时间公开) publications still waiting for the officer's due date
    needs_due: tuple[OpenObligation, ...] = ()

    def stale_columns(self) -> tuple[ItemFreshness, ...]:
        """The columns to act on: stale, blank and soon stale (the fresh ones are left out)."""
        return needing_attention(self.freshness)

    @property
    def open_applications(self) -> int:
        return sum(1 for o in self.open_work if o.kind is WorkKind.APPLICATION)

    @property
    def attention_count(self) -> int:
        """Overdue plus due soon: the number on the tray badge."""
        return len(self.digest.overdue) + len(self.digest.due_soon)


def build_dashboard(
    records: Sequence[PublicationRecord],
    items: Iterable[CatalogueItem],
    today: date,
    calendar: WorkdayCalendar,
    due_soon_days: int,
    rule_of: Callable[[CatalogueItem], DeadlineRule] | None = None,
    applications: Sequence[ApplicationRecord] = (),
    effective_on: date | None = None,
) -> DashboardData:
    """`rule_of` (each item's rule) adds the periodic obligations and the column freshness; periodic
    obligations start no earlier than the catalogue's `effective_on`."""
    items = tuple(items)
    evaluation = evaluate_records(records, today, calendar, due_soon_days)
    freshness: tuple[ItemFreshness, ...] = ()
    if rule_of is not None:
        published = ((r.publication.item_id, r.publication.published_on) for r in records)
        freshness = catalogue_freshness(
            items, rule_of, published, today=today, calendar=calendar, due_soon_days=due_soon_days
        )
    digest = build_digest(evaluation)
    return DashboardData(
        today=today,
        due_soon_days=due_soon_days,
        digest=digest,
        coverage=build_coverage(items, records, today, calendar, rule_of, effective_on),
        history=monthly_history(evaluation, HISTORY_MONTHS),
        record_count=len(records),
        freshness=freshness,
        open_work=open_work(digest.open, applications, today, calendar),
        needs_due=tuple(publication_obligation(e) for e in digest.needs_due_date),
    )


def with_applications(
    data: DashboardData, applications: Sequence[ApplicationRecord], calendar: WorkdayCalendar
) -> DashboardData:
    """The same page with the open work recomputed for newly loaded applications (their clocks as of
    the page's day); the publications' figures are kept as they are."""
    return replace(data, open_work=open_work(data.digest.open, applications, data.today, calendar))


def item_brief(item: CatalogueItem) -> str:
    """ "12. 本年度预算、报表及说明": the number and what is published — items under one 二级目录 (the
    budget, the final accounts, 三公经费) differ only in their content."""
    return f"{item.number_label}. {(item.content or (item.path or ('',))[-1]).rstrip('。')}"


def item_tooltip(item: CatalogueItem) -> str:
    return "\n".join(filter(None, (item_label(item), item.content)))
