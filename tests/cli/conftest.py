"""The command-line tests work on a database that exists, as an officer's does after the first start.

Read commands never create a database (issue 13); tests of that use `missing_db_path`.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    from disclosure_desk.bootstrap import open_seeded_store

    path = tmp_path / "desk.sqlite3"
    open_seeded_store(str(path)).close()
    return path


@pytest.fixture
def missing_db_path(tmp_path: Path) -> Path:
    return tmp_path / "not-yet.sqlite3"
