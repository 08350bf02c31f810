"""Periodic rules: one due date per reporting period, a fixed day (checked by hand on the 2026 calendar).

2026 facts used below (data/holidays.json, 国办发明电〔2025〕7号): 2026-04-10 Fri, 2026-04-20 Mon,
2026-05-09 Sat is an adjusted working day (劳动节), 2026-05-10 Sun, 2026-06-30 Tue, 2026-10-10 Sat is an
adjusted working day (国庆节), 2026-11-11 Wed, 2026-12-31 Thu.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import (
    AnchorDates,
    DeadlineRule,
    RuleKind,
    compute_due,
    parse_time_limit,
)
from disclosure_desk.domain.periods import Period, next_period, period_containing, period_label
from disclosure_desk.domain.recurring import due_for_period, periodic_label, periodic_obligations
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()


def due_on(text: str, day: str) -> date | None:
    rule = parse_time_limit(text)
    assert rule.kind is RuleKind.PERIODIC, text
    return compute_due(rule, AnchorDates(formed_on=date.fromisoformat(day)), CAL, timely_days=5).due_on


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        ("次月上旬", "2026-03-10", "2026-04-10"),  # the example: March is reported by 10 April
        ("每季度的首个月20日", "2026-03-10", "2026-04-20"),  # the example: Q1 by 20 April
        ("当年4月、7月、10月的上旬", "2026-03-10", "2026-04-10"),
        ("当年4月、7月、10月的上旬", "2026-08-31", "2026-10-10"),
        ("次周三之前", "2026-11-02", "2026-11-11"),  # week of Mon 11-02 → Wednesday of the next week
        ("次周三之前", "2026-11-08", "2026-11-11"),  # Sunday is still that week
        ("每月10日前", "2026-09-15", "2026-10-10"),  # a Saturday, but an adjusted working day
        ("至少1次/半年", "2026-03-10", "2026-06-30"),
        ("半年至少更新1次", "2026-08-01", "2026-12-31"),
        ("按年公开", "2026-03-10", "2026-12-31"),
        ("每月公布一次", "2026-02-03", "2026-02-28"),
        ("每季度结束后15日内", "2026-08-01", "2026-10-15"),
        ("次月下旬", "2026-01-05", "2026-02-28"),  # 下旬 runs to the month's last day
        # the period's end opening the text, without 每; months after it end on that month's last day
        ("年度终了后3个月内", "2025-06-10", "2026-03-31"),
        ("上一年度结束后3个月内公开", "2025-11-20", "2026-03-31"),
        ("年终后一个月内", "2025-12-01", "2026-01-31"),  # a Saturday, not moved: "内" means by then
        ("季度结束后15日内", "2026-09-10", "2026-10-15"),
        ("半年结束后2个月内", "2026-02-10", "2026-08-31"),
    ],
)
def test_due_dates(text: str, day: str, expected: str) -> None:
    assert due_on(text, day) == date.fromisoformat(expected)


def test_a_rest_day_is_not_moved_and_the_last_working_day_is_named() -> None:
    rule = parse_time_limit("次月上旬")
    result = compute_due(rule, AnchorDates(formed_on=date(2026, 4, 15)), CAL, timely_days=5)
    assert (result.due_on, result.unrolled_on) == (date(2026, 5, 10), None)
    assert "报告期为2026年4月" in result.explanation
    assert "2026-05-10（星期日）前公开，该日逢周末，期限不顺延" in result.explanation
    assert "此前最后一个工作日为2026-05-09（星期六）" in result.explanation  # the 调休 Saturday


def test_without_a_formed_date_the_publication_date_names_the_period() -> None:
    # The November report registered with only its publication date: published 12-01 it reports November
    # (due 12-10, on time); a half-yearly minimum published 11-20 is met in the second half (due 12-31).
    monthly = parse_time_limit("次月上旬")
    result = compute_due(monthly, AnchorDates(published_on=date(2026, 12, 1)), CAL, timely_days=5)
    assert result.due_on == date(2026, 12, 10)
    assert "未填写形成日期，按公开日期2026-12-01推定报告期为2026年11月" in result.explanation
    half = parse_time_limit("至少1次/半年")
    assert compute_due(half, AnchorDates(published_on=date(2026, 11, 20)), CAL, timely_days=5).due_on == date(
        2026, 12, 31
    )
    # A formed date still decides; with neither date there is nothing to compute from.
    formed = AnchorDates(formed_on=date(2026, 10, 31), published_on=date(2026, 12, 1))
    assert compute_due(monthly, formed, CAL, timely_days=5).due_on == date(2026, 11, 10)
    assert compute_due(monthly, AnchorDates(), CAL, timely_days=5).due_on is None


def test_a_period_of_days_after_the_period_is_rolled_like_any_period() -> None:
    rule = parse_time_limit("每月结束后10日内")
    result = compute_due(rule, AnchorDates(formed_on=date(2026, 4, 15)), CAL, timely_days=5)
    assert (result.due_on, result.unrolled_on) == (date(2026, 5, 11), date(2026, 5, 10))


def test_a_period_the_rule_leaves_out_has_no_date() -> None:
    rule = parse_time_limit("当年4月、7月、10月的上旬")
    result = compute_due(rule, AnchorDates(formed_on=date(2026, 11, 15)), CAL, timely_days=5)
    assert result.due_on is None
    assert "2026年第四季度" in result.explanation and "没有为这一期规定公开时间" in result.explanation


def test_a_year_without_schedule_warns() -> None:
    rule = parse_time_limit("次月上旬")
    result = compute_due(rule, AnchorDates(formed_on=date(2026, 12, 5)), CAL, timely_days=5)
    assert result.due_on == date(2027, 1, 10)
    assert result.warnings and "2027年" in result.warnings[0]


def test_labels() -> None:
    assert parse_time_limit("次月上旬").describe() == "每月：次月10日前"
    assert parse_time_limit("每季度的首个月20日").describe() == "每季度：次季度首月20日前"
    assert parse_time_limit("至少1次/半年").describe() == "每半年至少公开1次"
    assert parse_time_limit("次周三之前").describe() == "每周：次周星期三前"
    assert parse_time_limit("当年4月、7月、10月的上旬").describe() == "每季度：4月、7月、10月的10日前"
    assert period_label(Period.QUARTER, date(2026, 7, 1)) == "2026年第三季度"
    assert period_label(Period.HALF, date(2026, 7, 1)) == "2026年下半年"
    assert period_label(Period.WEEK, date(2026, 11, 30)) == "2026年11月30日至12月6日这一周"


def test_rules_round_trip_through_json() -> None:
    for text in ("次月上旬", "当年4月、7月、10月的上旬", "次周三之前", "每季度结束后15日内", "按年公开"):
        rule = parse_time_limit(text)
        assert DeadlineRule.from_json(rule.to_json()) == rule


_rules = st.sampled_from(
    [
        parse_time_limit(t)
        for t in ("次月上旬", "每季度的首个月20日", "次周三之前", "至少1次/半年", "按年公开")
    ]
)


@settings(max_examples=300, deadline=None)
@given(_rules, st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31)))
def test_the_period_contains_the_day_and_is_due_after_it_ends_or_on_its_last_day(
    rule: DeadlineRule, day: date
) -> None:
    assert rule.period is not None
    start, end = period_containing(rule.period, day)
    assert start <= day <= end
    following, _ = next_period(rule.period, start)
    assert following == end + timedelta(days=1)
    result = due_for_period(rule, start, end, CAL)
    assert result.due_on is not None
    if rule.lag == 0:
        assert result.due_on == end
    else:
        assert end < result.due_on < next_period(rule.period, following)[0]


# --- obligations -------------------------------------------------------------------------------------------

ITEM = CatalogueItem(7, "", "财务公开", "", "村级财务收支", "", "次月上旬", "", id=7)


def obligations(
    text: str, published: list[str], today: str, formed: list[str | None] | None = None
) -> list[tuple[str, str, str | None, int]]:
    """`published` days, each with the formed day at the same place in `formed` (none by default)."""
    days = formed or [None] * len(published)
    found = periodic_obligations(
        ITEM,
        parse_time_limit(text),
        [(d and date.fromisoformat(d), date.fromisoformat(p)) for d, p in zip(days, published, strict=True)],
        since=date(2026, 1, 1),
        today=date.fromisoformat(today),
        calendar=CAL,
    )
    return [
        (o.period_label, o.due_on.isoformat(), o.met_on and o.met_on.isoformat(), o.days_late) for o in found
    ]


def test_monthly_reports_met_on_time_late_and_open() -> None:
    result = obligations("次月上旬", ["2026-02-05", "2026-03-09", "2026-04-20"], "2026-05-12")
    assert result == [
        ("2026年1月", "2026-02-10", "2026-02-05", 0),
        ("2026年2月", "2026-03-10", "2026-03-09", 0),
        ("2026年3月", "2026-04-10", "2026-04-20", 6),  # 04-13..04-17 and 04-20: six working days late
        ("2026年4月", "2026-05-10", None, 2),  # due Sunday 05-10; open on Tuesday 05-12: Mon, Tue
        ("2026年5月", "2026-06-10", None, 0),  # the current month, not yet due
    ]


def test_a_report_meets_the_period_its_formed_day_falls_in() -> None:
    # The officer registers only the September and October reports (formed on the months' last days):
    # they meet September (late: due 10-10, a 调休 Saturday; 10-12..10-15 are four working days) and
    # October; January to August stay open, and nothing is credited to a month the report is not for.
    result = obligations(
        "次月上旬", ["2026-10-15", "2026-11-09"], "2026-12-02", formed=["2026-09-30", "2026-10-31"]
    )
    assert result[0] == ("2026年1月", "2026-02-10", None, result[0][3])
    assert all(met is None for _, _, met, _ in result[:8])
    assert result[8] == ("2026年9月", "2026-10-10", "2026-10-15", 4)
    assert result[9] == ("2026年10月", "2026-11-10", "2026-11-09", 0)
    assert result[10][:3] == ("2026年11月", "2026-12-10", None)


def test_a_report_for_last_year_meets_no_obligation_of_this_year() -> None:
    # December 2025's report, published 2026-01-05, reports a period before the ones tracked.
    result = obligations("次月上旬", ["2026-01-05"], "2026-02-02", formed=["2025-12-31"])
    assert result[0] == ("2026年1月", "2026-02-10", None, 0)


def test_a_minimum_frequency_is_met_within_its_period() -> None:
    result = obligations("至少1次/半年", ["2026-03-02"], "2026-12-01")
    assert result == [
        ("2026年上半年", "2026-06-30", "2026-03-02", 0),
        ("2026年下半年", "2026-12-31", None, 0),
    ]


def test_quarters_the_rule_leaves_out_are_not_obligations() -> None:
    result = obligations("当年4月、7月、10月的上旬", ["2026-04-08"], "2026-12-01")
    assert [r[0] for r in result] == ["2026年第一季度", "2026年第二季度", "2026年第三季度"]
    assert result[0][2] == "2026-04-08" and result[1][2] is None


def test_a_rule_that_is_not_periodic_has_no_obligations() -> None:
    assert obligations("长期公开", [], "2026-12-01") == []


@pytest.mark.parametrize(
    "text",
    [
        "宣传周结束后10个工作日内",  # an event that ends, not a reporting period
        "年度终了后13个月内",  # longer than the following year
    ],
)
def test_a_period_end_only_where_a_period_is_meant(text: str) -> None:
    assert parse_time_limit(text).kind is not RuleKind.PERIODIC


def test_months_after_a_year_read_as_the_month_itself() -> None:
    assert periodic_label(parse_time_limit("年度终了后3个月内")) == "每年：次年3月底前"
