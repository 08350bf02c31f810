"""The small things an officer trips over: menu letters, dialog titles, the chart's current month."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_support import Desk
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from disclosure_desk.domain.history import MonthHistory
from disclosure_desk.domain.status import Figures
from disclosure_desk.ui.dialogs import files
from disclosure_desk.ui.widgets.month_chart import MonthChart

pytestmark = pytest.mark.gui


def _mnemonic(text: str) -> str:
    index = text.find("&")
    return text[index + 1].upper() if 0 <= index < len(text) - 1 else ""


def test_no_two_entries_of_a_menu_share_an_alt_letter(desk: Desk) -> None:
    menus = [action.menu() for action in desk.window.menuBar().actions()]
    letters = [_mnemonic(action.text()) for action in desk.window.menuBar().actions()]
    assert len(letters) == len(set(letters)), letters
    for menu in menus:
        assert isinstance(menu, QMenu)
        keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and a.text()]
        clashes = {key for key in keys if key and keys.count(key) > 1}
        assert clashes == set(), f"{menu.title()}: {clashes}"


def test_the_catalogue_export_dialog_says_what_it_saves(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles: list[str] = []

    def fake_save(_parent: QWidget, title: str, *_args: object) -> tuple[str, str]:
        titles.append(title)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    files.ask_catalogue_export_path(desk.window, tmp_path / "目录.xlsx")
    files.ask_report_path(desk.window, tmp_path / "月报.xlsx")
    assert titles == ["导出目录", "保存报表"]


def test_the_current_month_is_not_called_the_month_end(desk: Desk) -> None:
    chart = MonthChart()
    desk.qtbot.addWidget(chart)
    months = [MonthHistory(2026, 11, Figures(4, 3, 1, 0), 4), MonthHistory(2026, 12, Figures(), 13)]
    chart.set_history(months)
    assert "月末未公开：4 条" in chart.tooltip_text(0)
    current = chart.tooltip_text(1)
    assert "月末" not in current and "本月至今未公开：13 条" in current
