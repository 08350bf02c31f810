"""Write a catalogue as a plain Excel sheet a supervisor can read and print, and the importer reads back.

Every row is written in full (no merged hierarchy cells), so the sheet sorts and filters well; a marker
in the workbook properties tells the importer that a blank cell here really is blank.
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path
from typing import Any

from openpyxl.packaging.custom import StringProperty

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.io.catalogue_header import Role, classify
from disclosure_desk.io.catalogue_xlsx import EFFECTIVE_PROPERTY, EXPORT_MARKER, VERSION_PROPERTY
from disclosure_desk.io.xlsx_writer import Book, Column, Kind, PageSetup

SHEET_TITLE = "主动公开基本目录"

# (header, width in characters, value of an item). Headers are the ones the importer recognises.
_FIELDS: tuple[tuple[str, int], ...] = (
    ("序号", 6),
    ("过程", 10),
    ("一级目录", 14),
    ("二级目录", 16),
)
_TAIL: tuple[tuple[str, int], ...] = (
    ("公开内容（要素）", 40),
    ("公开依据", 40),
    ("公开时限", 22),
    ("公开主体", 12),
    ("公开渠道和载体", 22),
    ("公开对象", 10),
    ("公开方式", 10),
)


def _extra_headers(catalogue: Catalogue) -> tuple[list[str], list[str]]:
    """Extra columns in first-seen order: deeper hierarchy levels (三级目录…) first, the rest at the end."""
    keys = list(dict.fromkeys(k for item in catalogue.items for k in item.extra))
    levels = [k for k in keys if (m := classify(k)) is not None and m.role is Role.LEVEL and m.level >= 3]
    return levels, [k for k in keys if k not in levels]


def _values(item: CatalogueItem, levels: list[str], others: list[str]) -> list[Any]:
    return [
        item.number,
        item.process,
        item.category,
        item.subcategory,
        *(item.extra.get(k, "") for k in levels),
        item.content,
        item.basis,
        item.time_limit,
        item.publisher,
        "、".join(item.channels),
        "、".join(item.audience),
        "、".join(item.mode),
        *(item.extra.get(k, "") for k in others),
    ]


def build_book(catalogue: Catalogue) -> Book:
    """Title (row 1), header (row 2, the print titles), one row per item; every cell safe text."""
    levels, others = _extra_headers(catalogue)
    fields = [*_FIELDS, *((k, 14) for k in levels), *_TAIL, *((k, 16) for k in others)]
    book = Book(title=catalogue.title, creator="Disclosure Desk")
    book.wb.properties.keywords = EXPORT_MARKER
    book.wb.custom_doc_props.append(StringProperty(name=VERSION_PROPERTY, value=catalogue.version))
    effective = catalogue.effective_on.isoformat() if catalogue.effective_on else ""
    book.wb.custom_doc_props.append(StringProperty(name=EFFECTIVE_PROPERTY, value=effective))
    widths = [chars + 2 for _header, chars in fields]
    sheet = book.sheet(SHEET_TITLE, widths, PageSetup(landscape=True, header_right=SHEET_TITLE))
    sheet.freeze_below(2)
    sheet.title(catalogue.title)
    columns = [
        Column[list[Any]](name, Kind.INT if n == 0 else Kind.TEXT, itemgetter(n))
        for n, (name, _chars) in enumerate(fields)
    ]
    sheet.table(columns, [_values(item, levels, others) for item in catalogue.items])
    return book


def export_catalogue_xlsx(catalogue: Catalogue, path: Path) -> None:
    """Write the catalogue to `path`; a failed write leaves any previous file untouched."""
    build_book(catalogue).save(Path(path), what="目录")
