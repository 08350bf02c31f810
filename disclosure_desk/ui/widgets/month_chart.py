"""A small bar chart of the last twelve months, painted with QPainter (QtCharts is not in
PySide6-Essentials, and a hundred lines of painting do not justify 160 MB).

Each month has two bars: published that month (on time below, then late, then published with no due
date, stacked: the status module's figures) and still open at the month's end — for the current month,
still open today (hatched, with its own legend entry: the month has not ended). Values are written above
a bar only where the text fits; the tooltip always has them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from disclosure_desk.domain.history import MonthHistory
from disclosure_desk.domain.status import NO_DUE_DATE_WORD, Status, StatusGroup
from disclosure_desk.ui.texts import group_label, status_label, tr, vocabulary

_CONTEXT = "MonthChart"
ON_TIME_COLOR = QColor("#4f8fd6")
LATE_COLOR = QColor("#e0702a")
NO_DUE_COLOR = QColor("#b4d0f0")  # a paler on-time blue: published, but nothing to judge it against
OPEN_COLOR = QColor("#a9b4c2")
GRID_COLOR = QColor("#e3e7ec")
AXIS_TEXT_COLOR = QColor("#5f6670")


def series_names() -> tuple[str, str, str, str]:
    return (
        status_label(Status.PUBLISHED_ON_TIME),
        status_label(Status.PUBLISHED_LATE),
        vocabulary(NO_DUE_DATE_WORD),
        tr("月末{0}", _CONTEXT).format(group_label(StatusGroup.OPEN)),
    )


def open_today_name() -> str:
    """The current month's open bar: the month has not ended, so not "月末"."""
    return tr("本月至今{0}", _CONTEXT).format(group_label(StatusGroup.OPEN))


def _open_today_brush() -> QBrush:
    return QBrush(OPEN_COLOR, Qt.BrushStyle.BDiagPattern)


