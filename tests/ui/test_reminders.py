"""Tray reminders with an injected clock and notifier: once at start, once a day, again only when the
counts grow; the day changes when the test moves the clock and calls check(), never by sleeping."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_dashboard import add, seed

from disclosure_desk.app import build_desk
from disclosure_desk.domain.digest import build_digest
from disclosure_desk.domain.status import evaluate_records
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dashboard_controller import DashboardController
from disclosure_desk.ui.reminders import (
    CHECK_INTERVAL_MS,
    Reminder,
    TrayNotifier,
    app_pixmap,
    bring_forward,
    reminder_text,
)
from disclosure_desk.ui.widgets.badge import BADGE_COLOR, badge_pixmap, badge_text

pytestmark = pytest.mark.gui

SATURDAY = date(2026, 10, 10)  # the 调休 working Saturday after National Day


@dataclass
class FakeNotifier:
    messages: list[tuple[str, str]] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)

    def notify(self, title: str, message: str) -> None:
        self.messages.append((title, message))

    def set_count(self, count: int, tooltip: str) -> None:
        self.counts.append(count)


@dataclass
class Clock:
    today: date

    def __call__(self) -> date:
        return self.today


def start(
    qtbot: QtBot, store: Store, ui_settings: QSettings, clock: Clock
) -> tuple[Desk, FakeNotifier, Reminder]:
    notifier = FakeNotifier()
    window, controller = build_desk(store, clock, ui_settings, notifier=notifier)
    qtbot.addWidget(window)
    dashboard = window.findChild(DashboardController)
    assert dashboard is not None and dashboard.reminder is not None
    return Desk(window, controller, store, qtbot), notifier, dashboard.reminder


def test_nothing_is_shown_when_nothing_is_due(qtbot: QtBot, store: Store, ui_settings: QSettings) -> None:
    add(store, 1, "早已公开", formed_on=date(2026, 9, 1), published_on=date(2026, 9, 10))
    desk, notifier, reminder = start(qtbot, store, ui_settings, Clock(SATURDAY))
    assert notifier.messages == []
    assert notifier.counts[-1] == 0
    desk.controller.reload()
    reminder.check()
    assert notifier.messages == []


def test_once_at_start_once_a_day_and_again_when_counts_grow(
    qtbot: QtBot, store: Store, ui_settings: QSettings
) -> None:
    seed(store)  # one overdue, two due within 5 working days
    clock = Clock(SATURDAY)
    desk, notifier, reminder = start(qtbot, store, ui_settings, clock)
    assert len(notifier.messages) == 1
    title, message = notifier.messages[0]
    assert title == "政务公开提醒：逾期未公开 1 条，即将到期（5个工作日内）2 条"
    assert message.splitlines() == ["· 九月初形成", "· 九月十一日形成", "· 九月中形成"]
    assert notifier.counts[-1] == 3  # the tray badge

    # the same day: a reload, a timer tick, nothing new
    desk.controller.reload()
    reminder.check()
    assert len(notifier.messages) == 1

    # the same day, a new overdue record: the counts grew, so the officer hears of it
    add(store, 2, "新发现逾期", formed_on=date(2026, 8, 3))
    desk.controller.reload()
    assert len(notifier.messages) == 2
    assert notifier.messages[-1][0] == "政务公开提醒：逾期未公开 2 条，即将到期（5个工作日内）2 条"
    assert notifier.counts[-1] == 4

    # the next day (Sunday): the timer notices the new date, the page reloads, one reminder
    clock.today = date(2026, 10, 11)
    reminder.check()
    assert len(notifier.messages) == 3
    assert "今天：2026-10-11" in desk.window.today_label.text()
    assert desk.window.dashboard_panel.data is not None
    assert desk.window.dashboard_panel.data.today == date(2026, 10, 11)
    reminder.check()
    desk.controller.reload()
    assert len(notifier.messages) == 3


def test_reminder_checks_every_ten_minutes() -> None:
    reminder = Reminder(lambda: SATURDAY, FakeNotifier())
    reminder.start()
    assert reminder.timer.isActive() and reminder.timer.interval() == CHECK_INTERVAL_MS == 600_000
    reminder.timer.stop()


def test_reminder_text_lists_the_first_titles(store: Store) -> None:
    for number in range(5):
        add(store, 1, f"逾期{number}", formed_on=date(2026, 8, 3 + number))
    digest = build_digest(evaluate_records(store.publication_records(), SATURDAY, store.calendar(), 5))
    text = reminder_text(digest, 5)
    assert text is not None
    assert text.title == "政务公开提醒：逾期未公开 5 条"
    assert text.message.splitlines() == ["· 逾期0", "· 逾期1", "· 逾期2", "……等 5 条"]
    assert reminder_text(build_digest(evaluate_records([], SATURDAY, store.calendar(), 5)), 5) is None


def _red_pixels(pixmap: QPixmap) -> int:
    image = pixmap.toImage()
    red = QColor(BADGE_COLOR)
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).rgb() == red.rgb()
    )


def test_tray_badge_shows_the_count(qapp: QApplication) -> None:
    base = app_pixmap()
    assert not base.isNull()
    plain = badge_pixmap(base, 0)
    badged = badge_pixmap(base, 3)
    assert plain.size() == badged.size()
    assert _red_pixels(badged) > _red_pixels(plain) + 100
    # the badge sits in the top-right corner
    assert (
        badged.toImage().pixelColor(badged.width() - 12, 12 + 6).rgb()
        != plain.toImage().pixelColor(badged.width() - 12, 18).rgb()
    )
    assert (badge_text(7), badge_text(100)) == ("7", "99+")


def test_without_a_system_tray_the_notifier_is_silent(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notifier = TrayNotifier(window)
    assert notifier.tray is None  # offscreen has no tray; no warning either (warnings fail tests)
    notifier.set_count(3, "逾期 3 条")
    notifier.notify("标题", "内容")


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, not our code
def test_clicking_the_message_brings_the_window_forward(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    notifier = TrayNotifier(window)
    notifier.clicked.connect(lambda: bring_forward(window))
    notifier.clicked.emit()
    assert window.isVisible() and not window.isMinimized()
