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
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO

from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import os_user

_LOCK_OFFSET = 1 << 20
_RETRY_SECONDS = 0.01  # short: a writer that releases and at once takes the lock again must not starve us
_HOLDER_READS = 50


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

    def acquire(self, *, wait_seconds: float = 0.0, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock, or raise DataInUseError naming the holder.

        With `wait_seconds`, keep trying that long first (a command-line writer waits for another one
        to finish), telling `on_wait` once, in Chinese, who it is waiting for.
        """
        if self._handle is not None:
            return
        try:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open while we run
        except OSError as error:
            raise StoreError(f"无法创建锁文件“{self.path}”：{os_error_text(error)}。") from error
        deadline = time.monotonic() + wait_seconds
        told = False
        while not _try_lock(handle):
            holder = self._read_holder(handle)
            if time.monotonic() >= deadline:
                handle.close()
                raise DataInUseError(self._in_use_message(holder), holder)
            if on_wait is not None and not told:
                on_wait(f"{self._holder_text(holder)}，正在等待其完成（最多 {wait_seconds:g} 秒）…")
                told = True
            time.sleep(_RETRY_SECONDS)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(self._me(), ensure_ascii=False))
        handle.flush()
        self._handle = handle

    @staticmethod
    def _me() -> dict[str, str]:
        return {
            "user": os_user(),
            "host": socket.gethostname(),
            "pid": str(os.getpid()),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
        }

    @staticmethod
    def _read_holder(handle: IO[str]) -> dict[str, str]:
        """The holder's details. The holder writes them just after it takes the lock, so a reader can
        catch the file empty or half-written: read again for a moment before giving up."""
        for _ in range(_HOLDER_READS):
            handle.seek(0)
            try:
                holder = json.loads(handle.read() or "null")
            except ValueError:
                holder = None
            if isinstance(holder, dict) and holder.get("host"):
                return {str(k): str(v) for k, v in holder.items()}
            time.sleep(_RETRY_SECONDS)
        return {}

    def other_holder(self) -> str | None:
        """Who else holds the lock, in words ("数据正被…使用"); None when nobody does."""
        if self._handle is not None or not self.path.exists():
            return None
        try:
            self.acquire()
        except DataInUseError as error:
            return self._holder_text(error.holder)
        except StoreError:
            return None  # the lock file cannot even be opened: nobody can hold it either
        self.release()
        return None

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the OS lock
            self._handle = None

    @staticmethod
    def _holder_text(holder: dict[str, str]) -> str:
        """Who holds the data, as far as we know — never a made-up name."""
        if not holder:
            return "数据正被另一个程序窗口或命令使用（未能读出使用者）"
        since = f"，自 {holder['since']} 起" if holder.get("since") else ""
        if holder.get("host") == socket.gethostname():
            pid = f"，进程 {holder['pid']}" if holder.get("pid") else ""
            same_user = holder.get("user") == os_user()
            who = "本机的另一个程序窗口或命令" if same_user else f"本机用户 {holder.get('user', '')}"
            return f"数据正被{who}使用（{holder.get('user', '')}{pid}{since}）"
        return f"数据正被 {holder.get('user', '另一位用户')}（电脑：{holder['host']}）使用{since}"

    @classmethod
    def _in_use_message(cls, holder: dict[str, str]) -> str:
        return (
            f"{cls._holder_text(holder)}。为防止两处同时写入造成数据混乱，"
            "请先关闭那里的程序（或等命令完成），再试一次。"
        )
