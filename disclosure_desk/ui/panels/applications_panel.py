"""The 依申请公开 tab: the register of information requests with filters and the reply clock.

No personal data here: the list shows number, type, content, dates, status and result. The applicant's
name, ID number and contact appear only in the editor.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.applications import APPLICANT_TYPES, ApplicantType, ApplicationStatus
from disclosure_desk.ui.models.application_table import (
    ApplicationFilter,
    ApplicationFilterProxy,
    ApplicationTableModel,
    Column,
)
from disclosure_desk.ui.models.roles import ROW_ROLE

S = ApplicationStatus
# The status filter's choices: (key, statuses); "open" groups everything still waiting for a reply.
STATUS_CHOICES: dict[str, frozenset[ApplicationStatus]] = {
    "open": frozenset({S.OPEN, S.DUE_SOON, S.OVERDUE}),
    "overdue": frozenset({S.OVERDUE}),
    "due_soon": frozenset({S.DUE_SOON}),
    "replied": frozenset({S.REPLIED_ON_TIME, S.REPLIED_LATE}),
    "replied_late": frozenset({S.REPLIED_LATE}),
    "withdrawn": frozenset({S.WITHDRAWN}),
}

_WIDTHS = {  # in widths of "中" (dates and numbers in average characters)
    Column.NUMBER: 7,
    Column.RECEIVED: 6,
    Column.TYPE: 6,
    Column.CONTENT: 22,
    Column.DUE: 6,
    Column.LEFT: 6,
    Column.STATUS: 9,
    Column.REPLIED: 6,
}


class ApplicationsPanel(QWidget):
    newRequested = Signal()
    editRequested = Signal(object)  # ApplicationRecord
    deleteRequested = Signal(object)  # ApplicationRecord

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), "")
        names = {
            "open": self.tr("未答复（全部）"),
            "overdue": self.tr(S.OVERDUE.label),
            "due_soon": self.tr(S.DUE_SOON.label),
            "replied": self.tr("已答复"),
            "replied_late": self.tr(S.REPLIED_LATE.label),
            "withdrawn": self.tr(S.WITHDRAWN.label),
        }
        for key in STATUS_CHOICES:
            self.status.addItem(names[key], key)
        self.applicant_type = QComboBox(self)
        self.applicant_type.addItem(self.tr("全部申请人类型"), None)
        for kind in APPLICANT_TYPES:
            self.applicant_type.addItem(kind.label, kind)
        self.year = QComboBox(self)
        self.year.addItem(self.tr("全部年份"), None)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("查找申请编号、申请内容、办理结果…"))
        self.text.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("登记申请…"), self)
        self.edit_button = QPushButton(self.tr("办理…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.delete_button.setToolTip(self.tr("把所选申请移到回收站（可在“回收站”中恢复）"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")

        self.source = ApplicationTableModel(self)
        self.proxy = ApplicationFilterProxy(self.source, self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(Column.CONTENT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        wide = self.fontMetrics().horizontalAdvance("中")
        for column, chars in _WIDTHS.items():
            self.table.setColumnWidth(column, wide * chars + 16)
        self.table.setColumnWidth(Column.RESULT, wide * 12)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)

        self.status.currentIndexChanged.connect(self.apply_filter)
        self.applicant_type.currentIndexChanged.connect(self.apply_filter)
        self.year.currentIndexChanged.connect(self.apply_filter)
        self.text.textChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.newRequested)
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        self.table.activated.connect(self._on_activated)
        # Del in the list deletes (to the trash, after asking) as in the publications' lists; only with
        # the focus in the list, so Del in the search box edits the text
        delete_key = QAction(self.tr("删除"), self.table)
        delete_key.setShortcut(QKeySequence.StandardKey.Delete)
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete_key.triggered.connect(self._delete_current)
        self.table.addAction(delete_key)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("状态")))
        bar.addWidget(self.status)
        bar.addSpacing(8)
        bar.addWidget(self.applicant_type)
        bar.addWidget(self.year)
        bar.addSpacing(8)
        bar.addWidget(self.text, 1)
        bar.addSpacing(8)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_buttons()

    # --- contents -----------------------------------------------------------------------------------

    def set_records(self, records: Sequence[ApplicationRecord]) -> None:
        current = self.current_record()
        self.source.set_rows(records)
        self._set_years(sorted({r.application.received_on.year for r in records}, reverse=True))
        if current is not None and current.application.id is not None:
            self.select_application(current.application.id)
        self._update_count()
        self._update_buttons()

    def _set_years(self, years: list[int]) -> None:
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("全部年份"), None)
        for year in years:
            self.year.addItem(self.tr("{0}年").format(year), year)
        self.year.setCurrentIndex(max(self.year.findData(chosen), 0))
        self.year.blockSignals(False)

    def current_filter(self) -> ApplicationFilter:
        key = self.status.currentData()
        return ApplicationFilter(
            statuses=STATUS_CHOICES.get(key) if key else None,
            applicant_type=ApplicantType(self.applicant_type.currentData())
            if self.applicant_type.currentData()
            else None,
            text=self.text.text(),
            year=self.year.currentData(),
        )

    def apply_filter(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self._update_count()
        self._update_buttons()

    def current_record(self) -> ApplicationRecord | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.record_at(index)

    def record_at(self, index: QModelIndex) -> ApplicationRecord | None:
        record = index.data(ROW_ROLE) if index.isValid() else None
        return record if isinstance(record, ApplicationRecord) else None

    def select_application(self, application_id: int) -> bool:
        row = self.source.row_of(application_id)
        index = self.proxy.mapFromSource(self.source.index(row, 0)) if row >= 0 else QModelIndex()
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        return True

    # --- internals ----------------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        record = index.data(ROW_ROLE)
        if isinstance(record, ApplicationRecord):
            self.editRequested.emit(record)

    def _edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.editRequested.emit(record)

    def _delete_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.deleteRequested.emit(record)

    def _update_buttons(self, *_args: object) -> None:
        has = self.current_record() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.source.rowCount()
        waiting = sum(1 for r in self.source.rows if r.clock.status.is_open)
        text = self.tr("共 {0} 件，未答复 {1} 件").format(total, waiting)
        if shown != total:
            text = self.tr("显示 {0} 件，").format(shown) + text
        self.count_label.setText(text)