def nice_step(maximum: int, ticks: int = 4) -> int:
    """A 1/2/5 × 10^k step giving about `ticks` grid lines up to `maximum`."""
    raw = max(maximum / ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


class MonthChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history: tuple[MonthHistory, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("近12个月公开情况", _CONTEXT))

    def set_history(self, history: Sequence[MonthHistory]) -> None:
        self._history = tuple(history)
        self.update()

    @property
    def history(self) -> tuple[MonthHistory, ...]:
        return self._history

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 170)

    # --- geometry -----------------------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        line = metrics.height()
        top = line + 14  # the legend
        bottom = 2 * line + 8  # month, and the year under January and the first month
        left = metrics.horizontalAdvance(str(self._top_value())) + 12
        return QRectF(left, top, max(self.width() - left - 8, 1), max(self.height() - top - bottom, 1))

    def _top_value(self) -> int:
        highest = max((max(m.figures.published, m.open_at_end) for m in self._history), default=0)
        step = nice_step(highest)
        return max(step * math.ceil(highest / step), step)

    def _slot_of(self, x: float) -> int:
        plot = self._plot_rect()
        if not self._history or not plot.left() <= x <= plot.right():
            return -1
        return min(int((x - plot.left()) / (plot.width() / len(self._history))), len(self._history) - 1)

    # --- painting -----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        plot = self._plot_rect()
        top_value = self._top_value()
        self._paint_legend(painter)
        self._paint_grid(painter, plot, top_value)
        if self._history:
            self._paint_bars(painter, plot, top_value)
            if all(m.figures.published == 0 and m.open_at_end == 0 for m in self._history):
                painter.setPen(AXIS_TEXT_COLOR)
                painter.drawText(
                    plot, Qt.AlignmentFlag.AlignCenter, tr("近12个月还没有公开信息的记录", _CONTEXT)
                )
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        box = metrics.height() * 0.7
        x = float(self._plot_rect().left())
        y = 4.0
        colors = (ON_TIME_COLOR, LATE_COLOR, NO_DUE_COLOR, OPEN_COLOR)
        entries: list[tuple[str, QColor | QBrush]] = list(zip(series_names(), colors, strict=True))
        if self._history:
            entries.append((open_today_name(), _open_today_brush()))
        for name, fill in entries:
            swatch = QRectF(x, y + (metrics.height() - box) / 2, box, box)
            painter.fillRect(swatch, fill)
            if isinstance(fill, QBrush):
                painter.setPen(OPEN_COLOR)
                painter.drawRect(swatch)
            x += box + 4
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x, y + metrics.ascent()), name)
            x += metrics.horizontalAdvance(name) + 16

    def _paint_grid(self, painter: QPainter, plot: QRectF, top_value: int) -> None:
        metrics = self.fontMetrics()
        step = nice_step(top_value)
        value = 0
        while value <= top_value:
            y = plot.bottom() - plot.height() * value / top_value
            painter.setPen(QPen(GRID_COLOR if value else AXIS_TEXT_COLOR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_TEXT_COLOR)
            text = str(value)
            painter.drawText(
                QPointF(plot.left() - 6 - metrics.horizontalAdvance(text), y + metrics.ascent() / 2 - 1), text
            )
            value += step

    def _paint_bars(self, painter: QPainter, plot: QRectF, top_value: int) -> None:
        metrics = self.fontMetrics()
        slot = plot.width() / len(self._history)
        bar = max(min(slot * 0.36, 30.0), 3.0)
        scale = plot.height() / top_value
        text_color = self.palette().text().color()
        for index, month in enumerate(self._history):
            centre = plot.left() + slot * (index + 0.5)
            left = centre - bar - 1
            right = centre + 1
            figures = month.figures
            bottom = plot.bottom()
            for value, color in (
                (figures.on_time, ON_TIME_COLOR),
                (figures.late, LATE_COLOR),
                (figures.no_due_date, NO_DUE_COLOR),
            ):
                height = value * scale
                painter.fillRect(QRectF(left, bottom - height, bar, height), color)
                bottom -= height
            open_h = month.open_at_end * scale
            open_rect = QRectF(right, plot.bottom() - open_h, bar, open_h)
            if index == len(self._history) - 1:  # the current month: open today, not at a month's end
                painter.fillRect(open_rect, _open_today_brush())
                painter.setPen(OPEN_COLOR)
                painter.drawRect(open_rect)
            else:
                painter.fillRect(open_rect, OPEN_COLOR)
            painter.setPen(text_color)
            for value, x, height in (
                (figures.published, left, plot.bottom() - bottom),
                (month.open_at_end, right, open_h),
            ):
                text = str(value)
                width = metrics.horizontalAdvance(text)
                # a label may spill a little past its bar, never into the neighbouring month
                if value and width <= slot / 2:
                    painter.drawText(
                        QPointF(x + bar / 2 - width / 2, plot.bottom() - height - metrics.descent() - 1), text
                    )
            painter.setPen(AXIS_TEXT_COLOR)
            label = tr("{0}月", _CONTEXT).format(month.month)
            baseline = plot.bottom() + metrics.ascent() + 3
            painter.drawText(QPointF(centre - metrics.horizontalAdvance(label) / 2, baseline), label)
            if index == 0 or month.month == 1:
                year = tr("{0}年", _CONTEXT).format(month.year)
                painter.drawText(
                    QPointF(centre - metrics.horizontalAdvance(year) / 2, baseline + metrics.height()), year
                )

    # --- tooltip ------------------------------------------------------------------------------------

    def tooltip_text(self, index: int) -> str:
        month = self._history[index]
        on_time, late, no_due, still_open = series_names()
        last = index == len(self._history) - 1
        figures = month.figures
        return "\n".join(
            (
                tr("{0}年{1}月", _CONTEXT).format(month.year, month.month)
                + (tr("（截至今天）", _CONTEXT) if last else ""),
                tr("{0}：{1} 条", _CONTEXT).format(group_label(StatusGroup.PUBLISHED), figures.published),
                tr("　{0}：{1} 条", _CONTEXT).format(on_time, figures.on_time),
                tr("　{0}：{1} 条", _CONTEXT).format(late, figures.late),
                tr("　{0}：{1} 条", _CONTEXT).format(no_due, figures.no_due_date),
                tr("{0}：{1} 条", _CONTEXT).format(
                    open_today_name() if last else still_open, month.open_at_end
                ),
            )
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._slot_of(event.pos().x())
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip_text(index), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
