"""`disclosure-desk due --rule TEXT DATE...`: the output contract scripts rely on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from disclosure_desk.cli import main
from disclosure_desk.domain.settings import Settings
from disclosure_desk.store.repository import Store


@pytest.fixture
def run(db_path: Path) -> Any:
    def _run(argv: list[str]) -> int:
        return main(["--db", str(db_path), "due", *argv])

    return _run


def test_working_days(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    code = run(
        ["--rule", "自该信息形成或者变更之日起20个工作日内。", "2026-11-02", "2025-09-26", "2026-10-08"]
    )
    out = capsys.readouterr()
    assert code == 0
    assert out.out.splitlines() == ["2026-11-30", "2025-10-30", "2026-11-04"]
    assert out.err == ""


def test_calendar_days_and_other_date_spellings(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "本级政府财政部门批复后20日内。", "2026-09-30", "2026/9/14"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-10-20", "2026-10-08"]


def test_statutory_prints_a_dash_line(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "按照法定时间公开。", "2026-11-02"]) == 0
    assert capsys.readouterr().out.splitlines() == ["- 按法定时间公开：应公开日期需手工填写"]


def test_timely_uses_the_officers_setting(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    from disclosure_desk.bootstrap import open_seeded_store

    store: Store = open_seeded_store(str(db_path))
    store.save_settings(Settings(timely_days=3))
    store.close()
    assert main(["--db", str(db_path), "due", "--rule", "及时公开", "2026-11-02"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-11-05"]


def test_timely_defaults_to_5_without_the_setting(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "按规定及时发布。", "2026-11-02"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-11-09"]


def test_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "20个工作日内", "2028-03-01", "--explain"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2028-03-29"]
    assert "2028年的法定节假日安排尚未导入" in out.err
    assert "第20个工作日为2028-03-29" in out.err


def test_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "视情况而定", "2026-11-02"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert "无法识别公开时限" in out.err


@pytest.mark.parametrize("bad", ["2026-02-30", "明天", "2026-13-01"])
def test_bad_date_exits_2_before_printing_anything(
    capsys: pytest.CaptureFixture[str], run: Any, bad: str
) -> None:
    assert run(["--rule", "20个工作日内", "2026-11-02", bad]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("错误：") and bad in out.err


def test_a_date_beyond_range_gives_a_dash_line(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "20个工作日内", "9999-12-30"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("- ")
