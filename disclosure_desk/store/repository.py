"""The store's API: plain domain values in, plain domain values out; one transaction per action.

Widgets and commands never see a Session. Computed due dates are cached in `publications.due_on` (for
sorting and filtering in SQL) and recomputed at once whenever what they depend on changes: a
publication's dates, an item's rule, the holiday schedules or the timely default.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Text, delete, func, select, type_coerce, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from disclosure_desk.domain.audit import AuditEntry
from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.domain.deadlines import (
    AnchorDates,
    DeadlineRule,
    DueDate,
    compute_due,
    parse_time_limit,
)
from disclosure_desk.domain.errors import LOCKED_MESSAGE, DatabaseLockedError, StoreError, ValidationError
from disclosure_desk.domain.publication import Publication, PublicationRecord, find_duplicate
from disclosure_desk.domain.settings import Settings, setting_types
from disclosure_desk.domain.status import Status, publication_status
from disclosure_desk.domain.workdays import WorkdayCalendar, YearSchedule
from disclosure_desk.store.models import (
    AuditRow,
    CatalogueItemRow,
    CatalogueRow,
    HolidayDayRow,
    HolidayYearRow,
    PublicationRow,
    SettingRow,
)

if TYPE_CHECKING:
    from disclosure_desk.store.migrations import MigrationResult

_SETTING_FIELDS = setting_types()


@dataclass(frozen=True)
class CatalogueImport:
    catalogue: Catalogue
    relinked: int  # publications moved to the identical item of the new version
    stranded: int  # publications left on items the new version no longer has


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def os_user() -> str:
    """The operating-system user, for the audit trail (never fails: an unknown user is recorded as such)."""
    try:
        return str(getpass.getuser())
    except Exception:  # getpass raises OSError/KeyError/ImportError depending on the platform
        return "未知用户"


def _jsonable(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def publication_snapshot(publication: Publication) -> dict[str, Any]:
    return {f.name: _jsonable(getattr(publication, f.name)) for f in fields(publication)}


def item_from_row(row: CatalogueItemRow) -> CatalogueItem:
    return CatalogueItem(
        number=row.number,
        process=row.process,
        category=row.category,
        subcategory=row.subcategory,
        content=row.content,
        basis=row.basis,
        time_limit=row.time_limit,
        publisher=row.publisher,
        channels=tuple(row.channels),
        audience=tuple(row.audience),
        mode=tuple(row.mode),
        extra=dict(row.extra),
        id=row.id,
        rule_override=row.rule_override,
        yearly_due=row.yearly_due,
    )


def publication_from_row(row: PublicationRow) -> Publication:
    return Publication(
        id=row.id,
        item_id=row.item_id,
        title=row.title,
        formed_on=row.formed_on,
        changed_on=row.changed_on,
        approved_on=row.approved_on,
        published_on=row.published_on,
        due_on_manual=row.due_on_manual,
        document_number=row.document_number,
        index_number=row.index_number,
        channels=tuple(row.channels),
        url=row.url,
        department=row.department,
        responsible=row.responsible,
        review_done=row.review_done,
        reviewer=row.reviewer,
        reviewed_on=row.reviewed_on,
        missing_channel_reason=row.missing_channel_reason,
        notes=row.notes,
        late_reason=row.late_reason,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )


_PUBLICATION_FIELDS = tuple(f.name for f in fields(Publication))
EDITABLE_PUBLICATION_FIELDS = (
    "item_id",
    "title",
    "formed_on",
    "changed_on",
    "approved_on",
    "published_on",
    "due_on_manual",
    "document_number",
    "index_number",
    "url",
    "department",
    "responsible",
    "review_done",
    "reviewer",
    "reviewed_on",
    "missing_channel_reason",
    "notes",
    "late_reason",
)


def anchor_dates(publication: Publication) -> AnchorDates:
    """A publication's dates as deadline anchors.

    The register has one "formed" date; for items whose clock starts at a related publication or a
    received request, the officer enters that date as the formed date (the editor labels it so).
    """
    return AnchorDates(
        formed_on=publication.formed_on,
        changed_on=publication.changed_on,
        approved_on=publication.approved_on,
        related_on=publication.formed_on,
        received_on=publication.formed_on,
    )


class Store:
    def __init__(self, engine: Engine, *, url: str, migration: MigrationResult) -> None:
        self.engine = engine
        self.url = url
        self.migration = migration
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._calendar: WorkdayCalendar | None = None
        self._settings: Settings | None = None
        self._items: dict[int, CatalogueItem] | None = None
        self._close_hooks: list[Callable[[], None]] = []
        self._rules: dict[tuple[str | None, str], DeadlineRule] = {}

    def add_close_hook(self, hook: Callable[[], None]) -> None:
        """Run `hook` after the engine is disposed (e.g. to release the instance lock)."""
        self._close_hooks.append(hook)

    def reset_caches(self) -> None:
        """Forget everything read from the file (after the file itself was replaced)."""
        self._calendar = self._settings = self._items = None
        self._rules.clear()

    def close(self) -> None:
        self.engine.dispose()
        while self._close_hooks:
            self._close_hooks.pop()()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as error:
            self._calendar = self._settings = self._items = None
            text = str(error.orig or error)
            if "locked" in text or "busy" in text:
                raise DatabaseLockedError(LOCKED_MESSAGE) from error
            raise StoreError(f"数据库操作失败：{text}。刚才的操作没有保存。") from error
        except BaseException:
            # cached values may have been computed from what was just rolled back
            self._calendar = self._settings = self._items = None
            raise

    # --- catalogue -------------------------------------------------------------------------------

    def has_catalogue(self) -> bool:
        with self.transaction() as session:
            return session.scalar(select(CatalogueRow.id).where(CatalogueRow.active).limit(1)) is not None

    def active_catalogue(self) -> Catalogue:
        with self.transaction() as session:
            row = session.scalars(select(CatalogueRow).where(CatalogueRow.active)).first()
            if row is None:
                return Catalogue(title="", items=())
            items = tuple(item_from_row(i) for i in row.items)
            return Catalogue(
                title=row.title,
                items=items,
                version=row.version,
                effective_on=row.effective_on,
                id=row.id,
            )

    def import_catalogue(self, catalogue: Catalogue, *, source: str = "") -> CatalogueImport:
        """Store a catalogue as the new active version; earlier versions are kept, not deleted.

        An item that is the same in the new version (same 过程, 一级, 二级 and content) takes over the
        officer's hand-set rule and yearly mark, and the publications of the old item move to it, so a
        revised catalogue does not strand the register. Other publications keep their old item.
        """
        with self.transaction() as session:
            previous = session.scalars(
                select(CatalogueItemRow).join(CatalogueRow).where(CatalogueRow.active)
            ).all()
            session.execute(update(CatalogueRow).values(active=False))
            row = CatalogueRow(
                title=catalogue.title,
                version=catalogue.version,
                effective_on=catalogue.effective_on,
                imported_at=_now(),
                source=source,
                active=True,
            )
            session.add(row)
            for position, item in enumerate(catalogue.items, start=1):
                row.items.append(
                    CatalogueItemRow(
                        position=position,
                        number=item.number,
                        process=item.process,
                        category=item.category,
                        subcategory=item.subcategory,
                        content=item.content,
                        basis=item.basis,
                        time_limit=item.time_limit,
                        publisher=item.publisher,
                        channels=list(item.channels),
                        audience=list(item.audience),
                        mode=list(item.mode),
                        extra=dict(item.extra),
                        rule_override=item.rule_override,
                        yearly_due=item.yearly_due,
                    )
                )
            session.flush()
            relinked, stranded = self._carry_over(session, previous, row.items)
            summary = {"title": catalogue.title, "version": catalogue.version, "items": len(catalogue.items)}
            self._audit(
                session,
                "catalogue",
                row.id,
                "import",
                None,
                {**summary, "source": source, "relinked": relinked, "stranded": stranded},
            )
            if relinked:
                self._recompute(session)
        self._items = None
        return CatalogueImport(self.active_catalogue(), relinked, stranded)

    @staticmethod
    def _carry_over(
        session: Session, previous: Sequence[CatalogueItemRow], current: Sequence[CatalogueItemRow]
    ) -> tuple[int, int]:
        """Move publications (and the officer's settings) from old items to identical new ones."""

        def key(i: CatalogueItemRow) -> tuple[str, str, str, str]:
            return (i.process, i.category, i.subcategory, i.content)

        new_by_key = {key(i): i for i in current}
        relinked = stranded = 0
        for old in previous:
            new = new_by_key.get(key(old))
            count = (
                session.scalar(
                    select(func.count()).select_from(PublicationRow).where(PublicationRow.item_id == old.id)
                )
                or 0
            )
            if new is None:
                stranded += count
                continue
            if new.rule_override is None:
                new.rule_override = old.rule_override
            if new.yearly_due is None:
                new.yearly_due = old.yearly_due
            if count:
                session.execute(
                    update(PublicationRow).where(PublicationRow.item_id == old.id).values(item_id=new.id)
                )
                relinked += count
        return relinked, stranded

    def items_by_id(self) -> dict[int, CatalogueItem]:
        """Every item of every catalogue version (old publications keep pointing at old items)."""
        if self._items is None:
            with self.transaction() as session:
                self._items = {r.id: item_from_row(r) for r in session.scalars(select(CatalogueItemRow))}
        return self._items

    def item(self, item_id: int) -> CatalogueItem:
        try:
            return self.items_by_id()[item_id]
        except KeyError:
            raise StoreError(f"目录事项（编号 {item_id}）不存在。") from None

    def rule_for(self, item: CatalogueItem) -> DeadlineRule:
        # parsed once per distinct text: recomputing 50,000 due dates must not parse 50,000 times
        key = (item.rule_override, item.time_limit)
        rule = self._rules.get(key)
        if rule is None:
            rule = self._rules[key] = (
                DeadlineRule.from_json(item.rule_override)
                if item.rule_override
                else parse_time_limit(item.time_limit)
            )
        return rule

    def set_item_rule(self, item_id: int, rule: DeadlineRule | None) -> None:
        """Set (or clear, with None) the officer's own rule for an item; its due dates follow at once."""
        with self.transaction() as session:
            row = session.get(CatalogueItemRow, item_id)
            if row is None:
                raise StoreError(f"目录事项（编号 {item_id}）不存在。")
            before = {"rule_override": row.rule_override}
            row.rule_override = rule.to_json() if rule is not None else None
            after = {"rule_override": row.rule_override}
            self._audit(session, "catalogue_item", item_id, "update", before, after)
            self._items = None
            self._recompute(session, item_ids=[item_id])

    def set_item_yearly_due(self, item_id: int, month_day: tuple[int, int] | None) -> None:
        """Mark (or, with None, unmark) an item as a yearly obligation due by month/day each year."""
        value = None
        if month_day is not None:
            month, day = month_day
            try:
                date(2024, month, day)  # a leap year, so 02-29 is allowed
            except ValueError:
                raise ValidationError(f"{month}月{day}日不是有效的日期。", "yearly_due") from None
            value = f"{month:02d}-{day:02d}"
        with self.transaction() as session:
            row = session.get(CatalogueItemRow, item_id)
            if row is None:
                raise StoreError(f"目录事项（编号 {item_id}）不存在。")
            before = {"yearly_due": row.yearly_due}
            row.yearly_due = value
            self._audit(session, "catalogue_item", item_id, "update", before, {"yearly_due": value})
        self._items = None

    # --- settings --------------------------------------------------------------------------------

    def settings(self) -> Settings:
        if self._settings is None:
            with self.transaction() as session:
                stored = {r.key: r.value for r in session.scalars(select(SettingRow))}
            values: dict[str, object] = {}
            for key, kind in _SETTING_FIELDS.items():
                if key in stored:
                    # a hand-edited bad value falls back to the default
                    with suppress(ValueError):
                        values[key] = kind(stored[key])
            self._settings = Settings(**values)  # type: ignore[arg-type]
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        settings = settings.validated()
        old = self.settings()
        with self.transaction() as session:
            for key in _SETTING_FIELDS:
                session.merge(SettingRow(key=key, value=str(getattr(settings, key))))
            self._settings = settings
            if settings.timely_days != old.timely_days:
                self._recompute(session)

    def bureau_name(self) -> str:
        return self.settings().bureau_name

    # --- holiday schedules -----------------------------------------------------------------------

    def holiday_schedules(self) -> list[YearSchedule]:
        with self.transaction() as session:
            return self._load_schedules(session)

    @staticmethod
    def _load_schedules(session: Session) -> list[YearSchedule]:
        rows = session.scalars(select(HolidayYearRow).order_by(HolidayYearRow.year)).all()
        return [
            YearSchedule(
                year=r.year,
                holidays=frozenset(d.day for d in r.days if d.kind == "holiday"),
                adjusted_workdays=frozenset(d.day for d in r.days if d.kind == "workday"),
                official=r.official,
                notice=r.notice,
                source=r.source,
                names=tuple((d.day, d.name) for d in r.days if d.name),
            )
            for r in rows
        ]

    def save_holiday_schedules(self, schedules: Iterable[YearSchedule]) -> int:
        """Add or replace whole years; every due date is recomputed in the same transaction.

        Returns the number of publications whose due date changed.
        """
        with self.transaction() as session:
            for schedule in schedules:
                existing = session.get(HolidayYearRow, schedule.year)
                if existing is not None:
                    session.delete(existing)
                    session.flush()
                names = dict(schedule.names)
                row = HolidayYearRow(
                    year=schedule.year,
                    official=schedule.official,
                    notice=schedule.notice,
                    source=schedule.source,
                    updated_at=_now(),
                )
                row.days = [
                    HolidayDayRow(day=d, kind="holiday", name=names.get(d, ""))
                    for d in sorted(schedule.holidays)
                ] + [
                    HolidayDayRow(day=d, kind="workday", name=names.get(d, ""))
                    for d in sorted(schedule.adjusted_workdays)
                ]
                session.add(row)
            session.flush()
            # built from this transaction's view: another connection would not see the new days yet
            self._calendar = WorkdayCalendar(self._load_schedules(session))
            return self._recompute(session)

    def calendar(self) -> WorkdayCalendar:
        if self._calendar is None:
            self._calendar = WorkdayCalendar(self.holiday_schedules())
        return self._calendar

    # --- publications ----------------------------------------------------------------------------

    def evaluate(self, publication: Publication, item: CatalogueItem | None = None) -> DueDate:
        item = item or self.item(publication.item_id)
        return compute_due(
            self.rule_for(item),
            anchor_dates(publication),
            self.calendar(),
            timely_days=self.settings().timely_days,
            manual_due=publication.due_on_manual,
        )

    def status(self, record: PublicationRecord, today: date) -> Status:
        return publication_status(
            record.due.due_on,
            record.publication.published_on,
            today,
            self.calendar(),
            self.settings().due_soon_days,
        )

    def add_publication(self, publication: Publication) -> Publication:
        item = self.item(publication.item_id)
        due = self.evaluate(publication, item)
        now = _now()
        with self.transaction() as session:
            row = PublicationRow(created_at=now, updated_at=now, due_on=due.due_on)
            self._fill(row, publication)
            session.add(row)
            session.flush()
            saved = publication_from_row(row)
            self._audit(session, "publication", row.id, "create", None, publication_snapshot(saved))
            return saved

    def update_publication(self, publication: Publication) -> Publication:
        if publication.id is None:
            raise StoreError("无法保存：该记录尚未创建。")
        due = self.evaluate(publication)
        with self.transaction() as session:
            row = session.get(PublicationRow, publication.id)
            if row is None or row.deleted_at is not None:
                raise StoreError(f"记录 {publication.id} 不存在或已删除。")
            before = publication_snapshot(publication_from_row(row))
            self._fill(row, publication)
            row.due_on = due.due_on
            row.updated_at = _now()
            session.flush()
            saved = publication_from_row(row)
            self._audit(session, "publication", row.id, "update", before, publication_snapshot(saved))
            return saved

    def delete_publication(self, publication_id: int) -> None:
        """Move to the trash (recoverable with restore_publication)."""
        self._set_deleted(publication_id, _now())

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

    def publication(self, publication_id: int) -> Publication:
        with self.transaction() as session:
            row = session.get(PublicationRow, publication_id)
            if row is None:
                raise StoreError(f"记录 {publication_id} 不存在。")
            return publication_from_row(row)

    def publications(self, *, deleted: bool = False) -> list[Publication]:
        """Live publications (or, with deleted=True, the trash), oldest first."""
        condition = PublicationRow.deleted_at.is_not(None) if deleted else PublicationRow.deleted_at.is_(None)
        with self.transaction() as session:
            rows = session.scalars(select(PublicationRow).where(condition).order_by(PublicationRow.id))
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
        """Publications with their items and computed due dates; all live ones when none are given."""
        if publications is None:
            return self._live_records()
        items = self.items_by_id()
        return [
            PublicationRecord(p, items[p.item_id], self.evaluate(p, items[p.item_id])) for p in publications
        ]

    def _live_records(self) -> list[PublicationRecord]:
        """Every live publication, fast enough for 50,000 rows on every reload of the window.

        Rows are read as plain tuples (no ORM objects); channel lists' JSON is decoded once per distinct
        text; a due date is computed once per distinct (item, dates) — compute_due is a pure function of
        the rule, the dates, the calendar and the timely default, the same call `evaluate` makes.
        """
        items = self.items_by_id()
        dues: dict[tuple[object, ...], DueDate] = {}
        channel_lists: dict[str | None, tuple[str, ...]] = {}
        table = PublicationRow.__table__
        columns = [
            type_coerce(table.c[name], Text) if name == "channels" else table.c[name]
            for name in _PUBLICATION_FIELDS
        ]
        query = select(*columns).where(table.c.deleted_at.is_(None)).order_by(table.c.id)
        with self.transaction() as session:
            result = session.execute(query).all()
        channels_at = _PUBLICATION_FIELDS.index("channels")
        records = []
        for values in result:
            row = list(values)
            raw = row[channels_at]
            channels = channel_lists.get(raw)
            if channels is None:
                channels = channel_lists[raw] = tuple(json.loads(raw)) if raw else ()
            row[channels_at] = channels
            publication = Publication(*row)  # columns are selected in field order
            item_id = publication.item_id
            item = items[item_id]
            key = (
                item_id,
                publication.formed_on,
                publication.changed_on,
                publication.approved_on,
                publication.due_on_manual,
            )
            due = dues.get(key)
            if due is None:
                due = dues[key] = self.evaluate(publication, item)
            records.append(PublicationRecord(publication, item, due))
        return records

    def purge_publication(self, publication_id: int) -> None:
        """Delete for good — only from the trash."""
        with self.transaction() as session:
            row = session.get(PublicationRow, publication_id)
            if row is None or row.deleted_at is None:
                raise StoreError(f"记录 {publication_id} 不在回收站中，不能彻底删除。")
            before = publication_snapshot(publication_from_row(row))
            session.execute(delete(PublicationRow).where(PublicationRow.id == publication_id))
            self._audit(session, "publication", publication_id, "purge", before, None)

    def recompute_due_dates(self) -> int:
        with self.transaction() as session:
            return self._recompute(session)

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

    # --- internals -------------------------------------------------------------------------------

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
                at=_now(),
                os_user=os_user(),
                entity=entity,
                entity_id=entity_id,
                action=action,
                before=before,
                after=after,
            )
        )

    @staticmethod
    def _fill(row: PublicationRow, publication: Publication) -> None:
        for name in EDITABLE_PUBLICATION_FIELDS:
            setattr(row, name, getattr(publication, name))
        row.channels = list(publication.channels)

    def _recompute(self, session: Session, item_ids: Sequence[int] | None = None) -> int:
        """Recompute cached due dates inside the caller's transaction; returns how many changed."""
        items = {r.id: item_from_row(r) for r in session.scalars(select(CatalogueItemRow))}
        self._items = items
        query = select(PublicationRow)
        if item_ids is not None:
            query = query.where(PublicationRow.item_id.in_(item_ids))
        changed = 0
        for row in session.scalars(query):
            due = self.evaluate(publication_from_row(row), items[row.item_id]).due_on
            if due != row.due_on:
                row.due_on = due
                changed += 1
        return changed
