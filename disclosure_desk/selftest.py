"""`disclosure-desk --selftest`: check every part of the program in a throw-away data folder.

Run by the build on the frozen bundle before the installer is made, and by whoever installs the program
to see that it works on the office machine. Each check prints one Chinese line, ✓ or ✗ with the reason;
the exit code is 0 only when every check passed. Nothing here may end in a traceback: a broken bundle
(a missing module, data file or Qt plugin) must show up as a ✗ line naming what is missing.

The officer's real data folder is never touched: DISCLOSURE_DESK_HOME and DISCLOSURE_DESK_DB point at a
temporary folder for the duration of the run and are restored afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time as clock
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from disclosure_desk import paths
from disclosure_desk.domain.errors import os_error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from disclosure_desk.store.repository import Store

EXPECTED_ITEMS = 33
DEADLINE_TEXT = "自该信息形成或者变更之日起20个工作日内"
FORMED_ON = date(2026, 10, 8)  # the day after the 2026 National Day holiday
EXPECTED_DUE = date(2026, 11, 4)  # counts the 调休 Saturday 10-10 as a working day
REPORT_YEAR, REPORT_MONTH = 2026, 10
TODAY = date(2026, 11, 2)  # "today" for the report and the window: fixed, so the run is reproducible
NATIVE_TIMEOUT_S = 120  # the child with the real window: a cold start under Wine takes ~30 s
EXPOSE_TIMEOUT_S = 30.0

# Modules the UI engineer's code is expected under; their absence means "not built yet", not "broken".
_UI_MODULES = ("disclosure_desk.app", "disclosure_desk.ui.main_window")


class CheckFailed(Exception):
    """A check ran and found something wrong; the message is the Chinese reason."""


class NotReady(Exception):
    """The part a check needs is not in this build yet."""


class Skipped(Exception):
    """The check cannot run on this machine (no screen); not a failure. The message says why."""


@dataclass
class _Context:
    folder: Path
    store: Store | None = None

    def require_store(self) -> Store:
        if self.store is None:
            raise CheckFailed("未检查，因为数据库未能创建")
        return self.store


def run_selftest(out: TextIO | None) -> int:
    """Run every check, print one line each to `out`; 0 when all passed, else 1.

    `out` may be None: a windowed Windows build started without redirected output has no sys.stdout.
    The result is then only in the exit code.
    """
    printer = _Printer(out)
    started = clock.perf_counter()
    failures = 0
    try:
        with _isolated_folder() as folder:
            context = _Context(folder)
            try:
                for check in _CHECKS:
                    if not _run_check(check, context, printer):
                        failures += 1
            finally:
                _close(context)
    except Exception as error:  # the temporary folder itself could not be made or restored
        printer.line(f"✗ 自检环境：{_describe(error)}")
        failures += 1
    elapsed = clock.perf_counter() - started
    if failures:
        printer.line(f"自检未通过：{failures} 项失败（用时 {elapsed:.1f} 秒）。")
        return 1
    printer.line(f"自检通过（用时 {elapsed:.1f} 秒）。")
    return 0


def run_selftest_to(output: str | None, *, window_only: bool = False) -> int:
    """`--selftest [--output FILE]`: the lines go to FILE as UTF-8, else to the console.

    A file is what to read on Windows: the windowed program has no console, and a redirected stdout is
    written in the ANSI code page (GBK on a Chinese Windows, which has no ✓) whatever PYTHONUTF8 says.
    """
    run = run_window_selftest if window_only else run_selftest
    if output is None:
        return run(sys.stdout)
    try:
        with open(output, "w", encoding="utf-8") as out:
            return run(out)
    except OSError as error:
        message = f"无法写入自检结果文件“{output}”：{os_error_text(error)}。"
        if sys.stderr is not None:
            print(message, file=sys.stderr)
        return 1


# --- the checks ----------------------------------------------------------------------------------------
# Each takes the context and returns the text after "✓ ", or raises (CheckFailed, NotReady or anything).


def _check_modules(_context: _Context) -> str:
    """Import every module of the program: one that needs a library the bundle lacks shows up here.

    PyInstaller includes what the import scanner saw; the window's start-up path (single-instance socket,
    crash dialog) is not run below, so this is what proves its imports are all in the bundle.
    """
    import importlib
    import pkgutil

    import disclosure_desk

    names = sorted(m.name for m in pkgutil.walk_packages(disclosure_desk.__path__, "disclosure_desk."))
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as error:
            failed.append(f"{name}（{_describe(error)}）")
    if failed:
        raise CheckFailed("无法载入 " + "；".join(failed))
    return f"载入程序模块：{len(names)} 个"


def _check_database(context: _Context) -> str:
    from disclosure_desk.bootstrap import open_seeded_store

    db_file = context.folder / "selftest.sqlite3"
    context.store = open_seeded_store(str(db_file))
    if not db_file.is_file():
        raise CheckFailed(f"数据库文件未生成：{db_file}")
    return "创建数据库"


def _check_catalogue(context: _Context) -> str:
    items = context.require_store().active_catalogue().items
    if len(items) != EXPECTED_ITEMS:
        raise CheckFailed(f"应为 {EXPECTED_ITEMS} 项，实际 {len(items)} 项")
    return f"导入内置目录：{len(items)} 项"


def _check_deadline(context: _Context) -> str:
    from disclosure_desk.domain.deadlines import AnchorDates, compute_due, parse_time_limit

    store = context.require_store()
    rule = parse_time_limit(DEADLINE_TEXT)
    due = compute_due(
        rule,
        AnchorDates(formed_on=FORMED_ON),
        store.calendar(),
        timely_days=store.settings().timely_days,
    )
    if due.due_on != EXPECTED_DUE:
        raise CheckFailed(f"应为 {EXPECTED_DUE.isoformat()}，实际 {due.due_on}（{due.explanation}）")
    return f"跨节假日计算时限：{FORMED_ON.isoformat()} + 20个工作日 → {due.due_on.isoformat()}"


def _check_report(context: _Context) -> str:
    from openpyxl import load_workbook

    from disclosure_desk.domain.catalogue import CHANNELS
    from disclosure_desk.domain.publication import Publication
    from disclosure_desk.domain.report_period import ReportPeriod
    from disclosure_desk.domain.report_stats import compute_report
    from disclosure_desk.io.excel_report import write_report
    from disclosure_desk.store.queries import report_input

    store = context.require_store()
    items = store.active_catalogue().items
    if not items:
        raise CheckFailed("未检查，因为目录为空")
    first = items[0]
    if first.id is None:
        raise CheckFailed("目录项缺少编号")
    # One register entry, so the report has a row to lay out and not just empty tables.
    store.add_publication(
        Publication(
            item_id=first.id,
            title="自检用公开信息",
            formed_on=FORMED_ON,
            published_on=date(2026, 10, 20),
            channels=tuple(c for c in first.channels if c in CHANNELS),  # the catalogue's own channels
        ),
        today=TODAY,
    )
    period = ReportPeriod.month(REPORT_YEAR, REPORT_MONTH)
    stats = compute_report(report_input(store, period, TODAY, datetime.combine(TODAY, time(9, 0))))
    written = write_report(context.folder / "自检月报.xlsx", stats)
    if not written.is_file() or written.stat().st_size == 0:
        raise CheckFailed(f"报表文件未生成：{written}")
    # Reading it back proves the workbook is well-formed, not just that bytes were written.
    workbook = load_workbook(written, read_only=True)
    try:
        if not workbook.sheetnames:
            raise CheckFailed("报表中没有工作表")
    finally:
        workbook.close()
    return "生成月报"


def _check_migration(context: _Context) -> str:
    """An old (schema 1) database is backed up and upgraded: Alembic's Operations work in this build."""
    import sqlalchemy as sa

    from disclosure_desk.store.db import open_store
    from disclosure_desk.store.migrations import v1_schema

    old_file = context.folder / "old" / "v1.sqlite3"
    old_file.parent.mkdir()
    engine = sa.create_engine(f"sqlite:///{old_file}")
    try:
        with engine.begin() as connection:
            v1_schema.metadata.create_all(connection)
            connection.execute(v1_schema.metadata.tables["schema_info"].insert().values(id=1, version=1))
    finally:
        engine.dispose()
    store = open_store(str(old_file))
    try:
        result = store.migration
    finally:
        store.close()
    if not result.migrated:
        raise CheckFailed(f"未升级（架构版本 {result.from_version} → {result.to_version}）")
    backups = list(paths.backups_dir_for(old_file).glob("*.sqlite3"))
    if not backups:
        raise CheckFailed("升级前未生成备份")
    return f"升级旧版数据库：架构 {result.from_version} → {result.to_version}，已先备份"


