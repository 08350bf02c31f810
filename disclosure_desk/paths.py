"""Every folder the program uses, from one place.

Bundled, read-only files (data/, resources/) are found in a PyInstaller bundle (sys._MEIPASS), in an
installed package (disclosure_desk/_data, _resources, see pyproject.toml) or in a checkout. Live data sits in
the platform's user data folder (platformdirs), or in DISCLOSURE_DESK_HOME when set — never in the repo.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from platformdirs import user_data_dir

from disclosure_desk import APP_NAME

HOME_ENV = "DISCLOSURE_DESK_HOME"
DB_ENV = "DISCLOSURE_DESK_DB"
DB_FILE_NAME = "disclosure_desk.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(folder: str, installed_name: str) -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / folder)
    candidates += [_PACKAGE_DIR / installed_name, _PACKAGE_DIR.parent / folder]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def data_dir() -> Path:
    """The bundled data/ folder: seed catalogue and holiday schedules."""
    return _bundled("data", "_data")


def resources_dir() -> Path:
    """The bundled resources/ folder: icons, translations, styles."""
    return _bundled("resources", "_resources")


def user_dir() -> Path:
    """The officer's data folder (database, backups, logs). Not created here."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def ui_settings_file() -> Path | None:
    """Where window sizes and column widths go when DISCLOSURE_DESK_HOME moves the data folder: beside
    the data, so a moved (or test) folder never writes into the officer's own settings. None otherwise."""
    if os.environ.get(HOME_ENV):
        return user_dir() / "window.ini"
    return None


def default_db_path() -> Path:
    return user_dir() / DB_FILE_NAME


def backups_dir() -> Path:
    return user_dir() / "backups"


def logs_dir() -> Path:
    return user_dir() / "logs"


def backups_dir_for(db_file: Path) -> Path:
    """Backups of the default database go to the data folder's backups/; others beside their file."""
    if db_file.resolve().parent == user_dir().resolve():
        return backups_dir()
    return db_file.resolve().parent / "backups"


QT_FONT_DIR_ENV = "QT_QPA_FONTDIR"


def use_system_fonts_offscreen(
    environ: MutableMapping[str, str] = os.environ, platform: str = sys.platform
) -> None:
    """On Windows, give Qt's offscreen platform the system's fonts. Call before the QApplication exists.

    Offscreen on Windows reads fonts with FreeType from QT_QPA_FONTDIR, by default <Qt>/lib/fonts, which
    PySide6 does not ship: every offscreen start (the selftest, the tests, a CI runner) then warns
    "QFontDatabase: Cannot find font directory …PySide6/lib/fonts" and draws with no font at all. The
    native `windows` platform asks Windows for its fonts and never looks there, so the officer's window
    is not affected. An explicit QT_QPA_FONTDIR is left alone.
    """
    if platform != "win32" or environ.get(QT_FONT_DIR_ENV):
        return
    if not environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return
    windows = environ.get("WINDIR") or environ.get("SystemRoot")
    if windows and (Path(windows) / "Fonts").is_dir():
        environ[QT_FONT_DIR_ENV] = str(Path(windows) / "Fonts")
