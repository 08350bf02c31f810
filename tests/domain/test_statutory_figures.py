"""The officer's figures: what the form accepts, and the Chinese message for what it refuses."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

import pytest

from disclosure_desk.domain.statutory_figures import (
    FIELDS_BY_KEY,
    EnteredFigures,
    parse_figures,
)
from disclosure_desk.domain.statutory_tables import CaseCounts


def test_every_field_is_declared_once() -> None:
    assert {f.name for f in fields(EnteredFigures)} == set(FIELDS_BY_KEY)


def test_good_figures_including_full_width_digits_and_blanks() -> None:
    figures, problems = parse_figures(
        {
            "licensing": "１２",
            "penalty": " 3 ",
            "coercion": "",
            "fees_10k_yuan": "20.35",
            "review_maintained": "1",
            "review_pending": "2",
            "direct_corrected": "1",
            "info_fee_yuan": "1,200",
        }
    )
    assert problems == []
    assert figures is not None
    assert (figures.licensing, figures.penalty, figures.coercion) == (12, 3, 0)
    assert figures.fees_10k_yuan == Decimal("20.35")
    assert figures.info_fee_yuan == Decimal(1200)
    section4 = figures.section4()
    assert section4.review == CaseCounts(1, 0, 0, 2, 3)
    assert section4.litigation_direct.total == 1
    assert section4.cells == (1, 0, 0, 2, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("licensing", "-1", "“行政许可 本年处理决定数量”不能为负数（填写了 -1）。"),
        ("penalty", "三", "“行政处罚 本年处理决定数量”应填写数字，“三”不是数字。"),
        ("coercion", "2.5", "“行政强制 本年处理决定数量”应为整数件数（填写了 2.5）。"),
        ("fees_10k_yuan", "1.23456", "“行政事业性收费 本年收费金额”以万元为单位，最多保留 4 位小数"),
        ("fees_10k_yuan", "NaN", "不是数字"),
        ("review_corrected", "99999999", "数值过大"),
        ("normative_unregistered", "-3", "“行政规范性文件 登记以外的现行有效件数”不能为负数"),
    ],
)
def test_bad_figures_get_a_message_naming_the_cell_and_no_figures(key: str, text: str, message: str) -> None:
    figures, problems = parse_figures({"licensing": "5", key: text})
    assert figures is None
    assert len(problems) == 1
    assert message in str(problems[0])
    assert problems[0].field == key


def test_every_problem_is_reported_at_once() -> None:
    figures, problems = parse_figures({"licensing": "x", "penalty": "-2", "nonsense": "1"})
    assert figures is None
    assert [p.field for p in problems] == ["licensing", "penalty", "nonsense"]


def test_store_round_trip_keeps_money_exact() -> None:
    figures, _ = parse_figures({"fees_10k_yuan": "0.1", "info_fee_yuan": "300.50", "licensing": "7"})
    assert figures is not None
    data = figures.to_json()
    assert data["fees_10k_yuan"] == "0.1"
    assert EnteredFigures.from_json(data) == figures
    assert figures.as_texts()["info_fee_yuan"] == "300.5"
    assert EnteredFigures.from_json({"licensing": 2}) == EnteredFigures(licensing=2)
