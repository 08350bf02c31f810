"""The store's errors, and the one place that tells what a database failure was.

SQLite says what went wrong in its (extended) result code, which Python 3.11 hands over on every
sqlite3 exception as `sqlite_errorcode` / `sqlite_errorname`; the message text is for people and changes
between versions. `classify` reads the code — from a sqlite3 exception, from SQLAlchemy's wrapper of one,
or from anything raised because of one — and `store_error` turns it into a StoreError whose Chinese message
says what happened and what to do. Known failures (locked, disk full, damaged file, read-only, cannot open,
disk I/O) are the officer's to act on; anything else is a bug and is logged with its traceback.

Every layer has one error family: the domain's (`domain.errors`), the store's (here), io's (`io.errors`);
all derive from DisclosureDeskError, whose message is fit to show as it is.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from disclosure_desk.domain.errors import DisclosureDeskError

_log = logging.getLogger(__name__)


class Failure(StrEnum):
    """What a database failure was, by SQLite's primary result code."""

    LOCKED = "locked"  # SQLITE_BUSY, SQLITE_LOCKED: another connection holds a lock; the file is fine
    FULL = "full"  # SQLITE_FULL: the disk (or the temporary folder) is full
    CORRUPT = "corrupt"  # SQLITE_CORRUPT, SQLITE_NOTADB: damaged, or not a database at all
    READ_ONLY = "read_only"  # SQLITE_READONLY*: the file or its folder cannot be written
    CANT_OPEN = "cant_open"  # SQLITE_CANTOPEN*: the file (or its journal) cannot be opened
    IO = "io"  # SQLITE_IOERR*: the disk or the network share failed under a read or write
    PERMISSION = "permission"  # SQLITE_PERM, SQLITE_AUTH
    OTHER = "other"  # anything else (a constraint, a misuse…): a bug of ours, not the officer's


_PRIMARY: dict[int, Failure] = {
    sqlite3.SQLITE_BUSY: Failure.LOCKED,
    sqlite3.SQLITE_LOCKED: Failure.LOCKED,
    sqlite3.SQLITE_FULL: Failure.FULL,
    sqlite3.SQLITE_CORRUPT: Failure.CORRUPT,
    sqlite3.SQLITE_NOTADB: Failure.CORRUPT,
    sqlite3.SQLITE_READONLY: Failure.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: Failure.CANT_OPEN,
    sqlite3.SQLITE_IOERR: Failure.IO,
    sqlite3.SQLITE_PERM: Failure.PERMISSION,
    sqlite3.SQLITE_AUTH: Failure.PERMISSION,
}


@dataclass(frozen=True)
class SqliteProblem:
    failure: Failure
    code: int  # the extended result code, e.g. 522 (SQLITE_IOERR_SHORT_READ)
    name: str  # its name, "SQLITE_IOERR_SHORT_READ"; "" when SQLite gave none

    @property
    def known(self) -> bool:
        """A failure the officer can act on (wait, free disk space, restore a backup…), not a bug."""
        return self.failure is not Failure.OTHER


def sqlite_exception(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 exception behind `error`: itself, SQLAlchemy's `.orig`, or one in its cause chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        orig = getattr(current, "orig", None)  # sqlalchemy.exc.DBAPIError
        if isinstance(orig, sqlite3.Error):
            return orig
        current = current.__cause__ or current.__context__
    return None


def classify(error: BaseException) -> SqliteProblem | None:
    """What SQLite said went wrong, by its result code; None when no SQLite error is behind `error`."""
    found = sqlite_exception(error)
    if found is None:
        return None
    code = getattr(found, "sqlite_errorcode", None)
    name = getattr(found, "sqlite_errorname", None) or ""
    if not isinstance(code, int):
        return SqliteProblem(Failure.OTHER, -1, name)
    return SqliteProblem(_PRIMARY.get(code & 0xFF, Failure.OTHER), code, name)


# --- the store's error family ---------------------------------------------------------------------------


class StoreError(DisclosureDeskError):
    """The database cannot be opened, read or written; `failure` says why when SQLite told us."""

    def __init__(self, message: str, failure: Failure | None = None) -> None:
        super().__init__(message)
        self.failure = failure


class DatabaseLockedError(StoreError):
    """Another program holds a lock on the database: wait and retry; the file itself is fine."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or LOCKED_MESSAGE, Failure.LOCKED)


LOCKED_MESSAGE = "数据库正被另一个程序占用（已锁定），请稍后再试或关闭其他正在使用它的程序。"

# What happened and what to do, by failure. "{target}" is the file (or address) when it is known.
_MESSAGES: dict[Failure, str] = {
    Failure.FULL: "磁盘空间已满，无法写入数据库{target}。请清理磁盘空间后重试。",
    Failure.CORRUPT: "数据库文件{target}已损坏或不是本程序的数据库。程序不会修改该文件，请从备份恢复。",
    Failure.READ_ONLY: "数据库文件{target}是只读的（或所在文件夹不可写入），无法保存。请检查文件权限。",
    Failure.CANT_OPEN: "无法打开数据库文件{target}（文件或其日志文件无法访问）。请检查文件夹和权限。",
    Failure.IO: "读写数据库文件{target}时磁盘或网络出错。请检查磁盘或网络连接后重试。",
    Failure.PERMISSION: "没有访问数据库{target}的权限。",
}


def store_error(error: BaseException, *, target: str = "", unsaved: bool = False) -> StoreError:
    """The StoreError to raise for a database failure (raise it `from error`), logged here once.

    `target` names the file in the message; `unsaved` adds that the action just tried was not saved.
    """
    problem = classify(error)
    where = f"“{target}”" if target else ""
    tail = "刚才的操作没有保存。" if unsaved else ""
    if problem is not None and problem.failure is Failure.LOCKED:
        _log.warning("Database locked (%s): %s", problem.name, error)
        return DatabaseLockedError(LOCKED_MESSAGE + tail)
    if problem is not None and problem.known:
        _log.error("Database failure %s (%s): %s", problem.failure, problem.name, error)
        return StoreError(_MESSAGES[problem.failure].format(target=where) + tail, problem.failure)
    # not the officer's to fix: keep everything for whoever reads the log
    detail = problem.name if problem is not None and problem.name else type(error).__name__
    _log.error("Unexpected database error (%s)", detail, exc_info=error)
    return StoreError(f"数据库操作失败（{detail}）{where}。{tail}详细信息已写入日志。", Failure.OTHER)
