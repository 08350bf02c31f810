"""`backup [-o FILE]` and `restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.errors import DisclosureDeskError


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="立即备份数据库（经完整性检查）", add_help=False)
    backup.add_argument("-h", "--help", action="help", help="显示帮助")
    backup.add_argument("-o", "--output", metavar="文件", type=Path, help="备份文件（默认在备份文件夹）")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore", help="用备份文件恢复数据库（当前文件先备份并保留）", add_help=False
    )
    restore.add_argument("-h", "--help", action="help", help="显示帮助")
    restore.add_argument("file", metavar="备份文件", type=Path)
    restore.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.store.backup import backup_now

    target = backup_now(context.store(), reason="manual", target=args.output)
    if target is None:
        raise DisclosureDeskError("当前数据库不是本机 SQLite 文件，请由数据库管理员备份。")
    print(f"已备份到：{target}")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    from disclosure_desk.store.backup import restore
    from disclosure_desk.store.db import resolve_url, sqlite_path
    from disclosure_desk.store.instance_lock import InstanceLock

    file = sqlite_path(resolve_url(context.db))
    if file is None:
        raise DisclosureDeskError("只能恢复本机 SQLite 数据库文件。")
    lock = InstanceLock(file)
    lock.acquire()  # never swap the file under a running window
    try:
        moved = restore(file, args.file)
    finally:
        lock.release()
    print(f"已从“{args.file}”恢复数据库：{file}")
    if moved is not None:
        print(f"原数据库文件已保留为：{moved}")
    return 0
