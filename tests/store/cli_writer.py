"""Helper process for the concurrent-writers test: a shell loop of N `disclosure-desk publication add`
commands, each its own process, as a script runs them; prints one line per command: its exit code and
what it printed."""

from __future__ import annotations

import subprocess
import sys


def run(db: str, writer: str, count: int) -> None:
    for n in range(count):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "disclosure_desk",
                "--db",
                db,
                "publication",
                "add",
                "--item",
                str(1 + n % 33),
                "--title",
                f"写入者{writer}-第{n}条",
                "--formed",
                "2026-11-02",
                "--request-id",
                f"{writer}-{n}",
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        out, err = done.stdout.strip().replace("\n", " "), done.stderr.strip().replace("\n", " ")
        print(done.returncode, out, err, flush=True)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]))
