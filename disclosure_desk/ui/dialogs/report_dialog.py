"""Pick the period of a report: a month (default: last month early in a month, else this month) or a year."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.window_geometry import RemembersSize

# In the first days of a month the officer is reporting on the month just ended.
EARLY_IN_MONTH = 10


def default_month(today: date) -> tuple[int, int]:
    if today.day <= EARLY_IN_MONTH:
        return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return today.year, today.month


class ReportDialog(RemembersSize, QDialog):
    size_key = "report"

    def __init__(self, today: date, *, annual: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出报表"))
        self.monthly_button = QRadioButton(self.tr("月报"))
        self.annual_button = QRadioButton(self.tr("年报（含逐月统计）"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.monthly_button)
        kinds.addButton(self.annual_button)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.monthly_button)
        kind_row.addWidget(self.annual_button)
        kind_row.addStretch(1)

        year, month = default_month(today)
        self.year = QSpinBox()
        self.year.setRange(2000, today.year + 1)
        self.year.setValue(year if not annual else today.year)
        self.year.setSuffix(self.tr(" 年"))
        self.month = QComboBox()
        for number in range(1, 13):
            self.month.addItem(self.tr("{0}月").format(number), number)
        self.month.setCurrentIndex(month - 1)

        form = QFormLayout()
        form.addRow(self.tr("报表类型："), kind_row)
        form.addRow(self.tr("年份："), self.year)
        form.addRow(self.tr("月份："), self.month)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("导出…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.annual_button.toggled.connect(self.month.setDisabled)
        (self.annual_button if annual else self.monthly_button).setChecked(True)
        self.month.setDisabled(annual)
        apply_visual_tab_order(self)

    def period(self) -> ReportPeriod:
        if self.annual_button.isChecked():
            return ReportPeriod.year(self.year.value())
        return ReportPeriod.month(self.year.value(), int(self.month.currentData()))
