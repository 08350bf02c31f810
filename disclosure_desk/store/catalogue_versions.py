"""Every catalogue version ever imported, for looking at (never changed: a new import makes a new one).

A version is known by its number: the order of import, 1 for the first catalogue (the `catalogues` row
id, which is never reused because versions are never deleted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.store.errors import StoreError
from disclosure_desk.store.models import CatalogueItemRow, CatalogueRow, PublicationRow
from disclosure_desk.store.repository import Store
from disclosure_desk.store.rows import item_from_row


@dataclass(frozen=True)
class CatalogueVersion:
    number: int
    title: str
    label: str  # the version text the catalogue gives itself ("2026版"), often empty
    effective_on: date | None
    imported_at: datetime
    source: str
    active: bool
    items: int
    publications: int  # live and deleted publications still recorded against its items

    @property
    def name(self) -> str:
        """ "第2版（当前）2026版 周村区科技局主动公开基本目录" — how lists and messages name a version."""
        state = "（当前）" if self.active else "（旧版）"
        return f"第{self.number}版{state}" + " ".join(p for p in (self.label, self.title) if p)


def catalogue_versions(store: Store) -> list[CatalogueVersion]:
    """All versions, oldest first."""
    item_counts = (
        select(CatalogueItemRow.catalogue_id, func.count().label("n"))
        .group_by(CatalogueItemRow.catalogue_id)
        .subquery()
    )
    publication_counts = (
        select(CatalogueItemRow.catalogue_id, func.count(PublicationRow.id).label("n"))
        .join(PublicationRow, PublicationRow.item_id == CatalogueItemRow.id)
        .group_by(CatalogueItemRow.catalogue_id)
        .subquery()
    )
    query = (
        select(CatalogueRow, item_counts.c.n, publication_counts.c.n)
        .outerjoin(item_counts, item_counts.c.catalogue_id == CatalogueRow.id)
        .outerjoin(publication_counts, publication_counts.c.catalogue_id == CatalogueRow.id)
        .order_by(CatalogueRow.id)
    )
    with store.transaction() as session:
        return [
            CatalogueVersion(
                number=row.id,
                title=row.title,
                label=row.version,
                effective_on=row.effective_on,
                imported_at=row.imported_at,
                source=row.source,
                active=row.active,
                items=items or 0,
                publications=publications or 0,
            )
            for row, items, publications in session.execute(query).all()
        ]


def catalogue_version(store: Store, number: int) -> Catalogue:
    """One version with its items; items of a replaced version carry its number (old_version)."""
    with store.transaction() as session:
        row = session.get(CatalogueRow, number)
        if row is None:
            known = session.scalars(select(CatalogueRow.id).order_by(CatalogueRow.id)).all()
            listed = "、".join(str(n) for n in known) or "无"
            raise StoreError(f"没有第 {number} 版目录（已有的版本：{listed}）。")
        old_version = None if row.active else row.id
        return Catalogue(
            title=row.title,
            items=tuple(item_from_row(i, old_version) for i in row.items),
            version=row.version,
            effective_on=row.effective_on,
            id=row.id,
        )
