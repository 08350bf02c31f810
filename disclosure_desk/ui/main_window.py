"""The main window: menus, tool bar, tabs (首页 first), status bar. It holds no business rules: it shows
what the controller gives it and says, through signals, what the officer asked for."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.ui.panels.applications_panel import ApplicationsPanel
from disclosure_desk.ui.panels.catalogue_panel import CataloguePanel
from disclosure_desk.ui.panels.dashboard_panel import DashboardPanel
from disclosure_desk.ui.panels.item_detail_panel import ItemDetailPanel
from disclosure_desk.ui.panels.publications_panel import PublicationsPanel
from disclosure_desk.ui.persistence import UiState
from disclosure_desk.ui.presenters import ItemInfo, RegisterRow, open_work_by_item, rows_by_item
from disclosure_desk.ui.row_actions import RowActions
from disclosure_desk.ui.window_geometry import guard_on_screen, restore_main_window

STATUS_MESSAGE_MS = 8000
DASHBOARD_TAB = 0
CATALOGUE_TAB = 1
ALL_TAB = 2
APPLICATIONS_TAB = 3


class MainWindow(QMainWindow):
    newRequested = Signal(object)  # CatalogueItem, picked in the catalogue tree
    chooseItemRequested = Signal(object)  # CatalogueItem to preselect, or None: 新建 asks which item
    editRequested = Signal(object)  # RegisterRow
    deleteRequested = Signal(object)  # RegisterRow
    trashRequested = Signal()
    settingsRequested = Signal()
    holidaysRequested = Signal()
    statutoryRequested = Signal()  # 工具 → 年度报告…
    aboutRequested = Signal()
    reportRequested = Signal(bool)  # annual?
    backupRequested = Signal()
    restoreRequested = Signal()
    openDataFolderRequested = Signal()
    historyRequested = Signal(object)  # RegisterRow
    # an information request's row, on the start page or the 依申请公开 tab
    applicationEditRequested = Signal(object)  # ApplicationRecord
    applicationDeleteRequested = Signal(object)  # ApplicationRecord
    applicationHistoryRequested = Signal(object)  # ApplicationRecord
    ruleRequested = Signal(object)  # CatalogueItem
    dynamicRequested = Signal(object, bool)  # CatalogueItem, marked 动态?
    importCatalogueRequested = Signal()
    exportCatalogueRequested = Signal()
    catalogueVersionsRequested = Signal()

    def __init__(self, ui_state: UiState, *, clock: Callable[[], date], title: str) -> None:
        super().__init__()
        self._ui_state = ui_state
        self._infos: Mapping[int, ItemInfo] = {}
        self._by_item: dict[int, list[RegisterRow]] = {}
        self._by_id: dict[int, RegisterRow] = {}
        self.setObjectName("mainWindow")
        self.setWindowTitle(title)

        self.catalogue_panel = CataloguePanel(self)
        self.detail_panel = ItemDetailPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.catalogue_panel)
        self.splitter.addWidget(self.detail_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([380, 900])
        self.publications_panel = PublicationsPanel(self, clock=clock)
        self.dashboard_panel = DashboardPanel(self)
        self.applications_panel = ApplicationsPanel(self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # Tab stays within the page shown (filter bar → table → filter bar); Ctrl+Tab changes pages
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.dashboard_panel, self.tr("首页"))
        self.tabs.addTab(self.splitter, self.tr("按目录"))
        self.tabs.addTab(self.publications_panel, self.tr("全部公开信息"))
        self.tabs.addTab(self.applications_panel, self.tr("依申请公开"))
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(8, 6, 8, 4)
        central_layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        self.today_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.today_label)
        self._build_actions()
        self._build_menus()

        self.catalogue_panel.itemSelected.connect(self._on_item_selected)
        self.detail_panel.newRequested.connect(self.request_new)
        self.detail_panel.editRequested.connect(self.editRequested)
        self.detail_panel.deleteRequested.connect(self.deleteRequested)
        self.detail_panel.ruleRequested.connect(self.request_rule)
        self.detail_panel.dynamicToggled.connect(self._request_dynamic)
        self.publications_panel.editRequested.connect(self.editRequested)
        self.tabs.currentChanged.connect(self._update_actions)
        for view in (
            self.detail_panel.table,
            self.publications_panel.table,
            self.dashboard_panel.open_view,
            self.applications_panel.table,
        ):
            view.selectionModel().selectionChanged.connect(self._update_actions)
        # one context menu on every list of publications and information requests (row_actions)
        self.row_actions = RowActions(self)
        self.row_actions.attach(self.detail_panel.table, self.detail_panel.table.row_at)
        self.row_actions.attach(self.publications_panel.table, self.publications_panel.table.row_at)
        self.row_actions.attach(self.dashboard_panel.open_view, self._dashboard_row)
        self.row_actions.attach(self.applications_panel.table, self.applications_panel.record_at)
        self.row_actions.editRequested.connect(self.editRequested)
        self.row_actions.deleteRequested.connect(self.deleteRequested)
        self.row_actions.historyRequested.connect(self.historyRequested)
        self.row_actions.applicationEditRequested.connect(self.applicationEditRequested)
        self.row_actions.applicationDeleteRequested.connect(self.applicationDeleteRequested)
        self.row_actions.applicationHistoryRequested.connect(self.applicationHistoryRequested)
        self.row_actions.titleCopied.connect(
            lambda title: self.show_status(self.tr("已复制标题：{0}").format(title))
        )
        self.row_actions.contentCopied.connect(
            lambda content: self.show_status(self.tr("已复制申请内容：{0}").format(content))
        )
        self._update_actions()
        guard_on_screen(self)

    # --- actions and menus --------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("新建公开信息(&N)…"),
            self.request_new,
            QKeySequence.StandardKey.New,
            self.tr("为所选公开事项登记一条公开信息"),
        )
        # F2 edits, as in Explorer and Excel; Ctrl+E is the report export the supervisors' office asks for
        self.edit_action = self._action(self.tr("编辑(&E)…"), self.request_edit, "F2")
        self.report_action = self._action(
            self.tr("导出月报(&R)…"),
            lambda: self.reportRequested.emit(False),
            "Ctrl+E",
            self.tr("把某月的公开情况导出为 Excel 报表"),
        )
        self.annual_report_action = self._action(
            self.tr("导出年报(&Y)…"), lambda: self.reportRequested.emit(True)
        )
        self.backup_action = self._action(
            self.tr("立即备份(&B)"), self.backupRequested.emit, tip=self.tr("备份数据库并检查备份是否完好")
        )
        self.restore_action = self._action(self.tr("从备份恢复(&O)…"), self.restoreRequested.emit)
        self.import_catalogue_action = self._action(
            self.tr("导入目录(&I)…"),
            self.importCatalogueRequested.emit,
            tip=self.tr("从 Word、Excel 或文本文件导入（修订后的）主动公开基本目录"),
        )
        self.export_catalogue_action = self._action(
            self.tr("导出目录(&C)…"),
            self.exportCatalogueRequested.emit,
            tip=self.tr("把当前目录导出为 Excel"),
        )
        self.catalogue_versions_action = self._action(
            self.tr("目录版本(&V)…"),
            self.catalogueVersionsRequested.emit,
            tip=self.tr("查看导入过的各版目录，包括已被替换的旧版本"),
        )
        self.data_folder_action = self._action(
            self.tr("打开数据文件夹(&D)"), self.openDataFolderRequested.emit
        )
        self.history_action = self._action(
            self.tr("修改记录(&L)…"), self.request_history, "Ctrl+L", self.tr("查看所选公开信息的修改记录")
        )
        self.rule_action = self._action(
            self.tr("设定时限规则(&U)…"), self.request_rule, tip=self.tr("为所选公开事项手工设定公开时限规则")
        )
        self.delete_action = self._action(
            self.tr("删除(&D)"),
            self.request_delete,
            QKeySequence.StandardKey.Delete,
            self.tr("把所选公开信息移到回收站"),
        )
        # Del must not delete a record while the officer edits text in a search box: the shortcut works
        # only with focus in one of the two tables.
        self.removeAction(self.delete_action)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.detail_panel.table.addAction(self.delete_action)
        self.publications_panel.table.addAction(self.delete_action)
        self.dashboard_panel.open_view.addAction(self.delete_action)
        self.find_action = self._action(self.tr("查找(&F)"), self.focus_search, QKeySequence.StandardKey.Find)
        self.trash_action = self._action(self.tr("回收站(&T)…"), self.trashRequested.emit)
        self.settings_action = self._action(self.tr("设置(&S)…"), self.settingsRequested.emit)
        self.holidays_action = self._action(self.tr("节假日安排(&H)…"), self.holidaysRequested.emit)
        self.statutory_action = self._action(
            self.tr("年度报告(&N)…"),
            self.statutoryRequested.emit,
            tip=self.tr("起草、核对并导出政府信息公开工作年度报告"),
        )
        self.about_action = self._action(self.tr("关于(&A)…"), self.aboutRequested.emit)
        self.quit_action = self._action(self.tr("退出(&X)"), self.close, "Ctrl+Q")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.report_action)
        file_menu.addAction(self.annual_report_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_catalogue_action)
        file_menu.addAction(self.export_catalogue_action)
        file_menu.addAction(self.catalogue_versions_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.data_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.trash_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.history_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.rule_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        tools_menu = bar.addMenu(self.tr("工具(&T)"))
        tools_menu.addAction(self.statutory_action)
        tools_menu.addAction(self.holidays_action)
        tools_menu.addAction(self.settings_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setIconSize(QSize(16, 16))
        # tool buttons show the short name: no "(&N)" mnemonic or "…"
        short_names = {
            self.new_action: self.tr("新建"),
            self.edit_action: self.tr("编辑"),
            self.delete_action: self.tr("删除"),
            self.report_action: self.tr("导出月报"),
            self.trash_action: self.tr("回收站"),
            self.holidays_action: self.tr("节假日安排"),
            self.settings_action: self.tr("设置"),
        }
        for action, name in short_names.items():
            action.setIconText(name)
            tip = action.text().split("(")[0]
            if not action.shortcut().isEmpty():
                tip += f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
        for action in (self.new_action, self.edit_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.report_action)
        toolbar.addSeparator()
        for action in (self.trash_action, self.holidays_action, self.settings_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    # --- what the controller gives ------------------------------------------------------------------

    def set_catalogue(self, catalogue: Catalogue, infos: Mapping[int, ItemInfo]) -> None:
        self._infos = infos
        self.catalogue_panel.set_items(catalogue.items)
        self.publications_panel.set_processes(catalogue.processes)

    def set_infos(self, infos: Mapping[int, ItemInfo]) -> None:
        self._infos = infos
        self._on_item_selected(self.catalogue_panel.current_item())

    def set_register(self, rows: Sequence[RegisterRow]) -> None:
        self._by_item = rows_by_item(rows)
        self._by_id = {row.publication.id: row for row in rows if row.publication.id is not None}
        self.catalogue_panel.set_open_work(open_work_by_item(rows))
        self.publications_panel.set_rows(list(rows))
        item = self.detail_panel.item
        if item is not None and item.id is not None:
            self.detail_panel.set_rows(self._by_item.get(item.id, []))
        self._update_actions()

    def set_context_text(self, text: str) -> None:
        self.today_label.setText(text)

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    def select_publication(self, row: RegisterRow) -> None:
        """Show a just-saved publication: its item in the tree, its row in both tables."""
        if row.publication.id is None:
            return
        if self.tabs.currentIndex() == CATALOGUE_TAB:
            item = self.detail_panel.item
            if item is None or item.id != row.publication.item_id:
                self.catalogue_panel.select_item(row.publication.item_id)
        self.detail_panel.table.select_publication(row.publication.id)
        self.publications_panel.table.select_publication(row.publication.id)

    # --- what the officer asks ----------------------------------------------------------------------

    def current_item(self) -> CatalogueItem | None:
        if self.tabs.currentIndex() in (DASHBOARD_TAB, APPLICATIONS_TAB):
            return None
        if self.tabs.currentIndex() == ALL_TAB:
            row = self.publications_panel.current_row()
            return row.record.item if row is not None else None
        return self.catalogue_panel.current_item()

    def _title_copied(self, title: str) -> None:
        self.show_status(self.tr("已复制标题：{0}").format(title))

    def _dashboard_row(self, index: QModelIndex) -> RegisterRow | ApplicationRecord | None:
        application = self.dashboard_panel.application_at(index)
        if application is not None:
            return application
        entry = self.dashboard_panel.entry_at(index)
        return self._by_id.get(entry.record.publication.id or -1) if entry is not None else None

    def current_row(self) -> RegisterRow | None:
        if self.tabs.currentIndex() == APPLICATIONS_TAB:
            return None
        if self.tabs.currentIndex() == DASHBOARD_TAB:
            entry = self.dashboard_panel.current_entry()
            return self._by_id.get(entry.record.publication.id or -1) if entry is not None else None
        if self.tabs.currentIndex() == ALL_TAB:
            return self.publications_panel.current_row()
        return self.detail_panel.current_row()

    def request_new(self) -> None:
        """An item picked in the tree is used as it is; anywhere else the officer is asked (a selected
        row's item offered first), so a new publication never lands under an item nobody chose."""
        if self.tabs.currentIndex() == APPLICATIONS_TAB:  # Ctrl+N there registers an application
            self.applications_panel.newRequested.emit()
            return
        if self.tabs.currentIndex() == CATALOGUE_TAB:
            item = self.catalogue_panel.current_item()
            if item is not None:
                self.newRequested.emit(item)
                return
        row = self.current_row()
        self.chooseItemRequested.emit(row.record.item if row is not None else None)

    def request_edit(self) -> None:
        row = self.current_row()
        if row is not None:
            self.editRequested.emit(row)
            return
        application = self.current_application()
        if application is not None:  # the start page's due dates hold applications too
            self.applicationEditRequested.emit(application)

    def current_application(self) -> ApplicationRecord | None:
        """The information request on the selected row of the start page or the 依申请公开 tab."""
        if self.tabs.currentIndex() == DASHBOARD_TAB:
            return self.dashboard_panel.current_application()
        if self.tabs.currentIndex() == APPLICATIONS_TAB:
            return self.applications_panel.current_record()
        return None

    def request_history(self) -> None:
        row = self.current_row()
        if row is not None:
            self.historyRequested.emit(row)
            return
        application = self.current_application()
        if application is not None:
            self.applicationHistoryRequested.emit(application)

    def request_rule(self) -> None:
        item = self.current_item()
        if item is None:
            self.show_status(self.tr("请先在左侧目录中选择公开事项。"))
            return
        self.ruleRequested.emit(item)

    def _request_dynamic(self, dynamic: bool) -> None:
        item = self.detail_panel.item
        if item is not None:
            self.dynamicRequested.emit(item, dynamic)

    def request_delete(self) -> None:
        row = self.current_row()
        if row is not None:
            self.deleteRequested.emit(row)
            return
        application = self.current_application()
        if application is not None:
            self.applicationDeleteRequested.emit(application)

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == DASHBOARD_TAB:
            self.tabs.setCurrentIndex(ALL_TAB)
        if self.tabs.currentIndex() == ALL_TAB:
            self.publications_panel.focus_search()
        else:
            self.catalogue_panel.focus_search()

    def _on_item_selected(self, item: CatalogueItem | None) -> None:
        if item is None or item.id is None:
            self.detail_panel.set_item(None, None, [])
        else:
            self.detail_panel.set_item(item, self._infos.get(item.id), self._by_item.get(item.id, []))
        self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        has_row = self.current_row() is not None or self.current_application() is not None
        self.edit_action.setEnabled(has_row)
        self.delete_action.setEnabled(has_row)
        self.history_action.setEnabled(has_row)

    # --- remembered layout --------------------------------------------------------------------------

    @property
    def ui_state(self) -> UiState:
        """For dialogs that remember their size (window_geometry.RemembersSize)."""
        return self._ui_state

    def restore_layout(self) -> None:
        state = self._ui_state
        restore_main_window(self, state, "main")
        state.restore_splitter("main/catalogue", self.splitter)
        state.restore_header("main/itemTable", self.detail_panel.table.horizontalHeader())
        state.restore_header("main/allTable", self.publications_panel.table.horizontalHeader())
        state.restore_header("main/openTable", self.dashboard_panel.open_view.horizontalHeader())
        for view in (self.detail_panel.table, self.publications_panel.table):
            view.apply_column_modes()
        self.dashboard_panel.apply_column_modes()
        self.tabs.setCurrentIndex(DASHBOARD_TAB)  # the start page first, every morning

    def save_layout(self) -> None:
        state = self._ui_state
        state.save_window("main", self)
        state.save_splitter("main/catalogue", self.splitter)
        state.save_header("main/itemTable", self.detail_panel.table.horizontalHeader())
        state.save_header("main/allTable", self.publications_panel.table.horizontalHeader())
        state.save_header("main/openTable", self.dashboard_panel.open_view.horizontalHeader())
        state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
