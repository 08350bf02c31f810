"""One dialog of a kind open at a time (Picard's SingletonDialog, as a holder instead of a mixin).

Every controller opened its editors the same way: raise the one already open, else create it, delete it
on close and forget it when it finishes. This holds that once.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


class OpenOnce(Generic[D]):
    """The open dialog of one kind, or None. `activate`: a second request also gives it the keyboard."""

    def __init__(self, *, activate: bool = False) -> None:
        self.dialog: D | None = None
        self._activate = activate

    def raise_open(self) -> bool:
        """Bring the open dialog forward; False when none is open."""
        if self.dialog is None:
            return False
        self.dialog.raise_()
        if self._activate:
            self.dialog.activateWindow()
        return True

    def keep(self, dialog: D) -> D:
        """Hold `dialog` until it finishes; it deletes itself when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._forget)
        self.dialog = dialog
        return dialog

    def open(self, dialog: D) -> D:
        """Hold `dialog` and open it window-modal (open(), not exec(): nothing blocks)."""
        self.keep(dialog).open()
        return dialog

    def _forget(self) -> None:
        self.dialog = None
