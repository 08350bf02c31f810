"""The catalogue as JSON: the record list scripts rely on, and our canonical catalogue file.

The canonical file (data/catalogue.json) is generated from the seed text by the importer:

    python -m disclosure_desk.io.catalogue_json SEED.txt data/catalogue.json

Key order is fixed and the text is indented with a trailing newline, so a change shows up cleanly in git.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from disclosure_desk.domain.catalogue import AUDIENCES, MODES, Catalogue, CatalogueItem
from disclosure_desk.domain.errors import DisclosureDeskError, os_error_text
from disclosure_desk.io.atomic import atomic_write_text
from disclosure_desk.io.catalogue_errors import FormatProblem, refusal
from disclosure_desk.io.catalogue_review import review_items
from disclosure_desk.io.catalogue_xlsx_export import export_catalogue_xlsx

FORMAT_NAME = "disclosure-desk-catalogue"
FORMAT_VERSION = 1

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "catalogue_from_json_bytes",
    "catalogue_to_records",
    "export_catalogue_xlsx",
    "read_catalogue_json",
    "write_catalogue_json",
]


def item_to_record(item: CatalogueItem) -> dict[str, Any]:
    return {
        "number": item.number,
        "process": item.process,
        "category": item.category,
        "subcategory": item.subcategory,
        "content": item.content,
        "basis": item.basis,
        "time_limit": item.time_limit,
        "publisher": item.publisher,
        "channels": list(item.channels),
        "audience": list(item.audience),
        "mode": list(item.mode),
        "extra": dict(item.extra),
    }


def catalogue_to_records(catalogue: Catalogue) -> list[dict[str, Any]]:
    """The items in catalogue order, as plain JSON-ready dicts (the `catalogue export` contract)."""
    return [item_to_record(item) for item in catalogue.items]


def catalogue_to_document(catalogue: Catalogue) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "title": catalogue.title,
        "version": catalogue.version,
        "effective_on": catalogue.effective_on.isoformat() if catalogue.effective_on else None,
        "items": catalogue_to_records(catalogue),
    }


def dumps_catalogue(catalogue: Catalogue) -> str:
    return json.dumps(catalogue_to_document(catalogue), ensure_ascii=False, indent=2) + "\n"


def write_catalogue_json(catalogue: Catalogue, path: Path) -> None:
    """Write the canonical file; a failed write leaves any previous file untouched."""
    path = Path(path)
    text = dumps_catalogue(catalogue)
    try:
        atomic_write_text(path, text)
    except OSError as error:
        raise DisclosureDeskError(f"无法写入目录文件“{path}”：{os_error_text(error)}。") from error


def _text(record: Mapping[str, Any], key: str, where: str) -> str:
    value = record.get(key, "")
    if not isinstance(value, str):
        raise FormatProblem(f"{where}的“{key}”应是文字。")
    return value


def _words(
    record: Mapping[str, Any], key: str, where: str, allowed: Sequence[str] | None = None
) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatProblem(f"{where}的“{key}”应是文字列表。")
    if allowed is not None:
        unknown = [v for v in value if v not in allowed]
        if unknown:
            raise FormatProblem(
                f"{where}的“{key}”含有无法识别的值“{unknown[0]}”（可用：{'、'.join(allowed)}）。"
            )
    return tuple(value)


def record_to_item(record: Any, position: int) -> CatalogueItem:
    where = f"第{position}个事项"
    if not isinstance(record, dict):
        raise FormatProblem(f"{where}不是对象。")
    number = record.get("number")
    if not isinstance(number, int) or isinstance(number, bool):
        raise FormatProblem(f"{where}缺少整数序号“number”。")
    extra = record.get("extra", {})
    if not isinstance(extra, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in extra.items()
    ):
        raise FormatProblem(f"{where}的“extra”应是“列名: 文字”的对象。")
    return CatalogueItem(
        number=number,
        process=_text(record, "process", where),
        category=_text(record, "category", where),
        subcategory=_text(record, "subcategory", where),
        content=_text(record, "content", where),
        basis=_text(record, "basis", where),
        time_limit=_text(record, "time_limit", where),
        publisher=_text(record, "publisher", where),
        channels=_words(record, "channels", where),
        audience=_words(record, "audience", where, AUDIENCES),
        mode=_words(record, "mode", where, MODES),
        extra=dict(extra),
    )


def _document_to_catalogue(document: Any) -> Catalogue:
    if isinstance(document, list) and document and all(isinstance(r, dict) for r in document):
        # the bare record list that `catalogue export` prints to standard output
        document = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "items": document}
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise FormatProblem(
            '这个 JSON 文件不是本程序的目录文件（缺少 "format": "disclosure-desk-catalogue"）。'
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatProblem("目录文件缺少有效的格式版本“format_version”。")
    if version > FORMAT_VERSION:
        raise FormatProblem(f"目录文件的格式版本为 {version}，是更新版本的程序生成的，请先升级本程序。")
    items = document.get("items")
    if not isinstance(items, list) or not items:
        raise FormatProblem("目录文件中没有任何公开事项（“items”为空或缺失）。")
    title, catalogue_version = document.get("title", ""), document.get("version", "")
    if not isinstance(title, str) or not isinstance(catalogue_version, str):
        raise FormatProblem("目录文件的“title”和“version”应是文字。")
    effective = document.get("effective_on")
    effective_on: date | None = None
    if effective is not None:
        try:
            effective_on = date.fromisoformat(effective) if isinstance(effective, str) else None
        except ValueError:
            effective_on = None
        if effective_on is None:
            raise FormatProblem(f"目录文件的生效日期“{effective}”不是 YYYY-MM-DD 格式的日期。")
    parsed = tuple(record_to_item(record, i) for i, record in enumerate(items, start=1))
    return Catalogue(
        title=title,
        items=parsed,
        warnings=tuple(review_items(parsed)),
        version=catalogue_version,
        effective_on=effective_on,
    )


def catalogue_from_json_bytes(data: bytes) -> Catalogue:
    """Parse the canonical file's bytes. Raises FormatProblem (the caller names the file)."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FormatProblem("JSON 文件不是 UTF-8 编码。") from error
    except (json.JSONDecodeError, RecursionError) as error:
        raise FormatProblem("JSON 文件不完整或格式有误，无法解析。") from error
    return _document_to_catalogue(document)


def read_catalogue_json(path: Path) -> Catalogue:
    """Read the canonical catalogue file; raises CatalogueFormatError naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise refusal(path, "文件不存在。") from None
    except OSError as error:
        raise refusal(path, f"读取文件时出错（{os_error_text(error)}）。") from None
    try:
        return catalogue_from_json_bytes(data)
    except FormatProblem as problem:
        raise refusal(path, problem.reason) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the canonical catalogue file from a catalogue the importer can read."""
    from disclosure_desk.io.catalogue_import import import_catalogue

    parser = argparse.ArgumentParser(description="从目录文件（.txt/.docx/.xlsx）生成规范的 catalogue.json")
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--title", help="目录标题（默认取文件中的标题）")
    args = parser.parse_args(argv)
    try:
        catalogue = import_catalogue(args.source)
        if args.title:
            catalogue = replace(catalogue, title=args.title)
        write_catalogue_json(catalogue, args.target)
    except DisclosureDeskError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"已写入 {args.target}：{len(catalogue.items)} 项。")
    for warning in catalogue.warnings:
        print(f"  警告：{warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
