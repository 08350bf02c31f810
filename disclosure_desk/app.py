"""The composition root of the window: the application, the store, the main window, and their wiring.

Everything is created and connected here, once; there is no global registry and the QApplication is not
an event bus. The clock is injected (the context's day), so tests and `--today` pin the date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from disclosure_desk import paths
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.persistence import UiState
from disclosure_desk.ui.presenters import Clock

if TYPE_CHECKING:
    from disclosure_desk.cli.context import CliContext


def data_folder_of(store: Store) -> Path:
    """The folder holding the database file (or the user data folder for a server database)."""
    file = sqlite_path(store.url)
    return file.parent if file is not None else paths.user_dir()


def build_desk(store: Store, clock: Clock, ui_settings: QSettings) -> tuple[MainWindow, DeskController]:
    """The main window and its controller, wired together and loaded; not yet shown."""
    window = MainWindow(UiState(ui_settings), clock=clock, title=store.bureau_name())
    controller = DeskController(store, window, clock, data_folder_of(store))
    window.newRequested.connect(controller.new_publication)
    window.editRequested.connect(controller.edit_publication)
    window.deleteRequested.connect(controller.delete_publication)
    window.trashRequested.connect(controller.open_trash)
    window.settingsRequested.connect(controller.open_settings)
    window.holidaysRequested.connect(controller.open_holidays)
    window.aboutRequested.connect(controller.show_about)
    controller.start()
    window.restore_layout()
    return window, controller


def run_gui(context: CliContext) -> int:
    from disclosure_desk.bootstrap import open_seeded_store
    from disclosure_desk.ui.application import configure_application, create_application

    app = create_application()
    configure_application(app)
    today: date = context.today
    try:
        store = open_seeded_store(context.db)
    except DisclosureDeskError as error:
        QMessageBox.critical(None, QCoreApplication.translate("App", "无法打开数据库"), str(error))
        return 1
    try:
        window, _controller = build_desk(store, lambda: today, QSettings())
        window.show()
        return app.exec()
    finally:
        store.close()
