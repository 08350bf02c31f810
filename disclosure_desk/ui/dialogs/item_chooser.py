"""Choose a catalogue item: the catalogue tab's own search and tree, in a dialog.

Used when 新建 has no item to go on, and by the editor's 更改事项…. Type to search, Down or Enter to
reach the results, Enter (or a double-click) on an item to choose it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.models.catalogue_tree import TreeColumn
from disclosure_desk.ui.panels.catalogue_panel import CataloguePanel
from disclosure_desk.ui.window_geometry import RemembersSize


class ItemChooserDialog(RemembersSize, QDialog):
    size_key = "itemChooser"

    def __init__(
        self,
        items: Sequence[CatalogueItem],
        *,
        current_id: int | None = None,
        prompt: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("itemChooser")
        self.setWindowTitle(self.tr("选择公开事项"))
        self.resize(560, 600)
        self.prompt = QLabel(prompt or self.tr("请选择这条公开信息所属的公开事项："), self)
        self.prompt.setWordWrap(True)
        self.panel = CataloguePanel(self)
        self.panel.tree.setColumnHidden(TreeColumn.OPEN, True)
        self.panel.search.setPlaceholderText(self.tr("输入关键字查找公开事项；↓ 或回车进入结果"))
        self.panel.set_items(items)
        buttons = QDialogButtonBox(self)
        self.choose_button: QPushButton = buttons.addButton(
            self.tr("选择"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)

        self.panel.itemSelected.connect(self._update_button)
        self.panel.itemActivated.connect(lambda _item: self.accept())
        preselected = current_id is not None and self.panel.select_item(current_id)
        self._update_button()
        apply_visual_tab_order(self)
        # an offered item: Enter takes it; none: type to search
        (self.panel.tree if preselected else self.panel.search).setFocus()

    def chosen(self) -> CatalogueItem | None:
        return self.panel.current_item()

    def accept(self) -> None:
        if self.chosen() is not None:  # a category is not an item: stay until one is chosen
            super().accept()

    def _update_button(self, *_args: object) -> None:
        self.choose_button.setEnabled(self.chosen() is not None)
