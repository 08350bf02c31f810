"""The all-publications tab: a filter bar over the whole register."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from disclosure_desk.domain.selection import DateField
from disclosure_desk.domain.status import StatusGroup
from disclosure_desk.ui.presenters import RegisterRow
from disclosure_desk.ui.register_filter import STATUS_GROUPS, RegisterFilter, status_choice
from disclosure_desk.ui.texts import group_label, status_label
from disclosure_desk.ui.widgets.date_field import DateField as DateInput
from disclosure_desk.ui.widgets.register_view import RegisterView

# Typing pauses this long before the table re-filters: one filter per word, not per keystroke.
TEXT_DEBOUNCE_MS = 200


class PublicationsPanel(QWidget):
    editRequested = Signal(object)  # RegisterRow

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("全部状态"), "")
        for key in STATUS_GROUPS:
            choice = status_choice(key)
            label = group_label(choice) if isinstance(choice, StatusGroup) else status_label(choice)
            self.status.addItem(label, key)
        self.process = QComboBox(self)
        self.date_field = QComboBox(self)
        self.date_field.addItem(self.tr("应公开日期"), DateField.DUE.value)
        self.date_field.addItem(self.tr("形成日期"), DateField.FORMED.value)
        self.date_field.addItem(self.tr("公开日期"), DateField.PUBLISHED.value)
        self.date_from = DateInput(self, clock=clock)
        self.date_to = DateInput(self, clock=clock)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("查找标题、文号、索引号、责任人…"))
        self.text.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("清除筛选"), self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        self.table = RegisterView(self)
        self.set_processes([])

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.status, self.process, self.date_field):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filter)
        self.table.rowActivated.connect(self.editRequested)
        self.table.proxy.rowsInserted.connect(self._update_count)
        self.table.proxy.rowsRemoved.connect(self._update_count)
        self.table.proxy.modelReset.connect(self._update_count)
        self.table.proxy.layoutChanged.connect(self._update_count)

        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("状态")))
        first.addWidget(self.status)
        first.addSpacing(8)
        first.addWidget(QLabel(self.tr("过程")))
        first.addWidget(self.process)
        first.addSpacing(8)
        first.addWidget(self.date_field)
        first.addWidget(QLabel(self.tr("从")))
        first.addWidget(self.date_from)
        first.addWidget(QLabel(self.tr("至")))
        first.addWidget(self.date_to)
        first.addSpacing(8)
        first.addWidget(self.text, 1)
        first.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def set_processes(self, processes: Sequence[str]) -> None:
        current = self.process.currentData()
        self.process.blockSignals(True)
        self.process.clear()
        self.process.addItem(self.tr("全部过程"), "")
        for name in processes:
            self.process.addItem(name, name)
        index = self.process.findData(current)
        self.process.setCurrentIndex(max(index, 0))
        self.process.blockSignals(False)

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.table.set_rows(rows)
        self._update_count()

    def current_filter(self) -> RegisterFilter:
        status_key = self.status.currentData()
        return RegisterFilter(
            statuses=STATUS_GROUPS.get(status_key) if status_key else None,
            process=self.process.currentData() or "",
            date_field=DateField(self.date_field.currentData()),
            date_from=self.date_from.date(),
            date_to=self.date_to.date(),
            text=self.text.text(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.table.proxy.set_filter(self.current_filter())
        self._update_count()

    def clear_filter(self) -> None:
        self.show_filtered()

    def show_filtered(
        self,
        status_key: str = "",
        date_field: DateField = DateField.DUE,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> None:
        """Set the filter bar (so it shows what is applied) and apply it once; the rest is cleared."""
        widgets = (self.status, self.process, self.date_field, self.date_from, self.date_to, self.text)
        for widget in widgets:
            widget.blockSignals(True)
        self.status.setCurrentIndex(max(self.status.findData(status_key), 0))
        self.process.setCurrentIndex(0)
        self.date_field.setCurrentIndex(max(self.date_field.findData(date_field.value), 0))
        self.date_from.set_date(date_from)
        self.date_to.set_date(date_to)
        self.text.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filter()

    def focus_search(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def current_row(self) -> RegisterRow | None:
        return self.table.current_row()

    def _update_count(self, *_args: object) -> None:
        shown = self.table.proxy.rowCount()
        total = self.table.source.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("共 {0} 条").format(total))
        else:
            self.count_label.setText(self.tr("显示 {0} 条，共 {1} 条").format(shown, total))
