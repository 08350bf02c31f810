"""`backup [-o FILE]` and `restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from disclosure_desk import paths
from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.errors import DisclosureDeskError


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="立即备份数据库（经完整性检查）")
    backup.add_argument(
        "-o", "--output", metavar="文件", type=Path, help="备份文件或文件夹（默认在备份文件夹）"
    )
    backup.add_argument("--list", action="store_true", help="列出已有的完好备份（时间、公开信息条数）")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore", help="用备份文件恢复数据库（当前文件先备份并保留）"
    )
    restore.add_argument("file", metavar="备份文件", type=Path)
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.store.backup import backup_now

    if args.list:
        return _list_backups(context)
    target = backup_now(context.store(), reason="manual", target=args.output)
    if target is None:
        raise DisclosureDeskError("当前数据库不是本机 SQLite 文件，请由数据库管理员备份。")
    print(f"已备份到：{target}")
    return 0


def _list_backups(context: CliContext) -> int:
    from disclosure_desk.store.backup import good_backups
    from disclosure_desk.store.db import resolve_url, sqlite_path

    file = sqlite_path(resolve_url(context.db))
    if file is None:
        raise DisclosureDeskError("当前数据库不是本机 SQLite 文件，请由数据库管理员备份。")
    backups = good_backups(file, limit=1000)
    folder = paths.backups_dir_for(file)
    if not backups and not file.exists() and not folder.is_dir():
        # neither the database nor its backups: most likely a mistyped --db, not "no backups yet"
        raise DisclosureDeskError(
            f"数据库文件“{file}”和备份文件夹“{folder}”都不存在。请检查数据库路径（--db）是否输错。"
        )
    if not backups:
        print(f"备份文件夹“{folder}”中没有完好的备份。")
    for info in backups:
        print(f"{info.describe()}  {info.path}")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.bootstrap import LOCK_WAIT_SECONDS, take_writer_lock
    from disclosure_desk.store.db import resolve_url, sqlite_path
    from disclosure_desk.store.restore import restore

    file = sqlite_path(resolve_url(context.db))
    if file is None:
        raise DisclosureDeskError("只能恢复本机 SQLite 数据库文件。")
    # restoring on a new computer is how the officer moves in: the default data folder is made
    lock = take_writer_lock(file, LOCK_WAIT_SECONDS)  # never under a running window
    try:
        result = restore(file, args.file)
    finally:
        lock.release()
    print(f"已从“{args.file}”恢复数据库：{file}")
    if result.backed_up is not None:
        print(f"恢复前的数据已备份为：{result.backed_up}")
    if result.moved_aside is not None:
        print(f"原数据库文件已保留为：{result.moved_aside}")
    return 0
