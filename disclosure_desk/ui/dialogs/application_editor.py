"""The application editor: an Application in, a new Application out (signal `submitted`); the caller saves.

The only place the applicant's personal data (name, ID number, contact) is shown. The event timeline is a
QTableView over a small model; the reply clock beside it is recomputed on every change through the
`evaluate` callback (a pure domain function the caller supplies), so the officer sees the due date move
as events are added, with the articles it follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.application_clock import ReplyClock, sorted_events
from disclosure_desk.domain.applications import (
    APPLICANT_TYPES,
    RECEIVED_LABEL,
    REPLIED_LABEL,
    REPLY_RESULTS,
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    ReceiptChannel,
    reply_result,
)
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.ui.application_texts import application_status_foreground, application_status_label
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.widgets.date_field import DateField
from disclosure_desk.ui.window_geometry import RemembersSize

AnyIndex = QModelIndex | QPersistentModelIndex


class TimelineModel(QAbstractTableModel):
    """收到申请, then the events in date order, then 答复: date · what · note · approved by."""

    HEADERS = ("日期", "事件", "说明", "批准人")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[date, str, str, str, ApplicationEvent | None]] = []

    def set_application(self, application: Application) -> None:
        self.beginResetModel()
        rows: list[tuple[date, str, str, str, ApplicationEvent | None]] = [
            (application.received_on, self.tr(RECEIVED_LABEL), application.via.value, "", None)
        ]
        for event in sorted_events(application.events):
            note = event.note
            if event.notified_on is not None:
                told = self.tr("{0}告知申请人").format(event.notified_on.isoformat())
                note = f"{note}（{told}）" if note else told
            rows.append((event.on, self.tr(event.kind.label), note, event.approved_by, event))
        if application.replied_on is not None:
            result = application.result.label if application.result else ""
            rows.append((application.replied_on, self.tr(REPLIED_LABEL), result, "", None))
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        day, what, note, who, _event = self.rows[index.row()]
        return (day.isoformat(), what, note, who)[index.column()]

    def event_at(self, row: int) -> ApplicationEvent | None:
        return self.rows[row][4] if 0 <= row < len(self.rows) else None


class ApplicationEditor(RemembersSize, QDialog):
    submitted = Signal(object)  # Application; the caller saves it (and may call show_save_error)
    size_key = "applicationEditor"

    def __init__(
        self,
        application: Application,
        *,
        evaluate: Callable[[Application], ReplyClock],
        clock: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = application
        self._events: list[ApplicationEvent] = list(application.events)
        self._evaluate = evaluate
        self.setObjectName("applicationEditor")
        self.setWindowTitle(
            self.tr("登记政府信息公开申请") if application.id is None else self.tr("办理申请")
        )

        # --- the request ---
        self.number_edit = QLineEdit(application.number, self)
        self.number_edit.setPlaceholderText(self.tr("留空则按年份自动编号，如 2026-001"))
        self.received_field = DateField(self, clock=clock)
        self.received_field.set_date(application.received_on)
        self.via_combo = QComboBox(self)
        for channel in ReceiptChannel:
            self.via_combo.addItem(channel.value, channel)
        self.via_combo.setCurrentIndex(self.via_combo.findData(application.via))
        self.via_hint = QLabel(self)
        self.via_hint.setObjectName("mutedLabel")
        self.via_hint.setWordWrap(True)
        self.type_combo = QComboBox(self)
        for kind in APPLICANT_TYPES:
            self.type_combo.addItem(kind.label, kind)
        self.type_combo.setCurrentIndex(self.type_combo.findData(application.applicant_type))
        self.content_edit = QPlainTextEdit(application.content, self)
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        request = QGroupBox(self.tr("申请"), self)
        form = QFormLayout(request)
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_field)
        received_row.addWidget(QLabel(self.tr("提交方式")))
        received_row.addWidget(self.via_combo)
        received_row.addStretch(1)
        form.addRow(self.tr("申请编号"), self.number_edit)
        form.addRow(self.tr("收到申请日期"), received_row)
        form.addRow("", self.via_hint)
        form.addRow(self.tr("申请人类型"), self.type_combo)
        form.addRow(self.tr("申请内容"), self.content_edit)

        # --- the applicant (personal information: only here) ---
        self.name_edit = QLineEdit(application.applicant_name, self)
        self.id_edit = QLineEdit(application.applicant_id_number, self)
        self.contact_edit = QLineEdit(application.applicant_contact, self)
        applicant = QGroupBox(self.tr("申请人（个人信息，仅在此处显示，不进入列表和报表）"), self)
        applicant_form = QFormLayout(applicant)
        applicant_form.addRow(self.tr("姓名或名称"), self.name_edit)
        applicant_form.addRow(self.tr("证件号码"), self.id_edit)
        applicant_form.addRow(self.tr("联系方式"), self.contact_edit)

        # --- the timeline and new events ---
        self.timeline = TimelineModel(self)
        self.timeline_view = QTableView(self)
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline_view.verticalHeader().setVisible(False)
        header = self.timeline_view.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline_view.setColumnWidth(0, self.fontMetrics().horizontalAdvance("2026-11-30") + 20)
        self.kind_combo = QComboBox(self)
        for event_kind in EventKind:
            self.kind_combo.addItem(self.tr(event_kind.label), event_kind)
        self.event_date = DateField(self, clock=clock)
        self.event_note = QLineEdit(self)
        self.event_note.setPlaceholderText(self.tr("说明（可选）"))
        self.approved_by = QLineEdit(self)
        self.approved_by.setPlaceholderText(self.tr("延期的批准人"))
        self.notified = DateField(self, clock=clock)
        self.notified.line_edit.setPlaceholderText(self.tr("告知申请人日期"))
        self.notified.setToolTip(self.tr("延期告知申请人的日期（条例第33条）"))
        self.add_event_button = QPushButton(self.tr("添加事件"), self)
        self.remove_event_button = QPushButton(self.tr("删除所选事件"), self)
        timeline_box = QGroupBox(self.tr("办理过程"), self)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addWidget(self.timeline_view, 1)
        adder = QGridLayout()
        adder.addWidget(self.kind_combo, 0, 0)
        adder.addWidget(self.event_date, 0, 1)
        adder.addWidget(self.approved_by, 0, 2)
        adder.addWidget(self.remove_event_button, 0, 3)
        # the extension's notice day sits under its date, the note beside it
        self.notified_label = QLabel(self.tr("告知申请人"), self)
        self.notified_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.notified_label.setBuddy(self.notified.line_edit)
        adder.addWidget(self.notified_label, 1, 0)
        adder.addWidget(self.notified, 1, 1)
        adder.addWidget(self.event_note, 1, 2)
        adder.addWidget(self.add_event_button, 1, 3)  # after every field of the event in Tab order
        adder.setColumnStretch(2, 1)
        timeline_layout.addLayout(adder)

        # --- the reply and the clock ---
        self.reply_date = DateField(self, clock=clock)
        self.reply_date.set_date(application.replied_on)
        self.result_combo = QComboBox(self)
        self.result_combo.addItem(self.tr("（尚未答复）"), "")
        for result in REPLY_RESULTS:
            self.result_combo.addItem(result.label, result.code)
        self.result_combo.setCurrentIndex(
            max(self.result_combo.findData(application.result.code if application.result else ""), 0)
        )
        self.result_combo.setMinimumContentsLength(16)
        self.result_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        reply_row = QHBoxLayout()
        reply_row.addWidget(QLabel(self.tr("答复日期")))
        reply_row.addWidget(self.reply_date)
        reply_row.addWidget(QLabel(self.tr("办理结果")))
        reply_row.addWidget(self.result_combo, 1)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockSummary")
        self.explanation_label = QLabel(self)
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reply_box = QGroupBox(self.tr("答复与期限"), self)
        reply_layout = QVBoxLayout(reply_box)
        reply_layout.addLayout(reply_row)
        reply_layout.addWidget(self.clock_label)
        reply_layout.addWidget(self.explanation_label)

        self.notes_edit = QLineEdit(application.notes, self)
        self.notes_edit.setPlaceholderText(self.tr("备注"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b71c1c;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(request)
        left.addWidget(applicant)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(timeline_box, 1)
        right.addWidget(reply_box)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.notes_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.via_combo.currentIndexChanged.connect(self._update_hint)
        self.kind_combo.currentIndexChanged.connect(self._update_adder)
        self.add_event_button.clicked.connect(self.add_event)
        self.remove_event_button.clicked.connect(self.remove_selected_event)
        self.timeline_view.selectionModel().selectionChanged.connect(self._update_adder)
        for field in (self.received_field, self.reply_date):
            field.dateChanged.connect(self.refresh)
        self.result_combo.currentIndexChanged.connect(self.refresh)
        self._update_hint()
        self._update_adder()
        self.refresh()
        self.resize(1100, 640)
        apply_visual_tab_order(self)

    # --- the value ----------------------------------------------------------------------------------

    def value(self) -> Application:
        """What the form says now (the received date falls back to the original while being typed)."""
        return replace(
            self._original,
            number=self.number_edit.text().strip(),
            received_on=self.received_field.date() or self._original.received_on,
            via=ReceiptChannel(self.via_combo.currentData()),
            applicant_type=ApplicantType(self.type_combo.currentData()),
            content=self.content_edit.toPlainText().strip(),
            applicant_name=self.name_edit.text().strip(),
            applicant_id_number=self.id_edit.text().strip(),
            applicant_contact=self.contact_edit.text().strip(),
            events=tuple(self._events),
            replied_on=self.reply_date.date(),
            result=reply_result(self.result_combo.currentData()) if self.result_combo.currentData() else None,
            notes=self.notes_edit.text().strip(),
        )

    def refresh(self, *_args: object) -> None:
        """Recompute the timeline and the clock from what the form says."""
        value = self.value()
        self.timeline.set_application(value)
        try:
            clock = self._evaluate(value)
        except ValidationError as error:
            self.clock_label.setText(str(error))
            self.explanation_label.setText("")
            return
        status = application_status_label(clock.status, clock.paused)
        due = clock.due_on.isoformat() if clock.due_on else "—"
        left = ""
        if clock.days_left is not None:
            left = (
                self.tr("，剩余 {0} 个工作日").format(clock.days_left)
                if clock.days_left >= 0
                else self.tr("，已逾期 {0} 个工作日").format(-clock.days_left)
            )
        self.clock_label.setText(self.tr("答复期限：{0}　{1}{2}").format(due, status, left))
        colour = application_status_foreground(clock.status)
        self.clock_label.setStyleSheet(
            f"font-weight: bold; color: {colour.name()};" if colour else "font-weight: bold;"
        )
        self.explanation_label.setText("\n".join([clock.due.explanation, *clock.due.warnings]))

    # --- events -------------------------------------------------------------------------------------

    def add_event(self) -> None:
        day = self.event_date.date()
        if day is None:
            self.show_save_error(self.event_date.error() or self.tr("请填写事件日期。"))
            return
        kind = EventKind(self.kind_combo.currentData())
        if kind is EventKind.EXTENDED and self.notified.date() is None and self.notified.error():
            self.show_save_error(self.notified.error())
            return
        event = ApplicationEvent(
            kind,
            day,
            self.event_note.text().strip(),
            self.approved_by.text().strip(),
            notified_on=self.notified.date() if kind is EventKind.EXTENDED else None,
        )
        candidate = [*self._events, event]
        try:
            self._evaluate(replace(self.value(), events=tuple(candidate)))
        except ValidationError as error:
            self.show_save_error(str(error))
            return
        self._events = candidate
        self.event_note.clear()
        self.approved_by.clear()
        self.notified.set_date(None)
        self.event_date.set_date(None)
        self.error_label.clear()
        self.refresh()

    def remove_selected_event(self) -> None:
        index = self.timeline_view.currentIndex()
        event = self.timeline.event_at(index.row()) if index.isValid() else None
        if event is None:
            return
        remaining = list(self._events)
        remaining.remove(event)
        self._events = remaining
        self.refresh()

    def _update_adder(self, *_args: object) -> None:
        extension = self.kind_combo.currentData() == EventKind.EXTENDED.value
        self.approved_by.setEnabled(extension)
        self.notified.setEnabled(extension)
        self.notified_label.setEnabled(extension)
        index = self.timeline_view.currentIndex()
        self.remove_event_button.setEnabled(
            index.isValid() and self.timeline.event_at(index.row()) is not None
        )

    def _update_hint(self, *_args: object) -> None:
        channel = ReceiptChannel(self.via_combo.currentData())
        self.via_hint.setText(self.tr(channel.receipt_rule))

    # --- saving -------------------------------------------------------------------------------------

    def submit(self) -> None:
        for field, name in (
            (self.received_field, self.tr("收到申请日期")),
            (self.reply_date, self.tr("答复日期")),
        ):
            if field.error():
                self.show_save_error(f"{name}：{field.error()}")
                return
        if self.received_field.date() is None:
            self.show_save_error(self.tr("请填写收到申请日期。"))
            return
        self.error_label.clear()
        self.submitted.emit(self.value())

    def show_save_error(self, message: str, field: str = "") -> None:
        """Say why it could not be saved; keep everything typed."""
        self.error_label.setText(message)
