"""Add or correct one year's holiday schedule: a YearSchedule in (or None), a YearSchedule out.

The officer can paste the State Council notice (a paragraph or all of it) and see at once what was read,
or type dates and ranges; the reading itself is io.holiday_text's, not this dialog's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.errors import CalendarError
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.io.holiday_text import (
    BoxDays,
    DayLineError,
    ParsedNotice,
    day_ranges,
    format_day_lines,
    parse_day_box,
    parse_notice,
)
from disclosure_desk.io.holidays_import import MANUAL_SOURCE, validate_schedule
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.widgets.field_error import FieldError
from disclosure_desk.ui.window_geometry import RemembersSize

Days = list[tuple[date, str]]


class HolidayYearDialog(RemembersSize, QDialog):
    size_key = "holidayYear"

    def __init__(
        self,
        schedule: YearSchedule | None,
        *,
        default_year: int,
        parent: QWidget | None = None,
        validate: Callable[[YearSchedule], None] = validate_schedule,
    ) -> None:
        super().__init__(parent)
        self._original = schedule
        self._validate = validate
        self._result: YearSchedule | None = None
        self.setWindowTitle(self.tr("修改节假日安排") if schedule is not None else self.tr("新增节假日安排"))
        self.resize(760, 640)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(schedule.year if schedule is not None else default_year)
        self.year.setEnabled(schedule is None)  # correcting a year keeps its year
        self.year.setMaximumWidth(self.fontMetrics().horizontalAdvance("20270") + 48)
        self.official = QCheckBox(self.tr("依据国务院办公厅正式通知"), self)
        self.official.setChecked(schedule.official if schedule is not None else True)
        self.notice = QLineEdit(schedule.notice if schedule is not None else "", self)
        self.notice.setPlaceholderText(self.tr("例如 国办发明电〔2025〕7号"))

        self.pasted = QPlainTextEdit(self)
        self.pasted.setTabChangesFocus(True)
        self.pasted.setPlaceholderText(
            self.tr(
                "把通知中的一段或全文粘贴到这里，例如：\n"
                "国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。"
            )
        )
        self.pasted.setFixedHeight(self.pasted.fontMetrics().lineSpacing() * 4 + 16)
        self.pasted_result = QLabel(self)
        self.pasted_result.setWordWrap(True)
        self.pasted_result.setObjectName("mutedLabel")
        self.fill_button = QPushButton(self.tr("填入下方"), self)
        self.fill_button.setToolTip(self.tr("把识别出的日期填入下方的放假和调休上班日期"))
        self.fill_button.setEnabled(False)

        self.holidays = QPlainTextEdit(self)
        self.holidays.setTabChangesFocus(True)
        self.workdays = QPlainTextEdit(self)
        self.workdays.setTabChangesFocus(True)
        if schedule is not None:
            self.holidays.setPlainText(format_day_lines((d, schedule.name_of(d)) for d in schedule.holidays))
            self.workdays.setPlainText(
                format_day_lines((d, schedule.name_of(d)) for d in schedule.adjusted_workdays)
            )
        hint = QLabel(
            self.tr(
                "每行一个日期或日期范围，可在后面写节日名称，例如：\n"
                "2027-01-01 元旦　　2027-02-05 至 2027-02-11 春节　　10月1日至7日 国庆节"
            ),
            self,
        )
        hint.setObjectName("mutedLabel")
        self.error = FieldError(self)

        form = QFormLayout()
        form.addRow(self.tr("年份"), self.year)
        form.addRow("", self.official)
        form.addRow(self.tr("通知文号"), self.notice)
        form.addRow(self.tr("通知原文"), self.pasted)
        result_row = QHBoxLayout()
        result_row.addWidget(self.pasted_result, 1)
        result_row.addWidget(self.fill_button)
        form.addRow("", result_row)
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

        self.pasted.textChanged.connect(self._on_pasted)
        self.year.valueChanged.connect(self._on_pasted)
        self.fill_button.clicked.connect(self.fill_from_notice)
        apply_visual_tab_order(self)

    # --- the pasted notice --------------------------------------------------------------------------

    def _read_notice(self) -> ParsedNotice | None:
        """What the pasted text sets (None when the box is empty); raises CalendarError."""
        text = self.pasted.toPlainText()
        if not text.strip():
            return None
        parsed = parse_notice(text, self.year.value())
        if parsed.year is not None and parsed.year != self.year.value():
            if self.year.isEnabled():
                self.year.setValue(parsed.year)  # the notice names its year: take it
                parsed = parse_notice(text, parsed.year)
            else:
                raise CalendarError(
                    self.tr("粘贴的是{0}年的通知，正在修改的是{1}年的安排。").format(
                        parsed.year, self.year.value()
                    )
                )
        return parsed

    def _on_pasted(self, *_args: object) -> None:
        try:
            parsed = self._read_notice()
        except CalendarError as error:
            self.pasted_result.setText(str(error))
            self.fill_button.setEnabled(False)
            return
        if parsed is None:
            self.pasted_result.setText("")
            self.fill_button.setEnabled(False)
            return
        if parsed.notice and not self.notice.text().strip():
            self.notice.setText(parsed.notice)
        parts = []
        for holiday in parsed.holidays:
            spans = "、".join(_span(r.first, r.last) for r in day_ranges((d, "") for d in holiday.holidays))
            part = self.tr("{0}放假 {1}（{2}天）").format(holiday.name, spans, len(holiday.holidays))
            if holiday.workdays:
                part += self.tr("，{0}上班").format("、".join(_md(d) for d in holiday.workdays))
            parts.append(part)
        self.pasted_result.setText(self.tr("已识别：") + "；".join(parts))
        self.fill_button.setEnabled(True)

    def fill_from_notice(self) -> None:
        """Move what the pasted text sets into the two boxes, as ranges; the pasted text is done with."""
        try:
            parsed = self._read_notice()
            holidays, workdays = self._typed_days()
        except (ValueError, CalendarError) as error:
            self.error.show_message(str(error))
            return
        if parsed is None:
            return
        self.holidays.setPlainText(format_day_lines(holidays + parsed.holiday_days()))
        self.workdays.setPlainText(format_day_lines(workdays + parsed.workday_days()))
        self.pasted.clear()
        self.error.clear_message()

    # --- value --------------------------------------------------------------------------------------

    def _typed_days(self) -> tuple[Days, Days]:
        """The days off and the working days the two boxes list; a sentence of the notice typed into
        either box gives its 放假 days to the first and its 上班 days to the second, as the notice says."""
        off = self._parse(self.holidays.toPlainText(), self.tr("放假日期"))
        on = self._parse(self.workdays.toPlainText(), self.tr("调休上班日期"))
        return (
            [*off.listed, *off.holidays, *on.holidays],
            [*on.listed, *off.workdays, *on.workdays],
        )

    def value(self) -> YearSchedule:
        """Raises ValueError or CalendarError, with a Chinese message, when the text is not a schedule."""
        holidays, workdays = self._typed_days()
        parsed = self._read_notice()
        if parsed is not None:
            holidays += parsed.holiday_days()
            workdays += parsed.workday_days()
        names = tuple(sorted({day: name for day, name in holidays + workdays if name}.items()))
        schedule = YearSchedule(
            year=self.year.value(),
            holidays=frozenset(day for day, _ in holidays),
            adjusted_workdays=frozenset(day for day, _ in workdays),
            official=self.official.isChecked(),
            notice=self.notice.text().strip(),
            source=self._source_for(holidays, workdays),
            names=names,
        )
        self._validate(schedule)
        return schedule

    def _source_for(self, holidays: Days, workdays: Days) -> str:
        """An untouched year keeps where it came from; a changed one is the officer's own entry."""
        original = self._original
        if original is None:
            return MANUAL_SOURCE
        same = (
            frozenset(d for d, _ in holidays) == original.holidays
            and frozenset(d for d, _ in workdays) == original.adjusted_workdays
            and self.notice.text().strip() == original.notice
            and self.official.isChecked() == original.official
        )
        return original.source if same and original.source else MANUAL_SOURCE

    def _parse(self, text: str, label: str) -> BoxDays:
        try:
            return parse_day_box(text, self.year.value())
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


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _span(first: date, last: date) -> str:
    if first == last:
        return _md(first)
    if first.month == last.month and first.year == last.year:
        return f"{_md(first)}至{last.day}日"
    return f"{_md(first)}至{_md(last)}"
