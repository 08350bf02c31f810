"""Column freshness: the longest allowed gap since the last publication, checked by hand on 2026's calendar.

Today is Tuesday 2026-12-01; December 2026 has no holiday, so working days are Monday to Friday.
"""

from __future__ import annotations

from datetime import date

import pytest

from disclosure_desk.domain.catalogue import MODE_ON_REQUEST, MODE_PROACTIVE, CatalogueItem
from disclosure_desk.domain.deadlines import parse_time_limit
from disclosure_desk.domain.freshness import (
    Freshness,
    catalogue_freshness,
    gap_limit,
    item_freshness,
)
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()
TODAY = date(2026, 12, 1)
ITEM = CatalogueItem(1, "", "工作动态", "", "本局工作动态", "", "长期公开", "", id=1)


def check(last: str | None, text: str = "长期公开", dynamic: bool = False) -> Freshness:
    rule = parse_time_limit(text)
    day = date.fromisoformat(last) if last else None
    result = item_freshness(ITEM, rule, day, dynamic=dynamic, today=TODAY, calendar=CAL, due_soon_days=5)
    return result.status


@pytest.mark.parametrize(
    ("last", "text", "dynamic", "expected"),
    [
        ("2026-05-10", "长期公开", False, Freshness.STALE),  # six months ended 2026-11-10
        ("2026-06-05", "长期公开", False, Freshness.DUE_SOON),  # ends Sat 12-05: 3 working days left
        ("2026-06-20", "长期公开", False, Freshness.FRESH),  # ends Sun 12-20: 13 working days left
        ("2026-11-20", "据实更新", True, Freshness.DUE_SOON),  # 动态: two weeks end 12-04
        ("2026-11-10", "据实更新", True, Freshness.STALE),  # 动态: ended 11-24
        ("2026-03-01", "按年公开", False, Freshness.FRESH),  # a year: ends 2027-03-01
        ("2026-03-01", "按年公开", True, Freshness.STALE),  # 动态 is stricter than the rule
        ("2026-06-20", "至少1次/季度", False, Freshness.STALE),  # a quarter ended 09-20
        (None, "长期公开", False, Freshness.BLANK),
    ],
)
def test_freshness(last: str | None, text: str, dynamic: bool, expected: Freshness) -> None:
    assert check(last, text, dynamic) is expected


def test_limits_and_their_reasons() -> None:
    assert gap_limit(parse_time_limit("长期公开"), False).text() == "半年"
    assert gap_limit(parse_time_limit("长期公开"), True).text() == "2周"
    yearly = gap_limit(parse_time_limit("按年公开"), False)
    assert (yearly.text(), yearly.reason) == ("1年", "公开时限“按年公开”")
    assert gap_limit(parse_time_limit("至少1次/半年"), False).reason == "公开时限“至少1次/半年”"
    # a report due after its period is tracked by its obligations; the column keeps the default limit
    assert gap_limit(parse_time_limit("次月上旬"), False).text() == "半年"


def test_the_whole_catalogue_most_urgent_first_and_on_request_items_left_out() -> None:
    items = [
        CatalogueItem(1, "", "a", "", "fresh", "", "长期公开", "", mode=(MODE_PROACTIVE,), id=1),
        CatalogueItem(2, "", "a", "", "blank", "", "长期公开", "", id=2),
        CatalogueItem(3, "", "a", "", "stale", "", "长期公开", "", id=3, dynamic=True),
        CatalogueItem(4, "", "a", "", "on request", "", "长期公开", "", mode=(MODE_ON_REQUEST,), id=4),
    ]
    published = [(1, date(2026, 11, 1)), (3, date(2026, 11, 2)), (1, date(2026, 2, 1)), (4, None)]
    result = catalogue_freshness(
        items,
        lambda i: parse_time_limit(i.time_limit),
        published,
        today=TODAY,
        calendar=CAL,
        due_soon_days=5,
    )
    assert [(f.item.number, f.status) for f in result] == [
        (3, Freshness.STALE),
        (2, Freshness.BLANK),
        (1, Freshness.FRESH),
    ]
    assert result[2].last_published == date(2026, 11, 1)
    assert result[0].describe() == (
        "最近公开于2026-11-02，最长更新间隔2周（动态栏目），应于2026-11-16前更新"
    )
    assert result[1].describe().startswith("从未公开（空白栏目）")
