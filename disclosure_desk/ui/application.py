"""The QApplication's look and language: names, CJK fonts, high-DPI policy, Qt's own Chinese strings."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from disclosure_desk import APP_DISPLAY_NAME, APP_NAME, __version__, paths

# 微软雅黑 on Windows; the others where the program is tried on a Mac or Linux.
FONT_FAMILIES = [
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
]


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """Create (or return) the QApplication; the rounding policy must be set before it exists."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # 125 % and 150 % Windows scaling stay 1.25 and 1.5 instead of being rounded to whole factors.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    return QApplication(list(argv) if argv is not None else sys.argv[:1])


def configure_application(app: QApplication) -> None:
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale("zh_CN"))
    font = QFont(app.font())
    font.setFamilies(FONT_FAMILIES)
    app.setFont(font)
    _install_qt_translations(app)
    icon = paths.resources_dir() / "icons" / "app.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    style = paths.resources_dir() / "styles" / "app.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def _install_qt_translations(app: QApplication) -> None:
    """Qt's own texts (context menus of text boxes, standard buttons) in Chinese."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale("zh_CN"), "qtbase", "_", folder):
        app.installTranslator(translator)
