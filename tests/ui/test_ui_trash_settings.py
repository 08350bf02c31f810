"""Delete is recoverable; settings persist; mistakes in settings are shown next to the field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_support import Desk
from PySide6.QtCore import Qt

from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.settings_dialog import SettingsDialog
from disclosure_desk.ui.dialogs.trash_dialog import TrashDialog
from disclosure_desk.ui.models.publication_table import Column

pytestmark = pytest.mark.gui


def _open_trash(desk: Desk) -> TrashDialog:
    desk.window.trash_action.trigger()
    dialog = desk.trash.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_delete_asks_first_then_restore_from_the_trash(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = desk.add(1, "误删的部门文件", formed_on=date(2026, 11, 2))
    desk.select_item(1)
    table = desk.window.detail_panel.table
    rect = table.visualRect(table.proxy.index(0, Column.TITLE))
    desk.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    asked: list[str] = []
    monkeypatch.setattr(confirm, "ask_delete", lambda _parent, title: asked.append(title) or False)
    desk.qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked == ["误删的部门文件"]
    assert len(desk.store.publications()) == 1, "answering no keeps the record"

    monkeypatch.setattr(confirm, "ask_delete", lambda _parent, _title: True)
    desk.qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert desk.store.publications() == []
    assert table.proxy.rowCount() == 0
    assert desk.window.publications_panel.table.proxy.rowCount() == 0
    assert desk.window.statusBar().currentMessage() == "已移到回收站：误删的部门文件"

    trash = _open_trash(desk)
    assert trash.view.model().rowCount() == 1
    trash.select_first()
    desk.qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in desk.store.publications()] == [saved.id]
    assert trash.view.model().rowCount() == 0
    assert table.proxy.rowCount() == 1
    assert desk.window.publications_panel.table.proxy.rowCount() == 1


def test_delete_key_in_a_search_box_deletes_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.add(1, "保留", formed_on=date(2026, 11, 2))
    desk.select_item(1)
    desk.window.detail_panel.table.selectRow(0)
    monkeypatch.setattr(confirm, "ask_delete", lambda _parent, _title: True)
    desk.window.catalogue_panel.search.setFocus()
    desk.qtbot.keyClick(desk.window.catalogue_panel.search, Qt.Key.Key_Delete)
    assert len(desk.store.publications()) == 1


def test_purge_asks_first_and_deletes_for_good(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = desk.add(1, "彻底删除的记录")
    assert saved.id is not None
    desk.store.delete_publication(saved.id)
    trash = _open_trash(desk)
    trash.select_first()
    monkeypatch.setattr(confirm, "ask_purge", lambda _parent, _title: False)
    desk.qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert len(desk.store.publications(deleted=True)) == 1
    monkeypatch.setattr(confirm, "ask_purge", lambda _parent, _title: True)
    trash.select_first()
    desk.qtbot.mouseClick(trash.purge_button, Qt.MouseButton.LeftButton)
    assert desk.store.publications(deleted=True) == []
    assert trash.view.model().rowCount() == 0


def _open_settings(desk: Desk) -> SettingsDialog:
    desk.window.settings_action.trigger()
    dialog = desk.settings.settings_dialog
    assert dialog is not None and dialog.isVisible()
    desk.activate(dialog)
    return dialog


def test_settings_change_persists_and_recomputes(desk: Desk, db_path: Path) -> None:
    desk.add(16, "及时公开的专项资金信息", formed_on=date(2026, 11, 2))  # timely: 5 working days → 11-09
    assert desk.controller.rows[0].record.due.due_on == date(2026, 11, 9)
    dialog = _open_settings(desk)
    assert str(db_path.parent) == dialog.folder.text()
    dialog.bureau_code.clear()
    desk.qtbot.keyClicks(dialog.bureau_code, "11370303mb2854721x")
    dialog.timely_days.setValue(3)
    desk.type(dialog.report_preparer, "王敏")
    desk.type(dialog.report_reviewer, " 李强")
    desk.qtbot.keyClicks(dialog.contact_phone, "0533-6181234")
    desk.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: desk.settings.settings_dialog is None)
    assert desk.window.statusBar().currentMessage() == "已保存设置"
    assert desk.controller.rows[0].record.due.due_on == date(2026, 11, 5)

    reopened = open_seeded_store(str(db_path))
    try:
        settings = reopened.settings()
        assert settings.bureau_code == "11370303MB2854721X"
        assert settings.timely_days == 3
        assert (settings.report_preparer, settings.report_reviewer) == ("王敏", "李强")
        assert settings.contact_phone == "0533-6181234"
    finally:
        reopened.close()

    # the bureau code now gives index numbers in the editor
    desk.select_item(1)
    desk.window.new_action.trigger()
    editor = desk.controller.editor
    assert editor is not None
    assert editor.index_edit.text() == "11370303MB2854721X/2026-00001"
    editor.reject()


def test_a_bad_bureau_code_is_shown_next_to_the_field_and_nothing_saved(desk: Desk) -> None:
    dialog = _open_settings(desk)
    desk.qtbot.keyClicks(dialog.bureau_code, "12345")
    desk.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["bureau_code"].isVisible()
    assert "18 位" in dialog.errors["bureau_code"].text()
    assert desk.store.settings().bureau_code == ""
    dialog.bureau_code.clear()
    desk.type(dialog.contact_phone, "请打办公室")
    desk.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["contact_phone"].isVisible()
    assert desk.store.settings().contact_phone == ""
    dialog.reject()
