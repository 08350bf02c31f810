"""The officer's settings and the holiday schedules: open their dialogs, save through the store, and
reload, since both change due dates.

Created once in the composition root (attach_settings); it reloads through the DeskController.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from disclosure_desk.domain.errors import CalendarError, DisclosureDeskError
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.io import holidays_import
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.holidays_dialog import HolidaysDialog
from disclosure_desk.ui.dialogs.open_once import OpenOnce
from disclosure_desk.ui.dialogs.settings_dialog import SettingsDialog
from disclosure_desk.ui.main_window import MainWindow


class SettingsController(QObject):
    def __init__(self, store: Store, window: MainWindow, desk: DeskController) -> None:
        super().__init__(window)
        self.setObjectName("settingsController")
        self.store = store
        self.window = window
        self.desk = desk
        self._settings: OpenOnce[SettingsDialog] = OpenOnce()
        self._holidays: OpenOnce[HolidaysDialog] = OpenOnce()

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        return self._settings.dialog

    @property
    def holidays_dialog(self) -> HolidaysDialog | None:
        return self._holidays.dialog

    # --- settings -----------------------------------------------------------------------------------

    def open_settings(self) -> None:
        if self._settings.raise_open():
            return
        dialog = SettingsDialog(self.store.settings(), self.desk.data_folder, self.window)
        dialog.submitted.connect(lambda value: self._save_settings(dialog, value))
        self._settings.open(dialog)

    def _save_settings(self, dialog: SettingsDialog, settings: Settings) -> None:
        try:
            self.store.save_settings(settings)
        except DisclosureDeskError as error:
            dialog.show_save_error(str(error), error.field)
            return
        dialog.accept()
        self.desk.reload_infos()
        self.desk.reload()
        self.window.show_status(self.tr("已保存设置"))

    # --- holidays -----------------------------------------------------------------------------------

    def open_holidays(self) -> None:
        if self._holidays.raise_open():
            return
        dialog = HolidaysDialog(
            self.store.holiday_schedules(), default_year=self.desk.clock().year + 1, parent=self.window
        )
        dialog.saveRequested.connect(self.save_holiday_year)
        dialog.importRequested.connect(self.import_holidays)
        self._holidays.open(dialog)

    def save_holiday_year(self, schedule: YearSchedule) -> None:
        self._save_schedules([schedule], self.tr("已保存{0}年的节假日安排").format(schedule.year))

    def import_holidays(self, path: str) -> None:
        parent = self.holidays_dialog or self.window
        try:
            schedules = holidays_import.read_holiday_file(path)
        except CalendarError as error:
            confirm.show_error(parent, self.tr("无法导入节假日安排"), str(error))
            return
        known = {s.year for s in self.store.holiday_schedules()}
        years = "、".join(
            f"{s.year}" + (self.tr("（替换现有安排）") if s.year in known else "") for s in schedules
        )
        if not confirm.ask_import_holidays(
            parent, self.tr("将从文件导入以下年份的节假日安排：{0}").format(years)
        ):
            return
        self._save_schedules(
            schedules, self.tr("已导入{0}年的节假日安排").format("、".join(str(s.year) for s in schedules))
        )

    def _save_schedules(self, schedules: list[YearSchedule], done: str) -> None:
        parent = self.holidays_dialog or self.window
        try:
            changed = self.store.save_holiday_schedules(schedules)
        except DisclosureDeskError as error:
            confirm.show_error(parent, self.tr("无法保存节假日安排"), str(error))
            return
        message = done + self.tr("；{0} 条公开信息的应公开日期随之改变。").format(changed)
        if self.holidays_dialog is not None:
            self.holidays_dialog.set_schedules(self.store.holiday_schedules(), select_year=schedules[0].year)
            self.holidays_dialog.show_message(message)
        self.desk.reload()
        self.window.show_status(message)


def attach_settings(store: Store, window: MainWindow, desk: DeskController) -> SettingsController:
    """Wire 工具 → 设置 and 节假日安排 into a built desk."""
    settings = SettingsController(store, window, desk)
    window.settingsRequested.connect(settings.open_settings)
    window.holidaysRequested.connect(settings.open_holidays)
    return settings
