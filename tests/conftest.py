"""Test set-up shared by every test module.

Qt must be told to draw offscreen before it is imported anywhere (Picard does the same), and no test
may touch the real user data folder: DISCLOSURE_DESK_HOME points every test at a temporary one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from disclosure_desk.paths import use_system_fonts_offscreen

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Windows: offscreen Qt reads fonts from the system's Fonts folder, not PySide6's missing lib/fonts.
use_system_fonts_offscreen()

if TYPE_CHECKING:
    from disclosure_desk.store.repository import Store

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = FIXTURES / "seed_catalogue.txt"


@pytest.fixture(autouse=True)
def _isolated_user_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DISCLOSURE_DESK_HOME", str(home))
    monkeypatch.delenv("DISCLOSURE_DESK_DB", raising=False)
    return home


@pytest.fixture
def seed_text_path() -> Path:
    return SEED_TEXT


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store seeded with the bundled catalogue and holiday schedules."""
    from disclosure_desk.bootstrap import open_seeded_store

    opened = open_seeded_store(str(db_path))
    yield opened
    opened.close()
