"""The trash (回收站): deleted publications and applications, to restore or to delete for good. The
caller saves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPoint, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.publication import Publication
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.models.roles import ROW_ROLE
from disclosure_desk.ui.models.sort_proxy import ValueSortProxy
from disclosure_desk.ui.models.trash_model import TrashModel
from disclosure_desk.ui.row_actions import RowAction, copy_title, menu_position, publication_menu
from disclosure_desk.ui.widgets.empty_hint import EmptyHint
from disclosure_desk.ui.window_geometry import RemembersSize


class TrashDialog(RemembersSize, QDialog):
    size_key = "trash"

    restoreRequested = Signal(object)  # Publication
    purgeRequested = Signal(object)  # Publication
    historyRequested = Signal(object)  # Publication
    titleCopied = Signal(str)
    restoreApplicationRequested = Signal(object)  # Application
    purgeApplicationRequested = Signal(object)  # Application

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回收站"))
        self.resize(820, 460)
        self.model = TrashModel(self)
        proxy = ValueSortProxy(self)  # deletion times sort as times
        proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("trashTable")
        self.view.setModel(proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 260)
        header.resizeSection(2, 150)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.hint = QLabel(
            self.tr("删除的公开信息和依申请公开申请保存在这里，可以恢复；彻底删除后无法恢复。"), self
        )
        self.hint.setObjectName("mutedLabel")
        self.restore_button = QPushButton(self.tr("恢复"), self)
        self.purge_button = QPushButton(self.tr("彻底删除…"), self)
        close_button = QPushButton(self.tr("关闭"), self)
        self.restore_button.clicked.connect(
            lambda: self._emit(self.restoreRequested, self.restoreApplicationRequested)
        )
        self.purge_button.clicked.connect(
            lambda: self._emit(self.purgeRequested, self.purgeApplicationRequested)
        )
        close_button.clicked.connect(self.accept)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        # the lists' one context menu (row_actions), with 恢复 and 彻底删除…; a double-click shows what
        # the record went through, as Explorer's recycle bin opens a deleted file's properties
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.doubleClicked.connect(lambda _index: self._emit(self.historyRequested))
        self.menu: QMenu | None = None
        self.empty_hint = EmptyHint(
            self.view, lambda: self.tr("回收站是空的。\n删除的公开信息会放在这里，可以恢复。")
        )
        self.model.modelReset.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        apply_visual_tab_order(self)

    def set_publications(
        self,
        publications: Sequence[Publication],
        items: Mapping[int, CatalogueItem],
        applications: Sequence[Application] = (),
    ) -> None:
        self.model.set_publications(publications, items, applications)

    def _current(self) -> object:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def current_publication(self) -> Publication | None:
        value = self._current()
        return value if isinstance(value, Publication) else None

    def current_application(self) -> Application | None:
        value = self._current()
        return value if isinstance(value, Application) else None

    def select_first(self) -> None:
        if self.view.model().rowCount() > 0:
            self.view.selectRow(0)

    def _show_menu(self, pos: QPoint) -> None:
        index, at = menu_position(self.view, pos)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        publication = self.current_publication()
        if publication is None:
            self._show_application_menu(at)
            return
        menu, actions = publication_menu(
            self.view, published=publication.published_on is not None, in_trash=True
        )
        actions[RowAction.RESTORE].triggered.connect(lambda: self._emit(self.restoreRequested))
        actions[RowAction.PURGE].triggered.connect(lambda: self._emit(self.purgeRequested))
        actions[RowAction.HISTORY].triggered.connect(lambda: self._emit(self.historyRequested))
        actions[RowAction.COPY_TITLE].triggered.connect(lambda: self._copy(publication.title))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(at))

    def _show_application_menu(self, at: QPoint) -> None:
        """An application's row: 恢复 and 彻底删除… (its history and personal data are the editor's)."""
        if self.current_application() is None:
            return
        menu = QMenu(self.view)
        menu.setObjectName("applicationTrashMenu")
        menu.addAction(self.tr("恢复")).triggered.connect(
            lambda: self._emit(self.restoreRequested, self.restoreApplicationRequested)
        )
        menu.addAction(self.tr("彻底删除…")).triggered.connect(
            lambda: self._emit(self.purgeRequested, self.purgeApplicationRequested)
        )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(at))

    def _copy(self, title: str) -> None:
        copy_title(title)
        self.titleCopied.emit(title)

    def _emit(self, signal: SignalInstance, for_application: SignalInstance | None = None) -> None:
        """The publication selected to `signal`; an application selected to `for_application`."""
        publication = self.current_publication()
        if publication is not None:
            signal.emit(publication)
        application = self.current_application()
        if application is not None and for_application is not None:
            for_application.emit(application)

    def _update_buttons(self, *_args: object) -> None:
        selected = self._current() is not None
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
