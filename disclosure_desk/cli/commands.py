"""The list of command-group modules, in the order `--help` shows them."""

from __future__ import annotations

from types import ModuleType

from disclosure_desk.cli import (
    application_cmd,
    backup_cmd,
    catalogue_cmd,
    due_cmd,
    history_cmd,
    holidays_cmd,
    publication_cmd,
    report_cmd,
    status_cmd,
    trash_cmd,
)

MODULES: tuple[ModuleType, ...] = (
    status_cmd,
    catalogue_cmd,
    publication_cmd,
    trash_cmd,
    history_cmd,
    application_cmd,
    due_cmd,
    holidays_cmd,
    report_cmd,
    backup_cmd,
)
