"""Writing a file so that a crash, a full disk or a locked target never leaves half of it.

The content goes to a temporary file in the same folder, is flushed to disk, takes the permissions of the
file it replaces (mkstemp makes files private), and is then renamed over the target in one step. On any
failure the temporary file is removed and the target is untouched; the caller turns the OSError into its
own Chinese message.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, cast


class FolderNotWritableError(OSError):
    """Nothing could be created in the target's folder (missing, read-only, no permission)."""


def atomic_write(target: Path, write: Callable[[BinaryIO], object], *, suffix: str = ".tmp") -> None:
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".~{target.stem}.", suffix=suffix)
    except OSError as error:
        raise FolderNotWritableError(error.errno, error.strerror) from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            sink = _Sink(stream)
            try:
                write(cast(BinaryIO, sink))
            except BaseException:
                sink.abandon()
                raise
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


class _Sink:
    """The temporary file as a writer library sees it.

    When a save fails half-way (a full disk), libraries that write zip files (openpyxl, python-docx) leave
    their archive open; the garbage collector later closes it, which seeks and writes into a file that is
    long closed and prints "Exception ignored in ZipFile.__del__" with a traceback under our Chinese
    message. Once abandoned, the sink takes those last writes into nothing (keeping count of the position,
    which the archive's end record is computed from).
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream: BinaryIO | None = stream
        self._position = 0

    def abandon(self) -> None:
        self._stream = None

    def write(self, data: bytes) -> int:
        written = self._stream.write(data) if self._stream is not None else len(data)
        self._position += written
        return written

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._stream is not None:
            self._position = self._stream.seek(offset, whence)
        elif whence == os.SEEK_SET:
            self._position = offset
        elif whence == os.SEEK_CUR:
            self._position += offset
        return self._position

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()


def atomic_write_text(target: Path, text: str) -> None:
    """UTF-8 with "\\n" line ends on every platform, so generated files diff cleanly."""
    atomic_write(target, lambda stream: stream.write(text.encode("utf-8")))


def _copy_mode(target: Path, temp: Path) -> None:
    # Windows ignores all but the read-only bit
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)
