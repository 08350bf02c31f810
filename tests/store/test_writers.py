"""Several writers: a command waits for the lock before refusing, says truthfully who holds it, and a
retried add with the same request id is recognised instead of added twice."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from disclosure_desk import bootstrap
from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.cli import main
from disclosure_desk.store.instance_lock import DataInUseError, InstanceLock

ROOT = Path(__file__).resolve().parents[2]
ADD = ["publication", "add", "--item", "1", "--formed", "2026-11-02"]


def _titles(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM publications ORDER BY id")]
    finally:
        conn.close()


def test_a_command_waits_for_the_other_writer_then_saves(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    open_seeded_store(str(db_path)).close()
    holder = InstanceLock(db_path)
    holder.acquire()
    waiting = threading.Event()
    said: list[str] = []

    def say(message: str) -> None:
        said.append(message)
        waiting.set()

    monkeypatch.setattr(bootstrap, "say_waiting", say)
    result: list[int] = []
    worker = threading.Thread(
        target=lambda: result.append(main(["--db", str(db_path), *ADD, "--title", "等到了"]))
    )
    worker.start()
    assert waiting.wait(timeout=30)
    holder.release()  # the other writer finishes
    worker.join(timeout=60)
    assert result == [0]
    assert "正在等待" in said[0] and "本机" in said[0]
    assert _titles(db_path) == ["等到了"]


def test_a_command_refuses_after_waiting_and_names_this_computer(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    open_seeded_store(str(db_path)).close()
    monkeypatch.setattr(bootstrap, "LOCK_WAIT_SECONDS", 0.2)
    holder = InstanceLock(db_path)
    holder.acquire()
    try:
        code = main(["--db", str(db_path), *ADD, "--title", "等不到"])
    finally:
        holder.release()
    err = capsys.readouterr().err
    assert code == 1
    assert "正在等待" in err and "本机的另一个程序窗口或命令" in err and "另一台电脑" not in err
    assert _titles(db_path) == []


def test_a_holder_caught_writing_its_details_is_never_called_another_computer(db_path: Path) -> None:
    holder = InstanceLock(db_path)
    holder.acquire()
    try:
        holder.path.write_text("", encoding="utf-8")  # the moment between truncating and writing
        with pytest.raises(DataInUseError) as error:
            InstanceLock(db_path).acquire()
    finally:
        holder.release()
    message = str(error.value)
    assert "另一台电脑" not in message and "另一位用户" not in message and "未能读出" in message


def test_a_retried_add_with_the_same_request_id_prints_the_existing_id(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", str(db_path), *ADD, "--title", "脚本登记", "--request-id", "2026-12-01-001"]
    assert main(args) == 0
    first = capsys.readouterr().out.strip()
    assert main(args) == 0  # the script did not see the answer and tries again
    captured = capsys.readouterr()
    assert captured.out.strip() == first
    assert "已登记过" in captured.err
    assert _titles(db_path) == ["脚本登记"]
    assert main(["--db", str(db_path), *ADD, "--title", "另一条", "--request-id", "2026-12-01-002"]) == 0
    assert _titles(db_path) == ["脚本登记", "另一条"]


@pytest.mark.slow
def test_four_command_line_writers_fifty_adds_each_all_saved(db_path: Path) -> None:
    open_seeded_store(str(db_path)).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = Path(__file__).with_name("cli_writer.py")
    procs = [
        subprocess.Popen(
            [sys.executable, str(writer), str(db_path), name, "50"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in "ABCD"
    ]
    lines = [line for proc in procs for line in proc.communicate(timeout=1200)[0].splitlines()]
    refused = [line for line in lines if not line.startswith("0 ")]
    present = _titles(db_path)
    print(
        f"4 writers x 50 adds: attempted {len(lines)}, succeeded {len(lines) - len(refused)}, "
        f"present {len(present)}, distinct {len(set(present))}"
    )
    assert len(lines) == 200 and refused == []
    assert len(present) == 200 and len(set(present)) == 200
