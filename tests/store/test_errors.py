"""Database failures are told apart by SQLite's result code, in one place (store/errors.py), never by
words in the message; each known failure gets its own Chinese message, anything else is logged as a bug."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

import disclosure_desk
from disclosure_desk.store.errors import (
    DatabaseLockedError,
    Failure,
    StoreError,
    classify,
    store_error,
)


def _raised(action: object) -> BaseException:
    try:
        action()  # type: ignore[operator]
    except BaseException as error:
        return error
    raise AssertionError("nothing was raised")


def test_a_full_disk(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "full.sqlite3")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 3")  # the database cannot grow: SQLite says SQLITE_FULL
    error = _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,)))
    conn.close()
    problem = classify(error)
    assert problem is not None and problem.failure is Failure.FULL and problem.name == "SQLITE_FULL"
    refused = store_error(error, target="desk.sqlite3", unsaved=True)
    assert refused.failure is Failure.FULL
    assert "磁盘空间已满" in str(refused) and "刚才的操作没有保存" in str(refused)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "fake.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    conn = sqlite3.connect(path)
    error = _raised(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert classify(error) is not None
    refused = store_error(error, target=str(path))
    assert refused.failure is Failure.CORRUPT and "已损坏" in str(refused) and "备份" in str(refused)


def test_read_only_and_cannot_open(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    error = _raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    conn.close()
    assert store_error(error).failure is Failure.READ_ONLY
    missing = tmp_path / "no such folder" / "desk.sqlite3"
    error = _raised(lambda: sqlite3.connect(f"file:{missing}?mode=rw", uri=True))
    assert store_error(error).failure is Failure.CANT_OPEN


def test_locked_through_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.05})
    try:
        error = _raised(lambda: engine.connect().execute(sa.text("SELECT * FROM t")).all())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        engine.dispose()
    assert isinstance(error, DBAPIError)  # SQLAlchemy's wrapper: the code is read from .orig
    refused = store_error(error)
    assert isinstance(refused, DatabaseLockedError) and "已锁定" in str(refused)


def test_a_bug_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    conn = sqlite3.connect(":memory:")
    error = _raised(lambda: conn.execute("SELEC nonsense"))
    refused = store_error(error)
    assert refused.failure is Failure.OTHER and "SQLITE_ERROR" in str(refused) and "日志" in str(refused)
    assert "Unexpected database error" in caplog.text and "Traceback" in caplog.text
    assert classify(ValueError("not a database error")) is None
    assert isinstance(store_error(ValueError("x")), StoreError)


def test_no_module_reads_database_errors_by_their_words() -> None:
    """The three places that looked for "locked"/"busy" in a message now ask store/errors.py."""
    words = {"locked", "busy", "malformed", "not a database", "disk is full", "database is locked"}
    found = []
    for path in Path(disclosure_desk.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops):
                left = node.left
                if isinstance(left, ast.Constant) and isinstance(left.value, str) and left.value in words:
                    found.append(f"{path.name}:{node.lineno}")
    assert found == []
