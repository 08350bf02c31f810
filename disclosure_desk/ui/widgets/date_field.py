"""A date that may be empty: a line edit (type 2026-11-02, 2026/11/2 or 2026年11月2日) and a calendar button.

QDateEdit cannot be empty, and its "special value" trick breaks keyboard entry; a line edit parsed with
the domain's date parser can be empty, is typed fast, and accepts what officers actually type.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from disclosure_desk.domain.dates import parse_iso_date
from disclosure_desk.ui.widgets.icons import calendar_icon

Day = date  # the method DateField.date() hides the type's name inside the class


class DateField(QWidget):
    """Emits dateChanged(date | None) whenever the parsed value changes (not on every keystroke)."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
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
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self.calendar)
        self._menu.addAction(action)
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

    def _sync_calendar(self) -> None:
        current = self._value or (self._clock() if self._clock is not None else None)
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _on_calendar_clicked(self, qdate: QDate) -> None:
        self.set_date(date(qdate.year(), qdate.month(), qdate.day()))
        self._menu.close()
