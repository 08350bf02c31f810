"""Importing flattened Word text: the seed catalogue, and other text shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_desk.domain.catalogue import CHANNELS, Catalogue
from disclosure_desk.io.catalogue_fields import clean_cell, parse_channels
from disclosure_desk.io.catalogue_import import import_catalogue

SEED_PROCESSES = ("决策", "执行和结果", "管理和服务", "新闻发布", "政策解读", "回应关切", "监督保障")


@pytest.fixture(scope="module")
def seed() -> Catalogue:
    return import_catalogue(Path(__file__).parents[1] / "fixtures" / "seed_catalogue.txt")


def test_seed_has_33_numbered_items_and_7_processes(seed: Catalogue) -> None:
    assert [i.number for i in seed.items] == list(range(1, 34))
    assert seed.processes == SEED_PROCESSES
    assert seed.title == "周村区科技局政务公开主动公开基本目录"


def test_seed_fixture_is_the_conftest_path(seed_text_path: Path, seed: Catalogue) -> None:
    assert import_catalogue(seed_text_path) == seed


def test_row_2_inherits_category_joined_across_lines(seed: Catalogue) -> None:
    row = seed.items[1]
    assert (row.process, row.category, row.subcategory) == ("决策", "政策法规", "规范性文件立改废")
    assert seed.items[0].subcategory == "部门文件"  # "部门\n文件" joined without a space


def test_row_5_does_not_inherit_subcategory_when_category_differs(seed: Catalogue) -> None:
    row = seed.items[4]
    assert row.path == ("决策", "规划计划")
    assert row.subcategory == ""


def test_row_14_inherits_subcategory_when_left_cells_equal(seed: Catalogue) -> None:
    row = seed.items[13]
    assert row.process == "管理和服务" and row.category == "财政资金"
    assert row.subcategory == "年度部门预决算及“三公”经费情况"


def test_row_13_inherits_the_whole_path(seed: Catalogue) -> None:
    assert seed.items[12].path == ("管理和服务", "财政资金", "年度部门预决算及“三公”经费情况")


def test_row_19_process_inherited_but_no_subcategory(seed: Catalogue) -> None:
    assert seed.items[18].path == ("管理和服务", "精准脱贫")


def test_row_22_channels(seed: Catalogue) -> None:
    assert list(seed.items[21].channels) == ["政府网站", "公开查阅点", "政务服务中心"]


def test_rows_24_and_25_include_press_conference(seed: Catalogue) -> None:
    for row in seed.items[23:25]:
        assert "发布会" in row.channels
        assert row.path[:2] == ("新闻发布", "新闻发布")


def test_row_11_with_blank_line_inside_basis_cell_keeps_its_columns(seed: Catalogue) -> None:
    row = seed.items[10]
    assert row.subcategory == "内设机构及下属单位"
    assert row.basis == "《中华人民共和国政府信息公开条例》（国务院令第711号）；"
    assert row.time_limit == "自该信息形成或者变更之日起20个工作日内。"
    assert row.publisher == "区科技局"


def test_no_bookmark_noise_anywhere(seed: Catalogue) -> None:
    for item in seed.items:
        texts = [item.process, item.category, item.subcategory, item.content, item.basis, item.time_limit]
        texts += [item.publisher, *item.channels, *item.extra.values()]
        assert not any("[bookmark" in t for t in texts), item.number
    assert seed.items[22].basis.startswith("《中华人民共和国政府信息公开条例》（国务院令第492号）")


def test_audience_mode_and_publisher(seed: Catalogue) -> None:
    for item in seed.items:
        assert item.audience == ("全社会",)
        assert item.mode == ("主动",)
        assert item.publisher == "区科技局"
        assert item.extra == {}
        assert all(c in CHANNELS for c in item.channels)


def test_multi_line_basis_keeps_one_document_per_line(seed: Catalogue) -> None:
    assert seed.items[11].basis.count("\n") == 2
    assert seed.items[11].basis.split("\n")[0] == "《中华人民共和国预算法》；"


def test_seed_warns_about_the_2007_regulation_in_rows_5_and_23(seed: Catalogue) -> None:
    old = [w for w in seed.warnings if "492" in w]
    assert len(old) == 1
    assert "序号5、23" in old[0] and "711" in old[0]
    assert len(seed.warnings) == 1


def test_time_limit_hook_adds_warnings(seed_text_path: Path) -> None:
    def check(text: str) -> str | None:
        return "无法理解的时限" if text == "按照法定时间公开。" else None

    catalogue = import_catalogue(seed_text_path, time_limit_check=check)
    assert "序号18：无法理解的时限" in catalogue.warnings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("政策\n法规", "政策法规"),
        ("  一级\u3000\n目录 ", "一级目录"),
        ("《预算法》；\n\n《条例》。", "《预算法》；\n《条例》。"),
        ("国办发〔2016〕\n8号", "国办发〔2016〕8号"),
        ("Word\nExcel", "Word Excel"),
        ("[bookmark: _GoBack]《条例》", "《条例》"),
    ],
)
def test_clean_cell(raw: str, expected: str) -> None:
    assert clean_cell(raw) == expected
    assert clean_cell(expected) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("■政府网站 ■发布会", ("政府网站", "发布会")),
        ("□公开查阅点□政务服务中心", ()),
        ("☑门户网站 ☐微信 √报纸", ("政府网站", "纸质媒体")),
        ("政府网站、政务新媒体；发布会", ("政府网站", "两微一端", "发布会")),
        ("新闻发布会/入户/现场", ("发布会", "入户/现场")),
        ("社区/企事业单位/村公示栏（电子屏）\n精准推送", ("社区/企事业单位/村公示栏（电子屏）", "精准推送")),
        ("公示栏(电子屏), 报刊", ("纸质媒体", "社区/企事业单位/村公示栏（电子屏）")),
        ("抖音、政府网站", ("政府网站", "抖音")),
        ("抖音/快手", ("抖音/快手",)),
        ("", ()),
    ],
)
def test_parse_channels(raw: str, expected: tuple[str, ...]) -> None:
    assert parse_channels(raw) == expected


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _flat(rows: list[list[str]]) -> str:
    """Flatten rows like Word does: a tab before each cell, a blank line after each row."""
    return "\n\n".join("\n".join(f"\t{cell}" for cell in row) for row in rows) + "\n"


def test_text_without_process_or_number_columns(tmp_path: Path) -> None:
    text = "某某局公开目录\n\n" + _flat(
        [
            ["一级事项", "二级事项", "公开内容", "公开时限", "公开渠道", "备注"],
            ["机构\n职能", "领导信息", "领导简历", "20个工作日", "政府网站、抖音", "无"],
            ["", "", "领导分工", "", "微信", ""],
        ]
    )
    catalogue = import_catalogue(_write(tmp_path, "目录.txt", text))
    first, second = catalogue.items
    assert catalogue.title == "某某局公开目录"
    assert (first.number, first.process, first.category, first.subcategory) == (1, "", "机构职能", "领导信息")
    assert (second.number, second.category, second.subcategory) == (2, "机构职能", "领导信息")
    assert first.channels == ("政府网站", "抖音") and second.channels == ("两微一端",)
    assert first.extra == {"备注": "无"} and second.extra == {"备注": ""}
    assert any("抖音" in w and "序号1" in w for w in catalogue.warnings)
    assert any("序号2的公开时限为空" in w for w in catalogue.warnings)


def test_text_rows_not_separated_by_blank_lines_in_a_cell(tmp_path: Path) -> None:
    rows = [
        ["序号", "一级目录", "公开内容", "公开依据", "公开时限"],
        ["1", "甲", "内容一", "依据\n\n更多依据", "10日"],
        ["2", "", "内容二", "依据二", "10日"],
    ]
    # The blank line inside row 1's basis cell must not end the row.
    catalogue = import_catalogue(_write(tmp_path, "a.txt", _flat(rows)))
    assert [i.basis for i in catalogue.items] == ["依据更多依据", "依据二"]
    assert [i.category for i in catalogue.items] == ["甲", "甲"]


def test_tab_separated_text_from_excel(tmp_path: Path) -> None:
    text = "序号\t过程\t一级目录\t公开内容\t公开时限\t公开对象\t公开方式\n"
    text += "1\t决策\t政策法规\t规范性文件\t20个工作日\t全社会\t主动公开\n"
    text += "2\t\t\t其他文件\t及时\t特定群众\t依申请公开\n"
    text += '3\t执行\t落实\t"多行\n内容"\t及时\t全社会、特定群众\t主动\n'
    catalogue = import_catalogue(_write(tmp_path, "目录.tsv", text))
    assert [i.path for i in catalogue.items] == [("决策", "政策法规"), ("决策", "政策法规"), ("执行", "落实")]
    assert catalogue.items[1].audience == ("特定群众",) and catalogue.items[1].mode == ("依申请公开",)
    assert catalogue.items[2].content == "多行内容"
    assert catalogue.items[2].audience == ("全社会", "特定群众")


def test_gb18030_text_is_read(tmp_path: Path, seed_text_path: Path, seed: Catalogue) -> None:
    path = tmp_path / "ansi.txt"
    path.write_bytes(seed_text_path.read_text(encoding="utf-8").encode("gb18030"))
    assert import_catalogue(path).items == seed.items


def test_docx_content_in_a_txt_file_is_read_by_content(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "公开内容", "公开时限"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "内容", "及时"), strict=True):
        cell.text = text
    path = tmp_path / "misnamed.txt"
    document.save(str(path))
    assert import_catalogue(path).items[0].content == "内容"


def test_duplicate_and_unreadable_numbers_are_warned_about(tmp_path: Path) -> None:
    text = _flat(
        [
            ["序号", "公开内容", "公开依据"],
            ["1", "甲", "依据"],
            ["1", "乙", "依据"],
            ["二", "丙", "依据"],
        ]
    )
    catalogue = import_catalogue(_write(tmp_path, "dup.txt", text))
    assert [i.number for i in catalogue.items] == [1, 1, 2]
    assert "序号1重复出现2次。" in catalogue.warnings
    assert any("“二”" in w and "编为2" in w for w in catalogue.warnings)
    assert "目录中没有“公开时限”列，无法计算公开期限。" in catalogue.warnings
    assert not any("公开时限为空" in w for w in catalogue.warnings)
