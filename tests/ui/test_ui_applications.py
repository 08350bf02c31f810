"""The 依申请公开 tab as the officer uses it: register a request, record its events, reply, filter; the
applicant's personal data only in the editor; the start page card and the tray reminder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from disclosure_desk.app import build_desk
from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
    ReceiptChannel,
)
from disclosure_desk.domain.status import Status
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.applications_controller import ApplicationsController
from disclosure_desk.ui.dialogs.application_editor import ApplicationEditor
from disclosure_desk.ui.main_window import APPLICATIONS_TAB
from disclosure_desk.ui.models.application_table import Column
from disclosure_desk.ui.texts import STATUS_FOREGROUND

pytestmark = pytest.mark.gui


def register(desk: Desk, received: str, name: str = "王五", **changes: object) -> Application:
    application = Application(
        received_on=date.fromisoformat(received),
        applicant_type=ApplicantType.COMMERCIAL_ENTERPRISE,
        content=f"{received} 收到的申请",
        via=ReceiptChannel.POST,
        applicant_name=name,
        applicant_contact="13900000000",
        **changes,  # type: ignore[arg-type]
    )
    saved = ApplicationRegister(desk.store).add(application, TODAY)
    desk.controller.reload()
    return saved


def controller(desk: Desk) -> ApplicationsController:
    found = desk.window.findChild(ApplicationsController)
    assert found is not None
    return found


def open_editor(desk: Desk) -> ApplicationEditor:
    desk.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ApplicationEditor))
    editor = QApplication.activeModalWidget()
    assert isinstance(editor, ApplicationEditor)
    return editor


def shown_text(desk: Desk) -> str:
    model = desk.window.applications_panel.proxy
    return "\n".join(
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    )


def test_register_a_request_with_its_events_through_the_editor(desk: Desk) -> None:
    panel = desk.window.applications_panel
    desk.window.tabs.setCurrentIndex(APPLICATIONS_TAB)
    desk.qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    editor = open_editor(desk)
    editor.received_field.line_edit.clear()
    desk.type(editor.received_field.line_edit, "2026-11-02")
    editor.via_combo.setCurrentIndex(editor.via_combo.findData(ReceiptChannel.POST.value))
    assert "签收之日" in editor.via_hint.text()
    desk.type(editor.content_edit, "2026年度科技计划项目立项名单")
    desk.type(editor.name_edit, "赵六")
    # consultation sent 11-09, answered 11-20: the clock moves the due date from 11-30 to 12-11
    assert "2026-11-30" in editor.clock_label.text()
    for kind, day in (
        (EventKind.CONSULTATION_SENT, "2026-11-09"),
        (EventKind.CONSULTATION_ANSWERED, "2026-11-20"),
    ):
        editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(kind.value))
        desk.type(editor.event_date.line_edit, day)
        desk.qtbot.mouseClick(editor.add_event_button, Qt.MouseButton.LeftButton)
    assert editor.timeline.rowCount() == 3  # 收到申请, 征求意见, 收到意见
    assert "2026-12-11" in editor.clock_label.text()
    assert "11月10日至11月20日不计入" in editor.explanation_label.text()
    desk.qtbot.mouseClick(editor.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    [saved] = ApplicationRegister(desk.store).applications()
    assert saved.number == "2026-001" and saved.applicant_name == "赵六"
    assert [e.kind for e in saved.events] == [EventKind.CONSULTATION_SENT, EventKind.CONSULTATION_ANSWERED]
    assert panel.current_record() is not None
    text = shown_text(desk)
    assert "2026-12-11" in text and "2026年度科技计划项目立项名单" in text
    assert "赵六" not in text  # personal data never in the list


def test_a_second_extension_is_refused_in_the_editor_and_nothing_changes(desk: Desk) -> None:
    saved = register(
        desk,
        "2026-11-02",
        events=(ApplicationEvent(EventKind.EXTENDED, date(2026, 11, 20), approved_by="李主任"),),
    )
    panel = desk.window.applications_panel
    desk.window.tabs.setCurrentIndex(APPLICATIONS_TAB)
    assert panel.select_application(saved.id or 0)
    desk.qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    editor = open_editor(desk)
    assert editor.name_edit.text() == "王五"  # the editor is where the applicant's data is
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(EventKind.EXTENDED.value))
    desk.type(editor.event_date.line_edit, "2026-11-24")
    desk.qtbot.mouseClick(editor.add_event_button, Qt.MouseButton.LeftButton)
    assert "已经延期一次" in editor.error_label.text()
    assert editor.timeline.rowCount() == 2
    # a reply dated before receipt is refused when saving, and the register keeps what it had
    desk.type(editor.reply_date.line_edit, "2026-10-30")
    editor.result_combo.setCurrentIndex(1)
    desk.qtbot.mouseClick(editor.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert "早于收到申请日期" in editor.error_label.text()
    editor.reject()
    assert ApplicationRegister(desk.store).application(saved.id or 0) == saved


def test_statuses_colours_filters_and_the_start_page(desk: Desk) -> None:
    register(desk, "2026-10-12", name="逾期人")  # due 11-09: overdue on 11-25
    register(desk, "2026-11-02")  # due 11-30: 3 working days away, due soon
    replied = register(desk, "2026-11-03")
    ApplicationRegister(desk.store).reply(replied.id or 0, date(2026, 11, 20), "予以公开", TODAY)
    desk.controller.reload()
    panel = desk.window.applications_panel
    model = panel.proxy
    statuses = {model.index(r, Column.STATUS).data() for r in range(model.rowCount())}
    assert statuses == {"逾期未答复", "即将到期", "按时答复"}
    overdue_row = next(
        r for r in range(model.rowCount()) if model.index(r, Column.STATUS).data() == "逾期未答复"
    )
    colour = model.index(overdue_row, Column.STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == STATUS_FOREGROUND[Status.OVERDUE]  # the same red as an overdue publication
    assert "逾期" in model.index(overdue_row, Column.LEFT).data()

    panel.status.setCurrentIndex(panel.status.findData("overdue"))
    assert model.rowCount() == 1
    panel.status.setCurrentIndex(panel.status.findData("open"))
    assert model.rowCount() == 2
    panel.status.setCurrentIndex(0)
    desk.type(panel.text, "11-03")
    assert model.rowCount() == 1
    assert "共 3 件，未答复 2 件" in panel.count_label.text()

    card = desk.window.dashboard_panel.applications_card
    assert card.value.text() == "2"
    assert "逾期未答复 1 件，即将到期 1 件" in card.note.text()
    assert card.property("alert") == "overdue"


def test_models_pass_the_model_tester(qtmodeltester, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    register(desk, "2026-10-12")
    register(desk, "2026-11-02")
    qtmodeltester.check(desk.window.applications_panel.source)
    qtmodeltester.check(desk.window.applications_panel.proxy)


@dataclass
class FakeNotifier:
    messages: list[tuple[str, str]] = field(default_factory=list)

    def notify(self, title: str, message: str) -> None:
        self.messages.append((title, message))

    def set_count(self, count: int, tooltip: str) -> None:
        pass


def test_tray_reminds_of_late_requests_by_number_never_by_name(
    qtbot: QtBot, store: Store, ui_settings: QSettings
) -> None:
    ApplicationRegister(store).add(
        Application(
            received_on=date(2026, 10, 12),
            applicant_type=ApplicantType.NATURAL_PERSON,
            content="某项目的验收报告",
            applicant_name="孙七",
        ),
        TODAY,
    )
    notifier = FakeNotifier()
    window, desk_controller = build_desk(store, lambda: TODAY, ui_settings, notifier=notifier)
    qtbot.addWidget(window)
    [(title, message)] = [m for m in notifier.messages if m[0].startswith("依申请公开提醒")]
    assert title == "依申请公开提醒：逾期未答复 1 件"
    assert "申请 2026-001，答复期限 2026-11-09" in message
    assert "孙七" not in title + message
    desk_controller.reload()  # the same day, the same counts: said once
    assert len([m for m in notifier.messages if m[0].startswith("依申请公开提醒")]) == 1


def test_an_extension_is_recorded_with_its_approver_and_the_day_the_applicant_was_told(desk: Desk) -> None:
    saved = register(desk, "2026-11-02")
    panel = desk.window.applications_panel
    desk.window.tabs.setCurrentIndex(APPLICATIONS_TAB)
    assert panel.select_application(saved.id or 0)
    desk.qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    editor = open_editor(desk)
    assert not editor.notified.isEnabled()  # only an extension is told to the applicant
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(EventKind.EXTENDED.value))
    assert editor.notified.isEnabled()
    # Tab goes through the event's fields in reading order, and only then to 添加事件
    focused = editor.event_date.line_edit
    focused.setFocus()
    chain = []
    for _ in range(4):
        desk.qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = editor.focusWidget()
        chain.append(focused)
    fields = [editor.approved_by, editor.notified.line_edit, editor.event_note, editor.add_event_button]
    assert chain == fields
    desk.type(editor.event_date.line_edit, "2026-11-20")
    desk.type(editor.approved_by, "李主任")
    desk.type(editor.notified.line_edit, "2026-11-23")
    desk.qtbot.mouseClick(editor.add_event_button, Qt.MouseButton.LeftButton)
    assert editor.error_label.text() == ""
    assert "2026-11-23告知申请人" in editor.explanation_label.text()
    shown = [str(editor.timeline.index(r, 2).data() or "") for r in range(editor.timeline.rowCount())]
    assert "2026-11-23告知申请人" in shown
    desk.qtbot.mouseClick(editor.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    [event] = ApplicationRegister(desk.store).application(saved.id or 0).events
    assert (event.approved_by, event.notified_on) == ("李主任", date(2026, 11, 23))
