"""Write a catalogue as a plain Excel sheet a supervisor can read and print, and the importer reads back.

Every row is written in full (no merged hierarchy cells), so the sheet sorts and filters well; a marker
in the workbook properties tells the importer that a blank cell here really is blank.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.domain.errors import DisclosureDeskError, os_error_text
from disclosure_desk.io.atomic import atomic_write
from disclosure_desk.io.catalogue_header import Role, classify
from disclosure_desk.io.catalogue_xlsx import EFFECTIVE_PROPERTY, EXPORT_MARKER, VERSION_PROPERTY

_FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRED = Alignment(wrap_text=True, horizontal="center", vertical="center")

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


def _safe(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def build_workbook(catalogue: Catalogue) -> Workbook:
    levels, others = _extra_headers(catalogue)
    columns = [*_FIELDS, *((k, 14) for k in levels), *_TAIL, *((k, 16) for k in others)]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "主动公开基本目录"
    width = len(columns)
    sheet.cell(row=1, column=1, value=_safe(catalogue.title)).font = Font(name=_FONT, size=16, bold=True)
    sheet.cell(row=1, column=1).alignment = _CENTRED
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 32
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for index, (header, chars) in enumerate(columns, start=1):
        cell = sheet.cell(row=2, column=index, value=header)
        cell.font = Font(name=_FONT, size=11, bold=True)
        cell.alignment = _CENTRED
        cell.fill = header_fill
        cell.border = _BORDER
        sheet.column_dimensions[get_column_letter(index)].width = chars + 2
    body_font = Font(name=_FONT, size=10)
    for row, item in enumerate(catalogue.items, start=3):
        for column, value in enumerate(_values(item, levels, others), start=1):
            cell = sheet.cell(row=row, column=column, value=_safe(value))
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text that merely looks like a formula stays text
            cell.font = body_font
            cell.alignment = _WRAP
            cell.border = _BORDER
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.properties.title = catalogue.title
    workbook.properties.creator = "Disclosure Desk"
    workbook.properties.keywords = EXPORT_MARKER
    workbook.custom_doc_props.append(StringProperty(name=VERSION_PROPERTY, value=catalogue.version))
    effective = catalogue.effective_on.isoformat() if catalogue.effective_on else ""
    workbook.custom_doc_props.append(StringProperty(name=EFFECTIVE_PROPERTY, value=effective))
    return workbook


def export_catalogue_xlsx(catalogue: Catalogue, path: Path) -> None:
    """Write the catalogue to `path`; a failed write leaves any previous file untouched."""
    path = Path(path)
    workbook = build_workbook(catalogue)
    try:
        atomic_write(path, workbook.save, suffix=".xlsx")
    except OSError as error:
        raise DisclosureDeskError(f"无法写入“{path}”：{os_error_text(error)}。") from error
