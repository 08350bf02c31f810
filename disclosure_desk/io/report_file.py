"""Saving an exported file (report, catalogue): atomically, with one Chinese message per way it fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.io.atomic import FolderNotWritableError, atomic_write
from disclosure_desk.io.errors import ExportError, ReportError


def with_suffix(path: Path, suffix: str) -> Path:
    """`path`, with `suffix` added unless it already ends so (case-insensitive): 年报 → 年报.docx."""
    target = Path(path)
    return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)


def save_report_file(
    target: Path,
    write: Callable[[BinaryIO], object],
    *,
    what: str = "报表",
    error: type[ExportError] = ReportError,
) -> Path:
    """Write `target` through `write`; a crash or a locked file never leaves half a file, and an existing
    file is replaced only by a complete new one. Raises `error` with a Chinese message naming `what`."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise error(f"文件夹“{folder}”不存在，无法保存{what}。请选择其他位置。")
    try:
        atomic_write(target, write, suffix=target.suffix)
    except FolderNotWritableError as failure:
        raise error(
            f"无法在文件夹“{folder}”中保存{what}（{os_error_text(failure)}）。请检查权限或选择其他位置。"
        ) from None
    except PermissionError:
        raise error(
            f"文件“{target}”正被其他程序（如 Excel/WPS/Word）打开，无法覆盖。"
            "请关闭该文件后重试，或另存为其他文件名。"
        ) from None
    except OSError as failure:
        raise error(f"保存{what}“{target}”失败：{os_error_text(failure)}。原有文件未被改动。") from None
    return target
