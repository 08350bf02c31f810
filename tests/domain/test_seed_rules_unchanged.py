"""Every seed rule gives the same rule and the same dates as before issue 19 (golden file from main b4b199e).

New rule kinds, clauses and fixed-date handling must not move a single due date of the bureau's own
catalogue: 7 distinct texts × 250 start dates from 2024-12-01, every third day, across two holiday years.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from test_deadline_parser import seed_time_limits

from disclosure_desk.domain.deadlines import AnchorDates, compute_due, parse_time_limit
from disclosure_desk.io.holidays_import import bundled_calendar

GOLDEN = json.loads(
    (Path(__file__).resolve().parents[1] / "fixtures" / "seed_due_dates.json").read_text(encoding="utf-8")
)["rules"]
CAL = bundled_calendar()


def test_the_golden_file_covers_every_seed_text() -> None:
    assert set(GOLDEN) == set(seed_time_limits())


@pytest.mark.parametrize("text", sorted(GOLDEN))
def test_seed_rule_is_unchanged(text: str) -> None:
    assert json.loads(parse_time_limit(text).to_json()) == GOLDEN[text]["rule"]


@pytest.mark.parametrize("text", sorted(GOLDEN))
def test_seed_due_dates_are_unchanged(text: str) -> None:
    rule = parse_time_limit(text)
    for start_text, due_text, unrolled_text in GOLDEN[text]["due"]:
        start = date.fromisoformat(start_text)
        result = compute_due(
            rule,
            AnchorDates(formed_on=start, approved_on=start),
            CAL,
            timely_days=5,
            manual_due=start + timedelta(days=40),
        )
        got = (
            result.due_on.isoformat() if result.due_on else None,
            result.unrolled_on.isoformat() if result.unrolled_on else None,
        )
        assert got == (due_text, unrolled_text), (text, start_text)
