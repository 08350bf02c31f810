"""The store's API: plain domain values in, plain domain values out; one transaction per action.

Widgets and commands never see a Session. The store only stores: due dates, statuses and every other rule
are the domain's (domain.due, domain.status, domain.validation), and values are converted at the boundary
(store/rows.py). The Store is assembled from one class per concern: the catalogue, settings and holiday
schedules here, the register of publications in store/publication_store.py, and what they share (the
transaction, the caches, the audit trail) in store/base.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem, MonthDay
from disclosure_desk.domain.deadlines import DeadlineRule
from disclosure_desk.domain.due import changed_due_dates
from disclosure_desk.domain.settings import Settings, setting_types
from disclosure_desk.domain.workdays import WorkdayCalendar, YearSchedule
from disclosure_desk.store.base import now, os_user
from disclosure_desk.store.catalogue_rows import CatalogueImport, all_items, carry_over
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.models import (
    CatalogueItemRow,
    CatalogueRow,
    HolidayDayRow,
    HolidayYearRow,
    SettingRow,
)
from disclosure_desk.store.publication_store import PublicationStore
from disclosure_desk.store.rows import item_from_row, rule_text, yearly_text

__all__ = ["CatalogueImport", "Store", "os_user"]

_SETTING_FIELDS = setting_types()


def _schedule_snapshot(row: HolidayYearRow) -> dict[str, Any]:
    """A holiday year as the audit trail keeps it: the notice and every day off and adjusted working day."""
    return {
        "official": row.official,
        "notice": row.notice,
        "source": row.source,
        "holidays": sorted(d.day.isoformat() for d in row.days if d.kind == "holiday"),
        "adjusted_workdays": sorted(d.day.isoformat() for d in row.days if d.kind == "workday"),
    }


class Store(PublicationStore):
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

    def import_catalogue(
        self, catalogue: Catalogue, *, source: str = "", keep_ambiguous: bool = False
    ) -> CatalogueImport:
        """Store a catalogue as the new active version; earlier versions are kept, not deleted.

        Each old item is matched to its successor by number and content (domain.catalogue_match); the
        successor takes over the officer's hand-set rule and yearly mark, and the old item's publications
        move to it, so a revised catalogue does not strand the register. An old item that carries
        anything and cannot be matched for sure raises CatalogueMatchError and nothing is imported —
        unless `keep_ambiguous`: then its publications stay on the old item (shown as 旧版目录).
        """
        due_before = {r.publication.id: r.due.due_on for r in self.publication_records()}
        with self.transaction() as session:
            previous = session.scalars(
                select(CatalogueItemRow).join(CatalogueRow).where(CatalogueRow.active)
            ).all()
            session.execute(update(CatalogueRow).values(active=False))
            row = CatalogueRow(
                title=catalogue.title,
                version=catalogue.version,
                effective_on=catalogue.effective_on,
                imported_at=now(),
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
                        rule_override=rule_text(item.rule_override),
                        yearly_due=yearly_text(item.yearly_due),
                        dynamic=item.dynamic,
                    )
                )
            session.flush()
            carried = carry_over(session, previous, row.items, keep_ambiguous=keep_ambiguous)
            summary = {"title": catalogue.title, "version": catalogue.version, "items": len(catalogue.items)}
            self._audit(
                session,
                "catalogue",
                row.id,
                "import",
                None,
                {
                    **summary,
                    "source": source,
                    "relinked": carried.relinked,
                    "stranded": carried.stranded,
                    "renumbered": carried.renumbered,
                    "ambiguous": list(carried.ambiguous),
                },
            )
        self._items = None
        due_changed = sum(
            1
            for r in self.publication_records()
            if r.publication.item_id in carried.new_item_ids
            and due_before.get(r.publication.id) != r.due.due_on
        )
        return CatalogueImport(
            self.active_catalogue(),
            carried.relinked,
            carried.stranded,
            carried.renumbered,
            carried.ambiguous,
            due_changed,
        )

    def items_by_id(self) -> dict[int, CatalogueItem]:
        """Every item of every catalogue version (old publications keep pointing at old items)."""
        if self._items is None:
            with self.transaction() as session:
                self._items = all_items(session)
        return self._items

    def item(self, item_id: int) -> CatalogueItem:
        try:
            return self.items_by_id()[item_id]
        except KeyError:
            raise StoreError(f"目录事项（编号 {item_id}）不存在。") from None

    def set_item_rule(self, item_id: int, rule: DeadlineRule | None) -> None:
        """Set (or clear, with None) the officer's own rule for an item; its due dates follow at once
        (they are computed from the item whenever they are shown)."""
        with self.transaction() as session:
            self._update_item(session, item_id, "rule_override", rule_text(rule))

    def set_item_yearly_due(self, item_id: int, month_day: MonthDay | None) -> None:
        """Mark (or, with None, unmark) an item as a yearly obligation due by that day each year."""
        with self.transaction() as session:
            self._update_item(session, item_id, "yearly_due", yearly_text(month_day))

    def set_item_dynamic(self, item_id: int, dynamic: bool) -> None:
        """Mark (or unmark) an item's column 动态: it must then be updated at least every two weeks."""
        with self.transaction() as session:
            self._update_item(session, item_id, "dynamic", dynamic)

    def _update_item(self, session: Session, item_id: int, field: str, value: object) -> None:
        """One of the officer's own settings on a catalogue item (never the catalogue's text), audited."""
        row = session.get(CatalogueItemRow, item_id)
        if row is None:
            raise StoreError(f"目录事项（编号 {item_id}）不存在。")
        before = {field: getattr(row, field)}
        setattr(row, field, value)
        self._audit(session, "catalogue_item", item_id, "update", before, {field: value})
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
            changed = [k for k in _SETTING_FIELDS if getattr(settings, k) != getattr(old, k)]
            if changed:  # the timely default moves every "及时公开" due date: who changed it, and when
                before = {k: getattr(old, k) for k in changed}
                self._audit(
                    session, "settings", 0, "update", before, {k: getattr(settings, k) for k in changed}
                )
        self._settings = settings

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
        """Add or replace whole years. Returns the number of live publications whose due date changes
        (due dates are not stored: every view computes them with the new calendar from now on)."""
        before = self.calendar()
        publications = self.publications()
        with self.transaction() as session:
            for schedule in schedules:
                existing = session.get(HolidayYearRow, schedule.year)
                kept = _schedule_snapshot(existing) if existing is not None else None
                if existing is not None:
                    session.delete(existing)
                    session.flush()
                names = dict(schedule.names)
                row = HolidayYearRow(
                    year=schedule.year,
                    official=schedule.official,
                    notice=schedule.notice,
                    source=schedule.source,
                    updated_at=now(),
                )
                row.days = [
                    HolidayDayRow(day=d, kind="holiday", name=names.get(d, ""))
                    for d in sorted(schedule.holidays)
                ] + [
                    HolidayDayRow(day=d, kind="workday", name=names.get(d, ""))
                    for d in sorted(schedule.adjusted_workdays)
                ]
                session.add(row)
                action = "create" if kept is None else "update"
                self._audit(session, "holiday_year", schedule.year, action, kept, _schedule_snapshot(row))
            session.flush()
            # built from this transaction's view: another connection would not see the new days yet
            after = WorkdayCalendar(self._load_schedules(session))
        self._calendar = after
        settings = self.settings()
        return changed_due_dates(publications, self.items_by_id(), (before, settings), (after, settings))

    def calendar(self) -> WorkdayCalendar:
        if self._calendar is None:
            self._calendar = WorkdayCalendar(self.holiday_schedules())
        return self._calendar
