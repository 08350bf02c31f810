"""Reminders: a tray notification at start and once a day of what is overdue or due soon.

The Reminder holds the rules (when to speak); a notifier does the speaking. Both the clock and the
notifier are injected, so tests drive a day change by calling `check()` with the clock moved on — no
sleeping, no real tray. The tray notifier degrades to silence where there is no system tray (offscreen,
some Linux desktops).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from disclosure_desk import paths
from disclosure_desk.domain.digest import Digest
from disclosure_desk.domain.status import Status
from disclosure_desk.ui.texts import status_label, tr
from disclosure_desk.ui.widgets.badge import badge_pixmap

_CONTEXT = "Reminder"
CHECK_INTERVAL_MS = 10 * 60 * 1000  # the day is compared every ten minutes: midnight is noticed soon
MESSAGE_MS = 15_000
TITLES_SHOWN = 3


class Notifier(Protocol):
    def notify(self, title: str, message: str) -> None: ...

    def set_count(self, count: int, tooltip: str) -> None: ...


@dataclass(frozen=True)
class ReminderText:
    title: str
    message: str
    tooltip: str


def reminder_text(digest: Digest, due_soon_days: int) -> ReminderText | None:
    """ "逾期未公开 2 条，即将到期（5个工作日内）3 条" and the first titles; None when nothing is due."""
    overdue, due_soon = len(digest.overdue), len(digest.due_soon)
    if overdue + due_soon == 0:
        return None
    parts = []
    if overdue:
        parts.append(tr("{0} {1} 条", _CONTEXT).format(status_label(Status.OVERDUE), overdue))
    if due_soon:
        parts.append(
            tr("{0}（{1}个工作日内）{2} 条", _CONTEXT).format(
                status_label(Status.DUE_SOON), due_soon_days, due_soon
            )
        )
    summary = tr("，", _CONTEXT).join(parts)
    entries = (*digest.overdue, *digest.due_soon)
    lines = [f"· {entry.record.publication.title}" for entry in entries[:TITLES_SHOWN]]
    if len(entries) > TITLES_SHOWN:
        lines.append(tr("……等 {0} 条", _CONTEXT).format(len(entries)))
    return ReminderText(
        title=tr("政务公开提醒：{0}", _CONTEXT).format(summary),
        message="\n".join(lines),
        tooltip=summary,
    )


class Reminder(QObject):
    """Speaks at most once a calendar day, or again the same day only when the counts grow."""

    dayChanged = Signal(object)  # date: the caller reloads, and the new digest comes back via update()

    def __init__(self, clock: Callable[[], date], notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.notifier = notifier
        self._day = clock()
        self._notified_day: date | None = None
        self._notified_counts = (0, 0)  # (overdue, overdue + due soon) at the last notification
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self) -> None:
        today = self.clock()
        if today != self._day:
            self._day = today
            self.dayChanged.emit(today)

    def update(self, digest: Digest, due_soon_days: int) -> bool:
        """Take the latest digest; returns True when a notification was shown."""
        overdue = len(digest.overdue)
        counts = (overdue, overdue + len(digest.due_soon))
        text = reminder_text(digest, due_soon_days)
        self.notifier.set_count(counts[1], text.tooltip if text is not None else "")
        if text is None:
            return False
        if self._notified_day == digest.today and all(
            now <= before for now, before in zip(counts, self._notified_counts, strict=True)
        ):
            return False
        self._notified_day = digest.today
        self._notified_counts = counts
        self.notifier.notify(text.title, text.message)
        return True


def app_pixmap() -> QPixmap:
    return QPixmap(str(paths.resources_dir() / "icons" / "app.png"))


class TrayNotifier(QObject):
    """The system tray icon with a count badge; silent where no system tray exists."""

    clicked = Signal()  # the officer clicked the icon or the message

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base = app_pixmap()
        self.tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = QSystemTrayIcon(QIcon(badge_pixmap(self._base, 0)), self)
        menu = QMenu(window)
        menu.addAction(tr("显示主窗口", _CONTEXT), self.clicked.emit)
        menu.addAction(tr("退出", _CONTEXT), window.close)
        tray.setContextMenu(menu)
        tray.setToolTip(window.windowTitle())
        tray.activated.connect(self._on_activated)
        tray.messageClicked.connect(self.clicked.emit)
        tray.show()
        self.tray = tray

    def notify(self, title: str, message: str) -> None:
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)

    def set_count(self, count: int, tooltip: str) -> None:
        if self.tray is not None:
            self.tray.setIcon(QIcon(badge_pixmap(self._base, count)))
            self.tray.setToolTip(
                tooltip
                or tr("没有{0}或{1}的事项", _CONTEXT).format(
                    status_label(Status.OVERDUE), status_label(Status.DUE_SOON)
                )
            )

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.clicked.emit()


def bring_forward(window: QWidget) -> None:
    """Show the window on top, restored if it was minimised."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
