"""Every error dialog and every refused input is in the log, so the log tells what the officer saw."""

from __future__ import annotations

import pytest
from desk_support import Desk
from PySide6.QtWidgets import QMessageBox

from disclosure_desk.ui.dialogs import confirm

pytestmark = pytest.mark.gui


def test_an_error_dialog_is_logged(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    confirm.show_error(desk.window, "无法导出报表", "文件正被其他程序打开")
    assert shown == ["文件正被其他程序打开"]
    assert "无法导出报表: 文件正被其他程序打开" in caplog.text


def test_a_refused_editor_input_is_logged(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    desk.controller.new_publication(desk.item(1))
    editor = desk.controller.editor
    assert editor is not None
    editor.submit()  # no title
    assert desk.controller.editor is editor  # still open, nothing saved
    assert "Editor refused the input" in caplog.text and "标题不能为空" in caplog.text
    editor.reject()
