"""The working-day calendar: counting, notice years, and the bundled schedules checked against two sources."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.workdays import WorkdayCalendar, YearSchedule
from disclosure_desk.io.holidays_import import bundled_calendar, load_bundled_holidays

CAL = bundled_calendar()


def _schedule(year: int, holidays: list[date], workdays: list[date], **kwargs: object) -> YearSchedule:
    return YearSchedule(year, frozenset(holidays), frozenset(workdays), **kwargs)  # type: ignore[arg-type]


def _naive_add(cal: WorkdayCalendar, start: date, n: int) -> date:
    day = start
    while n > 0:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            n -= 1
    return day


# --- plain behaviour --------------------------------------------------------------------------------


def test_empty_calendar_counts_monday_to_friday() -> None:
    cal = WorkdayCalendar([])
    assert cal.years == ()
    assert not cal.has_schedule(2026)
    assert cal.is_working_day(date(2026, 10, 1))  # a Thursday: no schedule, so a working day
    assert not cal.is_working_day(date(2026, 10, 3))  # Saturday
    assert cal.add_working_days(date(2026, 11, 2), 20) == date(2026, 11, 30)
    assert cal.add_working_days(date(2026, 11, 6), 1) == date(2026, 11, 9)  # Friday → Monday
    assert cal.working_days_between(date(2026, 11, 2), date(2026, 11, 30)) == 20


def test_small_schedule() -> None:
    holidays = [date(2026, 10, d) for d in range(1, 8)]
    cal = WorkdayCalendar([_schedule(2026, holidays, [date(2026, 9, 20), date(2026, 10, 10)])])
    assert cal.years == (2026,)
    assert cal.has_schedule(2026) and not cal.has_schedule(2027)
    assert cal.is_working_day(date(2026, 10, 10))  # 调休 Saturday
    assert not cal.is_working_day(date(2026, 10, 5))
    assert cal.is_holiday(date(2026, 10, 3)) and not cal.is_holiday(date(2026, 10, 11))
    assert cal.next_working_day(date(2026, 10, 1)) == date(2026, 10, 8)
    assert cal.next_working_day(date(2026, 10, 8)) == date(2026, 10, 8)
    assert cal.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert cal.add_working_days(date(2026, 10, 8), 1) == date(2026, 10, 9)
    assert cal.add_working_days(date(2026, 10, 9), 1) == date(2026, 10, 10)


def test_add_zero_and_negative() -> None:
    assert CAL.add_working_days(date(2026, 10, 3), 0) == date(2026, 10, 3)
    assert CAL.add_working_days(date(2026, 10, 8), -1) == date(2026, 9, 30)
    assert CAL.add_working_days(date(2026, 10, 3), -1) == date(2026, 9, 30)  # from a holiday
    assert CAL.add_working_days(date(2026, 11, 9), -1) == date(2026, 11, 6)  # Monday → Friday


def test_working_days_between_is_antisymmetric() -> None:
    a, b = date(2026, 9, 25), date(2026, 11, 4)
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)
    assert CAL.working_days_between(a, a) == 0


def test_a_later_schedule_for_the_same_year_replaces_the_earlier() -> None:
    first = _schedule(2027, [date(2027, 1, 1)], [])
    corrected = _schedule(2027, [date(2027, 1, 1), date(2027, 1, 4)], [], notice="更正")
    cal = WorkdayCalendar([first, corrected])
    assert cal.schedule(2027) == corrected
    assert not cal.is_working_day(date(2027, 1, 4))


def test_a_day_both_holiday_and_workday_counts_as_working() -> None:
    # Readers reject this; the calendar itself errs on the side of an earlier deadline.
    cal = WorkdayCalendar([_schedule(2027, [date(2027, 1, 2)], [date(2027, 1, 2)])])
    assert cal.is_working_day(date(2027, 1, 2))


def test_far_dates_and_overflow() -> None:
    assert CAL.add_working_days(date(1900, 1, 1), 5) == date(1900, 1, 8)
    assert CAL.add_working_days(date(2200, 1, 1), 1) == date(2200, 1, 2)
    with pytest.raises(OverflowError):
        CAL.add_working_days(date(9999, 12, 31), 1)
    with pytest.raises(OverflowError):
        CAL.add_working_days(date(1, 1, 1), -1)


def test_unscheduled_years() -> None:
    assert CAL.unscheduled_years(date(2026, 3, 1), date(2026, 4, 1)) == []
    assert CAL.unscheduled_years(date(2027, 3, 1), date(2028, 4, 1)) == [2027, 2028]
    # late December depends on next year's New Year block
    assert CAL.unscheduled_years(date(2026, 12, 1), date(2026, 12, 28)) == [2027]
    assert CAL.unscheduled_years(date(2026, 12, 1), date(2026, 12, 24)) == []


# --- the bundled schedules ----------------------------------------------------------------------------


def test_bundled_years_2004_to_2026() -> None:
    assert CAL.years == tuple(range(2004, 2027))
    assert CAL.schedule(2026) is not None
    assert CAL.schedule(2026).notice == "国办发明电〔2025〕7号"  # type: ignore[union-attr]


def test_2005_12_31_belongs_to_the_2006_notice() -> None:
    """The 2006 notice made Saturday 2005-12-31 a working day (Tuesday 2006-01-03 off instead).

    chinesecalendar 1.11 drops it (it keeps a notice's days inside its own calendar year); the `holidays`
    package has it ("2006-01-03 substituted from 2005-12-31"). Schedules are per notice year.
    """
    by_year = {s.year: s for s in load_bundled_holidays()}
    assert date(2005, 12, 31) in by_year[2006].adjusted_workdays
    assert date(2005, 12, 31) not in by_year[2005].adjusted_workdays
    assert CAL.is_working_day(date(2005, 12, 31))
    assert not CAL.is_working_day(date(2006, 1, 3))
    # Without the 2006 notice, 2005-12-31 is just a Saturday.
    only_2005 = WorkdayCalendar([by_year[2005]])
    assert not only_2005.is_working_day(date(2005, 12, 31))


def test_the_two_sources_disagree_only_on_2005_12_31() -> None:
    chinese_calendar = pytest.importorskip("chinese_calendar")
    holidays = pytest.importorskip("holidays")
    cn = holidays.China(years=range(2004, 2027))
    weekend_workdays = cn.weekend_workdays
    disagreements = []
    day = date(2004, 1, 1)
    while day <= date(2026, 12, 31):
        ours = CAL.is_working_day(day)
        theirs = (day.weekday() < 5 or day in weekend_workdays) and day not in cn
        assert ours == theirs, day  # `holidays` agrees with us on every day
        if chinese_calendar.is_workday(day) != ours:
            disagreements.append(day)
        day += timedelta(days=1)
    assert disagreements in ([date(2005, 12, 31)], [])  # [] once chinesecalendar is fixed


@pytest.mark.parametrize(
    ("year", "day", "kind"),
    [
        (2008, date(2007, 12, 29), "workday"),  # 2008 元旦: 2007-12-29 (Sat) worked
        (2008, date(2007, 12, 31), "holiday"),
        (2007, date(2006, 12, 30), "workday"),
        (2019, date(2018, 12, 29), "workday"),  # 国办发明电〔2018〕15号
        (2019, date(2018, 12, 31), "holiday"),
        (2023, date(2022, 12, 31), "holiday"),  # 国办发明电〔2022〕16号: 2022-12-31 to 2023-01-02
        (2024, date(2023, 12, 30), "holiday"),
    ],
)
def test_december_new_year_days_belong_to_the_next_notice(year: int, day: date, kind: str) -> None:
    schedule = CAL.schedule(year)
    assert schedule is not None
    assert day in (schedule.holidays if kind == "holiday" else schedule.adjusted_workdays)
    previous = CAL.schedule(year - 1)
    assert previous is not None and day not in previous.all_days()


def test_every_bundled_adjusted_workday_is_a_weekend_day() -> None:
    for schedule in CAL.schedules:
        assert all(d.weekday() >= 5 for d in schedule.adjusted_workdays), schedule.year
        assert not schedule.holidays & schedule.adjusted_workdays


def test_events_and_names() -> None:
    events = CAL.events_between(date(2026, 9, 30), date(2026, 10, 10))
    assert events[0][0] == date(2026, 10, 1)
    assert events[-1] == (date(2026, 10, 10), False, "国庆节")
    assert CAL.holiday_name(date(2026, 2, 17)) == "春节"
    assert CAL.holiday_name(date(2026, 2, 24)) == ""


# --- properties: the fast paths agree with day-by-day counting -----------------------------------------

_days = st.dates(min_value=date(1998, 1, 1), max_value=date(2032, 12, 31))


@settings(max_examples=300, deadline=None)
@given(_days, st.integers(min_value=0, max_value=120))
def test_add_working_days_matches_day_by_day(start: date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert due == _naive_add(CAL, start, n)
    if n > 0:
        assert CAL.is_working_day(due)
    assert CAL.working_days_between(start, due) == n


@settings(max_examples=300, deadline=None)
@given(_days, _days)
def test_working_days_between_matches_day_by_day(a: date, b: date) -> None:
    lo, hi = min(a, b), max(a, b)
    count = sum(1 for i in range(1, (hi - lo).days + 1) if CAL.is_working_day(lo + timedelta(days=i)))
    assert CAL.working_days_between(lo, hi) == count
    assert CAL.working_days_between(hi, lo) == -count


@settings(max_examples=200, deadline=None)
@given(_days, st.integers(min_value=1, max_value=60))
def test_negative_add_walks_backwards(start: date, n: int) -> None:
    back = CAL.add_working_days(start, -n)
    assert CAL.is_working_day(back)
    assert back < start
    assert CAL.add_working_days(back, n) >= start or not CAL.is_working_day(start)
    assert (
        sum(1 for i in range(1, (start - back).days) if CAL.is_working_day(back + timedelta(days=i))) == n - 1
    )


@settings(max_examples=200, deadline=None)
@given(_days)
def test_next_working_day(day: date) -> None:
    nxt = CAL.next_working_day(day)
    assert CAL.is_working_day(nxt) and nxt >= day
    assert all(not CAL.is_working_day(day + timedelta(days=i)) for i in range((nxt - day).days))


@settings(max_examples=200, deadline=None)
@given(_days, st.integers(min_value=0, max_value=200))
def test_event_groups_cover_exactly_the_events(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    events = CAL.events_between(start, end)
    grouped: list[tuple[date, bool]] = []
    for first, last, is_holiday, names in CAL.event_groups_between(start, end):
        assert start < first <= last <= end and names
        grouped += [(first + timedelta(days=i), is_holiday) for i in range((last - first).days + 1)]
    assert grouped == [(day, is_holiday) for day, is_holiday, _ in events]


def test_event_groups_cut_a_block_the_period_only_partly_covers() -> None:
    [block] = CAL.event_groups_between(date(2025, 10, 5), date(2025, 10, 8))
    assert block == (date(2025, 10, 6), date(2025, 10, 8), True, "中秋节、国庆节")  # 10-06 is 中秋节
