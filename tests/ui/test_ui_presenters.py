"""What the window loads, checked without widgets: the fast register query and the open-work summary."""

from __future__ import annotations

from datetime import date

from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Status
from disclosure_desk.store.queries import bulk_add_publications
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.presenters import OpenWork, index_suggester, load_register, open_work_by_item

TODAY = date(2026, 11, 25)


def _item_id(store: Store, number: int) -> int:
    item = store.active_catalogue().item_by_number(number)
    assert item is not None and item.id is not None
    return item.id


def test_fast_records_equal_the_store_s_own(store: Store) -> None:
    publications = [
        Publication(
            item_id=_item_id(store, 1), title="a", formed_on=date(2026, 11, 2), channels=CHANNELS[:2]
        ),
        Publication(item_id=_item_id(store, 12), title="b", approved_on=date(2026, 9, 30)),
        Publication(
            item_id=_item_id(store, 16), title="c", formed_on=date(2026, 11, 2), changed_on=date(2026, 11, 6)
        ),
        Publication(item_id=_item_id(store, 18), title="d", due_on_manual=date(2026, 12, 1)),
        Publication(item_id=_item_id(store, 1), title="e"),
        Publication(item_id=_item_id(store, 1), title="f", formed_on=date(2026, 11, 2)),  # same dates as "a"
    ]
    assert bulk_add_publications(store, publications) == len(publications)
    deleted = store.add_publication(Publication(item_id=_item_id(store, 2), title="gone"))
    assert deleted.id is not None
    store.delete_publication(deleted.id)
    # the fast path for all live records agrees with evaluating each publication on its own
    assert store.publication_records() == store.publication_records(store.publications())


def test_open_work_counts_unpublished_and_keeps_the_worst_state(store: Store) -> None:
    item = _item_id(store, 1)
    store.add_publication(Publication(item_id=item, title="due soon", formed_on=date(2026, 11, 2)))
    store.add_publication(Publication(item_id=item, title="overdue", formed_on=date(2026, 9, 1)))
    store.add_publication(
        Publication(
            item_id=item,
            title="done",
            formed_on=date(2026, 9, 1),
            published_on=date(2026, 9, 3),
            channels=("政府网站",),
        )
    )
    rows = load_register(store, TODAY)
    assert open_work_by_item(rows) == {item: OpenWork(2, Status.OVERDUE)}


def test_index_suggester_counts_numbers_in_use(store: Store) -> None:
    code = "11370303MB2854721X"
    store.add_publication(
        Publication(item_id=_item_id(store, 1), title="x", index_number=f"{code}/2026-00007")
    )
    suggest = index_suggester(code, load_register(store, TODAY))
    assert suggest(2026) == f"{code}/2026-00008"
    assert index_suggester("", [])(2026) == ""
