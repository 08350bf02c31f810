"""Quick actions on any list: the one context menu (标记为今天已公开, 编辑, 删除, 查看历史, 复制标题)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.applications import ApplicantType, Application
from disclosure_desk.domain.status import Status
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.application_editor import ApplicationEditor
from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
from disclosure_desk.ui.dialogs.mark_published_dialog import MarkPublishedDialog
from disclosure_desk.ui.main_window import ALL_TAB, APPLICATIONS_TAB, DASHBOARD_TAB
from disclosure_desk.ui.models.roles import ROW_ROLE

pytestmark = pytest.mark.gui

MENU = ["标记为今天已公开…", "编辑…", "删除", "", "查看历史…", "复制标题"]


def right_click(desk: Desk, view: QAbstractItemView, index: QModelIndex) -> QMenu:
    """Press the right button on the row (it selects it) and let the context menu come up."""
    pos = view.visualRect(index).center()
    desk.qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    if _open_menu(view) is None:  # platforms that raise the menu on release, not on press
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
        QApplication.sendEvent(view.viewport(), event)
    menu = _open_menu(view)
    assert menu is not None
    return menu


def _open_menu(view: QAbstractItemView) -> QMenu | None:
    menus = [m for m in view.findChildren(QMenu, "publicationMenu") if m.isVisible()]
    return menus[-1] if menus else None


def pick(desk: Desk, menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text)
    assert action.isEnabled(), text
    desk.qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


def mark_dialog(desk: Desk) -> MarkPublishedDialog:
    desk.qtbot.waitUntil(lambda: desk.controller.mark_dialog is not None)
    dialog = desk.controller.mark_dialog
    assert dialog is not None
    desk.activate(dialog)
    return dialog


def test_mark_published_from_the_register_asks_for_the_missing_channel(desk: Desk) -> None:
    saved = desk.add(1, "关于印发《科技创新券管理办法》的通知", formed_on=date(2026, 11, 2))
    assert saved.channels == ()
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    table = desk.window.publications_panel.table
    menu = right_click(desk, table, table.proxy.index(0, 0))
    assert texts(menu) == MENU
    pick(desk, menu, "标记为今天已公开…")

    dialog = mark_dialog(desk)
    assert dialog.date_field.date() == TODAY, "today, unless the officer says otherwise"
    assert dialog.asks_channels, "政府网站 is required and not ticked: the dialog asks"
    assert "（必选）" in dialog.channels.boxes["政府网站"].text()
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "政府网站" in dialog.errors["missing_channel_reason"].text()
    assert desk.store.publication(saved.id or 0).published_on is None, "nothing saved yet"

    desk.tick(dialog.channels.boxes["政府网站"])
    assert not dialog.reason_edit.isVisible(), "ticked: no reason needed"
    desk.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: desk.controller.mark_dialog is None)
    marked = desk.store.publication(saved.id or 0)
    assert marked.published_on == TODAY
    assert marked.channels == ("政府网站",)
    assert desk.window.statusBar().currentMessage().startswith("已标记为已公开：关于印发")
    [row] = desk.controller.rows
    assert row.status is Status.PUBLISHED_ON_TIME


def test_mark_published_from_the_start_page_with_another_date(desk: Desk) -> None:
    item = desk.item(1)
    saved = desk.add(1, "九月形成的文件", formed_on=date(2026, 9, 1), channels=item.channels)
    desk.window.tabs.setCurrentIndex(DASHBOARD_TAB)
    view = desk.window.dashboard_panel.open_view
    menu = right_click(desk, view, view.model().index(0, 0))
    assert texts(menu) == MENU
    assert desk.window.edit_action.isEnabled(), "the right-clicked row is the selected row"
    pick(desk, menu, "标记为今天已公开…")
    dialog = mark_dialog(desk)
    assert not dialog.asks_channels, "the required channels are ticked: nothing more to ask"
    field = dialog.date_field.line_edit
    field.selectAll()
    desk.qtbot.keyClicks(field, "2026-11-20")
    assert dialog.late_reason_edit.isVisible(), "after the due date: the late reason is asked for"
    desk.type(dialog.late_reason_edit, "待会签")
    desk.qtbot.keyClick(field, Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: desk.controller.mark_dialog is None)
    marked = desk.store.publication(saved.id or 0)
    assert marked.published_on == date(2026, 11, 20)
    assert marked.late_reason == "待会签"


def test_a_published_row_cannot_be_marked_again_but_copied_and_its_history_seen(desk: Desk) -> None:
    desk.add(
        1,
        "已经公开的文件",
        formed_on=date(2026, 11, 2),
        published_on=date(2026, 11, 3),
        channels=("政府网站",),
    )
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    table = desk.window.publications_panel.table
    menu = right_click(desk, table, table.proxy.index(0, 0))
    mark = next(a for a in menu.actions() if a.text() == "标记为今天已公开…")
    assert not mark.isEnabled()
    pick(desk, menu, "复制标题")
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and clipboard.text() == "已经公开的文件"
    assert desk.window.statusBar().currentMessage() == "已复制标题：已经公开的文件"

    menu = right_click(desk, table, table.proxy.index(0, 0))
    pick(desk, menu, "查看历史…")
    desk.qtbot.waitUntil(lambda: desk.window.findChild(HistoryDialog) is not None)
    history = desk.window.findChild(HistoryDialog)
    assert isinstance(history, HistoryDialog) and history.model.rowCount() >= 1
    history.reject()


def test_delete_from_an_items_list_then_restore_from_the_trash_menu(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(confirm, "ask_delete", lambda *_a: True)
    saved = desk.add(1, "要删除的文件", formed_on=date(2026, 11, 2))
    desk.select_item(1)
    table = desk.window.detail_panel.table
    menu = right_click(desk, table, table.proxy.index(0, 0))
    assert texts(menu) == MENU
    pick(desk, menu, "删除")
    assert desk.store.publications() == []

    desk.window.trash_action.trigger()
    trash = desk.trash.dialog
    assert trash is not None
    desk.activate(trash)
    menu = right_click(desk, trash.view, trash.view.model().index(0, 0))
    assert texts(menu) == ["恢复", "标记为今天已公开…", "编辑…", "彻底删除…", "", "查看历史…", "复制标题"]
    disabled = [a.text() for a in menu.actions() if a.text() and not a.isEnabled()]
    assert disabled == ["标记为今天已公开…", "编辑…"], "a deleted record is restored before it is changed"
    pick(desk, menu, "恢复")
    assert [p.id for p in desk.store.publications()] == [saved.id]
    trash.reject()


def test_double_click_edits_in_every_list(desk: Desk) -> None:
    desk.add(1, "双击打开", formed_on=date(2026, 11, 2))
    views = [
        (DASHBOARD_TAB, desk.window.dashboard_panel.open_view),
        (ALL_TAB, desk.window.publications_panel.table),
    ]
    for tab, view in views:
        desk.window.tabs.setCurrentIndex(tab)
        pos = view.visualRect(view.model().index(0, 0)).center()
        desk.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        assert desk.controller.editor is None
        desk.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        desk.qtbot.waitUntil(lambda: desk.controller.editor is not None)
        editor = desk.controller.editor
        assert editor is not None and editor.title_edit.text() == "双击打开"
        editor.reject()
        desk.qtbot.waitUntil(lambda: desk.controller.editor is None)


def test_a_card_shows_the_register_filtered_to_what_it_counts(desk: Desk) -> None:
    desk.add(1, "逾期的", formed_on=date(2026, 9, 1))
    desk.add(
        1, "本月公开的", formed_on=date(2026, 11, 2), published_on=date(2026, 11, 20), channels=("政府网站",)
    )
    desk.add(
        1, "年初公开的", formed_on=date(2026, 3, 2), published_on=date(2026, 3, 10), channels=("政府网站",)
    )
    panel = desk.window.dashboard_panel
    register = desk.window.publications_panel

    def shown() -> list[str]:
        proxy = register.table.proxy
        return sorted(proxy.index(r, 0).data() for r in range(proxy.rowCount()))

    desk.qtbot.mouseClick(panel.overdue_card, Qt.MouseButton.LeftButton)
    assert desk.window.tabs.currentIndex() == ALL_TAB
    assert register.status.currentText() == "逾期未公开"
    assert shown() == ["逾期的"]

    desk.window.tabs.setCurrentIndex(DASHBOARD_TAB)
    desk.qtbot.mouseClick(panel.month_card, Qt.MouseButton.LeftButton)
    assert register.date_from.date() == date(2026, 11, 1) and register.date_to.date() == TODAY
    assert shown() == ["本月公开的"]

    desk.window.tabs.setCurrentIndex(DASHBOARD_TAB)
    desk.qtbot.mouseClick(panel.rate_card, Qt.MouseButton.LeftButton)
    assert shown() == ["年初公开的", "本月公开的"]

    desk.window.tabs.setCurrentIndex(DASHBOARD_TAB)
    desk.qtbot.mouseClick(panel.applications_card, Qt.MouseButton.LeftButton)
    assert desk.window.tabs.currentIndex() == APPLICATIONS_TAB
    assert desk.window.applications_panel.status.currentData() == "open"


APPLICATION_MENU = ["办理…", "删除", "", "查看历史…", "复制申请内容"]


def _application(desk: Desk, content: str, name: str = "赵六") -> int:
    saved = ApplicationRegister(desk.store).add(
        Application(
            received_on=date(2026, 11, 2),
            applicant_type=ApplicantType.NATURAL_PERSON,
            content=content,
            applicant_name=name,
        ),
        TODAY,
    )
    desk.controller.reload()
    return saved.id or 0


def _application_row(view: QAbstractItemView) -> QModelIndex:
    model = view.model()
    return next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if isinstance(model.index(r, 0).data(ROW_ROLE), ApplicationRecord)
    )


@pytest.mark.parametrize("tab", [DASHBOARD_TAB, APPLICATIONS_TAB])
def test_an_application_row_has_the_menu_in_its_own_words(
    desk: Desk, tab: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start page's 依申请公开 rows and the 依申请公开 tab: 办理, 删除, 查看历史, 复制申请内容."""
    monkeypatch.setattr(confirm, "ask_delete_application", lambda *_a: True)
    desk.add(1, "一条公开信息", formed_on=date(2026, 11, 2))
    application_id = _application(desk, "科技专项资金分配结果")
    register = ApplicationRegister(desk.store)
    register.update(replace(register.application(application_id), applicant_name="赵七"), TODAY)
    desk.controller.reload()
    desk.window.tabs.setCurrentIndex(tab)
    window = desk.window
    view = window.dashboard_panel.open_view if tab == DASHBOARD_TAB else window.applications_panel.table

    menu = right_click(desk, view, _application_row(view))
    assert texts(menu) == APPLICATION_MENU
    assert all(a.isEnabled() for a in menu.actions())
    pick(desk, menu, "复制申请内容")
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None and clipboard.text() == "科技专项资金分配结果"
    assert desk.window.statusBar().currentMessage() == "已复制申请内容：科技专项资金分配结果"

    menu = right_click(desk, view, _application_row(view))
    pick(desk, menu, "查看历史…")
    desk.qtbot.waitUntil(lambda: desk.window.findChild(HistoryDialog) is not None)
    history = desk.window.findChild(HistoryDialog)
    assert isinstance(history, HistoryDialog)
    shown = [history.model.index(r, 3).data() for r in range(history.model.rowCount())]
    assert shown[0] == "新建“科技专项资金分配结果”"
    assert shown[1] == "申请人：已修改（个人信息只在编辑窗口显示）"
    assert "赵六" not in " ".join(shown) and "赵七" not in " ".join(shown)
    history.reject()
    history.deleteLater()

    # the toolbar's actions know the selected application too
    assert desk.window.edit_action.isEnabled() and desk.window.delete_action.isEnabled()
    menu = right_click(desk, view, _application_row(view))
    pick(desk, menu, "办理…")
    desk.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ApplicationEditor))
    editor = QApplication.activeModalWidget()
    assert isinstance(editor, ApplicationEditor) and editor.value().id == application_id
    editor.reject()
    desk.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    menu = right_click(desk, view, _application_row(view))
    pick(desk, menu, "删除")
    assert register.applications() == []
    assert [a.id for a in register.applications(deleted=True)] == [application_id]
