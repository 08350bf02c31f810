"""The active catalogue as a tree: 过程 → 一级目录 → 二级目录 → 公开事项, empty levels skipped.

Column 0 names the node, column 1 counts its open work (unpublished publications beneath it). A node is
coloured by its worst open state. Open work changes with every save; it is updated with dataChanged so
the view keeps its expansion and selection.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.status import Status, StatusGroup
from disclosure_desk.ui.models.roles import ITEM_ROLE, ROW_ROLE, SEARCH_ROLE, SORT_ROLE
from disclosure_desk.ui.presenters import OpenWork
from disclosure_desk.ui.texts import STATUS_DOT, STATUS_FOREGROUND, group_label, status_label, tr

AnyIndex = QModelIndex | QPersistentModelIndex
# The view elides to its width; this only keeps tooltips and search apart from absurdly long labels.
LEAF_TEXT_LIMIT = 60


class TreeColumn(IntEnum):
    NAME = 0
    OPEN = 1


class NodeKind(IntEnum):
    PROCESS = 0
    CATEGORY = 1
    SUBCATEGORY = 2
    ITEM = 3


class Node:
    __slots__ = ("children", "item", "kind", "label", "parent", "row", "search", "work")

    def __init__(
        self, kind: NodeKind, label: str, parent: Node | None, item: CatalogueItem | None = None
    ) -> None:
        self.kind = kind
        self.label = label
        self.parent = parent
        self.item = item
        self.children: list[Node] = []
        self.row = len(parent.children) if parent is not None else 0
        self.work = OpenWork()
        if item is not None:
            self.search = "\n".join((label, item.content, item.basis, item.time_limit, *item.path)).lower()
        else:
            self.search = label.lower()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


def _leaf_label(item: CatalogueItem) -> str:
    """ "1. 本部门印发的规范性文件，本部门印发…": the number and the start of the content."""
    content = " ".join(item.content.split())
    if len(content) > LEAF_TEXT_LIMIT:
        content = content[:LEAF_TEXT_LIMIT] + "…"
    return f"{item.number}. {content or item.subcategory or item.category}"


def build_tree(items: Sequence[CatalogueItem]) -> Node:
    root = Node(NodeKind.PROCESS, "", None)
    for item in items:
        parent = root
        levels = (
            (NodeKind.PROCESS, item.process),
            (NodeKind.CATEGORY, item.category),
            (NodeKind.SUBCATEGORY, item.subcategory),
        )
        for kind, label in levels:
            if not label:
                continue
            found = next((c for c in parent.children if c.item is None and c.label == label), None)
            if found is None:
                found = Node(kind, label, parent)
                parent.children.append(found)
            parent = found
        parent.children.append(Node(NodeKind.ITEM, _leaf_label(item), parent, item))
    return root


def _dot(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class CatalogueTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node(NodeKind.PROCESS, "", None)
        self._icons: dict[Status, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(self, items: Sequence[CatalogueItem]) -> None:
        self.beginResetModel()
        self._root = build_tree(items)
        self.endResetModel()

    def set_open_work(self, work: Mapping[int, OpenWork]) -> None:
        """Counts and worst states per item id; parents sum their children."""
        self._aggregate(self._root, work)
        self._emit_changed(self._root)

    def _aggregate(self, node: Node, work: Mapping[int, OpenWork]) -> OpenWork:
        if node.item is not None:
            node.work = work.get(node.item.id or -1, OpenWork())
            return node.work
        total = OpenWork()
        for child in node.children:
            total = total.merged(self._aggregate(child, work))
        node.work = total
        return total

    def _emit_changed(self, node: Node) -> None:
        if node.children:
            parent = QModelIndex() if node is self._root else self.createIndex(node.row, 0, node)
            last = len(node.children) - 1
            self.dataChanged.emit(self.index(0, 0, parent), self.index(last, len(TreeColumn) - 1, parent))
            for child in node.children:
                self._emit_changed(child)

    def index_of_item(self, item_id: int) -> QModelIndex:
        for node in self._root.walk():
            if node.item is not None and node.item.id == item_id:
                return self.createIndex(node.row, 0, node)
        return QModelIndex()

    # --- QAbstractItemModel -------------------------------------------------------------------------

    def _node(self, index: AnyIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(TreeColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == TreeColumn.NAME:
            return tr("主动公开基本目录", "CatalogueTree")
        if section == TreeColumn.OPEN:
            return group_label(StatusGroup.OPEN)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TreeColumn.NAME:
                return node.label
            return str(node.work.count) if node.work.count else ""
        if role in (ITEM_ROLE, ROW_ROLE):
            return node.item
        if role == SEARCH_ROLE:
            return node.search
        if role == SORT_ROLE:
            return node.item.number if node.item is not None else node.row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == TreeColumn.NAME
            and node.work.worst in (Status.OVERDUE, Status.DUE_SOON)
        ):
            return self._icon(node.work.worst)
        if role == Qt.ItemDataRole.ForegroundRole and node.work.worst is not None:
            return STATUS_FOREGROUND.get(node.work.worst)
        if role == Qt.ItemDataRole.FontRole and column == TreeColumn.OPEN and node.work.count:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == TreeColumn.OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, node: Node) -> str:
        text = node.item.content if node.item is not None else node.label
        if node.work.count:
            worst = node.work.worst
            state = (
                tr("其中有{0}的信息", "CatalogueTree").format(status_label(worst))
                if worst in (Status.OVERDUE, Status.DUE_SOON)
                else ""
            )
            summary = tr("{0} {1} 条", "CatalogueTree").format(group_label(StatusGroup.OPEN), node.work.count)
            text = f"{text}\n{summary}" + (f"，{state}" if state else "")
        return text

    def _icon(self, status: Status) -> QIcon:
        if status not in self._icons:
            self._icons[status] = _dot(STATUS_DOT[status])
        return self._icons[status]
