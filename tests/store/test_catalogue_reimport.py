"""Re-importing a catalogue: items are matched by number and content, ambiguity is refused (or kept apart
on request), and every old version can still be looked at."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from disclosure_desk.cli import main
from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.domain.errors import CatalogueMatchError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.io.catalogue_json import write_catalogue_json
from disclosure_desk.store.catalogue_versions import catalogue_version, catalogue_versions
from disclosure_desk.store.repository import Store

TWINS = "自该信息形成或者变更之日起20个工作日内"


def _with_twins(catalogue: Catalogue) -> Catalogue:
    """Items 12 and 13 with the same path and content but different time limits, as real catalogues have."""
    items = list(catalogue.items)
    twelve = next(i for i in items if i.number == 12)
    at = next(n for n, i in enumerate(items) if i.number == 13)
    items[at] = replace(twelve, number=13, time_limit=TWINS, id=None)
    return replace(catalogue, items=tuple(replace(i, id=None) for i in items), version="修订版")


def _record_on(store: Store, number: int) -> Publication:
    item = store.active_catalogue().item_by_number(number)
    assert item is not None and item.id is not None
    return store.add_publication(
        Publication(
            item_id=item.id,
            title=f"事项{number}的记录",
            formed_on=date(2026, 11, 2),
            approved_on=date(2026, 11, 2),
        )
    )


def _number_and_due(store: Store) -> list[tuple[str, date | None]]:
    return [(r.item.number_label, r.due.due_on) for r in store.publication_records()]


def test_reimporting_the_same_catalogue_moves_no_record_between_look_alike_items(store: Store) -> None:
    catalogue = _with_twins(store.active_catalogue())
    store.import_catalogue(catalogue)
    _record_on(store, 12)
    _record_on(store, 13)
    before = _number_and_due(store)
    result = store.import_catalogue(catalogue)
    assert _number_and_due(store) == before
    assert [n for n, _ in before] == ["12", "13"]
    assert (result.relinked, result.stranded, result.ambiguous) == (2, 0, ())


def test_ambiguous_items_carrying_records_are_refused_and_nothing_changes(store: Store) -> None:
    store.import_catalogue(_with_twins(store.active_catalogue()))
    _record_on(store, 12)
    versions = len(catalogue_versions(store))
    renumbered = _with_twins(store.active_catalogue())
    renumbered = replace(
        renumbered,
        items=tuple(
            replace(i, number=i.number + 100) if i.number in (12, 13) else i for i in renumbered.items
        ),
    )
    with pytest.raises(CatalogueMatchError) as error:
        store.import_catalogue(renumbered)
    assert len(error.value.problems) == 1  # only item 12 carries anything
    assert "旧目录序号 12" in error.value.problems[0] and "不止一个" in error.value.problems[0]
    assert len(catalogue_versions(store)) == versions
    assert [n for n, _ in _number_and_due(store)] == ["12"]
    # the officer accepts: the record stays on the old item, which says so
    result = store.import_catalogue(renumbered, keep_ambiguous=True)
    assert result.stranded == 1 and len(result.ambiguous) == 1
    label = _number_and_due(store)[0][0]
    assert label == f"12（旧版目录 第{versions}版）"


def test_a_renumbered_item_takes_its_records_along(store: Store) -> None:
    _record_on(store, 20)
    old = store.active_catalogue()
    content_of_20 = old.item_by_number(20).content  # type: ignore[union-attr]
    shifted = replace(
        old,
        items=tuple(
            replace(i, id=None, number=i.number + 1 if i.number >= 5 else i.number) for i in old.items
        ),
    )
    result = store.import_catalogue(shifted)
    record = store.publication_records()[0]
    assert record.item.number_label == "21" and record.item.content == content_of_20
    assert result.renumbered >= 1


def test_old_versions_can_be_listed_and_exported(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = store.active_catalogue()
    store.import_catalogue(_with_twins(first), source="修订.json")
    versions = catalogue_versions(store)
    assert [(v.number, v.active) for v in versions] == [(1, False), (2, True)]
    assert versions[0].name.startswith("第1版（旧版）") and versions[1].items == len(first.items)
    old = catalogue_version(store, 1)
    assert [i.content for i in old.items] == [i.content for i in first.items]
    assert all(i.old_version == 1 for i in old.items)
    store.close()
    capsys.readouterr()
    assert main(["--db", str(db_path), "catalogue", "export", "--version", "1"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [r["content"] for r in exported] == [i.content for i in first.items]
    assert main(["--db", str(db_path), "catalogue", "versions"]) == 0
    out = capsys.readouterr().out
    assert "第1版（旧版）" in out and "第2版（当前）修订版" in out
    assert main(["--db", str(db_path), "catalogue", "export", "--version", "9"]) == 1
    assert "没有第 9 版目录（已有的版本：1、2）" in capsys.readouterr().err


def test_the_command_line_refuses_an_ambiguous_import_and_keeps_it_apart_on_request(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.import_catalogue(_with_twins(store.active_catalogue()))
    _record_on(store, 13)
    changed = store.active_catalogue()
    changed = replace(
        changed,
        items=tuple(
            replace(i, id=None, content="改写后的内容。") if i.number == 13 else replace(i, id=None)
            for i in changed.items
        ),
    )
    store.close()
    target = tmp_path / "新目录.json"
    write_catalogue_json(changed, target)
    capsys.readouterr()
    assert main(["--db", str(db_path), "catalogue", "import", str(target)]) == 1
    err = capsys.readouterr().err
    assert "旧目录序号 13" in err and "内容已改变" in err and "--keep-ambiguous" in err
    assert main(["--db", str(db_path), "catalogue", "import", str(target), "--keep-ambiguous"]) == 0
    assert "旧版目录" in capsys.readouterr().out
    assert main(["--db", str(db_path), "publication", "list"]) == 0
    assert "13（旧版目录 第2版）" in capsys.readouterr().out
