"""Tab order that follows what the officer sees: read the layouts, not the order widgets were created in.

Qt's default focus chain is creation order, and re-parenting a widget (wrapping a field with its error
label, say) moves it to the end of the chain: the editor's Tab went 索引号 → 公开链接 → dates → 承办科室.
`apply_visual_tab_order(dialog)` walks the dialog's layouts — boxes in order, forms row by row, grids row
by row and left to right — and sets the chain to that order. Every dialog calls it once, after its layout
is built.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Widgets that take focus as one piece, whatever their children are.
_LEAVES = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def visual_order(root: QWidget) -> list[QWidget]:
    """The focusable widgets under `root`, in reading order of its layouts."""
    found: list[QWidget] = []
    layout = root.layout()
    if layout is not None:
        _walk_layout(layout, found)
    # a form row of one widget is reported under two roles: keep its first place
    return list(dict.fromkeys(found))


def apply_visual_tab_order(root: QWidget) -> list[QWidget]:
    """Set the Tab chain of `root`'s widgets to their visual order; returns that order.

    Tables and lists give Tab back too (no cell-to-cell Tab; the arrow keys move between rows): Tab
    reaches the buttons under a table instead of being trapped in it.
    """
    order = visual_order(root)
    for widget in order:
        if isinstance(widget, QAbstractItemView):
            widget.setTabKeyNavigation(False)
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    return order


def _walk_layout(layout: QLayout, found: list[QWidget]) -> None:
    for item in _items_in_order(layout):
        widget = item.widget()
        if widget is not None:
            _walk_widget(widget, found)
            continue
        child = item.layout()
        if child is not None:
            _walk_layout(child, found)


def _items_in_order(layout: QLayout) -> list[QLayoutItem]:
    if isinstance(layout, QStackedLayout):
        return [i for i in (layout.itemAt(n) for n in range(layout.count())) if i is not None]
    if isinstance(layout, QFormLayout):
        items: list[QLayoutItem] = []
        for row in range(layout.rowCount()):
            for role in (
                QFormLayout.ItemRole.LabelRole,
                QFormLayout.ItemRole.FieldRole,
                QFormLayout.ItemRole.SpanningRole,
            ):
                item = layout.itemAt(row, role)
                if item is not None:
                    items.append(item)
        return items
    indexed = [(i, layout.itemAt(i)) for i in range(layout.count())]
    present = [(i, item) for i, item in indexed if item is not None]
    if isinstance(layout, QGridLayout):
        grid = layout
        present.sort(key=lambda pair: _grid_cell(grid, pair[0]))
    return [item for _, item in present]


def _grid_cell(grid: QGridLayout, index: int) -> tuple[int, int]:
    position: Any = grid.getItemPosition(index)  # (row, column, row span, column span)
    return int(position[0]), int(position[1])


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _walk_widget(widget: QWidget, found: list[QWidget]) -> None:
    proxy: QWidget | None = widget.focusProxy()
    if proxy is not None:
        deeper = proxy.focusProxy()
        while deeper is not None:
            proxy, deeper = deeper, deeper.focusProxy()
        if _takes_tab(proxy):
            # Tab landing on the frame is sent on to its proxy: keep the two side by side in the chain
            found += [widget, proxy] if widget.isAncestorOf(proxy) else [proxy]
        return
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        inner = widget.widget()
        if inner is not None:
            _walk_widget(inner, found)
        return
    if isinstance(widget, QSplitter):
        for index in range(widget.count()):
            child = widget.widget(index)
            if child is not None:
                _walk_widget(child, found)
        return
    if isinstance(widget, _LEAVES):
        if _takes_tab(widget):
            found.append(widget)
        return
    layout = widget.layout()
    if layout is not None:
        _walk_layout(layout, found)
    elif _takes_tab(widget):
        found.append(widget)
