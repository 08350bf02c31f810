"""Last year's 年度报告 from a Word file the officer picks: its text, for the 雷同 check."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.io.errors import ReportError

# A report is a few dozen kilobytes; anything this big is not one (and would only be slow to read).
_MAX_BYTES = 50 * 1024 * 1024


def read_report_text(path: Path) -> str:
    """The report's paragraphs, one per line, tables left out; ReportError in Chinese if it cannot be read."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise ReportError(f"文件“{path.name}”过大，不像是一份年度报告。")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"找不到文件“{path}”。") from None
    except OSError as error:
        raise ReportError(f"无法读取文件“{path}”：{os_error_text(error)}。") from None
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ReportError(
            f"“{path.name}”是旧版 Word（.doc）文件，无法读取。请在 Word 或 WPS 中另存为 .docx 后再选择。"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError):
        # the library's reason ("File is not a zip file") is English and says nothing more to the officer
        raise ReportError(f"“{path.name}”不是有效的 Word（.docx）文件，或文件已损坏。") from None
    except Exception as error:  # lxml's XMLSyntaxError and friends: a damaged document part
        raise ReportError(f"“{path.name}”的内容已损坏，无法读取（{type(error).__name__}）。") from None
    # right-aligned lines are the 落款 (bureau and date), the same every year: not prose to compare
    lines = (p.text.strip() for p in document.paragraphs if p.alignment != WD_ALIGN_PARAGRAPH.RIGHT)
    return "\n".join(line for line in lines if line)
