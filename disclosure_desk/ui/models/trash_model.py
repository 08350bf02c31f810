"""The trash (回收站): deleted publications, newest deletion first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.publication import Publication
from disclosure_desk.ui.models.roles import ROW_ROLE, SORT_ROLE
from disclosure_desk.ui.presenters import item_label
from disclosure_desk.ui.texts import format_datetime, tr

AnyIndex = QModelIndex | QPersistentModelIndex


class TrashModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Publication, str]] = []

    def set_publications(
        self, publications: Sequence[Publication], items: Mapping[int, CatalogueItem]
    ) -> None:
        self.beginResetModel()
        ordered = sorted(publications, key=lambda p: p.deleted_at or datetime.min, reverse=True)
        self._rows = [(p, item_label(items[p.item_id]) if p.item_id in items else "") for p in ordered]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (tr("标题", "Trash"), tr("公开事项", "Trash"), tr("删除时间", "Trash"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        publication, label = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (publication.title, label, format_datetime(publication.deleted_at))[column]
        if role == SORT_ROLE:
            return (publication.title, label, publication.deleted_at)[column]
        if role == ROW_ROLE:
            return publication
        return None
