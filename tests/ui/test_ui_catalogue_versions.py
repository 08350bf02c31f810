"""The window and catalogue versions: an ambiguous re-import asks first, a record left on an old item says
so, and every version can be looked at in 文件 › 目录版本."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from desk_support import Desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desk.io.catalogue_json import write_catalogue_json
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.catalogue_versions_dialog import CatalogueVersionsDialog

pytestmark = pytest.mark.gui


def _revised_file(desk: Desk, tmp_path: Path) -> Path:
    """The current catalogue with item 13 rewritten: it may or may not be the same item."""
    current = desk.store.active_catalogue()
    revised = replace(
        current,
        items=tuple(
            replace(i, id=None, content="改写后的预决算内容。" if i.number == 13 else i.content)
            for i in current.items
        ),
        version="2027版",
    )
    path = tmp_path / "目录2027.json"
    write_catalogue_json(revised, path)
    return path


def test_an_ambiguous_reimport_asks_and_keeps_the_record_on_the_old_item(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.add(13, "上年度决算", approved_on=date(2026, 11, 2))
    revised = _revised_file(desk, tmp_path)
    asked: list[tuple[str, list[str]]] = []
    told: list[str] = []
    monkeypatch.setattr(files, "ask_catalogue_file", lambda _p: revised)
    monkeypatch.setattr(confirm, "ask_import_catalogue", lambda _p, _s, _w: True)
    monkeypatch.setattr(confirm, "ask_keep_ambiguous", lambda _p, m, probs: asked.append((m, probs)) or True)
    monkeypatch.setattr(confirm, "show_info", lambda _p, _t, text: told.append(text))
    desk.window.import_catalogue_action.trigger()
    assert asked and "无法与旧目录中的事项一一对应" in asked[0][0]
    assert "旧目录序号 13" in asked[0][1][0] and "内容已改变" in asked[0][1][0]
    assert told and "旧版目录" in told[0]
    [row] = desk.controller.rows
    assert row.item_label.startswith("13（旧版目录 第1版）. ")


def test_cancelling_an_ambiguous_reimport_changes_nothing(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.add(13, "上年度决算", approved_on=date(2026, 11, 2))
    before = desk.store.active_catalogue()
    monkeypatch.setattr(files, "ask_catalogue_file", lambda _p: _revised_file(desk, tmp_path))
    monkeypatch.setattr(confirm, "ask_import_catalogue", lambda _p, _s, _w: True)
    monkeypatch.setattr(confirm, "ask_keep_ambiguous", lambda _p, _m, _probs: False)
    desk.window.import_catalogue_action.trigger()
    assert desk.store.active_catalogue() == before
    assert desk.controller.rows[0].item_label.startswith("13. ")


def test_the_versions_dialog_shows_every_version_and_its_items(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = desk.store.active_catalogue()
    desk.store.import_catalogue(
        replace(first, items=tuple(replace(i, id=None) for i in first.items[:30]), version="2027版")
    )
    desk.window.catalogue_versions_action.trigger()
    desk.qtbot.waitUntil(
        lambda: any(
            isinstance(w, CatalogueVersionsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CatalogueVersionsDialog))
    assert dialog.versions.rowCount() == 2
    assert dialog.items.rowCount() == 30  # the current version is shown first
    table = dialog.versions_table
    rect = table.visualRect(dialog.versions.index(0, 0))
    desk.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.items.rowCount() == 33
    assert dialog.versions.index(0, 0).data() == "第1版（旧版）"
    assert dialog.items.index(0, 4).data() == first.items[0].content
    dialog.reject()
