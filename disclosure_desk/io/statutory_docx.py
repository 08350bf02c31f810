"""The 政府信息公开工作年度报告 as a Word document, laid out the way bureaus publish it.

Page and type follow 党政机关公文格式 (GB/T 9704-2012) as the published reports use it: A4, margins
37/35/28/26 mm, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 on a 28 pt line, section headings in
黑体, sub-headings in 楷体_GB2312, page numbers "— 1 —" at the outer edge of the foot. The three tables
have the merged header cells of 国办公开办函〔2021〕30号 (docs/statutory-annual-report.md).

Fonts are named on the East Asian slot (w:eastAsia, which is what Chinese text is drawn with) and listed in
the document's font table with an alternative, so a computer without 方正小标宋简体 or the GB2312 fonts
shows 宋体 / 仿宋 / 楷体 instead of an arbitrary substitute.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from disclosure_desk.domain.statutory_layout import Grid, Role, table2_grid, table3_grid, table4_grid
from disclosure_desk.domain.statutory_report import StatutoryReport
from disclosure_desk.domain.statutory_tables import REPORT_TITLE_SUFFIX, SECTION_TITLES
from disclosure_desk.io.report_file import save_report_file, with_suffix

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING = "黑体"
FONT_SUBHEADING = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"
# What Word shows when the named font is not installed (w:altName in the font table).
FALLBACK_FONTS: dict[str, str] = {
    FONT_TITLE: "宋体",
    FONT_BODY: "仿宋",
    FONT_SUBHEADING: "楷体",
    FONT_HEADING: "SimHei",
    FONT_PAGE_NUMBER: "SimSun",
}

STYLE_TITLE = "报告标题"
STYLE_HEADING = "报告一级标题"
STYLE_SUBHEADING = "报告二级标题"
STYLE_CELL = "表格文字"
STYLE_CELL_LABEL = "表格标签"
STYLE_PAGE_NUMBER = "页码"

BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
CELL_SIZE = Pt(10.5)  # 五号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28)  # 22 lines to the page, as GB/T 9704 sets it
INDENT = Pt(32)  # two characters of 三号

# A line of its own that is a sub-heading: "（一）主动公开情况".
_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）[^。；，]{0,24}$")


def write_statutory_docx(path: Path, report: StatutoryReport, *, signed_on: date | None = None) -> Path:
    """Write the report to `path` (".docx" added if missing) atomically; ReportError in Chinese on failure.

    `signed_on` is the date under the bureau's name at the end (落款); the real date by default.
    """
    document = build_document(report, signed_on or date.today())
    return save_report_file(with_suffix(path, ".docx"), document.save)


def build_document(report: StatutoryReport, signed_on: date | None = None) -> Any:
    document = Document()
    _page_setup(document)
    _styles(document)
    _font_table(document)
    _page_numbers(document)
    _core_properties(document, report)

    title = document.add_paragraph(style=STYLE_TITLE)
    title.add_run(report.bureau)
    title.add_run().add_break()
    title.add_run(f"{report.year}年{REPORT_TITLE_SUFFIX}")
    document.add_paragraph(style=STYLE_TITLE)  # the blank line under the title

    _prose(document, report.prose.preamble)
    document.add_paragraph(SECTION_TITLES[0], style=STYLE_HEADING)
    _prose(document, report.prose.overview)
    document.add_paragraph(SECTION_TITLES[1], style=STYLE_HEADING)
    _draw(document, table2_grid(report.section2))
    document.add_paragraph(SECTION_TITLES[2], style=STYLE_HEADING)
    _draw(document, table3_grid(report.table3))
    document.add_paragraph(SECTION_TITLES[3], style=STYLE_HEADING)
    _draw(document, table4_grid(report.section4))
    document.add_paragraph(SECTION_TITLES[4], style=STYLE_HEADING)
    _prose(document, report.prose.problems)
    document.add_paragraph(SECTION_TITLES[5], style=STYLE_HEADING)
    _prose(document, report.prose.other)
    if signed_on is not None:
        _signature(document, report.bureau, signed_on)
    return document


def _signature(document: Any, bureau: str, day: date) -> None:
    """The 落款: a blank line, then the bureau and the date, right-aligned as published reports end."""
    document.add_paragraph()
    for text in (bureau, f"{day.year}年{day.month}月{day.day}日"):
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = INDENT


def _prose(document: Any, text: str) -> None:
    subheading = document.styles[STYLE_SUBHEADING]
    for line in text.splitlines():
        line = line.strip()
        if line:
            document.add_paragraph(line, style=subheading if _SUBHEADING.match(line) else None)


# --- page, styles, fonts ------------------------------------------------------------------------------


def _page_setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    # the page number sits about 7 mm below the last line of text
    section.footer_distance = Mm(24)


def _set_fonts(element: Any, name: str) -> None:
    """Name `name` for every script on a style's or run's rPr, replacing theme fonts (which would win)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme") or attribute.endswith("theme"):
            del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _paragraph_style(
    document: Any,
    name: str,
    font: str,
    size: Pt,
    *,
    align: int | None = None,
    indent: Pt | None = None,
    line: Pt | None = None,
) -> Any:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.font.size = size
    _set_fonts(style.element, font)
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if indent is not None:
        fmt.first_line_indent = indent
    if line is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line
    return style


