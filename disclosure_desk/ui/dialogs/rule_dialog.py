"""设定时限规则: the officer's own deadline rule for an item whose 公开时限 text was not understood (or
needs correcting). The catalogue text itself is never rewritten; the rule is kept beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import ANCHOR_PHRASES, Anchor, DeadlineRule, RuleKind
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.window_geometry import RemembersSize


class RuleDialog(RemembersSize, QDialog):
    size_key = "rule"

    """Emits `submitted(rule)` with a DeadlineRule, or `submitted(None)` to go back to the catalogue text."""

    submitted = Signal(object)

    def __init__(
        self, item: CatalogueItem, current: DeadlineRule, timely_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._timely_days = timely_days
        self.setWindowTitle(self.tr("设定时限规则"))
        self.resize(560, 0)
        heading = QLabel(self.tr("事项{0}：{1}").format(item.number_label, " / ".join(item.path)))
        heading.setWordWrap(True)
        original = QLabel(self.tr("目录中的公开时限：{0}").format(item.time_limit or self.tr("（空）")))
        original.setWordWrap(True)

        self.kind = QComboBox()
        for kind, label in (
            (RuleKind.RELATIVE, self.tr("某日期后若干天内")),
            (RuleKind.ANNUAL, self.tr("每年固定日期前")),
            (RuleKind.TIMELY, self.tr("及时公开（按设置的默认工作日数）")),
            (RuleKind.STATUTORY, self.tr("按法定时间（每条记录手工填写应公开日期）")),
        ):
            self.kind.addItem(label, kind)

        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("个工作日"), True)
        self.unit.addItem(self.tr("日（自然日）"), False)
        self.anchor = QComboBox()
        for anchor, phrase in ANCHOR_PHRASES.items():
            self.anchor.addItem(phrase.removesuffix("后"), anchor)
        relative = QWidget()
        relative_form = QFormLayout(relative)
        relative_form.setContentsMargins(0, 0, 0, 0)
        relative_form.addRow(self.tr("起算："), self.anchor)
        relative_form.addRow(self.tr("天数："), self.days)
        relative_form.addRow(self.tr("单位："), self.unit)

        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setSuffix(self.tr(" 月"))
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        self.day.setSuffix(self.tr(" 日"))
        annual = QWidget()
        annual_form = QFormLayout(annual)
        annual_form.setContentsMargins(0, 0, 0, 0)
        annual_form.addRow(self.tr("月份："), self.month)
        annual_form.addRow(self.tr("日期："), self.day)

        self.details = QStackedWidget()
        self.details.addWidget(relative)
        self.details.addWidget(annual)
        self.details.addWidget(QWidget())
        self.preview = QLabel()
        self.preview.setObjectName("duePanel")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("规则："), self.kind)
        form.addRow("", self.details)
        form.addRow(self.tr("效果："), self.preview)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.reset_button = QPushButton(self.tr("恢复按目录原文识别"))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save)
        self.reset_button.clicked.connect(lambda: self.submitted.emit(None))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(original)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self._load(current)
        for widget in (self.kind, self.unit, self.anchor):
            widget.currentIndexChanged.connect(self._update)
        for spin in (self.days, self.month, self.day):
            spin.valueChanged.connect(self._update)
        self._update()
        apply_visual_tab_order(self)

    def _load(self, rule: DeadlineRule) -> None:
        kind = rule.kind if rule.kind is not RuleKind.UNKNOWN else RuleKind.RELATIVE
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.days.setValue(rule.days or 20)
        self.unit.setCurrentIndex(0 if rule.working_days else 1)
        self.anchor.setCurrentIndex(max(self.anchor.findData(rule.anchor or Anchor.FORMED_OR_CHANGED), 0))
        self.month.setValue(rule.month or 1)
        self.day.setValue(rule.day or 31)

    def rule(self) -> DeadlineRule:
        # combo data comes back as plain str: turn it into the enum again
        kind = RuleKind(self.kind.currentData())
        text = self.tr("（手工设定）")
        if kind is RuleKind.RELATIVE:
            return DeadlineRule(
                kind,
                days=self.days.value(),
                working_days=bool(self.unit.currentData()),
                anchor=Anchor(self.anchor.currentData()),
                source_text=text,
            )
        if kind is RuleKind.ANNUAL:
            return DeadlineRule(kind, month=self.month.value(), day=self.day.value(), source_text=text)
        return DeadlineRule(kind, source_text=text)

    def _update(self) -> None:
        kind = RuleKind(self.kind.currentData())
        self.details.setCurrentIndex({RuleKind.RELATIVE: 0, RuleKind.ANNUAL: 1}.get(kind, 2))
        self.preview.setText(self.rule().describe(self._timely_days))
        self.error.setVisible(False)

    def _save(self) -> None:
        rule = self.rule()
        if rule.kind is RuleKind.ANNUAL:
            try:
                date(2024, rule.month, rule.day)
            except ValueError:
                self.error.setText(self.tr("{0}月没有{1}日。").format(rule.month, rule.day))
                self.error.setVisible(True)
                return
        self.submitted.emit(rule)
