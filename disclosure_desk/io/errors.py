"""Errors raised by the import/export layer. Messages are Chinese and fit to show to the officer as is."""

from __future__ import annotations

from disclosure_desk.domain.errors import DisclosureDeskError


class ExportError(DisclosureDeskError):
    """A file could not be written; any file that was already at the target is left untouched."""


class ReportError(ExportError):
    """A report could not be written (any file already at the target is left untouched), or a report the
    officer picked could not be read."""
