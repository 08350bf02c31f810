"""The start page (首页), pinned to Saturday 2026-10-10: a 调休 working day just after the National Day
holiday (10-01..10-07), so every count below crosses the holiday and counts the Saturday."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from disclosure_desk.domain.catalogue import MonthDay
from disclosure_desk.domain.history import monthly_history
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Status, evaluate_records
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dashboard_controller import DashboardController
from disclosure_desk.ui.dialogs.yearly_dialog import YearlyDialog
from disclosure_desk.ui.main_window import DASHBOARD_TAB
from disclosure_desk.ui.models.coverage_model import UncoveredModel, YearlyColumn, YearlyModel
from disclosure_desk.ui.models.dashboard_model import OpenColumn, OpenWorkModel
from disclosure_desk.ui.panels.dashboard_panel import DashboardPanel
from disclosure_desk.ui.texts import STATUS_BACKGROUND, STATUS_FOREGROUND

pytestmark = pytest.mark.gui

TODAY = date(2026, 10, 10)


class SilentNotifier:
    def notify(self, title: str, message: str) -> None:
        pass

    def set_count(self, count: int, tooltip: str) -> None:
        pass


def add(store: Store, number: int, title: str, **fields: object) -> Publication:
    item = store.active_catalogue().item_by_number(number)
    assert item is not None and item.id is not None
    if "published_on" in fields:
        fields.setdefault("channels", item.channels)  # published as the catalogue requires
    return store.add_publication(Publication(item_id=item.id, title=title, **fields))  # type: ignore[arg-type]


def seed(store: Store) -> None:
    add(store, 1, "九月初形成", formed_on=date(2026, 9, 1))  # due 09-29: 4 working days late
    add(store, 1, "九月中形成", formed_on=date(2026, 9, 14))  # due 10-16: 5 working days left
    add(store, 1, "九月十一日形成", formed_on=date(2026, 9, 11))  # due 10-15: 4 working days left
    add(store, 1, "节前形成", formed_on=date(2026, 9, 25))  # due 10-29
    add(store, 12, "预算批复", approved_on=date(2026, 9, 30))  # 20 calendar days: due 10-20
    add(store, 18, "应急预案")  # statutory, no date entered: open, undated
    add(store, 1, "已公开", formed_on=date(2026, 9, 14), published_on=date(2026, 10, 9))
    add(store, 1, "八月按时", formed_on=date(2026, 8, 3), published_on=date(2026, 8, 20))
    add(store, 2, "六月逾期", formed_on=date(2026, 6, 1), published_on=date(2026, 8, 31))


def open_desk(qtbot: QtBot, store: Store, ui_settings: QSettings) -> Desk:
    return Desk.open(qtbot, store, ui_settings, TODAY, SilentNotifier())


@pytest.fixture
def seeded_desk(qtbot: QtBot, store: Store, ui_settings: QSettings) -> Iterator[Desk]:
    seed(store)
    yield open_desk(qtbot, store, ui_settings)


def panel_of(desk: Desk) -> DashboardPanel:
    return desk.window.dashboard_panel


def titles(model: OpenWorkModel) -> list[str]:
    return [model.index(row, OpenColumn.TITLE).data() for row in range(model.rowCount())]


def test_start_page_is_the_first_tab_and_selected(seeded_desk: Desk) -> None:
    window = seeded_desk.window
    assert window.tabs.currentIndex() == DASHBOARD_TAB
    assert window.tabs.tabText(DASHBOARD_TAB) == "首页"
    assert window.tabs.currentWidget() is window.dashboard_panel


def test_cards_across_national_day(seeded_desk: Desk) -> None:
    panel = panel_of(seeded_desk)
    assert panel.overdue_card.value.text() == "1"
    assert panel.overdue_card.property("alert") == "overdue"
    assert panel.overdue_card.caption.text() == "逾期未公开"
    assert panel.due_soon_card.caption.text() == "即将到期（5个工作日内）"
    assert panel.due_soon_card.value.text() == "2"
    assert panel.due_soon_card.property("alert") == "due_soon"
    assert panel.month_card.caption.text() == "10月已公开"
    assert panel.month_card.value.text() == "1"  # 已公开 on 10-09
    assert panel.month_card.note.text() == "按时公开 1 · 逾期公开 0 · 无时限 0"
    assert panel.rate_card.caption.text() == "本年按时公开率"
    assert panel.rate_card.value.text() == "66.7%"  # two on time, one late this year
    assert panel.rate_card.note.text() == "按时公开 2 · 逾期公开 1 · 无时限 0"
    assert not panel.all_clear.isVisibleTo(panel)


def test_open_list_by_due_date_with_time_left_and_colours(seeded_desk: Desk) -> None:
    model = panel_of(seeded_desk).open_model
    assert titles(model) == ["九月初形成", "九月十一日形成", "九月中形成", "预算批复", "节前形成", "应急预案"]
    left = [model.index(row, OpenColumn.LEFT).data() for row in range(model.rowCount())]
    # from Saturday 10-10 (a working day) to Tuesday 10-20: 10-12..16, 10-19, 10-20
    assert left == [
        "逾期 4 个工作日",  # 09-30, then 10-08, 10-09 and the 调休 Saturday 10-10
        "还剩 4 个工作日",
        "还剩 5 个工作日",
        "还剩 7 个工作日",
        "还剩 14 个工作日",
        "未定应公开日期",
    ]
    assert model.index(0, OpenColumn.DUE).data() == "2026-09-29"
    assert model.index(0, OpenColumn.PATH).data() == "1. 决策 › 政策法规 › 部门文件"
    foreground = Qt.ItemDataRole.ForegroundRole
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, OpenColumn.LEFT).data(foreground) == STATUS_FOREGROUND[Status.OVERDUE]
    assert model.index(0, OpenColumn.LEFT).data(background) == STATUS_BACKGROUND[Status.OVERDUE]
    assert model.index(0, OpenColumn.DUE).data(foreground) == STATUS_FOREGROUND[Status.OVERDUE]
    for row in (1, 2):
        assert model.index(row, OpenColumn.LEFT).data(foreground) == STATUS_FOREGROUND[Status.DUE_SOON]
        assert model.index(row, OpenColumn.LEFT).data(background) == STATUS_BACKGROUND[Status.DUE_SOON]
    assert model.index(3, OpenColumn.LEFT).data(foreground) is None
    assert model.index(3, OpenColumn.LEFT).data(background) is None


def test_a_published_record_never_shows_as_due(seeded_desk: Desk) -> None:
    model = panel_of(seeded_desk).open_model
    shown = set(titles(model))
    assert not shown & {"已公开", "八月按时", "六月逾期"}
    # publishing the overdue one takes it off the page and off the overdue card
    overdue = next(p for p in seeded_desk.store.publications() if p.title == "九月初形成")
    seeded_desk.store.update_publication(
        replace(overdue, published_on=date(2026, 10, 10), channels=("政府网站",)), today=TODAY
    )
    seeded_desk.controller.reload()
    assert "九月初形成" not in titles(model)
    assert panel_of(seeded_desk).overdue_card.value.text() == "0"
    assert panel_of(seeded_desk).month_card.value.text() == "2"


def test_one_click_selects_a_double_click_edits_and_saving_refreshes_the_page(seeded_desk: Desk) -> None:
    panel = panel_of(seeded_desk)
    view = panel.open_view
    index = panel.open_model.index(1, OpenColumn.TITLE)
    centre = view.visualRect(index).center()
    seeded_desk.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert seeded_desk.controller.editor is None, "one click selects, as in every list"
    window = seeded_desk.window
    assert window.edit_action.isEnabled() and window.delete_action.isEnabled(), "the toolbar follows"
    seeded_desk.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    editor = seeded_desk.controller.editor
    assert editor is not None
    assert editor.value().title == "九月十一日形成"
    editor.date_edits["published_on"].set_date(date(2026, 10, 10))
    editor.channel_boxes["政府网站"].setChecked(True)  # published now: the required channel is ticked
    editor.submit()
    seeded_desk.qtbot.waitUntil(lambda: seeded_desk.controller.editor is None)
    assert panel.due_soon_card.value.text() == "1"
    assert "九月十一日形成" not in titles(panel.open_model)


def test_enter_on_a_row_opens_its_editor(seeded_desk: Desk) -> None:
    view = panel_of(seeded_desk).open_view
    view.setFocus()
    view.setCurrentIndex(panel_of(seeded_desk).open_model.index(0, 0))
    seeded_desk.qtbot.keyClick(view, Qt.Key.Key_Return)
    editor = seeded_desk.controller.editor
    assert editor is not None and editor.value().title == "九月初形成"
    editor.reject()


def test_chart_shows_the_domain_history(seeded_desk: Desk) -> None:
    chart = panel_of(seeded_desk).chart
    store = seeded_desk.store
    evaluation = evaluate_records(store.publication_records(), TODAY, store.calendar(), 5)
    assert chart.history == monthly_history(evaluation)
    by_month = {(m.year, m.month): m for m in chart.history}
    assert (by_month[(2026, 8)].figures.on_time, by_month[(2026, 8)].figures.late) == (1, 1)
    assert by_month[(2026, 10)].figures.on_time == 1
    # the current month's bar is the month card's figures
    data = panel_of(seeded_desk).data
    assert data is not None and by_month[(2026, 10)].figures == data.digest.month
    # open at the end of September: the five formed by then plus 已公开 (published 10-09), and the
    # dateless 应急预案 if it was entered by then (it counts from its entry day, at most today)
    dateless = next(p for p in seeded_desk.store.publications() if p.title == "应急预案")
    assert dateless.created_at is not None
    assert by_month[(2026, 9)].open_at_end == 6 + (dateless.created_at.date() <= date(2026, 9, 30))
    # today: exactly the page's list
    assert by_month[(2026, 10)].open_at_end == 6 == panel_of(seeded_desk).open_model.rowCount()
    assert "2026年10月（截至今天）" in chart.tooltip_text(11)
    assert not chart.grab().isNull()


def test_coverage_lists_and_marking_an_item_yearly(seeded_desk: Desk) -> None:
    panel = panel_of(seeded_desk)
    # items 1 and 2 have publications this year; the other 31 are uncovered
    assert panel.uncovered_model.rowCount() == 31
    assert panel.coverage_tabs.tabText(1) == "本年未公开（31）"
    assert panel.coverage_tabs.tabText(0) == "年度和周期（0）"
    # the officer picks the budget item (12) among the uncovered and marks it yearly, due 03-31
    budget = seeded_desk.item(12)
    row = next(
        r
        for r in range(panel.uncovered_model.rowCount())
        if panel.uncovered_model.index(r, 0).data() == "12. 本年度预算、报表及说明"
    )
    panel.coverage_tabs.setCurrentIndex(1)
    panel.uncovered_view.setCurrentIndex(panel.uncovered_model.index(row, 0))
    panel.yearly_button.click()
    dashboard = seeded_desk.window.findChild(DashboardController)
    assert dashboard is not None
    dialog = dashboard.yearly_dialog
    assert isinstance(dialog, YearlyDialog)
    current = dialog.current_item()
    assert current is not None and current.id == budget.id
    assert not dialog.yearly.isChecked() and not dialog.month.isEnabled()
    dialog.yearly.setChecked(True)
    dialog.month.setValue(3)
    dialog.day.setValue(31)
    dialog.save_button.click()
    assert seeded_desk.store.item(budget.id or 0).yearly_due == MonthDay(3, 31)
    yearly = panel.yearly_model
    assert yearly.rowCount() == 1
    assert yearly.index(0, YearlyColumn.DUE).data() == "2026-03-31"
    assert yearly.index(0, YearlyColumn.STATE).data() == "逾期未公开，逾期 130 个工作日"
    assert (
        yearly.index(0, YearlyColumn.STATE).data(Qt.ItemDataRole.ForegroundRole)
        == (STATUS_FOREGROUND[Status.OVERDUE])
    )
    assert panel.coverage_tabs.tabText(0) == "年度和周期（1）"
    # 预算批复 published: the obligation is met
    pending = next(p for p in seeded_desk.store.publications() if p.title == "预算批复")
    seeded_desk.store.update_publication(
        replace(pending, published_on=date(2026, 10, 9), channels=("政府网站",)), today=TODAY
    )
    seeded_desk.controller.reload()
    # met, but after its 03-31 deadline: said so, in the late colour
    assert yearly.index(0, YearlyColumn.STATE).data() == "已于 2026-10-09 公开（逾期 129 个工作日）"
    assert (
        yearly.index(0, YearlyColumn.STATE).data(Qt.ItemDataRole.ForegroundRole)
        == (STATUS_FOREGROUND[Status.PUBLISHED_LATE])
    )
    assert panel.coverage_tabs.tabText(0) == "年度和周期（0）"
    # and the mark can be cleared again
    panel.coverage_tabs.setCurrentIndex(0)
    panel.yearly_view.setCurrentIndex(yearly.index(0, 0))
    panel.yearly_button.click()
    dialog = dashboard.yearly_dialog
    assert dialog is not None and dialog.yearly.isChecked() and dialog.month.value() == 3
    dialog.yearly.setChecked(False)
    dialog.save_button.click()
    assert seeded_desk.store.item(budget.id or 0).yearly_due is None
    assert yearly.rowCount() == 0


def test_yearly_dialog_limits_the_day_to_the_month() -> None:
    dialog = YearlyDialog([])
    dialog.month.setValue(2)
    assert dialog.day.maximum() == 29
    dialog.month.setValue(4)
    assert dialog.day.maximum() == 30
    dialog.deleteLater()


def test_empty_store_says_nothing_is_due(qtbot: QtBot, store: Store, ui_settings: QSettings) -> None:
    desk = open_desk(qtbot, store, ui_settings)
    panel = panel_of(desk)
    assert panel.all_clear.isVisible()
    assert panel.all_clear.text() == "今天没有逾期未公开或即将到期的事项。"
    assert panel.open_stack.currentWidget() is panel.open_empty
    assert panel.open_empty.text().startswith("还没有登记公开信息。")
    assert panel.yearly_stack.currentIndex() == 1  # a sentence on how to mark yearly items
    assert panel.overdue_card.value.text() == "0" and panel.overdue_card.property("alert") == ""
    assert panel.rate_card.value.text() == "—"
    assert panel.uncovered_model.rowCount() == 33


def test_models_pass_the_model_tester(qtmodeltester, seeded_desk: Desk) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(seeded_desk)
    data = panel.data
    assert data is not None
    open_model = OpenWorkModel()
    open_model.set_obligations(data.open_work, data.today)
    qtmodeltester.check(open_model)
    uncovered = UncoveredModel()
    uncovered.set_items(data.coverage.uncovered)
    qtmodeltester.check(uncovered)
    yearly = YearlyModel()
    yearly.set_obligations(data.coverage.yearly, data.today)
    qtmodeltester.check(yearly)


def test_statutory_records_without_a_date_are_listed_to_fill_in(seeded_desk: Desk) -> None:
    """Issue 13: a 按法定时间公开 record saved without its due date waits in its own list."""
    panel = panel_of(seeded_desk)
    assert titles(panel.needs_due_model) == ["应急预案"]
    assert panel.coverage_tabs.tabText(2) == "需要填写应公开日期（1）"
    panel.coverage_tabs.setCurrentIndex(2)
    view = panel.needs_due_view
    index = panel.needs_due_model.index(0, OpenColumn.TITLE)
    seeded_desk.qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    editor = seeded_desk.controller.editor
    assert editor is not None and editor.value().title == "应急预案"
    editor.date_edits["due_on_manual"].set_date(date(2026, 10, 30))
    editor.submit()
    seeded_desk.qtbot.waitUntil(lambda: seeded_desk.controller.editor is None)
    assert titles(panel.needs_due_model) == []
    assert panel.coverage_tabs.tabText(2) == "需要填写应公开日期（0）"
    assert panel.selected_catalogue_item() is None
