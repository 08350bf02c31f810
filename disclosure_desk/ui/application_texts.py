"""How an application's status looks: the words of domain.status and the colours of the publication
status of the same urgency (an overdue application is the same red as an overdue publication)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.status import APPLICATION_LIKE_STATUS, ApplicationStatus, application_urgency
from disclosure_desk.ui.texts import STATUS_BACKGROUND, STATUS_FOREGROUND, tr

# Overdue first when sorted ascending, as in the publication list.
APPLICATION_STATUS_ORDER = {status: application_urgency(status) for status in ApplicationStatus}


def application_status_label(status: ApplicationStatus, paused: bool = False) -> str:
    label = tr(status.label, "ApplicationStatus")
    return tr("{0}（暂停计时）", "ApplicationStatus").format(label) if paused else label


def application_status_foreground(status: ApplicationStatus) -> QColor | None:
    return STATUS_FOREGROUND.get(APPLICATION_LIKE_STATUS[status])


def application_status_background(status: ApplicationStatus) -> QColor | None:
    return STATUS_BACKGROUND.get(APPLICATION_LIKE_STATUS[status])


def application_place(application: Application) -> str:
    """ "依申请公开 2026-003": an application among publications (the start page, the trash), where a
    publication shows its catalogue path — never the applicant."""
    return tr("依申请公开 {0}", "ApplicationStatus").format(application.number)
