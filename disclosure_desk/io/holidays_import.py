"""Holiday schedules (法定节假日安排) in and out of files; the bundled schedules; their generator.

Two file formats are read, one or more notice years per file:

1. Our JSON (data/holidays.json is one), reviewable in a diff::

       {"format": "disclosure-desk-holidays", "format_version": 1,
        "years": [{"year": 2026, "official": true, "notice": "国办发明电〔2025〕7号",
                   "source": "chinesecalendar 1.11.0",
                   "holidays": [{"date": "2026-01-01", "name": "元旦"}, ...],
                   "adjusted_workdays": [{"date": "2026-01-04", "name": "元旦"}, ...]}]}

2. A plain text file an officer can type from the State Council notice (UTF-8, or GBK as Windows
   Notepad saves it). One entry per line; "#" starts a comment; the colon may be ":" or "："::

       年份: 2027
       通知: 国办发明电〔2026〕X号
       来源: 国务院办公厅通知（可省略，默认为文件名）
       官方: 是
       放假: 2027-01-01 元旦
       放假: 2027-02-05..2027-02-11 春节
       调休上班: 2027-02-14 春节

   "年份" starts a year; several years may follow one another. A range may be written with "..", "至"
   or "~"; dates also as 2027/2/5 or 2027年2月5日. Aliases: 年度 (年份), 文号 (通知), 假日/节假日 (放假),
   上班/补班 (调休上班).

Every schedule read is validated (`validate_schedule`); any problem raises CalendarError with a Chinese
message naming the line or the year, and nothing is returned.

Notice years, not calendar years: a notice for year Y may name days in late December of Y-1 (the 2006
notice made Saturday 2005-12-31 a working day; the 2023 notice made 2022-12-31 a holiday), so such days
belong to Y's schedule.

The bundled data/holidays.json is generated (dev only; the program itself never imports chinesecalendar)::

    python -m disclosure_desk.io.holidays_import --generate data/holidays.json
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from disclosure_desk.domain.dates import parse_iso_date
from disclosure_desk.domain.errors import CalendarError, os_error_text
from disclosure_desk.domain.workdays import WorkdayCalendar, YearSchedule
from disclosure_desk.io.atomic import atomic_write_text

FORMAT_NAME = "disclosure-desk-holidays"
FORMAT_VERSION = 1
BUNDLED_FILE_NAME = "holidays.json"
MIN_YEAR = 1990
MAX_YEAR = 2100
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_BLOCK_DAYS = 31  # no holiday block is longer; a longer range is a typo

# Notice numbers checked against the published notices; earlier years are left blank rather than guessed.
KNOWN_NOTICES: dict[int, str] = {
    2019: "国办发明电〔2018〕15号",
    2020: "国办发明电〔2019〕16号",
    2021: "国办发明电〔2020〕27号",
    2022: "国办发明电〔2021〕11号",
    2023: "国办发明电〔2022〕16号",
    2024: "国办发明电〔2023〕7号",
    2025: "国办发明电〔2024〕12号",
    2026: "国办发明电〔2025〕7号",
}

# chinesecalendar's English holiday names → the names the notices use.
_CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

# FINDING (2005-12-31): chinesecalendar 1.11 and `holidays` 0.109 disagree on exactly one day in
# 2004–2026. The 2006 notice (国务院办公厅关于2006年部分节假日安排的通知) gives 元旦 as 2006-01-01..03 and
# makes Saturday 2005-12-31 a working day, in exchange for Tuesday 01-03. chinesecalendar keeps each
# year's arrangement inside that calendar year, so it has 01-03 as a holiday but drops the
# 2005-12-31 working day (upstream issues #17 and #125, still open); `holidays` files it under 2006 as
# "2006-01-03 substituted from 2005-12-31". Schedules are per notice year, so the day goes to 2006.
CORRECTIONS_ADJUSTED_WORKDAYS: dict[int, tuple[tuple[date, str], ...]] = {
    2006: ((date(2005, 12, 31), "元旦"),),
}


# --- validation ---------------------------------------------------------------------------------------


def validate_schedule(schedule: YearSchedule, where: str = "") -> None:
    """Raise CalendarError if `schedule` cannot be an official notice's schedule."""
    prefix = where or f"{schedule.year}年安排"
    year = schedule.year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarError(f"{prefix}：年份{year}不在{MIN_YEAR}–{MAX_YEAR}之间。")
    if not schedule.holidays:
        raise CalendarError(f"{prefix}：没有列出任何放假日期。")
    # A notice for Y names days of Y, and of late December of Y-1 (New Year blocks).
    first, last = date(year - 1, 12, 1), date(year, 12, 31)
    for day in sorted(schedule.holidays | schedule.adjusted_workdays):
        if not first <= day <= last:
            raise CalendarError(
                f"{prefix}：日期{day.isoformat()}不属于{year}年的放假安排"
                f"（应在{first.isoformat()}至{last.isoformat()}之间）。"
            )
    both = sorted(schedule.holidays & schedule.adjusted_workdays)
    if both:
        raise CalendarError(f"{prefix}：{both[0].isoformat()}既列为放假日又列为调休上班日。")
    for day in sorted(schedule.adjusted_workdays):
        if day.weekday() < 5:
            weekday = "一二三四五"[day.weekday()]
            raise CalendarError(
                f"{prefix}：调休上班日{day.isoformat()}是星期{weekday}，本来就是工作日；调休上班日只能是星期六或星期日。"
            )


