"""The start page's cards lead somewhere: a click shows the register filtered to what the card counts.

    逾期          → 全部公开信息, status 逾期未公开
    即将到期      → status 即将到期
    本月已公开    → 已公开, published from the 1st of this month to today
    本年按时公开率 → 已公开, published from 1 January to today
    依申请公开    → the 依申请公开 tab, applications not yet replied to

Kept out of the window and the panel: the panel only says "clicked", the register only filters.
"""

from __future__ import annotations

from datetime import date

from disclosure_desk.domain.selection import DateField
from disclosure_desk.domain.status import Status, StatusGroup
from disclosure_desk.ui.main_window import ALL_TAB, APPLICATIONS_TAB, MainWindow


def show_in_register(
    window: MainWindow,
    status_key: str,
    date_field: DateField = DateField.DUE,
    date_from: date | None = None,
    date_to: date | None = None,
) -> None:
    window.tabs.setCurrentIndex(ALL_TAB)
    panel = window.publications_panel
    panel.show_filtered(status_key, date_field, date_from, date_to)
    panel.table.setFocus()


def show_open_applications(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(APPLICATIONS_TAB)
    applications = window.applications_panel
    applications.status.setCurrentIndex(max(applications.status.findData("open"), 0))


def route_cards(window: MainWindow) -> None:
    panel = window.dashboard_panel

    def today() -> date:
        return panel.data.today if panel.data is not None else date.today()

    panel.overdue_card.clicked.connect(lambda: show_in_register(window, Status.OVERDUE.value))
    panel.due_soon_card.clicked.connect(lambda: show_in_register(window, Status.DUE_SOON.value))
    panel.month_card.clicked.connect(
        lambda: show_in_register(
            window, StatusGroup.PUBLISHED.value, DateField.PUBLISHED, today().replace(day=1), today()
        )
    )
    panel.rate_card.clicked.connect(
        lambda: show_in_register(
            window, StatusGroup.PUBLISHED.value, DateField.PUBLISHED, date(today().year, 1, 1), today()
        )
    )
    panel.applications_card.clicked.connect(lambda: show_open_applications(window))
    for card in (
        panel.overdue_card,
        panel.due_soon_card,
        panel.month_card,
        panel.rate_card,
        panel.applications_card,
    ):
        card.setToolTip(window.tr("点击查看这些记录"))
