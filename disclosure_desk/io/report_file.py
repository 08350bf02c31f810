"""Saving an exported report file: atomically, with one Chinese message per way it can fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.io.atomic import FolderNotWritableError, atomic_write
from disclosure_desk.io.errors import ReportError


def with_suffix(path: Path, suffix: str) -> Path:
    """`path`, with `suffix` added unless it already ends so (case-insensitive): 年报 → 年报.docx."""
    target = Path(path)
    return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)


def save_report_file(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write `target` through `write`; a crash or a locked file never leaves half a file, and an existing
    file is replaced only by a complete new one. Raises ReportError with a Chinese message."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"文件夹“{folder}”不存在，无法保存报表。请选择其他位置。")
    try:
        atomic_write(target, write, suffix=target.suffix)
    except FolderNotWritableError as error:
        raise ReportError(
            f"无法在文件夹“{folder}”中保存报表（{os_error_text(error)}）。请检查权限或选择其他位置。"
        ) from None
    except PermissionError:
        raise ReportError(
            f"文件“{target}”正被其他程序（如 Excel/WPS/Word）打开，无法覆盖。"
            "请关闭该文件后重试，或另存为其他文件名。"
        ) from None
    except OSError as error:
        raise ReportError(f"保存报表“{target}”失败：{os_error_text(error)}。原有文件未被改动。") from None
    return target
