"""One table of the 年度报告 for a QTableView: the domain's grid (domain/statutory_layout.py) with its
merges as view spans, and the cells a failed check is about marked red with the check in the tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QTableView

from disclosure_desk.domain.status import Status
from disclosure_desk.domain.statutory_checks import Check
from disclosure_desk.domain.statutory_layout import Grid, GridCell, Role
from disclosure_desk.ui.texts import STATUS_BACKGROUND, STATUS_FOREGROUND

AnyIndex = QModelIndex | QPersistentModelIndex

# A failed check is as serious as an overdue item: the same red.
_FAILED_BACKGROUND = QBrush(STATUS_BACKGROUND[Status.OVERDUE])
_FAILED_FOREGROUND = QBrush(STATUS_FOREGROUND[Status.OVERDUE])
_HEADER_BACKGROUND = QBrush(Qt.GlobalColor.transparent)


class StatutoryGridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: Grid | None = None
        self._at: dict[tuple[int, int], GridCell] = {}
        self._failed: dict[tuple[int, int], list[str]] = {}

    def set_grid(self, grid: Grid, checks: list[Check] | tuple[Check, ...]) -> None:
        self.beginResetModel()
        self.grid = grid
        self._at = {(c.row, c.column): c for c in grid.cells}
        self._failed = grid.failed_cells(checks)
        self.endResetModel()

    @property
    def failed_positions(self) -> list[tuple[int, int]]:
        return sorted(self._failed)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else self.grid.rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else self.grid.columns

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = (index.row(), index.column())
        cell = self._at.get(position)
        if cell is None:
            return None
        failed = self._failed.get(position)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignLeft if cell.role is Role.LABEL else Qt.AlignmentFlag.AlignHCenter
            )
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole and failed:
            return _FAILED_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and failed:
            return _FAILED_FOREGROUND
        if role == Qt.ItemDataRole.FontRole and failed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "\n".join(f"✗ {m}" for m in failed)
                if failed
                else (cell.text if cell.role is not Role.NUMBER else None)
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and failed:
            return "校验未通过"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )


def show_grid(view: QTableView, model: StatutoryGridModel) -> None:
    """Apply the grid's merges to the view and size its columns in proportion to the printed widths."""
    view.clearSpans()
    grid = model.grid
    if grid is None:
        return
    for cell in grid.cells:
        if cell.rowspan > 1 or cell.colspan > 1:
            view.setSpan(cell.row, cell.column, cell.rowspan, cell.colspan)
    scale = 4.6  # pixels per printed millimetre: the table fills about the dialog's width at 1366 px
    widths = [round(width * scale) for width in grid.widths_mm]
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    # Row heights from the cells that sit in one row only: Qt's resizeRowsToContents gives a row the whole
    # height of a tall merged cell (三、本年度办理结果 runs down 22 rows) and the table gaps.
    metrics = view.fontMetrics()
    heights = [metrics.height() + 8] * grid.rows
    for cell in grid.cells:
        if cell.rowspan != 1:
            continue
        width = sum(widths[cell.column : cell.column + cell.colspan]) - 8
        box = metrics.boundingRect(QRect(0, 0, max(width, 10), 10_000), Qt.TextFlag.TextWordWrap, cell.text)
        heights[cell.row] = max(heights[cell.row], box.height() + 8)
    for row, height in enumerate(heights):
        view.setRowHeight(row, height)
