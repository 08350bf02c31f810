"""工具 → 年度报告…: the 政府信息公开工作年度报告 of one year — the figures to enter, the tables as they will
print with failed checks marked, the text to edit, and the export.

A report in, the officer's wishes out (signals); the controller (ui/statutory_controller.py) reads and
writes the store. Nothing here decides a number or a rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.similarity import SectionSimilarity
from disclosure_desk.domain.status import Status
from disclosure_desk.domain.statutory_checks import Check
from disclosure_desk.domain.statutory_figures import EnteredFigures
from disclosure_desk.domain.statutory_layout import table2_grid, table3_grid, table4_grid
from disclosure_desk.domain.statutory_prose import ReportProse
from disclosure_desk.domain.statutory_reminder import report_due_on
from disclosure_desk.domain.statutory_report import StatutoryReport
from disclosure_desk.domain.statutory_tables import SECTION_TITLES
from disclosure_desk.ui.models.statutory_grid_model import StatutoryGridModel, show_grid
from disclosure_desk.ui.texts import STATUS_FOREGROUND
from disclosure_desk.ui.widgets.figures_form import FiguresForm
from disclosure_desk.ui.window_geometry import RemembersSize

FIGURES_TAB, TABLES_TAB, TEXT_TAB = range(3)
_FAILED = QBrush(STATUS_FOREGROUND[Status.OVERDUE])

AnyIndex = QModelIndex | QPersistentModelIndex


class ChecksModel(QAbstractListModel):
    """The checks, failed ones first (✗, red), then the passed (✓)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checks: list[Check] = []

    def set_checks(self, checks: Sequence[Check]) -> None:
        self.beginResetModel()
        self.checks = sorted(checks, key=lambda c: c.ok)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.checks)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        check = self.checks[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{'✓' if check.ok else '✗'} {check.message}"
        if role == Qt.ItemDataRole.ForegroundRole and not check.ok:
            return _FAILED
        return None


class StatutoryDialog(RemembersSize, QDialog):
    size_key = "statutory"

    yearChanged = Signal(int)
    figuresSubmitted = Signal(int, dict)  # year, {field key: text as typed}
    proseSubmitted = Signal(int, object)  # year, ReportProse
    proseReset = Signal(int)
    compareRequested = Signal(int)
    exportRequested = Signal(int, dict, object)  # year, figure texts, ReportProse on screen

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statutoryDialog")
        self.setWindowTitle(self.tr("政府信息公开工作年度报告"))
        self.resize(1120, 700)
        self.report: StatutoryReport | None = None

        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2008, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix(self.tr(" 年度"))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("mutedLabel")
        self.state_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("报告年度"), self))
        top.addWidget(self.year_spin)
        top.addSpacing(16)
        top.addWidget(self.state_label, 1)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._figures_tab(), self.tr("填写数字"))
        self.tabs.addTab(self._tables_tab(), self.tr("表格预览"))
        self.tabs.addTab(self._text_tab(), self.tr("报告正文"))

        self.export_button = QPushButton(self.tr("导出 Word…"), self)
        self.export_button.setDefault(True)
        self.export_button.setToolTip(self.tr("按国办公开办函〔2021〕30号的格式保存为 .docx"))
        self.close_button = QPushButton(self.tr("关闭"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.year_spin.valueChanged.connect(self.yearChanged.emit)
        self.close_button.clicked.connect(self.reject)
        self.export_button.clicked.connect(self._request_export)

    # --- tabs ---------------------------------------------------------------------------------------

    def _figures_tab(self) -> QWidget:
        page = QWidget(self)
        self.figures_form = FiguresForm(page)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.figures_form)
        hint = QLabel(
            self.tr(
                "规章、规范性文件的制发和废止件数取自公开信息的“文件类型”和“废止日期”；"
                "表三全部取自依申请公开登记。这里只填写登记中没有的数字。"
            ),
            page,
        )
        hint.setObjectName("mutedLabel")
        hint.setWordWrap(True)
        self.save_figures_button = QPushButton(self.tr("保存数字"), page)
        self.figures_status = QLabel(page)
        row = QHBoxLayout()
        row.addWidget(self.figures_status, 1)
        row.addWidget(self.save_figures_button)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.save_figures_button.clicked.connect(
            lambda: self.figuresSubmitted.emit(self.year(), self.figures_form.texts())
        )
        self.figures_form.changed.connect(
            lambda: self.figures_status.setText(self.tr("数字已修改，尚未保存"))
        )
        return page

    def _table_view(self, model: StatutoryGridModel, parent: QWidget) -> QTableView:
        view = QTableView(parent)
        view.setModel(model)
        view.horizontalHeader().hide()
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setWordWrap(True)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        return view

    def _tables_tab(self) -> QWidget:
        page = QWidget(self)
        self.checks_summary = QLabel(page)
        self.checks_summary.setWordWrap(True)
        self.checks_model = ChecksModel(page)
        self.checks_view = QListView(page)
        self.checks_view.setModel(self.checks_model)
        self.checks_view.setMaximumHeight(120)
        self.checks_view.setWordWrap(True)
        self.grid_models = [StatutoryGridModel(page) for _ in range(3)]
        content = QWidget(page)
        inner = QVBoxLayout(content)
        self.grid_views: list[QTableView] = []
        for title, model in zip(SECTION_TITLES[1:4], self.grid_models, strict=True):
            heading = QLabel(title, content)
            heading.setObjectName("sectionTitle")
            view = self._table_view(model, content)
            self.grid_views.append(view)
            inner.addWidget(heading)
            inner.addWidget(view)
        inner.addStretch(1)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(page)
        layout.addWidget(self.checks_summary)
        layout.addWidget(self.checks_view)
        layout.addWidget(scroll, 1)
        return page

    def _text_tab(self) -> QWidget:
        page = QWidget(self)
        self.prose_state = QLabel(page)
        self.prose_state.setWordWrap(True)
        self.similarity_label = QLabel(page)
        self.similarity_label.setWordWrap(True)
        self.text_tabs = QTabWidget(page)
        self.prose_edits: dict[str, QPlainTextEdit] = {}
        for key, title in (
            ("preamble", self.tr("导语")),
            ("overview", SECTION_TITLES[0]),
            ("problems", SECTION_TITLES[4]),
            ("other", SECTION_TITLES[5]),
        ):
            edit = QPlainTextEdit(page)
            edit.setObjectName(f"prose_{key}")
            edit.setTabChangesFocus(True)
            self.prose_edits[key] = edit
            self.text_tabs.addTab(edit, title)
        self.save_prose_button = QPushButton(self.tr("保存正文"), page)
        self.reset_prose_button = QPushButton(self.tr("恢复为程序草稿"), page)
        self.reset_prose_button.setToolTip(self.tr("放弃已保存的正文，按本年最新数据重新起草"))
        self.compare_button = QPushButton(self.tr("与上年报告比对…"), page)
        self.compare_button.setToolTip(self.tr("选择上年度报告的 Word 文件，检查各部分是否与上年雷同"))
        row = QHBoxLayout()
        row.addWidget(self.compare_button)
        row.addStretch(1)
        row.addWidget(self.reset_prose_button)
        row.addWidget(self.save_prose_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.prose_state)
        layout.addWidget(self.similarity_label)
        layout.addWidget(self.text_tabs, 1)
        layout.addLayout(row)
        self.save_prose_button.clicked.connect(lambda: self.proseSubmitted.emit(self.year(), self.prose()))
        self.reset_prose_button.clicked.connect(lambda: self.proseReset.emit(self.year()))
        self.compare_button.clicked.connect(lambda: self.compareRequested.emit(self.year()))
        return page

    # --- in -----------------------------------------------------------------------------------------

    def year(self) -> int:
        return self.year_spin.value()

    def set_report(
        self,
        report: StatutoryReport,
        figures: EnteredFigures,
        similarity: Sequence[SectionSimilarity] | None,
        exported_at: datetime | None,
    ) -> None:
        """Show `report` (its tables, checks and text) and the saved `figures` in the form."""
        self.report = report
        self.figures_form.set_figures(figures)
        self.figures_status.setText("")
        self.set_tables(report)
        self.set_prose(report.prose, drafted=report.drafted)
        self.set_similarity(similarity)
        due = report_due_on(report.year).isoformat()
        state = self.tr("{0}年度报告应于 {1} 前公开").format(report.year, due)
        if exported_at is not None:
            state += self.tr("；已于 {0} 导出").format(exported_at.strftime("%Y-%m-%d %H:%M"))
        self.state_label.setText(state)

    def set_tables(self, report: StatutoryReport) -> None:
        grids = (table2_grid(report.section2), table3_grid(report.table3), table4_grid(report.section4))
        for model, view, grid in zip(self.grid_models, self.grid_views, grids, strict=True):
            model.set_grid(grid, report.checks)
            show_grid(view, model)
            view.setFixedHeight(
                sum(view.rowHeight(r) for r in range(model.rowCount())) + 2 * view.frameWidth()
            )
        self.checks_model.set_checks(report.checks)
        failed = report.failed_checks
        if failed:
            self.checks_summary.setText(
                self.tr("✗ {0} 项校验未通过（表中红色单元格，悬停可看原因），共 {1} 项。").format(
                    len(failed), len(report.checks)
                )
            )
            self.checks_summary.setStyleSheet(f"color: {STATUS_FOREGROUND[Status.OVERDUE].name()};")
        else:
            self.checks_summary.setText(self.tr("✓ 全部 {0} 项校验通过。").format(len(report.checks)))
            self.checks_summary.setStyleSheet("")

    def set_prose(self, prose: ReportProse, *, drafted: bool) -> None:
        for key, edit in self.prose_edits.items():
            edit.setPlainText(getattr(prose, key))
        open_items = len(prose.placeholders())
        state = (
            self.tr("这是程序根据本年数据起草的草稿，请修改后保存。")
            if drafted
            else self.tr("这是已保存的正文。")
        )
        if open_items:
            state += self.tr("还有 {0} 处“【请补充：…】”需要填写。").format(open_items)
        self.prose_state.setText(state)

    def set_similarity(self, results: Sequence[SectionSimilarity] | None) -> None:
        if results is None:
            self.similarity_label.setText(
                self.tr("没有本程序导出的上年报告；可点击“与上年报告比对…”选择上年报告的 Word 文件。")
            )
            self.similarity_label.setStyleSheet("")
            return
        flagged = [r.message for r in results if r.too_similar]
        if flagged:
            self.similarity_label.setText("⚠ " + "\n⚠ ".join(flagged))
            self.similarity_label.setStyleSheet(f"color: {STATUS_FOREGROUND[Status.OVERDUE].name()};")
        else:
            self.similarity_label.setText(self.tr("与上年报告比对：各部分均未超过 60% 的雷同句子。"))
            self.similarity_label.setStyleSheet("")

    def show_figure_problems(self, problems: Sequence[ValidationError]) -> None:
        self.tabs.setCurrentIndex(FIGURES_TAB)
        self.figures_form.show_problems(problems)
        self.figures_status.setText(self.tr("有 {0} 处需要修改，数字未保存。").format(len(problems)))

    def show_figures_saved(self, text: str) -> None:
        self.figures_status.setText(text)

    # --- out ----------------------------------------------------------------------------------------

    def prose(self) -> ReportProse:
        texts = {key: edit.toPlainText().strip() for key, edit in self.prose_edits.items()}
        return ReportProse(**texts)

    def _request_export(self) -> None:
        self.exportRequested.emit(self.year(), self.figures_form.texts(), self.prose())
