"""Settings: bureau name and code, the timely default, the due-soon window, the monthly report's sign-off
(填报人, 审核人, 联系电话); shows the data folder.

Settings in, Settings out (signal `submitted`); the caller saves through the store.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.status import Status
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.texts import status_label
from disclosure_desk.ui.widgets.field_error import FieldError, with_error
from disclosure_desk.ui.window_geometry import RemembersSize

_log = logging.getLogger(__name__)


class SettingsDialog(RemembersSize, QDialog):
    size_key = "settings"

    submitted = Signal(object)  # Settings, already validated by the domain

    def __init__(self, settings: Settings, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_folder = data_folder
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(560)
        self.errors: dict[str, FieldError] = {}

        self.bureau_name = QLineEdit(settings.bureau_name, self)
        self.bureau_code = QLineEdit(settings.bureau_code, self)
        self.bureau_code.setMaxLength(18)
        self.bureau_code.setPlaceholderText(self.tr("18 位统一社会信用代码，用于生成索引号"))
        self.timely_days = QSpinBox(self)
        self.timely_days.setRange(
            0, 99
        )  # wider than allowed, so the domain's message is what the officer sees
        self.timely_days.setValue(settings.timely_days)
        self.timely_days.setSuffix(self.tr(" 个工作日"))
        self.due_soon_days = QSpinBox(self)
        self.due_soon_days.setRange(0, 99)
        self.due_soon_days.setValue(settings.due_soon_days)
        self.due_soon_days.setSuffix(self.tr(" 个工作日"))
        self.report_preparer = QLineEdit(settings.report_preparer, self)
        self.report_reviewer = QLineEdit(settings.report_reviewer, self)
        self.contact_phone = QLineEdit(settings.contact_phone, self)
        self.contact_phone.setPlaceholderText(self.tr("例如 0533-6181234"))
        self.folder = QLineEdit(str(data_folder), self)
        self.folder.setReadOnly(True)
        self.open_folder_button = QPushButton(self.tr("打开文件夹"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder_button)
        folder_box = QWidget(self)
        folder_box.setLayout(folder_row)

        form = QFormLayout()
        form.addRow(self.tr("单位名称"), with_error(self.bureau_name, self._error("bureau_name")))
        form.addRow(self.tr("统一社会信用代码"), with_error(self.bureau_code, self._error("bureau_code")))
        form.addRow(self.tr("“及时公开”默认期限"), with_error(self.timely_days, self._error("timely_days")))
        hint = QLabel(self.tr("目录写“及时公开”的事项，自形成或变更之日起按此工作日数计算应公开日期。"), self)
        hint.setObjectName("mutedLabel")
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(
            self.tr("“{0}”提醒").format(status_label(Status.DUE_SOON)),
            with_error(self.due_soon_days, self._error("due_soon_days")),
        )
        form.addRow(self.tr("数据文件夹"), folder_box)

        sign_off = QGroupBox(self.tr("月报落款"), self)
        sign_form = QFormLayout(sign_off)
        sign_form.addRow(self.tr("填报人"), with_error(self.report_preparer, self._error("report_preparer")))
        sign_form.addRow(self.tr("审核人"), with_error(self.report_reviewer, self._error("report_reviewer")))
        sign_form.addRow(self.tr("联系电话"), with_error(self.contact_phone, self._error("contact_phone")))
        sign_hint = QLabel(
            self.tr("导出的月报、年报末尾按此填写报送单位（即单位名称）、填报人、审核人和联系电话。"), self
        )
        sign_hint.setObjectName("mutedLabel")
        sign_hint.setWordWrap(True)
        sign_form.addRow("", sign_hint)
        self.general_error = FieldError(self)

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sign_off)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        apply_visual_tab_order(self)

    def _error(self, name: str) -> FieldError:
        self.errors[name] = FieldError(self)
        return self.errors[name]

    def value(self) -> Settings:
        return Settings(
            bureau_name=self.bureau_name.text(),
            bureau_code=self.bureau_code.text(),
            timely_days=self.timely_days.value(),
            due_soon_days=self.due_soon_days.value(),
            report_preparer=self.report_preparer.text(),
            report_reviewer=self.report_reviewer.text(),
            contact_phone=self.contact_phone.text(),
        )

    def submit(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.general_error.clear_message()
        try:
            settings = self.value().validated()
        except ValidationError as error:
            self.show_save_error(str(error), error.field)
            return
        self.submitted.emit(settings)

    def show_save_error(self, message: str, field: str = "") -> None:
        _log.info("Settings refused: %s", message)
        (self.errors.get(field) or self.general_error).show_message(message)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_folder)))
