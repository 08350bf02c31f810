"""The JSON record contract, the canonical catalogue file and data/catalogue.json."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.domain.errors import CatalogueFormatError
from disclosure_desk.io.catalogue_import import import_catalogue
from disclosure_desk.io.catalogue_json import (
    catalogue_to_records,
    dumps_catalogue,
    main,
    read_catalogue_json,
    write_catalogue_json,
)

REPO = Path(__file__).parents[2]
CANONICAL = REPO / "data" / "catalogue.json"
RECORD_KEYS = [
    "number",
    "process",
    "category",
    "subcategory",
    "content",
    "basis",
    "time_limit",
    "publisher",
    "channels",
    "audience",
    "mode",
    "extra",
]


@pytest.fixture(scope="module")
def seed() -> Catalogue:
    return import_catalogue(REPO / "tests" / "fixtures" / "seed_catalogue.txt")


def test_data_catalogue_json_is_what_the_importer_makes_of_the_seed(seed: Catalogue) -> None:
    """If this fails, regenerate: python -m disclosure_desk.io.catalogue_json SEED.txt data/catalogue.json"""
    assert CANONICAL.read_text(encoding="utf-8") == dumps_catalogue(seed)


def test_data_catalogue_json_reads_back_as_the_seed(seed: Catalogue) -> None:
    catalogue = read_catalogue_json(CANONICAL)
    assert catalogue == seed
    assert catalogue.title == "周村区科技局政务公开主动公开基本目录"
    assert catalogue.warnings == seed.warnings


def test_records_contract(seed: Catalogue) -> None:
    records = catalogue_to_records(seed)
    assert isinstance(records, list) and len(records) == 33
    for position, record in enumerate(records, start=1):
        assert list(record) == RECORD_KEYS
        assert record["number"] == position and type(record["number"]) is int
        for key in RECORD_KEYS[1:8]:
            assert isinstance(record[key], str)
        assert record["channels"] and all(isinstance(c, str) for c in record["channels"])
        assert record["audience"] == ["全社会"] and record["mode"] == ["主动"]
        assert record["extra"] == {}
    assert records[4]["subcategory"] == ""
    assert records[21]["channels"] == ["政府网站", "公开查阅点", "政务服务中心"]
    json.dumps(records, ensure_ascii=False)  # plain JSON types only


def test_records_carry_extra_columns() -> None:
    item = CatalogueItem(7, "", "甲", "", "内容", "", "及时", "局", ("发布会", "抖音"), mode=("依申请公开",))
    item = replace(item, extra={"公开时长": "长期"})
    (record,) = catalogue_to_records(Catalogue(title="t", items=(item,)))
    assert record["process"] == "" and record["subcategory"] == ""
    assert record["channels"] == ["发布会", "抖音"]
    assert record["extra"] == {"公开时长": "长期"}


def test_canonical_file_layout(seed: Catalogue, tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    write_catalogue_json(replace(seed, version="2026版", effective_on=date(2026, 3, 1)), path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "\\u" not in text
    document = json.loads(text)
    assert list(document) == ["format", "format_version", "title", "version", "effective_on", "items"]
    assert document["format"] == "disclosure-desk-catalogue" and document["format_version"] == 1
    assert document["effective_on"] == "2026-03-01"
    assert text.startswith('{\n  "format": "disclosure-desk-catalogue",\n')
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_canonical_round_trip(seed: Catalogue, tmp_path: Path) -> None:
    original = replace(seed, version="v2", effective_on=date(2026, 1, 1))
    path = tmp_path / "c.json"
    write_catalogue_json(original, path)
    assert read_catalogue_json(path) == original
    assert import_catalogue(path) == original


def test_generator_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "catalogue.json"
    assert main([str(REPO / "tests" / "fixtures" / "seed_catalogue.txt"), str(target)]) == 0
    assert target.read_bytes() == CANONICAL.read_bytes()
    assert "33" in capsys.readouterr().out


def test_generator_refuses_bad_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.txt"), str(tmp_path / "out.json")]) == 1
    assert "文件不存在" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def _document(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(CANONICAL.read_text(encoding="utf-8"))
    document.update(changes)
    return document


def _item(**changes: Any) -> dict[str, Any]:
    item = dict(_document()["items"][0])
    item.update(changes)
    return item


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "不完整或格式有误"),
        ("[1, 2]", "不是本程序的目录文件"),
        (json.dumps({"format": "other"}), "不是本程序的目录文件"),
        (json.dumps(_document(format_version=2)), "更新版本"),
        (json.dumps(_document(format_version="1")), "格式版本"),
        (json.dumps(_document(items=[])), "没有任何公开事项"),
        (json.dumps(_document(title=3)), "title"),
        (json.dumps(_document(effective_on="2026-02-30")), "生效日期"),
        (json.dumps(_document(items=["x"])), "第1个事项不是对象"),
        (json.dumps(_document(items=[_item(number="1")])), "整数序号"),
        (json.dumps(_document(items=[_item(number=True)])), "整数序号"),
        (json.dumps(_document(items=[_item(content=None)])), "content"),
        (json.dumps(_document(items=[_item(channels="政府网站")])), "channels"),
        (json.dumps(_document(items=[_item(audience=["公众"])])), "公众"),
        (json.dumps(_document(items=[_item(mode=["被动"])])), "被动"),
        (json.dumps(_document(items=[_item(extra={"a": 1})])), "extra"),
        ("[" * 100_000, "不完整或格式有误"),
    ],
)
def test_bad_canonical_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    for reader in (read_catalogue_json, import_catalogue):
        with pytest.raises(CatalogueFormatError, match=message) as caught:
            reader(path)
        assert "bad.json" in str(caught.value)


def test_missing_canonical_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogueFormatError, match="文件不存在"):
        read_catalogue_json(tmp_path / "none.json")
