"""Importing Excel catalogues built here with openpyxl, and the Excel export's round trip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from disclosure_desk.domain.catalogue import Catalogue, CatalogueItem
from disclosure_desk.io.catalogue_import import import_catalogue
from disclosure_desk.io.catalogue_json import export_catalogue_xlsx
from disclosure_desk.io.xlsx_writer import FONT_NAME

TITLE = "某某区教育局政务公开基本目录"


def _row(text: str) -> list[object]:
    """A sheet row given as "a|b|c": blank cells are None, whole numbers are numbers."""
    return [None if not v else int(v) if v.isdigit() else v for v in text.split("|")]


def _build(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "目录"
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:K1")
    sheet.append(_row("序号|公开事项||公开内容|公开依据|公开时限|责任主体|公开渠道和载体|公开对象||公开时长"))
    sheet.append(_row("|一级目录|二级目录||||||全社会|特定群众|"))
    for column in "ADEFGHK":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("I2:J2")
    rows = [
        "1|政策法规|部门文件|本局文件。|《条例》|20个工作日|区教育局|政府网站、政务新媒体；发布会|√||长期",
        "2||规范性文件|规范性文件目录。|《条例》|20个工作日|区教育局|门户网站/公示栏|√|√|长期",
        "3|||规范性文件清理结果。|《条例》（国务院令第492号）|10个工作日|区教育局|报纸 抖音||√|1年",
        "4|规划计划||年度计划。|《条例》|及时|区教育局|政府网站|√||",
        "5||年度总结|年度总结。|《条例》||区教育局|政府网站\n两微一端|√||",
    ]
    for row in rows:
        sheet.append(_row(row))
    # 政策法规 merged over items 1-3, 规范性文件 over items 2-3; 规划计划 (items 4-5) only left blank.
    sheet.merge_cells("B4:B6")
    sheet.merge_cells("C5:C6")
    workbook.save(str(path))
    return path


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    return import_catalogue(_build(tmp_path_factory.mktemp("xlsx") / "目录.xlsx"))


def test_title_and_numbers(catalogue: Catalogue) -> None:
    assert catalogue.title == TITLE
    assert [i.number for i in catalogue.items] == [1, 2, 3, 4, 5]


def test_merged_ranges_and_blank_cells(catalogue: Catalogue) -> None:
    assert [(i.process, i.category, i.subcategory) for i in catalogue.items] == [
        ("", "政策法规", "部门文件"),
        ("", "政策法规", "规范性文件"),
        ("", "政策法规", "规范性文件"),
        # A blank 二级 after a new 一级 stays blank; a blank 一级 inherits (nothing to its left differs).
        ("", "规划计划", ""),
        ("", "规划计划", "年度总结"),
    ]


def test_channel_words(catalogue: Catalogue) -> None:
    assert [i.channels for i in catalogue.items] == [
        ("政府网站", "两微一端", "发布会"),
        ("政府网站", "社区/企事业单位/村公示栏（电子屏）"),
        ("纸质媒体", "抖音"),
        ("政府网站",),
        ("政府网站", "两微一端"),
    ]


def test_audience_sub_columns_and_missing_mode(catalogue: Catalogue) -> None:
    assert [i.audience for i in catalogue.items] == [
        ("全社会",),
        ("全社会", "特定群众"),
        ("特定群众",),
        ("全社会",),
        ("全社会",),
    ]
    assert all(i.mode == () for i in catalogue.items)


def test_other_fields_and_extra_column(catalogue: Catalogue) -> None:
    first = catalogue.items[0]
    assert (first.content, first.basis, first.time_limit, first.publisher) == (
        "本局文件。",
        "《条例》",
        "20个工作日",
        "区教育局",
    )
    assert [i.extra for i in catalogue.items] == [{"公开时长": v} for v in ("长期", "长期", "1年", "", "")]


def test_warnings(catalogue: Catalogue) -> None:
    joined = "\n".join(catalogue.warnings)
    assert "序号3的公开依据引用了国务院令第492号" in joined
    assert "“抖音”" in joined
    assert "序号5的公开时限为空" in joined


def test_catalogue_on_a_later_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    cover = workbook.active
    assert cover is not None
    cover["A1"] = "封面"
    sheet = workbook.create_sheet("目录")
    sheet.append(["序号", "一级\n目录", "公开内容（要素）", "公开\u3000时限", "公开方式"])
    sheet.append([1.0, "甲", "内容", "及时", "依申请公开"])
    path = tmp_path / "sheets.xlsx"
    workbook.save(str(path))
    item = import_catalogue(path).items[0]
    assert (item.number, item.category, item.time_limit, item.mode) == (1, "甲", "及时", ("依申请公开",))


def _seed(seed_text_path: Path) -> Catalogue:
    return import_catalogue(seed_text_path)


def test_export_round_trip_of_the_seed(seed_text_path: Path, tmp_path: Path) -> None:
    seed = replace(_seed(seed_text_path), version="2026版", effective_on=date(2026, 1, 1))
    path = tmp_path / "导出.xlsx"
    export_catalogue_xlsx(seed, path)
    back = import_catalogue(path)
    assert back == seed
    assert back.items == seed.items


def test_export_round_trip_keeps_blanks_extra_and_unknown_channels(tmp_path: Path) -> None:
    first = CatalogueItem(1, "决策", "政策", "部门文件", "甲", "依据", "及时", "局", ("政府网站", "抖音"))
    first = replace(
        first, audience=("全社会",), mode=("主动",), extra={"三级目录": "子项", "备注": "=不是公式"}
    )
    # A blank 二级 under the same 一级 must stay blank in our own export (no inheritance).
    second = CatalogueItem(
        2, "决策", "政策", "", "乙", "", "", "局", audience=("特定群众",), mode=("依申请公开",)
    )
    items = (first, replace(second, extra={"三级目录": "", "备注": ""}))
    catalogue = Catalogue(title="测试目录", items=items)
    path = tmp_path / "c.xlsx"
    export_catalogue_xlsx(catalogue, path)
    back = import_catalogue(path)
    assert back.items == catalogue.items
    assert back.title == "测试目录"


def test_export_is_readable(seed_text_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    export_catalogue_xlsx(_seed(seed_text_path), path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.freeze_panes == "A3"
    assert sheet["A1"].value == "周村区科技局政务公开主动公开基本目录"
    assert [c.value for c in sheet[2]][:4] == ["序号", "过程", "一级目录", "二级目录"]
    assert sheet["E3"].alignment.wrap_text
    assert sheet["E3"].font.name == FONT_NAME
    assert sheet.print_title_rows == "$2:$2"  # the header row, not the title
    assert sheet.column_dimensions["E"].width > 30
    assert sheet.max_row == 35


def test_export_to_an_unwritable_place_raises_a_chinese_error(seed_text_path: Path, tmp_path: Path) -> None:
    from disclosure_desk.domain.errors import DisclosureDeskError

    with pytest.raises(DisclosureDeskError, match="不存在，无法保存目录"):
        export_catalogue_xlsx(_seed(seed_text_path), tmp_path / "missing" / "c.xlsx")