def _check_qt_translation(_context: _Context) -> str:
    """Qt's own Chinese strings (standard buttons, text-box menus) are in the bundle and found."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load(QLocale("zh_CN"), "qtbase", "_", folder):
        raise CheckFailed(f"找不到 qtbase_zh_CN.qm（在 {folder}）")
    return "加载 Qt 中文翻译"


def _check_main_window(context: _Context) -> str:
    import importlib

    for name in _UI_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name and (error.name == name or name.startswith(error.name + ".")):
                raise NotReady(f"主窗口尚未实现（缺少 {name}）") from error
            raise
    return _open_and_close_window(context)


def _open_and_close_window(context: _Context, *, native: bool = False) -> str:
    """Build the real main window (as `app.run_gui` does) on the selftest store, show it, close it.

    `native`: the window is on a real screen, so wait until the platform has mapped it (exposed);
    offscreen, `show()` is all there is to prove.
    """
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from disclosure_desk.app import build_desk
    from disclosure_desk.ui.application import configure_application, create_application

    created = QApplication.instance() is None
    app = create_application([])
    if created:
        # Only in a process of our own (the frozen program): configuring a test runner's shared
        # application would change its locale, names and translators for every later test.
        configure_application(app)
    store = context.require_store()
    # Window layout goes to a file in the temporary folder, never to the officer's registry settings.
    settings = QSettings(str(context.folder / "ui.ini"), QSettings.Format.IniFormat)

    # A modal dialog during start-up would wait for a click that never comes: close it and fail.
    dialogs: list[str] = []

    def close_modal() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            dialogs.append(modal.windowTitle() or type(modal).__name__)
            modal.close()

    watchdog = QTimer()
    watchdog.setInterval(200)
    watchdog.timeout.connect(close_modal)
    watchdog.start()
    try:
        window, controller = build_desk(store, lambda: TODAY, settings)
        try:
            window.show()
            app.processEvents()
            if not window.isVisible():
                raise CheckFailed("主窗口未能显示")
            if native:
                _wait_until_exposed(window)
        finally:
            window.close()
            window.deleteLater()
            del controller
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        watchdog.stop()
    if dialogs:
        raise CheckFailed(f"启动时弹出了对话框：{'、'.join(dialogs)}")
    return "打开并关闭主窗口"


def _wait_until_exposed(window: QWidget) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    native_id = window.winId()  # creates the platform window if show() has not yet
    handle = window.windowHandle()
    if handle is None or not native_id:
        raise CheckFailed(f"主窗口没有本机窗口（winId {native_id}，windowHandle {handle}）")
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(50)

    def stop_when_exposed() -> None:
        if handle.isExposed():
            loop.quit()

    poll.timeout.connect(stop_when_exposed)
    QTimer.singleShot(int(EXPOSE_TIMEOUT_S * 1000), loop.quit)
    poll.start()
    if not handle.isExposed():
        loop.exec()
    poll.stop()
    if not handle.isExposed():
        raise CheckFailed(f"主窗口 {EXPOSE_TIMEOUT_S:.0f} 秒内未出现在屏幕上")


def native_platform() -> str | None:
    """The Qt platform plugin that draws real windows here, or None when there is no screen to draw on."""
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    return "xcb" if os.environ.get("DISPLAY") else None


def _self_command() -> list[str]:
    """How to start this program again: the frozen executable itself, or this Python with the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "disclosure_desk"]


