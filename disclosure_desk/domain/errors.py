"""The project's own errors. Every message is Chinese and fit to show to the officer as is."""


class DisclosureDeskError(Exception):
    """Base class: `str(error)` is a complete Chinese sentence for the user."""


class CatalogueFormatError(DisclosureDeskError):
    """A file is not a catalogue, or is damaged/truncated. Nothing has been written."""


class DeadlineRuleError(DisclosureDeskError):
    """A deadline text (公开时限) could not be understood."""


class CalendarError(DisclosureDeskError):
    """A holiday schedule is malformed or inconsistent."""


class StoreError(DisclosureDeskError):
    """The database cannot be opened, is locked, damaged or of an unknown version."""


class DatabaseLockedError(StoreError):
    """Another program holds a lock on the database: wait and retry; the file itself is fine."""


LOCKED_MESSAGE = "数据库正被另一个程序占用（已锁定），请稍后再试或关闭其他正在使用它的程序。"


class ValidationError(DisclosureDeskError):
    """User input breaks a rule; `field` names the offending field (for showing the message beside it)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
