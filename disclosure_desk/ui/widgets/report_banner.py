"""The start page's line about the coming 政府信息公开工作年度报告: due date, what is still missing, and a
button that opens the report (shown from 1 December until it is exported; domain.statutory_reminder)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from disclosure_desk.domain.statutory_reminder import ReportReminder

_STYLE = """
QFrame#reportBanner { background: #fff5de; border: 1px solid #e8c36c; border-radius: 4px; }
QLabel#reportBannerHeadline { font-weight: bold; color: #8a5300; }
QLabel#reportBannerMissing { color: #5f4100; }
"""


class ReportBanner(QFrame):
    openRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportBanner")
        self.setStyleSheet(_STYLE)
        self.headline = QLabel(self)
        self.headline.setObjectName("reportBannerHeadline")
        self.missing = QLabel(self)
        self.missing.setObjectName("reportBannerMissing")
        self.missing.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开年度报告…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.headline)
        layout.addSpacing(12)
        layout.addWidget(self.missing, 1)
        layout.addWidget(self.open_button)
        self.open_button.clicked.connect(self.openRequested.emit)
        self.setVisible(False)

    def set_reminder(self, reminder: ReportReminder | None) -> None:
        self.setVisible(reminder is not None)
        if reminder is None:
            return
        self.headline.setText(reminder.headline)
        self.missing.setText(self.tr("还差：{0}").format("；".join(reminder.missing)))
