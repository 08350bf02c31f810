"""Holiday days as people write them: the State Council notice's own sentences, and the editor's lines.

The notice (国务院办公厅关于Y年部分节假日安排的通知) words each holiday like this::

    七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。

`parse_notice` reads one such paragraph, several, or the whole notice as pasted from a web page
(full-width or half-width punctuation, with or without the numbering, the greeting and the signature).
Only two kinds of sentence carry days: the one with 放假 (the days before that word are the holiday; "共N天"
or "放假N天" is checked against them; "与周末连休" adds the adjoining weekend) and the one ending in 上班
(the adjusted working days). Any other sentence — "鼓励……安排职工在除夕（2月9日）休息" — names no
schedule day and is skipped. A weekday written beside a date ("（周四）") is checked against the year,
which catches a notice pasted under the wrong year.

`parse_day_lines` reads the editor's boxes: one date or range per line ("2027-02-05..2027-02-11 春节",
"2027-02-05至2027-02-11", "2月5日至11日 春节", "清明节：4月3日至5日"), an optional name after it.
`parse_day_box` reads a box as the officer may fill it: such lines, and the notice's own sentences typed
or pasted straight into it ("清明节：4月3日至5日放假调休，共3天。"), whose 放假 and 上班 days go where the
notice says, whichever box they were written in. `format_day_lines` writes consecutive days with the same
name back as one range line.

No Qt here; every problem raises CalendarError (or DayLineError for a line) with a Chinese message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from disclosure_desk.domain.dates import parse_iso_date
from disclosure_desk.domain.errors import CalendarError
from disclosure_desk.domain.workdays import WEEKDAY_NAMES

MAX_RANGE_DAYS = 31  # no holiday block is longer: a longer range is a typo

_WEEKDAY_CHARS = "一二三四五六日"
# after NFKC: "2026年10月1日(周四)" — year and month optional, the weekday note optional
_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日"
    r"(?:\s*\((?P<note>[^)]*)\))?"
)
_RANGE_WORD = re.compile(r"^\s*(?:至|到|~|-|—|–)\s*$")
_NOTE_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_COUNT = re.compile(r"(?:共|放假)\s*(\d{1,2})\s*天")
_NOTICE_NUMBER = re.compile(r"国办发明电\s*[〔\[(]\s*\d{4}\s*[〕\])]\s*\d+\s*号")
_NOTICE_YEAR = re.compile(r"(?:现将|关于)\s*(\d{4})\s*年")
_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.]\s*")


@dataclass(frozen=True)
class NoticeHoliday:
    """One holiday of the notice: its name ("国庆节、中秋节"), its days off, its adjusted working days."""

    name: str
    holidays: tuple[date, ...]
    workdays: tuple[date, ...]


@dataclass(frozen=True)
class ParsedNotice:
    year: int | None  # the year the notice itself names ("现将2026年……"), when it does
    notice: str  # "国办发明电〔2025〕7号" when the pasted text carries it
    holidays: tuple[NoticeHoliday, ...]

    def holiday_days(self) -> list[tuple[date, str]]:
        return sorted((day, h.name) for h in self.holidays for day in h.holidays)

    def workday_days(self) -> list[tuple[date, str]]:
        return sorted((day, h.name) for h in self.holidays for day in h.workdays)


@dataclass(frozen=True)
class _Found:
    first: date
    last: date
    start: int  # where the match begins in the sentence


def looks_like_notice(text: str) -> bool:
    """True when `text` is written as the notice writes (…月…日…放假 / 上班), not as date lines."""
    flat = unicodedata.normalize("NFKC", text)
    return bool(_DATE.search(flat)) and ("放假" in flat or "上班" in flat)


def parse_notice(text: str, year: int) -> ParsedNotice:
    """The holidays a pasted notice (or a paragraph of it) sets, for notice year `year`.

    Dates without a year belong to `year`, except the first day of a range running from December into
    January (a New Year block starting in the year before). Raises CalendarError, in Chinese, when a
    sentence cannot be read, a count or a weekday disagrees with the dates, or nothing is found.
    """
    flat = unicodedata.normalize("NFKC", text)
    notice_match = _NOTICE_NUMBER.search(flat)
    notice = re.sub(r"\s+", "", notice_match.group(0)) if notice_match else ""
    notice = notice.replace("[", "〔").replace("]", "〕").replace("(", "〔").replace(")", "〕")
    year_match = _NOTICE_YEAR.search(flat)
    named_year = int(year_match.group(1)) if year_match else None

    found: list[NoticeHoliday] = []
    name = ""
    holidays: list[date] = []
    workdays: list[date] = []

    def close() -> None:
        if holidays or workdays:
            found.append(NoticeHoliday(name, tuple(holidays), tuple(workdays)))

    for sentence in re.split(r"[。;\n]", flat):
        header, body = _split_header(sentence)
        if header is not None:
            close()
            name, holidays, workdays = header, [], []
        if "放假" in body:
            holidays.extend(_holiday_days(body, year))
        elif re.search(r"上班\s*$", body):
            for item in _dates(body, year):
                workdays.extend(_expand(item))
    close()
    if not found:
        raise CalendarError(
            "没有在这段文字中找到放假或上班日期。请粘贴通知中的原句，例如："
            "“国庆节：10月1日至7日放假调休，共7天。9月20日（星期日）、10月10日（星期六）上班。”"
        )
    return ParsedNotice(named_year, notice, tuple(found))


def _split_header(sentence: str) -> tuple[str | None, str]:
    """("国庆节、中秋节", rest) for "七、国庆节、中秋节:10月1日至8日……"; (None, sentence) without a header."""
    head, colon, rest = sentence.partition(":")
    if not colon:
        return None, sentence
    name = _NUMBERING.sub("", head).strip()
    if not name or len(name) > 40 or _DATE.search(name):
        return None, sentence
    return name, rest


def _holiday_days(sentence: str, year: int) -> list[date]:
    before = sentence.split("放假", 1)[0]
    found = _dates(before, year)
    if not found:
        return []  # "现将2026年……放假调休日期的具体安排通知如下" names no day
    days = [day for item in found for day in _expand(item)]
    if "与周末连休" in sentence:
        days = _with_adjoining_weekend(days)
    count = _COUNT.search(sentence)
    if count is not None and int(count.group(1)) != len(days):
        raise CalendarError(
            f"“{_clip(sentence)}”写的是{count.group(1)}天，但所列日期共{len(days)}天，请核对原文。"
        )
    return days


def _with_adjoining_weekend(days: list[date]) -> list[date]:
    """ "1月1日放假，与周末连休": the Saturday and Sunday next to the day are part of the block."""
    result = set(days)
    for step in (-1, 1):
        day = (min(result) if step < 0 else max(result)) + timedelta(days=step)
        while day.weekday() >= 5:
            result.add(day)
            day += timedelta(days=step)
    return sorted(result)


def _dates(text: str, year: int) -> list[_Found]:
    """Every date and range in `text`, in order; a range's end inherits the start's year and month."""
    matches = list(_DATE.finditer(text))
    found: list[_Found] = []
    index = 0
    while index < len(matches):
        match = matches[index]
        month = match.group("month")
        if month is None:
            raise CalendarError(f"“{_clip(text)}”中的日期“{match.group(0)}”没有写月份，请核对原文。")
        first = _date_of(match, year, int(month), text)
        last = first
        if index + 1 < len(matches) and _RANGE_WORD.match(text[match.end() : matches[index + 1].start()]):
            end = matches[index + 1]
            end_month = int(end.group("month") or first.month)
            end_year = int(end.group("year")) if end.group("year") else first.year
            if end.group("year") is None and end_month < first.month:
                end_year += 1  # 12月31日至1月2日
            if match.group("year") is None and end.group("year") is None and end_month < first.month:
                first = _date_of(match, year - 1, int(month), text)  # the block starts the year before
                end_year = year
            last = _date_of(end, end_year, end_month, text)
            if last < first or (last - first).days >= MAX_RANGE_DAYS:
                raise CalendarError(f"“{_clip(text)}”中的日期范围不对，请核对起止日期。")
            index += 1
        found.append(_Found(first, last, match.start()))
        index += 1
    return found


def _date_of(match: re.Match[str], year: int, month: int, text: str) -> date:
    if match.group("year"):
        year = int(match.group("year"))
    try:
        value = date(year, month, int(match.group("day")))
    except ValueError:
        raise CalendarError(f"“{_clip(text)}”中的日期“{match.group(0)}”不存在，请核对原文。") from None
    note = match.group("note") or ""
    weekday = _NOTE_WEEKDAY.search(note)
    if weekday is not None:
        written = "日" if weekday.group(1) == "天" else weekday.group(1)
        actual = _WEEKDAY_CHARS[value.weekday()]
        if written != actual:
            raise CalendarError(
                f"原文写{value.month}月{value.day}日是星期{written}，但{value.year}年{value.month}月{value.day}日"
                f"是{WEEKDAY_NAMES[value.weekday()]}。请检查所选年份是否与通知一致。"
            )
    return value


def _expand(found: _Found) -> list[date]:
    return [found.first + timedelta(days=n) for n in range((found.last - found.first).days + 1)]


def _clip(text: str, limit: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the editor's lines -------------------------------------------------------------------------------


class DayLineError(ValueError):
    """Line `line` (1-based) is not a date or range; `reason` is a Chinese sentence, or "" for a bad range."""

    def __init__(self, line: int, text: str, reason: str = "") -> None:
        super().__init__(f"{line}: {reason or text}")
        self.line = line
        self.text = text
        self.reason = reason


_ISO_RANGE = re.compile(r"\s*(?:\.\.|至|到|~)\s*")


Day = tuple[date, str]


@dataclass(frozen=True)
class BoxDays:
    """What one of the editor's boxes says: its own lines' days (the box's kind), and the days the
    notice's sentences written in it set off (放假) and on (上班)."""

    listed: tuple[Day, ...]
    holidays: tuple[Day, ...] = ()
    workdays: tuple[Day, ...] = ()


def parse_day_box(text: str, year: int) -> BoxDays:
    """A box's text, line by line: a line in the notice's wording (…月…日…放假 / 上班) is read as the
    notice (parse_notice, its count and weekdays checked); every other line as parse_day_lines reads it.
    Raises DayLineError naming the line."""
    listed: list[Day] = []
    holidays: list[Day] = []
    workdays: list[Day] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0]
        if not looks_like_notice(line):
            try:
                listed += parse_day_lines(line, year)
            except DayLineError as error:
                raise DayLineError(number, error.text, error.reason) from None
            continue
        try:
            parsed = parse_notice(line, year)
        except CalendarError as error:
            raise DayLineError(number, line.strip(), str(error)) from None
        holidays += parsed.holiday_days()
        workdays += parsed.workday_days()
    return BoxDays(tuple(listed), tuple(holidays), tuple(workdays))


