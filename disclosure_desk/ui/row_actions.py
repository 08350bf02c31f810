"""One context menu for every list of publications — the start page, the register, an item's
publications and the trash — and one double-click: the editor.

    标记为今天已公开…   (asks the date, today unless changed; and the channels when required ones are missing)
    编辑…
    删除                (in the trash: 恢复 and 彻底删除…)
    ─────
    查看历史…
    复制标题

An information request's row (the start page's 依申请公开 rows, the 依申请公开 tab) gets the same menu
in its own words — 办理…, 删除, 查看历史…, 复制申请内容 — through the same RowActions.

The menu opens with popup(), never exec(): nothing blocks, and tests pick an entry as the officer does.
A right-click selects the row first, as everywhere on Windows; the Menu key opens it at the current row.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.ui.presenters import RegisterRow
from disclosure_desk.ui.texts import tr

_CONTEXT = "RowActions"
# What a list says is behind one of its indexes: a publication's row, an information request, nothing.
RowOf = Callable[[QModelIndex], RegisterRow | ApplicationRecord | None]


class RowAction(Enum):
    MARK_PUBLISHED = "mark_published"
    EDIT = "edit"
    DELETE = "delete"
    RESTORE = "restore"
    PURGE = "purge"
    HISTORY = "history"
    COPY_TITLE = "copy_title"


def publication_menu(
    parent: QWidget, *, published: bool, in_trash: bool = False
) -> tuple[QMenu, dict[RowAction, QAction]]:
    """The menu, with its entries enabled for the row; the caller connects what each entry does."""
    menu = QMenu(parent)
    menu.setObjectName("publicationMenu")
    actions: dict[RowAction, QAction] = {}

    def add(key: RowAction, text: str, enabled: bool = True) -> None:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        actions[key] = action

    if in_trash:
        add(RowAction.RESTORE, tr("恢复", _CONTEXT))
    add(RowAction.MARK_PUBLISHED, tr("标记为今天已公开…", _CONTEXT), not published and not in_trash)
    add(RowAction.EDIT, tr("编辑…", _CONTEXT), not in_trash)
    if in_trash:
        add(RowAction.PURGE, tr("彻底删除…", _CONTEXT))
    else:
        add(RowAction.DELETE, tr("删除", _CONTEXT))
    menu.addSeparator()
    add(RowAction.HISTORY, tr("查看历史…", _CONTEXT))
    add(RowAction.COPY_TITLE, tr("复制标题", _CONTEXT))
    return menu, actions


def application_menu(parent: QWidget) -> tuple[QMenu, dict[RowAction, QAction]]:
    """An information request's menu: what the publications' menu offers, in the request's words."""
    menu = QMenu(parent)
    menu.setObjectName("publicationMenu")  # one menu, one name: tests and styles find it the same way
    actions = {
        RowAction.EDIT: menu.addAction(tr("办理…", _CONTEXT)),
        RowAction.DELETE: menu.addAction(tr("删除", _CONTEXT)),
    }
    menu.addSeparator()
    actions[RowAction.HISTORY] = menu.addAction(tr("查看历史…", _CONTEXT))
    actions[RowAction.COPY_TITLE] = menu.addAction(tr("复制申请内容", _CONTEXT))
    return menu, actions


def copy_title(title: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(title)


def menu_position(view: QAbstractItemView, pos: QPoint) -> tuple[QModelIndex, QPoint]:
    """The row under a right-click, or for the Menu key (no row under the point) the current row."""
    index = view.indexAt(pos)
    if index.isValid():
        return index, pos
    current = view.currentIndex()
    if current.isValid():
        return current, view.visualRect(current).bottomLeft()
    return QModelIndex(), pos


class RowActions(QObject):
    """The register-type lists' share: attach a view, get its rows' requests as signals."""

    markPublishedRequested = Signal(object)  # RegisterRow
    editRequested = Signal(object)  # RegisterRow
    deleteRequested = Signal(object)  # RegisterRow
    historyRequested = Signal(object)  # RegisterRow
    applicationEditRequested = Signal(object)  # ApplicationRecord
    applicationDeleteRequested = Signal(object)  # ApplicationRecord
    applicationHistoryRequested = Signal(object)  # ApplicationRecord
    titleCopied = Signal(str)
    contentCopied = Signal(str)  # an information request's content

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu: QMenu | None = None  # the menu last shown (tests pick from it)

    def attach(self, view: QAbstractItemView, row_of: RowOf) -> None:
        """A context menu on the view's rows; `row_of` gives the row behind an index (a publication's or
        an information request's; None: no menu)."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(partial(self._show, view, row_of))

    def _show(self, view: QAbstractItemView, row_of: RowOf, pos: QPoint) -> None:
        index, at = menu_position(view, pos)
        row = row_of(index) if index.isValid() else None
        if row is None:
            return
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if isinstance(row, ApplicationRecord):
            menu, actions = application_menu(view)
            signals = {
                RowAction.EDIT: self.applicationEditRequested,
                RowAction.DELETE: self.applicationDeleteRequested,
                RowAction.HISTORY: self.applicationHistoryRequested,
            }
            copied, done = row.application.content, self.contentCopied
        else:
            menu, actions = publication_menu(view, published=row.publication.published_on is not None)
            signals = {
                RowAction.MARK_PUBLISHED: self.markPublishedRequested,
                RowAction.EDIT: self.editRequested,
                RowAction.DELETE: self.deleteRequested,
                RowAction.HISTORY: self.historyRequested,
            }
            copied, done = row.publication.title, self.titleCopied
        for key, signal in signals.items():
            actions[key].triggered.connect(partial(signal.emit, row))
        actions[RowAction.COPY_TITLE].triggered.connect(partial(self._copy, copied, done))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu
        menu.popup(view.viewport().mapToGlobal(at))

    @staticmethod
    def _copy(text: str, done: SignalInstance) -> None:
        copy_title(text)
        done.emit(text)
