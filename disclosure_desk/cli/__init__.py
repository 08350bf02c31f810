"""Command line: the same jobs as the window, without a screen.

Each command group lives in its own module exposing `register(subparsers)`; the handler it sets
(`func`) takes (args, context) and returns an exit code. Messages are Chinese; bad input gives a
message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from disclosure_desk import __version__
from disclosure_desk.cli.context import CliContext, parse_date_arg
from disclosure_desk.domain.errors import DisclosureDeskError

_log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese headings and errors (exit 2, no traceback)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        # argparse's own -h says "show this help message and exit": every (sub)command gets it in Chinese
        chinese_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if chinese_help:
            self.add_argument("-h", "--help", action="help", help="显示帮助")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误：{_translate_argparse(message)}\n")


# argparse's own messages (Python 3.11–3.13), in the order they must be tried: whole-message patterns first.
_TYPE_WORDS = {"int": "整数", "float": "数字", "Path": "路径", "parse_date_arg": "日期"}
_ARGPARSE_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"argument (\S+): (.*)", re.S), lambda m: f"参数 {m[1]}：{_translate_argparse(m[2])}"),
    (
        re.compile(r"invalid (\w+) value: (.*)", re.S),
        lambda m: f"{m[2]} 不是有效的{_TYPE_WORDS.get(m[1], '值')}",
    ),
    (
        re.compile(r"invalid choice: (.*?) \(choose from (.*)\)", re.S),
        lambda m: f"无效的选项 {m[1]}（可选值：{m[2]}）",
    ),
    (re.compile(r"the following arguments are required: (.*)", re.S), lambda m: f"缺少必需的参数：{m[1]}"),
    (re.compile(r"unrecognized arguments: (.*)", re.S), lambda m: f"无法识别的参数：{m[1]}"),
    (re.compile(r"one of the arguments (.*) is required", re.S), lambda m: f"以下参数至少需要一个：{m[1]}"),
    (re.compile(r"not allowed with argument (.*)", re.S), lambda m: f"不能与参数 {m[1]} 同时使用"),
    (
        re.compile(r"ambiguous option: (\S+) could match (.*)", re.S),
        lambda m: f"选项 {m[1]} 不明确，可能是：{m[2]}",
    ),
    (re.compile(r"ignored explicit argument (.*)", re.S), lambda m: f"该选项不接受值：{m[1]}"),
    (re.compile(r"expected one argument"), lambda m: "需要一个值"),
    (re.compile(r"expected at most one argument"), lambda m: "最多只能有一个值"),
    (re.compile(r"expected at least one argument"), lambda m: "至少需要一个值"),
    (re.compile(r"expected (\d+) arguments?"), lambda m: f"需要 {m[1]} 个值"),
)


def _translate_argparse(message: str) -> str:
    """argparse's English message in Chinese; our own (already Chinese) messages pass through unchanged."""
    for pattern, chinese in _ARGPARSE_PATTERNS:
        match = pattern.fullmatch(message.strip())
        if match:
            return chinese(match)
    return message


def build_parser() -> argparse.ArgumentParser:
    from disclosure_desk.cli import commands

    parser = ChineseArgumentParser(
        prog="disclosure-desk",
        description="政务公开台账：主动公开基本目录、公开信息登记与时限提醒。不带子命令时打开主窗口。",
        add_help=False,  # its own -h, worded for the top level
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="显示版本号")
    parser.add_argument(
        "--db",
        metavar="路径或URL",
        help="数据库文件路径或 SQLAlchemy URL（也可用环境变量 DISCLOSURE_DESK_DB；默认在用户数据文件夹）",
    )
    parser.add_argument(
        "--today",
        metavar="日期",
        type=parse_date_arg,
        help="判断公开状态所依据的日期（统计截止日），格式 YYYY-MM-DD（默认：今天）",
    )
    parser.add_argument("--selftest", action="store_true", help="在临时文件夹中自检各项功能后退出")
    parser.add_argument(
        "--output",
        dest="selftest_output",
        metavar="文件",
        help="与 --selftest 同用：把自检结果以 UTF-8 写入该文件（不依赖控制台的编码）",
    )
    # The selftest's child process that opens the window on the real screen (selftest.py); not for users.
    parser.add_argument("--selftest-window", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="子命令", parser_class=ChineseArgumentParser)
    for module in commands.MODULES:
        module.register(sub)
    return parser


def _undecodable(argv: Sequence[str]) -> str | None:
    """A message for the first argument whose bytes were not UTF-8 (Python keeps such bytes as lone
    surrogates, which no file or database can store), e.g. GBK text from an old script."""
    for index, token in enumerate(argv):
        try:
            token.encode("utf-8")
        except UnicodeEncodeError:
            shown = token.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            before = argv[index - 1] if index and argv[index - 1].startswith("-") else ""
            where = f"“{before}”的值" if before else "参数"
            return (
                f"错误：{where}“{shown}”含有无法识别的字符（不是 UTF-8 编码，可能是 GBK）。"
                "请以 UTF-8 编码传入，例如在脚本开头设置 UTF-8。"
            )
    return None


def main(argv: Sequence[str] | None = None) -> int:
    tokens = list(sys.argv[1:] if argv is None else argv)
    problem = _undecodable(tokens)
    if problem is not None:  # exit 1, as when validation finds such text in a field (domain.validation)
        print(problem, file=sys.stderr)
        return EXIT_FAILURE
    parser = build_parser()
    args = parser.parse_args(tokens)
    if args.selftest_output is not None and not (args.selftest or args.selftest_window):
        parser.error("--output 只能与 --selftest 一起使用")
    today: date = args.today or date.today()
    context = CliContext(db=args.db, today=today, today_pinned=args.today is not None)
    try:
        if args.selftest or args.selftest_window:
            from disclosure_desk.selftest import run_selftest_to

            selftest_result: int = run_selftest_to(args.selftest_output, window_only=args.selftest_window)
            return selftest_result
        if args.command is None:
            from disclosure_desk.app import run_gui

            gui_result: int = run_gui(context)
            return gui_result
        if not hasattr(args, "func"):
            parser.parse_args([*tokens, "--help"])
            return EXIT_USAGE
        return _run_command(args, context)
    except DisclosureDeskError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        context.close()


def _run_command(args: argparse.Namespace, context: CliContext) -> int:
    """Run a sub-command with the program's log (the window's rotating file) open for it: what it
    refuses, and why it fails, is in the log as well as on the terminal."""
    from disclosure_desk.logging_setup import command_logging

    with command_logging():
        try:
            result: int = args.func(args, context)
        except DisclosureDeskError as error:
            _log.warning("Command %s refused or failed: %s", args.command, error)
            raise
    return result
