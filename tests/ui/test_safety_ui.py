"""The window's side of "nothing lost": crash reports, one window per database, damaged-file recovery."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.domain.publication import Publication
from disclosure_desk.startup import open_store_for_window
from disclosure_desk.store.backup import BackupInfo, backup_now
from disclosure_desk.store.instance_lock import InstanceLock
from disclosure_desk.ui.crash import CrashDialog, install_excepthook
from disclosure_desk.ui.dialogs.startup_dialogs import Recovery
from disclosure_desk.ui.single_instance import SingleInstance, ask_running_copy_to_activate, server_name

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_uncaught_exception_is_logged_and_shown(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[tuple[str, Path | None]] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_excepthook(tmp_path / "x.log", show=lambda details, path: shown.append((details, path)))
    try:
        raise ValueError("坏数据")
    except ValueError:
        with caplog.at_level(logging.CRITICAL):
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    details, path = shown[0]
    assert "ValueError: 坏数据" in details and "Traceback" in details
    assert path == tmp_path / "x.log"
    assert any("uncaught exception" in r.message for r in caplog.records)


def test_crash_dialog_copies_the_details(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = CrashDialog("Traceback …\nValueError: x", tmp_path / "disclosure_desk.log")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Traceback …\nValueError: x"
    assert dialog.copy_button.text() == "已复制"


def test_second_start_brings_the_first_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(str(tmp_path / "desk.sqlite3"))
    first = SingleInstance(name)
    assert first.listen()
    # The second copy is a second program, as on the officer's desk. (On Windows the socket is a named
    # pipe without a buffer, so asking from this process would wait for a read this thread cannot do.)
    code = (
        "import sys; from disclosure_desk.ui.single_instance import ask_running_copy_to_activate as ask; "
        f"sys.exit(0 if ask({name!r}) else 3)"
    )
    with qtbot.waitSignal(first.activationRequested, timeout=60_000):
        second = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert second.wait(timeout=60) == 0
    first.close()
    assert not ask_running_copy_to_activate(name)


def test_damaged_database_offers_the_latest_backup_and_keeps_the_file(qtbot: QtBot, db_path: Path) -> None:
    store = open_seeded_store(str(db_path))
    item_id = store.active_catalogue().items[0].id
    assert item_id is not None
    store.add_publication(Publication(item_id=item_id, title="重要记录", formed_on=date(2026, 11, 2)))
    good = backup_now(store)
    store.close()
    db_path.write_bytes(b"broken" * 2000)
    for companion in ("-wal", "-shm"):
        Path(str(db_path) + companion).unlink(missing_ok=True)
    asked: list[tuple[str, list[BackupInfo]]] = []
    told: list[str] = []

    def ask(reason: str, backups: list[BackupInfo]) -> tuple[Recovery, Path | None]:
        asked.append((reason, backups))
        return Recovery.RESTORE_LATEST, None

    opened = open_store_for_window(str(db_path), ask, lambda t, m: told.append(m))
    assert opened is not None
    assert [p.title for p in opened.publications()] == ["重要记录"]
    opened.close()
    assert asked and asked[0][1][0].path == good and "不是有效的数据库文件" in asked[0][0]
    assert asked[0][1][0].records == 1
    kept = [p for p in (db_path.parent / "backups").glob("*replaced*.sqlite3")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"broken" * 2000
    assert "已从备份" in told[-1]


def test_quitting_at_the_damage_dialog_touches_nothing(qtbot: QtBot, db_path: Path) -> None:
    db_path.write_bytes(b"broken" * 2000)
    opened = open_store_for_window(
        str(db_path), lambda reason, backups: (Recovery.QUIT, None), lambda t, m: None
    )
    assert opened is None
    assert db_path.read_bytes() == b"broken" * 2000


def test_data_in_use_on_another_computer_is_explained(qtbot: QtBot, db_path: Path) -> None:
    open_seeded_store(str(db_path)).close()
    lock = InstanceLock(db_path)
    lock.acquire()
    told: list[tuple[str, str]] = []
    try:
        opened = open_store_for_window(
            str(db_path),
            lambda reason, backups: (Recovery.QUIT, None),
            lambda t, m: told.append((t, m)),
        )
    finally:
        lock.release()
    assert opened is None
    assert told and told[0][0] == "数据正在使用中" and "数据正被" in told[0][1]
