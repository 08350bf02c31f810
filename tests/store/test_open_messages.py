"""Messages say what happened: a full disk or a failing disk is not "damaged", a file another program has
open is not something to restore over, and SQLite's English never reaches the officer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from disclosure_desk.bootstrap import UnreadableStoreError, open_seeded_store
from disclosure_desk.store import backup, db
from disclosure_desk.store.errors import DatabaseLockedError, StoreError
from disclosure_desk.store.instance_lock import InstanceLock


def _failing(code: int, text: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("code", "english", "expected", "type_"),
    [
        (sqlite3.SQLITE_FULL, "database or disk is full", "磁盘空间已满", StoreError),
        (sqlite3.SQLITE_IOERR_READ, "disk I/O error", "磁盘或网络出错", StoreError),
        (sqlite3.SQLITE_CANTOPEN, "unable to open database file", "无法访问", StoreError),
        (sqlite3.SQLITE_BUSY, "database is locked", "已锁定", DatabaseLockedError),
        (sqlite3.SQLITE_CORRUPT, "database disk image is malformed", "已损坏", StoreError),
    ],
)
def test_a_failure_to_open_is_named_by_sqlites_code_in_chinese(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, english: str, expected: str, type_: type
) -> None:
    open_seeded_store(str(db_path)).close()

    def fail(_path: Path) -> sqlite3.Connection:
        raise _failing(code, english)

    monkeypatch.setattr(db, "_connect_read_only", fail)
    with pytest.raises(StoreError) as error:
        db.open_store(str(db_path))
    assert type(error.value) is type_
    message = str(error.value)
    assert expected in message and english not in message
    if code != sqlite3.SQLITE_CORRUPT:
        assert "损坏，" not in message and "已损坏" not in message


def test_a_file_that_looks_damaged_while_another_program_has_it_open_is_not_offered_for_restore(
    db_path: Path,
) -> None:
    store = open_seeded_store(str(db_path))
    assert backup.backup_now(store) is not None
    store.close()
    holder = InstanceLock(db_path)
    holder.acquire()  # the window on this computer has the data open
    try:
        db_path.write_bytes(db_path.read_bytes()[:3000])  # what a reader may see half-way through a write
        with pytest.raises(UnreadableStoreError) as error:
            open_seeded_store(str(db_path))
    finally:
        holder.release()
    message = str(error.value)
    assert "本机的另一个程序窗口或命令" in message and "不要从备份恢复" in message
    assert "disclosure-desk restore" not in message


def test_a_truncated_file_gets_no_sqlite_english(db_path: Path) -> None:
    open_seeded_store(str(db_path)).close()
    db_path.write_bytes(db_path.read_bytes()[:5000])
    with pytest.raises(StoreError) as error:
        open_seeded_store(str(db_path))
    message = str(error.value)
    assert "损坏" in message
    assert not any(w in message for w in ("malformed", "database", "disk image", "no such"))
