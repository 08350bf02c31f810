"""An upgrade that fails or is killed leaves the file as it was; pre-upgrade backups never overwrite."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

import pytest
from kill_support import child, kill_after_start, run_child
from old_databases import make_v1_database

from disclosure_desk.store import migrations
from disclosure_desk.store.backup import check_database_file, new_backup_path
from disclosure_desk.store.db import backup_before_migration, open_store
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.models import SCHEMA_VERSION

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kills itself with SIGKILL")

EXTRA = 300


def _version_and_columns(path: Path) -> tuple[int, set[str], set[str]]:
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("SELECT version FROM schema_info").fetchone()[0]
        columns = {r[1] for r in conn.execute("PRAGMA table_info(catalogue_items)")}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()
    return version, columns, tables


def _assert_opens_whole(path: Path) -> None:
    store = open_store(str(path))
    try:
        assert store.publication(3).title == "老记录"
        assert len(store.publications()) == 1 + EXTRA
        assert store.item(7).rule_override is None
    finally:
        store.close()
    version, columns, _ = _version_and_columns(path)
    assert version == SCHEMA_VERSION and "rule_override" in columns


def _assert_backups_are_whole_v1(path: Path, records: int = 1 + EXTRA) -> int:
    """Every pre-upgrade backup (but a reserved name a kill left empty) is the whole version-1 file."""
    found = 0
    for backup in (path.parent / "backups").glob("*before-migration-v1*.sqlite3"):
        if backup.stat().st_size == 0:
            continue
        assert check_database_file(backup) is None
        conn = sqlite3.connect(backup)
        try:
            assert conn.execute("SELECT version FROM schema_info").fetchone() == (1,)
            assert conn.execute("SELECT count(*) FROM publications").fetchone() == (records,)
        finally:
            conn.close()
        found += 1
    return found


def test_a_failing_upgrade_step_leaves_the_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1_database(db_path)

    def broken(_op: object) -> None:
        raise RuntimeError("step 3 fails")

    monkeypatch.setitem(migrations.STEPS, 3, broken)
    with pytest.raises(RuntimeError):
        open_store(str(db_path))
    version, columns, tables = _version_and_columns(db_path)
    # step 2 added a column and two tables before step 3 failed: all of it was rolled back
    assert version == 1 and "rule_override" not in columns and "holiday_years" not in tables
    monkeypatch.undo()
    store = open_store(str(db_path))  # and the next start upgrades it normally
    assert store.migration.from_version == 1 and store.publication(3).title == "老记录"
    store.close()


@pytest.fixture(scope="module")
def upgrade_statements(tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many SQL statements opening a version-1 file takes (a dry run on a copy)."""
    path = tmp_path_factory.mktemp("dry") / "v1.sqlite3"
    make_v1_database(path, EXTRA)
    code, out = run_child("upgrade", str(path), "0")
    assert code == 0
    return int(out.split()[-1])


def _kill_upgrade_at(path: Path, statement: int) -> None:
    code, _ = run_child("upgrade", str(path), str(statement))
    assert code == -signal.SIGKILL


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.99])
def test_a_kill_during_the_upgrade_leaves_a_file_the_next_start_upgrades(
    db_path: Path, upgrade_statements: int, fraction: float
) -> None:
    make_v1_database(db_path, EXTRA)
    _kill_upgrade_at(db_path, max(1, int(upgrade_statements * fraction)))
    version, _, _ = _version_and_columns(db_path)
    assert version in (1, SCHEMA_VERSION)  # never half-way
    _assert_opens_whole(db_path)
    assert _assert_backups_are_whole_v1(db_path) >= 1


def test_pre_upgrade_backups_in_the_same_second_never_overwrite_each_other(db_path: Path) -> None:
    make_v1_database(db_path)
    now = datetime(2026, 12, 1, 9, 0, 0)
    first = new_backup_path(db_path, "before-migration-v1", now)
    second = new_backup_path(db_path, "before-migration-v1", now)
    assert first != second and first.exists() and second.exists()
    backups = {backup_before_migration(db_path, 1) for _ in range(3)}
    assert len(backups) == 3
    assert _assert_backups_are_whole_v1(db_path, records=1) == 3


def test_a_file_with_only_a_version_table_is_not_upgraded(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE schema_info (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_info VALUES (1, 1)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="不是完整的本程序数据库") as error:
        open_store(str(db_path))
    assert "no such" not in str(error.value)
    assert db_path.read_bytes() == before


@pytest.mark.slow
def test_forty_kills_during_upgrades(tmp_path: Path, upgrade_statements: int) -> None:
    """20 kills at each statement in turn, 20 after a random delay: every file opens whole afterwards."""
    rng = random.Random(20261201)
    template = tmp_path / "template.sqlite3"
    make_v1_database(template, EXTRA)
    survived = 0
    for n in range(40):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        path = folder / "desk.sqlite3"
        shutil.copy(template, path)
        if n < 20:
            _kill_upgrade_at(path, 1 + n * upgrade_statements // 20)
        else:
            # the upgrade itself takes a few hundredths of a second after "start"
            kill_after_start(child("upgrade", str(path), "0"), rng.uniform(0.0, 0.15))
        _assert_opens_whole(path)
        _assert_backups_are_whole_v1(path)
        survived += 1
    print(f"kills during upgrade survived: {survived} of 40")
    assert survived == 40
