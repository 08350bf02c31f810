"""首页: the first thing the officer sees each morning — the numbers, what is still to publish or to
answer by due date, the last twelve months, and which catalogue items this year has not yet covered."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.digest import DigestEntry
from disclosure_desk.domain.freshness import Freshness
from disclosure_desk.domain.status import (
    NO_DUE_DATE_WORD,
    ON_TIME_RATE_WORD,
    ApplicationStatus,
    Figures,
    Status,
    StatusGroup,
    rate_text,
)
from disclosure_desk.ui.dashboard_presenter import DashboardData
from disclosure_desk.ui.models.coverage_model import (
    FreshnessColumn,
    FreshnessModel,
    UncoveredModel,
    YearlyColumn,
    YearlyModel,
)
from disclosure_desk.ui.models.dashboard_model import OpenColumn, OpenWorkModel
from disclosure_desk.ui.models.roles import ITEM_ROLE, ROW_ROLE
from disclosure_desk.ui.texts import UNCERTAIN_MARK, days_late_label, group_label, status_label, vocabulary
from disclosure_desk.ui.widgets.delegates import ElideMiddleDelegate
from disclosure_desk.ui.widgets.month_chart import MonthChart
from disclosure_desk.ui.widgets.report_banner import ReportBanner

# Local to the page, so the shared application stylesheet stays as it is.
FRESHNESS_TAB = 3  # of the coverage tabs: yearly and periodic, uncovered, needing a due date, 栏目更新

_STYLE = """
QFrame#dashCard { background: #f7f9fc; border: 1px solid #d5dde8; border-radius: 6px; }
QFrame#dashCard[alert="overdue"] { background: #fdecec; border-color: #e7a3a3; }
QFrame#dashCard[alert="due_soon"] { background: #fff5de; border-color: #e8c36c; }
QFrame#dashCard:hover { border-color: #6f98c9; }
QLabel#cardValue { font-size: 20pt; font-weight: bold; color: #1f3a5f; }
QFrame#dashCard[alert="overdue"] QLabel#cardValue { color: #b71c1c; }
QFrame#dashCard[alert="due_soon"] QLabel#cardValue { color: #8a5300; }
QLabel#cardCaption { color: #33414f; }
QLabel#cardNote { color: #5f6670; }
QLabel#allClear { background: #e9f5ec; border: 1px solid #9ccaa8; border-radius: 3px; color: #1b5e20;
                  padding: 6px 8px; }
