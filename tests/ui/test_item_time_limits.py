"""The catalogue tab shows an item's clauses and its display period (公开时长) as the officer reads them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from desk_support import Desk
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from disclosure_desk.domain.catalogue import DISPLAY_PERIOD_COLUMN, Catalogue, CatalogueItem
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dialogs.publication_editor import PublicationEditor

pytestmark = pytest.mark.gui

CLAUSES = "执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开"


def _item(number: int, time_limit: str, display: str = "") -> CatalogueItem:
    extra = {DISPLAY_PERIOD_COLUMN: display} if display else {}
    return CatalogueItem(
        number,
        "执行",
        "行政执法",
        f"事项{number}",
        f"内容{number}",
        "《条例》",
        time_limit,
        "某局",
        extra=extra,
    )


@pytest.fixture
def clause_desk(qtbot: QtBot, store: Store, ui_settings: QSettings) -> Iterator[Desk]:
    items = (
        _item(1, CLAUSES),
        _item(2, "制定或获取信息之日起10个工作日内,公示7个工作日", "公示7个工作日"),
        _item(3, "次月上旬"),
        _item(4, "1年", "1年"),
    )
    store.import_catalogue(Catalogue("某局主动公开事项目录", items))
    yield Desk.open(qtbot, store, ui_settings)


def _open_new_editor(desk: Desk, number: int) -> PublicationEditor:
    """Pick the item in the tree and press Ctrl+N, as the officer does."""
    desk.select_item(number)
    desk.shortcut(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is not None and desk.controller.editor.isVisible())
    editor = desk.controller.editor
    assert editor is not None
    return editor


def test_several_clauses_one_line_each_default_marked(clause_desk: Desk) -> None:
    clause_desk.select_item(1)
    text = clause_desk.window.detail_panel.rule.text()
    assert text.splitlines() == [
        "条款1（执法决定信息）：形成后7个工作日内",
        "条款2：形成或变更后20个工作日内（登记时默认）",
    ]


def test_display_period_periodic_rule_and_a_bare_display_period(clause_desk: Desk) -> None:
    panel = clause_desk.window.detail_panel
    clause_desk.select_item(2)
    assert panel.rule.text().splitlines() == ["形成后10个工作日内", "公开时长：公示7个工作日"]
    clause_desk.select_item(3)
    assert panel.rule.text() == "每月：次月10日前"
    clause_desk.select_item(4)
    assert panel.rule.text().splitlines() == ["只写了公开时长，未规定时限", "公开时长：1年"]


def test_the_editor_offers_the_items_clauses(clause_desk: Desk) -> None:
    desk = clause_desk
    editor = _open_new_editor(desk, 1)
    desk.activate(editor)
    combo = editor.clause_combo
    assert combo.isVisibleTo(editor)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "条款1（执法决定信息）：形成后7个工作日内",
        "条款2：形成或变更后20个工作日内",
    ]
    assert combo.currentIndex() == 1  # the general clause unless the officer picks another
    desk.type(editor.title_edit, "行政处罚决定书")
    field = editor.date_edits["formed_on"].line_edit
    field.clear()
    desk.qtbot.keyClicks(field, "2026-11-02")
    assert "2026-11-30" in editor.due_value.text()
    # a penalty decision: the officer picks clause 1 with the keyboard; the due date follows at once
    combo.setFocus()
    desk.qtbot.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentIndex() == 0
    assert "2026-11-11" in editor.due_value.text()
    desk.qtbot.keyClick(editor.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None or not desk.controller.editor.isVisible())
    saved = next(p for p in desk.store.publications() if p.title == "行政处罚决定书")
    assert saved.clause == 1
    (record,) = desk.store.publication_records([saved])
    assert record.due.due_on is not None and "7个工作日" in record.due.explanation


def test_an_item_with_one_clause_shows_no_chooser(clause_desk: Desk) -> None:
    editor = _open_new_editor(clause_desk, 2)
    assert not editor.clause_combo.isVisibleTo(editor)
    assert editor.value().clause is None
    editor.reject()
