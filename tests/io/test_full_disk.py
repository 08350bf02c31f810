"""A file written to a full disk: a Chinese message, the old file untouched, and nothing printed after it
(zip writers used to finish their archive in the garbage collector, with a traceback on stderr)."""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.io.catalogue_json import export_catalogue_xlsx, read_catalogue_json
from disclosure_desk.paths import data_dir


class _FullDisk(io.FileIO):
    """A file on a disk with 3,000 bytes free."""

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > 3000:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


def test_an_excel_file_on_a_full_disk_fails_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        os,
        "fdopen",
        lambda fd, mode="r", *a, **k: _FullDisk(fd, "wb") if "w" in mode else real_fdopen(fd, mode, *a, **k),
    )
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    target = tmp_path / "目录.xlsx"
    target.write_bytes(b"the earlier export")
    message = ""
    try:
        export_catalogue_xlsx(read_catalogue_json(data_dir() / "catalogue.json"), target)
    except DisclosureDeskError as error:
        message = str(error)
    # the traceback is gone now: whatever the writer left open is collected, as it would be in the program
    assert "磁盘空间已满" in message and "No space" not in message
    gc.collect()  # what the collector does later, when the archive object goes
    assert unraisable == []
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["目录.xlsx"]
