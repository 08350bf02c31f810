"""What every part of the Store shares: the engine, one transaction per action, the caches and the audit
trail. The Store itself (store/repository.py) is assembled from this base and one class per concern."""

from __future__ import annotations

import getpass
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.store.errors import store_error
from disclosure_desk.store.models import AuditRow

if TYPE_CHECKING:
    from disclosure_desk.store.migrations import MigrationResult


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def os_user() -> str:
    """The operating-system user, for the audit trail (never fails: an unknown user is recorded as such)."""
    try:
        return str(getpass.getuser())
    except Exception:  # getpass raises OSError/KeyError/ImportError depending on the platform
        return "未知用户"


class StoreBase(ABC):
    def __init__(self, engine: Engine, *, url: str, migration: MigrationResult) -> None:
        self.engine = engine
        self.url = url
        self.migration = migration
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._calendar: WorkdayCalendar | None = None
        self._settings: Settings | None = None
        self._items: dict[int, CatalogueItem] | None = None
        self._close_hooks: list[Callable[[], object]] = []

    def add_close_hook(self, hook: Callable[[], object]) -> None:
        """Run `hook` after the engine is disposed (e.g. to release the instance lock)."""
        self._close_hooks.append(hook)

    def reset_caches(self) -> None:
        """Forget everything read from the file (after the file itself was replaced)."""
        self._calendar = self._settings = self._items = None

    def close(self) -> None:
        self.engine.dispose()
        while self._close_hooks:
            self._close_hooks.pop()()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        A database failure becomes a StoreError by SQLite's error code (store/errors.py); cached values
        may have been computed from what was just rolled back, so they are forgotten.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as error:
            self.reset_caches()
            raise store_error(error, unsaved=True) from error
        except BaseException:
            self.reset_caches()
            raise

    @staticmethod
    def _audit(
        session: Session,
        entity: str,
        entity_id: int,
        action: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        session.add(
            AuditRow(
                at=now(),
                os_user=os_user(),
                entity=entity,
                entity_id=entity_id,
                action=action,
                before=before,
                after=after,
            )
        )

    # --- what the parts read from each other (implemented by the Store) --------------------------------

    @abstractmethod
    def settings(self) -> Settings: ...

    @abstractmethod
    def calendar(self) -> WorkdayCalendar: ...

    @abstractmethod
    def items_by_id(self) -> dict[int, CatalogueItem]: ...

    @abstractmethod
    def item(self, item_id: int) -> CatalogueItem: ...
