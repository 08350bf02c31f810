"""Publication status: the one vocabulary every view speaks, and the one evaluation as of a day.

Every word the officer or a supervisor reads about a status is defined here and nowhere else: the window,
the tray, the command line's text output and the Excel report all take their words from this module, and
every count of "on time", "late" or "overdue" comes from `evaluate_records`.

A record is judged as of one day (today, or a report's statistics day); a publication dated after that
day counts as not yet published.
- Published: on time when published on or before the due date, late after it; with no due date there is
  nothing to judge against (PUBLISHED): neither on time nor late, counted apart wherever on-time rates
  are shown, never in the rate.
- Not published: OVERDUE once the day is past the due date, DUE_SOON when the due date is at most
  `due_soon_days` working days away (due that day counts), else PENDING (also when there is no due date).
- Days late are counted in working days (工作日), like time left and like most catalogue deadlines: the
  working days after the due date up to the day published (or the day evaluated). Late on a rest day
  right after the due date is still late: it counts as 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.workdays import WorkdayCalendar


class Status(StrEnum):
    """The codes are a contract of the command line's JSON output: never rename them."""

    PENDING = "pending"  # not published, due date later than the due-soon window (or no due date)
    DUE_SOON = "due_soon"  # not published, due within `due_soon_days` working days (due that day counts)
    OVERDUE = "overdue"  # not published and the due date has passed
    PUBLISHED_ON_TIME = "published_on_time"
    PUBLISHED_LATE = "published_late"
    PUBLISHED = "published"  # published, but there is no due date to judge it against


class StatusGroup(StrEnum):
    OPEN = "open"  # not published (as of the day), whatever the due date
    PUBLISHED = "published"  # published, judged or not
    JUDGED = "judged"  # published and judged against a due date: what an on-time rate counts


# --- the words --------------------------------------------------------------------------------------------

# "No due date": a record the rule gives no due date (statutory without a date entered, an unknown rule,
# a missing start date). Published so, it is neither on time nor late.
NO_DUE_DATE_WORD = "无时限"

# One word per status; no word is another's, and none is a group's word.
STATUS_WORDS: Mapping[Status, str] = {
    Status.PENDING: "未到期",
    Status.DUE_SOON: "即将到期",
    Status.OVERDUE: "逾期未公开",
    Status.PUBLISHED_ON_TIME: "按时公开",
    Status.PUBLISHED_LATE: "逾期公开",
    Status.PUBLISHED: "已公开（无时限）",  # NO_DUE_DATE_WORD in brackets
}

# The groups the officer filters by (JUDGED is only counted, never a filter, so it has no word).
GROUP_WORDS: Mapping[StatusGroup, str] = {
    StatusGroup.OPEN: "未公开",  # every unpublished record: overdue, due soon or not yet due
    StatusGroup.PUBLISHED: "已公开",  # every published record, judged or not
}

ON_TIME_RATE_WORD = "按时公开率"
# How an on-time rate is computed, in the words above (for notes beside a rate).
ON_TIME_RATE_RULE = (
    f"{STATUS_WORDS[Status.PUBLISHED_ON_TIME]} ÷（{STATUS_WORDS[Status.PUBLISHED_ON_TIME]} + "
    f"{STATUS_WORDS[Status.PUBLISHED_LATE]}）；{NO_DUE_DATE_WORD}的不计入"
)
DAYS_LATE_UNIT = "个工作日"
DAYS_LATE_FORMAT = "逾期 {0} " + DAYS_LATE_UNIT  # "逾期 3 个工作日"
DAYS_LATE_HEADING = "逾期工作日数"  # a column of days late
DAYS_LATE_NOTE = "逾期天数按工作日计算（不含法定节假日和周末，含调休上班日），逾期不足 1 个工作日的计 1。"


def status_word(status: Status) -> str:
    return STATUS_WORDS[status]


def group_word(group: StatusGroup) -> str:
    return GROUP_WORDS[group]


def days_late_text(days: int) -> str:
    return DAYS_LATE_FORMAT.format(days)


