"""Every item model, checked by pytest-qt's model tester, and the sorting/filtering contracts."""

from __future__ import annotations

from datetime import date

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from disclosure_desk.domain.selection import DateField
from disclosure_desk.domain.status import Status
from disclosure_desk.ui.models.catalogue_tree import CatalogueTreeModel, TreeColumn
from disclosure_desk.ui.models.holiday_models import HolidayDaysModel, HolidayYearsModel
from disclosure_desk.ui.models.publication_filter import PublicationFilterProxy
from disclosure_desk.ui.models.publication_table import Column, PublicationTableModel
from disclosure_desk.ui.models.roles import ITEM_ROLE, ROW_ROLE, SEARCH_ROLE, SORT_ROLE
from disclosure_desk.ui.models.trash_model import TrashModel
from disclosure_desk.ui.presenters import RegisterRow, load_register, open_work_by_item
from disclosure_desk.ui.register_filter import STATUS_GROUPS, RegisterFilter

pytestmark = pytest.mark.gui


def _rows(desk: Desk) -> list[RegisterRow]:
    desk.add(1, "部门文件甲", formed_on=date(2026, 11, 2))  # due 11-30: due soon
    desk.add(1, "部门文件乙", formed_on=date(2026, 9, 1), published_on=date(2026, 9, 10))
    desk.add(2, "规范性文件清理结果", formed_on=date(2026, 8, 3))  # long overdue
    desk.add(18, "应急预案", document_number="周科发〔2026〕9号")  # statutory, no due date
    return load_register(desk.store, TODAY)


def test_tree_model_and_its_search_proxy(qtmodeltester, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    model = CatalogueTreeModel()
    model.set_items(desk.store.active_catalogue().items)
    model.set_open_work(open_work_by_item(_rows(desk)))
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setRecursiveFilteringEnabled(True)
    proxy.setFilterRole(SEARCH_ROLE)
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("预决算")
    qtmodeltester.check(proxy)


def test_tree_skips_empty_levels_and_counts_open_work(desk: Desk) -> None:
    model = CatalogueTreeModel()
    model.set_items(desk.store.active_catalogue().items)
    model.set_open_work(open_work_by_item(_rows(desk)))
    processes = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert processes[:3] == ["决策", "执行和结果", "管理和服务"]
    decision = model.index(0, 0)
    assert model.index(0, TreeColumn.OPEN).data() == "2"  # 甲 (due soon) and the overdue item-2 record
    assert model.index(0, TreeColumn.OPEN).data(Qt.ItemDataRole.ForegroundRole).name() == "#b71c1c"
    # item 5 (规划计划) has no 二级目录: it hangs directly under its 一级目录
    plans = next(
        model.index(r, 0, decision)
        for r in range(model.rowCount(decision))
        if model.index(r, 0, decision).data() == "规划计划"
    )
    leaf = model.index(0, 0, plans)
    assert leaf.data(ITEM_ROLE).number == 5
    assert model.rowCount(leaf) == 0


def test_publication_table_and_filter_proxy(qtmodeltester, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    model = PublicationTableModel()
    model.set_rows(_rows(desk))
    qtmodeltester.check(model)
    proxy = PublicationFilterProxy(model)
    proxy.set_filter(RegisterFilter(text="部门"))
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2


def test_sort_role_gives_real_dates_and_empty_values_sort_last(desk: Desk) -> None:
    model = PublicationTableModel()
    model.set_rows(_rows(desk))
    proxy = PublicationFilterProxy(model)
    first = proxy.index(0, Column.DUE)
    assert isinstance(proxy.data(first, ROW_ROLE), RegisterRow)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(Column.DUE, order)
        dues = [proxy.index(r, Column.DUE).data(ROW_ROLE).record.due.due_on for r in range(proxy.rowCount())]
        assert dues[-1] is None, "a record without a due date sorts last both ways"
        present = dues[:-1]
        assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)
    value = model.data(model.index(0, Column.DUE), SORT_ROLE)
    assert value is None or hasattr(value, "year") or isinstance(value, date)


def test_status_sorts_by_urgency(desk: Desk) -> None:
    model = PublicationTableModel()
    model.set_rows(_rows(desk))
    model.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    statuses = [row.status for row in model.rows]
    assert statuses[0] is Status.OVERDUE and statuses[1] is Status.DUE_SOON


def test_filters_by_status_process_dates_and_words(desk: Desk) -> None:
    rows = _rows(desk)
    model = PublicationTableModel()
    model.set_rows(rows)
    proxy = PublicationFilterProxy(model)
    proxy.set_filter(RegisterFilter(statuses=STATUS_GROUPS["overdue"]))
    assert [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())] == ["规范性文件清理结果"]
    proxy.set_filter(RegisterFilter(process="管理和服务"))
    assert proxy.rowCount() == 1
    proxy.set_filter(
        RegisterFilter(date_field=DateField.FORMED, date_from=date(2026, 9, 1), date_to=date(2026, 11, 2))
    )
    assert proxy.rowCount() == 2
    proxy.set_filter(RegisterFilter(text="周科发 应急"))
    assert proxy.rowCount() == 1
    proxy.set_filter(RegisterFilter())
    assert proxy.rowCount() == len(rows)


def test_holiday_and_trash_models(qtmodeltester, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    years = HolidayYearsModel()
    years.set_schedules(desk.store.holiday_schedules())
    qtmodeltester.check(years)
    days = HolidayDaysModel()
    days.set_schedule(desk.store.holiday_schedules()[-1])
    qtmodeltester.check(days)
    assert days.rowCount() > 0
    saved = desk.add(1, "待删除")
    assert saved.id is not None
    desk.store.delete_publication(saved.id)
    trash = TrashModel()
    trash.set_publications(desk.store.publications(deleted=True), desk.store.items_by_id())
    qtmodeltester.check(trash)
    assert trash.index(0, 0).data() == "待删除"
    assert trash.rowCount(QModelIndex()) == 1


def test_a_due_date_without_an_official_schedule_is_marked_in_the_list(desk: Desk) -> None:
    from disclosure_desk.ui.main_window import ALL_TAB

    desk.add(1, "年底形成", formed_on=date(2026, 12, 21))  # due in January 2027: no 2027 schedule yet
    desk.window.tabs.setCurrentIndex(ALL_TAB)
    model = desk.window.publications_panel.table.model()
    index = model.index(0, Column.DUE)
    assert model.data(index).endswith("⚠")
    assert "2027年的法定节假日安排尚未导入" in model.data(index, Qt.ItemDataRole.ToolTipRole)