def _check_unique_years(schedules: Sequence[YearSchedule]) -> None:
    seen: set[int] = set()
    for schedule in schedules:
        if schedule.year in seen:
            raise CalendarError(f"文件中{schedule.year}年的安排出现了不止一次。")
        seen.add(schedule.year)


# --- reading ------------------------------------------------------------------------------------------


def read_holiday_file(path: str | os.PathLike[str]) -> list[YearSchedule]:
    """Read our JSON or the officer's text format. Raises CalendarError (never anything else)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CalendarError(f"无法读取文件“{path.name}”：{os_error_text(error)}。") from None
    return parse_holiday_bytes(data, source=path.name)


def parse_holiday_bytes(data: bytes, source: str = "") -> list[YearSchedule]:
    name = f"“{source}”" if source else ""
    if len(data) > MAX_FILE_BYTES:
        raise CalendarError(f"文件{name}过大，不是节假日安排文件。")
    if not data.strip():
        raise CalendarError(f"文件{name}是空的。")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": UTF-16 with a BOM
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise CalendarError(f"文件{name}的编码无法识别，请另存为 UTF-8 文本后再导入。") from None
    if b"\x00" in data:
        raise CalendarError(f"文件{name}不是文本文件，无法作为节假日安排读取。")
    text = _decode(data, name)
    is_json = text.lstrip().startswith("{")
    schedules = _parse_json(text, name) if is_json else _parse_text(text, name, source)
    _check_unique_years(schedules)
    return schedules


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):  # gb18030: what Windows Notepad calls ANSI on Chinese systems
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(ord(c) < 32 and c not in "\t\r\n\f" for c in text):
            break  # control characters: a binary file that happens to decode
        return text
    raise CalendarError(f"文件{name}的编码无法识别或含有非文本内容，请另存为 UTF-8 文本后再导入。")


def _parse_json(text: str, name: str) -> list[YearSchedule]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CalendarError(f"文件{name}不是有效的 JSON（第{error.lineno}行第{error.colno}列）。") from None
    except RecursionError:
        raise CalendarError(f"文件{name}不是有效的节假日安排文件（嵌套过深）。") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise CalendarError(f'文件{name}不是本程序的节假日安排文件（缺少 "format": "{FORMAT_NAME}"）。')
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CalendarError(f"文件{name}缺少有效的 format_version。")
    if version > FORMAT_VERSION:
        raise CalendarError(
            f"文件{name}的格式版本为{version}，比本程序支持的（{FORMAT_VERSION}）新，请升级程序。"
        )
    years = document.get("years")
    if not isinstance(years, list) or not years:
        raise CalendarError(f'文件{name}中没有任何年份的安排（"years" 为空或缺失）。')
    return [_year_from_json(entry, index, name) for index, entry in enumerate(years, start=1)]


_YEAR_KEYS = {"year", "official", "notice", "source", "holidays", "adjusted_workdays", "note"}


def _year_from_json(entry: Any, index: int, name: str) -> YearSchedule:
    where = f"文件{name}第{index}个年份"
    if not isinstance(entry, dict):
        raise CalendarError(f"{where}不是对象。")
    unknown = sorted(set(entry) - _YEAR_KEYS)
    if unknown:
        raise CalendarError(f"{where}含有无法识别的字段“{unknown[0]}”（请检查拼写）。")
    year = entry.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise CalendarError(f'{where}缺少有效的年份（"year"）。')
    where = f"文件{name}中{year}年的安排"
    official = entry.get("official", True)
    notice = entry.get("notice", "")
    source = entry.get("source", "")
    if not isinstance(official, bool):
        raise CalendarError(f'{where}："official" 应为 true 或 false。')
    if not isinstance(notice, str) or not isinstance(source, str):
        raise CalendarError(f'{where}："notice" 和 "source" 应为文字。')
    names: dict[date, str] = {}
    holidays = _days_from_json(entry.get("holidays"), "holidays", where, names)
    adjusted = _days_from_json(entry.get("adjusted_workdays", []), "adjusted_workdays", where, names)
    schedule = YearSchedule(
        year=year,
        holidays=frozenset(holidays),
        adjusted_workdays=frozenset(adjusted),
        official=official,
        notice=notice.strip(),
        source=source.strip(),
        names=tuple(sorted(names.items())),
    )
    validate_schedule(schedule, where)
    return schedule


def _days_from_json(value: Any, key: str, where: str, names: dict[date, str]) -> list[date]:
    if not isinstance(value, list):
        raise CalendarError(f"{where}：缺少日期列表“{key}”。")
    days: list[date] = []
    for item in value:
        if (
            not isinstance(item, dict)
            or set(item) - {"date", "name"}
            or not isinstance(item.get("date"), str)
        ):
            raise CalendarError(f'{where}：“{key}”中的每一项应为 {{"date": "YYYY-MM-DD", "name": "…"}}。')
        day = _parse_day(item["date"], where)
        label = item.get("name", "")
        if not isinstance(label, str):
            raise CalendarError(f"{where}：{day.isoformat()}的名称应为文字。")
        if day in days:
            raise CalendarError(f"{where}：{day.isoformat()}在“{key}”中重复出现。")
        days.append(day)
        if label.strip():
            names[day] = label.strip()
    return days


def _parse_day(text: str, where: str) -> date:
    try:
        return parse_iso_date(text)
    except ValueError as error:
        raise CalendarError(f"{where}：{error}") from None


_LINE = re.compile(r"^\s*([^:：\s]+)\s*[:：]\s*(.*?)\s*$")
_KEYS = {
    "年份": "year",
    "年度": "year",
    "通知": "notice",
    "文号": "notice",
    "来源": "source",
    "官方": "official",
    "放假": "holiday",
    "假日": "holiday",
    "节假日": "holiday",
    "调休上班": "workday",
    "上班": "workday",
    "补班": "workday",
}
_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_DAYS = re.compile(rf"^({_DATE})(?:\s*(?:\.\.|至|~|～|—|－)\s*({_DATE}))?(?:\s+(.*))?$")


class _TextYear:
    def __init__(self, year: int, line: int, source: str) -> None:
        self.year = year
        self.line = line
        self.notice = ""
        self.source = source
        self.official = True
        self.holidays: list[date] = []
        self.workdays: list[date] = []
        self.names: dict[date, str] = {}

    def build(self, name: str) -> YearSchedule:
        schedule = YearSchedule(
            year=self.year,
            holidays=frozenset(self.holidays),
            adjusted_workdays=frozenset(self.workdays),
            official=self.official,
            notice=self.notice,
            source=self.source,
            names=tuple(sorted(self.names.items())),
        )
        validate_schedule(schedule, f"文件{name}中{self.year}年的安排（第{self.line}行起）")
        return schedule


def _parse_text(text: str, name: str, source: str) -> list[YearSchedule]:
    years: list[_TextYear] = []
    current: _TextYear | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"文件{name}第{number}行"
        match = _LINE.match(line)
        key = _KEYS.get(match.group(1)) if match else None
        if match is None or key is None:
            raise CalendarError(
                f"{where}无法识别：“{_clip(line)}”。每行应为“年份: 2027”“放假: 2027-01-01 元旦”"
                f"或“调休上班: 2027-02-14 春节”这样的格式。"
            )
        value = match.group(2)
        if key == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise CalendarError(f"{where}：年份“{_clip(value)}”应为四位数字。")
            current = _TextYear(int(value), number, source or "文件导入")
            years.append(current)
            continue
        if current is None:
            raise CalendarError(f"{where}：请先写“年份: YYYY”一行，再列出放假和调休上班日期。")
        if key == "notice":
            current.notice = value
        elif key == "source":
            current.source = value
        elif key == "official":
            if value not in ("是", "否"):
                raise CalendarError(f"{where}：“官方”只能填“是”或“否”。")
            current.official = value == "是"
        else:
            _add_text_days(current, key, value, where)
    if not years:
        raise CalendarError(f"文件{name}中没有找到“年份: YYYY”一行，不是节假日安排文件。")
    return [y.build(name) for y in years]


def _add_text_days(current: _TextYear, key: str, value: str, where: str) -> None:
    match = _DAYS.match(value)
    if match is None:
        raise CalendarError(
            f"{where}：“{_clip(value)}”应为日期或日期区间，例如 2027-02-05..2027-02-11 春节。"
        )
    first = _parse_day(match.group(1), where)
    last = _parse_day(match.group(2), where) if match.group(2) else first
    label = (match.group(3) or "").strip()
    if last < first:
        raise CalendarError(f"{where}：区间的结束日期{last.isoformat()}早于开始日期{first.isoformat()}。")
    span = last.toordinal() - first.toordinal() + 1
    if span > MAX_BLOCK_DAYS:
        raise CalendarError(f"{where}：区间长达{span}天，放假区间不会超过{MAX_BLOCK_DAYS}天，请检查日期。")
    target = current.holidays if key == "holiday" else current.workdays
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        day = date.fromordinal(ordinal)
        if day in target:
            raise CalendarError(f"{where}：{day.isoformat()}重复列出。")
        target.append(day)
        if label:
            current.names[day] = label


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# --- writing ------------------------------------------------------------------------------------------


def schedules_to_json(schedules: Iterable[YearSchedule]) -> str:
    years = []
    for schedule in sorted(schedules, key=lambda s: s.year):
        names = dict(schedule.names)
        years.append(
            {
                "year": schedule.year,
                "official": schedule.official,
                "notice": schedule.notice,
                "source": schedule.source,
                "holidays": [
                    {"date": d.isoformat(), "name": names.get(d, "")} for d in sorted(schedule.holidays)
                ],
                "adjusted_workdays": [
                    {"date": d.isoformat(), "name": names.get(d, "")}
                    for d in sorted(schedule.adjusted_workdays)
                ],
            }
        )
    document = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "years": years}
    return _compact_days(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _compact_days(text: str) -> str:
    # One day per line keeps the file short and its diffs readable.
    return re.sub(r'\{\s+"date": ("[^"]*"),\s+"name": ("[^"]*")\s+\}', r'{"date": \1, "name": \2}', text)


def write_holiday_json(schedules: Iterable[YearSchedule], path: str | os.PathLike[str]) -> None:
    """Write schedules as our JSON, atomically (a crash leaves the old file, never half a new one)."""
    path = Path(path)
    text = schedules_to_json(schedules)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError as error:
        raise CalendarError(f"无法写入文件“{path}”：{os_error_text(error)}。") from None


# --- in words -----------------------------------------------------------------------------------------

BUNDLED_SOURCE_PREFIX = "chinesecalendar"  # what the generator below writes into every bundled year
MANUAL_SOURCE = "手工录入"


def basis_text(schedule: YearSchedule) -> str:
    """What the year rests on: "国务院办公厅通知 国办发明电〔2025〕7号", or that the officer entered it."""
    if not schedule.official:
        return "自行录入（非官方安排）"
    return f"国务院办公厅通知 {schedule.notice}" if schedule.notice else "国务院办公厅通知"


def source_text(schedule: YearSchedule) -> str:
    """Where the program got the year: "程序自带", "手工录入", or the file it was imported from."""
    source = schedule.source.strip()
    if source.startswith(BUNDLED_SOURCE_PREFIX):
        return "程序自带"
    if not source:
        return "未注明"
    if source in (MANUAL_SOURCE, "文件导入") or not re.search(r"\.(json|txt)$", source, re.IGNORECASE):
        return source
    return f"文件“{source}”"


# --- the bundled schedules ----------------------------------------------------------------------------


def bundled_holidays_path() -> Path:
    try:
        from disclosure_desk.paths import data_dir
    except ImportError:  # before paths.py existed; keeps a bare checkout working
        return Path(__file__).resolve().parents[2] / "data" / BUNDLED_FILE_NAME
    return data_dir() / BUNDLED_FILE_NAME


def load_bundled_holidays(path: str | os.PathLike[str] | None = None) -> list[YearSchedule]:
    """The schedules shipped with the program (data/holidays.json unless `path` is given)."""
    return read_holiday_file(path if path is not None else bundled_holidays_path())


@cache
def bundled_calendar() -> WorkdayCalendar:
    """A calendar over the bundled schedules only (the store's calendar adds the officer's years)."""
    return WorkdayCalendar(load_bundled_holidays())


# --- generator (dev only) -----------------------------------------------------------------------------


def notice_year(day: date, name: str) -> int:
    """The notice year a day belongs to: December days of a 元旦 block belong to the next year's notice."""
    return day.year + 1 if day.month == 12 and name == "元旦" else day.year


