"""Right of the catalogue tab: the selected item's catalogue fields above, its publications below.

The fields take the height their text needs (never clipped, 公开方式 included); the table takes the rest.
When the window is too short for both, the fields scroll as a whole and the table keeps a few rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.status import StatusGroup
from disclosure_desk.ui.models.publication_table import Column
from disclosure_desk.ui.presenters import ItemInfo, RegisterRow, item_label
from disclosure_desk.ui.texts import group_label
from disclosure_desk.ui.widgets.fit_scroll_area import FitScrollArea
from disclosure_desk.ui.widgets.register_view import RegisterView


def _value_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class ItemDetailPanel(QWidget):
    newRequested = Signal()
    editRequested = Signal(object)  # RegisterRow
    deleteRequested = Signal(object)  # RegisterRow
    ruleRequested = Signal()
    dynamicToggled = Signal(bool)  # the officer marked (or unmarked) the item's column 动态

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item: CatalogueItem | None = None

        self.heading = QLabel(self.tr("请在左侧目录中选择一个公开事项"))
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setObjectName("warningBox")
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)

        self.content = _value_label()
        self.basis = _value_label()
        self.time_limit = _value_label()
        self.rule = _value_label()
        self.publisher = _value_label()
        self.channels = _value_label()
        self.audience = _value_label()
        self.mode = _value_label()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("公开内容："), self.content)
        form.addRow(self.tr("公开依据："), self.basis)
        form.addRow(self.tr("公开时限："), self.time_limit)
        # the officer's way to a hand-set rule, beside the rule it replaces
        self.rule_button = QPushButton(self.tr("设定规则…"))
        self.rule_button.setToolTip(self.tr("为本事项手工设定公开时限规则（不改动目录原文）"))
        self.rule_button.clicked.connect(self.ruleRequested)
        rule_row = QHBoxLayout()
        rule_row.setContentsMargins(0, 0, 0, 0)
        rule_row.addWidget(self.rule, 1)
        rule_row.addWidget(self.rule_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("计算规则："), rule_row)
        # column freshness: how long the column may go without an update, and the 动态 mark that
        # shortens it to two weeks
        self.update_limit = _value_label()
        self.dynamic_box = QCheckBox(self.tr("动态栏目（2周内须有更新）"))
        self.dynamic_box.setToolTip(
            self.tr("工作动态等栏目考核要求2周内有更新；勾选后首页“栏目更新”按2周检查本事项")
        )
        self.dynamic_box.clicked.connect(self.dynamicToggled)
        update_row = QVBoxLayout()
        update_row.setContentsMargins(0, 0, 0, 0)
        update_row.setSpacing(2)
        update_row.addWidget(self.update_limit)
        update_row.addWidget(self.dynamic_box)
        self.update_label = QLabel(self.tr("栏目更新："))
        form.addRow(self.update_label, update_row)
        form.addRow(self.tr("公开主体："), self.publisher)
        form.addRow(self.tr("公开渠道："), self.channels)
        form.addRow(self.tr("公开对象："), self.audience)
        form.addRow(self.tr("公开方式："), self.mode)
        self.form = form

        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(4, 4, 12, 4)
        fields_layout.addWidget(self.heading)
        fields_layout.addWidget(self.notes)
        fields_layout.addLayout(form)
        self._fields = fields
        self.fields_area = FitScrollArea(fields)

        self.new_button = QPushButton(self.tr("新建公开信息…"))
        self.edit_button = QPushButton(self.tr("编辑…"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.count_label = QLabel()
        self.count_label.setObjectName("mutedLabel")
        # the item is known here, and its index numbers and departments are in the full register
        self.table = RegisterView(self, hidden=(Column.ITEM, Column.INDEX, Column.DEPARTMENT))
        self.table.empty_text = lambda: (
            self.tr("本事项还没有登记公开信息。点击“新建公开信息…”登记。") if self._item is not None else ""
        )
        self.new_button.clicked.connect(self.newRequested)
        self.edit_button.clicked.connect(self._emit_edit)
        self.delete_button.clicked.connect(self._emit_delete)
        self.table.rowActivated.connect(self.editRequested)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.proxy.modelReset.connect(self._update_buttons)

        buttons = QHBoxLayout()
        caption = QLabel(self.tr("本事项的公开信息"))
        caption.setObjectName("sectionTitle")
        buttons.addWidget(caption)
        buttons.addWidget(self.count_label)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.table, 1)

        # the table keeps room for a few rows however long the item's texts are
        lower.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 5 + 40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.fields_area, 0)
        layout.addWidget(lower, 1)
        self.set_item(None, None, [])

    @property
    def item(self) -> CatalogueItem | None:
        return self._item

    def set_item(
        self, item: CatalogueItem | None, info: ItemInfo | None, rows: Sequence[RegisterRow]
    ) -> None:
        self._item = item
        if self.form.isRowVisible(0) != (item is not None):
            # no item: the heading says what to do, no column of empty labels
            for row in range(self.form.rowCount()):
                self.form.setRowVisible(row, item is not None)
        self.new_button.setEnabled(item is not None)
        self.rule_button.setVisible(item is not None)
        checked = info is not None and bool(info.update_limit)
        for widget in (self.update_label, self.update_limit, self.dynamic_box):
            widget.setVisible(checked)
        self.dynamic_box.setChecked(info is not None and info.dynamic)
        self.update_limit.setText(info.update_limit if info is not None else "")
        if item is None:
            self.heading.setText(self.tr("请在左侧目录中选择一个公开事项"))
            for label in (
                self.content,
                self.basis,
                self.time_limit,
                self.rule,
                self.publisher,
                self.channels,
                self.audience,
                self.mode,
            ):
                label.clear()
            self.notes.setVisible(False)
            self.set_rows([])
            self.fields_area.content_changed()
            return
        self.heading.setText(item_label(item))
        self.content.setText(item.content)
        self.basis.setText(item.basis)
        self.time_limit.setText(item.time_limit)
        if info is not None:
            rule = info.rule_description
            if info.is_unknown:
                rule = self.tr("未能识别公开时限，应公开日期无法自动计算。")
            self.rule.setText(rule)
        self.publisher.setText(item.publisher)
        self.channels.setText("、".join(item.channels) or self.tr("（目录未勾选）"))
        self.audience.setText("、".join(item.audience))
        self.mode.setText("、".join(item.mode))
        notes = list(info.notes) if info is not None else []
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.set_rows(rows)
        self.fields_area.content_changed()

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.table.set_rows(list(rows))
        open_count = sum(1 for row in rows if row.is_open)
        if rows:
            self.count_label.setText(
                self.tr("共 {0} 条，{1} {2} 条").format(len(rows), group_label(StatusGroup.OPEN), open_count)
            )
        else:
            self.count_label.setText(self.tr("暂无") if self._item is not None else "")
        self._update_buttons()

    def current_row(self) -> RegisterRow | None:
        return self.table.current_row()

    def _update_buttons(self, *_args: object) -> None:
        selected = self.table.current_row() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _emit_edit(self) -> None:
        row = self.table.current_row()
        if row is not None:
            self.editRequested.emit(row)

    def _emit_delete(self) -> None:
        row = self.table.current_row()
        if row is not None:
            self.deleteRequested.emit(row)
