"""Issue 13: the catalogue export round-trips through import, and no message carries English system text."""

from __future__ import annotations

import errno
import json
import re
import sys
from pathlib import Path

import pytest

from disclosure_desk.cli import _translate_argparse, main
from disclosure_desk.domain.errors import os_error_text

ENGLISH = re.compile(r"[A-Za-z]{4,}")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_info:  # argparse errors
        code = int(exit_info.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _english_words(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """English words in a message, leaving out option names, file paths and what the user typed."""
    text = re.sub(r"--[\w-]+|-o|/\S*|'[^']*'|“[^”]*”|\"[^\"]*\"", " ", text)
    return [w for w in ENGLISH.findall(text) if w not in allowed]


def test_exported_file_imports_back_unchanged(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    target = db_path.parent / "cat.json"
    code, _, _ = run(capsys, "--db", str(db_path), "catalogue", "export", "-o", str(target))
    assert code == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "disclosure-desk-catalogue" and len(document["items"]) == 33
    before = run(capsys, "--db", str(db_path), "catalogue", "export")[1]

    code, out, err = run(capsys, "--db", str(db_path), "catalogue", "import", str(target))
    assert code == 0, err
    assert "33 项" in out
    after = run(capsys, "--db", str(db_path), "catalogue", "export")[1]
    assert json.loads(after) == json.loads(before)


def test_standard_output_keeps_the_bare_list_and_it_imports_too(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "catalogue", "export")
    records = json.loads(out)
    assert isinstance(records, list) and records[0]["number"] == 1
    piped = db_path.parent / "piped.json"
    piped.write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db_path), "catalogue", "import", "--check", str(piped))
    assert code == 0, err
    assert "33 项" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["publication", "add", "--item", "abc", "--title", "x"], "不是有效的编号"),
        (["publication", "lst"], "无效的选项"),
        (["catalogue", "export", "--format", "csv"], "可选值"),
        (["publication", "add", "--item", "1"], "缺少必需的参数"),
        (["status", "--bogus"], "无法识别的参数"),
        (["--today", "2026-02-30", "status"], "不存在"),
    ],
)
def test_argument_errors_are_chinese(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: list[str], expected: str
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), *argv)
    assert code == 2
    message = err.strip().splitlines()[-1]
    assert expected in message
    assert _english_words(message, ("YYYY", "MM", "DD")) == []


def test_every_argparse_message_form_is_translated() -> None:
    for english in (
        "argument --item: invalid int value: 'abc'",
        "argument 操作: invalid choice: 'x' (choose from 'add', 'list')",
        "the following arguments are required: --title",
        "unrecognized arguments: --x",
        "one of the arguments --a --b is required",
        "argument --a: not allowed with argument --b",
        "ambiguous option: --for could match --format, --formed",
        "argument --check: ignored explicit argument 'x'",
        "argument --db: expected one argument",
        "argument --x: expected at least one argument",
    ):
        assert _english_words(_translate_argparse(english)) == [], english


def test_reading_a_folder_as_a_catalogue_says_so_in_chinese(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "catalogue", "import", str(db_path.parent))
    assert code == 1
    assert "文件夹" in err
    assert _english_words(err) == []


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOENT, "不存在"),
        (errno.EISDIR, "文件夹"),
        (errno.ENOSPC, "磁盘空间已满"),
        (errno.EACCES, "权限"),
    ],
)
def test_os_errors_are_told_in_chinese(number: int, words: str) -> None:
    assert words in os_error_text(OSError(number, "English text from the system"))


def test_windows_sharing_violation_names_the_cause() -> None:
    error = OSError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # type: ignore[attr-defined]
    assert "其他程序使用" in os_error_text(error)


def test_an_unknown_os_error_gives_its_code_not_its_english_text() -> None:
    text = os_error_text(OSError(9999, "Something odd"))
    assert "9999" in text and "odd" not in text


def test_restoring_a_folder_says_it_is_a_folder(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    folder = db_path.parent / "备份们"
    folder.mkdir()
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(folder))
    assert code == 1 and "是一个文件夹" in err and "不存在" not in err


def test_ctrl_c_while_the_program_is_still_loading_prints_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: SIGINT 0.2–0.5 s after start (imports, building the parser) printed a KeyboardInterrupt
    traceback; later it said 已取消。 with exit 130."""
    import disclosure_desk.__main__ as entry
    import disclosure_desk.cli as cli

    def interrupted(_argv: list[str]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    monkeypatch.setattr(sys, "argv", ["disclosure-desk", "status"])
    assert entry.main() == 130
    assert capsys.readouterr().err == "已取消。\n"
