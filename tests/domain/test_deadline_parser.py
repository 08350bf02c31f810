"""Reading 公开时限 texts: the seed catalogue, the variants other catalogues use, and never raising."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.deadline_parser import chinese_numeral, normalize
from disclosure_desk.domain.deadlines import Anchor, DeadlineRule, RuleKind, parse_time_limit

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed_catalogue.txt"


def seed_time_limits() -> list[str]:
    """The 公开时限 cell of every row: the cell two before the channel box (公开时限, 公开主体, ■政府网站…).

    Deliberately independent of the catalogue importer.
    """
    cells = re.split(r"\n\t", SEED.read_text(encoding="utf-8"))
    return [cells[i - 2].strip() for i, cell in enumerate(cells) if re.match(r"[■□]政府网站", cell)]


def test_the_seed_has_33_time_limits() -> None:
    assert len(seed_time_limits()) == 33


@pytest.mark.parametrize("text", sorted(set(seed_time_limits())))
def test_every_seed_time_limit_is_understood(text: str) -> None:
    assert parse_time_limit(text).kind is not RuleKind.UNKNOWN


R, T, S, A = RuleKind.RELATIVE, RuleKind.TIMELY, RuleKind.STATUTORY, RuleKind.ANNUAL
FOC, FORMED, APPROVED, RELATED, RECEIVED = (
    Anchor.FORMED_OR_CHANGED,
    Anchor.FORMED,
    Anchor.APPROVED,
    Anchor.RELATED_PUBLICATION,
    Anchor.RECEIVED,
)


@pytest.mark.parametrize(
    ("text", "kind", "days", "working", "anchor"),
    [
        ("自该信息形成或者变更之日起20个工作日内。", R, 20, True, FOC),
        ("自该信息形成或变更之日起20个工作日内", R, 20, True, FOC),
        ("自该信息形成或者变更之日起２０个工作日内。", R, 20, True, FOC),
        ("自该信息形成或者变更之日起 20 个工作日内 。", R, 20, True, FOC),
        ("自该信息形成或者变更之日起二十个工作日内", R, 20, True, FOC),
        ("20个工作日内公开内公开", R, 20, True, FOC),
        ("20个工作日内公开", R, 20, True, FOC),
        ("本级政府财政部门批复后20日内。", R, 20, False, APPROVED),
        ("批复后二十日内", R, 20, False, APPROVED),
        ("批复后20天内", R, 20, False, APPROVED),
        ("信息形成后,7个工作日内公开", R, 7, True, FORMED),
        ("信息形成后，7个工作日内公开。", R, 7, True, FORMED),
        ("形成之日起十五日内", R, 15, False, FORMED),
        ("形成后三十日内", R, 30, False, FORMED),
        ("行政处罚决定作出之日起7个工作日内", R, 7, True, FORMED),
        ("关联规范性文件公开3个工作日内", R, 3, True, RELATED),
        ("文件公开后3个工作日内", R, 3, True, RELATED),
        ("政策文件公布之日起三个工作日内", R, 3, True, RELATED),
        ("收到申请之日起20个工作日内", R, 20, True, RECEIVED),
        ("收到申请之日起20个工作日内予以答复；需要延长的，延长期限不得超过20个工作日", R, 20, True, RECEIVED),
    ],
)
def test_relative_rules(text: str, kind: RuleKind, days: int, working: bool, anchor: Anchor) -> None:
    rule = parse_time_limit(text)
    assert (rule.kind, rule.days, rule.working_days, rule.anchor) == (kind, days, working, anchor)
    assert rule.source_text == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "及时公开",
        "及时公开。",
        "按规定及时发布。",
        "按照规定及时公开。",
        "按规定及时公开",
        "实时",
        "实时公开",
        "第一时间公开",
    ],
)
def test_timely(text: str) -> None:
    assert parse_time_limit(text).kind is T


@pytest.mark.parametrize(
    "text", ["按照法定时间公开。", "按照法定时间公开", "按法定时限", "按法定时限公开", "按规定时限公开"]
)
def test_statutory(text: str) -> None:
    assert parse_time_limit(text).kind is S


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("每年1月31日前", 1, 31),
        ("每年1月31日前。", 1, 31),
        ("每年一月三十一日前", 1, 31),
        ("每年１月３１日前公开上一年度报告", 1, 31),
        ("6月底前", 6, 30),
        ("每年6月底前", 6, 30),
        ("每年3月底前", 3, 31),
        ("每年一季度结束前", 3, 31),
        ("每年第二季度末", 6, 30),
        ("每年2月底前", 2, 29),
        ("年底前", 12, 31),
    ],
)
def test_annual(text: str, month: int, day: int) -> None:
    rule = parse_time_limit(text)
    assert (rule.kind, rule.month, rule.day) == (A, month, day)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "视情况",
        "3个月内",
        "24小时内",
        "至少2次/年",  # more than one report per period is not modelled
        "2026年1月31日前",  # a one-off date, not a rule
        "每年2月30日前",
        "0个工作日内",
        "99999个工作日内",
        "。。。",
    ],
)
def test_not_understood_is_unknown(text: str) -> None:
    rule = parse_time_limit(text)
    assert rule.kind is RuleKind.UNKNOWN
    assert rule.describe() == "未能识别"


def test_normalize_and_numerals() -> None:
    assert (
        normalize("自该信息形成或者变更之日起 ２０ 个工作日内。") == "自该信息形成或者变更之日起20个工作日内"
    )
    assert normalize("二十个工作日") == "20个工作日"
    assert [
        chinese_numeral(t) for t in ("十", "十五", "二十", "三十", "一百二十", "两", "二〇二六", "十十")
    ] == [
        10,
        15,
        20,
        30,
        120,
        2,
        2026,
        None,
    ]


def test_not_a_string_is_unknown() -> None:
    assert parse_time_limit(None).kind is RuleKind.UNKNOWN  # type: ignore[arg-type]


def test_described_rules_parse_back() -> None:
    for text in ("形成或变更后20个工作日内", "批复后20日内", "每年1月31日前", "收到申请后20个工作日内"):
        rule = parse_time_limit(text)
        assert parse_time_limit(rule.describe()) == DeadlineRule(
            rule.kind, rule.days, rule.working_days, rule.anchor, rule.month, rule.day, rule.describe()
        )


_cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=40)
_CHARS = "零〇一二两三四五六七八九十百千0123456789０１２３个工作日天月年底末前后内起之每季度及时法定。，、 "
_WORDS = ["形成", "变更", "批复", "关联", "公开", "收到申请", "每年", "工作日", "自然日", "季度", "结束"]
_vocabulary = st.lists(st.sampled_from([*_CHARS, *_WORDS]), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), _cjk, _vocabulary))
def test_parse_never_raises(text: str) -> None:
    rule = parse_time_limit(text)
    assert isinstance(rule, DeadlineRule)
    assert rule.describe()
    if rule.kind is RuleKind.RELATIVE:
        assert 0 <= rule.days <= 3650 and rule.anchor is not None
    if rule.kind is RuleKind.PERIODIC:
        assert rule.period is not None and rule.lag in (0, 1)
    if rule.kind is RuleKind.ANNUAL:
        assert 1 <= rule.month <= 12 and 1 <= rule.day <= 31
    assert DeadlineRule.from_json(rule.to_json()) == rule
