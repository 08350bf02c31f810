"""What every command needs: the store location, the day to evaluate against, and the open store."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from disclosure_desk.store.errors import StoreError

IN_MEMORY_URL = "sqlite://"

if TYPE_CHECKING:
    from disclosure_desk.store.repository import Store


# Every date a register holds lies well inside these years; far outside them, due-date arithmetic and
# working-day counts would run past the calendar's end (year 9999) instead of saying the date is wrong.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_date_arg(text: str) -> date:
    """argparse type for YYYY-MM-DD dates, with a Chinese message for impossible ones."""
    from disclosure_desk.domain.dates import parse_iso_date

    try:
        value = parse_iso_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"日期“{text.strip()}”超出可用范围（{FIRST_YEAR} 年至 {LAST_YEAR} 年），请检查年份。"
        )
    return value


# SQLite's INTEGER is 64-bit: a larger number cannot be an id, and must not reach the database as one
_MAX_ID = 2**63 - 1


def parse_number_arg(text: str) -> int:
    """argparse type for ids and item numbers: a positive whole number, with a Chinese message."""
    value = text.strip()
    if not value.isascii() or not value.isdigit():
        raise argparse.ArgumentTypeError(f"“{text}”不是有效的编号，应为正整数，例如 12。")
    number = int(value)
    if not 1 <= number <= _MAX_ID:
        raise argparse.ArgumentTypeError(f"编号“{text}”超出范围，应为正整数，例如 12。")
    return number


@dataclass
class CliContext:
    db: str | None
    today: date
    # True when --today was given: the window then keeps that day instead of following the clock
    today_pinned: bool = False
    _store: Store | None = field(default=None, repr=False)

    def store(self, *, writer: bool = False) -> Store:
        """Open (creating, seeding and migrating as needed) the store on first use.

        Commands that change data pass writer=True: they take the instance lock, waiting up to ten
        seconds for another writer to finish, and are refused while the window (or another writer) keeps
        the data open. Reading commands need no lock.
        """
        if self._store is None:
            from disclosure_desk.bootstrap import (
                LOCK_WAIT_SECONDS,
                attach_backups,
                database_is_missing,
                location_is_explicit,
                open_seeded_store,
            )

            missing = database_is_missing(self.db)
            if missing is not None and not writer:
                # a command that only reads never creates a database
                if location_is_explicit(self.db):
                    raise StoreError(
                        f"数据库文件“{missing}”不存在。请检查数据库路径（--db）是否输错；"
                        "只读的命令不会新建数据库。"
                    )
                # nothing recorded yet in the default data folder: read the built-in catalogue and
                # calendar from memory, so `status`, `due` and `catalogue export` answer truthfully
                self._store = open_seeded_store(IN_MEMORY_URL)
            else:
                wait = LOCK_WAIT_SECONDS if writer else 0.0
                self._store = open_seeded_store(self.db, writer=writer, lock_wait=wait)
                if writer:
                    attach_backups(self._store, window=False)
        return self._store

    def timely_days(self) -> int:
        return self.store().settings().timely_days

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
