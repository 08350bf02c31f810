"""`report monthly|annual … -o FILE.xlsx`: argument checking and a run against a real store."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from disclosure_desk.cli import EXIT_USAGE, ChineseArgumentParser, report_cmd
from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.repository import Store


def parser() -> argparse.ArgumentParser:
    root = ChineseArgumentParser(prog="disclosure-desk")
    report_cmd.register(root.add_subparsers(dest="command", parser_class=ChineseArgumentParser))
    return root


def test_month_and_year_arguments() -> None:
    args = parser().parse_args(["report", "monthly", "2026-10", "-o", "r.xlsx"])
    assert (args.period.start, args.period.end) == (date(2026, 10, 1), date(2026, 10, 31))
    assert args.output == Path("r.xlsx")
    assert parser().parse_args(["report", "monthly", "2026年3月", "-o", "r.xlsx"]).period.label == "2026年3月"
    assert parser().parse_args(["report", "annual", "2026", "-o", "r.xlsx"]).period.label == "2026年"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "monthly", "2026-13", "-o", "r.xlsx"], "月份“2026-13”不存在"),
        (["report", "monthly", "2026-00", "-o", "r.xlsx"], "月份“2026-00”不存在"),
        (["report", "monthly", "十月", "-o", "r.xlsx"], "不是有效月份，请使用 YYYY-MM 格式"),
        (["report", "annual", "26", "-o", "r.xlsx"], "不是有效年份"),
        (["report", "monthly", "2026-10"], "缺少必需的参数"),
    ],
)
def test_bad_arguments_exit_2_in_chinese(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parser().parse_args(argv)
    assert exit_info.value.code == EXIT_USAGE
    assert message in capsys.readouterr().err


def _add_one(store: Store) -> None:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    store.add_publication(
        Publication(item_id=item.id, title="=HYPERLINK(\"http://x\")", formed_on=date(2026, 9, 25),
                    published_on=date(2026, 10, 20), channels=("政府网站",))
    )  # fmt: skip


def _run(db_path: Path, argv: list[str], today: date) -> None:
    args = parser().parse_args(argv)
    context = CliContext(db=str(db_path), today=today)
    try:
        assert args.func(args, context) == 0
    finally:
        context.close()


def test_monthly_report_from_the_store(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_one(store)
    bureau = store.bureau_name()
    store.close()
    target = tmp_path / "十月.xlsx"
    # Made today (the record was entered today, so it counts).
    _run(db_path, ["report", "monthly", "2026-10", "-o", str(target)], date.today())
    out = capsys.readouterr().out
    assert "已导出2026年10月报表" in out
    assert "本期公开 1 条" in out
    wb = load_workbook(target)
    assert wb["汇总"]["A1"].value == f"{bureau}政务公开工作月报"
    assert wb["明细"]["C4"].value == '=HYPERLINK("http://x")'
    assert wb["明细"]["C4"].data_type == "s"


def test_a_report_for_an_earlier_day_is_stamped_with_the_real_clock(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_one(store)  # entered today, after the day the report is made for, but dated before it
    store.close()
    target = tmp_path / "十一月.xlsx"
    before = datetime.now().replace(second=0, microsecond=0)
    _run(db_path, ["report", "monthly", "2026-11", "-o", str(target)], date(2026, 11, 15))
    after = datetime.now()
    assert "已导出2026年11月（截至11月15日）报表" in capsys.readouterr().out
    summary = load_workbook(target)["汇总"]
    assert summary["A2"].value == "2026年11月（截至11月15日）"
    note = summary["A3"].value
    assert "统计截止：2026-11-15" in note
    stamped = datetime.strptime(note.split("生成时间：")[1].strip(), "%Y-%m-%d %H:%M")
    assert before <= stamped <= after  # the clock, not --today
    # Published on 10-20: October's (上月) figure, whenever it was typed in; nothing in November to 11-15.
    assert summary.cell(row=9, column=1).value == "主动公开信息（条）"
    assert (summary.cell(row=9, column=2).value, summary.cell(row=9, column=3).value) == (0, 1)
