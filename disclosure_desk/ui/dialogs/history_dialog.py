"""修改记录: who created, changed or deleted a publication, and when, with the values before and after."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from disclosure_desk.domain.audit import AuditEntry
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.models.history_model import HistoryModel
from disclosure_desk.ui.window_geometry import RemembersSize


class HistoryDialog(RemembersSize, QDialog):
    size_key = "history"

    def __init__(self, title: str, entries: Sequence[AuditEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改记录"))
        self.resize(900, 420)
        heading = QLabel(self.tr("“{0}”的修改记录（共 {1} 条）").format(title, len(entries)))
        heading.setWordWrap(True)
        self.model = HistoryModel(entries, self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        apply_visual_tab_order(self)