def _check_native_window(context: _Context) -> str:
    """Open the main window with the platform's own plugin, in a child process.

    The other checks draw offscreen (no flash on the desk, works on a server); only a real platform
    plugin (qwindows, qxcb) proves that the installed program can put a window on the officer's screen.
    A process has one platform for its whole life, hence the child.
    """
    platform = native_platform()
    if platform is None:
        raise Skipped("本机没有图形界面（未设置 DISPLAY）")
    result_file = context.folder / "native-window.txt"
    env = dict(os.environ, QT_QPA_PLATFORM=platform)
    env.pop(paths.QT_FONT_DIR_ENV, None)  # the offscreen font folder is not for the real platform
    try:
        child = subprocess.run(
            [*_self_command(), "--selftest-window", "--output", str(result_file)],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=NATIVE_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise CheckFailed(f"超过 {NATIVE_TIMEOUT_S} 秒未结束（{platform}）") from error
    report = result_file.read_text(encoding="utf-8") if result_file.is_file() else ""
    if child.returncode != 0:
        failed = [line[2:] for line in report.splitlines() if line.startswith("✗ ")]
        # Qt's first complaint names the cause ("could not connect to display"); later lines are advice.
        errors = child.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = "；".join(failed) or (errors[0].strip() if errors else f"退出码 {child.returncode}")
        raise CheckFailed(f"{platform}：{reason}")
    return f"在本机图形界面（{platform}）打开并关闭主窗口"


def run_window_selftest(out: TextIO | None) -> int:
    """The child of `_check_native_window`: a seeded store and the main window on QT_QPA_PLATFORM."""
    printer = _Printer(out)
    with _isolated_folder() as folder:
        context = _Context(folder)
        try:
            checks = (("创建数据库", _check_database), ("本机窗口", _native_window))
            passed = all(_run_check(check, context, printer) for check in checks)
        finally:
            _close(context)
    return 0 if passed else 1


def _native_window(context: _Context) -> str:
    return _open_and_close_window(context, native=True)


_CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("载入程序模块", _check_modules),
    ("创建数据库", _check_database),
    ("导入内置目录", _check_catalogue),
    ("跨节假日计算时限", _check_deadline),
    ("生成月报", _check_report),
    ("升级旧版数据库", _check_migration),
    ("加载 Qt 中文翻译", _check_qt_translation),
    ("打开并关闭主窗口", _check_main_window),
    ("本机图形界面", _check_native_window),
)


