"""`report monthly|annual … -o FILE.xlsx`: argument checking and a run against a real store."""

from __future__ import annotations

import argparse
from datetime import date
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


def test_monthly_report_from_the_store(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    store.add_publication(
        Publication(item_id=item.id, title="=HYPERLINK(\"http://x\")", formed_on=date(2026, 9, 25),
                    published_on=date(2026, 10, 20), channels=("政府网站",))
    )  # fmt: skip
    bureau = store.bureau_name()
    store.close()
    target = tmp_path / "十月.xlsx"
    args = parser().parse_args(["report", "monthly", "2026-10", "-o", str(target)])
    context = CliContext(db=str(db_path), today=date(2026, 11, 5))
    try:
        assert args.func(args, context) == 0
    finally:
        context.close()
    out = capsys.readouterr().out
    assert "已导出2026年10月报表" in out
    assert "本期公开 1 条" in out
    wb = load_workbook(target)
    assert wb["汇总"]["A1"].value == f"{bureau}政务公开工作月报（2026年10月）"
    assert wb["明细"]["E4"].value == '=HYPERLINK("http://x")'
    assert wb["明细"]["E4"].data_type == "s"
