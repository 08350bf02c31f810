"""What every command needs: the store location, the day to evaluate against, and the open store."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from disclosure_desk.store.repository import Store


def parse_date_arg(text: str) -> date:
    """argparse type for YYYY-MM-DD dates, with a Chinese message for impossible ones."""
    from disclosure_desk.domain.dates import parse_iso_date

    try:
        return parse_iso_date(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


@dataclass
class CliContext:
    db: str | None
    today: date
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        """Open (creating, seeding and migrating as needed) the store on first use."""
        if self._store is None:
            from disclosure_desk.bootstrap import open_seeded_store

            self._store = open_seeded_store(self.db)
        return self._store

    def timely_days(self) -> int:
        return self.store().settings().timely_days

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
