"""The About box: version and where the officer's data lives."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from disclosure_desk import APP_DISPLAY_NAME, __version__
from disclosure_desk.store.db import database_label


def about_text(data_folder: Path, database: str) -> str:
    tr = QCoreApplication.translate
    database = database_label(database)
    return (
        f"<h3>{escape(tr('About', APP_DISPLAY_NAME))}</h3>"
        f"<p>{escape(tr('About', '版本'))}：{escape(__version__)}</p>"
        f"<p>{escape(tr('About', '主动公开基本目录、公开信息登记与公开时限提醒。'))}</p>"
        f"<p>{escape(tr('About', '数据文件夹'))}：<br><code>{escape(str(data_folder))}</code></p>"
        f"<p>{escape(tr('About', '数据库'))}：<br><code>{escape(database)}</code></p>"
    )


def show_about(parent: QWidget | None, data_folder: Path, database: str) -> None:
    title = QCoreApplication.translate("About", "关于{0}").format(APP_DISPLAY_NAME)
    QMessageBox.about(parent, title, about_text(data_folder, database))
