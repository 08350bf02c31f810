"""A red message shown under a form field, hidden while there is nothing to say."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from disclosure_desk.domain.errors import ValidationError


class FieldError(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


def with_error(field: QWidget, error: FieldError) -> QWidget:
    """The field with its error message directly beneath it, as one form cell."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


def place_problems(
    problems: Sequence[ValidationError],
    errors: Mapping[str, FieldError],
    general: FieldError,
    *,
    all_placed_hint: str = "",
) -> None:
    """Each field's first problem under it, those of no shown field together in `general`; when every
    problem has its place, `general` says `all_placed_hint` (or nothing)."""
    by_field: dict[str, str] = {}
    for problem in problems:
        by_field.setdefault(problem.field, str(problem))
    for name, label in errors.items():
        label.show_message(by_field.get(name, ""))
    unplaced = [message for name, message in by_field.items() if name not in errors]
    general.show_message("\n".join(unplaced) if unplaced else all_placed_hint if problems else "")
