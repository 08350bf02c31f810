"""Shared user-facing words and formats. Every string goes through Qt's translation function."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from disclosure_desk.domain.deadlines import DueDate
from disclosure_desk.domain.status import (
    DAYS_LATE_FORMAT,
    Status,
    StatusGroup,
    group_word,
    status_word,
)
from disclosure_desk.domain.workdays import WEEKDAY_NAMES


def tr(text: str, context: str = "Texts") -> str:
    return QCoreApplication.translate(context, text)


def status_label(status: Status) -> str:
    """The status's one word (domain.status), through Qt's translation hook."""
    return tr(status_word(status), "Status")


def group_label(group: StatusGroup) -> str:
    return tr(group_word(group), "Status")


def vocabulary(word: str) -> str:
    """Any other word of the status vocabulary (NO_DUE_DATE_WORD, ON_TIME_RATE_WORD…), translated."""
    return tr(word, "Status")


def days_late_label(days: int) -> str:
    """ "逾期 3 个工作日": days late in the unit the domain counts them in."""
    return tr(DAYS_LATE_FORMAT, "Status").format(days)


# Colours by status, read by every view (a UI table keyed by status; nothing else decides a colour).
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
