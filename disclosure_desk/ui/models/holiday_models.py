"""Holiday schedules for the holiday editor: the years, and one year's days."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.workdays import WEEKDAY_NAMES, YearSchedule
from disclosure_desk.ui.models.roles import ROW_ROLE, SORT_ROLE
from disclosure_desk.ui.texts import tr

AnyIndex = QModelIndex | QPersistentModelIndex


def _ctx(text: str) -> str:
    return tr(text, "HolidayModels")


class HolidayYearsModel(QAbstractTableModel):
    """年份 · 类型 · 通知文号 · 放假天数 · 调休上班天数 · 来源."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._schedules: list[YearSchedule] = []

    def set_schedules(self, schedules: Sequence[YearSchedule]) -> None:
        self.beginResetModel()
        self._schedules = sorted(schedules, key=lambda s: s.year)
        self.endResetModel()

    @property
    def schedules(self) -> list[YearSchedule]:
        return list(self._schedules)

    def row_of_year(self, year: int) -> int:
        return next((i for i, s in enumerate(self._schedules) if s.year == year), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._schedules)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            _ctx("年份"),
            _ctx("类型"),
            _ctx("通知文号"),
            _ctx("放假天数"),
            _ctx("调休上班"),
            _ctx("来源"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        schedule = self._schedules[index.row()]
        column = index.column()
        values: tuple[Any, ...] = (
            schedule.year,
            _ctx("官方") if schedule.official else _ctx("自行录入"),
            schedule.notice,
            len(schedule.holidays),
            len(schedule.adjusted_workdays),
            schedule.source,
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column])
        if role == SORT_ROLE:
            return values[column]
        if role == ROW_ROLE:
            return schedule
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class HolidayDay:
    day: date
    is_holiday: bool  # False: an adjusted working day (调休上班)
    name: str


def schedule_days(schedule: YearSchedule) -> list[HolidayDay]:
    days = [HolidayDay(d, True, schedule.name_of(d)) for d in schedule.holidays]
    days += [HolidayDay(d, False, schedule.name_of(d)) for d in schedule.adjusted_workdays]
    return sorted(days, key=lambda d: d.day)


class HolidayDaysModel(QAbstractTableModel):
    """日期 · 星期 · 安排 · 节日."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[HolidayDay] = []

    def set_schedule(self, schedule: YearSchedule | None) -> None:
        self.beginResetModel()
        self._days = schedule_days(schedule) if schedule is not None else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_ctx("日期"), _ctx("星期"), _ctx("安排"), _ctx("节日"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self._days[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                day.day.isoformat(),
                WEEKDAY_NAMES[day.day.weekday()],
                _ctx("放假") if day.is_holiday else _ctx("调休上班"),
                day.name,
            )[column]
        if role == SORT_ROLE:
            return (day.day, day.day.weekday(), int(day.is_holiday), day.name)[column]
        if role == ROW_ROLE:
            return day
        return None
