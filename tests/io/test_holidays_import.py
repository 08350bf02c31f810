"""Holiday files: our JSON, the officer's text format, strict validation, and damaged files."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.errors import CalendarError
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.io.holidays_import import (
    bundled_holidays_path,
    generate_from_chinesecalendar,
    load_bundled_holidays,
    parse_holiday_bytes,
    read_holiday_file,
    schedules_to_json,
    write_holiday_json,
)

TEXT_2027 = """\
# 国务院办公厅关于2027年部分节假日安排的通知（示例）
年份: 2027
通知: 国办发明电〔2026〕X号
放假: 2027-01-01..2027-01-03 元旦
放假：2027-02-05 至 2027-02-11 春节
调休上班: 2027-02-14 春节
调休上班: 2027/2/20 春节
"""


def write(tmp_path: Path, content: str | bytes, name: str = "假期.txt") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- the bundled file ---------------------------------------------------------------------------------


def test_bundled_file_loads() -> None:
    schedules = load_bundled_holidays()
    assert [s.year for s in schedules] == list(range(2004, 2027))
    assert bundled_holidays_path().name == "holidays.json"
    y2026 = schedules[-1]
    assert y2026.notice == "国办发明电〔2025〕7号"
    assert date(2026, 1, 4) in y2026.adjusted_workdays
    assert y2026.name_of(date(2026, 2, 17)) == "春节"
    assert y2026.source.startswith("chinesecalendar")


def test_bundled_file_is_what_the_generator_writes() -> None:
    pytest.importorskip("chinese_calendar")
    expected = schedules_to_json(generate_from_chinesecalendar())
    assert bundled_holidays_path().read_text(encoding="utf-8") == expected


def test_bundled_file_format() -> None:
    document = json.loads(bundled_holidays_path().read_text(encoding="utf-8"))
    assert document["format"] == "disclosure-desk-holidays"
    assert document["format_version"] == 1
    first = document["years"][0]
    assert set(first) == {"year", "official", "notice", "source", "holidays", "adjusted_workdays"}
    assert first["holidays"][0] == {"date": "2004-01-01", "name": "元旦"}


# --- round trips --------------------------------------------------------------------------------------


def test_json_round_trip(tmp_path: Path) -> None:
    schedules = load_bundled_holidays()
    path = tmp_path / "out" / "holidays.json"
    write_holiday_json(schedules, path)
    assert read_holiday_file(path) == schedules
    assert not list(path.parent.glob(".*.tmp"))  # no temporary file left behind


def test_text_format(tmp_path: Path) -> None:
    [schedule] = read_holiday_file(write(tmp_path, TEXT_2027))
    assert schedule.year == 2027
    assert schedule.notice == "国办发明电〔2026〕X号"
    assert schedule.official is True
    assert schedule.source == "假期.txt"
    assert len(schedule.holidays) == 3 + 7
    assert schedule.adjusted_workdays == {date(2027, 2, 14), date(2027, 2, 20)}
    assert schedule.name_of(date(2027, 2, 8)) == "春节"
    # and out again as JSON
    path = tmp_path / "2027.json"
    write_holiday_json([schedule], path)
    assert read_holiday_file(path) == [schedule]


def test_text_format_several_years_gbk_and_previous_december(tmp_path: Path) -> None:
    text = (
        "年份：2030\n来源：手工录入\n官方：否\n"
        "放假：2029-12-30..2030-01-01 元旦\n调休上班：2029-12-29 元旦\n\n"
        "年度: 2031\n假日: 2031-01-01\n"
    )
    schedules = read_holiday_file(write(tmp_path, text.encode("gbk")))
    assert [s.year for s in schedules] == [2030, 2031]
    assert schedules[0].official is False and schedules[0].source == "手工录入"
    assert date(2029, 12, 29) in schedules[0].adjusted_workdays  # a notice may name the previous December


def test_utf16_text_from_notepad(tmp_path: Path) -> None:
    [schedule] = read_holiday_file(write(tmp_path, TEXT_2027.encode("utf-16")))
    assert schedule.year == 2027


def test_the_program_does_not_need_chinesecalendar() -> None:
    code = (
        "import sys; from disclosure_desk.io.holidays_import import bundled_calendar; "
        "from disclosure_desk.domain.deadlines import compute_due, parse_time_limit; "
        "assert bundled_calendar().years; "
        "bad = {'chinese_calendar', 'holidays', 'PySide6', 'sqlalchemy'} & set(sys.modules); "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


# --- validation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "空"),
        ("   \n\n", "空"),
        ("年份: 2027\n放假: 2027-02-30 春节\n", "不存在"),
        ("年份: 2027\n放假: 2027-13-01\n", "不存在"),
        ("年份: 2027\n放假: 2027-02-13 春节\n调休上班: 2027-02-13 春节\n", "既列为放假日又列为调休上班日"),
        ("年份: 2027\n放假: 2027-02-12\n调休上班: 2027-02-10 春节\n", "只能是星期六或星期日"),
        ("年份: 1850\n放假: 1850-01-01\n", "不在"),
        ("年份: 2027\n放假: 2025-05-01\n", "不属于2027年"),
        ("年份: 2027\n放假: 2027-11-01 元旦\n年份: 2027\n放假: 2027-01-01\n", "不止一次"),
        ("年份: 2027\n调休上班: 2027-02-13\n", "没有列出任何放假日期"),
        ("放假: 2027-01-01\n", "请先写“年份"),
        ("年份: 二〇二七\n", "四位数字"),
        ("年份: 2027\n放假: 2027-02-11..2027-02-05\n", "早于"),
        ("年份: 2027\n放假: 2027-01-01..2027-03-01\n", "区间长达"),
        ("年份: 2027\n放假: 2027-01-01\n放假: 2027-01-01\n", "重复"),
        ("年份: 2027\n官方: 也许\n放假: 2027-01-01\n", "“官方”只能填"),
        ("这是一份会议纪要\n", "无法识别"),
        ("年份: 2027\n放假: 明天\n", "应为日期"),
    ],
)
def test_text_errors(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        read_holiday_file(write(tmp_path, content))


def _json(years: object, **top: object) -> str:
    return json.dumps({"format": "disclosure-desk-holidays", "format_version": 1, "years": years, **top})


_GOOD_YEAR = {"year": 2027, "holidays": [{"date": "2027-01-01", "name": "元旦"}], "adjusted_workdays": []}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "不是有效的 JSON"),
        ('{"format": "other"}', "不是本程序的节假日安排文件"),
        (_json([], format_version=2), "比本程序支持的"),
        (_json([]), "没有任何年份"),
        (_json([1]), "不是对象"),
        (_json([{**_GOOD_YEAR, "adjusted_workday": []}]), "无法识别的字段"),
        (_json([{**_GOOD_YEAR, "year": "2027"}]), "缺少有效的年份"),
        (_json([{**_GOOD_YEAR, "holidays": "2027-01-01"}]), "缺少日期列表"),
        (_json([{**_GOOD_YEAR, "holidays": [{"date": "2027-02-30"}]}]), "不存在"),
        (_json([{**_GOOD_YEAR, "holidays": [{"day": "2027-01-01"}]}]), "每一项应为"),
        (_json([{**_GOOD_YEAR, "official": "yes"}]), "official"),
        (_json([_GOOD_YEAR, _GOOD_YEAR]), "不止一次"),
        (_json([{**_GOOD_YEAR, "adjusted_workdays": [{"date": "2027-01-01"}]}]), "既列为放假日"),
        ('{"years": ' + "[" * 100_000 + "]" * 100_000 + "}", "不是"),  # nested too deep for json
    ],
    ids=lambda value: value if len(value) < 40 else value[:40],
)
def test_json_errors(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        read_holiday_file(write(tmp_path, content, "h.json"))


def test_binary_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(CalendarError, match="不是文本文件"):
        read_holiday_file(write(tmp_path, b"PK\x03\x04\x00\x00binary"))
    with pytest.raises(CalendarError, match="无法读取"):
        read_holiday_file(tmp_path / "nope.txt")
    with pytest.raises(CalendarError, match="无法读取"):
        read_holiday_file(tmp_path)  # a folder


def test_write_failure_is_a_calendar_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    schedule = YearSchedule(2027, frozenset({date(2027, 1, 1)}), frozenset())
    with pytest.raises(CalendarError, match="无法写入"):
        write_holiday_json([schedule], blocker / "holidays.json")


# --- damaged files: succeed or CalendarError, never anything else ------------------------------------

_VALID_JSON = schedules_to_json(load_bundled_holidays()[-2:]).encode("utf-8")
_VALID_TEXT = TEXT_2027.encode("utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    with contextlib.suppress(CalendarError):
        parse_holiday_bytes(data, "随机.bin")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([_VALID_JSON, _VALID_TEXT]), st.data())
def test_truncated_and_corrupted_files(valid: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(valid)))
    damaged = bytearray(valid[:cut])
    if damaged and data.draw(st.booleans()):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] = data.draw(st.integers(0, 255))
    try:
        schedules = parse_holiday_bytes(bytes(damaged), "损坏.txt")
    except CalendarError:
        return
    for schedule in schedules:
        assert schedule.holidays and not schedule.holidays & schedule.adjusted_workdays
