"""文件 → 导出月报/年报: ask the period and the file, compute the report from the store, write it, open it.

Created once in the composition root (attach_report).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.io.excel_report import write_report
from disclosure_desk.store.queries import report_input
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.report_dialog import ReportDialog
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.presenters import Clock


class ReportController(QObject):
    def __init__(self, store: Store, window: MainWindow, clock: Clock) -> None:
        super().__init__(window)
        self.setObjectName("reportController")
        self.store = store
        self.window = window
        self.clock = clock

    def export_report(self, annual: bool = False) -> None:
        dialog = ReportDialog(self.clock(), annual=annual, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._write_report(dialog.period()))
        dialog.open()

    def _write_report(self, period: ReportPeriod) -> None:
        kind = self.tr("年报") if period.is_annual else self.tr("月报")
        name = f"{self.store.bureau_name()}政务公开{kind}（{period.label}）.xlsx"
        target = files.ask_report_path(self.window, Path.home() / "Documents" / name)
        if target is None:
            return
        generated_at = datetime.now().replace(microsecond=0)
        try:
            stats = compute_report(report_input(self.store, period, self.clock(), generated_at))
            written = write_report(target, stats)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法导出报表"), str(error))
            return
        self.window.show_status(self.tr("已导出{0}：{1}").format(period.label, written))
        files.open_path(written)


def attach_report(store: Store, window: MainWindow, clock: Clock) -> ReportController:
    report = ReportController(store, window, clock)
    window.reportRequested.connect(report.export_report)
    return report
