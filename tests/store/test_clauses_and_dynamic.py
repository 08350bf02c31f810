"""A publication's clause decides its due date; the officer's 动态 mark is kept, audited and carried over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.domain.due import due_date
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.repository import Store

CLAUSES = "执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开"


def _due(store: Store, publication: Publication) -> date | None:
    item = store.item(publication.item_id)
    return due_date(publication, item, store.calendar(), store.settings()).due_on


def _catalogue(time_limit: str) -> Catalogue:
    items = (
        CatalogueItem(1, "执行", "行政执法", "处罚", "执法信息", "《条例》", time_limit, "某局"),
        CatalogueItem(2, "执行", "工作动态", "", "本局动态", "《条例》", "长期公开", "某局"),
    )
    return Catalogue("某局目录", items)


def test_the_clause_decides_the_due_date(store: Store) -> None:
    item = store.import_catalogue(_catalogue(CLAUSES)).catalogue.items[0]
    assert item.id is not None
    formed = date(2026, 11, 2)  # a Monday
    general = store.add_publication(Publication(item.id, "一般信息", formed_on=formed))
    decision = store.add_publication(Publication(item.id, "处罚决定", formed_on=formed, clause=1))
    dues = {r.publication.title: r.due.due_on for r in store.publication_records()}
    assert dues == {"一般信息": date(2026, 11, 30), "处罚决定": date(2026, 11, 11)}
    assert store.publication(decision.id or 0).clause == 1 and general.clause is None
    # the officer moves the record to clause 2 (the general one): its due date follows
    store.update_publication(replace(store.publication(decision.id or 0), clause=2))
    assert _due(store, store.publication(decision.id or 0)) == date(2026, 11, 30)


def test_a_clause_a_revised_catalogue_no_longer_has_falls_back_to_the_default(store: Store) -> None:
    item = store.import_catalogue(_catalogue(CLAUSES)).catalogue.items[0]
    assert item.id is not None
    saved = store.add_publication(Publication(item.id, "处罚决定", formed_on=date(2026, 11, 2), clause=1))
    revised = store.import_catalogue(_catalogue("信息形成后,20个工作日内公开")).catalogue.items[0]
    moved = store.publication(saved.id or 0)
    assert moved.item_id == revised.id and moved.clause == 1  # what the officer chose is kept …
    assert _due(store, moved) == date(2026, 11, 30)  # … the one clause left is used


def test_the_dynamic_mark_is_audited_and_carried_to_a_revised_catalogue(store: Store) -> None:
    news = store.import_catalogue(_catalogue(CLAUSES)).catalogue.items[1]
    assert news.id is not None and not news.dynamic
    store.set_item_dynamic(news.id, True)
    assert store.item(news.id).dynamic
    history = store.audit_history("catalogue_item", news.id)
    assert history[-1].before == {"dynamic": False} and history[-1].after == {"dynamic": True}
    revised = store.import_catalogue(_catalogue(CLAUSES)).catalogue.items[1]
    assert revised.id != news.id and revised.dynamic


def test_the_store_refuses_a_clause_the_text_does_not_have(store: Store) -> None:
    item = store.import_catalogue(_catalogue(CLAUSES)).catalogue.items[0]
    assert item.id is not None
    with pytest.raises(ValidationError, match="只有 2 个条款，没有条款3") as refused:
        store.add_publication(Publication(item.id, "处罚决定", formed_on=date(2026, 11, 2), clause=3))
    assert refused.value.field == "clause"


def test_a_clause_left_behind_by_a_revised_catalogue_never_blocks_an_edit(store: Store) -> None:
    item = store.import_catalogue(_catalogue(CLAUSES)).catalogue.items[0]
    assert item.id is not None
    saved = store.add_publication(Publication(item.id, "处罚决定", formed_on=date(2026, 11, 2), clause=2))
    store.import_catalogue(_catalogue("信息形成后,20个工作日内公开"))  # one clause now
    moved = store.publication(saved.id or 0)
    assert moved.clause == 2
    edited = store.update_publication(replace(moved, title="处罚决定（更正）"))
    assert edited.title == "处罚决定（更正）" and _due(store, edited) == date(2026, 11, 30)
