"""目录版本: every catalogue version imported, and the items of the one selected — to look at, not edit.

A record kept on an item of a replaced catalogue shows "（旧版目录 第N版）"; this is where the officer sees
what version N said. The dialog is given the versions and their items; it never reads the database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.store.catalogue_versions import CatalogueVersion
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.models.catalogue_versions_model import VersionItemsModel, VersionsModel
from disclosure_desk.ui.window_geometry import RemembersSize


def _table(model: VersionsModel | VersionItemsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class CatalogueVersionsDialog(RemembersSize, QDialog):
    size_key = "catalogue_versions"

    def __init__(
        self,
        versions: Sequence[CatalogueVersion],
        catalogues: Mapping[int, Catalogue],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("目录版本"))
        self.resize(1000, 600)
        self._catalogues = catalogues
        heading = QLabel(
            self.tr(
                "每次导入目录都保存为一个新版本，旧版本不会删除。留在旧版本事项上的公开信息显示为"
                "“（旧版目录 第N版）”。选择一个版本查看其事项。"
            )
        )
        heading.setWordWrap(True)
        self.versions = VersionsModel(versions, self)
        self.items = VersionItemsModel((), self)
        self.versions_table = _table(self.versions)
        self.items_table = _table(self.items)
        self.versions_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.versions_table.horizontalHeader().setStretchLastSection(True)
        self.items_table.setWordWrap(True)
        header = self.items_table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(4):  # 序号, 过程, 一级, 二级: as wide as their text
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the content reads best wide
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 240)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.versions_table)
        splitter.addWidget(self.items_table)
        splitter.setSizes([160, 440])
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        self.versions_table.selectionModel().selectionChanged.connect(self._version_selected)
        if versions:  # the current version first
            current = next((n for n, v in enumerate(versions) if v.active), len(versions) - 1)
            self.versions_table.selectRow(current)
        apply_visual_tab_order(self)

    def _version_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        if not rows:
            return
        version = self.versions.row_at(min(rows))
        catalogue = self._catalogues.get(version.number)
        self.items.set_rows(catalogue.items if catalogue is not None else ())
        self.items_table.resizeRowsToContents()