QLabel#emptyList { color: #5f6670; padding: 24px; }
"""


class Card(QFrame):
    """A number on the start page; a click shows what it counts (card_routing)."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value = QLabel("0", self)
        self.value.setObjectName("cardValue")
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("cardCaption")
        self.note = QLabel(self)
        self.note.setObjectName("cardNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def show_value(self, value: str, note: str = "", alert: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        if self.property("alert") != alert:
            self.setProperty("alert", alert)
            # a dynamic property only restyles after the style is re-applied
            for widget in (self, self.value):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


def _section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _with_placeholder(view: QWidget, text: str) -> QStackedWidget:
    """The view, or in its place a sentence saying why it is empty (page 1)."""
    label = QLabel(text)
    label.setObjectName("emptyList")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    stack = QStackedWidget()
    stack.addWidget(view)
    stack.addWidget(label)
    return stack


class DashboardPanel(QWidget):
    editRequested = Signal(object)  # PublicationRecord
    applicationRequested = Signal(int)  # an application's id, for its editor
    yearlyRequested = Signal(object)  # CatalogueItem or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPanel")
        self.setStyleSheet(_STYLE)
        self.data: DashboardData | None = None

        self.overdue_card = Card(status_label(Status.OVERDUE), self)
        self.due_soon_card = Card(status_label(Status.DUE_SOON), self)
        self.month_card = Card(self.tr("本月{0}").format(group_label(StatusGroup.PUBLISHED)), self)
        self.rate_card = Card(self.tr("本年{0}").format(vocabulary(ON_TIME_RATE_WORD)), self)
        self.applications_card = Card(self.tr("依申请公开"), self)
        # a fifth card must not widen the window: its note wraps instead
        self.applications_card.note.setWordWrap(True)
        self.applications_card.setMinimumWidth(60)
        self.applications_card.show_value("0", self.tr("件未答复"))
        self._publications_urgent = self._applications_urgent = 0
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in (
            self.overdue_card,
            self.due_soon_card,
            self.month_card,
            self.rate_card,
            self.applications_card,
        ):
            cards.addWidget(card, 1)
        self.all_clear = QLabel(
            self.tr("今天没有{0}或{1}的事项。").format(
                status_label(Status.OVERDUE), status_label(Status.DUE_SOON)
            ),
            self,
        )
        self.all_clear.setObjectName("allClear")
        self.all_clear.setVisible(False)

        self.open_title = _section_title(self.tr("{0}事项").format(group_label(StatusGroup.OPEN)))
        self.open_model = OpenWorkModel(self)
        self.open_view = self._open_table()
        self.apply_column_modes()
        self.open_empty = QLabel(self)
        self.open_empty.setWordWrap(True)
        self.open_empty.setObjectName("emptyList")
        self.open_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_stack = QStackedWidget(self)
        self.open_stack.addWidget(self.open_view)
        self.open_stack.addWidget(self.open_empty)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.open_title)
        left_layout.addWidget(self.open_stack, 1)

        self.chart = MonthChart(self)
        self.yearly_model = YearlyModel(self)
        self.yearly_view = self._yearly_table()
        self.uncovered_model = UncoveredModel(self)
        self.uncovered_view = QListView(self)
        self.uncovered_view.setModel(self.uncovered_model)
        self.uncovered_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.uncovered_view.setUniformItemSizes(True)
        self.yearly_stack = _with_placeholder(
            self.yearly_view,
            self.tr(
                "还没有设置年度事项。\n部门预决算、“三公”经费、年度工作计划和总结等每年须按期公开的事项，"
                "可点击“设为年度事项…”标记截止日期。"
            ),
        )
        self.uncovered_stack = _with_placeholder(
            self.uncovered_view, self.tr("本年每个目录事项都已有公开信息。")
        )
        # statutory (按法定时间公开) records saved without the date the officer must enter
        self.needs_due_model = OpenWorkModel(self)
        self.needs_due_view = self._open_table(self.needs_due_model)
        self.needs_due_stack = _with_placeholder(
            self.needs_due_view, self.tr("没有需要手工填写应公开日期的记录。")
        )
        self.freshness_model = FreshnessModel(self)
        self.freshness_view = self._freshness_table()
        self.freshness_stack = _with_placeholder(
            self.freshness_view, self.tr("每个栏目都在最长更新间隔内，没有空白栏目。")
        )
        self.coverage_tabs = QTabWidget(self)
        self.coverage_tabs.addTab(self.yearly_stack, "")
        self.coverage_tabs.addTab(self.uncovered_stack, "")
        self.coverage_tabs.addTab(self.needs_due_stack, "")
        self.coverage_tabs.addTab(self.freshness_stack, "")
        self.yearly_button = QPushButton(self.tr("设为年度事项…"), self)
        self.yearly_button.setToolTip(self.tr("标记每年须在固定日期前公开的事项，或取消标记"))
        coverage_head = QHBoxLayout()
        coverage_head.addWidget(_section_title(self.tr("本年目录覆盖")))
        coverage_head.addStretch(1)
        coverage_head.addWidget(self.yearly_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(_section_title(self.tr("近12个月公开情况")))
        right_layout.addWidget(self.chart, 3)
        right_layout.addSpacing(6)
        right_layout.addLayout(coverage_head)
        right_layout.addWidget(self.coverage_tabs, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(cards)
        self.report_banner = ReportBanner(self)  # the annual report, from 1 December
        layout.addWidget(self.report_banner)
        layout.addWidget(self.all_clear)
        layout.addWidget(self.splitter, 1)

        # double-click or Enter opens the editor, as in every list; one click only selects
        self.open_view.activated.connect(self._on_open_activated)
        self.needs_due_view.clicked.connect(self._on_open_activated)
        self.needs_due_view.activated.connect(self._on_open_activated)
        self.yearly_button.clicked.connect(self._request_yearly)
        self.yearly_view.activated.connect(self._request_yearly)
        self.uncovered_view.activated.connect(self._request_yearly)
        self.freshness_view.activated.connect(self._request_yearly)

    def _open_table(self, model: OpenWorkModel | None = None) -> QTableView:
        view = QTableView(self)
        view.setModel(model or self.open_model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setCornerButtonEnabled(False)
        view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move between rows
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = view.fontMetrics()
        wide = metrics.horizontalAdvance("中")
        left = (days_late_label(365), "还剩 20 个工作日", "未定应公开日期")
        view.setColumnWidth(OpenColumn.LEFT, max(metrics.horizontalAdvance(t) for t in left) + 24)
        view.setColumnWidth(OpenColumn.STATUS, metrics.horizontalAdvance("逾期未答复") + 24)
        view.setColumnWidth(OpenColumn.DUE, metrics.horizontalAdvance("2026-11-30" + UNCERTAIN_MARK) + 24)
        view.setColumnWidth(OpenColumn.PATH, wide * 15)
        view.setColumnWidth(OpenColumn.RESPONSIBLE, wide * 4 + 16)
        # the path keeps its item number and its own name: "1. 决策 › … › 部门文件"
        view.setItemDelegateForColumn(OpenColumn.PATH, ElideMiddleDelegate(view))
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        return view

    def apply_column_modes(self) -> None:
        """The title takes what is left, so no column hides behind a horizontal scroll bar (again after a
        saved header state is restored)."""
        header = self.open_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OpenColumn.TITLE, QHeaderView.ResizeMode.Stretch)

    def _yearly_table(self) -> QTableView:
        return self._coverage_table(self.yearly_model, YearlyColumn.ITEM)

    def _freshness_table(self) -> QTableView:
        return self._coverage_table(self.freshness_model, FreshnessColumn.ITEM)

    def _coverage_table(self, model: QAbstractItemModel, stretch: int) -> QTableView:
        """One row per item, the item's column taking the room and the others fitting their text."""
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    # --- what the dashboard controller gives --------------------------------------------------------

    def set_data(self, data: DashboardData) -> None:
        self.data = data
        digest = data.digest
        overdue, due_soon = len(digest.overdue), len(digest.due_soon)
        self.overdue_card.show_value(str(overdue), self.tr("条已过应公开日期"), "overdue" if overdue else "")
        self.due_soon_card.caption.setText(
            self.tr("{0}（{1}个工作日内）").format(status_label(Status.DUE_SOON), data.due_soon_days)
        )
        self.due_soon_card.show_value(str(due_soon), self.tr("条需尽快公开"), "due_soon" if due_soon else "")
        month, year = digest.month, digest.year
        self.month_card.caption.setText(
            self.tr("{0}月{1}").format(data.today.month, group_label(StatusGroup.PUBLISHED))
        )
        self.month_card.show_value(str(month.published), self.figures_note(month))
        self.rate_card.show_value(
            rate_text(year.on_time_rate),
            self.figures_note(year) if year.published else self.tr("本年尚无可评价的公开信息"),
        )
        self._publications_urgent = overdue + due_soon
        self.all_clear.setVisible(overdue + due_soon + self._applications_urgent == 0)

        self.show_open_work(data)

        self.chart.set_history(data.history)
        coverage = data.coverage
        obligations = coverage.obligations()
        self.yearly_model.set_obligations(obligations, data.today)
        self.uncovered_model.set_items(coverage.uncovered)
        self.yearly_stack.setCurrentIndex(0 if obligations else 1)
        self.uncovered_stack.setCurrentIndex(0 if coverage.uncovered else 1)
        columns = data.stale_columns()
        self.freshness_model.set_rows(columns, data.today)
        self.freshness_stack.setCurrentIndex(0 if columns else 1)
        stale = sum(1 for c in columns if c.status is Freshness.STALE)
        blank = sum(1 for c in columns if c.status is Freshness.BLANK)
        needs_due = digest.needs_due_date
        self.needs_due_model.set_obligations(data.needs_due, data.today)
        self.needs_due_stack.setCurrentIndex(0 if needs_due else 1)
        # four tabs share half a 1366-pixel screen: short titles with the counts, the sentence as a tooltip
        open_count = len(coverage.open_obligations())
        titles = (
            (self.tr("年度和周期（{0}）").format(open_count),
             self.tr("年度和周期事项 {0} 项未完成").format(open_count)),
            (self.tr("本年未公开（{0}）").format(len(coverage.uncovered)),
             self.tr("本年尚未公开任何信息的目录事项 {0} 项").format(len(coverage.uncovered))),
            (self.tr("需要填写应公开日期（{0}）").format(len(needs_due)),
             self.tr("按法定时间公开、尚未填写应公开日期的记录 {0} 条").format(len(needs_due))),
            (self.tr("栏目超期 {0}·空白 {1}").format(stale, blank),
             self.tr("超过最长更新间隔未更新的栏目 {0} 个，从未公开的空白栏目 {1} 个").format(stale, blank)),
        )  # fmt: skip
        for tab, (title, tip) in enumerate(titles):
            self.coverage_tabs.setTabText(tab, title)
            self.coverage_tabs.setTabToolTip(tab, tip)

    def show_open_work(self, data: DashboardData) -> None:
        """The one due-date list: unpublished publications and applications not yet replied to."""
        self.data = data
        self.open_model.set_obligations(data.open_work, data.today)
        publications = len(data.digest.open)
        applications = data.open_applications
        if applications:
            title = self.tr("待办事项（{0} {1} 条 · {2} 件申请未答复，按截止日期排列）").format(
                group_label(StatusGroup.OPEN), publications, applications
            )
        else:
            title = self.tr("{0}事项（{1} 条，按应公开日期排列）").format(
                group_label(StatusGroup.OPEN), publications
            )
        self.open_title.setText(title)
        self.open_empty.setText(
            self.tr("所有登记的公开信息都已公开，没有待办事项。")
            if data.record_count
            else self.tr("还没有登记公开信息。\n在“按目录”中选择公开事项，点击“新建”开始登记。")
        )
        self.open_stack.setCurrentWidget(self.open_view if data.open_work else self.open_empty)

    def figures_note(self, figures: Figures) -> str:
        """ "按时公开 3 · 逾期公开 1 · 无时限 2": published records never counted twice, never left out."""
        return self.tr("{0} {1} · {2} {3} · {4} {5}").format(
            status_label(Status.PUBLISHED_ON_TIME),
            figures.on_time,
            status_label(Status.PUBLISHED_LATE),
            figures.late,
            vocabulary(NO_DUE_DATE_WORD),
            figures.no_due_date,
        )

    def set_applications(self, waiting: int, overdue: int, due_soon: int) -> None:
        """The 依申请公开 card: requests still waiting for a reply, and how many are late or due soon."""
        if overdue or due_soon:
            note = self.tr("件未答复：{0} {1} 件，{2} {3} 件").format(
                ApplicationStatus.OVERDUE.label, overdue, ApplicationStatus.DUE_SOON.label, due_soon
            )
        else:
            note = self.tr("件未答复，均在答复期限内") if waiting else self.tr("件未答复")
        alert = "overdue" if overdue else "due_soon" if due_soon else ""
        self.applications_card.show_value(str(waiting), note, alert)
        # "nothing is due today" must not be said while a request is late or due soon
        self._applications_urgent = overdue + due_soon
        self.all_clear.setVisible(self._publications_urgent + self._applications_urgent == 0)

    # --- what the officer asks ----------------------------------------------------------------------

    def entry_at(self, index: QModelIndex) -> DigestEntry | None:
        entry = index.data(ROW_ROLE) if index.isValid() else None
        return entry if isinstance(entry, DigestEntry) else None

    def current_entry(self) -> DigestEntry | None:
        index = self._selected_index()
        return self.entry_at(index) if index is not None else None

    def application_at(self, index: QModelIndex) -> ApplicationRecord | None:
        record = index.data(ROW_ROLE) if index.isValid() else None
        return record if isinstance(record, ApplicationRecord) else None

    def current_application(self) -> ApplicationRecord | None:
        """The application on the list's selected row, when that row is one."""
        index = self._selected_index()
        return self.application_at(index) if index is not None else None

    def current_application_id(self) -> int | None:
        record = self.current_application()
        return record.application.id if record is not None else None

    def _selected_index(self) -> QModelIndex | None:
        view = self.open_view
        index = view.currentIndex()
        if not index.isValid() or not view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index

    def _on_open_activated(self, index: QModelIndex) -> None:
        entry = index.data(ROW_ROLE)
        if isinstance(entry, DigestEntry):
            self.editRequested.emit(entry.record)
        elif isinstance(entry, ApplicationRecord) and entry.application.id is not None:
            self.applicationRequested.emit(entry.application.id)

    def selected_catalogue_item(self) -> CatalogueItem | None:
        # the tabs that list catalogue items (the statutory-records tab lists publications)
        views = {0: self.yearly_view, 1: self.uncovered_view, FRESHNESS_TAB: self.freshness_view}
        view = views.get(self.coverage_tabs.currentIndex())
        if view is None:
            return None
        index = view.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        return item if isinstance(item, CatalogueItem) else None

    def _request_yearly(self, *_args: object) -> None:
        self.yearlyRequested.emit(self.selected_catalogue_item())
