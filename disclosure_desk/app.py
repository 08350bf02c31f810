"""The composition root of the window: the application, the store, the main window, and their wiring.

Everything is created and connected here, once; there is no global registry and the QApplication is not
an event bus. The clock is injected (the context's day), so tests and `--today` pin the date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer

from disclosure_desk import paths
from disclosure_desk.bootstrap import attach_backups
from disclosure_desk.store.backup_schedule import PERIOD, BackupSchedule
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.applications_controller import attach_applications
from disclosure_desk.ui.backup_controller import attach_backup_actions
from disclosure_desk.ui.card_routing import route_cards
from disclosure_desk.ui.catalogue_controller import attach_catalogue
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dashboard_controller import attach_dashboard
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.persistence import UiState, open_ui_settings
from disclosure_desk.ui.presenters import Clock
from disclosure_desk.ui.reminders import Notifier
from disclosure_desk.ui.report_controller import attach_report
from disclosure_desk.ui.settings_controller import attach_settings
from disclosure_desk.ui.statutory_controller import attach_statutory
from disclosure_desk.ui.trash_controller import attach_trash

if TYPE_CHECKING:
    from disclosure_desk.cli.context import CliContext


def data_folder_of(store: Store) -> Path:
    """The folder holding the database file (or the user data folder for a server database)."""
    file = sqlite_path(store.url)
    return file.parent if file is not None else paths.user_dir()


def build_desk(
    store: Store, clock: Clock, ui_settings: QSettings, *, notifier: Notifier | None = None
) -> tuple[MainWindow, DeskController]:
    """The main window and its controller, wired together and loaded; not yet shown.

    `notifier` speaks the reminders (tests pass a fake); by default, the system tray where there is one.
    """
    window = MainWindow(UiState(ui_settings), clock=clock, title=store.bureau_name())
    controller = DeskController(store, window, clock, data_folder_of(store))
    window.newRequested.connect(controller.new_publication)
    window.chooseItemRequested.connect(controller.choose_item_for_new)
    window.editRequested.connect(controller.edit_publication)
    window.deleteRequested.connect(controller.delete_publication)
    window.historyRequested.connect(controller.show_history)
    window.row_actions.markPublishedRequested.connect(controller.mark_published)
    window.openDataFolderRequested.connect(controller.open_data_folder)
    window.aboutRequested.connect(controller.show_about)
    attach_trash(store, window, controller)
    attach_settings(store, window, controller)
    attach_report(store, window, clock)
    attach_backup_actions(store, window, controller)
    attach_catalogue(store, window, controller)
    dashboard = attach_dashboard(store, clock, window, controller, notifier)
    attach_applications(store, clock, window, controller, dashboard)
    attach_statutory(store, clock, window, controller)
    route_cards(window)
    controller.start()
    window.restore_layout()
    return window, controller


def attach_window_backups(store: Store, controller: DeskController) -> BackupSchedule:
    """Backups while the window is open: after the day's first change (saves end in a reload), every few
    hours if anything changed, and at close (the store's close hook)."""
    schedule = attach_backups(store, window=True)
    controller.reloaded.connect(lambda _rows: schedule.after_change())
    timer = QTimer(controller)
    timer.setInterval(int(PERIOD.total_seconds() * 1000))
    timer.timeout.connect(schedule.periodic)
    timer.start()
    return schedule


def bring_forward(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def run_gui(context: CliContext) -> int:
    from disclosure_desk.logging_setup import setup_logging
    from disclosure_desk.startup import open_store_for_window
    from disclosure_desk.store.db import resolve_url
    from disclosure_desk.ui.application import configure_application, create_application
    from disclosure_desk.ui.crash import install_excepthook
    from disclosure_desk.ui.dialogs.startup_dialogs import ask_recovery, tell
    from disclosure_desk.ui.qt_logging import route_qt_messages
    from disclosure_desk.ui.single_instance import (
        SingleInstance,
        ask_running_copy_to_activate,
        server_name,
    )

    log_path = setup_logging()
    app = create_application()
    configure_application(app)
    route_qt_messages()
    install_excepthook(log_path)
    # a second copy on the same data only brings the first window forward
    name = server_name(resolve_url(context.db))
    if ask_running_copy_to_activate(name):
        return 0
    # --today pins the day; otherwise the window follows the real date across midnight
    pinned: date = context.today
    clock: Clock = (lambda: pinned) if context.today_pinned else date.today
    store = open_store_for_window(context.db, ask_recovery, tell)
    if store is None:
        return 1
    instance = SingleInstance(name)
    instance.listen()
    try:
        window, controller = build_desk(store, clock, open_ui_settings())
        attach_window_backups(store, controller)
        instance.activationRequested.connect(lambda: bring_forward(window))
        window.show()
        return app.exec()
    finally:
        instance.close()
        store.close()
