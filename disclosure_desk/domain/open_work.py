"""What the officer still owes, publications and information requests together, most pressing first.

The start page lists both kinds in one due-date list. Each maps to an OpenObligation that carries what
the list needs — its due date, its status word, how urgent it is (as a publication status, which decides
the colour), working days left or late — so the order and the urgency are decided here, once, and the
widget only shows them. An application's status is shown in its own word (逾期未答复, 办理中) and judged
as the publication status of the same urgency (domain.status.APPLICATION_LIKE_STATUS).

Nothing personal is carried: an application's row is its number and the information asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.status import (
    APPLICATION_LIKE_STATUS,
    Evaluated,
    Status,
    application_status_word,
    status_word,
    urgency,
    working_days_late,
)
from disclosure_desk.domain.workdays import WorkdayCalendar


class WorkKind(StrEnum):
    PUBLICATION = "publication"  # a publication not yet published
    APPLICATION = "application"  # an information request not yet replied to


@dataclass(frozen=True, slots=True)
class OpenObligation:
    """One open publication or application as of a day."""

    kind: WorkKind
    id: int | None
    status: Status  # urgency and colour (an application's: the publication status of the same urgency)
    word: str  # its own status word from domain.status: 逾期未公开 / 即将到期 / 逾期未答复 / 办理中 …
    due: DueDate  # due date, explanation (citing the rule or the articles), warnings
    working_days_left: int | None  # from the day to the due date; negative when late; None when undated
    days_late: int  # working days late (status.working_days_late); 0 when not late
    pause_reason: str  # an application whose clock is stopped: "征求意见中" …; "" otherwise
    source: Evaluated | ApplicationRecord  # what the row stands for: the editor opens this

    @property
    def due_on(self) -> date | None:
        return self.due.due_on

    @property
    def paused(self) -> bool:
        return bool(self.pause_reason)


def publication_obligation(entry: Evaluated) -> OpenObligation:
    return OpenObligation(
        WorkKind.PUBLICATION,
        entry.record.publication.id,
        entry.status,
        status_word(entry.status),
        entry.record.due,
        entry.working_days_left,
        entry.days_late,
        "",
        entry,
    )


def application_obligation(
    record: ApplicationRecord, today: date, calendar: WorkdayCalendar
) -> OpenObligation:
    clock = record.clock
    like = APPLICATION_LIKE_STATUS[clock.status]
    late = working_days_late(clock.due_on, today, calendar) if like is Status.OVERDUE else 0
    return OpenObligation(
        WorkKind.APPLICATION,
        record.application.id,
        like,
        application_status_word(clock.status),
        clock.due,
        clock.days_left,
        late,
        clock.pause_reason if clock.paused else "",
        record,
    )


def _order(obligation: OpenObligation) -> tuple[bool, date, int, int, int]:
    """By due date (undated last); on one day the more urgent first, then publications, then by id."""
    due = obligation.due_on
    kind = 0 if obligation.kind is WorkKind.PUBLICATION else 1
    return (due is None, due or date.max, urgency(obligation.status), kind, obligation.id or 0)


def open_work(
    publications: Iterable[Evaluated],
    applications: Iterable[ApplicationRecord],
    today: date,
    calendar: WorkdayCalendar,
) -> tuple[OpenObligation, ...]:
    """The open ones of both kinds in one list, by due date: unpublished publications (the digest's
    `open`) and applications still waiting for a reply; published, replied and withdrawn ones are left out."""
    found = [publication_obligation(e) for e in publications if e.published_on is None]
    found += [application_obligation(r, today, calendar) for r in applications if r.clock.status.is_open]
    return tuple(sorted(found, key=_order))
