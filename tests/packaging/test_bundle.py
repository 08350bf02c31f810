"""The real thing: build the PyInstaller bundle into a temporary folder and run the frozen `--selftest`.

Slow (about a minute) and needs PyInstaller (the "packaging" extra), so it is kept out of the default run:
    python -m pytest -m slow tests/packaging
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO / "packaging" / "build.py"
APP_NAME = "DisclosureDesk"
SIZE_BUDGET_MB = 150  # the unpacked bundle; the Windows one is smaller than Linux's (no ICU, no X libs)

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _needs_pyinstaller() -> None:
    pytest.importorskip("PyInstaller", reason="needs the packaging extra (PyInstaller)")


def _frozen_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("DISCLOSURE_DESK_HOME", "DISCLOSURE_DESK_DB"):
        env.pop(name, None)
    return env


def test_frozen_bundle_passes_its_selftest(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [
            sys.executable,
            str(BUILD_SCRIPT),
            "--dist",
            str(dist),
            "--work",
            str(work),
            "--no-selftest",
            "--no-installer",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1200,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    bundle = dist / APP_NAME
    executable = bundle / (f"{APP_NAME}.exe" if sys.platform == "win32" else APP_NAME)
    assert executable.is_file()
    assert (bundle / "_internal" / "data" / "catalogue.json").is_file()
    assert (bundle / "_internal" / "resources" / "icons" / "app.ico").is_file()

    result_file = tmp_path / "selftest.txt"
    selftest = subprocess.run(
        [str(executable), "--selftest", "--output", str(result_file)],
        cwd=bundle,
        env=_frozen_env(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    output = result_file.read_text(encoding="utf-8")
    assert selftest.returncode == 0, output + selftest.stderr.decode("utf-8", "replace")
    assert "✓ 打开并关闭主窗口" in output
    assert "Traceback" not in output

    # Symlinks (PyInstaller links Qt's libraries by their soname on Linux) take no space of their own.
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    size_mb = sum(f.stat().st_size for f in files) / 1_000_000
    assert size_mb < SIZE_BUDGET_MB, f"bundle is {size_mb:.0f} MB"
