"""What happens when the officer works on the 依申请公开 tab: open the editor, save, delete, reload.

Like DeskController, it is created once in the composition root; no widget talks to the store.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from disclosure_desk.domain.application_clock import ApplicationRecord, ReplyClock, check_events
from disclosure_desk.domain.applications import ApplicantType, Application, ApplicationStatus
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.store.applications import ENTITY as APPLICATION_ENTITY
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.application_reminder import ApplicationReminder
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dashboard_controller import DashboardController
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.application_editor import ApplicationEditor
from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
from disclosure_desk.ui.dialogs.open_once import OpenOnce
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.panels.applications_panel import ApplicationsPanel
from disclosure_desk.ui.presenters import Clock


class ApplicationsController(QObject):
    # every reload, with the records just computed: the start page and the tray use them
    reloaded = Signal(list)  # list[ApplicationRecord]
    statusMessage = Signal(str)

    def __init__(
        self, store: Store, panel: ApplicationsPanel, clock: Clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.register = ApplicationRegister(store)
        self.panel = panel
        self.clock = clock
        self.records: list[ApplicationRecord] = []
        self._editor: OpenOnce[ApplicationEditor] = OpenOnce(activate=True)
        panel.newRequested.connect(self.new_application)
        panel.editRequested.connect(self.edit_application)
        panel.deleteRequested.connect(self.delete_application)

    def reload(self) -> None:
        self.records = self.register.records(self.clock())
        self.panel.set_records(self.records)
        self.reloaded.emit(self.records)

    def evaluate(self, application: Application) -> ReplyClock:
        """The clock of what the editor shows; ValidationError when its events cannot have happened."""
        check_events(application.received_on, application.events, application.replied_on)
        return self.register.record(application, self.clock()).clock

    # --- the editor ---------------------------------------------------------------------------------

    def new_application(self) -> None:
        self._open(
            Application(received_on=self.clock(), applicant_type=ApplicantType.NATURAL_PERSON, content="")
        )

    def edit_application(self, record: ApplicationRecord) -> None:
        self._open(record.application)

    def edit_by_id(self, application_id: int) -> None:
        record = next((r for r in self.records if r.application.id == application_id), None)
        if record is not None:
            self.edit_application(record)

    @property
    def editor(self) -> ApplicationEditor | None:
        return self._editor.dialog

    def _open(self, application: Application) -> None:
        if self._editor.raise_open():
            return
        editor = ApplicationEditor(
            application, evaluate=self.evaluate, clock=self.clock, parent=self.panel.window()
        )
        editor.submitted.connect(lambda value: self._save(editor, value))
        self._editor.open(editor)

    def _save(self, editor: ApplicationEditor, value: Application) -> None:
        today = self.clock()
        try:
            saved = (
                self.register.add(value, today) if value.id is None else self.register.update(value, today)
            )
        except DisclosureDeskError as error:
            editor.show_save_error(str(error), error.field)
            return
        editor.accept()
        self.reload()
        if saved.id is not None:
            self.panel.select_application(saved.id)
        self.statusMessage.emit(self.tr("已保存申请：{0}").format(saved.number))

    def show_history(self, record: ApplicationRecord) -> None:
        """修改记录 of one request: who registered, changed, replied to or deleted it, and when."""
        application = record.application
        if application.id is None:
            return
        entries = self.store.audit_history(APPLICATION_ENTITY, application.id)
        name = self.tr("申请 {0}").format(application.number)
        dialog = HistoryDialog(name, entries, self.panel.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def delete_application(self, record: ApplicationRecord) -> None:
        application = record.application
        if application.id is None or not confirm.ask_delete_application(
            self.panel.window(), application.number
        ):
            return
        try:
            self.register.delete(application.id)
        except DisclosureDeskError as error:
            confirm.show_error(self.panel.window(), self.tr("无法删除"), str(error))
            return
        self.reload()
        self.statusMessage.emit(self.tr("已移到回收站：申请 {0}").format(application.number))


def attach_applications(
    store: Store, clock: Clock, window: MainWindow, controller: DeskController, dashboard: DashboardController
) -> ApplicationsController:
    """Wire the 依申请公开 tab into a built desk (before controller.start()): it reloads with the desk,
    and the start page and tray reminder hear about open applications."""
    applications = ApplicationsController(store, window.applications_panel, clock, parent=window)
    applications.setObjectName("applicationsController")
    controller.reloaded.connect(lambda _rows: applications.reload())
    applications.statusMessage.connect(window.show_status)

    def show(records: list[ApplicationRecord]) -> None:
        waiting = [r for r in records if r.clock.status.is_open]
        overdue = sum(1 for r in waiting if r.clock.status is ApplicationStatus.OVERDUE)
        due_soon = sum(1 for r in waiting if r.clock.status is ApplicationStatus.DUE_SOON)
        window.dashboard_panel.set_applications(len(waiting), overdue, due_soon)
        if reminder is not None:
            reminder.update(records, clock())

    reminder = (
        ApplicationReminder(dashboard.reminder.notifier, parent=applications)
        if dashboard.reminder is not None
        else None
    )
    applications.reloaded.connect(show)
    applications.reloaded.connect(dashboard.set_applications)
    window.dashboard_panel.applicationRequested.connect(applications.edit_by_id)
    # the toolbar's 编辑/删除/修改记录 and the lists' context menu on an application's row
    window.applicationEditRequested.connect(applications.edit_application)
    window.applicationDeleteRequested.connect(applications.delete_application)
    window.applicationHistoryRequested.connect(applications.show_history)
    return applications
