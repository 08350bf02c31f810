"""The register of publications: saving (checked here, where data enters, by the domain's own rule),
the trash, and reading records with their due dates (computed by the domain, never stored)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Text, delete, select, type_coerce

from disclosure_desk.domain.audit import AuditEntry
from disclosure_desk.domain.due import publication_records
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import Publication, PublicationRecord, find_duplicate
from disclosure_desk.domain.validation import publication_problems
from disclosure_desk.store.base import StoreBase, now
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.models import AddRequestRow, AuditRow, PublicationRow
from disclosure_desk.store.rows import (
    PUBLICATION_FIELDS,
    fill_publication_row,
    publication_from_row,
    publication_snapshot,
)

_log = logging.getLogger(__name__)


class PublicationStore(StoreBase):
    def check_publication(self, publication: Publication, today: date | None = None) -> None:
        """Raise ValidationError (every problem, the first one's field) unless `publication` may be saved.

        The same rule the editor shows (domain.validation.publication_problems), so the window, the
        command line and any import get one behaviour. `today` is the caller's day (a pinned clock or
        `--today`); the computer's date when not given.
        """
        item = self.item(publication.item_id)
        problems = publication_problems(publication, item, today or date.today())
        if problems:
            # each problem is a sentence of its own ("…（2026-12-02）。目录要求…"), never "。；"
            message = "".join(_sentence(str(p)) for p in problems)
            _log.warning("Refused publication %s (%r): %s", publication.id, publication.title, message)
            raise ValidationError(message, problems[0].field)

    def add_publication(
        self, publication: Publication, *, today: date | None = None, request_id: str | None = None
    ) -> Publication:
        """Add a publication. With `request_id`, an add already made under that id is not repeated:
        the publication it made is returned (see `publication_for_request`)."""
        self.check_publication(publication, today)
        stamp = now()
        with self.transaction() as session:
            if request_id is not None:
                known = session.get(AddRequestRow, request_id)
                if known is not None:
                    return publication_from_row(session.get_one(PublicationRow, known.publication_id))
            row = PublicationRow(created_at=stamp, updated_at=stamp)
            fill_publication_row(row, publication)
            session.add(row)
            session.flush()
            if request_id is not None:
                session.add(AddRequestRow(request_id=request_id, publication_id=row.id, created_at=stamp))
            saved = publication_from_row(row)
            self._audit(session, "publication", row.id, "create", None, publication_snapshot(saved))
            return saved

    def publication_for_request(self, request_id: str) -> Publication | None:
        """The publication an earlier add with this request id made, if any."""
        with self.transaction() as session:
            known = session.get(AddRequestRow, request_id)
            if known is None:
                return None
            return publication_from_row(session.get_one(PublicationRow, known.publication_id))

    def update_publication(self, publication: Publication, *, today: date | None = None) -> Publication:
        if publication.id is None:
            raise StoreError("无法保存：该记录尚未创建。")
        self.check_publication(publication, today)
        with self.transaction() as session:
            row = session.get(PublicationRow, publication.id)
            if row is None or row.deleted_at is not None:
                raise StoreError(f"记录 {publication.id} 不存在或已删除。")
            before = publication_snapshot(publication_from_row(row))
            fill_publication_row(row, publication)
            row.updated_at = now()
            session.flush()
            saved = publication_from_row(row)
            self._audit(session, "publication", row.id, "update", before, publication_snapshot(saved))
            return saved

    def delete_publication(self, publication_id: int) -> None:
        """Move to the trash (recoverable with restore_publication)."""
        self._set_deleted(publication_id, now())

    def restore_publication(self, publication_id: int) -> None:
        self._set_deleted(publication_id, None)

    def _set_deleted(self, publication_id: int, when: datetime | None) -> None:
        with self.transaction() as session:
            row = session.get(PublicationRow, publication_id)
            if row is None:
                raise StoreError(f"记录 {publication_id} 不存在。")
            before = publication_snapshot(publication_from_row(row))
            row.deleted_at = when
            session.flush()
            after = publication_snapshot(publication_from_row(row))
            self._audit(
                session, "publication", publication_id, "delete" if when else "restore", before, after
            )

    def purge_publication(self, publication_id: int) -> None:
        """Delete for good — only from the trash."""
        with self.transaction() as session:
            row = session.get(PublicationRow, publication_id)
            if row is None or row.deleted_at is None:
                raise StoreError(f"记录 {publication_id} 不在回收站中，不能彻底删除。")
            before = publication_snapshot(publication_from_row(row))
            session.execute(delete(PublicationRow).where(PublicationRow.id == publication_id))
            self._audit(session, "publication", publication_id, "purge", before, None)

    def publication(self, publication_id: int) -> Publication:
        with self.transaction() as session:
            row = session.get(PublicationRow, publication_id)
            if row is None:
                raise StoreError(f"记录 {publication_id} 不存在。")
            return publication_from_row(row)

    def publications(self, *, deleted: bool = False) -> list[Publication]:
        """Live publications (or, with deleted=True, the trash), oldest first."""
        if not deleted:
            return self._live_publications()
        with self.transaction() as session:
            rows = session.scalars(
                select(PublicationRow)
                .where(PublicationRow.deleted_at.is_not(None))
                .order_by(PublicationRow.id)
            )
            return [publication_from_row(r) for r in rows]

    def duplicate_of(self, publication: Publication) -> Publication | None:
        """A live record that is the same entry (domain.publication.duplicate_key), if there is one."""
        table = PublicationRow
        same_dates = [
            column.is_(None) if value is None else column == value
            for column, value in (
                (table.formed_on, publication.formed_on),
                (table.changed_on, publication.changed_on),
                (table.approved_on, publication.approved_on),
            )
        ]
        query = select(table).where(
            table.item_id == publication.item_id, table.deleted_at.is_(None), *same_dates
        )
        with self.transaction() as session:
            candidates = [publication_from_row(r) for r in session.scalars(query)]
        return find_duplicate(publication, candidates)

    def publication_records(
        self, publications: Sequence[Publication] | None = None
    ) -> list[PublicationRecord]:
        """Publications (all live ones when none are given) with their items and due dates, as the domain
        computes them from the item's rule, the calendar and the settings."""
        if publications is None:
            publications = self._live_publications()
        return publication_records(publications, self.items_by_id(), self.calendar(), self.settings())

    def _live_publications(self) -> list[Publication]:
        """Every live publication, fast enough for 50,000 rows on every reload of the window: rows are
        read as plain tuples (no ORM objects), and channel lists' JSON is decoded once per distinct text."""
        channel_lists: dict[str | None, tuple[str, ...]] = {}
        table = PublicationRow.__table__
        columns = [
            type_coerce(table.c[name], Text) if name == "channels" else table.c[name]
            for name in PUBLICATION_FIELDS
        ]
        query = select(*columns).where(table.c.deleted_at.is_(None)).order_by(table.c.id)
        with self.transaction() as session:
            result = session.execute(query).all()
        channels_at = PUBLICATION_FIELDS.index("channels")
        publications = []
        for values in result:
            row = list(values)
            raw = row[channels_at]
            channels = channel_lists.get(raw)
            if channels is None:
                channels = channel_lists[raw] = tuple(json.loads(raw)) if raw else ()
            row[channels_at] = channels
            publications.append(Publication(*row))  # columns are selected in field order
        return publications

    def audit_history(self, entity: str, entity_id: int) -> list[AuditEntry]:
        """The audit trail of one record, oldest first."""
        with self.transaction() as session:
            rows = session.scalars(
                select(AuditRow)
                .where(AuditRow.entity == entity, AuditRow.entity_id == entity_id)
                .order_by(AuditRow.id)
            )
            return [
                AuditEntry(r.at, r.os_user, r.entity, r.entity_id, r.action, r.before, r.after) for r in rows
            ]


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text + "。"
