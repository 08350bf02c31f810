"""The tray reminder for information requests: once a day (again only when the counts grow), what is
overdue or due soon, by registration number and due date — never the applicant's name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject

from disclosure_desk.domain.application_clock import ApplicationRecord
from disclosure_desk.domain.applications import ApplicationStatus
from disclosure_desk.ui.reminders import TITLES_SHOWN, Notifier
from disclosure_desk.ui.texts import tr

_CONTEXT = "ApplicationReminder"


def reminder_lines(records: Sequence[ApplicationRecord]) -> tuple[str, str] | None:
    """(title, message) for the records overdue or due soon; None when there are none."""
    overdue = [r for r in records if r.clock.status is ApplicationStatus.OVERDUE]
    due_soon = [r for r in records if r.clock.status is ApplicationStatus.DUE_SOON]
    if not overdue and not due_soon:
        return None
    parts = []
    if overdue:
        parts.append(tr("{0} {1} 件", _CONTEXT).format(tr(ApplicationStatus.OVERDUE.label), len(overdue)))
    if due_soon:
        parts.append(tr("{0} {1} 件", _CONTEXT).format(tr(ApplicationStatus.DUE_SOON.label), len(due_soon)))
    chosen = sorted((*overdue, *due_soon), key=lambda r: r.clock.due_on or date.max)
    lines = [
        tr("· 申请 {0}，答复期限 {1}", _CONTEXT).format(r.application.number, r.clock.due_on)
        for r in chosen[:TITLES_SHOWN]
    ]
    if len(chosen) > TITLES_SHOWN:
        lines.append(tr("……等 {0} 件", _CONTEXT).format(len(chosen)))
    return tr("依申请公开提醒：{0}", _CONTEXT).format(tr("，", _CONTEXT).join(parts)), "\n".join(lines)


class ApplicationReminder(QObject):
    def __init__(self, notifier: Notifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self._notified: tuple[date, int, int] | None = None  # day, overdue, overdue + due soon

    def update(self, records: Sequence[ApplicationRecord], today: date) -> bool:
        """Take the latest records; True when a notification was shown."""
        text = reminder_lines(records)
        if text is None:
            return False
        overdue = sum(1 for r in records if r.clock.status is ApplicationStatus.OVERDUE)
        urgent = overdue + sum(1 for r in records if r.clock.status is ApplicationStatus.DUE_SOON)
        last = self._notified
        if last is not None and last[0] == today and overdue <= last[1] and urgent <= last[2]:
            return False
        self._notified = (today, overdue, urgent)
        self.notifier.notify(*text)
        return True
