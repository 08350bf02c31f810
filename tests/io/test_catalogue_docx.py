"""Importing Word catalogues built here with python-docx: real merges, other header words, other columns."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.table import Table

from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.io.catalogue_import import import_catalogue

HEADER = (
    "过程",
    "一级事项",
    "二级事项",
    "三级目录",
    "公开内容",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道",
    "公开范围",
    "网站所属\n栏目",
)
TITLE = "某某区民政局政务公开基本目录"


def _fill(table: Table, row: int, values: str | Sequence[str]) -> None:
    """Write a row given as "a|b|c"; "~" leaves a cell alone (it belongs to a merge)."""
    for column, value in enumerate(values.split("|") if isinstance(values, str) else values):
        if value != "~":
            table.cell(row, column).text = value


def _build(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("附件1")
    table = document.add_table(rows=7, cols=len(HEADER))
    # Row 0: the title, merged across the whole table.
    table.cell(0, 0).merge(table.cell(0, len(HEADER) - 1)).text = TITLE
    _fill(table, 1, HEADER)
    _fill(
        table,
        2,
        "决策|政策文件|规范性文件|三级甲|本局规范性文件。|《条例》（国务院令第492号）|20个工作日|区民政局|"
        "■政府网站 ■发布会|全社会|政策文件栏目",
    )
    _fill(
        table,
        3,
        "~|~||三级乙|规范性文件解读。|《条例》（国务院令第711号）|10个工作日|区民政局|"
        "□政府网站 ■两微一端\n□发布会|全社会、特定群众|",
    )
    _fill(
        table, 4, "~|规划计划|||年度工作计划。|《条例》|及时公开|区民政局|政府门户网站、抖音|全社会|规划栏目"
    )
    _fill(table, 5, "执行和结果|决策落实|~||落实情况。|《意见》|按规定|区民政局|政府网站|特定群众|")
    _fill(table, 6, "~|建议提案办理|人大代表建议|||《通知》||区民政局|公示栏||")
    # Vertical merges: 过程 决策 over rows 2-4 and 执行和结果 over rows 5-6; 一级 政策文件 over rows 2-3.
    table.cell(2, 0).merge(table.cell(4, 0))
    table.cell(5, 0).merge(table.cell(6, 0))
    table.cell(2, 1).merge(table.cell(3, 1))
    # Row 5: 一级 and 二级 merged across — the item has no 二级.
    table.cell(5, 1).merge(table.cell(5, 2))
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return import_catalogue(_build(tmp_path_factory.mktemp("docx") / "目录.docx"))


def test_title_from_the_merged_title_row(catalogue: Catalogue) -> None:
    assert catalogue.title == TITLE


def test_items_are_numbered_without_a_number_column(catalogue: Catalogue) -> None:
    assert [i.number for i in catalogue.items] == [1, 2, 3, 4, 5]


def test_vertical_merges_fill_process_and_category(catalogue: Catalogue) -> None:
    paths = [(i.process, i.category, i.subcategory) for i in catalogue.items]
    assert paths == [
        ("决策", "政策文件", "规范性文件"),
        # 二级 blank without a merge, cells to its left equal the row above: inherited.
        ("决策", "政策文件", "规范性文件"),
        # 一级 differs from the row above, so the blank 二级 stays blank.
        ("决策", "规划计划", ""),
        # 一级 merged across 二级: no 二级.
        ("执行和结果", "决策落实", ""),
        ("执行和结果", "建议提案办理", "人大代表建议"),
    ]


def test_third_level_is_kept_as_extra_and_follows_the_merge_rule(catalogue: Catalogue) -> None:
    assert [i.extra["三级目录"] for i in catalogue.items] == ["三级甲", "三级乙", "", "", ""]


def test_unknown_column_kept_under_its_header(catalogue: Catalogue) -> None:
    assert [i.extra["网站所属栏目"] for i in catalogue.items] == ["政策文件栏目", "", "规划栏目", "", ""]
    assert set(catalogue.items[0].extra) == {"三级目录", "网站所属栏目"}


def test_fields(catalogue: Catalogue) -> None:
    first = catalogue.items[0]
    assert first.content == "本局规范性文件。"
    assert first.basis == "《条例》（国务院令第492号）"
    assert first.time_limit == "20个工作日"
    assert first.publisher == "区民政局"
    assert first.mode == ()


def test_channels_boxes_on_one_line_and_plain_words(catalogue: Catalogue) -> None:
    assert [i.channels for i in catalogue.items] == [
        ("政府网站", "发布会"),
        ("两微一端",),
        ("政府网站", "抖音"),
        ("政府网站",),
        ("社区/企事业单位/村公示栏（电子屏）",),
    ]


def test_audience_from_single_column_words(catalogue: Catalogue) -> None:
    assert [i.audience for i in catalogue.items] == [
        ("全社会",),
        ("全社会", "特定群众"),
        ("全社会",),
        ("特定群众",),
        (),
    ]


def test_warnings(catalogue: Catalogue) -> None:
    joined = "\n".join(catalogue.warnings)
    assert "序号1的公开依据引用了国务院令第492号" in joined
    assert "序号5的公开内容为空" in joined
    assert "“抖音”" in joined and "序号3" in joined
    assert "序号5的公开时限为空" in joined


def _two_row_header_document(path: Path) -> Path:
    """The provincial template: 序号, 公开事项 over 一级/二级, 公开对象 and 公开方式 over √ columns."""
    document = docx.Document()
    document.add_paragraph("某某局政务公开主动公开基本目录")
    top = "序号|公开事项|~|公开内容（要素）|公开依据|公开时限|公开主体|公开渠道和载体|公开对象|~|公开方式|~"
    sub = "~|一级\n目录|二级\n目录|~|~|~|~|~|全社会|特定\n群众|主动|依申\n请公开"
    table = document.add_table(rows=4, cols=len(top.split("|")))
    _fill(table, 0, top)
    _fill(table, 1, sub)
    for column in (0, 3, 4, 5, 6, 7):
        table.cell(0, column).merge(table.cell(1, column))
    for column in (1, 8, 10):
        table.cell(0, column).merge(table.cell(0, column + 1))
    boxes = "■政府网站   □政府公报\n□公开查阅点□政务服务中心"
    _fill(table, 2, f"1|政策\n法规|部门\n文件|文件。|《条例》|20个工作日|区局|{boxes}|√||√|")
    _fill(table, 3, "2||规范性文件|目录。|《条例》|20个工作日|区局|□政府网站 ☑其他||√||√")
    document.save(str(path))
    return path


def test_two_row_header_with_spanning_cells(tmp_path: Path) -> None:
    catalogue = import_catalogue(_two_row_header_document(tmp_path / "template.docx"))
    assert catalogue.title == "某某局政务公开主动公开基本目录"
    first, second = catalogue.items
    assert (first.number, first.category, first.subcategory) == (1, "政策法规", "部门文件")
    assert (second.number, second.category, second.subcategory) == (2, "政策法规", "规范性文件")
    assert first.channels == ("政府网站",) and second.channels == ("其他",)
    assert (first.audience, first.mode) == (("全社会",), ("主动",))
    assert (second.audience, second.mode) == (("特定群众",), ("依申请公开",))
    assert first.extra == {}


def test_catalogue_continued_in_a_second_table(tmp_path: Path) -> None:
    document = docx.Document()
    first = document.add_table(rows=2, cols=3)
    _fill(first, 0, ("序号", "公开内容", "公开时限"))
    _fill(first, 1, ("1", "内容一", "及时"))
    document.add_paragraph("")
    second = document.add_table(rows=2, cols=3)
    _fill(second, 0, ("序号", "公开内容", "公开时限"))  # the header repeated on the next page
    _fill(second, 1, ("2", "内容二", "及时"))
    path = tmp_path / "split.docx"
    document.save(str(path))
    catalogue = import_catalogue(path)
    assert [(i.number, i.content) for i in catalogue.items] == [(1, "内容一"), (2, "内容二")]
    assert catalogue.title == "split"
