"""`disclosure-desk due --rule TEXT DATE...`: the output contract scripts rely on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from disclosure_desk.cli import main
from disclosure_desk.domain.settings import Settings
from disclosure_desk.store.repository import Store


@pytest.fixture
def run(db_path: Path) -> Any:
    def _run(argv: list[str]) -> int:
        return main(["--db", str(db_path), "due", *argv])

    return _run


def test_working_days(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    code = run(
        ["--rule", "自该信息形成或者变更之日起20个工作日内。", "2026-11-02", "2025-09-26", "2026-10-08"]
    )
    out = capsys.readouterr()
    assert code == 0
    assert out.out.splitlines() == ["2026-11-30", "2025-10-30", "2026-11-04"]
    assert out.err == ""


def test_calendar_days_and_other_date_spellings(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "本级政府财政部门批复后20日内。", "2026-09-30", "2026/9/14"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-10-20", "2026-10-08"]


def test_statutory_prints_a_dash_line(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "按照法定时间公开。", "2026-11-02"]) == 0
    assert capsys.readouterr().out.splitlines() == ["- 按法定时间公开：应公开日期需手工填写"]


def test_timely_uses_the_officers_setting(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    from disclosure_desk.bootstrap import open_seeded_store

    store: Store = open_seeded_store(str(db_path))
    store.save_settings(Settings(timely_days=3))
    store.close()
    assert main(["--db", str(db_path), "due", "--rule", "及时公开", "2026-11-02"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-11-05"]


def test_timely_defaults_to_5_without_the_setting(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "按规定及时发布。", "2026-11-02"]) == 0
    assert capsys.readouterr().out.splitlines() == ["2026-11-09"]


def test_warnings_go_to_stderr(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "20个工作日内", "2028-03-01", "--explain"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2028-03-29"]
    assert "2028年的法定节假日安排尚未导入" in out.err
    assert "第20个工作日为2028-03-29" in out.err


def test_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "视情况而定", "2026-11-02"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert "无法识别公开时限" in out.err


@pytest.mark.parametrize("bad", ["2026-02-30", "明天", "2026-13-01"])
def test_bad_date_exits_2_before_printing_anything(
    capsys: pytest.CaptureFixture[str], run: Any, bad: str
) -> None:
    assert run(["--rule", "20个工作日内", "2026-11-02", bad]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.startswith("错误：") and bad in out.err


def test_a_date_beyond_range_gives_a_dash_line(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "20个工作日内", "9999-12-30"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("- ")


# --- issue 19: fixed dates, several clauses, periodic and ongoing rules --------------------------------

TWO_CLAUSES = "信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示"


def test_a_fixed_date_is_never_moved_past_the_stated_day(
    capsys: pytest.CaptureFixture[str], run: Any
) -> None:
    assert run(["--rule", "每年1月31日前", "2026-03-10", "--explain"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2027-01-31"]  # a Sunday; "前" means by that day
    assert "此前最后一个工作日为2027-01-29（星期五）" in out.err


def test_several_clauses_print_the_first_and_warn_with_every_clause(
    capsys: pytest.CaptureFixture[str], run: Any
) -> None:
    assert run(["--rule", TWO_CLAUSES, "2026-03-10", "2026-11-02"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2026-04-08", "2026-11-30"]  # clause 1, as before issue 19
    warnings = out.err.splitlines()
    assert len(warnings) == 2
    assert "条款1：形成后20个工作日内 → 2026-04-08" in warnings[0]
    assert "条款2（行政许可、行政处罚事项）：形成后7个工作日内 → 2026-03-19" in warnings[0]
    assert warnings[1].startswith("警告（2026-11-02）")
    assert "条款2" in warnings[1] and "2026-11-11" in warnings[1]


def test_clause_n_prints_that_clause(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", TWO_CLAUSES, "--clause", "2", "2026-03-10"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2026-03-19"]
    assert out.err == ""


def test_a_clause_the_text_does_not_have_exits_2(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", TWO_CLAUSES, "--clause", "3", "2026-03-10"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and "没有条款3" in out.err


@pytest.mark.parametrize(
    ("rule", "expected"),
    [("次月上旬", "2026-04-10"), ("每季度的首个月20日", "2026-04-20"), ("至少1次/半年", "2026-06-30")],
)
def test_periodic_rules_print_the_due_date_of_the_dates_period(
    capsys: pytest.CaptureFixture[str], run: Any, rule: str, expected: str
) -> None:
    assert run(["--rule", rule, "2026-03-10"]) == 0
    assert capsys.readouterr().out.splitlines() == [expected]


def test_ongoing_rules_print_a_dash_line_and_exit_0(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    assert run(["--rule", "长期公开", "2026-03-10", "2026-04-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith("- 长期公开") for line in lines)


def test_an_ongoing_first_clause_prints_its_reason(capsys: pytest.CaptureFixture[str], run: Any) -> None:
    text = "1.除处罚决定外其他内容:长期公开(动态调整); 2.处罚决定:20个工作日内。"
    assert run(["--rule", text, "2026-03-10"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("- 长期公开")
    assert "条款2（处罚决定）：形成或变更后20个工作日内 → 2026-04-08" in out.err


@pytest.mark.parametrize(("rule", "words"), [("1年", "是公开时长"), ("同上", "上一行")])
def test_a_display_period_or_same_as_above_is_refused(
    capsys: pytest.CaptureFixture[str], run: Any, rule: str, words: str
) -> None:
    assert run(["--rule", rule, "2026-03-10"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and words in out.err
