"""How the catalogue readers report a file they cannot use.

Readers raise `FormatProblem` with just the reason; `refusal` turns it into the one user-facing
`CatalogueFormatError` that names the file, so every message has the same shape.
"""

from __future__ import annotations

from pathlib import Path

from disclosure_desk.domain.errors import CatalogueFormatError


class FormatProblem(Exception):
    """Internal: why a file is not a usable catalogue (a Chinese sentence ending in 。)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def refusal(path: Path, reason: str) -> CatalogueFormatError:
    return CatalogueFormatError(f"无法导入目录文件“{path.name}”：{reason}")
