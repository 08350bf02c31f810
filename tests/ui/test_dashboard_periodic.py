"""The start page's periodic obligations (next to the yearly ones) and column freshness (栏目更新), driven
as the officer meets them; the page is pinned to Saturday 2026-10-10, a 调休 working day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from test_dashboard import TODAY, add, open_desk, panel_of, seed

from disclosure_desk.domain.deadlines import parse_time_limit
from disclosure_desk.domain.status import Status, publication_status
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.models.coverage_model import FreshnessColumn, YearlyColumn
from disclosure_desk.ui.panels.dashboard_panel import FRESHNESS_TAB
from disclosure_desk.ui.texts import STATUS_FOREGROUND

pytestmark = pytest.mark.gui


@pytest.fixture
def periodic_desk(qtbot: QtBot, store: Store, ui_settings: QSettings) -> Iterator[Desk]:
    seed(store)
    monthly = store.active_catalogue().item_by_number(3)
    assert monthly is not None and monthly.id is not None
    store.set_item_rule(monthly.id, parse_time_limit("次月上旬"))  # the officer's rule for item 3
    add(store, 3, "一月报告", published_on=date(2026, 2, 5))
    add(store, 3, "二月报告", published_on=date(2026, 3, 9))
    add(store, 3, "三月报告", published_on=date(2026, 4, 20))
    add(store, 3, "四月报告", published_on=date(2026, 5, 8))
    yield open_desk(qtbot, store, ui_settings)


def test_periodic_obligations_sit_next_to_the_yearly_ones(periodic_desk: Desk) -> None:
    panel = panel_of(periodic_desk)
    model = panel.yearly_model
    rows = [
        (model.index(r, YearlyColumn.PERIOD).data(), model.index(r, YearlyColumn.DUE).data())
        for r in range(model.rowCount())
    ]
    assert len(rows) == 10  # January to October 2026, one per month
    assert all(model.index(r, YearlyColumn.ITEM).data().startswith("3. ") for r in range(10))
    assert rows[0] == ("2026年1月", "2026-02-10")
    assert rows[8] == ("2026年9月", "2026-10-10")  # due today
    states = [model.index(r, YearlyColumn.STATE).data() for r in range(model.rowCount())]
    assert states[0] == "已于 2026-02-05 公开"
    assert states[2] == "已于 2026-04-20 公开（逾期 6 个工作日）"
    assert states[4].startswith("逾期未公开")  # May: due 06-10, nothing since
    assert states[8] == "今天到期"
    assert model.index(4, YearlyColumn.STATE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.coverage_tabs.tabText(0) == "年度和周期（6）"  # May to October


def test_column_freshness_tab(periodic_desk: Desk) -> None:
    panel = panel_of(periodic_desk)
    panel.coverage_tabs.setCurrentIndex(FRESHNESS_TAB)
    model = panel.freshness_model
    # 33 items, 1–3 published
    assert panel.coverage_tabs.tabText(FRESHNESS_TAB) == "栏目超期 0·空白 30"
    tip = panel.coverage_tabs.tabToolTip(FRESHNESS_TAB)
    assert tip == "超过最长更新间隔未更新的栏目 0 个，从未公开的空白栏目 30 个"
    assert panel.coverage_tabs.tabToolTip(0) == "年度和周期事项 6 项未完成"
    first = model.index(0, FreshnessColumn.ITEM).data()
    assert first.startswith("4.")  # blank columns in catalogue order (nothing is stale yet)
    assert model.index(0, FreshnessColumn.LAST).data() == "从未公开"
    assert model.index(0, FreshnessColumn.LIMIT).data() == "半年"
    assert model.index(0, FreshnessColumn.STATE).data() == "空白栏目"
    colour = model.index(0, FreshnessColumn.STATE).data(Qt.ItemDataRole.ForegroundRole)
    assert colour == STATUS_FOREGROUND[Status.OVERDUE]
    # a column published in April is fine until October, and a blank one opens the yearly dialog
    items = [model.index(r, FreshnessColumn.ITEM).data() for r in range(model.rowCount())]
    assert not any(i.startswith("3.") for i in items)
    panel.freshness_view.setCurrentIndex(model.index(0, 0))
    assert panel.selected_catalogue_item() is not None


def test_marking_a_column_dynamic_shortens_its_limit_to_two_weeks(periodic_desk: Desk) -> None:
    desk = periodic_desk
    desk.select_item(3)  # last published 2026-05-08 under the officer's rule 次月上旬
    detail = desk.window.detail_panel
    assert detail.update_limit.isVisible()
    assert detail.update_limit.text() == "两次公开间隔不超过半年（默认）"
    assert not detail.dynamic_box.isChecked()
    panel = panel_of(desk)
    assert panel.coverage_tabs.tabText(FRESHNESS_TAB) == "栏目超期 0·空白 30"

    desk.tick(detail.dynamic_box)

    item = desk.item(3)
    assert item.dynamic
    assert detail.dynamic_box.isChecked()
    assert detail.update_limit.text() == "两次公开间隔不超过2周（动态栏目）"
    assert panel.coverage_tabs.tabText(FRESHNESS_TAB) == "栏目超期 1·空白 30"
    model = panel.freshness_model
    assert model.index(0, FreshnessColumn.ITEM).data().startswith("3.")
    assert model.index(0, FreshnessColumn.LIMIT).data() == "2周"
    # published 2026-05-08: two weeks run to 05-22, stale from the day after
    assert model.index(0, FreshnessColumn.STATE).data() == "超期未更新（2026-05-23起）"

    desk.tick(detail.dynamic_box)  # and back
    assert not desk.item(3).dynamic
    assert panel.coverage_tabs.tabText(FRESHNESS_TAB) == "栏目超期 0·空白 30"


def test_the_four_coverage_tabs_fit_a_1366_pixel_window(periodic_desk: Desk) -> None:
    window = periodic_desk.window
    window.resize(1366, 728)
    periodic_desk.qtbot.waitUntil(lambda: window.width() == 1366)
    tabs = panel_of(periodic_desk).coverage_tabs
    bar = tabs.tabBar()
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert needed <= tabs.width()


def test_reports_without_a_formed_date_are_judged_by_the_period_they_report(
    qtbot: QtBot, store: Store, ui_settings: QSettings
) -> None:
    # Registered with the publication date only, each report is judged against the period before the
    # month it went out in (not "已公开（无时限）") and meets that period's obligation on the start page.
    monthly = store.active_catalogue().item_by_number(3)
    assert monthly is not None and monthly.id is not None
    store.set_item_rule(monthly.id, parse_time_limit("次月上旬"))
    add(store, 3, "八月报告", published_on=date(2026, 9, 8))
    add(store, 3, "七月报告", published_on=date(2026, 8, 12))
    cal = store.calendar()
    judged = {
        r.publication.title: (
            r.due.due_on,
            publication_status(r.due.due_on, r.publication.published_on, TODAY, cal, 5),
        )
        for r in store.publication_records()
    }
    assert judged["八月报告"] == (date(2026, 9, 10), Status.PUBLISHED_ON_TIME)
    assert judged["七月报告"] == (date(2026, 8, 10), Status.PUBLISHED_LATE)
    model = panel_of(open_desk(qtbot, store, ui_settings)).yearly_model
    states = {
        model.index(r, YearlyColumn.PERIOD).data(): model.index(r, YearlyColumn.STATE).data()
        for r in range(model.rowCount())
    }
    assert states["2026年8月"] == "已于 2026-09-08 公开"
    assert states["2026年7月"] == "已于 2026-08-12 公开（逾期 2 个工作日）"  # due Monday 08-10
    assert states["2026年1月"].startswith("逾期未公开")