def _styles(document: Any) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    rpr_default.remove(fonts)
    rpr_default.insert(
        0,
        parse_xml(
            f'<w:rFonts {nsdecls("w")} w:ascii="{FONT_BODY}" w:hAnsi="{FONT_BODY}" '
            f'w:eastAsia="{FONT_BODY}" w:cs="{FONT_BODY}"/>'
        ),
    )
    lang = rpr_default.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ppr_default.remove(ppr_default.find(qn("w:spacing")))

    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _set_fonts(normal.element, FONT_BODY)
    fmt = normal.paragraph_format
    fmt.first_line_indent = INDENT
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True

    _paragraph_style(
        document,
        STYLE_TITLE,
        FONT_TITLE,
        TITLE_SIZE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=Pt(0),
        line=Pt(36),
    )
    heading = _paragraph_style(document, STYLE_HEADING, FONT_HEADING, BODY_SIZE)
    heading.paragraph_format.keep_with_next = True
    sub = _paragraph_style(document, STYLE_SUBHEADING, FONT_SUBHEADING, BODY_SIZE)
    sub.paragraph_format.keep_with_next = True
    for name, align in ((STYLE_CELL, WD_ALIGN_PARAGRAPH.CENTER), (STYLE_CELL_LABEL, WD_ALIGN_PARAGRAPH.LEFT)):
        cell = _paragraph_style(document, name, FONT_BODY, CELL_SIZE, align=align, indent=Pt(0))
        cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _paragraph_style(
        document, STYLE_PAGE_NUMBER, FONT_PAGE_NUMBER, PAGE_NUMBER_SIZE, indent=Pt(0), line=Pt(20)
    )


