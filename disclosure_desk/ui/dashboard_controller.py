"""The start page's share of the work: turn each reload's records (publications, and the applications
the 依申请公开 tab loaded) into the dashboard, open the editor for a clicked row, save the yearly mark,
and keep the tray reminder fed.

`attach_dashboard` is called once from the composition root (app.build_desk); it connects this object
to the DeskController's reload and edit flow, so the desk has one path for loading and one for editing.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.catalogue import CatalogueItem, MonthDay
from disclosure_desk.domain.due import rule_of
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.publication import PublicationRecord
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dashboard_presenter import DashboardData, build_dashboard, with_applications
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.yearly_dialog import YearlyDialog
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.panels.dashboard_panel import DashboardPanel
from disclosure_desk.ui.presenters import Clock, RegisterRow
from disclosure_desk.ui.reminders import Notifier, Reminder, TrayNotifier, bring_forward


class DashboardController(QObject):
    refreshed = Signal(object)  # DashboardData
    editRequested = Signal(object)  # RegisterRow, for DeskController.edit_publication
    yearlyChanged = Signal()  # an item's yearly mark was saved: the caller reloads

    def __init__(
        self, store: Store, clock: Clock, panel: DashboardPanel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardController")
        self.store = store
        self.clock = clock
        self.panel = panel
        self.data: DashboardData | None = None
        self.yearly_dialog: YearlyDialog | None = None
        self.reminder: Reminder | None = None
        self._rows: Sequence[RegisterRow] = ()
        self._items: tuple[CatalogueItem, ...] = ()
        self._applications: Sequence[ApplicationRecord] = ()
        panel.editRequested.connect(self._edit)
        panel.yearlyRequested.connect(self.open_yearly)

    def refresh(self, rows: Sequence[RegisterRow]) -> None:
        """From the rows the window just loaded to the page updated: no publication is read again."""
        self._rows = rows
        # the catalogue is 30-odd rows: re-read so a new yearly mark or an imported catalogue shows
        catalogue = self.store.active_catalogue()
        self._items = catalogue.items
        settings = self.store.settings()
        self.data = build_dashboard(
            [row.record for row in rows],
            self._items,
            self.clock(),
            self.store.calendar(),
            settings.due_soon_days,
            rule_of,
            applications=self._applications,
            effective_on=catalogue.effective_on,
        )
        self.panel.set_data(self.data)
        self.refreshed.emit(self.data)

    def set_applications(self, records: Sequence[ApplicationRecord]) -> None:
        """The 依申请公开 register was (re)loaded: its open applications join the page's due-date list."""
        self._applications = records
        if self.data is not None:
            self.data = with_applications(self.data, records, self.store.calendar())
            self.panel.show_open_work(self.data)

    def _edit(self, record: PublicationRecord) -> None:
        wanted = record.publication.id
        row = next((r for r in self._rows if r.publication.id == wanted), None)
        if row is not None:
            self.editRequested.emit(row)

    # --- yearly obligations -------------------------------------------------------------------------

    def open_yearly(self, item: CatalogueItem | None = None) -> None:
        if self.yearly_dialog is not None:
            self.yearly_dialog.raise_()
            return
        dialog = YearlyDialog(self._items, item.id if item is not None else None, self.panel.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(self.save_yearly)
        dialog.finished.connect(self._yearly_closed)
        self.yearly_dialog = dialog
        dialog.open()

    def _yearly_closed(self) -> None:
        self.yearly_dialog = None

    def save_yearly(self, item_id: int, month_day: tuple[int, int] | None) -> None:
        try:
            self.store.set_item_yearly_due(item_id, MonthDay(*month_day) if month_day else None)
        except DisclosureDeskError as error:
            confirm.show_error(self.panel.window(), self.tr("无法保存年度事项"), str(error))
            return
        self.yearlyChanged.emit()


def attach_dashboard(
    store: Store,
    clock: Clock,
    window: MainWindow,
    controller: DeskController,
    notifier: Notifier | None = None,
) -> DashboardController:
    """Wire the start page and the tray reminder into a built desk (before controller.start())."""
    dashboard = DashboardController(store, clock, window.dashboard_panel, parent=window)
    controller.reloaded.connect(dashboard.refresh)
    dashboard.editRequested.connect(controller.edit_publication)
    dashboard.yearlyChanged.connect(controller.reload)
    if notifier is None:
        tray = TrayNotifier(window, parent=dashboard)
        tray.clicked.connect(lambda: bring_forward(window))
        notifier = tray
    reminder = Reminder(clock, notifier, parent=dashboard)
    reminder.setObjectName("reminder")
    dashboard.refreshed.connect(lambda data: reminder.update(data.digest, data.due_soon_days))
    # a new day changes every status: reload everything, which refreshes the page and the reminder
    reminder.dayChanged.connect(controller.reload)
    reminder.start()
    dashboard.reminder = reminder
    return dashboard
