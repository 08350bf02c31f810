"""One writer per database: an OS lock on a file beside it, which also says who holds it.

The OS releases the lock when the process dies, so a crash never leaves the data locked. Byte-range
locks (msvcrt on Windows, fcntl elsewhere) also work across machines on an SMB share, which is how a
second workstation learns that the data is in use, and by whom.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import os_user

_LOCK_OFFSET = 1 << 20


class DataInUseError(StoreError):
    """Another copy of the program holds the database. `holder` describes it (user, host, since)."""

    def __init__(self, message: str, holder: dict[str, str]) -> None:
        super().__init__(message)
        self.holder = holder


def _try_lock(handle: IO[str]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            # lock one byte far past the holder's details, so another machine can still read them
            handle.seek(_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    def __init__(self, db_file: Path) -> None:
        self.path = db_file.with_name(db_file.name + ".lock")
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock, or raise DataInUseError naming the holder."""
        if self._handle is not None:
            return
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while we run
        except OSError as error:
            raise StoreError(f"无法创建锁文件“{self.path}”：{os_error_text(error)}。") from error
        if not _try_lock(handle):
            handle.seek(0)
            try:
                holder = json.loads(handle.read() or "{}")
            except ValueError:
                holder = {}
            handle.close()
            raise DataInUseError(self._in_use_message(holder), holder)
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "user": os_user(),
                    "host": socket.gethostname(),
                    "pid": str(os.getpid()),
                    "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
                },
                ensure_ascii=False,
            )
        )
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the OS lock
            self._handle = None

    @staticmethod
    def _in_use_message(holder: dict[str, str]) -> str:
        who = holder.get("user", "另一位用户")
        host = holder.get("host", "另一台电脑")
        since = holder.get("since", "")
        when = f"，自 {since} 起" if since else ""
        return (
            f"数据正被 {who}（电脑：{host}）使用{when}。为防止两处同时写入造成数据混乱，"
            "请先关闭那里的程序，再打开本程序。"
        )
