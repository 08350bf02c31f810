"""When the program backs up by itself, by the real clock (never the day `--today` pins).

- at start: the first start of each day keeps a "daily" backup (and the month's first a "monthly" one);
  that copy holds yesterday's work;
- after the first change of the day: an "auto" backup that already holds today's first work;
- while the window is open: every few hours, if anything changed since the last backup;
- at close of the window: if anything changed since the last backup.
A command-line writer backs up after the first change of the day only: a script adding 200 records must
not copy the file 200 times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from disclosure_desk import paths
from disclosure_desk.store import backup
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.repository import Store

log = logging.getLogger(__name__)

PERIOD = timedelta(hours=3)
_WRITES = ("insert", "update", "delete", "replace")

Clock = Callable[[], datetime]


def daily_backup(db_file: Path, now: datetime) -> Path | None:
    """The first start of each day backs up; the first daily backup of a month is also kept as monthly."""
    if not db_file.exists():
        return None
    folder = paths.backups_dir_for(db_file)
    daily = folder / f"{db_file.stem}-daily-{now:%Y%m%d}.sqlite3"
    if daily.exists():
        return None
    backup.backup_file(db_file, daily)
    monthly = folder / f"{db_file.stem}-monthly-{now:%Y%m}.sqlite3"
    if not monthly.exists():
        backup.backup_file(daily, monthly, source_is_backup=True)
    backup.prune(folder, db_file.stem)
    return daily


class BackupSchedule:
    """Watches the store's engine for committed writes and backs up at the moments above."""

    def __init__(self, store: Store, *, window: bool, clock: Clock = datetime.now) -> None:
        self.file = sqlite_path(store.url)
        self.window = window
        self.clock = clock
        self.changed = False  # a write was committed since the last backup
        self._pending: set[int] = set()
        self._last: datetime | None = None
        event.listen(store.engine, "before_cursor_execute", self._on_execute)
        event.listen(store.engine, "commit", self._on_commit)
        event.listen(store.engine, "rollback", self._on_rollback)

    # engine events: a transaction that ran a write and then committed is a change
    def _on_execute(self, connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:7].lower().startswith(_WRITES):
            self._pending.add(id(connection))

    def _on_commit(self, connection: Any) -> None:
        if id(connection) in self._pending:
            self._pending.discard(id(connection))
            self.changed = True

    def _on_rollback(self, connection: Any) -> None:
        self._pending.discard(id(connection))

    # --- the moments -----------------------------------------------------------------------------------

    def at_start(self) -> Path | None:
        if self.file is None:
            return None
        return self._guarded(lambda: daily_backup(self.file, self.clock()) if self.file else None)

    def after_change(self) -> Path | None:
        """After a save: the day's first change gets its own backup."""
        if not self.changed or self.file is None or self._has_auto_today():
            return None
        return self._take()

    def periodic(self) -> Path | None:
        """Every few hours while the window is open (the caller's timer), if anything changed."""
        if not self.changed:
            return None
        if self._last is not None and self.clock() - self._last < PERIOD:
            return None
        return self._take()

    def at_close(self) -> Path | None:
        if not self.window:
            return self.after_change()
        return self._take() if self.changed else None

    def _has_auto_today(self) -> bool:
        assert self.file is not None
        folder = paths.backups_dir_for(self.file)
        return any(folder.glob(f"{self.file.stem}-auto-{self.clock():%Y%m%d}-*.sqlite3"))

    def _take(self) -> Path | None:
        file = self.file
        if file is None or not file.exists():
            return None
        now = self.clock()

        def take() -> Path:
            target = backup.backup_file(file, backup.new_backup_path(file, "auto", now))
            backup.prune(paths.backups_dir_for(file), file.stem)
            return target

        result = self._guarded(take)
        if result is not None:
            self.changed = False
            self._last = now
        return result

    @staticmethod
    def _guarded(job: Callable[[], Path | None]) -> Path | None:
        # a failed backup must not keep the officer from working: it is logged and tried again later
        try:
            return job()
        except (StoreError, OSError) as error:
            log.warning("backup failed: %s", error)
            return None
