"""Bad inputs of every kind, through the command line: each gets a Chinese message and a non-zero exit,
never a traceback or SQLite's English, and the officer's register is unchanged afterwards."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from disclosure_desk.cli import main

GBK = "关于".encode("gbk").decode("utf-8", "surrogateescape")  # what a GBK script's bytes become
ENGLISH = (
    "Traceback",
    "Exception",
    "no such",
    "database is",
    "disk is full",
    "malformed",
    "not a database",
    "unable to open",
    "readonly",
    "I/O error",
    "No such file",
    "Permission denied",
    "Errno",
)


class Files:
    """Good and bad files in one folder: made once per module, copied for each test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db = root / "desk.sqlite3"
        self.text = root / "notes.txt"
        self.empty = root / "empty.sqlite3"
        self.folder = root / "文件夹"
        self.binary = root / "random.bin"
        self.foreign = root / "foreign.sqlite3"
        self.only_version = root / "only-version.sqlite3"
        self.truncated = root / "truncated.sqlite3"
        self.missing = root / "没有这个文件.sqlite3"
        self.bad_holidays = root / "2031.txt"
        self.gbk_catalogue = root / "目录.txt"

    def make(self) -> None:
        self.text.write_text("不是数据库", encoding="utf-8")
        self.empty.write_bytes(b"")
        self.folder.mkdir()
        self.binary.write_bytes(bytes(range(256)) * 40)
        self._sqlite(self.foreign, "CREATE TABLE notes (x TEXT)")
        self._sqlite(
            self.only_version,
            "CREATE TABLE schema_info (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
            "INSERT INTO schema_info VALUES (1, 1)",
        )
        self.bad_holidays.write_text("年份: 2031\n放假: 2031-02-30 春节\n", encoding="utf-8")
        self.gbk_catalogue.write_bytes("序号\t内容\n1\t".encode("gbk") + b"\xff\xfe\x00")
        assert main(["--db", str(self.db), *ADD, "--formed", "2026-11-02"]) == 0
        good = self.db.read_bytes()
        self.truncated.write_bytes(good[: len(good) // 3])

    @staticmethod
    def _sqlite(path: Path, *statements: str) -> None:
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()


def _db(f: Files, *args: str) -> list[str]:
    return ["--db", str(f.db), *args]


ADD = ["publication", "add", "--item", "1", "--title", "标题"]
CASES: dict[str, Callable[[Files], list[str]]] = {
    "impossible date": lambda f: _db(f, *ADD, "--formed", "2026-02-30"),
    "month 13": lambda f: _db(f, *ADD, "--formed", "2026-13-01"),
    "not a date": lambda f: _db(f, *ADD, "--formed", "下周一"),
    "year 9999": lambda f: _db(f, *ADD, "--formed", "9999-12-20"),
    "year 9999 today": lambda f: ["--db", str(f.db), "--today", "9999-12-20", "status"],
    "year 0001": lambda f: _db(f, *ADD, "--formed", "0001-01-01"),
    "published before formed": lambda f: _db(f, *ADD, "--formed", "2026-11-02", "--published", "2026-10-01"),
    "unknown item": lambda f: _db(f, "publication", "add", "--item", "999", "--title", "t"),
    "item not a number": lambda f: _db(f, "publication", "add", "--item", "一", "--title", "t"),
    "unknown channel": lambda f: _db(f, *ADD, "--channel", "抖音"),
    "GBK title": lambda f: _db(f, "publication", "add", "--item", "1", "--title", GBK),
    "GBK notes": lambda f: _db(f, *ADD, "--notes", GBK),
    "GBK doc number": lambda f: _db(f, *ADD, "--doc-number", GBK),
    "GBK request id": lambda f: _db(f, *ADD, "--request-id", GBK),
    "empty request id": lambda f: _db(f, *ADD, "--request-id", "  "),
    "GBK db path": lambda f: ["--db", str(f.root / GBK), "status"],
    "db is a folder": lambda f: ["--db", str(f.folder), "status"],
    "db is empty": lambda f: ["--db", str(f.empty), "status"],
    "db is text": lambda f: ["--db", str(f.text), "status"],
    "db is random bytes": lambda f: ["--db", str(f.binary), "status"],
    "db is foreign": lambda f: ["--db", str(f.foreign), "status"],
    "db has only a version": lambda f: ["--db", str(f.only_version), "status"],
    "db is truncated": lambda f: ["--db", str(f.truncated), "status"],
    "db url unknown": lambda f: ["--db", "nosuch://x/y", "status"],
    "restore empty": lambda f: _db(f, "restore", str(f.empty)),
    "restore text": lambda f: _db(f, "restore", str(f.text)),
    "restore random bytes": lambda f: _db(f, "restore", str(f.binary)),
    "restore foreign": lambda f: _db(f, "restore", str(f.foreign)),
    "restore only a version": lambda f: _db(f, "restore", str(f.only_version)),
    "restore truncated": lambda f: _db(f, "restore", str(f.truncated)),
    "restore missing": lambda f: _db(f, "restore", str(f.missing)),
    "restore folder": lambda f: _db(f, "restore", str(f.folder)),
    "restore the database itself": lambda f: _db(f, "restore", str(f.db)),
    "backup over text": lambda f: _db(f, "backup", "-o", str(f.text)),
    "backup over the database": lambda f: _db(f, "backup", "-o", str(f.db)),
    "catalogue missing": lambda f: _db(f, "catalogue", "import", str(f.missing)),
    "catalogue folder": lambda f: _db(f, "catalogue", "import", str(f.folder)),
    "catalogue random bytes": lambda f: _db(f, "catalogue", "import", str(f.binary)),
    "catalogue broken text": lambda f: _db(f, "catalogue", "import", str(f.gbk_catalogue)),
    "catalogue empty": lambda f: _db(f, "catalogue", "import", str(f.empty)),
    "catalogue old version missing": lambda f: _db(f, "catalogue", "export", "--version", "99"),
    "holidays impossible day": lambda f: _db(f, "holidays", "import", str(f.bad_holidays)),
    "holidays missing": lambda f: _db(f, "holidays", "import", str(f.missing)),
    "report month 13": lambda f: _db(f, "report", "monthly", "2026-13", "-o", str(f.root / "r.xlsx")),
    "report into a missing folder": lambda f: _db(
        f, "report", "monthly", "2026-11", "-o", str(f.root / "无" / "r.xlsx")
    ),
    "due unknown rule": lambda f: _db(f, "due", "--rule", "尽快", "2026-11-02"),
    "due bad date": lambda f: _db(f, "due", "--rule", "20个工作日内", "2026-02-30"),
    "unknown command": lambda f: _db(f, "publish"),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad-inputs")
    Files(root).make()
    return root


@pytest.fixture
def files(template: Path, tmp_path: Path) -> Files:
    root = tmp_path / "data"
    shutil.copytree(template, root)
    return Files(root)


def _register(f: Files) -> list[tuple[int, str]]:
    conn = sqlite3.connect(f.db)
    try:
        return conn.execute("SELECT id, title FROM publications ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_input_gets_a_chinese_message_and_loses_nothing(
    case: str, files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _register(files)
    capsys.readouterr()
    try:
        code = main(CASES[case](files))
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code != 0, err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err), err
    assert not [word for word in ENGLISH if word in err], err
    assert _register(files) == before