def parse_day_lines(text: str, year: int | None = None) -> list[tuple[date, str]]:
    """(day, name) for every day listed, one date or range per line, in the order written.

    A line is "2027-01-01 元旦", "2027-02-05..2027-02-11 春节" (also with 至, ~), or, when `year` is given,
    as the notice writes it: "2月5日至11日 春节", "清明节：4月3日至5日". "#" starts a comment. Raises
    DayLineError.
    """
    days: list[tuple[date, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = unicodedata.normalize("NFKC", raw.split("#", 1)[0]).strip()
        if not line:
            continue
        header, body = _split_header(line)
        chinese = r"^\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月"
        if year is not None and header is not None and re.match(chinese, body):
            days += [(day, name or header) for day, name in _chinese_line(number, body.strip(), year)]
            continue
        if year is not None and re.match(chinese, line):
            days += _chinese_line(number, line, year)
            continue
        parts = _ISO_RANGE.split(line, maxsplit=1)
        if len(parts) == 2:
            first_text, rest = parts
            last_text, _, name = rest.partition(" ")
        else:
            first_text, _, name = line.partition(" ")
            last_text = first_text
        try:
            first, last = parse_iso_date(first_text), parse_iso_date(last_text)
        except ValueError as error:
            raise DayLineError(number, line, str(error)) from None
        if last < first or (last - first).days >= MAX_RANGE_DAYS:
            raise DayLineError(number, line)
        days += [(first + timedelta(days=n), name.strip()) for n in range((last - first).days + 1)]
    return days


def _chinese_line(number: int, line: str, year: int) -> list[tuple[date, str]]:
    try:
        found = _dates(line, year)
    except CalendarError as error:
        raise DayLineError(number, line, str(error)) from None
    if not found:
        raise DayLineError(number, line, f"“{line}”不是日期。")
    name = _DATE.sub("", line)
    name = re.sub(r"^[\s至到~、,-]+", "", name).strip()
    return [(day, name) for item in found for day in _expand(item)]


@dataclass(frozen=True)
class DayRange:
    first: date
    last: date
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def day_ranges(days: Iterable[tuple[date, str]]) -> list[DayRange]:
    """Consecutive days with the same name, as ranges, in date order."""
    ranges: list[DayRange] = []
    for day, name in sorted(set(days)):
        last = ranges[-1] if ranges else None
        if last is not None and last.name == name and last.last + timedelta(days=1) == day:
            ranges[-1] = DayRange(last.first, day, name)
        else:
            ranges.append(DayRange(day, day, name))
    return ranges


def format_day_lines(days: Iterable[tuple[date, str]]) -> str:
    """One line per range ("2026-10-01 至 2026-10-07 国庆节"), in date order: what parse_day_lines reads."""
    lines = []
    for block in day_ranges(days):
        span = block.first.isoformat()
        if block.last != block.first:
            span += f" 至 {block.last.isoformat()}"
        lines.append(f"{span} {block.name}".rstrip())
    return "\n".join(lines)
