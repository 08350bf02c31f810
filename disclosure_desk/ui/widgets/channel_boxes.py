"""The 13 channels (公开渠道和载体) as check boxes, two to a row, the item's required ones in bold with
（必选）: the same boxes in the editor and in 标记为已公开."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from disclosure_desk.domain.catalogue import CHANNELS


class ChannelBoxes(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {channel: QCheckBox(channel, self) for channel in CHANNELS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        for number, channel in enumerate(CHANNELS):
            grid.addWidget(self.boxes[channel], number // 2, number % 2)
            self.boxes[channel].toggled.connect(self.changed)

    def set_required(self, channels: Iterable[str]) -> None:
        required = set(channels)
        for channel, box in self.boxes.items():
            needed = channel in required
            box.setText(channel + (self.tr("（必选）") if needed else ""))
            font = box.font()
            font.setBold(needed)
            box.setFont(font)
            box.setToolTip(self.tr("目录要求通过该渠道公开") if needed else "")

    def ticked(self) -> tuple[str, ...]:
        """The ticked channels, in the catalogue's order."""
        return tuple(channel for channel, box in self.boxes.items() if box.isChecked())

    def set_ticked(self, channels: Iterable[str]) -> None:
        wanted = set(channels)
        for channel, box in self.boxes.items():
            box.setChecked(channel in wanted)
