"""The window fits the screen it opens on; dialogs come back at the size the officer gave them."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_support import TODAY
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from pytestqt.qtbot import QtBot

from disclosure_desk import paths
from disclosure_desk.app import build_desk
from disclosure_desk.store.repository import Store
from disclosure_desk.ui import window_geometry
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.persistence import open_ui_settings

pytestmark = pytest.mark.gui

# A 1366×768 laptop with the Windows taskbar at the bottom.
LAPTOP = QRect(0, 0, 1366, 728)


def _fake_screens(monkeypatch: pytest.MonkeyPatch, *areas: QRect) -> None:
    monkeypatch.setattr(window_geometry, "available_areas", lambda: list(areas))


def _open(qtbot: QtBot, store: Store, ini: Path) -> MainWindow:
    window, _controller = build_desk(store, lambda: TODAY, QSettings(str(ini), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_first_start_on_a_1366x768_laptop_fits_its_work_area(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_screens(monkeypatch, LAPTOP)
    window = _open(qtbot, store, tmp_path / "ui.ini")
    size = window.size()
    assert size.width() <= LAPTOP.width() - window_geometry.ESTIMATED_FRAME.width()
    assert size.height() <= LAPTOP.height() - window_geometry.ESTIMATED_FRAME.height()
    assert size.height() >= 600, "it fills the screen, it does not shrink to a stamp"
    assert LAPTOP.contains(window.frameGeometry())
    # the status bar, where "请先选择……" appears, is on the screen
    bar = window.statusBar()
    bottom_right = bar.mapToGlobal(QPoint(bar.width() - 1, bar.height() - 1))
    assert LAPTOP.contains(bottom_right)


def test_first_start_fills_a_full_hd_screen_and_stops_short_of_a_4k_one(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frame = window_geometry.ESTIMATED_FRAME
    _fake_screens(monkeypatch, QRect(0, 0, 1920, 1040))
    window = _open(qtbot, store, tmp_path / "hd.ini")
    assert window.size() == QSize(1920 - frame.width(), 1040 - frame.height())
    _fake_screens(monkeypatch, QRect(0, 0, 3840, 2120))
    big = _open(qtbot, store, tmp_path / "4k.ini")
    assert big.size() == window_geometry.LARGEST_FIRST_SIZE
    assert big.frameGeometry().center().x() in range(1900, 1941), "centred"


def test_a_saved_geometry_is_used_only_while_it_fits_a_screen(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ini = tmp_path / "ui.ini"
    window = _open(qtbot, store, ini)
    window.close()
    placed: list[QSize] = []
    first_time = window_geometry.place_first_time
    monkeypatch.setattr(
        window_geometry, "place_first_time", lambda w: placed.append(w.size()) or first_time(w)
    )
    _fake_screens(monkeypatch, QRect(0, 0, 1920, 1040))
    _open(qtbot, store, ini)
    assert placed == [], "the saved geometry fits the big screen: it is used"
    # the same settings on a screen the saved window does not fit (a projector, a remote desktop)
    _fake_screens(monkeypatch, QRect(0, 0, 640, 480))
    _open(qtbot, store, ini)
    assert len(placed) == 1, "it does not fit: the window is placed as on a first start"


def test_keep_on_screen_pulls_a_window_back_inside(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    _fake_screens(monkeypatch, LAPTOP)
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(900, 500, 1200, 900)
    window_geometry.keep_on_screen(widget)
    assert LAPTOP.contains(widget.frameGeometry())


def test_dialogs_remember_their_size_within_the_screen(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _open(qtbot, store, tmp_path / "ui.ini")
    from disclosure_desk.ui.dialogs.trash_dialog import TrashDialog

    dialog = TrashDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(700, 400)
    dialog.reject()
    assert window.ui_state.size("dialogs/trash") == QSize(700, 400)

    again = TrashDialog(window)
    qtbot.addWidget(again)
    again.show()
    assert again.size() == QSize(700, 400)
    again.reject()

    # saved on a big monitor, opened on the laptop: it fits
    window.ui_state.set_size("dialogs/trash", QSize(1800, 1000))
    _fake_screens(monkeypatch, LAPTOP)
    third = TrashDialog(window)
    qtbot.addWidget(third)
    third.show()
    assert third.width() <= LAPTOP.width() and third.height() <= LAPTOP.height() - 30


def test_window_settings_live_beside_a_moved_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "desk"))
    settings = open_ui_settings()
    assert Path(settings.fileName()) == tmp_path / "desk" / "window.ini"
    monkeypatch.delenv(paths.HOME_ENV)
    assert paths.ui_settings_file() is None
