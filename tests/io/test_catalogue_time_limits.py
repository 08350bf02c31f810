"""Importing real-shaped time-limit cells: a 公开时长 column, display periods in 公开时限, "同上", clauses.

The sheet follows the shapes of catalogues published by other bodies (黄石市 with a 公开时长 column, a
township's 社会救助 rows with "公示7个工作日" in the time-limit cell, 宿迁 "同上" rows, 壤塘县 and 奉节县
cells with several clauses).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.domain.deadlines import RuleKind, parse_time_limit, time_limit_problem
from disclosure_desk.io.catalogue_import import import_catalogue

ROWS = [
    (
        "机关信息",
        "机关简介",
        "机关职能、办公地址",
        "《条例》第二十条",
        "信息形成之日起20个工作日内",
        "长期,最新有效",
    ),
    ("", "负责人信息", "姓名、照片、分工", "同上", "同上", "任期内"),
    (
        "社会救助",
        "低保审核",
        "初审对象名单",
        "《社会救助暂行办法》",
        "制定或获取信息之日起10个工作日内,公示7个工作日",
        "",
    ),
    (
        "行政执法",
        "处罚决定",
        "执法决定和其他相关信息",
        "《条例》",
        "执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开",
        "",
    ),
    ("网站栏目", "信息公开指南", "指南全文", "《条例》", "1年", ""),
    (
        "网站栏目",
        "大气环境",
        "空气质量等",
        "《条例》",
        "空气质量信息链接市生态环境局对应栏目;其他信息至少1次/半年",
        "",
    ),
    ("网站栏目", "动态", "工作动态", "《条例》", "同上", "同上"),
]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    path = tmp_path_factory.mktemp("catalogue") / "主动公开事项目录.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["某市局主动公开事项目录"])
    sheet.append(["公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开时长", "公开范围"])
    sheet.append(["一级事项", "二级事项", None, None, None, None, None])
    for row in ROWS:
        sheet.append([v or None for v in row] + ["全社会"])
    workbook.save(str(path))
    return import_catalogue(path, time_limit_check=time_limit_problem)


def test_the_display_period_column_is_kept_apart(catalogue: Catalogue) -> None:
    first, second = catalogue.items[:2]
    assert first.time_limit == "信息形成之日起20个工作日内"
    assert first.display_period == "长期,最新有效"
    assert second.display_period == "任期内"


def test_a_display_period_in_the_time_limit_cell_is_kept_apart(catalogue: Catalogue) -> None:
    item = catalogue.items[2]
    assert item.time_limit == "制定或获取信息之日起10个工作日内,公示7个工作日"  # the cell is never rewritten
    assert item.display_period == "公示7个工作日"
    rule = parse_time_limit(item.time_limit)
    assert (rule.kind, rule.days) == (RuleKind.RELATIVE, 10)


def test_same_as_above_copies_the_row_above_and_says_so(catalogue: Catalogue) -> None:
    second, last = catalogue.items[1], catalogue.items[6]
    assert second.time_limit == "信息形成之日起20个工作日内" and second.basis == "《条例》第二十条"
    assert (
        "序号2的公开时限为“同上”，已按上一行（序号1）的“信息形成之日起20个工作日内”导入，请核对。"
        in catalogue.warnings
    )
    assert (
        "序号2的公开依据为“同上”，已按上一行（序号1）的“《条例》第二十条”导入，请核对。" in catalogue.warnings
    )
    assert last.time_limit == ROWS[5][4] and last.display_period == ""


def test_several_clauses_are_pointed_out(catalogue: Catalogue) -> None:
    note = next(w for w in catalogue.warnings if w.startswith("序号4："))
    assert "公开时限有2个条款" in note
    assert "条款1（执法决定信息）：形成后7个工作日内" in note
    assert "默认按条款2计算" in note
    unknown = next(w for w in catalogue.warnings if w.startswith("序号6："))
    assert "其中条款1未能识别" in unknown


def test_a_bare_display_period_is_no_deadline_and_is_said(catalogue: Catalogue) -> None:
    item = catalogue.items[4]
    assert item.display_period == "1年"
    note = next(w for w in catalogue.warnings if w.startswith("序号5："))
    assert "只写了公开时长" in note and "设定时限规则" in note


def test_a_same_as_above_with_nothing_above_still_warns() -> None:
    assert "没有可参照的一行" in (time_limit_problem("同上") or "")


def test_the_seed_gains_no_display_period_and_no_warning(seed_text_path: Path) -> None:
    seed = import_catalogue(seed_text_path, time_limit_check=time_limit_problem)
    assert all("公开时长" not in item.extra for item in seed.items)
    assert not any("条款" in w or "公开时长" in w for w in seed.warnings)
