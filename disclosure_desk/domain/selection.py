"""Choosing records from the register: by status, by item, by a date range. The window's filter bar and
`publication list`'s options select with these, so the two can never pick different records."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.domain.status import (
    GROUP_WORDS,
    OPEN_STATUSES,
    PUBLISHED_STATUSES,
    STATUS_WORDS,
    Status,
    StatusGroup,
)


class DateField(StrEnum):
    """Which of a record's dates a date range applies to."""

    DUE = "due"
    FORMED = "formed"
    PUBLISHED = "published"


DATE_FIELD_WORDS: Mapping[DateField, str] = {
    DateField.DUE: "应公开日期",
    DateField.FORMED: "形成日期",
    DateField.PUBLISHED: "公开日期",
}


def record_date(record: PublicationRecord, field: DateField) -> date | None:
    if field is DateField.DUE:
        return record.due.due_on
    if field is DateField.FORMED:
        return record.publication.formed_on
    return record.publication.published_on


def in_date_range(value: date | None, start: date | None, end: date | None) -> bool:
    """Inclusive; once a bound is set, a record without that date is left out."""
    if start is None and end is None:
        return True
    if value is None:
        return False
    return (start is None or value >= start) and (end is None or value <= end)


def status_choices() -> dict[str, frozenset[Status]]:
    """Every word or code a status filter accepts → the statuses it selects.

    Status codes (as in the JSON output) and Chinese status words select one status; the group words
    未公开/已公开 and the code "open" select a group. ("published" is the JSON code of 已公开（无时限）.)
    """
    choices: dict[str, frozenset[Status]] = {}
    for status in Status:
        choices[status.value] = frozenset({status})
        choices[STATUS_WORDS[status]] = frozenset({status})
    choices[StatusGroup.OPEN.value] = OPEN_STATUSES
    choices[GROUP_WORDS[StatusGroup.OPEN]] = OPEN_STATUSES
    choices[GROUP_WORDS[StatusGroup.PUBLISHED]] = PUBLISHED_STATUSES
    return choices


def parse_status_filter(text: str) -> frozenset[Status]:
    """The statuses a typed word or code selects; ValueError with a Chinese message listing the choices."""
    choices = status_choices()
    selected = choices.get(text.strip())
    if selected is None:
        words = "、".join([*(STATUS_WORDS[s] for s in Status), *GROUP_WORDS.values()])
        codes = ", ".join([*(s.value for s in Status), StatusGroup.OPEN.value])
        raise ValueError(f"无法识别的状态“{text}”。可用：{words}；或代码 {codes}。")
    return selected
