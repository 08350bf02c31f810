"""The options that set a publication's fields, defined once for every command that writes one.

`publication add` uses them now; `publication edit` (and any later command that changes a record) calls
`add_field_options(parser, edit=True)` and applies `field_values(args)` to the stored record, so the two
commands can never drift apart. Every option defaults to "not given" (None): `field_values` returns only
the fields that were given, which is what an edit needs and what a new record's defaults fill in.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from disclosure_desk.cli.context import parse_date_arg
from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.publication import DocumentKind

CLEAR = "none"  # `--formed none` in an edit clears the date


def _document_kind(text: str) -> DocumentKind:
    try:
        return DocumentKind(text.strip())
    except ValueError:
        choices = "、".join(k.value for k in DocumentKind)
        raise argparse.ArgumentTypeError(f"文件类型“{text}”无法识别，应为：{choices}。") from None


def _clearable_date(text: str) -> date | str:
    """A date, or "none" to clear it (edits only)."""
    return CLEAR if text.strip().lower() == CLEAR else parse_date_arg(text)


# (option, field, metavar, help) of the plain text fields
_TEXT_OPTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("--doc-number", "document_number", "文号", "文号"),
    ("--index-number", "index_number", "索引号", "索引号"),
    ("--url", "url", "链接", "公开链接（http:// 或 https://）"),
    ("--department", "department", "部门", "承办科室"),
    ("--responsible", "responsible", "责任人", "责任人"),
    ("--notes", "notes", "备注", "备注"),
    ("--late-reason", "late_reason", "原因", "逾期原因：为何逾期、正在如何处理（月报“情况说明”据此汇总）"),
    ("--channel-reason", "missing_channel_reason", "原因", "未通过目录要求的公开渠道公开的原因"),
)
# (option, field, help) of the dates
_DATE_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--formed", "formed_on", "形成日期 YYYY-MM-DD"),
    ("--changed", "changed_on", "变更日期"),
    ("--approved", "approved_on", "批复日期"),
    ("--published", "published_on", "公开日期"),
    ("--due", "due_on_manual", "应公开日期（仅“按法定时间公开”的事项）"),
    ("--abolished", "abolished_on", "废止日期（规章、规范性文件；年度报告统计废止件数）"),
)


def add_field_options(parser: argparse.ArgumentParser, *, edit: bool = False) -> None:
    """Add the field options to `parser`. With edit=True the title is optional and dates take "none"."""
    parser.add_argument("--title", metavar="标题", required=not edit, help="标题")
    date_type = _clearable_date if edit else parse_date_arg
    clear_hint = "；none 表示清空" if edit else ""
    for option, field, help_text in _DATE_OPTIONS:
        parser.add_argument(option, dest=field, metavar="日期", type=date_type, help=help_text + clear_hint)
    parser.add_argument(
        "--channel",
        dest="channels",
        metavar="渠道",
        action="append",
        help=f"公开渠道，可重复：{'、'.join(CHANNELS)}",
    )
    for option, field, metavar, help_text in _TEXT_OPTIONS:
        parser.add_argument(option, dest=field, metavar=metavar, help=help_text)
    parser.add_argument(
        "--document-kind",
        dest="document_kind",
        metavar="文件类型",
        type=_document_kind,
        help=f"文件类型：{'、'.join(k.value for k in DocumentKind)}（年度报告统计规章、规范性文件）",
    )
    parser.add_argument(
        "--clause",
        dest="clause",
        metavar="N",
        type=int,
        help="目录公开时限有多个条款时，该信息适用第 N 个条款（默认第一个一般性条款）",
    )
    parser.add_argument(
        "--reviewed-by", dest="reviewer", metavar="姓名", help="保密审查人（记录为已完成保密审查）"
    )
    parser.add_argument(
        "--reviewed-on",
        dest="reviewed_on",
        metavar="日期",
        type=date_type,
        help="保密审查日期（记录为已完成保密审查）" + clear_hint,
    )


def field_values(args: argparse.Namespace) -> dict[str, Any]:
    """The publication fields the options gave, by field name; "none" dates become None (cleared).

    A review name or date records the review as done: a date alone is a review whose reviewer is not
    written down, still a review.
    """
    values: dict[str, Any] = {}
    if args.title is not None:
        values["title"] = args.title.strip()
    for _option, field, _help in _DATE_OPTIONS:
        value = getattr(args, field)
        if value is not None:
            values[field] = None if value == CLEAR else value
    if args.channels is not None:
        values["channels"] = tuple(dict.fromkeys(args.channels))
    for _option, field, _metavar, _help in _TEXT_OPTIONS:
        value = getattr(args, field)
        if value is not None:
            values[field] = value if field == "notes" else value.strip()
    if args.document_kind is not None:
        values["document_kind"] = args.document_kind
    if args.clause is not None:
        values["clause"] = args.clause
    if args.reviewer is not None:
        values["reviewer"] = args.reviewer.strip()
        values["review_done"] = True
    if args.reviewed_on == CLEAR:
        values["reviewed_on"] = None
    elif args.reviewed_on is not None:
        values["reviewed_on"] = args.reviewed_on
        values["review_done"] = True
    return values
