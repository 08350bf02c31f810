"""Crashes are reported, not swallowed: an excepthook logs the error and shows it with a copy button.

The officer can paste the details into a message to whoever supports the program; the log file's path
is shown too. The program keeps running where Qt allows it, so unsaved work in other windows survives.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk import __version__

log = logging.getLogger(__name__)

ShowCrash = Callable[[str, Path | None], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("程序出错"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "程序遇到了一个意外错误。已保存的数据不受影响；正在编辑但尚未保存的内容可能需要重新填写。\n"
                "请点击“复制详情”，把内容发给技术支持人员。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if log_path is not None:
            where = QLabel(_tr("日志文件：{0}").format(log_path))
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            layout.addWidget(where)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(_tr("复制详情"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_tr("关闭"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        layout.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(_tr("已复制"))


def format_crash(exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, value, tb)
    return f"Disclosure Desk {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n\n" + "".join(
        lines
    )


def show_crash_dialog(details: str, log_path: Path | None) -> None:
    if QApplication.instance() is None:
        return
    CrashDialog(details, log_path, QApplication.activeWindow()).exec()


def install_excepthook(log_path: Path | None, show: ShowCrash = show_crash_dialog) -> None:
    """Route uncaught exceptions to the log and a dialog. A failure inside the hook never recurses."""
    showing = False

    def hook(exc_type: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, value, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, value, tb))
        if showing:
            return
        showing = True
        try:
            show(format_crash(exc_type, value, tb), log_path)
        except Exception:  # the dialog itself failed: the log already has the error
            log.exception("could not show the crash dialog")
        finally:
            showing = False

    sys.excepthook = hook
