"""Holiday days as the State Council notice writes them, and as the officer types them in the editor."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from disclosure_desk.domain.errors import CalendarError
from disclosure_desk.domain.workdays import WorkdayCalendar, YearSchedule
from disclosure_desk.io.holiday_text import (
    DayLineError,
    day_ranges,
    format_day_lines,
    looks_like_notice,
    parse_day_box,
    parse_day_lines,
    parse_notice,
)
from disclosure_desk.io.holidays_import import load_bundled_holidays

# 国办发明电〔2025〕7号, as pasted from a news page: half-width punctuation, greeting and signature included.
NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
国办发明电〔2025〕7号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
经国务院批准,现将2026年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。
二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。
三、清明节:4月4日(周六)至6日(周一)放假,共3天。
四、劳动节:5月1日(周五)至5日(周二)放假调休,共5天。5月9日(周六)上班。
五、端午节:6月19日(周五)至21日(周日)放假,共3天。
六、中秋节:9月25日(周五)至27日(周日)放假,共3天。
七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、10月10日(周六)上班。
鼓励单位和个人结合落实带薪年休假等制度,实际形成较长假期,推动错峰出行。
国务院办公厅
2025年11月4日
"""

# 国办发明电〔2023〕7号, with full-width punctuation: "与周末连休", and a 除夕 that is not a holiday.
NOTICE_2024 = """一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
"""

ISSUE_PARAGRAPH = "国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。"


def _bundled(year: int) -> YearSchedule:
    return next(s for s in load_bundled_holidays() if s.year == year)


def _schedule(year: int, text: str) -> YearSchedule:
    parsed = parse_notice(text, year)
    return YearSchedule(
        year,
        frozenset(d for d, _ in parsed.holiday_days()),
        frozenset(d for d, _ in parsed.workday_days()),
        names=tuple(parsed.holiday_days() + parsed.workday_days()),
    )


def _same_working_days(a: YearSchedule, b: YearSchedule) -> None:
    left, right = WorkdayCalendar([a]), WorkdayCalendar([b])
    day = date(a.year - 1, 12, 1)
    while day <= date(a.year, 12, 31):
        assert left.is_working_day(day) == right.is_working_day(day), day
        day += timedelta(days=1)


def test_the_whole_2026_notice_gives_the_bundled_schedule() -> None:
    parsed = parse_notice(NOTICE_2026, 2026)
    assert parsed.year == 2026 and parsed.notice == "国办发明电〔2025〕7号"
    names = [h.name for h in parsed.holidays]
    assert names == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
    schedule = _schedule(2026, NOTICE_2026)
    bundled = _bundled(2026)
    assert schedule.holidays == bundled.holidays
    assert schedule.adjusted_workdays == bundled.adjusted_workdays
    assert schedule.name_of(date(2026, 2, 28)) == "春节"


def test_the_2024_notice_weekend_joins_and_the_eve_that_is_no_holiday() -> None:
    schedule = _schedule(2024, NOTICE_2024)
    assert date(2024, 2, 9) not in schedule.holidays, "除夕 is only recommended as a day off"
    assert {date(2023, 12, 30), date(2023, 12, 31), date(2024, 1, 1)} <= schedule.holidays
    _same_working_days(schedule, _bundled(2024))


def test_the_paragraph_from_the_issue_for_2020() -> None:
    parsed = parse_notice(ISSUE_PARAGRAPH, 2020)
    [holiday] = parsed.holidays
    assert holiday.name == "国庆节、中秋节"
    assert holiday.holidays == tuple(date(2020, 10, d) for d in range(1, 9))
    assert holiday.workdays == (date(2020, 9, 27), date(2020, 10, 10))
    bundled = _bundled(2020)
    assert set(holiday.holidays) <= bundled.holidays
    assert set(holiday.workdays) <= bundled.adjusted_workdays


