"""Add or correct one year's holiday schedule: a YearSchedule in (or None), a YearSchedule out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.errors import CalendarError
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.io.holidays_import import validate_schedule
from disclosure_desk.ui.holiday_text import DayLineError, format_day_lines, parse_day_lines
from disclosure_desk.ui.widgets.field_error import FieldError

MANUAL_SOURCE = "手工录入"


class HolidayYearDialog(QDialog):
    def __init__(
        self,
        schedule: YearSchedule | None,
        *,
        default_year: int,
        parent: QWidget | None = None,
        validate: Callable[[YearSchedule], None] = validate_schedule,
    ) -> None:
        super().__init__(parent)
        self._validate = validate
        self._result: YearSchedule | None = None
        self.setWindowTitle(self.tr("修改节假日安排") if schedule is not None else self.tr("新增节假日安排"))
        self.resize(620, 560)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(schedule.year if schedule is not None else default_year)
        self.year.setEnabled(schedule is None)  # correcting a year keeps its year
        self.official = QCheckBox(self.tr("依据国务院办公厅正式通知"), self)
        self.official.setChecked(schedule.official if schedule is not None else True)
        self.notice = QLineEdit(schedule.notice if schedule is not None else "", self)
        self.notice.setPlaceholderText(self.tr("例如 国办发明电〔2025〕7号"))
        self.holidays = QPlainTextEdit(self)
        self.workdays = QPlainTextEdit(self)
        if schedule is not None:
            self.holidays.setPlainText(format_day_lines((d, schedule.name_of(d)) for d in schedule.holidays))
            self.workdays.setPlainText(
                format_day_lines((d, schedule.name_of(d)) for d in schedule.adjusted_workdays)
            )
        self._source = schedule.source if schedule is not None else MANUAL_SOURCE
        hint = QLabel(
            self.tr(
                "每行一个日期或日期范围，可在后面写节日名称，例如：\n"
                "2027-01-01 元旦\n2027-02-05..2027-02-11 春节"
            ),
            self,
        )
        hint.setObjectName("mutedLabel")
        self.error = FieldError(self)

        form = QFormLayout()
        form.addRow(self.tr("年份"), self.year)
        form.addRow("", self.official)
        form.addRow(self.tr("通知文号"), self.notice)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("放假日期（含节日期间的周末）")), 0, 0)
        grid.addWidget(QLabel(self.tr("调休上班日期（周末上班）")), 0, 1)
        grid.addWidget(self.holidays, 1, 0)
        grid.addWidget(self.workdays, 1, 1)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(grid, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def value(self) -> YearSchedule:
        """Raises ValueError or CalendarError, with a Chinese message, when the text is not a schedule."""
        holidays = self._parse(self.holidays.toPlainText(), self.tr("放假日期"))
        workdays = self._parse(self.workdays.toPlainText(), self.tr("调休上班日期"))
        names = tuple((day, name) for day, name in holidays + workdays if name)
        schedule = YearSchedule(
            year=self.year.value(),
            holidays=frozenset(day for day, _ in holidays),
            adjusted_workdays=frozenset(day for day, _ in workdays),
            official=self.official.isChecked(),
            notice=self.notice.text().strip(),
            source=self._source or MANUAL_SOURCE,
            names=names,
        )
        self._validate(schedule)
        return schedule

    def _parse(self, text: str, label: str) -> list[tuple[date, str]]:
        try:
            return parse_day_lines(text)
        except DayLineError as error:
            reason = error.reason or self.tr("日期范围“{0}”不对，请检查起止日期。").format(error.text)
            raise ValueError(self.tr("{0}第{1}行：{2}").format(label, error.line, reason)) from None

    def submit(self) -> None:
        try:
            self._result = self.value()
        except (ValueError, CalendarError) as error:
            self.error.show_message(str(error))
            return
        self.accept()

    def result_schedule(self) -> YearSchedule | None:
        return self._result
