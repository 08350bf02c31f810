"""Lists that fit: the details never clipped, the title takes the spare width, Tab leaves tables, an
empty list says why."""

from __future__ import annotations

from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from disclosure_desk.ui.main_window import ALL_TAB, CATALOGUE_TAB
from disclosure_desk.ui.models.publication_table import Column

pytestmark = pytest.mark.gui


def test_a_short_window_scrolls_the_details_as_a_whole(desk: Desk) -> None:
    desk.window.resize(900, 560)
    desk.select_item(5)
    panel = desk.window.detail_panel
    desk.qtbot.waitUntil(lambda: panel.table.height() > 0)
    assert panel.table.height() >= panel.table.verticalHeader().defaultSectionSize() * 4
    area = panel.fields_area

    def shown_or_scrolls() -> bool:
        content = area.content_height(area.viewport().width())
        return area.viewport().height() >= content or area.verticalScrollBar().isVisible()

    desk.qtbot.waitUntil(shown_or_scrolls)


def test_the_details_show_every_field_and_the_table_keeps_its_rows(desk: Desk) -> None:
    desk.window.resize(1280, 800)
    for number in (1, 5, 14, 33):
        desk.select_item(number)
        panel = desk.window.detail_panel
        area = panel.fields_area
        desk.qtbot.waitUntil(lambda area=area: area.height() >= min(area.sizeHint().height(), 200))
        bottom = panel.mode.mapTo(area.viewport(), QPoint(0, panel.mode.height())).y()
        assert not area.verticalScrollBar().isVisible(), f"item {number}: room enough, no inner scrolling"
        assert bottom <= area.viewport().height(), f"item {number}: 公开方式 clipped"
        assert panel.table.height() >= panel.table.verticalHeader().defaultSectionSize() * 4


def test_the_title_takes_the_spare_width(desk: Desk) -> None:
    desk.add(1, "一个相当长的标题，在宽屏上应当完整显示而不是被截断", formed_on=date(2026, 11, 2))
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    table = desk.window.publications_panel.table
    desk.window.resize(1000, 700)
    desk.qtbot.waitUntil(lambda: desk.window.width() == 1000)
    narrow_title, narrow_responsible = table.columnWidth(Column.TITLE), table.columnWidth(Column.RESPONSIBLE)
    # wide enough for the other columns, the full catalogue path (which widens first) and a roomy title,
    # whatever the platform's font measures (Windows' fallback font draws digits as wide as 中)
    header = table.horizontalHeader()
    fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in (Column.TITLE, Column.ITEM))
    path = max(table.sizeHintForColumn(Column.ITEM), header.sectionSize(Column.ITEM))
    title = max(table.sizeHintForColumn(Column.TITLE), narrow_title)
    wide = desk.window.width() - table.viewport().width() + fixed + path + title + 300
    desk.window.resize(wide, 700)
    desk.qtbot.waitUntil(lambda: table.columnWidth(Column.TITLE) >= narrow_title + 300)
    assert table.columnWidth(Column.RESPONSIBLE) == narrow_responsible, "only the title grows"
    due = table.columnWidth(Column.DUE)
    assert due >= table.fontMetrics().horizontalAdvance("2026-11-30 ⚠") + 8, "the ⚠ is never elided"


def test_tab_leaves_the_register_for_the_filter_bar(desk: Desk) -> None:
    desk.add(1, "甲", formed_on=date(2026, 11, 2))
    desk.add(1, "乙", formed_on=date(2026, 11, 3))
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    panel = desk.window.publications_panel
    panel.table.setFocus()
    panel.table.selectRow(0)
    desk.qtbot.keyClick(panel.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.status, "Tab goes to the filter bar, not the next cell"


def test_enter_in_the_catalogue_search_moves_into_the_results(desk: Desk) -> None:
    desk.window.tabs.setCurrentIndex(CATALOGUE_TAB)
    panel = desk.window.catalogue_panel
    desk.type(panel.search, "三公")
    desk.qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is panel.tree
    item = desk.window.detail_panel.item
    assert item is not None and "三公" in "".join(item.path) + item.content


def test_an_empty_list_says_why(desk: Desk) -> None:
    desk.add(1, "科技创新券管理办法", formed_on=date(2026, 11, 2))
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    panel = desk.window.publications_panel
    desk.type(panel.text, "不存在的词")
    desk.qtbot.waitUntil(lambda: panel.table.proxy.rowCount() == 0)
    hint = panel.table.empty_hint.label
    assert hint.isVisible() and hint.text().startswith("没有符合筛选条件的公开信息")
    desk.qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()

    desk.select_item(2)
    item_hint = desk.window.detail_panel.table.empty_hint.label
    assert item_hint.isVisible() and "本事项还没有登记公开信息" in item_hint.text()

    desk.window.trash_action.trigger()
    trash = desk.trash.dialog
    assert trash is not None
    assert trash.empty_hint.label.isVisible() and trash.empty_hint.label.text().startswith("回收站是空的")
    trash.reject()


def test_on_a_wide_window_the_catalogue_path_is_shown_in_full(desk: Desk) -> None:
    """Issue 15 point 8: 目录位置 was always cut, even at 1920 with the title column half empty."""
    desk.add(4, "意见反馈的公开", formed_on=date(2026, 11, 2))  # 4. 决策 › 重大决策预公开 › 意见反馈
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    table = desk.window.publications_panel.table
    index = table.proxy.index(0, Column.ITEM)
    path = str(index.data())
    full = table.fontMetrics().horizontalAdvance(path)
    desk.window.resize(1000, 700)
    desk.qtbot.waitUntil(lambda: desk.window.width() == 1000)
    assert table.columnWidth(Column.ITEM) < full, "a narrow window elides the path in its middle"
    title = table.columnWidth(Column.TITLE)
    desk.window.resize(1900, 1000)
    desk.qtbot.waitUntil(lambda: table.columnWidth(Column.ITEM) >= full)
    assert table.columnWidth(Column.TITLE) > title, "the title still takes the rest"
    assert table.columnWidth(Column.TITLE) >= table.fontMetrics().horizontalAdvance("意见反馈的公开")


def test_an_items_list_leaves_no_gap_where_its_hidden_columns_are(desk: Desk) -> None:
    """The item's own list hides 公开事项, 索引号 and 承办科室: the columns shown sit edge to edge and fill
    the table (a hidden column once left a blank strip after the title)."""
    desk.add(7, "人大代表建议办理答复", formed_on=date(2026, 11, 2))
    desk.window.resize(1400, 800)
    desk.select_item(7)
    table = desk.window.detail_panel.table
    header = table.horizontalHeader()
    # room for a title wider than its floor, whatever the platform's font measures
    need = sum(header.sectionSize(c) for c in Column if c != Column.TITLE and not header.isSectionHidden(c))
    short = need + table.title_floor + 100 - table.viewport().width()
    if short > 0:
        desk.window.resize(1400 + 2 * short, 800)  # the splitter gives the list part of the growth
    desk.qtbot.waitUntil(lambda: header.sectionSize(Column.TITLE) > table.title_floor)
    assert header.isSectionHidden(Column.ITEM)
    assert header.sectionViewportPosition(Column.FORMED) == header.sectionSize(Column.TITLE)
    shown = sum(header.sectionSize(c) for c in Column if not header.isSectionHidden(c))
    assert header.length() == shown == table.viewport().width()
