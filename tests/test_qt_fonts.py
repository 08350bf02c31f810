"""Qt's offscreen platform on Windows reads the system's fonts instead of PySide6's missing lib/fonts.

Without it every offscreen start on Windows (the selftest, these tests, the CI runner) warns
"QFontDatabase: Cannot find font directory …PySide6/lib/fonts" and draws without any font.
"""

from __future__ import annotations

from pathlib import Path

from disclosure_desk.paths import QT_FONT_DIR_ENV, use_system_fonts_offscreen


def _windows(tmp_path: Path, **extra: str) -> dict[str, str]:
    (tmp_path / "Fonts").mkdir(exist_ok=True)
    return {"WINDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", **extra}


def test_offscreen_on_windows_reads_the_system_fonts(tmp_path: Path) -> None:
    environ = _windows(tmp_path)

    use_system_fonts_offscreen(environ, platform="win32")

    assert environ[QT_FONT_DIR_ENV] == str(tmp_path / "Fonts")


def test_the_real_windows_platform_and_other_systems_are_left_alone(tmp_path: Path) -> None:
    native = _windows(tmp_path, QT_QPA_PLATFORM="windows")
    linux = _windows(tmp_path)

    use_system_fonts_offscreen(native, platform="win32")
    use_system_fonts_offscreen(linux, platform="linux")

    assert QT_FONT_DIR_ENV not in native
    assert QT_FONT_DIR_ENV not in linux


def test_a_font_folder_set_by_hand_wins(tmp_path: Path) -> None:
    environ = _windows(tmp_path, **{QT_FONT_DIR_ENV: "D:/fonts"})

    use_system_fonts_offscreen(environ, platform="win32")

    assert environ[QT_FONT_DIR_ENV] == "D:/fonts"
