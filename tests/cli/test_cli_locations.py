"""Issue 13, item 1: a mistyped database path never becomes a new, empty register."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from disclosure_desk.cli import main

READ_COMMANDS = [
    ["status"],
    ["status", "--format", "json"],
    ["publication", "list"],
    ["catalogue", "export"],
    ["holidays", "list", "2026"],
    ["report", "monthly", "2026-11", "-o", "REPORT"],
    ["due", "--rule", "自该信息形成或者变更之日起20个工作日内", "2026-11-02"],
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*"))


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_read_command_on_a_missing_database_is_an_error_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    command = [str(tmp_path / "r.xlsx") if part == "REPORT" else part for part in command]
    for target in (tmp_path / "nope" / "sub" / "x.sqlite3", tmp_path / "typo.sqlite3"):
        code, out, err = run(capsys, "--db", str(target), *command)
        assert code == 1
        assert "不存在" in err and "--db" in err
        assert out == ""
        assert _files_under(tmp_path) == []


def test_a_write_into_a_missing_folder_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "nope" / "sub" / "x.sqlite3"
    code, _, err = run(capsys, "--db", str(target), "publication", "add", "--item", "1", "--title", "t")
    assert code == 1
    assert "文件夹" in err and "不存在" in err and "No such" not in err
    assert _files_under(tmp_path) == []


def test_a_write_into_an_existing_folder_creates_the_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "new.sqlite3"
    code, out, _ = run(capsys, "--db", str(target), "publication", "add", "--item", "1", "--title", "t")
    assert code == 0 and out.strip().isdigit()
    assert target.exists()


def test_the_default_data_folder_answers_reads_without_creating_a_database(
    capsys: pytest.CaptureFixture[str], _isolated_user_dir: Path
) -> None:
    code, out, _ = run(capsys, "due", "--rule", "自该信息形成或者变更之日起20个工作日内", "2026-11-02")
    assert (code, out.strip()) == (0, "2026-11-30")
    code, out, _ = run(capsys, "--today", "2026-11-25", "status")
    assert code == 0 and "没有逾期" in out
    assert run(capsys, "catalogue", "export")[0] == 0
    assert _files_under(_isolated_user_dir) == []
    # the first write makes it, in the default folder
    code, out, _ = run(capsys, "publication", "add", "--item", "1", "--title", "第一条")
    assert code == 0
    assert (_isolated_user_dir / "disclosure_desk.sqlite3").exists()


@pytest.mark.parametrize("url", ["postgresql+psycopg://officer@localhost/desk", "foo://x"])
def test_a_server_address_without_its_driver_says_what_works_and_names_no_backups(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    """Seen: "…缺少它的驱动程序。" then "备份文件夹中没有找到完好的备份。" — a server database has no
    backups folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a machine without the driver
    code, out, err = run(capsys, "--db", url, "status")
    assert code == 1 and out == ""
    assert "驱动" in err and "sqlite:///" in err and "psycopg" in err, err
    assert "备份" not in err, err
    assert _files_under(tmp_path) == []


def test_restore_on_a_new_computer_makes_the_default_data_folder(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    _isolated_user_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Seen on a fresh account: `restore 备份.sqlite3` said "无法创建锁文件…：文件或文件夹不存在"."""
    old = tmp_path / "旧电脑" / "desk.sqlite3"
    old.parent.mkdir()
    assert run(capsys, "--db", str(old), "publication", "add", "--item", "1", "--title", "旧记录")[0] == 0
    assert run(capsys, "--db", str(old), "backup", "-o", str(tmp_path / "U盘备份.sqlite3"))[0] == 0
    data = _isolated_user_dir / "新电脑"
    monkeypatch.setenv("DISCLOSURE_DESK_HOME", str(data))  # not made yet: nothing has started there
    code, _, err = run(capsys, "restore", str(tmp_path / "U盘备份.sqlite3"))
    assert code == 0, err
    code, out, _ = run(capsys, "publication", "list", "--format", "json")
    assert code == 0 and [r["title"] for r in json.loads(out)] == ["旧记录"]
    # a mistyped --db folder is still refused, and nothing is made there
    code, _, err = run(capsys, "--db", str(tmp_path / "nope" / "x.sqlite3"), "restore", str(old))
    assert code == 1 and "文件夹" in err and "不存在" in err
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["publication", "add", "--item", "1", "--title", "第一条", "--formed", "2026-11-02"],
        ["report", "figures", "2026", "licensing=3"],
        ["application", "add", "--received", "2026-11-02", "--applicant-type", "自然人", "--content", "某"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_first_write_on_a_new_computer_makes_the_default_data_folder(
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    _isolated_user_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Seen on a fresh account: every write before the window's first start said "无法创建锁文件…不存在"."""
    data = _isolated_user_dir / "新电脑"
    monkeypatch.setenv("DISCLOSURE_DESK_HOME", str(data))  # not made yet: nothing has started there
    code, _, err = run(capsys, *command)
    assert code == 0, err
    assert (data / "disclosure_desk.sqlite3").is_file()


def test_backup_list_of_a_mistyped_database_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Seen: `--db typo.sqlite3 backup --list` said only "备份文件夹中没有完好的备份。" with exit 0."""
    code, out, err = run(capsys, "--db", str(tmp_path / "typo.sqlite3"), "backup", "--list")
    assert code == 1 and out == "" and "--db" in err and "不存在" in err, err
    real = tmp_path / "desk.sqlite3"
    assert run(capsys, "--db", str(real), "publication", "add", "--item", "1", "--title", "t")[0] == 0
    for backup_file in (tmp_path / "backups").iterdir():
        backup_file.unlink()
    code, out, _ = run(capsys, "--db", str(real), "backup", "--list")
    assert code == 0 and str(tmp_path / "backups") in out and "没有完好的备份" in out
