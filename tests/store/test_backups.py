"""Backups: no litter beside them, litter of killed jobs pruned at start, `backup -o` that never clobbers,
a schedule by the real clock (start, first change of the day, every few hours, close), hints with counts."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from old_databases import make_v1_database

from disclosure_desk.bootstrap import attach_backups, open_seeded_store
from disclosure_desk.cli import main
from disclosure_desk.domain.publication import Publication
from disclosure_desk.startup import Recovery, open_store_for_window
from disclosure_desk.store import backup, restore
from disclosure_desk.store.backup_schedule import PERIOD, BackupSchedule
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import Store


def _add(store: Store, title: str) -> None:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    store.add_publication(Publication(item_id=item.id, title=title, formed_on=date(2026, 11, 2)))


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file()}


def test_backups_and_restores_leave_nothing_beside_their_files(db_path: Path) -> None:
    store = open_seeded_store(str(db_path))
    _add(store, "记录")
    saved = backup.backup_now(store, reason="manual")
    store.close()
    assert saved is not None
    folder = db_path.parent / "backups"
    assert all(name.endswith(".sqlite3") for name in _names(folder)), _names(folder)
    restore.restore(db_path, saved)
    assert all(name.endswith(".sqlite3") for name in _names(folder)), _names(folder)
    assert _names(db_path.parent) == {"desk.sqlite3"}


def test_what_killed_jobs_left_is_pruned_at_start(db_path: Path) -> None:
    open_seeded_store(str(db_path)).close()
    folder = db_path.parent / "backups"
    old = (datetime.now() - timedelta(hours=2)).timestamp()
    litter = [
        folder / "desk-daily-20261130.sqlite3.x7k2.partial",
        folder / "desk-daily-20261130.sqlite3.x7k2.partial-journal",
        folder / "desk-manual-20261130-101010.sqlite3.partial-wal",
        folder / "desk-manual-20261130-101010.sqlite3.partial-shm",
        folder / "desk-auto-20261130-101010.sqlite3",  # a name reserved, the copy killed: empty
        db_path.with_name("desk.sqlite3.restoring"),  # a restore killed before it touched anything
        db_path.with_name(".desk-abcd.restoring.partial-wal"),  # what earlier versions left
        db_path.with_name(".desk.sqlite3.creating-4242"),
    ]
    for path in litter:
        path.write_bytes(b"" if path.suffix == ".sqlite3" else b"x" * 1000)
        os.utime(path, (old, old))
    running = folder / "desk-manual-20261201-090000.sqlite3.q1w2.partial"  # a backup running right now
    running.write_bytes(b"x")
    open_seeded_store(str(db_path)).close()
    assert [p for p in litter if p.exists()] == []
    assert running.exists()


def test_backup_to_a_file_that_is_not_a_database_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_seeded_store(str(db_path)).close()
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录", encoding="utf-8")
    assert main(["--db", str(db_path), "backup", "-o", str(notes)]) == 1
    err = capsys.readouterr().err
    assert "不是数据库文件" in err and "Traceback" not in err
    assert notes.read_text(encoding="utf-8") == "会议记录"
    assert main(["--db", str(db_path), "backup", "-o", str(db_path)]) == 1
    assert "数据库文件本身" in capsys.readouterr().err


def test_backup_into_a_folder_that_does_not_exist_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen: `backup -o /mnt/usb/x.sqlite3` with no stick in made /mnt/usb on the local disk, "已备份到"."""
    open_seeded_store(str(db_path)).close()
    before = _names(tmp_path)
    assert main(["--db", str(db_path), "backup", "-o", str(tmp_path / "U盘" / "备份.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert "U盘" in err and "不存在" in err and "备份未进行" in err, err
    assert not (tmp_path / "U盘").exists() and _names(tmp_path) == before


def test_backup_to_a_folder_puts_the_file_inside(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_seeded_store(str(db_path)).close()
    usb = tmp_path / "U盘"
    usb.mkdir()
    assert main(["--db", str(db_path), "backup", "-o", str(usb)]) == 0
    written = list(usb.iterdir())
    assert len(written) == 1 and written[0].name.startswith("desk-manual-")
    assert backup.check_database_file(written[0]) is None
    assert str(written[0]) in capsys.readouterr().out
    assert _names(tmp_path) <= {"desk.sqlite3", "desk.sqlite3.lock"}  # nothing beside the folder
    again = main(["--db", str(db_path), "backup", "-o", str(written[0])])  # refreshing a backup is fine
    assert again == 0


def test_backups_are_named_by_the_real_clock_not_the_pinned_day(db_path: Path) -> None:
    open_seeded_store(str(db_path)).close()  # the first start: nothing to back up yet
    assert main(["--db", str(db_path), "--today", "2030-06-15", "status"]) == 0
    assert main(["--db", str(db_path), "--today", "2030-06-16", "status"]) == 0
    names = _names(db_path.parent / "backups")
    assert not any("2030" in n for n in names)
    assert f"desk-daily-{datetime.now():%Y%m%d}.sqlite3" in names


class _Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def _autos(db_path: Path) -> list[Path]:
    return sorted((db_path.parent / "backups").glob("desk-auto-*.sqlite3"))


def test_the_window_backs_up_after_the_first_change_every_few_hours_and_at_close(db_path: Path) -> None:
    clock = _Clock(datetime(2026, 12, 1, 8, 30))
    store = open_seeded_store(str(db_path), writer=True, clock=clock)
    schedule = attach_backups(store, window=True, clock=clock)
    assert schedule.after_change() is None  # nothing changed yet
    _add(store, "今天第一条")
    first = schedule.after_change()
    assert first is not None and first.name.startswith("desk-auto-20261201-083000")
    assert backup.count_records(first) == 1
    _add(store, "第二条")
    assert schedule.after_change() is None  # only the day's first change
    clock.now += timedelta(hours=1)
    assert schedule.periodic() is None  # too soon
    clock.now += PERIOD
    periodic = schedule.periodic()
    assert periodic is not None and backup.count_records(periodic) == 2
    assert schedule.periodic() is None  # nothing changed since
    _add(store, "下班前")
    clock.now += timedelta(minutes=30)
    store.close()  # closing the window
    autos = _autos(db_path)
    assert len(autos) == 3 and backup.count_records(autos[-1]) == 3


def test_a_reading_session_takes_no_automatic_backup(db_path: Path) -> None:
    clock = _Clock(datetime(2026, 12, 1, 8, 30))
    store = open_seeded_store(str(db_path), writer=True, clock=clock)
    schedule = BackupSchedule(store, window=True, clock=clock)
    store.publications()
    store.active_catalogue()
    assert not schedule.changed and schedule.at_close() is None
    store.close()


def test_a_command_line_writer_backs_up_after_the_first_change_of_the_day_only(db_path: Path) -> None:
    base = ["--db", str(db_path), "publication", "add", "--item", "1", "--formed", "2026-11-02"]
    assert main([*base, "--title", "第一条"]) == 0
    assert main([*base, "--title", "第二条"]) == 0
    autos = _autos(db_path)
    assert len(autos) == 1 and backup.count_records(autos[0]) == 1


def test_backup_list_and_the_restore_hint_give_time_and_record_count(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_seeded_store(str(db_path))
    _add(store, "一")
    first = backup.backup_now(store, reason="manual")
    _add(store, "二")
    second = backup.backup_now(store, reason="manual")
    store.close()
    assert first is not None and second is not None
    os.utime(first, (datetime(2026, 11, 30, 17, 2).timestamp(),) * 2)
    capsys.readouterr()
    assert main(["--db", str(db_path), "backup", "--list"]) == 0
    out = capsys.readouterr().out
    assert f"2026-11-30 17:02，1 条公开信息  {first}" in out
    assert f"，2 条公开信息  {second}" in out
    assert out.index(str(second)) < out.index(str(first))  # newest first


def test_a_backup_onto_a_full_disk_says_the_disk_is_full(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen on a 2 MB tmpfs: "备份失败：无法读取数据库" for a healthy database and a full disk."""
    store = open_seeded_store(str(db_path))
    _add(store, "记录")
    store.close()
    _full_disk_for_backups(monkeypatch)
    assert main(["--db", str(db_path), "backup"]) == 1
    err = capsys.readouterr().err
    assert "磁盘空间已满" in err and "无法读取数据库" not in err, err
    names = [p.name for p in (db_path.parent / "backups").iterdir()]
    assert [n for n in names if "manual" in n or "partial" in n] == []


def test_an_upgrade_on_a_full_disk_says_so_and_offers_no_restore(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seen on a 3 MB tmpfs with a schema-1 file: "备份失败：无法读取数据库" and "备份文件夹中没有找到完好的
    备份" for a healthy file — and the window offered to restore it."""
    make_v1_database(db_path, extra_publications=20)
    original = db_path.read_bytes()
    _full_disk_for_backups(monkeypatch)
    assert main(["--db", str(db_path), "status"]) == 1
    err = capsys.readouterr().err
    assert "升级前先要备份" in err and "磁盘空间已满" in err and "没有升级" in err, err
    assert "无法读取" not in err and "完好的备份" not in err, err
    assert db_path.read_bytes() == original

    def ask(*_args: object) -> tuple[Recovery, None]:
        raise AssertionError("a restore was offered for a healthy file on a full disk")

    told: list[tuple[str, str]] = []
    assert open_store_for_window(str(db_path), ask, lambda title, text: told.append((title, text))) is None
    assert len(told) == 1 and "磁盘空间已满" in told[0][1]
    assert db_path.read_bytes() == original


def _full_disk_for_backups(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = backup.sqlite3.connect

    def small_disk(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[call-overload]
        if str(target).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 3")  # SQLite's own SQLITE_FULL, as on a full disk
        return conn  # type: ignore[no-any-return]

    monkeypatch.setattr(backup.sqlite3, "connect", small_disk)


def test_an_unreadable_restore_journal_is_named_in_chinese_only(db_path: Path) -> None:
    """Seen: "…恢复记录“…”无法读取（Expecting value: line 1 column 1 (char 0)）。" — JSON's English."""
    open_seeded_store(str(db_path)).close()
    restore.journal_path(db_path).write_text("{半截", encoding="utf-8")
    with pytest.raises(StoreError) as refused:
        restore.finish_interrupted_restore(db_path)
    message = str(refused.value)
    assert "无法读取（内容不完整或已损坏）" in message and "Expecting" not in message, message