def generate_from_chinesecalendar() -> list[YearSchedule]:
    """Build schedules from the `chinesecalendar` package (pip install chinesecalendar), with corrections."""
    try:
        import chinese_calendar
        from chinese_calendar import constants
    except ImportError:
        raise CalendarError("生成节假日数据需要安装 chinesecalendar：pip install chinesecalendar") from None
    version = str(getattr(chinese_calendar, "__version__", "?"))
    years: list[int] = []
    year = 2004  # the first year chinesecalendar holds
    while True:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            break
        years.append(year)
        year += 1
    holidays: dict[int, dict[date, str]] = {y: {} for y in years}
    workdays: dict[int, dict[date, str]] = {y: {} for y in years}
    for table, target in ((constants.holidays, holidays), (constants.workdays, workdays)):
        for day, english in table.items():
            label = _CHINESE_NAMES.get(english, english)
            owner = notice_year(day, label)
            if owner in target:
                target[owner][day] = label
    schedules = []
    for y in years:
        source = f"{BUNDLED_SOURCE_PREFIX} {version}"
        for day, label in CORRECTIONS_ADJUSTED_WORKDAYS.get(y, ()):
            if day not in workdays[y]:
                workdays[y][day] = label
                source += f"（补正：{day.isoformat()}调休上班，见国务院办公厅{y}年节假日安排通知）"
        schedule = YearSchedule(
            year=y,
            holidays=frozenset(holidays[y]),
            adjusted_workdays=frozenset(workdays[y]),
            official=True,
            notice=KNOWN_NOTICES.get(y, ""),
            source=source,
            names=tuple(sorted({**holidays[y], **workdays[y]}.items())),
        )
        validate_schedule(schedule)
        schedules.append(schedule)
    return schedules


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m disclosure_desk.io.holidays_import",
        description="由 chinesecalendar 生成程序自带的 data/holidays.json，或检查一个节假日安排文件。",
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--generate", metavar="JSON路径", help="由 chinesecalendar 生成节假日 JSON")
    group.add_argument("--check", metavar="文件路径", help="读取并检查一个节假日安排文件")
    args = parser.parse_args(argv)
    try:
        if args.generate:
            schedules = generate_from_chinesecalendar()
            write_holiday_json(schedules, args.generate)
            print(
                f"已写入{len(schedules)}个年份（{schedules[0].year}–{schedules[-1].year}）：{args.generate}"
            )
        else:
            for schedule in read_holiday_file(args.check):
                print(
                    f"{schedule.year}年：放假{len(schedule.holidays)}天，调休上班{len(schedule.adjusted_workdays)}天"
                    f"{'，' + schedule.notice if schedule.notice else ''}"
                )
    except CalendarError as error:
        print(f"错误：{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
