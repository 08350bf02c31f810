"""Deadline rules parsed from 公开时限 texts, and due dates computed from them.

CONTRACT (implementation pending — see issue 3). Signatures here are relied on by the store, io and ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from disclosure_desk.domain.workdays import WorkdayCalendar


class Anchor(StrEnum):
    FORMED_OR_CHANGED = "formed_or_changed"  # 自该信息形成或者变更之日起
    FORMED = "formed"  # 信息形成后
    APPROVED = "approved"  # 批复后
    RELATED_PUBLICATION = "related_publication"  # 关联…公开 / 文件公开后
    RECEIVED = "received"  # 收到申请


class RuleKind(StrEnum):
    RELATIVE = "relative"  # N (working) days after an anchor
    ANNUAL = "annual"  # a fixed day every year: 每年1月31日前
    TIMELY = "timely"  # 及时公开: the officer's default number of working days
    STATUTORY = "statutory"  # 按照法定时间公开: the officer enters the due date
    UNKNOWN = "unknown"  # not understood: flagged, never guessed


@dataclass(frozen=True)
class DeadlineRule:
    kind: RuleKind
    days: int = 0
    working_days: bool = True
    anchor: Anchor | None = None
    month: int = 0
    day: int = 0
    source_text: str = ""

    def describe(self) -> str:
        """Short Chinese description, e.g. "形成或变更后20个工作日"."""
        raise NotImplementedError

    def to_json(self) -> str:
        raise NotImplementedError

    @classmethod
    def from_json(cls, text: str) -> DeadlineRule:
        raise NotImplementedError


def parse_time_limit(text: str) -> DeadlineRule:
    """Never raises: returns kind UNKNOWN when the text is not understood."""
    raise NotImplementedError


@dataclass(frozen=True)
class AnchorDates:
    formed_on: date | None = None
    changed_on: date | None = None
    approved_on: date | None = None
    related_on: date | None = None
    received_on: date | None = None


@dataclass(frozen=True)
class DueDate:
    due_on: date | None  # None: no due date can be given (statutory without a date, unknown, no anchor)
    unrolled_on: date | None = None  # calendar-day periods rolled past a rest day: the unrolled last day
    explanation: str = ""  # Chinese: rule, start day, holidays and 调休 days met
    warnings: tuple[str, ...] = ()  # Chinese: e.g. the due date falls in a year with no official schedule


def compute_due(
    rule: DeadlineRule,
    dates: AnchorDates,
    calendar: WorkdayCalendar,
    *,
    timely_days: int,
    manual_due: date | None = None,
) -> DueDate:
    raise NotImplementedError
