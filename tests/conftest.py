"""Test set-up shared by every test module.

Qt must be told to draw offscreen before it is imported anywhere (Picard does the same).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"
SEED_TEXT = FIXTURES / "seed_catalogue.txt"


@pytest.fixture
def seed_text_path() -> Path:
    return SEED_TEXT
