"""China's working-day calendar: Monday–Friday, minus statutory holidays, plus 调休 working weekends.

Schedules are kept per NOTICE year (the 国务院办公厅 notice "关于Y年部分节假日安排的通知"), not per calendar
year of the day: the notice for Y may name days in late December of Y-1 (the 2006 notice made Saturday
2005-12-31 a working day; the 2023 notice made 2022-12-31 a holiday). So `has_schedule(Y)` asks whether
the notice for Y is known, and the days of a year Y depend on the notices for Y and, for late December,
Y+1.

Speed: every question is answered from a precomputed "rank" (number of working days up to a day) over
the span the schedules cover, and from closed-form Monday–Friday arithmetic outside it, where no schedule
says anything. A due date is then two list look-ups, which is what the deadline benchmark needs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
DEFAULT_HOLIDAY_NAME = "法定节假日"


@dataclass(frozen=True)
class YearSchedule:
    """One year's official schedule as announced by the 国务院办公厅 notice for `year`.

    The notice for year Y may name days outside Y (e.g. 2005-12-31, a 调休 Saturday of the 2006
    New Year holiday), so the sets are not restricted to `year`.
    """

    year: int
    holidays: frozenset[date]  # statutory rest days, including weekend days inside a holiday block
    adjusted_workdays: frozenset[date]  # 调休上班日: weekend days made working days
    official: bool = True
    notice: str = ""  # e.g. 国办发明电〔2025〕7号
    source: str = ""  # where it came from: "chinesecalendar 1.11", a file name, "手工录入"
    names: tuple[tuple[date, str], ...] = ()  # optional holiday names per day (元旦, 春节…)

    def name_of(self, day: date) -> str:
        """The holiday name given for `day`, or "" when none is given."""
        for named_day, name in self.names:
            if named_day == day:
                return name
        return ""

    def all_days(self) -> frozenset[date]:
        return self.holidays | self.adjusted_workdays


# --- Monday–Friday arithmetic on ordinals (date(1, 1, 1) has ordinal 1 and is a Monday) -----------


def _weekday_count(ordinal: int) -> int:
    """Monday–Friday days among ordinals 1..ordinal (for ordinal ≥ 0)."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


def _nth_weekday(m: int) -> int:
    """Ordinal of the m-th Monday–Friday day counted from ordinal 1 (m ≥ 1)."""
    weeks, rest = divmod(m - 1, 5)
    return 7 * weeks + rest + 1


def _is_weekday(ordinal: int) -> bool:
    return (ordinal - 1) % 7 < 5


_MIN_ORDINAL = date.min.toordinal()
_MAX_ORDINAL = date.max.toordinal()


