"""Running tests/store/fault_child.py: a job in a child process that is killed mid-way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("fault_child.py")


def child(*args: str) -> subprocess.Popen[str]:
    """Start fault_child.py with `args` (the last one: the step to kill at, 0 for none)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, text=True, env=env)


def run_child(*args: str) -> tuple[int, str]:
    proc = child(*args)
    out, _ = proc.communicate(timeout=120)
    return proc.returncode, out


def kill_after_start(proc: subprocess.Popen[str], seconds: float) -> None:
    """SIGKILL the child `seconds` after it says "start" (unless it finished first)."""
    assert proc.stdout is not None and proc.stdout.readline().strip() == "start"
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
