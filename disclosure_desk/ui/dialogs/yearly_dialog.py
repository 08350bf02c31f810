"""设为年度事项: mark a catalogue item as due by a month and day every year (the budget and final
accounts, 三公经费, the yearly plan and summary…), or clear the mark.

Items in, (item id, (month, day) | None) out through `submitted`; the caller saves through the store.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.ui.dashboard_presenter import item_brief, item_tooltip
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.window_geometry import RemembersSize

_LEAP_YEAR = 2024  # so that 2月29日 can be chosen; the domain moves it to 2月28日 in common years


class YearlyDialog(RemembersSize, QDialog):
    size_key = "yearly"

    submitted = Signal(int, object)  # item id, (month, day) or None to clear

    def __init__(
        self, items: Sequence[CatalogueItem], current_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设为年度事项"))
        self.setMinimumWidth(520)
        self._items = [i for i in items if i.id is not None]

        self.item_box = QComboBox(self)
        for item in self._items:
            self.item_box.addItem(item_brief(item), item.id)
            self.item_box.setItemData(
                self.item_box.count() - 1, item_tooltip(item), Qt.ItemDataRole.ToolTipRole
            )
        self.yearly = QCheckBox(self.tr("每年须在以下日期前公开"), self)
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.month.setSuffix(self.tr(" 月"))
        self.day = QSpinBox(self)
        self.day.setRange(1, 31)
        self.day.setSuffix(self.tr(" 日"))
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        date_row.addWidget(self.month)
        date_row.addWidget(self.day)
        date_row.addStretch(1)
        date_box = QWidget(self)
        date_box.setLayout(date_row)
        hint = QLabel(
            self.tr(
                "例如：部门预决算及“三公”经费在批复后公开、年度工作计划和总结、新闻发布安排。"
                "首页会列出本年尚未完成的年度事项及其截止日期。"
            ),
            self,
        )
        hint.setObjectName("mutedLabel")
        hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("公开事项"), self.item_box)
        form.addRow("", self.yearly)
        form.addRow(self.tr("截止日期"), date_box)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.item_box.currentIndexChanged.connect(self._show_item)
        self.yearly.toggled.connect(self._update_enabled)
        self.month.valueChanged.connect(self._fit_day)
        index = self.item_box.findData(current_id) if current_id is not None else -1
        self.item_box.setCurrentIndex(max(index, 0))
        self._show_item()
        apply_visual_tab_order(self)

    def current_item(self) -> CatalogueItem | None:
        index = self.item_box.currentIndex()
        return self._items[index] if 0 <= index < len(self._items) else None

    def _show_item(self, *_args: object) -> None:
        item = self.current_item()
        due = item.yearly_due if item is not None else None
        self.yearly.setChecked(due is not None)
        if due is not None:
            self.month.setValue(due.month)
            self._fit_day()
            self.day.setValue(due.day)
        self._update_enabled()

    def _update_enabled(self, *_args: object) -> None:
        self.month.setEnabled(self.yearly.isChecked())
        self.day.setEnabled(self.yearly.isChecked())

    def _fit_day(self, *_args: object) -> None:
        self.day.setMaximum(calendar.monthrange(_LEAP_YEAR, self.month.value())[1])

    def value(self) -> tuple[int, int] | None:
        return (self.month.value(), self.day.value()) if self.yearly.isChecked() else None

    def submit(self) -> None:
        item = self.current_item()
        if item is not None and item.id is not None:
            self.submitted.emit(item.id, self.value())
        self.accept()
