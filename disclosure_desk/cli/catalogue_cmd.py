"""`catalogue import FILE`, `catalogue export [--version N] [--format json|xlsx] [-o FILE]` and
`catalogue versions`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from disclosure_desk.cli.context import CliContext, parse_date_arg
from disclosure_desk.cli.output import print_json
from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.domain.dates import to_iso
from disclosure_desk.domain.errors import CatalogueMatchError, DisclosureDeskError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("catalogue", help="导入或导出主动公开基本目录")
    actions = parser.add_subparsers(dest="action", metavar="操作", required=True)

    imp = actions.add_parser("import", help="从 .docx / .xlsx / .txt / .json 文件导入目录")
    imp.add_argument("file", metavar="文件", type=Path)
    imp.add_argument("--check", action="store_true", help="只检查并显示结果，不写入数据库")
    imp.add_argument("--catalogue-version", metavar="版本", default="", help="目录版本说明，例如 2026版")
    imp.add_argument("--effective", metavar="日期", type=parse_date_arg, help="目录生效日期 YYYY-MM-DD")
    imp.add_argument(
        "--keep-ambiguous",
        action="store_true",
        help="无法与新目录一一对应的事项，其公开信息留在旧版目录中（默认：不导入并列出这些事项）",
    )
    imp.set_defaults(func=run_import)

    exp = actions.add_parser("export", help="导出当前目录（默认以 JSON 输出到标准输出）")
    exp.add_argument("--format", choices=("json", "xlsx"), default="json", help="导出格式")
    exp.add_argument("-o", "--output", metavar="文件", type=Path, help="输出文件（xlsx 格式必填）")
    exp.add_argument(
        "--version", metavar="N", type=int, help="导出第 N 版目录（旧版本；版本号见 catalogue versions）"
    )
    exp.set_defaults(func=run_export)

    versions = actions.add_parser("versions", help="列出导入过的各版目录")
    versions.add_argument("--format", choices=("text", "json"), default="text", help="输出格式")
    versions.set_defaults(func=run_versions)


def describe_import(catalogue: Catalogue) -> list[str]:
    lines = [f"目录：{catalogue.title or '（无标题）'}", f"事项：{len(catalogue.items)} 项"]
    processes = catalogue.processes
    lines.append(f"过程：{len(processes)} 个（{'、'.join(processes)}）" if processes else "过程：无")
    if catalogue.warnings:
        lines.append(f"警告：{len(catalogue.warnings)} 条")
        lines += [f"  - {w}" for w in catalogue.warnings]
    else:
        lines.append("警告：无")
    return lines


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    from dataclasses import replace

    from disclosure_desk.domain.deadlines import time_limit_problem
    from disclosure_desk.io.catalogue_import import import_catalogue

    catalogue = import_catalogue(args.file, time_limit_check=time_limit_problem)
    if args.catalogue_version or args.effective:
        catalogue = replace(catalogue, version=args.catalogue_version, effective_on=args.effective)
    for line in describe_import(catalogue):
        print(line)
    if args.check:
        print("（仅检查，未写入数据库）")
        return 0
    store = context.store(writer=True)
    from disclosure_desk.store.backup import backup_now

    backup_now(store, reason="before-import")
    try:
        result = store.import_catalogue(catalogue, source=str(args.file), keep_ambiguous=args.keep_ambiguous)
    except CatalogueMatchError as error:
        lines = [str(error), *(f"  - {p}" for p in error.problems)]
        lines.append("请核对新目录；如确认这些事项的公开信息留在旧版目录中，可加 --keep-ambiguous 重新导入。")
        raise DisclosureDeskError("\n".join(lines)) from None
    print(f"已导入为当前目录（共 {len(result.catalogue.items)} 项），旧版本目录仍保留。")
    for line in result.outcome_lines():
        print(line)
    return 0


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.io.catalogue_json import (
        catalogue_to_records,
        export_catalogue_xlsx,
        write_catalogue_json,
    )

    store = context.store()
    if args.version is not None:
        from disclosure_desk.store.catalogue_versions import catalogue_version

        catalogue = catalogue_version(store, args.version)
    else:
        catalogue = store.active_catalogue()
    if args.format == "xlsx":
        if args.output is None:
            raise DisclosureDeskError("导出 xlsx 格式时必须用 -o 指定输出文件。")
        export_catalogue_xlsx(catalogue, args.output)
        print(f"已导出 {len(catalogue.items)} 项到 {args.output}")
        return 0
    if args.output is None:
        # standard output keeps the bare record list that scripts read (the documented contract)
        print_json(catalogue_to_records(catalogue))
        return 0
    # a file gets the whole catalogue document (title, version, items), which `catalogue import` reads back
    write_catalogue_json(catalogue, args.output)
    print(f"已导出 {len(catalogue.items)} 项到 {args.output}")
    return 0


def run_versions(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.store.catalogue_versions import catalogue_versions

    versions = catalogue_versions(context.store())
    if args.format == "json":
        print_json(
            [
                {
                    "version": v.number,
                    "title": v.title,
                    "label": v.label,
                    "effective_on": to_iso(v.effective_on),
                    "imported_at": v.imported_at.isoformat(sep=" "),
                    "source": v.source,
                    "active": v.active,
                    "items": v.items,
                    "publications": v.publications,
                }
                for v in versions
            ]
        )
        return 0
    for v in versions:
        print(f"{v.name}：{v.items} 项，{v.publications} 条公开信息，导入于 {v.imported_at:%Y-%m-%d %H:%M}")
    return 0
