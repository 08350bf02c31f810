"""Logging to a rotating file in the data folder (and stderr when there is one).

Qt's own messages are routed here by the UI (ui/qt_logging.py), so one log tells the whole story: every
error dialog, every refused input (the store's and the editor's), every database failure. A native crash
(in Qt or SQLite, where Python's own handlers never run) is written by `faulthandler` to its own file in
the same folder, since a crashing process cannot be trusted to rotate a log.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from disclosure_desk import paths

LOG_FILE_NAME = "disclosure_desk.log"
NATIVE_CRASH_FILE_NAME = "native-crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5


def log_file() -> Path:
    return paths.logs_dir() / LOG_FILE_NAME


def native_crash_file() -> Path:
    return paths.logs_dir() / NATIVE_CRASH_FILE_NAME


_crash_stream: IO[str] | None = None


def enable_native_crash_log() -> Path | None:
    """Have `faulthandler` write the stack of every thread to the log folder when the process dies of a
    native fault (segfault, abort…). Returns the file, or None where the folder cannot be written."""
    global _crash_stream
    file = native_crash_file()
    if _crash_stream is None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            # kept open for the life of the process: faulthandler writes to the descriptor as it dies
            _crash_stream = file.open("a", encoding="utf-8")
        except OSError:
            return None
    faulthandler.enable(_crash_stream, all_threads=True)
    return file


def disable_native_crash_log() -> None:
    global _crash_stream
    if _crash_stream is not None:
        faulthandler.disable()
        _crash_stream.close()
        _crash_stream = None


class _LazyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates its folder and file only when there is something to log: a command that logs nothing
    leaves the data folder as it found it."""

    def _open(self) -> IO[str]:  # type: ignore[override]
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def _file_handler(file: Path) -> logging.Handler:
    handler = _LazyRotatingFileHandler(
        file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Configure the root logger once; returns the log file, or None if the folder is not writable."""
    root = logging.getLogger()
    if getattr(root, "_disclosure_desk_configured", False):
        return log_file()
    root.setLevel(level)
    formatter = logging.Formatter(FORMAT)
    file = log_file()
    target: Path | None = file
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handler = _file_handler(file)
    except OSError:
        target = None  # a read-only data folder must not stop the program; stderr still gets the log
        handler = logging.NullHandler()
    root.addHandler(handler)
    enable_native_crash_log()
    if sys.stderr is not None:  # a windowed PyInstaller build has no stderr
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(formatter)
        root.addHandler(console)
    root._disclosure_desk_configured = True  # type: ignore[attr-defined]
    return target


@contextmanager
def command_logging(level: int = logging.WARNING) -> Iterator[None]:
    """For one command-line run: what the program logs (refused input, database failures, errors shown)
    goes to the same rotating log as the window's, and nothing lingers after the command — no handler,
    no open file — so the terminal only shows the command's own Chinese messages."""
    root = logging.getLogger()
    if getattr(root, "_disclosure_desk_configured", False):  # the window already logs (selftest, GUI)
        yield
        return
    handler = _file_handler(log_file())
    handler.setLevel(level)
    # a data folder that cannot be written must not stop a command: the message is dropped, not printed
    handler.handleError = lambda record: None  # type: ignore[method-assign]
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(min(old_level, level) if old_level else level)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)
