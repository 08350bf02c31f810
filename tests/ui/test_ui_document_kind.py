"""文件类型 and 废止日期 in the publication editor: what the annual report's table 二 counts."""

from __future__ import annotations

from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import Qt
from test_ui_register_flow import _open_editor, _type_date  # tests/ui/test_ui_register_flow.py

from disclosure_desk.domain.publication import DocumentKind

pytestmark = pytest.mark.gui


def _choose_kind(desk: Desk, editor: object, kind: DocumentKind) -> None:
    """Open the combo's list with a click and click the entry, as the officer does."""
    combo = editor.kind_combo  # type: ignore[attr-defined]
    desk.qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    desk.qtbot.waitUntil(view.isVisible)
    # in the open list, arrow down to the entry and press Enter (a click right after the list opens is
    # taken as the end of the opening click, on every platform)
    steps = combo.findText(kind.value) - combo.currentIndex()
    for _ in range(abs(steps)):
        desk.qtbot.keyClick(view, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    desk.qtbot.keyClick(view, Qt.Key.Key_Return)
    desk.qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText() == kind.value


# the combo's list is a popup: the offscreen platform says it can neither raise it nor grab the keyboard
@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard", "propagateSizeHints")
def test_a_normative_document_with_its_abolition_date(desk: Desk) -> None:
    desk.select_item(1)
    editor = _open_editor(desk)
    assert editor.document_kind() is DocumentKind.OTHER
    assert not editor.abolished_edit.isEnabled(), "only 规章 and 规范性文件 are abolished"
    desk.type(editor.title_edit, "关于印发《周村区科技计划项目管理办法》的通知")
    _type_date(desk, editor, "formed_on", "2026-11-02")
    _choose_kind(desk, editor, DocumentKind.NORMATIVE)
    assert editor.abolished_edit.isEnabled()
    editor.abolished_edit.line_edit.clear()
    desk.qtbot.keyClicks(editor.abolished_edit.line_edit, "2026-10-01")
    desk.qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    error = editor.errors["abolished_on"]
    assert error.isVisible()
    assert error.text() == "废止日期不能早于形成日期（2026-11-02）。"
    assert desk.store.publications() == []

    editor.abolished_edit.line_edit.clear()
    desk.qtbot.keyClicks(editor.abolished_edit.line_edit, "2031-11-01")
    assert not error.isVisible()
    desk.qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)
    [saved] = desk.store.publications()
    assert (saved.document_kind, saved.abolished_on) == (DocumentKind.NORMATIVE, date(2031, 11, 1))