def rate_text(rate: float | None) -> str:
    """ "93.5%"; an em dash when nothing has been judged yet."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


# --- groups and order -------------------------------------------------------------------------------------

STATUS_GROUPS: Mapping[StatusGroup, frozenset[Status]] = {
    StatusGroup.OPEN: frozenset({Status.PENDING, Status.DUE_SOON, Status.OVERDUE}),
    StatusGroup.PUBLISHED: frozenset({Status.PUBLISHED_ON_TIME, Status.PUBLISHED_LATE, Status.PUBLISHED}),
    StatusGroup.JUDGED: frozenset({Status.PUBLISHED_ON_TIME, Status.PUBLISHED_LATE}),
}
OPEN_STATUSES = STATUS_GROUPS[StatusGroup.OPEN]
PUBLISHED_STATUSES = STATUS_GROUPS[StatusGroup.PUBLISHED]

# Most urgent first: what the officer must act on, then what went wrong, then what is fine.
URGENCY_ORDER: tuple[Status, ...] = (
    Status.OVERDUE,
    Status.DUE_SOON,
    Status.PENDING,
    Status.PUBLISHED_LATE,
    Status.PUBLISHED_ON_TIME,
    Status.PUBLISHED,
)
_URGENCY = {status: rank for rank, status in enumerate(URGENCY_ORDER)}


def urgency(status: Status) -> int:
    """0 for the most urgent (overdue); sorts statuses for lists and picks the worst of several."""
    return _URGENCY[status]


def is_open(status: Status) -> bool:
    return status in OPEN_STATUSES


# --- information requests (依申请公开) ----------------------------------------------------------------
# The same vocabulary for the register of information requests: an application waits for a reply as a
# publication waits to be published; "due soon" is the same word for both.


class ApplicationStatus(StrEnum):
    """Where an application stands on a day. The codes are a contract of `application list --format json`."""

    OPEN = "open"  # not replied, due date beyond the due-soon window (or the clock is stopped)
    DUE_SOON = "due_soon"  # not replied, due within the due-soon window (due that day counts)
    OVERDUE = "overdue"  # not replied and the due date has passed
    REPLIED_ON_TIME = "replied_on_time"
    REPLIED_LATE = "replied_late"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return APPLICATION_STATUS_WORDS[self]

    @property
    def is_open(self) -> bool:
        """Still waiting for a reply."""
        return self in APPLICATION_OPEN_STATUSES


APPLICATION_STATUS_WORDS: Mapping[ApplicationStatus, str] = {
    ApplicationStatus.OPEN: "办理中",
    ApplicationStatus.DUE_SOON: STATUS_WORDS[Status.DUE_SOON],
    ApplicationStatus.OVERDUE: "逾期未答复",
    ApplicationStatus.REPLIED_ON_TIME: "按时答复",
    ApplicationStatus.REPLIED_LATE: "逾期答复",
    ApplicationStatus.WITHDRAWN: "已撤回",
}
APPLICATION_OPEN_STATUSES = frozenset(
    {ApplicationStatus.OPEN, ApplicationStatus.DUE_SOON, ApplicationStatus.OVERDUE}
)
# Most urgent first, as URGENCY_ORDER is for publications.
APPLICATION_URGENCY_ORDER: tuple[ApplicationStatus, ...] = (
    ApplicationStatus.OVERDUE,
    ApplicationStatus.DUE_SOON,
    ApplicationStatus.OPEN,
    ApplicationStatus.REPLIED_LATE,
    ApplicationStatus.REPLIED_ON_TIME,
    ApplicationStatus.WITHDRAWN,
)
# The publication status of the same urgency: views colour an application as they colour that status.
APPLICATION_LIKE_STATUS: Mapping[ApplicationStatus, Status] = {
    ApplicationStatus.OVERDUE: Status.OVERDUE,
    ApplicationStatus.DUE_SOON: Status.DUE_SOON,
    ApplicationStatus.OPEN: Status.PENDING,
    ApplicationStatus.REPLIED_LATE: Status.PUBLISHED_LATE,
    ApplicationStatus.REPLIED_ON_TIME: Status.PUBLISHED_ON_TIME,
    ApplicationStatus.WITHDRAWN: Status.PUBLISHED,
}


def application_status_word(status: ApplicationStatus) -> str:
    return APPLICATION_STATUS_WORDS[status]


def application_urgency(status: ApplicationStatus) -> int:
    return APPLICATION_URGENCY_ORDER.index(status)


# --- one record -------------------------------------------------------------------------------------------


def publication_status(
    due_on: date | None,
    published_on: date | None,
    today: date,
    calendar: WorkdayCalendar,
    due_soon_days: int,
) -> Status:
    """The status of one record as of `today`; `published_on` must already be None when after it."""
    if published_on is not None:
        if due_on is None:
            return Status.PUBLISHED
        return Status.PUBLISHED_ON_TIME if published_on <= due_on else Status.PUBLISHED_LATE
    if due_on is None:
        return Status.PENDING
    if today > due_on:
        return Status.OVERDUE
    if calendar.working_days_between(today, due_on) <= due_soon_days:
        return Status.DUE_SOON
    return Status.PENDING


def working_days_late(due_on: date | None, as_of: date, calendar: WorkdayCalendar) -> int:
    """Working days after `due_on` up to `as_of` (published on, or the day evaluated); 0 when not late,
    at least 1 when late (published on the rest day after a Friday due date is one day late)."""
    if due_on is None or as_of <= due_on:
        return 0
    return max(calendar.working_days_between(due_on, as_of), 1)


# --- a set of records as of a day -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figures:
    """Publications published in a period, by how they are judged."""

    published: int = 0
    on_time: int = 0
    late: int = 0
    no_due_date: int = 0  # published with no due date: neither on time nor late

    @property
    def judged(self) -> int:
        return self.on_time + self.late

    @property
    def on_time_rate(self) -> float | None:
        """On time ÷ (on time + late); None when nothing with a due date was published."""
        return self.on_time / self.judged if self.judged else None

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.published + other.published,
            self.on_time + other.on_time,
            self.late + other.late,
            self.no_due_date + other.no_due_date,
        )


def figures_of(statuses: Iterable[Status]) -> Figures:
    """Count published statuses into figures (open ones are ignored): the one place that says how a
    status counts."""
    on_time = late = no_due = 0
    for status in statuses:
        if status is Status.PUBLISHED_ON_TIME:
            on_time += 1
        elif status is Status.PUBLISHED_LATE:
            late += 1
        elif status is Status.PUBLISHED:
            no_due += 1
    return Figures(on_time + late + no_due, on_time, late, no_due)


@dataclass(frozen=True, slots=True)
class Evaluated:
    """One record as of the evaluation day."""

    record: PublicationRecord
    status: Status
    published_on: date | None  # None when not published by the day (a later date counts as unpublished)
    # working days from the day to the due date: 0 = due that day, negative = late; None when published
    # or when there is no due date
    working_days_left: int | None
    days_late: int  # working days late (see working_days_late); 0 when not late

    @property
    def due_on(self) -> date | None:
        return self.record.due.due_on


def _month_key(day: date) -> tuple[int, int]:
    return (day.year, day.month)


@dataclass(frozen=True)
class Evaluation:
    as_of: date
    due_soon_days: int
    entries: tuple[Evaluated, ...]  # in the order the records were given
    # publications published on or before `as_of`, by (year, month) published
    by_month: Mapping[tuple[int, int], Figures]

    def month_figures(self, year: int, month: int) -> Figures:
        return self.by_month.get((year, month), Figures())

    def figures_between(self, start: date, end: date) -> Figures:
        """Published in the whole months from `start`'s to `end`'s (up to `as_of`)."""
        first, last = _month_key(start), _month_key(end)
        total = Figures()
        for key, figures in self.by_month.items():
            if first <= key <= last:
                total += figures
        return total

    @property
    def month(self) -> Figures:
        """Published in the month of `as_of`, up to it: the start page's "this month"."""
        return self.month_figures(self.as_of.year, self.as_of.month)

    @property
    def year(self) -> Figures:
        """Published in the year of `as_of`, up to it: the start page's on-time rate."""
        return self.figures_between(date(self.as_of.year, 1, 1), self.as_of)

    def with_status(self, *statuses: Status) -> tuple[Evaluated, ...]:
        wanted = frozenset(statuses)
        return tuple(e for e in self.entries if e.status in wanted)


