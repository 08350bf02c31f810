"""Helpers shared by the GUI tests: the pinned day and a handle on a running window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from disclosure_desk.app import build_desk
from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.main_window import CATALOGUE_TAB, MainWindow
from disclosure_desk.ui.reminders import Notifier
from disclosure_desk.ui.settings_controller import SettingsController
from disclosure_desk.ui.trash_controller import TrashController

# A Wednesday; item 1 formed on 2026-11-02 is due on 2026-11-30, within the 5-working-day "due soon" window.
TODAY = date(2026, 11, 25)


@dataclass
class Desk:
    window: MainWindow
    controller: DeskController
    store: Store
    qtbot: QtBot

    @classmethod
    def open(
        cls,
        qtbot: QtBot,
        store: Store,
        ui_settings: QSettings,
        today: date = TODAY,
        notifier: Notifier | None = None,
    ) -> Desk:
        """The window on `store`, pinned to `today`, shown and active."""
        window, controller = build_desk(store, lambda: today, ui_settings, notifier=notifier)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return cls(window, controller, store, qtbot)

    @property
    def trash(self) -> TrashController:
        found = self.window.findChild(TrashController)
        assert found is not None
        return found

    @property
    def settings(self) -> SettingsController:
        found = self.window.findChild(SettingsController)
        assert found is not None
        return found

    def item(self, number: int) -> CatalogueItem:
        found = self.store.active_catalogue().item_by_number(number)
        assert found is not None
        return found

    def add(self, number: int, title: str, **fields: object) -> Publication:
        item = self.item(number)
        assert item.id is not None
        if "published_on" in fields:
            fields.setdefault("channels", item.channels)  # published as the catalogue requires
        saved = self.store.add_publication(Publication(item_id=item.id, title=title, **fields))  # type: ignore[arg-type]
        self.controller.reload()
        return saved

    def select_item(self, number: int) -> None:
        """Click the item in the catalogue tree, as the officer would."""
        self.window.tabs.setCurrentIndex(CATALOGUE_TAB)
        panel = self.window.catalogue_panel
        item_id = self.item(number).id
        assert item_id is not None
        index = panel.view_index_of_item(item_id)
        assert index.isValid()
        panel.tree.scrollTo(index)
        rect = panel.tree.visualRect(index)
        self.qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.window.detail_panel.item is not None
        assert self.window.detail_panel.item.number == number

    def shortcut(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, key, modifier)

    def activate(self, widget: QWidget) -> None:
        """A window manager activates a newly opened dialog; the offscreen platform needs telling."""
        widget.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)

    def tick(self, box: QAbstractButton) -> None:
        """Click a check box on its indicator (its centre may lie beyond the label in a wide cell)."""
        self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))

    def type(self, widget: QWidget, text: str) -> None:
        """Type as the officer does: ASCII key by key, Chinese committed by the input method (QTest's
        key clicks cannot carry Chinese characters)."""
        widget.setFocus()
        for chunk, is_ascii in _runs(text):
            if is_ascii:
                self.qtbot.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)


def _runs(text: str) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    for char in text:
        is_ascii = char.isascii()
        if runs and runs[-1][1] == is_ascii:
            runs[-1] = (runs[-1][0] + char, is_ascii)
        else:
            runs.append((char, is_ascii))
    return runs
