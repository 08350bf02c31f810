"""Tables for the catalogue-versions dialog: the versions imported, and the items of one of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.store.catalogue_versions import CatalogueVersion

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("CatalogueVersionsModel", text)


class _ReadOnlyTable(QAbstractTableModel, Generic[Row]):
    """A read-only table of plain rows: one header and one value function per column."""

    columns: tuple[tuple[str, Callable[[Any], object]], ...] = ()

    def __init__(self, rows: Sequence[Row] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.columns[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        value = self.columns[index.column()][1](self._rows[index.row()])
        return "" if value is None else str(value)


class VersionsModel(_ReadOnlyTable[CatalogueVersion]):
    columns = (
        ("版本", lambda v: f"第{v.number}版" + (_tr("（当前）") if v.active else _tr("（旧版）"))),
        ("版本说明", lambda v: v.label),
        ("目录名称", lambda v: v.title),
        ("事项", lambda v: v.items),
        ("公开信息", lambda v: v.publications),
        ("导入时间", lambda v: f"{v.imported_at:%Y-%m-%d %H:%M}"),
        ("来源", lambda v: v.source),
    )


class VersionItemsModel(_ReadOnlyTable[CatalogueItem]):
    columns = (
        ("序号", lambda i: i.number),
        ("过程", lambda i: i.process),
        ("一级目录", lambda i: i.category),
        ("二级目录", lambda i: i.subcategory),
        ("公开内容", lambda i: i.content),
        ("公开时限", lambda i: i.time_limit),
    )
