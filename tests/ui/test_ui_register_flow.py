"""The officer's day: pick an item, register a publication, see it everywhere; mistakes are refused."""

from __future__ import annotations

from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Status
from disclosure_desk.ui.dialogs.publication_editor import PublicationEditor
from disclosure_desk.ui.main_window import ALL_TAB, CATALOGUE_TAB, DASHBOARD_TAB
from disclosure_desk.ui.models.catalogue_tree import TreeColumn
from disclosure_desk.ui.models.publication_table import Column

pytestmark = pytest.mark.gui


def _open_editor(desk: Desk) -> PublicationEditor:
    desk.shortcut(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is not None and desk.controller.editor.isVisible())
    editor = desk.controller.editor
    assert editor is not None
    desk.activate(editor)
    return editor


def _type_date(desk: Desk, editor: PublicationEditor, name: str, text: str) -> None:
    field = editor.date_edits[name].line_edit
    field.clear()
    desk.qtbot.keyClicks(field, text)


def _tree_count(desk: Desk, number: int) -> str:
    panel = desk.window.catalogue_panel
    item_id = desk.item(number).id
    assert item_id is not None
    index = panel.view_index_of_item(item_id)
    return str(index.siblingAtColumn(TreeColumn.OPEN).data())


def test_register_a_publication_from_the_tree(desk: Desk) -> None:
    desk.select_item(1)
    assert _tree_count(desk, 1) == ""
    editor = _open_editor(desk)
    assert editor.channel_boxes["政府网站"].isChecked(), "required channels come pre-ticked"
    assert "（必选）" in editor.channel_boxes["政府网站"].text()
    assert editor.channel_boxes["政府网站"].font().bold()

    desk.type(editor.title_edit, "关于印发《周村区科技创新券管理办法》的通知")
    desk.type(editor.document_edit, "周科发〔2026〕12号")
    _type_date(desk, editor, "formed_on", "2026-11-02")
    assert "2026-11-30" in editor.due_value.text(), "the due date follows the dates as they are typed"
    assert "20个工作日" in editor.due_explanation.text()
    desk.tick(editor.channel_boxes["两微一端"])
    assert editor.channel_boxes["两微一端"].isChecked()

    desk.qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)

    [saved] = desk.store.publications()
    assert saved.title == "关于印发《周村区科技创新券管理办法》的通知"
    assert saved.channels == ("政府网站", "两微一端")
    assert saved.formed_on == date(2026, 11, 2)
    assert desk.window.statusBar().currentMessage() == f"已保存：{saved.title}"

    item_table = desk.window.detail_panel.table
    assert item_table.proxy.rowCount() == 1
    assert item_table.proxy.index(0, Column.DUE).data() == "2026-11-30"
    assert item_table.current_row() is not None and item_table.current_row().publication.id == saved.id
    all_table = desk.window.publications_panel.table
    assert all_table.proxy.rowCount() == 1
    assert all_table.proxy.index(0, Column.TITLE).data() == saved.title
    assert all_table.proxy.index(0, Column.STATUS).data() == "即将到期"
    assert _tree_count(desk, 1) == "1"


def test_published_before_formed_is_refused_next_to_the_field(desk: Desk) -> None:
    desk.select_item(1)
    editor = _open_editor(desk)
    desk.type(editor.title_edit, "日期写反了")
    _type_date(desk, editor, "formed_on", "2026-11-10")
    _type_date(desk, editor, "published_on", "2026-11-02")
    desk.qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    error = editor.errors["published_on"]
    assert error.isVisible()
    assert error.text() == "公开日期不能早于形成日期。"
    assert editor.isVisible()
    assert desk.store.publications() == []
    # fixing the date clears the message at once
    _type_date(desk, editor, "published_on", "2026-11-12")
    assert not error.isVisible()


def test_required_channel_left_out_needs_a_reason_once_published(desk: Desk) -> None:
    desk.select_item(1)
    editor = _open_editor(desk)
    desk.type(editor.title_edit, "未上网站的信息")
    _type_date(desk, editor, "formed_on", "2026-11-02")
    _type_date(desk, editor, "published_on", "2026-11-20")
    assert not editor.reason_edit.isVisible()
    desk.tick(editor.channel_boxes["政府网站"])
    desk.tick(editor.channel_boxes["纸质媒体"])
    assert editor.reason_edit.isVisible()
    desk.qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.errors["missing_channel_reason"].isVisible()
    assert desk.store.publications() == []

    desk.type(editor.reason_edit, "网站改版期间暂停更新，已在纸质媒体公开")
    desk.qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)
    [saved] = desk.store.publications()
    assert saved.missing_channel_reason == "网站改版期间暂停更新，已在纸质媒体公开"
    assert saved.channels == ("纸质媒体",)


