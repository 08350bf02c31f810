"""标记为已公开: the quick way from a list — the day it went out (today unless changed), and, when the
catalogue's required channels are not all ticked, the channels (and why one was left out).

A Publication in, a new Publication out (`submitted`); the caller saves. The checks are the domain's, as
in the editor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Status
from disclosure_desk.domain.validation import (
    missing_required_channels,
    needs_missing_channel_reason,
    publication_problems,
)
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.texts import format_date, status_label
from disclosure_desk.ui.widgets.channel_boxes import ChannelBoxes
from disclosure_desk.ui.widgets.date_field import DateField
from disclosure_desk.ui.widgets.field_error import FieldError, place_problems, with_error
from disclosure_desk.ui.window_geometry import RemembersSize


class MarkPublishedDialog(RemembersSize, QDialog):
    submitted = Signal(object)  # Publication
    size_key = "markPublished"

    def __init__(
        self,
        publication: Publication,
        item: CatalogueItem,
        *,
        clock: Callable[[], date],
        due_on: date | None = None,
        calendar: WorkdayCalendar | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = publication
        self._item = item
        self._clock = clock
        self._due_on = due_on
        self.setObjectName("markPublishedDialog")
        self.setWindowTitle(self.tr("标记为已公开"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 30)
        self.errors: dict[str, FieldError] = {}

        heading = QLabel(self.tr("“{0}”").format(publication.title), self)
        heading.setObjectName("itemHeading")
        heading.setWordWrap(True)
        self.date_field = DateField(self, clock=clock, calendar=calendar)
        self.date_field.set_date(clock())
        self.due_note = QLabel(self)
        self.due_note.setObjectName("mutedLabel")
        self.late_reason_edit = QLineEdit(publication.late_reason, self)
        self.late_reason_edit.setPlaceholderText(self.tr("原因及处理情况（汇入月报“情况说明”）"))
        self.late_label = QLabel(self.tr("逾期原因"), self)

        # channels only when the catalogue's required ones are not all ticked: otherwise nothing to ask
        self.asks_channels = bool(missing_required_channels(publication, item))
        self.channels = ChannelBoxes(self)
        self.channels.set_required(item.channels)
        self.channels.set_ticked(publication.channels)
        self.reason_edit = QLineEdit(publication.missing_channel_reason, self)
        self.reason_edit.setPlaceholderText(self.tr("说明为何未通过目录要求的渠道公开"))
        self.reason_label = QLabel(self.tr("未按目录渠道公开的原因 *"), self)
        channels_box = QGroupBox(self.tr("公开渠道和载体（目录要求的渠道尚未全部勾选）"), self)
        channels_layout = QVBoxLayout(channels_box)
        channels_layout.addWidget(self.channels)
        channels_layout.addWidget(self.reason_label)
        channels_layout.addWidget(with_error(self.reason_edit, self._error("missing_channel_reason")))
        channels_box.setVisible(self.asks_channels)

        self.general_error = FieldError(self)
        buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = buttons.addButton(
            self.tr("标记为已公开"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("公开日期"), with_error(self.date_field, self._error("published_on")))
        form.addRow("", self.due_note)
        form.addRow(self.late_label, self.late_reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(channels_box)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.date_field.dateChanged.connect(self._refresh)
        self.channels.changed.connect(self._refresh)
        self._refresh()
        apply_visual_tab_order(self)
        self.date_field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date_field.line_edit.selectAll()

    def _error(self, name: str) -> FieldError:
        self.errors[name] = FieldError(self)
        return self.errors[name]

    def _refresh(self, *_args: object) -> None:
        published = self.date_field.date()
        late = self._due_on is not None and published is not None and published > self._due_on
        if self._due_on is not None:
            self.due_note.setText(
                self.tr("应公开日期 {0}{1}").format(
                    format_date(self._due_on),
                    self.tr("，按此日期为{0}").format(status_label(Status.PUBLISHED_LATE)) if late else "",
                )
            )
        self.due_note.setVisible(self._due_on is not None)
        self.late_label.setVisible(late)
        self.late_reason_edit.setVisible(late)
        needed = self.asks_channels and needs_missing_channel_reason(self.value(), self._item)
        self.reason_label.setVisible(needed)
        self.reason_edit.setVisible(needed)

    def value(self) -> Publication:
        return dataclasses.replace(
            self._original,
            published_on=self.date_field.date(),
            channels=self.channels.ticked(),
            missing_channel_reason=self.reason_edit.text().strip()
            if self.reason_edit.isVisibleTo(self)
            else self._original.missing_channel_reason,
            late_reason=self.late_reason_edit.text().strip(),
        )

    def problems(self) -> list[ValidationError]:
        if self.date_field.error():
            return [ValidationError(self.date_field.error(), "published_on")]
        value = self.value()
        if value.published_on is None:
            return [ValidationError(self.tr("请填写公开日期。"), "published_on")]
        return publication_problems(value, self._item, self._clock())

    def submit(self) -> None:
        problems = self.problems()
        self.show_problems(problems)
        if not problems:
            self.submitted.emit(self.value())

    def show_problems(self, problems: list[ValidationError]) -> None:
        place_problems(problems, self.errors, self.general_error)

    def show_save_error(self, message: str, field: str = "") -> None:
        self.show_problems([ValidationError(message, field)])
