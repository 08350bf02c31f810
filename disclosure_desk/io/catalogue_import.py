"""Import a catalogue from any file the officer may have: .docx, .xlsx, flattened Word text, our .json.

The kind of file is decided by its content (a .docx saved as .txt is still read as Word); the extension
only chooses the message when the content is unreadable. Every problem with the file becomes one
CatalogueFormatError with a Chinese message naming the file. Importing only reads: nothing is written.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import TypeVar

from disclosure_desk.domain.catalogue import Catalogue
from disclosure_desk.domain.errors import os_error_text
from disclosure_desk.io.catalogue_docx import rows_from_docx
from disclosure_desk.io.catalogue_errors import FormatProblem, refusal
from disclosure_desk.io.catalogue_json import catalogue_from_json_bytes
from disclosure_desk.io.catalogue_review import TimeLimitCheck, review_items
from disclosure_desk.io.catalogue_table import table_to_catalogue
from disclosure_desk.io.catalogue_text import rows_from_text
from disclosure_desk.io.catalogue_xlsx import rows_from_xlsx

# A catalogue is a few hundred kilobytes at most; far larger files are something else.
MAX_FILE_BYTES = 50 * 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
_EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx"})
_KIND_NAMES = {"docx": "Word", "xlsx": "Excel"}
_T = TypeVar("_T")


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise FormatProblem("这是一个文件夹，不是文件。")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FormatProblem(f"文件太大（{size // (1024 * 1024)} MB），不像是一份公开目录。")
        return path.read_bytes()
    except FileNotFoundError:
        raise FormatProblem("文件不存在。") from None
    except PermissionError:
        raise FormatProblem("没有读取这个文件的权限。") from None
    except OSError as error:
        raise FormatProblem(f"读取文件时出错（{os_error_text(error)}）。") from None


def _zip_kind(data: bytes, suffix: str) -> str:
    expected = (
        "Word" if suffix in _WORD_SUFFIXES else "Excel" if suffix in _EXCEL_SUFFIXES else "Word 或 Excel"
    )
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    # NotImplementedError: a damaged header that names an unknown zip version or compression method
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
        raise FormatProblem(f"文件不完整或已损坏，不是有效的 {expected} 文件。") from error
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise FormatProblem(f"这是一个压缩文件，但不是 {expected} 文档（.docx / .xlsx）。")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        # UTF-8 first; GB18030 is what Notepad on a Chinese Windows saves as "ANSI".
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise FormatProblem("不是可识别的文本文件（编码无法识别或含有二进制内容）。")


def _kind(data: bytes, suffix: str) -> str:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise FormatProblem("文件是空的。")
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(data, suffix)
    if data.startswith(_OLE_MAGIC):
        raise FormatProblem(
            "这是旧版 Word（.doc）/ Excel（.xls）文件或加密文件，"
            "请在 Word 或 Excel 中另存为 .docx 或 .xlsx 后再导入。"
        )
    if suffix in _WORD_SUFFIXES | _EXCEL_SUFFIXES:
        name = "Word" if suffix in _WORD_SUFFIXES else "Excel"
        raise FormatProblem(f"文件已损坏或不是有效的 {name} 文件（内容与扩展名“{suffix}”不符）。")
    if head.startswith(b"%PDF"):
        raise FormatProblem("PDF 文件无法导入，请提供目录的 Word（.docx）或 Excel（.xlsx）文件。")
    if head.startswith(b"{\\rtf"):
        raise FormatProblem("RTF 文件无法导入，请在 Word 中另存为 .docx 后再导入。")
    if suffix == ".json" or head[:1] in (b"{", b"["):
        return "json"
    return "text"


def import_catalogue(path: Path, *, time_limit_check: TimeLimitCheck | None = None) -> Catalogue:
    """Read a catalogue file. Raises CatalogueFormatError (one Chinese sentence) for anything unusable.

    `time_limit_check` may report a 公开时限 text it cannot understand; its messages become warnings.
    """
    path = Path(path)
    try:
        data = _read(path)
        kind = _kind(data, path.suffix.lower())
        return _import(kind, data, path, time_limit_check)
    except FormatProblem as problem:
        raise refusal(path, problem.reason) from None


def _import(kind: str, data: bytes, path: Path, check: TimeLimitCheck | None) -> Catalogue:
    if kind == "json":
        catalogue = catalogue_from_json_bytes(data)
        if check is None:
            return catalogue
        return replace(catalogue, warnings=tuple(review_items(catalogue.items, check)))
    if kind == "xlsx":
        return _import_xlsx(data, path, check)
    if kind == "docx":
        rows = _guarded(kind, lambda: rows_from_docx(data))
        return table_to_catalogue(rows, default_title=path.stem, time_limit_check=check)
    delimiter = "," if path.suffix.lower() == ".csv" else None
    return table_to_catalogue(
        rows_from_text(_decode(data), delimiter=delimiter), default_title=path.stem, time_limit_check=check
    )


def _guarded(kind: str, read: Callable[[], _T]) -> _T:
    """Run a third-party container parser; any failure inside it means the file is damaged."""
    try:
        return read()
    except FormatProblem:
        raise
    # python-docx, openpyxl and lxml raise many unrelated types for damaged input (KeyError, ValueError,
    # XMLSyntaxError, zlib.error …); none of them is a bug of ours, all of them mean "cannot read this".
    except Exception as error:
        raise FormatProblem(
            f"{_KIND_NAMES[kind]} 文件内容已损坏，无法读取（{type(error).__name__}）。"
        ) from error


def _import_xlsx(data: bytes, path: Path, check: TimeLimitCheck | None) -> Catalogue:
    sheet = _guarded("xlsx", lambda: rows_from_xlsx(data))
    catalogue = table_to_catalogue(
        sheet.rows, default_title=path.stem, explicit_hierarchy=sheet.ours, time_limit_check=check
    )
    effective: date | None = None
    if sheet.effective_on:
        try:
            effective = date.fromisoformat(sheet.effective_on)
        except ValueError:
            effective = None
    title = sheet.title or catalogue.title
    return replace(catalogue, title=title, version=sheet.version, effective_on=effective)
