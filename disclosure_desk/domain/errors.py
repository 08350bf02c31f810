"""The project's own errors. Every message is Chinese and fit to show to the officer as is.

DisclosureDeskError is the base of every layer's family; this module holds the domain's. The store's
(StoreError, DatabaseLockedError) are in store/errors.py, io's in io/errors.py.
"""

import errno


class DisclosureDeskError(Exception):
    """Base class: `str(error)` is a complete Chinese sentence for the user. `field` names the input it is
    about when there is one (ValidationError), so a dialog shows any error the same way."""

    field: str = ""


class CatalogueFormatError(DisclosureDeskError):
    """A file is not a catalogue, or is damaged/truncated. Nothing has been written."""


class DeadlineRuleError(DisclosureDeskError):
    """A deadline text (公开时限) could not be understood."""


class CalendarError(DisclosureDeskError):
    """A holiday schedule is malformed or inconsistent."""


class CatalogueMatchError(DisclosureDeskError):
    """A revised catalogue's items cannot all be told apart from the old ones; nothing was imported.
    `problems` names each old item concerned, in Chinese."""

    def __init__(self, message: str, problems: tuple[str, ...]) -> None:
        super().__init__(message)
        self.problems = problems


class ValidationError(DisclosureDeskError):
    """User input breaks a rule; `field` names the offending field (for showing the message beside it)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


# errno → what happened, in words the officer understands (the OS's own text is English on Linux and
# may be in the system's code page on Windows, so it is never shown).
_ERRNO_NAMES = {
    "ENOENT": "文件或文件夹不存在",
    "ENOTDIR": "路径中有一部分不是文件夹",
    "EISDIR": "这是一个文件夹，不是文件",
    "EACCES": "没有访问权限",
    "EPERM": "没有操作权限",
    "EROFS": "磁盘或文件夹是只读的",
    "ENOSPC": "磁盘空间已满",
    "EDQUOT": "磁盘配额已用完",
    "EEXIST": "文件已存在",
    "EBUSY": "文件正被其他程序使用",
    "ETXTBSY": "文件正被其他程序使用",
    "ENAMETOOLONG": "文件名或路径太长",
    "EINVAL": "文件名或路径无效",
    "EMFILE": "同时打开的文件太多",
    "EIO": "读写磁盘时出错（输入/输出错误）",
    "EXDEV": "不能跨磁盘移动文件",
}
# not every name exists on every platform (Windows lacks some)
_ERRNO_TEXT = {getattr(errno, n): t for n, t in _ERRNO_NAMES.items() if hasattr(errno, n)}
# Windows' own error numbers, where they say more than the errno Python maps them to
_WINERROR_TEXT = {
    32: "文件正被其他程序使用（例如在 Excel 或 WPS 中打开），请先关闭它",  # ERROR_SHARING_VIOLATION
    33: "文件的一部分被其他程序锁定，请先关闭使用它的程序",  # ERROR_LOCK_VIOLATION
    112: "磁盘空间已满",  # ERROR_DISK_FULL
    5: "没有访问权限",  # ERROR_ACCESS_DENIED
    123: "文件名、文件夹名或卷标语法不正确",  # ERROR_INVALID_NAME
}


def os_error_text(error: OSError) -> str:
    """A short Chinese reason for a failed file operation, never the OS's English text."""
    winerror = getattr(error, "winerror", None)
    if winerror in _WINERROR_TEXT:
        return _WINERROR_TEXT[winerror]
    if error.errno in _ERRNO_TEXT:
        return _ERRNO_TEXT[error.errno]
    code = error.errno if error.errno is not None else winerror
    return f"系统错误（代码 {code}）" if code is not None else "系统错误"