def test_edit_from_the_all_publications_view(desk: Desk) -> None:
    saved = desk.add(2, "规范性文件清理结果", formed_on=date(2026, 8, 3))
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    table = desk.window.publications_panel.table
    assert table.proxy.index(0, Column.STATUS).data() == "逾期未公开"
    assert table.proxy.index(0, Column.STATUS).data(Qt.ItemDataRole.BackgroundRole) is not None
    rect = table.visualRect(table.proxy.index(0, Column.TITLE))
    # QTest's double-click needs the press before it, as a real double-click has
    desk.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    desk.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    desk.qtbot.waitUntil(lambda: desk.controller.editor is not None)
    editor = desk.controller.editor
    assert editor is not None and editor.title_edit.text() == "规范性文件清理结果"
    _type_date(desk, editor, "published_on", "2026-11-24")
    desk.tick(editor.channel_boxes["政府网站"])  # published now: the required channel must be ticked
    desk.type(editor.late_reason_edit, "清理结果待法制科会签，已催办")
    desk.qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)
    edited = desk.store.publication(saved.id or 0)
    assert edited.published_on == date(2026, 11, 24)
    assert edited.late_reason == "清理结果待法制科会签，已催办"
    [row] = desk.controller.rows
    assert row.status is Status.PUBLISHED_LATE
    assert table.proxy.index(0, Column.STATUS).data() == "逾期公开"


def test_new_without_a_selected_item_asks_which_item(desk: Desk) -> None:
    desk.shortcut(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.controller.editor is None
    chooser = desk.controller.item_chooser
    assert chooser is not None and chooser.isVisible()
    assert "请先选择要登记的公开事项" in chooser.prompt.text()
    desk.activate(chooser)
    assert QApplication.focusWidget() is chooser.panel.search
    desk.type(chooser.panel.search, "三公")
    desk.qtbot.keyClick(chooser.panel.search, Qt.Key.Key_Down)  # into the results
    assert QApplication.focusWidget() is chooser.panel.tree
    chosen = chooser.chosen()
    assert chosen is not None and "三公" in chosen.path[-1] + chosen.content
    desk.qtbot.keyClick(chooser.panel.tree, Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is not None)
    editor = desk.controller.editor
    assert editor is not None
    assert f"{chosen.number}. " in editor.item_heading.text(), "the editor names the item it is using"
    editor.reject()


def test_ctrl_n_in_the_register_offers_the_rows_item_it_does_not_take_it(desk: Desk) -> None:
    desk.add(2, "规范性文件清理结果", formed_on=date(2026, 8, 3))
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    table = desk.window.publications_panel.table
    table.selectRow(0)
    desk.shortcut(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.controller.editor is None, "never silently"
    chooser = desk.controller.item_chooser
    assert chooser is not None and chooser.chosen() is not None
    assert chooser.chosen().number == 2
    desk.activate(chooser)
    desk.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is not None)
    assert desk.controller.editor is not None
    desk.controller.editor.reject()


def test_ctrl_f_focuses_the_search_box_and_the_tree_filters_as_typed(desk: Desk) -> None:
    desk.window.tabs.setCurrentIndex(CATALOGUE_TAB)
    desk.shortcut(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = desk.window.catalogue_panel
    assert QApplication.focusWidget() is panel.search
    desk.type(panel.search, "三公")
    proxy = panel.proxy
    assert proxy.rowCount() == 1  # only 管理和服务 keeps a match
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    desk.shortcut(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is desk.window.publications_panel.text
    # from the start page, Ctrl+F searches all publications
    desk.window.tabs.setCurrentIndex(DASHBOARD_TAB)
    desk.shortcut(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.tabs.currentIndex() == ALL_TAB
    assert QApplication.focusWidget() is desk.window.publications_panel.text


def test_free_text_filter_in_the_all_view(desk: Desk) -> None:
    desk.add(1, "科技创新券管理办法", formed_on=date(2026, 11, 2))
    desk.add(3, "重大项目意见征集", formed_on=date(2026, 11, 3))
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    panel = desk.window.publications_panel
    desk.type(panel.text, "意见")
    desk.qtbot.waitUntil(lambda: panel.table.proxy.rowCount() == 1)
    assert panel.count_label.text() == "显示 1 条，共 2 条"
    panel.clear_filter()
    assert panel.table.proxy.rowCount() == 2


def test_a_duplicate_is_asked_about_and_cancel_keeps_the_editor(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: the same item, title and dates a second time — the window asks instead of refusing."""
    from disclosure_desk.ui.dialogs import confirm

    asked: list[int] = []
    answer = {"save": False}

    def ask(_parent: object, existing_id: int, _title: str) -> bool:
        asked.append(existing_id)
        return answer["save"]

    monkeypatch.setattr(confirm, "ask_duplicate", ask)
    item_id = desk.item(1).id
    assert item_id is not None
    first = desk.store.add_publication(
        Publication(item_id=item_id, title="关于某事的通知", formed_on=date(2026, 11, 2))
    )
    desk.controller.reload()
    desk.select_item(1)
    editor = _open_editor(desk)
    desk.type(editor.title_edit, "关于某事的通知")
    _type_date(desk, editor, "formed_on", "2026-11-02")
    editor.submit()
    assert asked == [first.id]
    assert desk.controller.editor is editor and editor.isVisible(), "cancel keeps what was typed"
    assert len(desk.store.publications()) == 1
    answer["save"] = True
    editor.submit()
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)
    assert len(desk.store.publications()) == 2
