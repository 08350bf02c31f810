"""A restore checks the backup before it touches anything, and every interruption recovers at the next
start to the old or the new database, never an empty one; empty and foreign files are never re-initialised."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest
from kill_support import child, kill_after_start
from old_databases import make_v1_database

from disclosure_desk.bootstrap import UnreadableStoreError, open_seeded_store
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store import backup, restore
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import Store

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="kills itself with SIGKILL")


def _add(store: Store, title: str) -> None:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    store.add_publication(Publication(item_id=item.id, title=title, formed_on=date(2026, 11, 2)))


def _titles(path: Path) -> list[str]:
    store = open_seeded_store(str(path))
    try:
        return sorted(p.title for p in store.publications())
    finally:
        store.close()


def _register_with_backup(path: Path, titles: list[str]) -> Path:
    """A register at `path` holding `titles`, and a backup of it."""
    store = open_seeded_store(str(path))
    for title in titles:
        _add(store, title)
    saved = backup.backup_now(store, reason="manual")
    store.close()
    assert saved is not None
    return saved


OLD = ["现在的1", "现在的2", "现在的3"]
NEW = ["备份里的1", "备份里的2"]


@pytest.fixture
def old_and_new(tmp_path: Path) -> tuple[Path, Path]:
    """The live database (3 records) and a backup of a different register (2 records)."""
    other = tmp_path / "other" / "desk.sqlite3"
    other.parent.mkdir()
    saved = _register_with_backup(other, NEW)
    live = tmp_path / "desk.sqlite3"
    _register_with_backup(live, OLD)
    return live, saved


def _sqlite_file(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_restore_refuses_files_the_program_could_not_open(
    old_and_new: tuple[Path, Path], tmp_path: Path
) -> None:
    live, saved = old_and_new
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(saved.read_bytes())
    _sqlite_file(newer, "UPDATE schema_info SET version = 99")
    only_version = _sqlite_file(
        tmp_path / "only-version.sqlite3",
        "CREATE TABLE schema_info (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
        "INSERT INTO schema_info VALUES (1, 1)",
    )
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    foreign = _sqlite_file(tmp_path / "foreign.sqlite3", "CREATE TABLE notes (x TEXT)")
    before = live.read_bytes()
    expected = {
        newer: "更新版本",
        only_version: "不是完整的本程序数据库",
        empty: "空文件",
        foreign: "不是本程序的数据库",
    }
    for bad, reason in expected.items():
        with pytest.raises(StoreError, match="不能用于恢复") as error:
            restore.restore(live, bad)
        assert reason in str(error.value)
        assert live.read_bytes() == before
    assert not restore.staged_path(live).exists() and not restore.journal_path(live).exists()
    assert _titles(live) == sorted(OLD)


def test_restore_of_an_old_schema_backup_is_upgraded_at_next_start(tmp_path: Path) -> None:
    live = tmp_path / "desk.sqlite3"
    open_seeded_store(str(live)).close()
    old = tmp_path / "v1.sqlite3"
    make_v1_database(old)
    restore.restore(live, old)
    store = open_seeded_store(str(live))
    assert store.publication(3).title == "老记录"
    store.close()


def test_a_failed_move_puts_everything_back(
    old_and_new: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    live, saved = old_and_new
    real_replace = os.replace

    def replace(source: object, target: object) -> None:
        if Path(str(source)) == restore.staged_path(live):
            raise PermissionError(13, "Permission denied")  # Windows: the file is open elsewhere
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(restore.os, "replace", replace)
    with pytest.raises(StoreError, match="当前数据库仍在原处") as error:
        restore.restore(live, saved)
    assert "没有访问权限" in str(error.value) and "Permission" not in str(error.value)
    monkeypatch.undo()
    assert not restore.journal_path(live).exists() and not restore.staged_path(live).exists()
    assert _titles(live) == sorted(OLD)


def test_when_even_putting_back_fails_the_message_says_where_the_file_is_and_the_next_start_finishes(
    old_and_new: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    live, saved = old_and_new
    real_replace = os.replace
    moved: list[Path] = []

    def replace(source: object, target: object) -> None:
        if Path(str(source)) == restore.staged_path(live) or moved:
            raise PermissionError(13, "拒绝访问")
        if Path(str(source)) == live:
            moved.append(Path(str(target)))
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(restore.os, "replace", replace)
    with pytest.raises(StoreError) as error:
        restore.restore(live, saved)
    monkeypatch.undo()
    assert moved and str(moved[0]) in str(error.value) and "没有丢失" in str(error.value)
    assert not live.exists()  # the state a crash here would leave …
    assert _titles(live) == sorted(NEW)  # … and the next start completes the restore
    assert not restore.journal_path(live).exists()
    kept = sorted((live.parent / "backups").glob("desk-replaced-*.sqlite3"))
    assert len(kept) == 1 and backup.count_records(kept[0]) == len(OLD)


@pytest.fixture(scope="module")
def restore_steps(tmp_path_factory: pytest.TempPathFactory) -> int:
    folder = tmp_path_factory.mktemp("dry")
    live = folder / "desk.sqlite3"
    store = open_seeded_store(str(live))
    _add(store, "x")
    saved = backup.backup_now(store, reason="manual")
    store.close()
    assert saved is not None
    proc = child("restore", str(live), str(saved), "0")
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0
    return int(out.split()[-1])


def _assert_old_or_new_and_nothing_lost(live: Path) -> str:
    titles = _titles(live)
    assert titles in (sorted(OLD), sorted(NEW)), titles
    if titles == sorted(NEW):  # the old register is kept in the backups folder
        kept = [
            p
            for p in (live.parent / "backups").glob("desk-*.sqlite3")
            if backup.check_database_file(p) is None and backup.count_records(p) == len(OLD)
        ]
        assert kept
    assert not restore.journal_path(live).exists()
    return "new" if titles == sorted(NEW) else "old"


@posix_only
def test_a_kill_at_every_step_of_a_restore_recovers_to_old_or_new(
    old_and_new: tuple[Path, Path], restore_steps: int, tmp_path: Path
) -> None:
    live, saved = old_and_new
    template = live.read_bytes()
    outcomes = []
    for step in range(1, restore_steps + 1):
        for leftover in live.parent.glob("desk.sqlite3*"):
            leftover.unlink()
        live.write_bytes(template)
        proc = child("restore", str(live), str(saved), str(step))
        proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL
        outcomes.append(_assert_old_or_new_and_nothing_lost(live))
    assert "old" in outcomes and "new" in outcomes


def test_an_empty_file_is_never_reinitialised(tmp_path: Path) -> None:
    live = tmp_path / "desk.sqlite3"
    saved = _register_with_backup(live, OLD)
    live.write_bytes(b"")
    with pytest.raises(UnreadableStoreError) as error:
        open_seeded_store(str(live), writer=True)
    message = str(error.value)
    assert "0 字节" in message and "不会" in message
    info = backup.backup_info(saved)
    assert info.describe() in message and "3 条公开信息" in message and str(saved) in message
    assert error.value.latest_backup == saved
    assert live.read_bytes() == b""  # not a table was created in it


def test_an_sqlite_file_without_tables_is_not_taken_for_a_new_database(tmp_path: Path) -> None:
    live = _sqlite_file(tmp_path / "desk.sqlite3", "CREATE TABLE t (x)", "DROP TABLE t")
    before = live.read_bytes()
    assert before  # a real, table-less SQLite file
    with pytest.raises(UnreadableStoreError, match="空的数据库"):
        open_seeded_store(str(live))
    assert live.read_bytes() == before


@posix_only
@pytest.mark.slow
def test_twenty_kills_during_restores(old_and_new: tuple[Path, Path], restore_steps: int) -> None:
    """A kill before each file step in turn, then after random delays (mostly while copying)."""
    live, saved = old_and_new
    template = live.read_bytes()
    rng = random.Random(20261201)
    survived = 0
    outcomes = []
    for n in range(20):
        for leftover in live.parent.glob("desk.sqlite3*"):
            leftover.unlink()
        live.write_bytes(template)
        if n < restore_steps:
            proc = child("restore", str(live), str(saved), str(n + 1))
            proc.communicate(timeout=120)
        else:
            kill_after_start(child("restore", str(live), str(saved), "0"), rng.uniform(0.0, 0.08))
        outcomes.append(_assert_old_or_new_and_nothing_lost(live))
        survived += 1
    print(
        f"kills during restore survived: {survived} of 20 ({outcomes.count('new')} restored, "
        f"{outcomes.count('old')} kept the old file)"
    )
    assert survived == 20
