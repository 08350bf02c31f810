"""A sentence in an empty list saying why it is empty ("没有符合筛选条件的公开信息。", "回收站是空的。"),
instead of a blank white box the officer cannot tell from a fault."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QObject):
    """Shows `text()` centred over `view` while its model has no rows; follows the model's changes."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view)
        self._view = view
        self._viewport = view.viewport()
        self._text = text
        self.label = QLabel(self._viewport)
        self.label.setObjectName("emptyHint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #5f6670; padding: 24px;")
        # the list under it still takes clicks and its context menu
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        self._viewport.installEventFilter(self)
        self._model: QAbstractItemModel | None = None
        self.watch()

    def watch(self) -> None:
        """Follow the view's (current) model."""
        model: QAbstractItemModel | None = self._view.model()
        if model is None or model is self._model:
            self.update()
            return
        self._model = model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.update)
        self.update()

    def update(self, *_args: object) -> None:
        model = self._view.model()
        empty = model is None or model.rowCount() == 0
        if empty:
            self.label.setText(self._text())
            self.label.resize(self._viewport.size())
        self.label.setVisible(empty and bool(self.label.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self.label.resize(self._viewport.size())
        return False
