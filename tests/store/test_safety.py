"""Nothing lost: backups, restore, the one-writer lock, damaged files, and a writer killed mid-write."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store import backup, restore
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.instance_lock import DataInUseError, InstanceLock
from disclosure_desk.store.repository import Store

ROOT = Path(__file__).resolve().parents[2]


def _add(store: Store, title: str) -> int:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    saved = store.add_publication(Publication(item_id=item.id, title=title, formed_on=date(2026, 11, 2)))
    assert saved.id is not None
    return saved.id


def test_first_start_of_the_day_backs_up_once_and_keeps_a_monthly(db_path: Path) -> None:
    open_seeded_store(str(db_path), clock=lambda: datetime(2026, 11, 24, 8)).close()  # creates the file
    store = open_seeded_store(str(db_path), clock=lambda: datetime(2026, 11, 25, 8))
    store.close()
    open_seeded_store(str(db_path), clock=lambda: datetime(2026, 11, 25, 17)).close()
    folder = db_path.parent / "backups"
    names = sorted(p.name for p in folder.glob("*.sqlite3"))
    assert "desk-daily-20261125.sqlite3" in names
    assert "desk-monthly-202611.sqlite3" in names
    assert sum("daily-20261125" in n for n in names) == 1
    assert backup.check_database_file(folder / "desk-daily-20261125.sqlite3") is None


def test_rotation_keeps_30_daily_and_12_monthly(tmp_path: Path) -> None:
    for day in range(1, 41):
        (tmp_path / f"desk-daily-202601{day:02d}.sqlite3").write_bytes(b"x")
    for month in range(1, 21):
        (tmp_path / f"desk-monthly-20{24 + month // 12}{month % 12 + 1:02d}.sqlite3").write_bytes(b"x")
    backup.prune(tmp_path, "desk")
    daily = sorted(p.name for p in tmp_path.glob("*-daily-*"))
    assert len(daily) == 30 and daily[0] == "desk-daily-20260111.sqlite3"
    assert len(list(tmp_path.glob("*-monthly-*"))) == 12


def test_backup_damage_restore_round_trip_loses_nothing(db_path: Path) -> None:
    store = open_seeded_store(str(db_path))
    ids = [_add(store, f"记录{i}") for i in range(5)]
    saved = backup.backup_now(store, reason="manual")
    store.close()
    assert saved is not None
    # damage the live file
    data = bytearray(db_path.read_bytes())
    data[200:8000] = os.urandom(7800)
    db_path.write_bytes(bytes(data))
    for companion in ("-wal", "-shm"):
        Path(str(db_path) + companion).unlink(missing_ok=True)
    damaged = db_path.read_bytes()
    with pytest.raises(StoreError) as error:
        open_seeded_store(str(db_path))
    assert "最近的完好备份" in str(error.value) and "disclosure-desk restore" in str(error.value)
    assert db_path.read_bytes() == damaged  # never overwritten
    moved = restore.restore(db_path, saved).moved_aside
    assert moved is not None and moved.read_bytes() == damaged  # kept, byte for byte
    store = open_seeded_store(str(db_path))
    assert [p.id for p in store.publications()] == ids
    store.close()


def test_restore_refuses_a_bad_backup_and_changes_nothing(db_path: Path, tmp_path: Path) -> None:
    open_seeded_store(str(db_path)).close()
    before = db_path.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="不能用于恢复"):
        restore.restore(db_path, bad)
    assert db_path.read_bytes() == before


def test_a_second_writer_is_told_who_holds_the_data(db_path: Path) -> None:
    first = open_seeded_store(str(db_path), writer=True)
    with pytest.raises(DataInUseError) as error:
        open_seeded_store(str(db_path), writer=True)
    assert "数据正被" in str(error.value) and error.value.holder["pid"] == str(os.getpid())
    reader = open_seeded_store(str(db_path))  # reading commands still work
    assert len(reader.active_catalogue().items) == 33
    reader.close()
    first.close()
    open_seeded_store(str(db_path), writer=True).close()  # released on close


def test_second_writer_from_the_command_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from disclosure_desk.cli import main

    lock = InstanceLock(db_path)
    lock.acquire()
    try:
        code = main(["--db", str(db_path), "publication", "add", "--item", "1", "--title", "t"])
    finally:
        lock.release()
    assert code == 1
    assert "数据正被" in capsys.readouterr().err


def test_unwritable_data_folder_gets_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    # the default data folder is made on first start; here it cannot be (a file is in the way)
    monkeypatch.setenv("DISCLOSURE_DESK_HOME", str(blocker / "sub"))
    with pytest.raises(StoreError, match="无法创建数据文件夹"):
        open_seeded_store(None)
    # any other folder that does not exist is a mistyped path: refused, nothing made
    with pytest.raises(StoreError, match="不存在，没有新建数据库"):
        open_seeded_store(str(tmp_path / "nope" / "sub" / "desk.sqlite3"))
    assert not (tmp_path / "nope").exists()
    # a read-only folder (root ignores permission bits, so the access check is simulated)
    readonly = tmp_path / "ro"
    readonly.mkdir()
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    with pytest.raises(StoreError, match="没有写入权限"):
        open_seeded_store(str(readonly / "desk.sqlite3"))
    assert list(readonly.iterdir()) == []


def test_killed_writer_never_loses_a_committed_write(db_path: Path) -> None:
    """Kill a writing process at random moments: the file stays sound and every reported write is there.

    Popen.kill() kills the way the OS does: SIGKILL on POSIX, TerminateProcess on Windows (which has no
    SIGKILL) — in both cases the writer gets no chance to clean up.
    """
    rng = random.Random(20261125)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reported: list[int] = []
    for _ in range(12):
        proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("writer_process.py")), str(db_path)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(1, 40)):
            reported.append(int(proc.stdout.readline()))
        proc.kill()
        # anything printed before the kill landed was committed too
        reported += [int(line) for line in proc.stdout.read().split()]
        assert proc.wait() != 0  # killed mid-write, not ended by itself
        conn = sqlite3.connect(db_path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            present = {r[0] for r in conn.execute("SELECT id FROM publications")}
        finally:
            conn.close()
        assert set(reported) <= present
    assert len(reported) >= 12


def test_restore_under_a_running_store(db_path: Path) -> None:
    store = open_seeded_store(str(db_path), writer=True)
    _add(store, "备份前")
    saved = backup.backup_now(store, reason="manual")
    assert saved is not None
    _add(store, "备份后，恢复时会丢")
    assert len(store.publications()) == 2
    moved = restore.restore_open_store(store, saved).moved_aside
    assert [p.title for p in store.publications()] == ["备份前"]
    assert moved is not None and backup.check_database_file(moved) is None
    _add(store, "恢复后继续登记")  # the same Store object keeps working
    assert len(store.publications()) == 2
    store.close()


def test_a_database_locked_by_another_program_gets_a_message_and_loses_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from disclosure_desk.store import db as db_module
    from disclosure_desk.store.errors import DatabaseLockedError

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 200)
    store = open_seeded_store(str(db_path))
    _add(store, "锁定前")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # e.g. a backup tool or a second program mid-write
    try:
        store.engine.dispose()  # new connections pick up the short timeout
        with pytest.raises(DatabaseLockedError, match="已锁定"):
            _add(store, "锁定时")
    finally:
        other.execute("ROLLBACK")
        other.close()
    _add(store, "解锁后")
    assert [p.title for p in store.publications()] == ["锁定前", "解锁后"]
    store.close()


def test_a_copy_of_the_database_file_alone_has_every_saved_record(db_path: Path, tmp_path: Path) -> None:
    """Officers move computers by copying files: with the rollback journal, no work waits in a -wal."""
    store = open_seeded_store(str(db_path), writer=True)
    _add(store, "刚保存的记录")
    copy = tmp_path / "usb" / "desk.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(db_path.read_bytes())  # while the program still runs, without any side file
    store.close()
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT title FROM publications").fetchall() == [("刚保存的记录",)]
    finally:
        conn.close()


def test_a_file_an_earlier_version_left_in_wal_mode_is_converted_with_its_recent_work(db_path: Path) -> None:
    open_seeded_store(str(db_path)).close()
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    item_id = writer.execute("SELECT min(id) FROM catalogue_items").fetchone()[0]
    writer.execute(
        "INSERT INTO publications (item_id, title, document_number, index_number, channels, url, department,"
        " responsible, review_done, reviewer, missing_channel_reason, notes, created_at, updated_at)"
        " VALUES (?, '只在-wal里', '', '', '[]', '', '', '', 0, '', '', '', '2026-11-30', '2026-11-30')",
        (item_id,),
    )
    writer.commit()
    wal = Path(str(db_path) + "-wal")
    assert wal.stat().st_size > 0
    # what a crash leaves: the record only in the -wal (closing would checkpoint it into the file)
    main_copy, wal_copy = db_path.read_bytes(), wal.read_bytes()
    writer.close()
    db_path.write_bytes(main_copy)
    wal.write_bytes(wal_copy)
    check = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    assert check.execute("SELECT count(*) FROM publications").fetchone() == (0,)  # not in the file
    check.close()
    store = open_seeded_store(str(db_path))
    assert [p.title for p in store.publications()] == ["只在-wal里"]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    store.close()
    assert not wal.exists()
