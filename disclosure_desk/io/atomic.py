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
from typing import BinaryIO


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
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


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
