"""Date parsing shared by every layer: strict ISO dates with Chinese messages."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


def parse_iso_date(text: str) -> date:
    """Parse YYYY-MM-DD (also 2026/1/5, 2026.1.5, 2026年1月5日). Raises ValueError with a Chinese message."""
    match = _ISO.match(text)
    if not match:
        raise ValueError(f"“{text}”不是有效日期，请使用 YYYY-MM-DD 格式，例如 2026-11-25。")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"日期“{text}”不存在（请检查月份和日期）。") from None


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
