"""Due dates: the worked examples, the explanations, warnings, and properties over the bundled calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.deadlines import (
    Anchor,
    AnchorDates,
    DeadlineRule,
    DueDate,
    RuleKind,
    compute_due,
    parse_time_limit,
)
from disclosure_desk.domain.errors import DeadlineRuleError
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.io.holidays_import import bundled_calendar, load_bundled_holidays

CAL = bundled_calendar()
FORMED_20WD = parse_time_limit("自该信息形成或者变更之日起20个工作日内。")
APPROVED_20D = parse_time_limit("本级政府财政部门批复后20日内。")
TIMELY = parse_time_limit("及时公开。")
STATUTORY = parse_time_limit("按照法定时间公开。")
ANNUAL = parse_time_limit("每年1月31日前")


def due(
    rule: DeadlineRule, dates: AnchorDates, *, timely_days: int = 5, manual: date | None = None
) -> DueDate:
    return compute_due(rule, dates, CAL, timely_days=timely_days, manual_due=manual)


def formed(day: str) -> AnchorDates:
    return AnchorDates(formed_on=date.fromisoformat(day))


# --- the worked examples (checked day by day against the notices) --------------------------------------


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("2026-11-02", "2026-11-30"),  # a plain month
        ("2026-10-08", "2026-11-04"),  # the 调休 Saturday 2026-10-10 counts
        ("2025-09-26", "2025-10-30"),  # National Day + Mid-Autumn; Mon–Fri alone says 10-24
        ("2026-02-06", "2026-03-12"),  # Spring Festival with two 调休 Saturdays
        ("2026-04-30", "2026-06-01"),  # Labour Day
    ],
)
def test_working_day_examples(start: str, expected: str) -> None:
    result = due(FORMED_20WD, formed(start))
    assert result.due_on == date.fromisoformat(expected)
    assert result.unrolled_on is None
    assert result.warnings == ()
    assert f"自形成日期{start}起算（当日不计）" in result.explanation
    assert f"第20个工作日为{expected}" in result.explanation


def test_plain_monday_to_friday_would_be_four_days_early() -> None:
    assert WorkdayCalendar([]).add_working_days(date(2025, 9, 26), 20) == date(2025, 10, 24)


def test_explanation_names_holidays_and_adjusted_days() -> None:
    text = due(FORMED_20WD, formed("2025-09-26")).explanation
    assert text.startswith("形成或变更后20个工作日：")
    assert "9月28日（星期日）调休上班" in text
    assert "国庆节、中秋节放假（10月1日至8日）" in text
    assert "10月11日（星期六）调休上班" in text
    assert "10月10日（星期六）调休上班" in due(FORMED_20WD, formed("2026-10-08")).explanation
    spring = due(FORMED_20WD, formed("2026-02-06")).explanation
    assert "2月14日（星期六）调休上班；春节放假（2月15日至23日）；2月28日（星期六）调休上班" in spring
    assert "期间无法定节假日和调休上班日" in due(FORMED_20WD, formed("2026-11-02")).explanation


def test_explanation_across_a_missing_year_never_says_there_are_no_holidays() -> None:
    only_2026 = WorkdayCalendar([s for s in load_bundled_holidays() if s.year == 2026])
    text = compute_due(FORMED_20WD, formed("2026-12-15"), only_2026, timely_days=5).explanation
    assert "期间无法定节假日" not in text
    assert "2027年放假安排尚未导入" in text


def test_explanation_across_a_year_end_names_years() -> None:
    text = due(FORMED_20WD, formed("2025-12-20")).explanation
    assert "元旦放假（2026年1月1日至3日）" in text
    assert "2026年1月4日（星期日）调休上班" in text


def test_explanations_follow_the_calendar_they_were_computed_with() -> None:
    # the explanation memo must never hand one calendar's holidays to another
    assert "国庆节" in due(FORMED_20WD, formed("2025-09-26")).explanation
    bare = compute_due(FORMED_20WD, formed("2025-09-26"), WorkdayCalendar([]), timely_days=5)
    assert bare.due_on == date(2025, 10, 24)
    expected = "期间未遇已知的法定节假日和调休上班日（2025年放假安排尚未导入，其中的节假日未计入）"
    assert expected in bare.explanation
    assert "国庆节" in due(FORMED_20WD, formed("2025-09-26")).explanation


def test_calendar_days_approved() -> None:
    result = due(APPROVED_20D, AnchorDates(approved_on=date(2026, 9, 30)))
    assert result.due_on == date(2026, 10, 20)
    assert result.unrolled_on is None
    assert "批复后20日" in result.explanation and "自批复日期2026-09-30起算" in result.explanation


def test_calendar_days_roll_past_a_holiday() -> None:
    result = due(APPROVED_20D, AnchorDates(approved_on=date(2026, 9, 14)))
    assert result.unrolled_on == date(2026, 10, 4)
    assert result.due_on == date(2026, 10, 8)
    assert "逢国庆节放假" in result.explanation and "顺延" in result.explanation


def test_calendar_days_roll_past_a_weekend() -> None:
    result = due(APPROVED_20D, AnchorDates(approved_on=date(2026, 11, 1)))  # +20 = Sat 11-21
    assert (result.unrolled_on, result.due_on) == (date(2026, 11, 21), date(2026, 11, 23))
    assert "逢周末" in result.explanation


def test_a_calendar_period_ending_on_an_adjusted_saturday_is_not_rolled() -> None:
    result = due(APPROVED_20D, AnchorDates(approved_on=date(2026, 9, 20)))  # +20 = Sat 10-10, a working day
    assert result.due_on == date(2026, 10, 10) and result.unrolled_on is None


def test_2028_warns_and_is_still_computed() -> None:
    result = due(FORMED_20WD, formed("2028-03-01"))
    assert result.due_on == date(2028, 3, 29)  # weekends only
    assert len(result.warnings) == 1
    assert "2028年的法定节假日安排尚未导入" in result.warnings[0]
    assert "请在“节假日安排”中导入2028年安排" in result.warnings[0]


def test_a_period_crossing_into_an_unscheduled_year_warns() -> None:
    result = due(FORMED_20WD, formed("2026-12-10"))
    assert result.due_on == date(2027, 1, 7)
    assert any("2027年" in w for w in result.warnings)


def test_late_december_warns_about_next_years_new_year_block() -> None:
    result = due(FORMED_20WD, formed("2026-11-27"))  # ends 2026-12-25
    assert result.due_on == date(2026, 12, 25)
    assert any("2027年的放假安排" in w and "12月下旬" in w for w in result.warnings)


def test_an_unofficial_schedule_warns() -> None:
    from dataclasses import replace

    schedules = [replace(s, official=False) if s.year == 2026 else s for s in CAL.schedules]
    cal = WorkdayCalendar(schedules)
    result = compute_due(FORMED_20WD, formed("2026-11-02"), cal, timely_days=5)
    assert result.due_on == date(2026, 11, 30)
    assert any("不是官方公布的安排" in w for w in result.warnings)


# --- anchors -------------------------------------------------------------------------------------------


def test_a_change_restarts_the_clock() -> None:
    result = due(FORMED_20WD, AnchorDates(formed_on=date(2026, 9, 1), changed_on=date(2026, 11, 2)))
    assert result.due_on == date(2026, 11, 30)
    assert "自变更日期2026-11-02起算" in result.explanation
    # an earlier "changed" date than formed (a typo) does not move the clock back
    earlier = due(FORMED_20WD, AnchorDates(formed_on=date(2026, 11, 2), changed_on=date(2026, 9, 1)))
    assert earlier.due_on == date(2026, 11, 30)
    only_changed = due(FORMED_20WD, AnchorDates(changed_on=date(2026, 11, 2)))
    assert only_changed.due_on == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("rule", "missing"),
    [
        (FORMED_20WD, "形成日期"),
        (APPROVED_20D, "批复日期"),
        (parse_time_limit("关联规范性文件公开3个工作日内"), "关联文件的公开日期"),
        (parse_time_limit("收到申请之日起20个工作日内"), "收到申请日期"),
        (parse_time_limit("信息形成后,7个工作日内公开"), "形成日期"),
        (TIMELY, "形成日期"),
        (ANNUAL, "形成日期"),
    ],
)
def test_a_missing_anchor_date_is_named(rule: DeadlineRule, missing: str) -> None:
    result = due(rule, AnchorDates())
    assert result.due_on is None
    assert missing in result.explanation and "无法计算" in result.explanation


def test_formed_anchor_ignores_changed() -> None:
    rule = parse_time_limit("信息形成后,7个工作日内公开")
    result = due(rule, AnchorDates(formed_on=date(2026, 11, 2), changed_on=date(2026, 11, 20)))
    assert result.due_on == date(2026, 11, 11)


def test_related_and_received() -> None:
    related = parse_time_limit("关联规范性文件公开3个工作日内")
    # 10-08 Thu, 10-09 Fri, 10-10 the 调休 Saturday
    assert due(related, AnchorDates(related_on=date(2026, 9, 30))).due_on == date(2026, 10, 10)
    received = parse_time_limit("收到申请之日起20个工作日内")
    assert due(received, AnchorDates(received_on=date(2026, 11, 2))).due_on == date(2026, 11, 30)


# --- timely, statutory, annual, unknown -----------------------------------------------------------------


def test_timely_uses_the_setting() -> None:
    # 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12 Mon, 10-13 Tue
    assert due(TIMELY, formed("2026-09-30")).due_on == date(2026, 10, 13)
    assert due(TIMELY, formed("2026-11-02"), timely_days=3).due_on == date(2026, 11, 5)
    assert "及时公开" in due(TIMELY, formed("2026-11-02")).explanation


def test_timely_counts_working_days() -> None:
    assert due(TIMELY, formed("2026-09-30")).due_on == CAL.add_working_days(date(2026, 9, 30), 5)


def test_statutory() -> None:
    missing = due(STATUTORY, formed("2026-11-02"))
    assert missing.due_on is None and "请手工填写应公开日期" in missing.explanation
    given_ = due(STATUTORY, formed("2026-11-02"), manual=date(2026, 12, 1))
    assert given_.due_on == date(2026, 12, 1)
    assert "2026-12-01" in given_.explanation


def test_unknown() -> None:
    result = due(parse_time_limit("视情况而定"), formed("2026-11-02"))
    assert result.due_on is None
    assert result.explanation.startswith("公开时限未能识别，请为该事项手工设定规则")


def test_annual_first_occurrence_on_or_after_the_anchor() -> None:
    jan = due(ANNUAL, formed("2024-01-05"))
    assert jan.due_on == date(2024, 1, 31) and jan.unrolled_on is None
    assert due(ANNUAL, formed("2024-01-31")).due_on == date(2024, 1, 31)


def test_a_fixed_date_on_a_rest_day_is_never_moved() -> None:
    # 2025-01-31 (Friday) is in the Spring Festival holiday (1-28 to 2-4; Sunday 1-26 worked)
    spring = due(ANNUAL, formed("2024-02-01"))
    assert (spring.due_on, spring.unrolled_on) == (date(2025, 1, 31), None)
    assert "逢春节放假" in spring.explanation and "期限不顺延" in spring.explanation
    assert "此前最后一个工作日为2025-01-27（星期一）" in spring.explanation
    # 2026-01-31 is a Saturday: the last working day before it is Friday 2026-01-30
    weekend = due(ANNUAL, formed("2025-12-20"))
    assert (weekend.due_on, weekend.unrolled_on) == (date(2026, 1, 31), None)
    assert "逢周末" in weekend.explanation
    assert "此前最后一个工作日为2026-01-30（星期五）" in weekend.explanation
    assert "顺延至" not in weekend.explanation


def test_the_issue_example_31_january_2027_a_sunday() -> None:
    result = due(ANNUAL, formed("2026-03-10"))
    assert result.due_on == date(2027, 1, 31)  # not 2027-02-01: "前" means by that day
    assert "2027-01-31（星期日），该日逢周末，期限不顺延" in result.explanation
    assert "此前最后一个工作日为2027-01-29（星期五）" in result.explanation
    assert result.warnings and "2027年" in result.warnings[0]  # no 2027 schedule yet: said loudly


def test_a_fixed_date_on_a_working_day_has_no_note() -> None:
    june = due(parse_time_limit("6月底前"), formed("2026-03-01"))  # 2026-06-30 is a Tuesday
    assert june.due_on == date(2026, 6, 30)
    assert june.explanation.endswith("2026-06-30（星期二）。")


def test_annual_month_end_and_february() -> None:
    june = parse_time_limit("6月底前")
    assert due(june, formed("2026-03-01")).due_on == date(2026, 6, 30)
    march = parse_time_limit("每年3月底前")
    assert due(march, formed("2025-03-01")).due_on == date(2025, 3, 31)
    feb = parse_time_limit("每年2月底前")
    assert due(feb, formed("2025-01-01")).due_on == date(2025, 2, 28)
    assert due(feb, formed("2024-01-01")).due_on == date(2024, 2, 29)


def test_invalid_rules_explain_instead_of_raising() -> None:
    broken = [
        DeadlineRule(RuleKind.RELATIVE, days=20, anchor=None),
        DeadlineRule(RuleKind.RELATIVE, days=-3, anchor=Anchor.FORMED),
        DeadlineRule(RuleKind.ANNUAL, month=13, day=1),
        DeadlineRule(RuleKind.ANNUAL),
    ]
    for rule in broken:
        result = due(rule, formed("2026-11-02"))
        assert result.due_on is None and result.explanation


def test_dates_at_the_end_of_time_do_not_raise() -> None:
    for rule in (FORMED_20WD, APPROVED_20D, TIMELY, ANNUAL):
        result = due(rule, AnchorDates(formed_on=date.max, approved_on=date.max))
        assert result.due_on is None and "超出" in result.explanation


def test_zero_days_is_the_same_day() -> None:
    rule = DeadlineRule(RuleKind.RELATIVE, days=0, anchor=Anchor.FORMED)
    assert due(rule, formed("2026-10-03")).due_on == date(2026, 10, 3)


# --- describe and JSON --------------------------------------------------------------------------------


def test_describe() -> None:
    assert FORMED_20WD.describe() == "形成或变更后20个工作日内"
    assert APPROVED_20D.describe() == "批复后20日内"
    assert TIMELY.describe() == "及时公开（默认5个工作日）"
    assert TIMELY.describe(timely_days=3) == "及时公开（默认3个工作日）"
    assert STATUTORY.describe() == "按法定时间（手工填写）"
    assert ANNUAL.describe() == "每年1月31日前"
    assert parse_time_limit("？？").describe() == "未能识别"


_rules = st.builds(
    DeadlineRule,
    kind=st.sampled_from(RuleKind),
    days=st.integers(0, 3650),
    working_days=st.booleans(),
    anchor=st.none() | st.sampled_from(Anchor),
    month=st.integers(0, 12),
    day=st.integers(0, 31),
    source_text=st.text(),
)


@given(_rules)
def test_json_round_trip(rule: DeadlineRule) -> None:
    assert DeadlineRule.from_json(rule.to_json()) == rule


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"kind": "weekly"}',
        '{"kind": "relative", "days": "20"}',
        '{"kind": "relative", "anchor": "x"}',
    ],
)
def test_from_json_rejects_damage(text: str) -> None:
    with pytest.raises(DeadlineRuleError):
        DeadlineRule.from_json(text)


# --- properties -----------------------------------------------------------------------------------------

_starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(_starts, st.integers(1, 60), st.sampled_from(list(Anchor)))
def test_working_day_rule_lands_on_the_nth_working_day(start: date, n: int, anchor: Anchor) -> None:
    rule = DeadlineRule(RuleKind.RELATIVE, days=n, working_days=True, anchor=anchor)
    dates = AnchorDates(start, None, start, start, start)
    result = due(rule, dates)
    assert result.due_on is not None
    assert CAL.is_working_day(result.due_on)
    assert CAL.working_days_between(start, result.due_on) == n
    assert result.unrolled_on is None


@settings(max_examples=200, deadline=None)
@given(_starts, st.integers(0, 400), st.integers(1, 60), st.booleans())
def test_due_dates_never_decrease_as_the_start_grows(start: date, gap: int, n: int, working: bool) -> None:
    rule = DeadlineRule(RuleKind.RELATIVE, days=n, working_days=working, anchor=Anchor.FORMED)
    first = due(rule, AnchorDates(formed_on=start)).due_on
    later = due(rule, AnchorDates(formed_on=start + timedelta(days=gap))).due_on
    assert first is not None and later is not None and first <= later


@settings(max_examples=300, deadline=None)
@given(_starts, st.integers(1, 400))
def test_calendar_day_results(start: date, n: int) -> None:
    rule = DeadlineRule(RuleKind.RELATIVE, days=n, working_days=False, anchor=Anchor.APPROVED)
    result = due(rule, AnchorDates(approved_on=start))
    end = start + timedelta(days=n)
    assert result.due_on is not None and result.due_on >= end
    assert CAL.is_working_day(result.due_on)
    if result.due_on == end:
        assert result.unrolled_on is None
    else:
        assert result.unrolled_on == end
        # nothing between the unrolled day and the due date is a working day
        assert all(not CAL.is_working_day(end + timedelta(days=i)) for i in range((result.due_on - end).days))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([FORMED_20WD, APPROVED_20D, TIMELY, STATUTORY, ANNUAL]), st.dates(), st.dates())
def test_compute_due_never_raises(rule: DeadlineRule, a: date, b: date) -> None:
    result = due(rule, AnchorDates(a, b, a, b, a), manual=b)
    assert isinstance(result, DueDate) and result.explanation
