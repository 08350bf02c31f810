"""Holiday schedules for the holiday editor: the years, and one year's days."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.workdays import WEEKDAY_NAMES, YearSchedule
from disclosure_desk.io.holiday_text import day_ranges
from disclosure_desk.io.holidays_import import basis_text, source_text
from disclosure_desk.ui.models.roles import ROW_ROLE, SORT_ROLE
from disclosure_desk.ui.texts import tr

AnyIndex = QModelIndex | QPersistentModelIndex


def _ctx(text: str) -> str:
    return tr(text, "HolidayModels")


class HolidayYearsModel(QAbstractTableModel):
    """年份 · 依据 (the notice, in words) · 放假天数 · 调休上班天数 · 来源 (程序自带, 手工录入, a file)."""

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
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_ctx("年份"), _ctx("依据"), _ctx("放假天数"), _ctx("调休上班"), _ctx("来源"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        schedule = self._schedules[index.row()]
        column = index.column()
        values: tuple[Any, ...] = (
            schedule.year,
            basis_text(schedule),
            len(schedule.holidays),
            len(schedule.adjusted_workdays),
            source_text(schedule),
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return str(values[column])
        if role == SORT_ROLE:
            return values[column]
        if role == ROW_ROLE:
            return schedule
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return schedule.source or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class HolidayBlock:
    first: date
    last: date
    is_holiday: bool  # False: adjusted working days (调休上班)
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def schedule_blocks(schedule: YearSchedule) -> list[HolidayBlock]:
    """The year as the notice words it: each holiday as one range, each 调休 working day on its own."""
    blocks = [
        HolidayBlock(r.first, r.last, True, r.name)
        for r in day_ranges((d, schedule.name_of(d)) for d in schedule.holidays)
    ]
    blocks += [HolidayBlock(d, d, False, schedule.name_of(d)) for d in schedule.adjusted_workdays]
    return sorted(blocks, key=lambda b: b.first)


def _span(block: HolidayBlock) -> str:
    if block.first == block.last:
        return f"{block.first.isoformat()}（{WEEKDAY_NAMES[block.first.weekday()]}）"
    return _ctx("{0} 至 {1}").format(block.first.isoformat(), block.last.isoformat())


class HolidayDaysModel(QAbstractTableModel):
    """日期 (a range for a holiday) · 天数 · 安排 · 节日."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._blocks: list[HolidayBlock] = []

    def set_schedule(self, schedule: YearSchedule | None) -> None:
        self.beginResetModel()
        self._blocks = schedule_blocks(schedule) if schedule is not None else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._blocks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_ctx("日期"), _ctx("天数"), _ctx("安排"), _ctx("节日"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        block = self._blocks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _span(block),
                str(block.days),
                _ctx("放假") if block.is_holiday else _ctx("调休上班"),
                block.name,
            )[column]
        if role == SORT_ROLE:
            return (block.first, block.days, int(block.is_holiday), block.name)[column]
        if role == ROW_ROLE:
            return block
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
