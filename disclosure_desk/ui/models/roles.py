"""Custom item data roles shared by models, proxies and views."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)

# The row's value object (RegisterRow, CatalogueItem, YearSchedule…), handed back through any proxy.
ROW_ROLE = _BASE + 1
# A value that sorts right: a date, a number, a string; None sorts last.
SORT_ROLE = _BASE + 2
# Lowercase text a search box matches against.
SEARCH_ROLE = _BASE + 3
# The catalogue item of a tree node (None for process/category nodes).
ITEM_ROLE = _BASE + 4
