"""Printing helpers shared by the commands."""

from __future__ import annotations

import json
import sys
import unicodedata
from typing import Any


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def warn(message: str) -> None:
    print(message, file=sys.stderr)


def terminal_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide (CJK, full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    """Pad to `width` terminal columns, so Chinese text lines up in columns."""
    fill = " " * max(width - terminal_width(text), 0)
    return fill + text if right else text + fill


# Lists show at most this many terminal columns of a title; `publication show` prints it whole.
TITLE_COLUMNS = 60


def shorten(text: str, width: int = TITLE_COLUMNS) -> str:
    """`text` cut to `width` terminal columns with "…", on one line (line breaks become spaces)."""
    text = " ".join(text.split())
    if terminal_width(text) <= width:
        return text
    kept, used = [], 0
    for c in text:
        used += terminal_width(c)
        if used > width - 1:
            break
        kept.append(c)
    return "".join(kept) + "…"
