"""Backups of the SQLite file with SQLite's online backup API (safe while the file is in use)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from disclosure_desk import paths
from disclosure_desk.domain.errors import StoreError
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.repository import Store


def backup_file(source: Path, target: Path) -> Path:
    """Copy `source` to `target` and check the copy passes integrity_check."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                verdict = dst.execute("PRAGMA integrity_check").fetchone()
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise StoreError(f"备份失败：{error}") from error
    if not verdict or verdict[0] != "ok":
        target.unlink(missing_ok=True)
        raise StoreError("备份文件未通过完整性检查，已删除该备份。原数据库未改动。")
    return target


def backup_now(store: Store, *, reason: str = "manual", target: Path | None = None) -> Path | None:
    """Back up the store's file; None for databases that are not an SQLite file (their DBA backs up)."""
    source = sqlite_path(store.url)
    if source is None or not source.exists():
        return None
    if target is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = paths.backups_dir_for(source) / f"{source.stem}-{reason}-{stamp}.sqlite3"
    return backup_file(source, target)