def evaluate_records(
    records: Iterable[PublicationRecord], as_of: date, calendar: WorkdayCalendar, due_soon_days: int
) -> Evaluation:
    """Every record's status as of `as_of`, and the figures of what was published each month by then.

    The register, the start page, the chart, the digest, `status`, the tray and the reports all ask
    this function; none judges lateness on its own. One pass, whatever the number of records.
    """
    entries: list[Evaluated] = []
    counts: dict[tuple[int, int], list[Status]] = {}
    rank = calendar.rank
    as_of_rank = rank(as_of.toordinal())
    for record in records:
        published = record.publication.published_on
        if published is not None and published > as_of:
            published = None
        due_on = record.due.due_on
        status = publication_status(due_on, published, as_of, calendar, due_soon_days)
        if published is not None:
            counts.setdefault(_month_key(published), []).append(status)
            late = working_days_late(due_on, published, calendar) if status is Status.PUBLISHED_LATE else 0
            entries.append(Evaluated(record, status, published, None, late))
            continue
        left = None if due_on is None else rank(due_on.toordinal()) - as_of_rank
        late = working_days_late(due_on, as_of, calendar) if status is Status.OVERDUE else 0
        entries.append(Evaluated(record, status, None, left, late))
    by_month = {key: figures_of(statuses) for key, statuses in counts.items()}
    return Evaluation(as_of, due_soon_days, tuple(entries), by_month)
