"""How an application's status looks: the publications' colours for the same urgency, and its words.

The words are the domain's (ApplicationStatus.label); the colours are ui.texts' publication colours, so an
overdue application is the same red as an overdue publication.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from disclosure_desk.domain.applications import ApplicationStatus
from disclosure_desk.domain.status import Status
from disclosure_desk.ui.texts import STATUS_BACKGROUND, STATUS_FOREGROUND, tr

# The publication status whose colours an application status borrows.
_SAME_URGENCY = {
    ApplicationStatus.OVERDUE: Status.OVERDUE,
    ApplicationStatus.DUE_SOON: Status.DUE_SOON,
    ApplicationStatus.OPEN: Status.PENDING,
    ApplicationStatus.REPLIED_LATE: Status.PUBLISHED_LATE,
    ApplicationStatus.REPLIED_ON_TIME: Status.PUBLISHED_ON_TIME,
    ApplicationStatus.WITHDRAWN: Status.PUBLISHED,
}

# Overdue first when sorted ascending, as in the publication list.
APPLICATION_STATUS_ORDER = {
    ApplicationStatus.OVERDUE: 0,
    ApplicationStatus.DUE_SOON: 1,
    ApplicationStatus.OPEN: 2,
    ApplicationStatus.REPLIED_LATE: 3,
    ApplicationStatus.REPLIED_ON_TIME: 4,
    ApplicationStatus.WITHDRAWN: 5,
}


def application_status_label(status: ApplicationStatus, paused: bool = False) -> str:
    label = tr(status.label, "ApplicationStatus")
    return tr("{0}（暂停计时）", "ApplicationStatus").format(label) if paused else label


def application_status_foreground(status: ApplicationStatus) -> QColor | None:
    return STATUS_FOREGROUND.get(_SAME_URGENCY[status])


def application_status_background(status: ApplicationStatus) -> QColor | None:
    return STATUS_BACKGROUND.get(_SAME_URGENCY[status])
