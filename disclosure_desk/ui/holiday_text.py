"""The holiday year editor's text boxes: one date (or range) per line, with an optional holiday name.

    2027-01-01 元旦
    2027-02-05..2027-02-11 春节

No Qt here, so it is tested like the domain. Errors carry the line number and the domain's Chinese
reason; the dialog words the message (through tr).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from disclosure_desk.domain.dates import parse_iso_date

_RANGE = re.compile(r"\s*(?:\.\.|至|~|～)\s*")
MAX_RANGE_DAYS = 31


class DayLineError(ValueError):
    """Line `line` (1-based) is not a date or range; `reason` is a Chinese sentence, or "" for a bad range."""

    def __init__(self, line: int, text: str, reason: str = "") -> None:
        super().__init__(f"{line}: {reason or text}")
        self.line = line
        self.text = text
        self.reason = reason


def parse_day_lines(text: str) -> list[tuple[date, str]]:
    """(day, name) for every day listed; raises DayLineError on a bad line."""
    days: list[tuple[date, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = _RANGE.split(line, maxsplit=1)
        if len(parts) == 2:
            first_text, rest = parts
            last_text, _, name = rest.partition(" ")
        else:
            first_text, _, name = line.partition(" ")
            last_text = first_text
        try:
            first, last = parse_iso_date(first_text), parse_iso_date(last_text)
        except ValueError as error:
            raise DayLineError(number, line, str(error)) from None
        if last < first or (last - first).days >= MAX_RANGE_DAYS:
            raise DayLineError(number, line)
        day = first
        while day <= last:
            days.append((day, name.strip()))
            day += timedelta(days=1)
    return days


def format_day_lines(days: Iterable[tuple[date, str]]) -> str:
    """One line per day, in date order: what parse_day_lines reads back."""
    return "\n".join(f"{day.isoformat()} {name}".rstrip() for day, name in sorted(days))
