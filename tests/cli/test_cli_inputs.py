"""Arguments a script can get wrong: bytes that are not UTF-8, dates past the calendar's end."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from disclosure_desk.cli import main

ADD = ["publication", "add", "--item", "1", "--formed", "2026-11-02"]


def test_gbk_bytes_in_an_argument_get_a_message_not_a_traceback(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gbk_title = "关于印发".encode("gbk").decode("utf-8", "surrogateescape")  # as Python receives them
    assert main(["--db", str(db_path), *ADD, "--title", gbk_title]) == 1
    err = capsys.readouterr().err
    assert "“--title”的值" in err and "不是 UTF-8 编码" in err and "Traceback" not in err
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM publications").fetchone() == (0,)
    conn.close()


def test_dates_far_past_the_calendar_are_refused_before_any_arithmetic(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db_path), "--today", "9999-12-20", *ADD[:-1], "9999-12-20", "--title", "t"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "超出可用范围" in err and "Traceback" not in err
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), *ADD[:-1], "9999-12-20", "--title", "t"])
    assert "超出可用范围" in capsys.readouterr().err