def _font_table(document: Any) -> None:
    """List our fonts with their alternatives (w:altName) and the GB2312 character set (w:charset 86)."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    root = parse_xml(part.blob)
    for name, fallback in FALLBACK_FONTS.items():
        family = "modern" if name == FONT_HEADING else "roman"
        root.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{fallback}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
        )
    # a plain Part keeps its bytes: replace them (python-docx has no font-table API)
    part._blob = serialize_part_xml(root)


def _page_number_paragraph(paragraph: Any, *, odd: bool) -> None:
    paragraph.style = STYLE_PAGE_NUMBER
    fmt = paragraph.paragraph_format
    # the outer edge, one character in: right on odd pages, left on even ones
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = Pt(14)
    else:
        fmt.left_indent = Pt(14)
    paragraph.add_run("— ")
    run = paragraph.add_run()._r
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    for element, kind in ((begin, "begin"), (separate, "separate"), (end, "end")):
        element.set(qn("w:fldCharType"), kind)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    shown = OxmlElement("w:t")
    shown.text = "1"
    for element in (begin, instruction, separate, shown, end):
        run.append(element)
    paragraph.add_run(" —")


def _page_numbers(document: Any) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number_paragraph(section.footer.paragraphs[0], odd=True)
    _page_number_paragraph(section.even_page_footer.paragraphs[0], odd=False)


def _core_properties(document: Any, report: StatutoryReport) -> None:
    props = document.core_properties
    props.title = report.title
    props.author = report.bureau
    props.language = "zh-CN"
    props.comments = "由政务公开台账（Disclosure Desk）根据登记数据生成，数据统计期限为当年1月1日至12月31日。"


# --- tables -----------------------------------------------------------------------------------------


def _style_id(document: Any, name: str) -> str:
    return str(document.styles[name].style_id)


class _Grid:
    """A new table addressed by (row, column) before any cell is merged.

    python-docx's `table.cell()` recomputes the whole grid on every call (seconds for table 三), so the
    text goes into the raw cells first and the merges are made at the end, from cell to cell. Only the
    top-left cell of a merge holds text, so merging moves nothing.
    """

    def __init__(
        self, document: Any, rows: int, widths_mm: Sequence[float], min_height_mm: float = 6.5
    ) -> None:
        self.table = document.add_table(rows=rows, cols=len(widths_mm))
        self.table.style = document.styles["Table Grid"]
        self.table.alignment = WD_TABLE_ALIGNMENT.CENTER
        self.table.autofit = False
        self._styles = {
            label: document.styles[name].style_id
            for label, name in ((False, STYLE_CELL), (True, STYLE_CELL_LABEL))
        }
        self.cells = [[_Cell(tc, self.table) for tc in tr.tc_lst] for tr in self.table._tbl.tr_lst]
        self._merges: list[tuple[int, int, int, int]] = []
        for column, width in zip(self.table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        for tr, cells in zip(self.table._tbl.tr_lst, self.cells, strict=True):
            for cell, width in zip(cells, widths_mm, strict=True):
                cell.width = Mm(width)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            properties = tr.get_or_add_trPr()
            properties.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
            properties.append(
                parse_xml(f'<w:trHeight {nsdecls("w")} w:val="{Mm(min_height_mm).twips}" w:hRule="atLeast"/>')
            )

    def put(self, row: int, column: int, text: str, *, label: bool = False) -> None:
        paragraph = self.cells[row][column].paragraphs[0]
        paragraph._p.get_or_add_pPr().style = self._styles[label]
        paragraph.text = text

    def merge(self, top: int, left: int, bottom: int, right: int, text: str, *, label: bool = False) -> None:
        self.put(top, left, text, label=label)
        if (bottom, right) != (top, left):
            self._merges.append((top, left, bottom, right))

    def repeat_header(self, rows: int) -> None:
        for tr in self.table._tbl.tr_lst[:rows]:
            tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))

    def keep_together(self, rows: int | None = None) -> None:
        """Keep the first `rows` rows (default: all) on the page of the row after them, as Word does it:
        every paragraph kept with the next. The heading above is kept with the table too."""
        chosen = self.cells[: len(self.cells) - 1 if rows is None else rows]
        for cells in chosen:
            for cell in cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True

    def finish(self) -> None:
        for top, left, bottom, right in self._merges:
            self.cells[top][left]._tc.merge(self.cells[bottom][right]._tc)


def _draw(document: Any, layout: Grid) -> None:
    grid = _Grid(document, layout.rows, layout.widths_mm)
    for cell in layout.cells:
        grid.merge(
            cell.row,
            cell.column,
            cell.row + cell.rowspan - 1,
            cell.column + cell.colspan - 1,
            cell.text,
            label=cell.role is Role.LABEL,
        )
    if layout.header_rows:
        grid.repeat_header(layout.header_rows)
    # a small table stays on one page; a long one keeps at least its header with its first row
    grid.keep_together(None if layout.keep_together else layout.header_rows + 1)
    grid.finish()
