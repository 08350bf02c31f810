"""Several clauses in one 公开时限 cell, display periods kept apart, 同上, and notes that are not clauses."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.deadlines import Anchor, AnchorDates, RuleKind, compute_due, parse_time_limit
from disclosure_desk.domain.time_limits import TimeLimit, read_time_limit
from disclosure_desk.io.holidays_import import bundled_calendar

CAL = bundled_calendar()


def kinds(limit: TimeLimit) -> list[tuple[RuleKind, int]]:
    return [(c.rule.kind, c.rule.days) for c in limit.clauses]


def test_general_deadline_with_a_specific_exception() -> None:
    limit = read_time_limit(
        "信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示"
    )
    assert kinds(limit) == [(RuleKind.RELATIVE, 20), (RuleKind.RELATIVE, 7)]
    assert limit.default_index == 0  # the first clause is the general one
    assert limit.clauses[1].subject == "行政许可、行政处罚事项" and not limit.clauses[1].general
    assert limit.clause_title(2) == "条款2（行政许可、行政处罚事项）：形成后7个工作日内"


def test_specific_clause_first_general_clause_second() -> None:
    limit = read_time_limit(
        "执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开"
    )
    assert kinds(limit) == [(RuleKind.RELATIVE, 7), (RuleKind.RELATIVE, 20)]
    assert limit.clauses[0].subject == "执法决定信息"
    assert limit.default_index == 1  # a publication falls under the general clause unless picked
    assert limit.default_rule.anchor is Anchor.FORMED_OR_CHANGED
    assert parse_time_limit(limit.source_text) == limit.default_rule


def test_numbered_clauses_broken_over_lines() -> None:
    text = "1.除处罚决\n定外其他内\n容:长期公\n开(动态调\n整);\n2.处罚决\n定:20个工\n作日内"
    limit = read_time_limit(text)
    assert kinds(limit) == [(RuleKind.ONGOING, 0), (RuleKind.RELATIVE, 20)]
    assert [c.subject for c in limit.clauses] == ["除处罚决定外其他内容", "处罚决定"]
    assert limit.default_index == 0
    assert limit.clause_rule(2).days == 20
    with pytest.raises(IndexError):
        limit.clause_rule(3)


def test_a_bracketed_condition_is_its_own_clause() -> None:
    limit = read_time_limit("每季度的首个月20日 (集体财务往来较多的,财务收支情况应每月公布一次)")
    assert [c.rule.kind for c in limit.clauses] == [RuleKind.PERIODIC, RuleKind.PERIODIC]
    assert limit.clauses[1].rule.lag == 0 and not limit.clauses[1].general
    assert limit.default_index == 0


def test_an_unreadable_clause_is_kept_but_never_the_default() -> None:
    limit = read_time_limit("空气质量信息链接市生态环境局对应栏目;其他信息至少1次/半年")
    assert [c.rule.kind for c in limit.clauses] == [RuleKind.UNKNOWN, RuleKind.PERIODIC]
    assert limit.default_index == 1


def test_two_lines_of_one_cell_run_together() -> None:
    limit = read_time_limit(
        "自信息形成或者变更之日起20个工作日内予以公开 自信息形成或者变更之日起7个工作日内予以公开"
    )
    assert kinds(limit) == [(RuleKind.RELATIVE, 20), (RuleKind.RELATIVE, 7)]


@pytest.mark.parametrize(
    ("text", "days", "display"),
    [
        ("制定或获取信息之日起10个工作日内,公示7个工作日", 10, "公示7个工作日"),
        ("自该政府信息形成或者变更之日起5个工作日内;长期公示", 5, "长期公示"),
        (
            "信息产生、变更之日起20个工作日内公开,保持长期公开(相关政策法规另有规定的应从其规定)",
            20,
            "保持长期公开",
        ),
        ("信息形成后20个工作日内公开，长期公开", 20, "长期公开"),
    ],
)
def test_display_periods_are_kept_apart(text: str, days: int, display: str) -> None:
    limit = read_time_limit(text)
    assert kinds(limit) == [(RuleKind.RELATIVE, days)]
    assert limit.display == display
    assert limit.default_rule.source_text == text  # one clause: the rule keeps the whole text


@pytest.mark.parametrize("text", ["1年", "6个月", "公示7个工作日", "长期公示"])
def test_a_display_period_alone_is_no_deadline(text: str) -> None:
    limit = read_time_limit(text)
    assert limit.default_rule.kind is RuleKind.DISPLAY_ONLY and not limit.default_rule.is_known
    result = compute_due(limit.default_rule, AnchorDates(formed_on=date(2026, 3, 10)), CAL, timely_days=5)
    assert result.due_on is None and f"“{text}”是公开时长" in result.explanation


@pytest.mark.parametrize(
    "text",
    [
        "信息形成或者变更之日起20个工作日内。法律、法规对政府信息公开的期限另有规定的,从其规定。",
        "政府信息形成或者变更之日起20个工作日内(法律法规对政府信息公开的期限另有规定的从其规定)",
        "收到申请之日起20个工作日内予以答复；需要延长的，延长期限不得超过20个工作日",
    ],
)
def test_notes_are_not_clauses(text: str) -> None:
    limit = read_time_limit(text)
    assert len(limit.clauses) == 1 and limit.clauses[0].rule.days == 20 and not limit.display


def test_same_as_above() -> None:
    assert read_time_limit("同上").same_as_above
    assert read_time_limit(" 同上。").same_as_above
    assert not read_time_limit("同上级文件").same_as_above


def test_ongoing_rules_have_no_due_date() -> None:
    for text in ("长期公开", "永久公开", "据实更新", "按实际更新", "常态化公开", "常年公开"):
        rule = parse_time_limit(text)
        assert rule.kind is RuleKind.ONGOING, text
        result = compute_due(rule, AnchorDates(formed_on=date(2026, 3, 10)), CAL, timely_days=5)
        assert result.due_on is None and result.explanation.startswith("长期公开")


def test_smaller_forms() -> None:
    rule = parse_time_limit("批准后20内")  # the budget law's 二十日内 with the unit left out
    assert (rule.kind, rule.days, rule.working_days, rule.anchor) == (
        RuleKind.RELATIVE,
        20,
        False,
        Anchor.APPROVED,
    )
    along = parse_time_limit("与政策文件同步公开发布")
    assert (along.days, along.anchor) == (0, Anchor.RELATED_PUBLICATION)
    result = compute_due(along, AnchorDates(related_on=date(2026, 3, 10)), CAL, timely_days=5)
    assert result.due_on == date(2026, 3, 10)
    assert parse_time_limit(along.describe()) == along.__class__(
        **{**along.__dict__, "source_text": along.describe()}
    )


_CHARS = (
    "0123456789个工作日内公开形成变更;；,，:：()（）1.2.其中其他除外长期公示每月季度次上旬至少次/半年同上 \n"
)
_texts = st.lists(
    st.sampled_from([*_CHARS, "其中", "其他", "长期公开", "公示7个工作日", "次月上旬"]), max_size=40
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=60), _texts.map("".join)))
def test_reading_never_raises_and_always_has_a_clause(text: str) -> None:
    limit = read_time_limit(text)
    assert limit.clauses
    assert 0 <= limit.default_index < len(limit.clauses)
    assert limit.default_rule == parse_time_limit(text)
