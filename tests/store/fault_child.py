"""Helper process for the kill tests: does one job and SIGKILLs itself at a chosen step.

    fault_child.py upgrade DB N           kill just before the N-th SQL statement of opening (upgrading) DB
    fault_child.py restore DB BACKUP N    kill just before the N-th file rename/removal of the restore
    fault_child.py … 0                    never kill: print how many steps the job took

"start" is printed (and flushed) just before the job, for tests that kill after a random delay instead.
A kill from inside the process is as abrupt as one from outside: no finally block, no atexit, no flush.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

steps = 0
kill_at = 0


def _step() -> None:
    global steps
    steps += 1
    if steps == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


def _count_statements() -> None:
    def before(*_args: Any) -> None:
        _step()

    event.listen(Engine, "before_cursor_execute", before)


def _count_file_steps() -> None:
    real_replace, real_unlink = os.replace, os.unlink

    def replace(*args: Any, **kwargs: Any) -> None:
        _step()
        real_replace(*args, **kwargs)

    def unlink(*args: Any, **kwargs: Any) -> None:
        _step()
        real_unlink(*args, **kwargs)

    os.replace = replace  # type: ignore[assignment]
    os.unlink = unlink  # type: ignore[assignment]


def main(argv: list[str]) -> None:
    global kill_at
    job = argv[0]
    kill_at = int(argv[-1])
    if job == "upgrade":
        from disclosure_desk.store.db import open_store

        _count_statements()
        print("start", flush=True)
        open_store(argv[1]).close()
    elif job == "restore":
        from disclosure_desk.store.restore import restore

        _count_file_steps()
        print("start", flush=True)
        restore(Path(argv[1]), Path(argv[2]))
    else:
        raise SystemExit(f"unknown job {job}")
    print(steps, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
