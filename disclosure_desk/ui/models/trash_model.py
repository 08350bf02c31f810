"""The trash (回收站): deleted publications and deleted applications, newest deletion first.

An application's row is its content and number ("依申请公开 2026-003"), never the applicant.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.publication import Publication
from disclosure_desk.ui.application_texts import application_place
from disclosure_desk.ui.models.roles import ROW_ROLE, SORT_ROLE
from disclosure_desk.ui.presenters import item_label
from disclosure_desk.ui.texts import format_datetime, tr

AnyIndex = QModelIndex | QPersistentModelIndex
Deleted = Publication | Application  # what a row of the trash holds


class TrashModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Deleted, str, str]] = []  # the value, its title, where it belongs

    def set_publications(
        self,
        publications: Sequence[Publication],
        items: Mapping[int, CatalogueItem],
        applications: Sequence[Application] = (),
    ) -> None:
        """Deleted publications (placed by their catalogue item) and deleted applications."""
        self.beginResetModel()
        rows: list[tuple[Deleted, str, str]] = [
            (p, p.title, item_label(items[p.item_id]) if p.item_id in items else "") for p in publications
        ]
        rows += [(a, a.content, application_place(a)) for a in applications]
        self._rows = sorted(rows, key=lambda row: row[0].deleted_at or datetime.min, reverse=True)
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
        titles = (tr("标题 / 申请内容", "Trash"), tr("公开事项 / 申请编号", "Trash"), tr("删除时间", "Trash"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value, title, place = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (title, place, format_datetime(value.deleted_at))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return title or None
        if role == SORT_ROLE:
            return (title, place, value.deleted_at)[column]
        if role == ROW_ROLE:
            return value
        return None
