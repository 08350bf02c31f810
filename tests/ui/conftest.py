"""GUI test set-up: a fresh seeded store per test (tests/conftest.py `store`), a pinned day, and window
settings in a temporary INI file, never the officer's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_support import Desk
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from disclosure_desk.store.repository import Store


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot resize native windows to their size hints, nor raise
    # a popup menu or grab the keyboard for it; that is the platform plugin talking, not our code.
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
                )
            )


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def desk(qtbot: QtBot, store: Store, ui_settings: QSettings) -> Iterator[Desk]:
    yield Desk.open(qtbot, store, ui_settings)
