"""The .docx read back: A4 page, named East Asian fonts with fallbacks, page numbers, and the three tables
with the merged header cells of 国办公开办函〔2021〕30号."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from statutory_sample import sample_report  # tests/statutory_sample.py

from disclosure_desk.domain.similarity import compare_reports, split_sections
from disclosure_desk.io.errors import ReportError
from disclosure_desk.io.statutory_docx import write_statutory_docx
from disclosure_desk.io.statutory_docx_read import read_report_text

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    path = write_statutory_docx(tmp_path_factory.mktemp("docx") / "年报", sample_report())
    assert path.name == "年报.docx"
    return docx.Document(str(path))


def texts(row: object) -> list[str]:
    # python-docx repeats a merged cell in every grid position it covers: exactly what the merges mean
    return [cell.text for cell in row.cells]  # type: ignore[attr-defined]


def test_page_is_a4_with_official_margins(document: docx.document.Document) -> None:
    section = document.sections[0]
    # Word keeps lengths in twips (1/1440 inch): millimetres come back within a twip
    for length, mm in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(length - Mm(mm)) < Mm(0.02)


def east_asia(style: object) -> str:
    fonts = style.element.rPr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    return str(fonts.get(qn("w:eastAsia")))


def test_fonts_are_named_on_the_east_asian_slot_with_fallbacks(document: docx.document.Document) -> None:
    styles = document.styles
    assert east_asia(styles["Normal"]) == "仿宋_GB2312"
    assert styles["Normal"].font.size == Pt(16)
    assert east_asia(styles["报告标题"]) == "方正小标宋简体"
    assert styles["报告标题"].font.size == Pt(22)
    assert east_asia(styles["报告一级标题"]) == "黑体"
    assert east_asia(styles["报告二级标题"]) == "楷体_GB2312"
    font_table = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    xml = font_table.blob.decode("utf-8")
    assert '<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in xml
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in xml
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in xml
    # no theme font left to override the named ones
    assert "eastAsiaTheme" not in document.styles.element.xml.split("</w:docDefaults>")[0]


def test_page_numbers_on_odd_and_even_pages(document: docx.document.Document) -> None:
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        paragraph = footer.paragraphs[0]
        assert paragraph.text == "— 1 —"
        assert " PAGE " in paragraph._p.xml


def test_title_sections_and_prose(document: docx.document.Document) -> None:
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "周村区科技局\n2026年政府信息公开工作年度报告"
    headings = [p.text for p in document.paragraphs if p.style.name == "报告一级标题"]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    subheadings = [p.text for p in document.paragraphs if p.style.name == "报告二级标题"]
    assert subheadings[:5] == [
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ]
    assert subheadings[5:] == ["（一）存在的主要问题", "（二）改进情况"]


def test_table2_has_its_four_blocks(document: docx.document.Document) -> None:
    table = document.tables[0]
    rows = [texts(r) for r in table.rows]
    assert rows == [
        ["第二十条第（一）项"] * 4,
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "1", "1", "7"],
        ["第二十条第（五）项"] * 4,
        ["信息内容", *["本年处理决定数量"] * 3],
        ["行政许可", "12", "12", "12"],
        ["第二十条第（六）项"] * 4,
        ["信息内容", *["本年处理决定数量"] * 3],
        ["行政处罚", "3", "3", "3"],
        ["行政强制", "0", "0", "0"],
        ["第二十条第（八）项"] * 4,
        ["信息内容", *["本年收费金额（单位：万元）"] * 3],
        ["行政事业性收费", "1.25", "1.25", "1.25"],
    ]


def test_table3_header_and_label_merges(document: docx.document.Document) -> None:
    table = document.tables[1]
    assert len(table.rows) == 28
    assert texts(table.rows[0]) == [NOTE] * 3 + ["申请人情况"] * 7
    assert texts(table.rows[1]) == [NOTE] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert texts(table.rows[2]) == [NOTE] * 3 + [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    ]  # fmt: skip
    assert texts(table.rows[3]) == ["一、本年新收政府信息公开申请数量"] * 3 + [
        "4",
        "1",
        "0",
        "0",
        "1",
        "0",
        "6",
    ]
    assert texts(table.rows[4]) == ["二、上年结转政府信息公开申请数量"] * 3 + [
        "1",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
    ]
    assert texts(table.rows[5]) == [
        "三、本年度办理结果", "（一）予以公开", "（一）予以公开", "2", "0", "0", "0", "0", "0", "2",
    ]  # fmt: skip
    assert texts(table.rows[7])[:3] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]
    assert texts(table.rows[14])[:3] == ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"]
    assert texts(table.rows[15])[:3] == ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"]
    assert texts(table.rows[25])[:3] == ["三、本年度办理结果", "（六）其他处理", "3.其他"]
    assert texts(table.rows[26]) == [
        "三、本年度办理结果", "（七）总计", "（七）总计", "4", "1", "0", "0", "1", "0", "6",
    ]  # fmt: skip
    assert texts(table.rows[27]) == ["四、结转下年度继续办理"] * 3 + ["1", "0", "0", "0", "0", "0", "1"]
    # the header repeats when the table runs onto a second page
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is not None for r in table.rows[:3])


def test_table4_header(document: docx.document.Document) -> None:
    table = document.tables[2]
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert texts(table.rows[0]) == ["行政复议"] * 5 + ["行政诉讼"] * 10
    assert texts(table.rows[1]) == outcomes + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert texts(table.rows[2]) == outcomes + outcomes * 2
    assert texts(table.rows[3]) == ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]


def test_last_years_report_read_back_is_compared_section_by_section(tmp_path: Path) -> None:
    report = sample_report()
    path = write_statutory_docx(tmp_path / "2026.docx", report)
    sections = split_sections(read_report_text(path))
    assert sections["一、总体情况"] == report.prose.overview
    assert sections["六、其他需要报告的事项"] == report.prose.other
    results = compare_reports(report.prose.sections(), sections)
    assert [r.too_similar for r in results] == [True, True, True]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 Word（.doc）文件"),
        (b"PK\x03\x04 not really a zip", "不是有效的 Word（.docx）文件"),
        (b"", "不是有效的 Word（.docx）文件"),
    ],
)
def test_a_file_that_is_not_a_report_gets_a_chinese_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "上年.docx"
    path.write_bytes(content)
    with pytest.raises(ReportError, match=message) as refused:
        read_report_text(path)
    assert "zip" not in str(refused.value)  # seen: "…已损坏（File is not a zip file）"
    with pytest.raises(ReportError, match="找不到文件"):
        read_report_text(tmp_path / "没有.docx")


def test_a_missing_folder_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="不存在"):
        write_statutory_docx(tmp_path / "没有" / "年报.docx", sample_report())
    assert list(tmp_path.iterdir()) == []


def test_the_report_ends_with_the_bureau_and_the_date(tmp_path: Path) -> None:
    report = sample_report()
    path = write_statutory_docx(tmp_path / "签.docx", report, signed_on=date(2027, 1, 20))
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert [p.text for p in paragraphs[-2:]] == [report.bureau, "2027年1月20日"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in paragraphs[-2:])
    assert split_sections(read_report_text(path))["六、其他需要报告的事项"] == report.prose.other
