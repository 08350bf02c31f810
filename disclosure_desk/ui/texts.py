"""Shared user-facing words and formats. Every string goes through Qt's translation function."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.status import Status
from disclosure_desk.domain.workdays import WEEKDAY_NAMES


def tr(text: str, context: str = "Texts") -> str:
    return QCoreApplication.translate(context, text)


def status_label(status: Status) -> str:
    labels = {
        Status.PENDING: tr("待公开"),
        Status.DUE_SOON: tr("即将到期"),
        Status.OVERDUE: tr("已逾期"),
        Status.PUBLISHED_ON_TIME: tr("按时公开"),
        Status.PUBLISHED_LATE: tr("逾期公开"),
        Status.PUBLISHED: tr("已公开"),
    }
    return labels[status]


# Red for overdue, amber for due soon: text colours dark enough to read on white (WCAG AA), and a pale
# background of the same hue for the status cell.
STATUS_FOREGROUND: dict[Status, QColor] = {
    Status.OVERDUE: QColor("#b71c1c"),
    Status.DUE_SOON: QColor("#8a5300"),
    Status.PUBLISHED_LATE: QColor("#8e3b00"),
}
# Dots in the catalogue tree: brighter than text colours, they only need to be seen.
STATUS_DOT: dict[Status, QColor] = {
    Status.OVERDUE: QColor("#d32f2f"),
    Status.DUE_SOON: QColor("#f0a000"),
}
STATUS_BACKGROUND: dict[Status, QColor] = {
    Status.OVERDUE: QColor("#fde7e7"),
    Status.DUE_SOON: QColor("#fff3d6"),
}


def format_date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


# Beside a due date computed without an official holiday schedule (weekends only): it may be wrong, and
# the officer must see that in every list, not only in a tooltip.
UNCERTAIN_MARK = " ⚠"


def format_due(due: DueDate) -> str:
    text = format_date(due.due_on)
    return text + UNCERTAIN_MARK if text and due.warnings else text


def due_tooltip(due: DueDate) -> str | None:
    lines = [due.explanation] if due.explanation else []
    if due.unrolled_on is not None and due.unrolled_on != due.due_on:
        lines.append(
            tr("期限届满日 {0} 为休息日，顺延至 {1}。").format(
                format_date(due.unrolled_on), format_date(due.due_on)
            )
        )
    lines.extend(due.warnings)
    return "\n".join(lines) or None


def format_date_long(value: date) -> str:
    """ "2026-11-30（星期一）"."""
    return f"{value.isoformat()}（{WEEKDAY_NAMES[value.weekday()]}）"


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""
