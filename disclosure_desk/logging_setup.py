"""Logging to a rotating file in the data folder (and stderr when there is one).

Qt's own messages are routed here by the UI (ui/qt_logging.py), so one log tells the whole story.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from disclosure_desk import paths

LOG_FILE_NAME = "disclosure_desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5


def log_file() -> Path:
    return paths.logs_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Configure the root logger once; returns the log file, or None if the folder is not writable."""
    root = logging.getLogger()
    if getattr(root, "_disclosure_desk_configured", False):
        return log_file()
    root.setLevel(level)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file = log_file()
    target: Path | None = file
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        target = None  # a read-only data folder must not stop the program; stderr still gets the log
        handler = logging.NullHandler()
    handler.setFormatter(formatter)
    root.addHandler(handler)
    if sys.stderr is not None:  # a windowed PyInstaller build has no stderr
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(formatter)
        root.addHandler(console)
    root._disclosure_desk_configured = True  # type: ignore[attr-defined]
    return target
