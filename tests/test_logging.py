"""The log tells what the officer met: refused input and errors go to the rotating log in the data
folder, and a native crash (where Python's own handlers never run) is written there by faulthandler."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_desk.cli import main
from disclosure_desk.logging_setup import LOG_FILE_NAME, NATIVE_CRASH_FILE_NAME


def test_a_refused_command_is_logged_and_nothing_lingers(
    capsys: pytest.CaptureFixture[str], db_path: Path, _isolated_user_dir: Path
) -> None:
    argv = ["--db", str(db_path), "--today", "2026-11-25", "publication", "add", "--item", "1"]
    code = main([*argv, "--title", "通知", "--formed", "2026-11-02", "--published", "2026-11-20"])
    err = capsys.readouterr().err
    assert code == 1
    assert "政府网站" in err and "--channel-reason" in err and "Traceback" not in err
    log = (_isolated_user_dir / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Refused publication" in log and "publication refused or failed" in log
    # the command's file handler is gone: nothing else is written after it ended
    assert not any(
        isinstance(h, logging.FileHandler) and h.baseFilename.endswith(LOG_FILE_NAME)
        for h in logging.getLogger().handlers
    )
    # with a reason, the same record is taken
    code = main([*argv, "--title", "通知", "--formed", "2026-11-02", "--published", "2026-11-20",
                 "--channel-reason", "网站改版中，已在公示栏公开"])  # fmt: skip
    assert code == 0


def test_a_native_crash_is_written_to_the_log_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    script = (
        "import faulthandler\n"
        "from disclosure_desk.logging_setup import enable_native_crash_log\n"
        "enable_native_crash_log()\n"
        "faulthandler._sigsegv()\n"
    )
    env = {**os.environ, "DISCLOSURE_DESK_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=60)
    assert result.returncode != 0
    crash = (home / "logs" / NATIVE_CRASH_FILE_NAME).read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "Segmentation fault" in crash