class WorkdayCalendar:
    """Answers working-day questions over the schedules it was given. Immutable after creation.

    If the same notice year is given twice, the later schedule replaces the earlier one (so bundled
    schedules followed by the officer's corrections do the right thing). A day that some schedule
    lists as holiday and another (or the same) as adjusted working day counts as a working day: a
    deadline computed that way is never later than the law allows. Readers of holiday files reject
    such contradictions before they get here.
    """

    __slots__ = (
        "_adjusted",
        "_event_kinds",
        "_event_names",
        "_event_ordinals",
        "_group_first",
        "_group_holiday",
        "_group_last",
        "_group_names",
        "_hi",
        "_holidays",
        "_lo",
        "_official_years",
        "_rank",
        "_rank_above",
        "_rank_lo_minus_1",
        "_schedules",
        "_workday_ordinals",
        "_years",
    )

    def __init__(self, schedules: Iterable[YearSchedule]) -> None:
        by_year: dict[int, YearSchedule] = {}
        for schedule in schedules:
            by_year[schedule.year] = schedule
        self._schedules: dict[int, YearSchedule] = dict(sorted(by_year.items()))
        self._years: tuple[int, ...] = tuple(self._schedules)

        adjusted: dict[int, str] = {}
        holidays: dict[int, str] = {}
        for schedule in self._schedules.values():
            names = dict(schedule.names)
            for d in schedule.adjusted_workdays:
                adjusted[d.toordinal()] = names.get(d, "")
            for d in schedule.holidays:
                holidays[d.toordinal()] = names.get(d, "") or DEFAULT_HOLIDAY_NAME
        for ordinal in adjusted:
            holidays.pop(ordinal, None)  # a working day wins: see the class docstring
        self._adjusted: frozenset[int] = frozenset(adjusted)
        self._holidays: frozenset[int] = frozenset(holidays)

        # Events (holidays and adjusted working days) in date order, for explanations.
        events = sorted(
            [(o, True, n) for o, n in holidays.items()] + [(o, False, n) for o, n in adjusted.items()]
        )
        self._event_ordinals: tuple[int, ...] = tuple(e[0] for e in events)
        self._event_kinds: tuple[bool, ...] = tuple(e[1] for e in events)  # True: holiday
        self._event_names: tuple[str, ...] = tuple(e[2] for e in events)
        # Groups: runs of consecutive holidays (one block), and each adjusted working day on its own —
        # what an explanation names, precomputed so a due date does not walk day by day.
        group_first: list[int] = []
        group_last: list[int] = []
        group_holiday: list[bool] = []
        group_names: list[str] = []
        for ordinal, is_holiday, name in events:
            if is_holiday and group_holiday and group_holiday[-1] and group_last[-1] == ordinal - 1:
                group_last[-1] = ordinal
                if name not in group_names[-1].split("、"):
                    group_names[-1] += "、" + name
                continue
            group_first.append(ordinal)
            group_last.append(ordinal)
            group_holiday.append(is_holiday)
            group_names.append(name)
        self._group_first = tuple(group_first)
        self._group_last = tuple(group_last)
        self._group_holiday = tuple(group_holiday)
        self._group_names = tuple(group_names)
        self._official_years = frozenset(y for y, s in self._schedules.items() if s.official)

        # The rank table spans every day a schedule mentions, padded to whole years; outside it no
        # schedule says anything and Monday–Friday arithmetic is exact.
        bounds = list(self._event_ordinals[:1]) + list(self._event_ordinals[-1:])
        bounds += [date(y, 1, 1).toordinal() for y in self._years[:1]]
        bounds += [date(y, 12, 31).toordinal() for y in self._years[-1:]]
        if bounds:
            lo = date(date.fromordinal(min(bounds)).year, 1, 1).toordinal()
            hi = date(date.fromordinal(max(bounds)).year, 12, 31).toordinal()
        else:
            lo, hi = 1, 0  # empty table: closed-form arithmetic everywhere
        self._lo = lo
        self._hi = hi
        base = _weekday_count(lo - 1)
        self._rank_lo_minus_1 = base
        rank: list[int] = []
        workday_ordinals: list[int] = []
        running = base
        adjusted_set = self._adjusted
        holiday_set = self._holidays
        for ordinal in range(lo, hi + 1):
            if ordinal in adjusted_set or (_is_weekday(ordinal) and ordinal not in holiday_set):
                running += 1
                workday_ordinals.append(ordinal)
            rank.append(running)
        self._rank = tuple(rank)
        self._workday_ordinals = tuple(workday_ordinals)
        # Above the table only Monday–Friday counts; this offset keeps ranks continuous.
        self._rank_above = running - _weekday_count(hi) if hi >= lo else 0

    # --- schedules ----------------------------------------------------------------------------------

    @property
    def years(self) -> tuple[int, ...]:
        return self._years

    def has_schedule(self, year: int) -> bool:
        return year in self._schedules

    def schedule(self, year: int) -> YearSchedule | None:
        return self._schedules.get(year)

    @property
    def schedules(self) -> tuple[YearSchedule, ...]:
        return tuple(self._schedules.values())

    # --- single days --------------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        ordinal = day.toordinal()
        if ordinal in self._adjusted:
            return True
        return _is_weekday(ordinal) and ordinal not in self._holidays

    def is_holiday(self, day: date) -> bool:
        """A statutory rest day named by a schedule (plain weekends are not holidays)."""
        return day.toordinal() in self._holidays

    def is_adjusted_workday(self, day: date) -> bool:
        return day.toordinal() in self._adjusted

    # --- counting -----------------------------------------------------------------------------------

    def rank(self, ordinal: int) -> int:
        """Working days among ordinals 1..ordinal. Differences of ranks count working days."""
        if ordinal < self._lo:
            return _weekday_count(ordinal)
        if ordinal > self._hi:
            return _weekday_count(ordinal) + self._rank_above
        return self._rank[ordinal - self._lo]

    def working_day_with_rank(self, target: int) -> int:
        """Ordinal of the working day whose rank is `target` (the inverse of `rank` on working days)."""
        if target <= self._rank_lo_minus_1:
            return _nth_weekday(target)
        index = target - self._rank_lo_minus_1 - 1
        if index < len(self._workday_ordinals):
            return self._workday_ordinals[index]
        return _nth_weekday(target - self._rank_above)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself not counted).

        n == 0 gives `start`; n < 0 gives the |n|-th working day before `start`.
        Raises OverflowError when the result would fall outside the dates Python can hold.
        """
        ordinal = start.toordinal()
        if n > 0 and self._lo <= ordinal <= self._hi:
            # the common case, inside the table: two list look-ups
            index = self._rank[ordinal - self._lo] - self._rank_lo_minus_1 + n - 1
            if index < len(self._workday_ordinals):
                return date.fromordinal(self._workday_ordinals[index])
        if n == 0:
            return start
        # Backwards, the first working day before `start` is the last one up to start - 1.
        target = self.rank(ordinal) + n if n > 0 else self.rank(ordinal - 1) + n + 1
        if target < 1:
            raise OverflowError("date out of range")
        result = self.working_day_with_rank(target)
        if result > _MAX_ORDINAL:
            raise OverflowError("date out of range")
        return date.fromordinal(result)

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        if self.is_working_day(day):
            return day
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before `day` (what a fixed-date deadline on a rest day leaves)."""
        result = self.working_day_with_rank(self.rank(day.toordinal() - 1))
        return date.fromordinal(result)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end < start (days in (end, start])."""
        return self.rank(end.toordinal()) - self.rank(start.toordinal())

    # --- what a period meets ------------------------------------------------------------------------

    def events_between(self, start: date, end: date) -> list[tuple[date, bool, str]]:
        """Holidays (True) and adjusted working days (False) in (start, end], in date order, named."""
        lo = bisect_right(self._event_ordinals, start.toordinal())
        hi = bisect_right(self._event_ordinals, end.toordinal())
        return [
            (date.fromordinal(self._event_ordinals[i]), self._event_kinds[i], self._event_names[i])
            for i in range(lo, hi)
        ]

    def event_groups_between(self, start: date, end: date) -> list[tuple[date, date, bool, str]]:
        """Holiday blocks (True) and adjusted working days (False) met in (start, end], in date order.

        Each is (first day, last day, is_holiday, names joined by "、"); a block the period only partly
        covers is cut to the part inside it.
        """
        lo, hi = start.toordinal(), end.toordinal()
        first_index = bisect_right(self._group_last, lo)
        stop = bisect_right(self._group_first, hi)
        groups = []
        for k in range(first_index, stop):
            first, last, names = self._group_first[k], self._group_last[k], self._group_names[k]
            if first <= lo or last > hi:
                first, last = max(first, lo + 1), min(last, hi)
                if first > last:
                    continue  # an empty period
                names = self._names_between(first, last)
            groups.append((date.fromordinal(first), date.fromordinal(last), self._group_holiday[k], names))
        return groups

    def _names_between(self, first: int, last: int) -> str:
        i = bisect_left(self._event_ordinals, first)
        j = bisect_right(self._event_ordinals, last)
        return "、".join(dict.fromkeys(self._event_names[i:j]))

    def is_fully_scheduled(self, start: date, end: date) -> bool:
        """Fast check: every day in (start, end] is covered by official schedules (no warning needed)."""
        official = self._official_years
        year = start.year
        if year not in official or end.year not in official:
            return False
        if end.year - year > 1 and any(y not in official for y in range(year + 1, end.year)):
            return False
        return end.month != 12 or end.day < 25 or end.year + 1 in official

    def holiday_name(self, day: date) -> str:
        """The name of the holiday on `day`, or "" when it is not a holiday."""
        ordinal = day.toordinal()
        if ordinal not in self._holidays:
            return ""
        i = bisect_left(self._event_ordinals, ordinal)
        return self._event_names[i]

    def unscheduled_years(self, start: date, end: date) -> list[int]:
        """Notice years whose schedule the days in (start, end] depend on but which are not loaded.

        A day of year Y depends on the notice for Y; a day in the last week of December also on the
        notice for Y+1 (New Year blocks reach back into December).
        """
        if end <= start:
            return []
        first = date.fromordinal(start.toordinal() + 1)
        last_year = end.year + 1 if (end.month == 12 and end.day >= 25) else end.year
        return [y for y in range(first.year, last_year + 1) if y not in self._schedules]

    def __repr__(self) -> str:
        span = f"{self._years[0]}–{self._years[-1]}" if self._years else "无"
        return f"WorkdayCalendar(years={span}, count={len(self._years)})"
