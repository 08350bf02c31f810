"""A proxy that sorts by the Python values models give for SORT_ROLE.

QSortFilterProxyModel compares a Python date or datetime handed back from a Python model as an opaque
object (PySide6 6.12 wraps it, and the order then follows memory addresses), so a list "sorted by date"
comes out in no order at all. This proxy compares the values themselves, empty ones last.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from disclosure_desk.ui.models.roles import SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class ValueSortProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        # empty values last in ascending order; real dates and numbers, never display strings
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if a is None or b is None:
            return a is not None
        return bool(a < b)
