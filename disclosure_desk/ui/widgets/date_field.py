"""A date that may be empty: a line edit (type 2026-11-02, 2026/11/2 or 2026年11月2日) and a calendar button.

QDateEdit cannot be empty, and its "special value" trick breaks keyboard entry; a line edit parsed with
the domain's date parser can be empty, is typed fast, and accepts what officers actually type.

Given the working-day calendar, the pop-up calendar marks statutory holidays (red on pink) and 调休
working days (dark on amber, a weekend that is a working day), with a legend under it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from disclosure_desk.domain.dates import parse_iso_date
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.ui.widgets.icons import calendar_icon

Day = date  # the method DateField.date() hides the type's name inside the class

HOLIDAY_TEXT, HOLIDAY_BACKGROUND = QColor("#b71c1c"), QColor("#fbd9d9")
WORKDAY_TEXT, WORKDAY_BACKGROUND = QColor("#1f3a5f"), QColor("#ffe3a3")


def _day_format(text: QColor, background: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QBrush(text))
    fmt.setBackground(QBrush(background))
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class DateField(QWidget):
    """Emits dateChanged(date | None) whenever the parsed value changes (not on every keystroke)."""

    dateChanged = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], date] | None = None,
        calendar: WorkdayCalendar | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._workdays = calendar
        self._value: date | None = None
        self._error = ""
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(self.tr("年-月-日"))
        self.line_edit.setClearButtonEnabled(True)
        # room for a date and the clear button, not more: a date field needs no stretch
        self.line_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("2026-11-30") + 44)
        self.line_edit.textChanged.connect(self._on_text_changed)
        self.setFocusProxy(self.line_edit)

        self.button = QToolButton(self)
        self.button.setObjectName("calendarButton")
        self.button.setIcon(calendar_icon())
        self.button.setAutoRaise(True)
        self.button.setToolTip(self.tr("从日历中选择日期"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._menu = QMenu(self.button)
        self.calendar = QCalendarWidget(self._menu)
        self.calendar.setLocale(QLocale("zh_CN"))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._on_calendar_clicked)
        self.calendar.currentPageChanged.connect(self._mark_days)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
        self.legend = QLabel(
            self.tr(
                '<span style="background:{0};color:{1}">&nbsp;休&nbsp;</span> 法定节假日　'
                '<span style="background:{2};color:{3}">&nbsp;班&nbsp;</span> 调休上班日'
            ).format(
                HOLIDAY_BACKGROUND.name(), HOLIDAY_TEXT.name(), WORKDAY_BACKGROUND.name(), WORKDAY_TEXT.name()
            ),
            self._menu,
        )
        self.legend.setContentsMargins(8, 2, 8, 2)
        legend_action = QWidgetAction(self._menu)
        legend_action.setDefaultWidget(self.legend)
        self._menu.addAction(legend_action)
        self.legend.setVisible(calendar is not None)
        if clock is not None:
            self._menu.addAction(self.tr("今天"), lambda: self.set_date(clock()))
        self._menu.addAction(self.tr("清除"), lambda: self.set_date(None))
        self._menu.aboutToShow.connect(self._sync_calendar)
        self.button.setMenu(self._menu)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

    def date(self) -> date | None:
        """The date typed, or None when empty or not a valid date (see error())."""
        return self._value

    def error(self) -> str:
        """A Chinese message when the text is not a date, "" otherwise."""
        return self._error

    def set_date(self, value: Day | None) -> None:
        self.line_edit.setText(value.isoformat() if value is not None else "")

    def _on_text_changed(self, text: str) -> None:
        value: Day | None = None
        self._error = ""
        if text.strip():
            try:
                value = parse_iso_date(text)
            except ValueError as error:
                self._error = str(error)
        self.line_edit.setProperty("invalid", bool(self._error))
        self.line_edit.style().unpolish(self.line_edit)
        self.line_edit.style().polish(self.line_edit)
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def set_workday_calendar(self, calendar: WorkdayCalendar | None) -> None:
        self._workdays = calendar
        self.legend.setVisible(calendar is not None)
        self._mark_days(self.calendar.yearShown(), self.calendar.monthShown())

    def _sync_calendar(self) -> None:
        current = self._value or (self._clock() if self._clock is not None else None)
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self._mark_days(self.calendar.yearShown(), self.calendar.monthShown())

    def _mark_days(self, year: int, month: int) -> None:
        """Holidays and 调休 working days of the shown month (and the neighbours' days in its grid)."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears every mark
        workdays = self._workdays
        if workdays is None:
            return
        holiday = _day_format(HOLIDAY_TEXT, HOLIDAY_BACKGROUND)
        working = _day_format(WORKDAY_TEXT, WORKDAY_BACKGROUND)
        day = date(year, month, 1) - timedelta(days=7)
        for _ in range(50):
            if workdays.is_holiday(day):
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), holiday)
            elif workdays.is_adjusted_workday(day):
                self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), working)
            day += timedelta(days=1)

    def _on_calendar_clicked(self, qdate: QDate) -> None:
        self.set_date(date(qdate.year(), qdate.month(), qdate.day()))
        self._menu.close()
