"""What happens behind 工具 → 年度报告… and the start page's reminder: build the year's report from the
store, save the officer's figures and text, compare with last year's report, export.

Created once in the composition root (attach_statutory); the dialog never touches the store.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.similarity import SectionSimilarity, compare_reports, split_sections
from disclosure_desk.domain.statutory_figures import parse_figures
from disclosure_desk.domain.statutory_prose import ReportProse
from disclosure_desk.domain.statutory_reminder import reminder_year, report_reminder
from disclosure_desk.domain.statutory_report import StatutoryReport, build_report, figure_problems
from disclosure_desk.io.statutory_docx import write_statutory_docx
from disclosure_desk.io.statutory_docx_read import read_report_text
from disclosure_desk.store.repository import Store
from disclosure_desk.store.statutory import (
    SavedYear,
    record_export,
    report_progress,
    report_sources,
    save_figures,
    save_prose,
    saved_year,
)
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.open_once import OpenOnce
from disclosure_desk.ui.dialogs.statutory_dialog import TABLES_TAB, StatutoryDialog
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.presenters import Clock


def default_year(today_year: int, today_month: int) -> int:
    """December drafts this year's report; the rest of the year works on (or looks back at) last year's."""
    return today_year if today_month == 12 else today_year - 1


class StatutoryController(QObject):
    statusMessage = Signal(str)
    changed = Signal()  # figures, text or an export saved: the start page's reminder may change

    def __init__(self, store: Store, clock: Clock, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.window = window
        self._dialog: OpenOnce[StatutoryDialog] = OpenOnce(activate=True)
        self.report: StatutoryReport | None = None
        # last year's text picked from a .docx this session, by report year
        self._picked: dict[int, dict[str, str]] = {}

    # --- the dialog ---------------------------------------------------------------------------------

    @property
    def dialog(self) -> StatutoryDialog | None:
        return self._dialog.dialog

    def open(self) -> None:
        if self._dialog.raise_open():
            return
        today = self.clock()
        dialog = StatutoryDialog(default_year(today.year, today.month), self.window)
        dialog.yearChanged.connect(self.load)
        dialog.figuresSubmitted.connect(self.save_figures)
        dialog.proseSubmitted.connect(self.save_prose)
        dialog.proseReset.connect(self.reset_prose)
        dialog.compareRequested.connect(self.compare)
        dialog.exportRequested.connect(self.export)
        self._dialog.keep(dialog)
        self.load(dialog.year())
        dialog.open()

    def _generated_at(self) -> datetime:
        return datetime.combine(self.clock(), datetime.now().time().replace(microsecond=0))

    def _build(self, year: int, prose: ReportProse | None = None) -> StatutoryReport:
        sources = report_sources(self.store, year, self._generated_at())
        if prose is not None:
            sources = replace(sources, prose=prose)
        return build_report(sources)

    def load(self, year: int) -> None:
        if self.dialog is None:
            return
        try:
            report = self._build(year)
            saved = saved_year(self.store, year)
        except DisclosureDeskError as error:
            confirm.show_error(self.dialog, self.tr("无法生成年度报告"), str(error))
            return
        self.report = report
        self.dialog.set_report(report, saved.figures, self._similarity(report), saved.exported_at)

    def _last_year_sections(self, year: int) -> dict[str, str] | None:
        if year in self._picked:
            return self._picked[year]
        last: SavedYear = saved_year(self.store, year - 1)
        return last.prose.sections() if last.exported_at is not None and last.prose is not None else None

    def _similarity(self, report: StatutoryReport) -> list[SectionSimilarity] | None:
        last = self._last_year_sections(report.year)
        return None if last is None else compare_reports(report.prose.sections(), last)

    # --- saving -------------------------------------------------------------------------------------

    def save_figures(self, year: int, texts: dict[str, str]) -> bool:
        """Parse, check against the register (现行有效 ≥ 0) and save; on any problem nothing is written."""
        dialog = self.dialog
        if dialog is None:
            return False
        saved = saved_year(self.store, year)
        figures, problems = parse_figures(texts, saved.figures)
        if figures is not None:
            problems = figure_problems(report_sources(self.store, year, self._generated_at()), figures)
        if figures is None or problems:
            dialog.show_figure_problems(problems)
            return False
        try:
            save_figures(self.store, year, figures)
        except DisclosureDeskError as error:
            confirm.show_error(dialog, self.tr("无法保存"), str(error))
            return False
        self.load(year)
        dialog.show_figures_saved(self.tr("已保存 {0} 年度的数字。").format(year))
        self.statusMessage.emit(self.tr("已保存{0}年度报告的数字").format(year))
        self.changed.emit()
        return True

    def save_prose(self, year: int, prose: ReportProse) -> None:
        try:
            save_prose(self.store, year, prose)
        except DisclosureDeskError as error:
            confirm.show_error(self.dialog, self.tr("无法保存"), str(error))
            return
        self.load(year)
        self.statusMessage.emit(self.tr("已保存{0}年度报告的正文").format(year))
        self.changed.emit()

    def reset_prose(self, year: int) -> None:
        save_prose(self.store, year, None)
        self.load(year)
        self.statusMessage.emit(self.tr("已按本年数据重新起草{0}年度报告的正文").format(year))
        self.changed.emit()

    def compare(self, year: int) -> None:
        path = files.ask_last_year_report(self.dialog)
        if path is None:
            return
        try:
            sections = split_sections(read_report_text(path))
        except DisclosureDeskError as error:
            confirm.show_error(self.dialog, self.tr("无法读取上年报告"), str(error))
            return
        if not sections:
            confirm.show_error(
                self.dialog,
                self.tr("无法读取上年报告"),
                self.tr("“{0}”中没有找到“一、总体情况”等各部分标题，不像是一份年度报告。").format(path.name),
            )
            return
        self._picked[year] = sections
        if self.dialog is not None and self.report is not None:
            self.dialog.set_similarity(self._similarity(self.report))

    # --- export -------------------------------------------------------------------------------------

    def export(self, year: int, texts: dict[str, str], prose: ReportProse) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if texts != saved_year(self.store, year).figures.as_texts() and not self.save_figures(year, texts):
            return
        report = self._build(year, prose)
        failed = [c.message for c in report.failed_checks]
        if failed:
            dialog.set_tables(report)
            dialog.tabs.setCurrentIndex(TABLES_TAB)
            if not confirm.ask_export_despite_checks(dialog, failed):
                return
        suggested = Path.home() / f"{report.title}.docx"
        target = files.ask_statutory_report_path(dialog, suggested)
        if target is None:
            return
        try:
            written = write_statutory_docx(target, report)
            record_export(self.store, report)
        except DisclosureDeskError as error:
            confirm.show_error(dialog, self.tr("无法导出年度报告"), str(error))
            return
        self.load(year)
        self.statusMessage.emit(self.tr("已导出：{0}").format(written))
        self.changed.emit()

    # --- the start page -----------------------------------------------------------------------------

    def refresh_reminder(self) -> None:
        today = self.clock()
        year = reminder_year(today)
        reminder = None if year is None else report_reminder(today, report_progress(self.store, year, today))
        self.window.dashboard_panel.report_banner.set_reminder(reminder)


def attach_statutory(
    store: Store, clock: Clock, window: MainWindow, controller: DeskController
) -> StatutoryController:
    """Wire 工具 → 年度报告… and the start page's reminder into a built desk (before controller.start())."""
    statutory = StatutoryController(store, clock, window, parent=window)
    statutory.setObjectName("statutoryController")
    window.statutoryRequested.connect(statutory.open)
    window.dashboard_panel.report_banner.openRequested.connect(statutory.open)
    statutory.statusMessage.connect(window.show_status)
    statutory.changed.connect(statutory.refresh_reminder)
    controller.reloaded.connect(lambda _rows: statutory.refresh_reminder())
    return statutory
