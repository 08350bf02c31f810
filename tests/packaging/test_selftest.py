"""`--selftest` in-process: every check passes on a checkout, and a broken part is a ✗ line, not a crash."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from disclosure_desk import cli, paths, selftest

EXPECTED_LINES = [
    "✓ 载入程序模块：",
    "✓ 创建数据库",
    "✓ 导入内置目录：33 项",
    "✓ 跨节假日计算时限：2026-10-08 + 20个工作日 → 2026-11-04",
    "✓ 生成月报",
    "✓ 打开并关闭主窗口",
]


@pytest.mark.gui
# The offscreen platform's own complaint about native window sizes, not the program's.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_check_passes(qapp: object) -> None:
    out = io.StringIO()

    code = selftest.run_selftest(out)

    lines = out.getvalue().splitlines()
    assert code == 0, out.getvalue()
    for expected in EXPECTED_LINES:
        assert any(line.startswith(expected) for line in lines), expected
    assert not [line for line in lines if line.startswith("✗")]
    assert lines[-1].startswith("自检通过")


def test_a_failing_part_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_store(db: str | None = None) -> object:
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr("disclosure_desk.bootstrap.open_seeded_store", broken_store)
    # The checks that need the store; Qt stays out of this fast test.
    needs_store = {"创建数据库", "导入内置目录", "跨节假日计算时限", "生成月报"}
    monkeypatch.setattr(selftest, "_CHECKS", tuple(c for c in selftest._CHECKS if c[0] in needs_store))
    out = io.StringIO()

    code = selftest.run_selftest(out)

    text = out.getvalue()
    assert code == 1
    assert "✗ 创建数据库：RuntimeError: 磁盘已满" in text
    assert "✗ 导入内置目录：未检查，因为数据库未能创建" in text
    assert "Traceback" not in text
    assert text.splitlines()[-1].startswith("自检未通过：4 项失败")


def test_the_callers_environment_is_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, "/somewhere/else")
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    seen: list[str | None] = []

    def look(_context: object) -> str:
        seen.append(os.environ.get(paths.DB_ENV))
        return "看过"

    monkeypatch.setattr(selftest, "_CHECKS", (("看一眼", look),))

    assert selftest.run_selftest(io.StringIO()) == 0

    assert seen[0] is not None and seen[0].endswith("selftest.sqlite3")
    assert os.environ[paths.HOME_ENV] == "/somewhere/else"
    assert paths.DB_ENV not in os.environ


def test_output_survives_a_stream_that_cannot_encode_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "_CHECKS", (("编码", lambda _context: "中文"),))
    raw = io.BytesIO()
    ascii_out = io.TextIOWrapper(raw, encoding="ascii")

    assert selftest.run_selftest(ascii_out) == 0
    assert selftest.run_selftest(None) == 0  # a windowed build's missing sys.stdout

    ascii_out.flush()
    assert raw.getvalue().startswith(b"? ??")


def test_a_chinese_code_page_gets_chinese_check_marks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Output redirected to a file on a Chinese Windows is GBK, which has √ and × but not ✓ and ✗.
    monkeypatch.setattr(selftest, "_CHECKS", (("编码", lambda _context: "中文"),))
    raw = io.BytesIO()
    gbk_out = io.TextIOWrapper(raw, encoding="gbk")

    assert selftest.run_selftest(gbk_out) == 0

    gbk_out.flush()
    assert raw.getvalue().decode("gbk").splitlines()[0] == "√ 中文"


def test_output_goes_to_a_utf8_file_whatever_the_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The frozen Windows program writes a redirected stdout in the ANSI code page whatever PYTHONUTF8
    # says; the file is UTF-8 always.
    monkeypatch.setattr(selftest, "_CHECKS", (("编码", lambda _context: "中文"),))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    result = tmp_path / "自检结果.txt"

    assert cli.main(["--selftest", "--output", str(result)]) == 0

    lines = result.read_bytes().decode("utf-8").splitlines()
    assert lines[0] == "✓ 中文"
    assert lines[-1].startswith("自检通过")
    assert sys.stdout.buffer.getvalue() == b""  # type: ignore[attr-defined]


def test_an_unwritable_output_file_is_a_chinese_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(selftest, "_CHECKS", (("编码", lambda _context: "中文"),))

    code = cli.main(["--selftest", "--output", str(tmp_path / "没有这个文件夹" / "结果.txt")])

    assert code == 1
    err = capsys.readouterr().err
    # seen: "无法写入自检结果文件 …：No space left on device" — the system's English in the message
    assert "无法写入自检结果文件" in err and "文件或文件夹不存在" in err and "No such" not in err, err


def test_output_belongs_to_the_selftest(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--output", "结果.txt", "status"])

    assert stopped.value.code == 2
    assert "--output 只能与 --selftest 一起使用" in capsys.readouterr().err


def test_without_a_screen_the_native_window_is_not_checked_and_not_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(selftest, "native_platform", lambda: None)
    monkeypatch.setattr(selftest, "_CHECKS", tuple(c for c in selftest._CHECKS if c[0] == "本机图形界面"))
    out = io.StringIO()

    assert selftest.run_selftest(out) == 0

    assert out.getvalue().splitlines()[0] == "– 本机图形界面：未检查，本机没有图形界面（未设置 DISPLAY）"


def test_a_window_the_platform_cannot_open_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    # Qt's own words when the X server is gone, then the exit code a failed platform plugin gives.
    qt_says = "qt.qpa.xcb: could not connect to display :99"
    child = f"import sys; sys.stderr.write('{qt_says}\\nmore\\n'); sys.exit(3)"
    monkeypatch.setattr(selftest, "native_platform", lambda: "xcb")
    monkeypatch.setattr(selftest, "_self_command", lambda: [sys.executable, "-c", child])
    monkeypatch.setattr(selftest, "_CHECKS", tuple(c for c in selftest._CHECKS if c[0] == "本机图形界面"))
    out = io.StringIO()

    assert selftest.run_selftest(out) == 1

    assert out.getvalue().splitlines()[0] == f"✗ 本机图形界面：xcb：{qt_says}"


@pytest.fixture
def real_screen() -> Iterator[None]:
    """Windows has one; on Linux a private Xvfb (DISPLAY set for the test, so the child inherits it)."""
    if sys.platform == "win32":
        yield
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("needs a screen: Windows, or Xvfb on Linux (.ci/run installs it)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            display = announced.readline().strip()  # Xvfb writes its display number once it is ready
        assert display, "Xvfb did not start"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DISPLAY", f":{display}")
            yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_main_window_opens_with_the_platforms_own_plugin(real_screen: None, tmp_path: Path) -> None:
    context = selftest._Context(tmp_path)

    line = selftest._check_native_window(context)

    assert line == f"在本机图形界面（{selftest.native_platform()}）打开并关闭主窗口"
    child_report = (tmp_path / "native-window.txt").read_text(encoding="utf-8")
    assert child_report.splitlines()[-1] == "✓ 打开并关闭主窗口"
