"""The start page's one due-date list (issue 17): publications and the applications waiting for a reply
together, each in its own status word and colour, days left or late in working days, and a double-click,
Enter or F2 opening the right editor (one click selects, as in every list). The applicant's personal
data never shows there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
)
from disclosure_desk.domain.status import Status
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.ui.dialogs.application_editor import ApplicationEditor
from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
from disclosure_desk.ui.models.dashboard_model import OpenColumn, OpenWorkModel
from disclosure_desk.ui.panels.dashboard_panel import DashboardPanel
from disclosure_desk.ui.persistence import UiState
from disclosure_desk.ui.texts import STATUS_BACKGROUND, STATUS_FOREGROUND

pytestmark = pytest.mark.gui

NAME, ID_NUMBER, PHONE = "赵六", "370303198001011234", "13900000000"


def _apply(desk: Desk, received: str, content: str, *events: ApplicationEvent) -> Application:
    application = Application(
        received_on=date.fromisoformat(received),
        applicant_type=ApplicantType.NATURAL_PERSON,
        content=content,
        applicant_name=NAME,
        applicant_id_number=ID_NUMBER,
        applicant_contact=PHONE,
        events=events,
    )
    return ApplicationRegister(desk.store).add(application, TODAY)


@pytest.fixture
def mixed(desk: Desk) -> Desk:
    """As of Wednesday 2026-11-25: two publications and three open applications (one stopped), one
    replied."""
    desk.add(1, "十月形成的文件", formed_on=date(2026, 10, 8))  # due 11-04 (10-10 a 调休 Saturday)
    desk.add(1, "十一月形成的文件", formed_on=date(2026, 11, 2))  # due 11-30
    _apply(desk, "2026-10-20", "科技专项资金分配结果")  # due 11-17: overdue
    _apply(desk, "2026-11-02", "科普基地认定结果")  # due 11-30
    _apply(
        desk,
        "2026-11-20",
        "重点实验室评审专家名单",
        ApplicationEvent(EventKind.CONSULTATION_SENT, date(2026, 11, 23)),
    )
    replied = _apply(desk, "2026-10-20", "已答复的申请")
    ApplicationRegister(desk.store).reply(replied.id or 0, date(2026, 11, 10), "予以公开", TODAY)
    desk.controller.reload()
    return desk


def _panel(desk: Desk) -> DashboardPanel:
    return desk.window.dashboard_panel


def _column(
    model: OpenWorkModel, column: OpenColumn, role: int = Qt.ItemDataRole.DisplayRole
) -> list[object]:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_publications_and_applications_in_one_list_by_due_date(mixed: Desk) -> None:
    panel = _panel(mixed)
    model = panel.open_model
    assert _column(model, OpenColumn.TITLE) == [
        "十月形成的文件",
        "科技专项资金分配结果",
        "十一月形成的文件",
        "科普基地认定结果",
        "重点实验室评审专家名单",
    ]
    assert _column(model, OpenColumn.DUE) == [
        "2026-11-04",
        "2026-11-17",
        "2026-11-30",
        "2026-11-30",
        "2026-12-22",  # stopped: the earliest it can end if the clock ran again today
    ]
    assert _column(model, OpenColumn.STATUS) == ["逾期未公开", "逾期未答复", "即将到期", "即将到期", "办理中"]
    # the same unit for both kinds: working days
    assert _column(model, OpenColumn.LEFT) == [
        "逾期 15 个工作日",
        "逾期 6 个工作日",
        "还剩 3 个工作日",
        "还剩 3 个工作日",
        "暂停计时",
    ]
    assert _column(model, OpenColumn.PATH) == [
        "1. 决策 › 政策法规 › 部门文件",
        "依申请公开 2026-001",
        "1. 决策 › 政策法规 › 部门文件",
        "依申请公开 2026-002",
        "依申请公开 2026-003",
    ]
    # an overdue application is the red of an overdue publication, a due-soon one the amber
    foreground, background = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole
    for row, status in ((0, Status.OVERDUE), (1, Status.OVERDUE), (2, Status.DUE_SOON), (3, Status.DUE_SOON)):
        for column in (OpenColumn.LEFT, OpenColumn.STATUS):
            assert model.index(row, column).data(foreground) == STATUS_FOREGROUND[status]
            assert model.index(row, column).data(background) == STATUS_BACKGROUND[status]
    assert model.index(4, OpenColumn.LEFT).data(background) is None
    # the stopped clock says why, citing the article, where the officer points
    assert "征求意见" in model.index(4, OpenColumn.LEFT).data(Qt.ItemDataRole.ToolTipRole)
    assert "条例第33条" in model.index(1, OpenColumn.DUE).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.open_title.text() == "待办事项（未公开 2 条 · 3 件申请未答复，按截止日期排列）"


def test_no_personal_data_in_the_list(mixed: Desk) -> None:
    model = _panel(mixed).open_model
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    shown = " ".join(
        str(model.index(row, column).data(role) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in roles
    )
    assert shown.strip()
    for personal in (NAME, ID_NUMBER, PHONE):
        assert personal not in shown


def _act_on(mixed: Desk, row: int, how: str) -> None:
    view: QTableView = _panel(mixed).open_view
    index = _panel(mixed).open_model.index(row, OpenColumn.TITLE)
    center = view.visualRect(index).center()
    if how == "click":
        mixed.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    elif how == "double-click":
        # as Qt receives a real double-click: a click, then the second press arrives as a double-click
        mixed.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        mixed.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    elif how == "enter":
        view.setFocus()
        view.setCurrentIndex(index)
        mixed.qtbot.keyClick(view, Qt.Key.Key_Return)
    else:  # F2, the toolbar's 编辑, on the selected row
        mixed.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        assert mixed.window.edit_action.isEnabled()
        mixed.qtbot.keyClick(view, Qt.Key.Key_F2)


def _application_editor(mixed: Desk) -> ApplicationEditor:
    mixed.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ApplicationEditor))
    editor = QApplication.activeModalWidget()
    assert isinstance(editor, ApplicationEditor)
    return editor


@pytest.mark.parametrize("how", ["double-click", "enter", "F2"])
def test_an_application_row_opens_the_application_editor(mixed: Desk, how: str) -> None:
    _act_on(mixed, 1, how)
    editor = _application_editor(mixed)
    assert editor.value().number == "2026-001"
    assert mixed.controller.editor is None  # not the publication editor
    assert len(mixed.window.findChildren(ApplicationEditor)) == 1  # and only once
    editor.reject()


@pytest.mark.parametrize("how", ["double-click", "enter", "F2"])
def test_a_publication_row_opens_the_publication_editor(mixed: Desk, how: str) -> None:
    _act_on(mixed, 2, how)
    editor = mixed.controller.editor
    assert editor is not None and editor.value().title == "十一月形成的文件"
    assert mixed.window.findChildren(ApplicationEditor) == []
    editor.reject()


def test_one_click_selects_an_application_row(mixed: Desk) -> None:
    """As in every list of the window: one click selects, a double-click or Enter opens."""
    _act_on(mixed, 1, "click")
    assert _panel(mixed).current_application_id() == 1
    assert QApplication.activeModalWidget() is None and mixed.controller.editor is None
    # the toolbar's 删除 and 修改记录 act on the application, never on a publication
    assert mixed.window.delete_action.isEnabled() and mixed.window.history_action.isEnabled()
    mixed.window.history_action.trigger()
    mixed.qtbot.waitUntil(lambda: mixed.window.findChild(HistoryDialog) is not None)
    history = mixed.window.findChild(HistoryDialog)
    assert isinstance(history, HistoryDialog)
    assert history.model.index(0, 3).data() == "新建“科技专项资金分配结果”"
    assert mixed.controller.editor is None
    history.reject()


def test_replying_in_the_editor_takes_the_application_off_the_list(mixed: Desk) -> None:
    panel = _panel(mixed)
    _act_on(mixed, 1, "enter")
    editor = _application_editor(mixed)
    mixed.type(editor.reply_date.line_edit, "2026-11-25")
    editor.result_combo.setCurrentIndex(editor.result_combo.findData("予以公开"))
    editor.submit()
    mixed.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert "科技专项资金分配结果" not in _column(panel.open_model, OpenColumn.TITLE)
    assert panel.open_model.rowCount() == 4
    assert panel.open_title.text() == "待办事项（未公开 2 条 · 2 件申请未答复，按截止日期排列）"


def test_the_mixed_list_passes_the_model_tester(qtmodeltester, mixed: Desk) -> None:  # type: ignore[no-untyped-def]
    data = _panel(mixed).data
    assert data is not None and data.open_applications == 3
    model = OpenWorkModel()
    model.set_obligations(data.open_work, data.today)
    qtmodeltester.check(model)
    assert model.index(0, 0, QModelIndex()).isValid()


def test_column_widths_saved_for_other_columns_are_not_misapplied(mixed: Desk, tmp_path: Path) -> None:
    """A layout saved when the list had five columns (before 状态) must not hand each width to whichever
    column now sits at its place."""
    state = UiState(QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat))
    old = QTableView()
    old.setModel(QStandardItemModel(1, 5, old))
    old.setColumnWidth(1, 333)
    state.save_header("main/openTable", old.horizontalHeader())
    header = _panel(mixed).open_view.horizontalHeader()
    before = [header.sectionSize(c) for c in range(header.count())]
    state.restore_header("main/openTable", header)
    assert [header.sectionSize(c) for c in range(header.count())] == before
    # the same table's own layout still comes back
    header.resizeSection(OpenColumn.STATUS, 140)
    state.save_header("main/openTable", header)
    header.resizeSection(OpenColumn.STATUS, 90)
    state.restore_header("main/openTable", header)
    assert header.sectionSize(OpenColumn.STATUS) == 140