def test_a_new_year_block_starting_in_december() -> None:
    parsed = parse_notice("元旦：2022年12月31日至2023年1月2日放假调休，共3天。", 2023)
    days = [date(2022, 12, 31), date(2023, 1, 1), date(2023, 1, 2)]
    assert parsed.holiday_days() == [(day, "元旦") for day in days]
    short = parse_notice("元旦：12月31日至1月2日放假调休，共3天。", 2023)
    assert short.holiday_days()[0] == (date(2022, 12, 31), "元旦")


def test_a_wrong_count_or_weekday_is_refused_in_chinese() -> None:
    with pytest.raises(CalendarError, match="写的是9天"):
        parse_notice("国庆节：10月1日至8日放假调休，共9天。", 2020)
    # the 2026 paragraph under 2027: 10月1日 is a Friday there
    with pytest.raises(CalendarError, match="请检查所选年份"):
        parse_notice("国庆节：10月1日（周四）至7日（周三）放假调休，共7天。", 2027)
    with pytest.raises(CalendarError, match="没有"):
        parse_notice("今年国庆节照常放假。", 2027)


def test_looks_like_notice_tells_sentences_from_date_lines() -> None:
    assert looks_like_notice(ISSUE_PARAGRAPH)
    assert not looks_like_notice("2027-01-01 元旦\n2027-02-05 至 2027-02-11 春节")


def test_day_lines_read_dates_ranges_and_the_notice_wording() -> None:
    days = parse_day_lines("2027-01-01 元旦\n\n# 注释\n2027/2/5\n2027-02-06..2027-02-07 春节", 2027)
    assert days == [
        (date(2027, 1, 1), "元旦"),
        (date(2027, 2, 5), ""),
        (date(2027, 2, 6), "春节"),
        (date(2027, 2, 7), "春节"),
    ]
    assert parse_day_lines("10月1日至3日 国庆节", 2027) == [(date(2027, 10, d), "国庆节") for d in (1, 2, 3)]
    assert parse_day_lines("2027-04-03 至 2027-04-05 清明节") == [
        (date(2027, 4, d), "清明节") for d in (3, 4, 5)
    ]


def test_day_line_errors_name_the_line() -> None:
    with pytest.raises(DayLineError) as caught:
        parse_day_lines("2027-01-01\n2027-13-01")
    assert caught.value.line == 2 and "不存在" in caught.value.reason
    with pytest.raises(DayLineError) as backwards:
        parse_day_lines("2027-01-01\n2027-02-11..2027-02-05")
    assert backwards.value.line == 2 and backwards.value.reason == ""


def test_ranges_are_written_back_as_ranges_and_read_again() -> None:
    days = [(date(2026, 10, d), "国庆节") for d in range(1, 8)] + [(date(2026, 1, 1), "元旦")]
    text = format_day_lines(days)
    assert text == "2026-01-01 元旦\n2026-10-01 至 2026-10-07 国庆节"
    assert sorted(parse_day_lines(text)) == sorted(days)
    [block] = day_ranges([(date(2026, 5, d), "劳动节") for d in (1, 2, 3)])
    assert block.days == 3


def test_a_box_reads_date_lines_and_the_notice_sentences_written_in_it() -> None:
    text = "2027-01-01 元旦\n清明节：4月3日至5日\n劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）上班。"
    box = parse_day_box(text, 2027)
    qingming = tuple((date(2027, 4, d), "清明节") for d in (3, 4, 5))
    assert box.listed == ((date(2027, 1, 1), "元旦"), *qingming)
    assert box.holidays == tuple((date(2027, 5, d), "劳动节") for d in range(1, 6))
    assert box.workdays == ((date(2027, 4, 25), "劳动节"),)
    with pytest.raises(DayLineError) as caught:
        parse_day_box("2027-01-01\n4月3日至5日放假调休，共4天", 2027)
    assert caught.value.line == 2 and "写的是4天" in caught.value.reason
