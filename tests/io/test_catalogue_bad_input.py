"""Files that are not catalogues get one Chinese CatalogueFormatError, and nothing else escapes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_desk.domain.errors import CatalogueFormatError
from disclosure_desk.io.catalogue_import import import_catalogue

SEED = Path(__file__).parents[1] / "fixtures" / "seed_catalogue.txt"
_FUZZ_CHARACTERS = "\t\n 序号公开内容时限依据一级目录1234■□√、/政府网站"
SUFFIXES = (".txt", ".docx", ".xlsx", ".json", ".csv", "")


def _refused(path: Path, reason: str) -> None:
    with pytest.raises(CatalogueFormatError) as caught:
        import_catalogue(path)
    message = str(caught.value)
    assert path.name in message, message
    assert reason in message, message


@pytest.fixture(scope="module")
def real_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    document = docx.Document()
    document.add_paragraph("某局政务公开基本目录")
    table = document.add_table(rows=3, cols=4)
    rows = (
        ("序号", "一级目录", "公开内容", "公开时限"),
        ("1", "甲", "内容一", "及时"),
        ("2", "", "内容二", "20个工作日"),
    )
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    for _ in range(30):
        document.add_paragraph("填充文字，让文件足够大。" * 20)
    path = tmp_path_factory.mktemp("real") / "real.docx"
    document.save(str(path))
    return path.read_bytes()


@pytest.fixture(scope="module")
def real_xlsx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["序号", "一级目录", "公开内容", "公开依据"])
    for number in range(1, 200):
        sheet.append([number, f"类别{number}", f"内容{number}" * 5, "《条例》"])
    path = tmp_path_factory.mktemp("real") / "real.xlsx"
    workbook.save(str(path))
    return path.read_bytes()


def test_the_real_files_themselves_import(real_docx: bytes, real_xlsx: bytes, tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(real_docx)
    (tmp_path / "a.xlsx").write_bytes(real_xlsx)
    assert [i.category for i in import_catalogue(tmp_path / "a.docx").items] == ["甲", "甲"]
    assert len(import_catalogue(tmp_path / "a.xlsx").items) == 199


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf"])
def test_empty_files(tmp_path: Path, suffix: str, content: bytes) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(content)
    _refused(path, "文件是空的")


@pytest.mark.parametrize(
    ("name", "reason"),
    [("random.docx", "Word"), ("random.xlsx", "Excel"), ("random.txt", "不是"), ("random.json", "JSON")],
)
def test_random_bytes(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 8 + os.urandom(512))
    _refused(path, reason)


@pytest.mark.parametrize(("suffix", "fixture"), [(".docx", "real_docx"), (".xlsx", "real_xlsx")])
def test_truncated_files(tmp_path: Path, suffix: str, fixture: str, request: pytest.FixtureRequest) -> None:
    data: bytes = request.getfixturevalue(fixture)
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "不完整或已损坏")


def test_damaged_inner_xml(tmp_path: Path, real_docx: bytes) -> None:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(real_docx))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            archive.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    path = tmp_path / "damaged.docx"
    path.write_bytes(target.getvalue())
    _refused(path, "已损坏")


def test_docx_without_a_catalogue_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("会议纪要")
    table = document.add_table(rows=2, cols=3)
    for column, value in enumerate(("姓名", "职务", "电话")):
        table.cell(0, column).text = value
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    _refused(path, "没有找到目录表格")


def test_xlsx_without_a_catalogue_header(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["月份", "收入", "支出"])
    sheet.append([1, 100, 90])
    path = tmp_path / "budget.xlsx"
    workbook.save(str(path))
    _refused(path, "没有找到目录表格")


def test_header_without_items(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["序号", "公开内容", "公开时限"])
    path = tmp_path / "header-only.xlsx"
    workbook.save(str(path))
    _refused(path, "没有任何公开事项")


def test_other_zip_file(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    _refused(path, "不是 Word 文档")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.txt", "今天开会。\n\n明天放假。\n".encode(), "没有找到表格"),
        ("table.txt", "\t姓名\n\t电话\n\n\t张三\n\t123\n".encode(), "没有找到目录表头"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "另存为"),
        ("scan.pdf", b"%PDF-1.7\n...", "PDF"),
        ("a.rtf", b"{\\rtf1\\ansi hello}", "RTF"),
        ("utf16.txt", "\t序号\n".encode("utf-16"), "没有找到表格"),
        ("binary.txt", b"abc\x00def", "不是可识别的文本文件"),
    ],
)
def test_things_that_are_not_catalogues(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _refused(path, reason)


def test_truncated_text(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "文件似乎不完整")


def test_permission_denied_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(SEED.read_bytes())

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    _refused(path, "没有读取这个文件的权限")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    _refused(tmp_path / "nowhere.docx", "文件不存在")
    _refused(tmp_path, "文件夹")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    path.chmod(0)
    try:
        _refused(path, "没有读取")
    finally:
        path.chmod(0o600)


def test_importing_writes_nothing(tmp_path: Path, real_docx: bytes, real_xlsx: bytes) -> None:
    files = {"a.txt": SEED.read_bytes(), "b.docx": real_docx, "c.xlsx": real_xlsx, "d.docx": real_docx[:500]}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()}
    cwd_before = sorted(os.listdir("."))
    for name in files:
        with contextlib.suppress(CatalogueFormatError):
            import_catalogue(tmp_path / name)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()} == before
    assert sorted(os.listdir(".")) == cwd_before


def _import_bytes(data: bytes, suffix: str) -> None:
    """Import `data` from a temporary file: a catalogue, or a CatalogueFormatError — nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            catalogue = import_catalogue(path)
        except CatalogueFormatError as error:
            assert "fuzz" in str(error)
        else:
            assert catalogue.items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_escape(data: bytes, suffix: str) -> None:
    _import_bytes(data, suffix)


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(_FUZZ_CHARACTERS)), max_size=400))
def test_catalogue_like_text_never_escapes(text: str) -> None:
    _import_bytes(text.encode("utf-8"), ".txt")


_SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")


@settings(max_examples=60, deadline=None)
@given(keep=st.lists(st.booleans(), min_size=len(_SEED_LINES), max_size=len(_SEED_LINES)))
def test_seed_with_lines_dropped_never_escapes(keep: list[bool]) -> None:
    text = "\n".join(line for line, kept in zip(_SEED_LINES, keep, strict=True) if kept)
    _import_bytes(text.encode("utf-8"), ".txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(min_value=0.0, max_value=1.0), flip=st.integers(min_value=0, max_value=10**9))
def test_damaged_real_files_never_escape(real_docx: bytes, real_xlsx: bytes, cut: float, flip: int) -> None:
    for data, suffix in ((real_docx, ".docx"), (real_xlsx, ".xlsx")):
        truncated = data[: int(len(data) * cut)]
        _import_bytes(truncated, suffix)
        damaged = bytearray(data)
        damaged[flip % len(damaged)] ^= 0xFF
        _import_bytes(bytes(damaged), suffix)
