"""Deleting an application in the window puts it in the trash, which shows it beside deleted publications
and restores it whole (events, reply clock, personal data kept in the editor): nothing typed is lost."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from disclosure_desk.domain.applications import (
    ApplicantType,
    Application,
    ApplicationEvent,
    EventKind,
)
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.trash_dialog import TrashDialog
from disclosure_desk.ui.main_window import APPLICATIONS_TAB
from disclosure_desk.ui.models.application_table import Column
from disclosure_desk.ui.models.dashboard_model import OpenColumn
from disclosure_desk.ui.models.trash_model import TrashModel

pytestmark = pytest.mark.gui

NAME, PHONE = "钱七", "13811112222"


def _apply(desk: Desk) -> Application:
    application = Application(
        received_on=date(2026, 11, 2),
        applicant_type=ApplicantType.COMMERCIAL_ENTERPRISE,
        content="科技专项资金分配结果",
        applicant_name=NAME,
        applicant_contact=PHONE,
        events=(ApplicationEvent(EventKind.EXTENDED, date(2026, 11, 20), "已电话告知", "王主任"),),
    )
    saved = ApplicationRegister(desk.store).add(application, TODAY)
    desk.controller.reload()
    return saved


def _select_in_tab(desk: Desk, number: str) -> None:
    desk.window.tabs.setCurrentIndex(APPLICATIONS_TAB)
    panel = desk.window.applications_panel
    row = next(
        r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, Column.NUMBER).data() == number
    )
    rect = panel.table.visualRect(panel.proxy.index(row, Column.CONTENT))
    desk.qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current_record() is not None


def _open_trash(desk: Desk) -> TrashDialog:
    desk.window.trash_action.trigger()
    dialog = desk.trash.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _trash_rows(dialog: TrashDialog) -> list[tuple[str, str]]:
    model = dialog.view.model()
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def _start_page_titles(desk: Desk) -> list[str]:
    model = desk.window.dashboard_panel.open_model
    return [model.index(r, OpenColumn.TITLE).data() for r in range(model.rowCount())]


def test_delete_asks_then_moves_to_the_trash_and_restore_brings_it_back_whole(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = _apply(desk)
    assert saved.id is not None
    register = ApplicationRegister(desk.store)
    before = register.application(saved.id)
    gone_publication = desk.add(1, "误删的部门文件", formed_on=date(2026, 11, 2))
    desk.store.delete_publication(gone_publication.id or 0)
    desk.controller.reload()
    assert "科技专项资金分配结果" in _start_page_titles(desk)

    # Del in the list asks first; "no" keeps it
    asked: list[str] = []
    monkeypatch.setattr(confirm, "ask_delete_application", lambda _p, number: asked.append(number) or False)
    _select_in_tab(desk, "2026-001")
    panel = desk.window.applications_panel
    desk.qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert asked == ["2026-001"]
    assert [a.id for a in register.applications()] == [saved.id]

    # "yes": off the tab and off the start page, into the trash
    monkeypatch.setattr(confirm, "ask_delete_application", lambda _p, _number: True)
    desk.qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert register.applications() == []
    assert panel.proxy.rowCount() == 0
    assert "科技专项资金分配结果" not in _start_page_titles(desk)
    assert desk.window.statusBar().currentMessage() == "已移到回收站：申请 2026-001"

    # the trash shows both kinds, the application by number and content, never by the applicant
    trash = _open_trash(desk)
    rows = _trash_rows(trash)
    assert sorted(rows) == sorted(
        [("科技专项资金分配结果", "依申请公开 2026-001"), ("误删的部门文件", "1. 决策 › 政策法规 › 部门文件")]
    )
    shown = " ".join(
        str(trash.view.model().index(r, c).data(role) or "")
        for r in range(trash.view.model().rowCount())
        for c in range(3)
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    )
    assert NAME not in shown and PHONE not in shown

    # the officer clicks the application's row and 恢复
    row = next(r for r, (_title, place) in enumerate(rows) if place == "依申请公开 2026-001")
    view = trash.view
    rect = view.visualRect(view.model().index(row, 0))
    desk.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert trash.current_application() is not None and trash.restore_button.isEnabled()
    desk.qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)

    # back whole: the same events, personal data and clock; on the tab, selected, and on the start page
    restored = register.application(saved.id)
    assert restored.deleted_at is None
    assert (restored.events, restored.applicant_name, restored.applicant_contact) == (
        before.events,
        NAME,
        PHONE,
    )
    assert _trash_rows(trash) == [("误删的部门文件", "1. 决策 › 政策法规 › 部门文件")]
    assert panel.proxy.rowCount() == 1
    current = panel.current_record()
    assert current is not None and current.application.id == saved.id
    assert current.clock.extended and current.clock.due_on == date(2026, 12, 28)
    assert "科技专项资金分配结果" in _start_page_titles(desk)
    assert desk.window.statusBar().currentMessage() == "已恢复申请：2026-001"
    # the publication in the trash is untouched
    assert [p.id for p in desk.store.publications(deleted=True)] == [gone_publication.id]
    trash.reject()


def test_delete_key_in_the_search_box_deletes_no_application(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    _apply(desk)
    _select_in_tab(desk, "2026-001")
    monkeypatch.setattr(confirm, "ask_delete_application", lambda _p, _number: True)
    search = desk.window.applications_panel.text
    search.setFocus()
    desk.qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert len(ApplicationRegister(desk.store).applications()) == 1


def test_purge_of_an_application_asks_first(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = _apply(desk)
    register = ApplicationRegister(desk.store)
    register.delete(saved.id or 0)
    trash = _open_trash(desk)
    trash.select_first()
    assert trash.current_application() is not None
    asked: list[str] = []
    monkeypatch.setattr(confirm, "ask_purge", lambda _p, label: asked.append(label) or False)
    desk.qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert asked == ["申请 2026-001"]
    assert len(register.applications(deleted=True)) == 1
    monkeypatch.setattr(confirm, "ask_purge", lambda _p, _label: True)
    trash.select_first()
    desk.qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert register.applications(deleted=True) == []
    assert trash.view.model().rowCount() == 0
    # what it was stays in the audit trail
    assert [e.action for e in desk.store.audit_history("application", saved.id or 0)][-1] == "purge"
    trash.reject()


def test_mixed_trash_model_passes_the_model_tester(qtmodeltester, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    saved = _apply(desk)
    ApplicationRegister(desk.store).delete(saved.id or 0)
    publication = desk.add(1, "待删除", formed_on=date(2026, 11, 2))
    desk.store.delete_publication(publication.id or 0)
    model = TrashModel()
    model.set_publications(
        desk.store.publications(deleted=True),
        desk.store.items_by_id(),
        ApplicationRegister(desk.store).applications(deleted=True),
    )
    qtmodeltester.check(model)
    assert {model.index(row, 1).data() for row in range(model.rowCount())} == {
        "1. 决策 › 政策法规 › 部门文件",
        "依申请公开 2026-001",
    }


def test_the_trash_lists_the_newest_deletion_first_and_sorts_by_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Deletion times sort as times, whichever kind was deleted (a plain proxy compared Python datetimes
    as opaque objects and left them in no order)."""
    minutes = [7, 2, 9, 4, 1, 8, 3, 6]
    publications = [
        Publication(item_id=1, title=f"记录{m}", id=m, deleted_at=datetime(2026, 11, 30, 9, m))
        for m in minutes[:4]
    ]
    applications = [
        Application(
            received_on=date(2026, 11, 2),
            applicant_type=ApplicantType.NATURAL_PERSON,
            content=f"申请{m}",
            id=m,
            number=f"2026-{m:03d}",
            deleted_at=datetime(2026, 11, 30, 9, m),
        )
        for m in minutes[4:]
    ]
    dialog = TrashDialog()
    qtbot.addWidget(dialog)
    dialog.set_publications(publications, {}, applications)
    view = dialog.view
    model = view.model()

    def shown() -> list[str]:
        return [model.index(row, 0).data() for row in range(model.rowCount())]

    assert shown() == ["记录9", "申请8", "记录7", "申请6", "记录4", "申请3", "记录2", "申请1"]
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # the officer clicks the header
    assert shown() == ["申请1", "记录2", "申请3", "记录4", "申请6", "记录7", "申请8", "记录9"]


def test_the_trash_menu_of_an_application_restores_it(desk: Desk) -> None:
    saved = _apply(desk)
    register = ApplicationRegister(desk.store)
    register.delete(saved.id or 0)
    trash = _open_trash(desk)
    view = trash.view
    pos = view.visualRect(view.model().index(0, 0)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menus = [m for m in view.findChildren(QMenu, "applicationTrashMenu") if m.isVisible()]
    assert len(menus) == 1
    menu = menus[0]
    assert [a.text() for a in menu.actions()] == ["恢复", "彻底删除…"]
    restore = menu.actions()[0]
    desk.qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(restore).center())
    assert [a.id for a in register.applications()] == [saved.id]
    assert view.model().rowCount() == 0
    trash.reject()
