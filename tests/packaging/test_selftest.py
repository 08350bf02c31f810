"""`--selftest` in-process: every check passes on a checkout, and a broken part is a ✗ line, not a crash."""

from __future__ import annotations

import io
import os

import pytest

from disclosure_desk import paths, selftest

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
