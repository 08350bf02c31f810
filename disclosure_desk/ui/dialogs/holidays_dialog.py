"""The holiday schedules the calendar uses: the years, one year's days, add/correct/import.

The dialog asks (signals); the caller saves through the store and gives the new list back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.ui.dialogs.holiday_year_dialog import HolidayYearDialog
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.models.holiday_models import HolidayDaysModel, HolidayYearsModel
from disclosure_desk.ui.models.roles import ROW_ROLE, SORT_ROLE
from disclosure_desk.ui.window_geometry import RemembersSize


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


class HolidaysDialog(RemembersSize, QDialog):
    size_key = "holidays"

    saveRequested = Signal(object)  # YearSchedule
    importRequested = Signal(str)  # file path

    def __init__(
        self, schedules: Sequence[YearSchedule], *, default_year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._default_year = default_year
        self.setWindowTitle(self.tr("节假日安排"))
        self.resize(980, 600)
        self.years_model = HolidayYearsModel(self)
        years_proxy = QSortFilterProxyModel(self)
        years_proxy.setSourceModel(self.years_model)
        years_proxy.setSortRole(SORT_ROLE)
        self.years_view = _table(self)
        self.years_view.setObjectName("yearsTable")
        self.years_view.setModel(years_proxy)
        self.years_view.setSortingEnabled(True)
        self.years_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.years_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.days_model = HolidayDaysModel(self)
        self.days_view = _table(self)
        self.days_view.setObjectName("daysTable")
        self.days_view.setModel(self.days_model)

        intro = QLabel(
            self.tr(
                "计算工作日时使用的法定节假日和调休上班安排。国务院办公厅每年公布下一年的安排后，"
                "请在这里新增或导入；修改后所有应公开日期会立即重新计算。"
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setObjectName("mutedLabel")
        self.message = QLabel(self)
        self.message.setObjectName("infoBox")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.add_button = QPushButton(self.tr("新增年份…"), self)
        self.edit_button = QPushButton(self.tr("修改所选年份…"), self)
        self.import_button = QPushButton(self.tr("从文件导入…"), self)
        close_button = QPushButton(self.tr("关闭"), self)
        self.add_button.clicked.connect(self.add_year)
        self.edit_button.clicked.connect(self.edit_year)
        self.import_button.clicked.connect(self.choose_file)
        close_button.clicked.connect(self.accept)
        self.years_view.selectionModel().selectionChanged.connect(self._on_year_selected)
        self.years_view.activated.connect(lambda _index: self.edit_year())

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.years_view)
        splitter.addWidget(self.days_view)
        splitter.setSizes([560, 400])
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.set_schedules(schedules)
        apply_visual_tab_order(self)

    def set_schedules(self, schedules: Sequence[YearSchedule], select_year: int | None = None) -> None:
        self.years_model.set_schedules(schedules)
        model = self.years_view.model()
        target = 0
        for row in range(model.rowCount()):
            schedule = model.index(row, 0).data(ROW_ROLE)
            if select_year is not None and schedule.year == select_year:
                target = row
        if model.rowCount():
            self.years_view.selectRow(target)
        else:
            self.days_model.set_schedule(None)
        self._update_buttons()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def current_schedule(self) -> YearSchedule | None:
        rows = self.years_view.selectionModel().selectedRows()
        value = rows[0].data(ROW_ROLE) if rows else None
        return value if isinstance(value, YearSchedule) else None

    def add_year(self) -> None:
        known = {s.year for s in self.years_model.schedules}
        year = self._default_year
        while year in known:
            year += 1
        self._edit(None, year)

    def edit_year(self) -> None:
        schedule = self.current_schedule()
        if schedule is not None:
            self._edit(schedule, schedule.year)

    def _edit(self, schedule: YearSchedule | None, year: int) -> None:
        dialog = HolidayYearDialog(schedule, default_year=year, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            result = dialog.result_schedule()
            if result is not None:
                self.saveRequested.emit(result)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("导入节假日安排"), "", self.tr("节假日安排文件 (*.json *.txt);;所有文件 (*)")
        )
        if path:
            self.importRequested.emit(path)

    def _on_year_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.days_model.set_schedule(self.current_schedule())
        self.days_view.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_schedule() is not None)