# --- plumbing ------------------------------------------------------------------------------------------


def _run_check(check: tuple[str, Callable[[_Context], str]], context: _Context, printer: _Printer) -> bool:
    title, function = check
    try:
        success = function(context)
    except Skipped as error:
        printer.line(f"– {title}：未检查，{error}")
        return True
    except NotReady as error:
        printer.line(f"✗ {title}：未完成 — {error}")
        return False
    except CheckFailed as error:
        printer.line(f"✗ {title}：{error}")
        return False
    except Exception as error:  # any other error is a broken build: name it, never a traceback
        printer.line(f"✗ {title}：{_describe(error)}")
        return False
    printer.line(f"✓ {success}")
    return True


def _describe(error: BaseException) -> str:
    """A one-line reason: the project's errors are Chinese sentences already; others get their type."""
    from disclosure_desk.domain.errors import DisclosureDeskError

    if isinstance(error, DisclosureDeskError):
        return str(error)
    if isinstance(error, ModuleNotFoundError):
        return f"缺少模块 {error.name}（打包不完整？）"
    if isinstance(error, NotImplementedError):
        return "功能尚未实现（NotImplementedError）"
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@contextmanager
def _isolated_folder() -> Iterator[Path]:
    """A temporary data folder that the store and the window use instead of the officer's."""
    # The Qt variables too: a caller's process gets them back as they were.
    names = (paths.HOME_ENV, paths.DB_ENV, "QT_QPA_PLATFORM", paths.QT_FONT_DIR_ENV)
    saved = {name: os.environ.get(name) for name in names}
    # ignore_cleanup_errors: on Windows a file Qt or SQLite still holds must not fail the selftest.
    with tempfile.TemporaryDirectory(prefix="disclosure-desk-selftest-", ignore_cleanup_errors=True) as raw:
        folder = Path(raw)
        os.environ[paths.HOME_ENV] = str(folder)
        os.environ[paths.DB_ENV] = str(folder / "selftest.sqlite3")
        # The window is drawn offscreen (no flash on the desk, works on a CI runner) unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        paths.use_system_fonts_offscreen()
        try:
            yield folder
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def _close(context: _Context) -> None:
    if context.store is not None:
        context.store.close()
        context.store = None


# GBK (the code page of output redirected to a file on a Chinese Windows) has no ✓ or ✗, but has the
# √ and × that Chinese forms use anyway.
_GBK_MARKS = str.maketrans({"✓": "√", "✗": "×"})


class _Printer:
    """Writes lines to a stream that may be None or unable to encode ✓ and Chinese (cp936, cp1252)."""

    def __init__(self, out: TextIO | None) -> None:
        self._out = out

    def line(self, text: str) -> None:
        if self._out is None:
            return
        try:
            self._out.write(text + "\n")
        except UnicodeEncodeError:
            encoding = getattr(self._out, "encoding", None) or "ascii"
            fallback = text.translate(_GBK_MARKS).encode(encoding, "replace").decode(encoding)
            self._out.write(fallback + "\n")
        self._out.flush()
