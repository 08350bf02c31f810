"""The form for the annual report's entered figures, built from the one list of them
(domain.statutory_figures.FIGURE_FIELDS): a box per block of the format, 复议/诉讼 as the table's grid."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.statutory_figures import FIGURE_FIELDS, SECTION_6, EnteredFigures, FigureField
from disclosure_desk.domain.statutory_tables import (
    LITIGATION,
    LITIGATION_AFTER_REVIEW,
    LITIGATION_DIRECT,
    OUTCOME_LABELS,
    REVIEW,
    TOTAL,
)
from disclosure_desk.ui.widgets.field_error import FieldError, with_error

_CASE_GROUPS = (REVIEW, LITIGATION)
# rows of the 复议/诉讼 grid: (row title, key prefix)
_CASE_ROWS = ((REVIEW, "review"), (LITIGATION_DIRECT, "direct"), (LITIGATION_AFTER_REVIEW, "after_review"))
_OUTCOME_KEYS = ("maintained", "corrected", "other", "pending")


class FiguresForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, FieldError] = {}
        self.totals: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        groups: dict[str, list[FigureField]] = {}
        for field in FIGURE_FIELDS:
            groups.setdefault(field.group, []).append(field)
        # the format's order: 第二十条 (一)(五)(六)(八), then 复议/诉讼 (section 四), then section 六
        for group, fields in groups.items():
            if group in _CASE_GROUPS:
                continue
            if group == SECTION_6:
                layout.addWidget(self._cases_group())
            layout.addWidget(self._plain_group(group, fields))
        layout.addStretch(1)

    def _edit(self, field: FigureField) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field.key)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setMaximumWidth(140)
        edit.setAccessibleName(field.cell)
        edit.setToolTip(self.tr("{0}（单位：{1}）").format(field.cell, field.unit))
        edit.textChanged.connect(self._on_changed)
        self.edits[field.key] = edit
        self.errors[field.key] = FieldError(self)
        return edit

    def _plain_group(self, group: str, fields: Sequence[FigureField]) -> QGroupBox:
        box = QGroupBox(group, self)
        form = QFormLayout(box)
        for field in fields:
            edit = self._edit(field)
            form.addRow(
                self.tr("{0}（{1}）").format(field.cell, field.unit), with_error(edit, self.errors[field.key])
            )
        return box

    def _cases_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("行政复议、行政诉讼（件）"), self)
        grid = QGridLayout(box)
        for column, label in enumerate((*OUTCOME_LABELS, TOTAL), start=1):
            header = QLabel(label, box)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(header, 0, column)
        for row, (title, prefix) in enumerate(_CASE_ROWS, start=1):
            grid.addWidget(QLabel(title if prefix == "review" else f"{LITIGATION}·{title}", box), row, 0)
            for column, outcome in enumerate(_OUTCOME_KEYS, start=1):
                field = next(f for f in FIGURE_FIELDS if f.key == f"{prefix}_{outcome}")
                grid.addWidget(with_error(self._edit(field), self.errors[field.key]), row, column)
            total = QLabel("0", box)
            total.setAlignment(Qt.AlignmentFlag.AlignCenter)
            total.setToolTip(self.tr("总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结，自动计算"))
            self.totals[prefix] = total
            grid.addWidget(total, row, 5)
        return box

    # --- values -------------------------------------------------------------------------------------

    def set_figures(self, figures: EnteredFigures) -> None:
        for key, text in figures.as_texts().items():
            edit = self.edits[key]
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
        self.clear_problems()
        self._update_totals()

    def texts(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        self.clear_problems()
        for problem in problems:
            error = self.errors.get(problem.field)
            if error is not None:
                error.show_message(str(problem))
        first = next((self.edits[p.field] for p in problems if p.field in self.edits), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear_message()

    def _on_changed(self, _text: str) -> None:
        self._update_totals()
        self.changed.emit()

    def _update_totals(self) -> None:
        for prefix, label in self.totals.items():
            parts = [self.edits[f"{prefix}_{k}"].text().strip() for k in _OUTCOME_KEYS]
            numbers = [int(p) for p in parts if p.isdigit()]
            # a part that is not yet a whole number leaves the sum open rather than wrong
            label.setText(str(sum(numbers)) if len(numbers) == len([p for p in parts if p]) else "—")
