"""Index numbers (索引号) for the register: 统一社会信用代码 + "/" + year + "-" + five-digit serial.

This is the shape most 政府信息公开 platforms use, e.g. "11370303MB2854721X/2026-00012". The officer may
edit a generated number; numbers in other shapes are left alone and simply not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SERIAL_WIDTH = 5
_INDEX = re.compile(r"^\s*(?P<code>[0-9A-Za-z]+)/(?P<year>\d{4})-(?P<serial>\d+)\s*$")


def format_index_number(code: str, year: int, serial: int) -> str:
    return f"{code.strip().upper()}/{year:04d}-{serial:0{SERIAL_WIDTH}d}"


def parse_index_number(text: str) -> tuple[str, int, int] | None:
    """(code, year, serial) for a number in our shape, None for anything else."""
    match = _INDEX.match(text)
    if match is None:
        return None
    return match["code"].upper(), int(match["year"]), int(match["serial"])


def next_index_number(code: str, year: int, existing: Iterable[str]) -> str:
    """The next free number for `code` and `year`: one past the highest serial in use.

    Returns "" when no bureau code is set: a number without it would be wrong, not merely incomplete.
    """
    code = code.strip().upper()
    if not code:
        return ""
    highest = 0
    for text in existing:
        parsed = parse_index_number(text)
        if parsed is not None and parsed[0] == code and parsed[1] == year:
            highest = max(highest, parsed[2])
    return format_index_number(code, year, highest + 1)
