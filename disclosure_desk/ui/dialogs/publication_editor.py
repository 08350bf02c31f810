"""The publication editor: a Publication in, a new Publication out (signal `submitted`); the caller saves.

The due date is recomputed live through the injected `evaluate` (ui.presenters.preview_due), and every
check comes from the domain (validation.publication_problems, which the store applies again when it
saves): the dialog only shows. Every refusal is logged.

The item the publication belongs to is named at the top and can be changed (更改事项…, a searchable
chooser). Closing with changes asks 保存 / 不保存 / 取消 (confirm.ask_save_changes), whether by 取消, Esc
or the window's close button. Tab follows the form as it is seen (focus_order).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import Anchor, DeadlineRule, DueDate, RuleKind
from disclosure_desk.domain.errors import ValidationError
from disclosure_desk.domain.publication import DocumentKind, Publication
from disclosure_desk.domain.validation import needs_missing_channel_reason, publication_problems
from disclosure_desk.domain.workdays import WorkdayCalendar
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.item_chooser import ItemChooserDialog
from disclosure_desk.ui.focus_order import apply_visual_tab_order
from disclosure_desk.ui.presenters import ItemInfo, item_label
from disclosure_desk.ui.texts import format_date, format_date_long
from disclosure_desk.ui.widgets.channel_boxes import ChannelBoxes
from disclosure_desk.ui.widgets.date_field import DateField
from disclosure_desk.ui.widgets.field_error import FieldError, place_problems, with_error
from disclosure_desk.ui.window_geometry import RemembersSize

_log = logging.getLogger(__name__)
DATE_FIELDS = ("formed_on", "changed_on", "approved_on", "published_on", "due_on_manual")


class PublicationEditor(RemembersSize, QDialog):
    submitted = Signal(object)  # Publication: valid by the domain's checks; the caller saves it
    size_key = "publicationEditor"

    def __init__(
        self,
        publication: Publication,
        item: CatalogueItem,
        info: ItemInfo,
        *,
        evaluate: Callable[[Publication], DueDate],
        suggest_index: Callable[[int], str],
        clock: Callable[[], date],
        items: Sequence[CatalogueItem] = (),
        info_for: Callable[[CatalogueItem], ItemInfo] | None = None,
        calendar: WorkdayCalendar | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = publication
        self._item = item
        self._info = info
        self._items = tuple(items)
        self._info_for = info_for
        self._calendar = calendar
        self._evaluate = evaluate
        self._suggest_index = suggest_index
        self._clock = clock
        self._tried = False  # after a refused save, messages follow every change
        self.errors: dict[str, FieldError] = {}
        self.setObjectName("publicationEditor")
        is_new = publication.id is None
        self.setWindowTitle(self.tr("新建公开信息") if is_new else self.tr("编辑公开信息"))
        self.setSizeGripEnabled(True)
        self.resize(1040, 660)  # fits a 1366×768 screen with the taskbar

        self._build_fields()
        self._build_layout()
        self._show_item()
        self._load(publication)
        self._connect()
        self._refresh_due()
        self._refresh_reason()
        self._loaded = self.value()  # what "unchanged" means when the officer closes
        apply_visual_tab_order(self)
        self.title_edit.setFocus()

    # --- building -----------------------------------------------------------------------------------

    def _error(self, name: str) -> FieldError:
        self.errors[name] = FieldError(self)
        return self.errors[name]

    def _build_fields(self) -> None:
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("公开信息的标题"))
        self.document_edit = QLineEdit(self)
        self.document_edit.setPlaceholderText(self.tr("例如 周科发〔2026〕12号"))
        # 文件类型 and 废止日期: the annual report counts 规章 and 规范性文件 (table 二)
        self.kind_combo = QComboBox(self)
        for kind in DocumentKind:
            self.kind_combo.addItem(kind.value, kind.value)
        self.kind_combo.setToolTip(self.tr("规章、规范性文件计入年度报告“第二十条第（一）项”"))
        self.abolished_edit = DateField(self, clock=self._clock)
        self.abolished_edit.setToolTip(self.tr("规章、规范性文件废止或失效的日期（年度报告统计废止件数）"))
        self.index_edit = QLineEdit(self)
        self.index_button = QPushButton(self.tr("生成"), self)
        self.department_edit = QLineEdit(self)
        self.responsible_edit = QLineEdit(self)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.date_edits: dict[str, DateField] = {
            name: DateField(self, clock=self._clock, calendar=self._calendar) for name in DATE_FIELDS
        }
        self.item_heading = QLabel(self)
        self.item_heading.setObjectName("itemHeading")
        self.item_heading.setWordWrap(True)
        self.item_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("mutedLabel")
        self.rule_label.setWordWrap(True)
        self.clause_combo = QComboBox(self)
        self.clause_combo.setToolTip(self.tr("目录的公开时限有多个条款：选择这条信息适用的条款"))
        self.change_item_button = QPushButton(self.tr("更改事项…"), self)
        self.change_item_button.setToolTip(self.tr("把这条公开信息登记到另一个公开事项下"))
        self.change_item_button.setVisible(bool(self._items) and self._info_for is not None)
        self.item_chooser: ItemChooserDialog | None = None

        self.channels = ChannelBoxes(self)
        self.channel_boxes = self.channels.boxes
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("说明为何未通过目录要求的渠道公开"))

        self.review_box = QCheckBox(self.tr("已完成保密审查"), self)
        self.reviewer_edit = QLineEdit(self)
        self.reviewed_on_edit = DateField(self, clock=self._clock, calendar=self._calendar)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.late_reason_edit = QLineEdit(self)
        self.late_reason_edit.setPlaceholderText(self.tr("逾期时填写：原因及处理情况（汇入月报“情况说明”）"))

        self.due_value = QLabel(self)
        self.due_value.setObjectName("dueValue")
        self.due_explanation = QLabel(self)
        self.due_explanation.setWordWrap(True)
        self.due_explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_warnings = QLabel(self)
        self.due_warnings.setObjectName("warningBox")
        self.due_warnings.setWordWrap(True)
        self.general_error = FieldError(self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("取消"), self)
        for button in (self.save_button, self.cancel_button):
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("保存保存") + 32)

    def _clause(self) -> int | None:
        """The clause picked (1-based), None when the item has one or the default one is picked."""
        if not self._info.clauses:
            return None
        picked = self.clause_combo.currentIndex()
        return None if picked in (-1, self._info.default_clause) else picked + 1

    def _rule(self) -> DeadlineRule:
        return self._info.clause_rule(self._clause())

    def _anchor_label(self) -> str:
        anchor = self._rule().anchor
        if anchor is Anchor.RELATED_PUBLICATION:
            return self.tr("关联文件公开日期")
        if anchor is Anchor.RECEIVED:
            return self.tr("收到申请日期")
        return self.tr("形成日期")

    def _build_layout(self) -> None:
        heading = QHBoxLayout()
        heading.addWidget(self.item_heading, 1)
        heading.addWidget(self.change_item_button, 0, Qt.AlignmentFlag.AlignTop)

        basic = QGroupBox(self.tr("基本信息"), self)
        form = QFormLayout(basic)
        index_row = QHBoxLayout()
        index_row.setContentsMargins(0, 0, 0, 0)
        index_row.addWidget(self.index_edit, 1)
        index_row.addWidget(self.index_button)
        index_box = QWidget(self)
        index_box.setLayout(index_row)
        form.addRow(self.tr("标题 *"), with_error(self.title_edit, self._error("title")))
        form.addRow(self.tr("文号"), with_error(self.document_edit, self._error("document_number")))
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.kind_combo)
        kind_row.addSpacing(12)
        kind_row.addWidget(QLabel(self.tr("废止日期"), self))
        kind_row.addWidget(self.abolished_edit, 1)
        kind_box = QWidget(self)
        kind_box.setLayout(kind_row)
        form.addRow(self.tr("文件类型"), with_error(kind_box, self._error("abolished_on")))
        form.addRow(self.tr("索引号"), with_error(index_box, self._error("index_number")))
        form.addRow(self.tr("承办科室"), self.department_edit)
        form.addRow(self.tr("责任人"), self.responsible_edit)
        form.addRow(self.tr("公开链接"), with_error(self.url_edit, self._error("url")))

        dates = QGroupBox(self.tr("日期"), self)
        self.dates_form = QFormLayout(dates)
        self.clause_label = QLabel(self.tr("适用条款"), self)
        self.dates_form.addRow(self.clause_label, self.clause_combo)
        self.date_labels = {
            "formed_on": QLabel(self._anchor_label(), self),
            "changed_on": QLabel(self.tr("变更日期"), self),
            "approved_on": QLabel(self.tr("批复日期"), self),
            "published_on": QLabel(self.tr("公开日期"), self),
            "due_on_manual": QLabel(self.tr("应公开日期（手工）"), self),
        }
        for name in DATE_FIELDS:
            self.dates_form.addRow(
                self.date_labels[name], with_error(self.date_edits[name], self._error(name))
            )

        due = QFrame(self)
        due.setObjectName("duePanel")
        due_layout = QVBoxLayout(due)
        due_layout.addWidget(self.due_value)
        due_layout.addWidget(self.due_explanation)
        due_layout.addWidget(self.due_warnings)
        late_form = QFormLayout()
        late_form.setContentsMargins(0, 0, 0, 0)
        late_form.addRow(self.tr("逾期原因"), self.late_reason_edit)
        due_layout.addLayout(late_form)

        channels = QGroupBox(self.tr("公开渠道和载体"), self)
        channels_layout = QVBoxLayout(channels)
        channels_layout.addWidget(self.channels)
        channels_layout.addWidget(self._error("channels"))
        self.reason_label = QLabel(self.tr("未按目录渠道公开的原因 *"), self)
        channels_layout.addWidget(self.reason_label)
        channels_layout.addWidget(with_error(self.reason_edit, self._error("missing_channel_reason")))

        review = QGroupBox(self.tr("保密审查"), self)
        review_form = QFormLayout(review)
        review_form.addRow(self.review_box)
        review_form.addRow(self.tr("审查人"), self.reviewer_edit)
        review_form.addRow(self.tr("审查日期"), with_error(self.reviewed_on_edit, self._error("reviewed_on")))

        notes = QGroupBox(self.tr("备注"), self)
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(self.notes_edit)

        left = QVBoxLayout()
        left.addWidget(basic)
        left.addWidget(dates)
        left.addWidget(due)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(channels)
        right.addWidget(review)
        right.addWidget(notes, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.rule_label)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def _load(self, p: Publication) -> None:
        self.title_edit.setText(p.title)
        self.title_edit.setCursorPosition(0)  # show the start of a long title, not its end
        self.document_edit.setText(p.document_number)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(p.document_kind.value), 0))
        self.abolished_edit.set_date(p.abolished_on)
        self._enable_abolished()
        self.index_edit.setText(p.index_number)
        self.department_edit.setText(p.department)
        self.responsible_edit.setText(p.responsible)
        self.url_edit.setText(p.url)
        for name, field in self.date_edits.items():
            field.set_date(getattr(p, name))
        self.channels.set_ticked(p.channels)
        self.reason_edit.setText(p.missing_channel_reason)
        self.review_box.setChecked(p.review_done)
        self.reviewer_edit.setText(p.reviewer)
        self.reviewed_on_edit.set_date(p.reviewed_on)
        self.notes_edit.setPlainText(p.notes)
        self.late_reason_edit.setText(p.late_reason)
        self.late_reason_edit.setCursorPosition(0)
        if self._info.clauses and p.clause is not None and 1 <= p.clause <= len(self._info.clauses):
            self.clause_combo.setCurrentIndex(p.clause - 1)
            self._show_clause()
        if self._suggest_index(self._clock().year):
            self.index_button.setToolTip(self.tr("按“统一社会信用代码/年份-序号”生成下一个索引号"))
        else:
            self.index_button.setEnabled(False)
            self.index_button.setToolTip(self.tr("请先在“设置”中填写本单位的统一社会信用代码"))

    def _connect(self) -> None:
        for field in self.date_edits.values():
            field.dateChanged.connect(self._on_changed)
        self.reviewed_on_edit.dateChanged.connect(self._on_changed)
        self.abolished_edit.dateChanged.connect(self._on_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.channels.changed.connect(self._on_changed)
        for edit in (self.title_edit, self.url_edit, self.reason_edit, self.index_edit, self.document_edit):
            edit.textChanged.connect(self._on_text_changed)
        self.index_button.clicked.connect(self.fill_index_number)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.change_item_button.clicked.connect(self.choose_item)
        self.clause_combo.currentIndexChanged.connect(self._on_clause_changed)
        QShortcut(QKeySequence.StandardKey.Save, self, self.submit)

    # --- the item ---------------------------------------------------------------------------------

    def _show_item(self) -> None:
        """Everything that depends on the item: the heading, the rule, required channels, date rows."""
        item, info = self._item, self._info
        self.item_heading.setText(self.tr("公开事项：{0}").format(item_label(item)))
        self.item_heading.setToolTip(item.content)
        self.rule_label.setText(
            self.tr("公开时限：{0}　　计算规则：{1}").format(item.time_limit, info.rule_description)
        )
        self.channels.set_required(item.channels)
        self.clause_combo.blockSignals(True)
        self.clause_combo.clear()
        self.clause_combo.addItems([title for title, _rule in info.clauses])
        self.clause_combo.setCurrentIndex(info.default_clause if info.clauses else -1)
        self.clause_combo.blockSignals(False)
        self.dates_form.setRowVisible(self.clause_label, bool(info.clauses))
        self._show_clause()

    def _show_clause(self) -> None:
        """What depends on the clause: the start date's name, and whether a due date is entered by hand."""
        self.date_labels["formed_on"].setText(self._anchor_label())
        # only statutory (按照法定时间公开) items take a hand-entered due date
        statutory = self._rule().kind is RuleKind.STATUTORY
        self.dates_form.setRowVisible(self.date_labels["due_on_manual"], statutory)

    def choose_item(self) -> None:
        if self._info_for is None:
            return
        info_for = self._info_for
        chooser = ItemChooserDialog(
            self._items,
            current_id=self._item.id,
            prompt=self.tr("把这条公开信息登记到哪个公开事项下？"),
            parent=self,
        )
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.item_chooser = chooser

        def chosen() -> None:
            item = chooser.chosen()
            if item is not None and item.id != self._item.id:
                self.set_item(item, info_for(item))

        chooser.accepted.connect(chosen)
        chooser.open()

    def set_item(self, item: CatalogueItem, info: ItemInfo) -> None:
        """Move the publication to another item; channels the officer left as they were follow the item."""
        untouched = set(self.channels.ticked()) == {c for c in self._item.channels if c in self.channel_boxes}
        self._item, self._info = item, info
        self._show_item()
        if untouched:
            self.channels.set_ticked(item.channels)
        self._on_changed()

    def _on_clause_changed(self, _index: int) -> None:
        self._show_clause()
        self._on_changed()

    # --- closing ------------------------------------------------------------------------------------

    def is_modified(self) -> bool:
        return self.value() != self._loaded

    def reject(self) -> None:
        """取消, Esc and the close button: with changes, ask first (保存 / 不保存 / 取消)."""
        if not self.is_modified():
            super().reject()
            return
        choice = confirm.ask_save_changes(self, self.title_edit.text().strip())
        if choice is confirm.SaveChoice.SAVE:
            self.submit()  # the caller closes the editor once saved; a refused save stays open
        elif choice is confirm.SaveChoice.DISCARD:
            super().reject()

    # --- live feedback ------------------------------------------------------------------------------

    def document_kind(self) -> DocumentKind:
        # Qt hands a str-based enum back as its plain string
        return DocumentKind(self.kind_combo.currentData())

    def _enable_abolished(self) -> None:
        # only 规章 and 规范性文件 are abolished; the date stays as typed so a slip of the combo loses nothing
        self.abolished_edit.setEnabled(self.document_kind() is not DocumentKind.OTHER)

    def _on_kind_changed(self, *_args: object) -> None:
        self._enable_abolished()
        self._on_changed()

    def _on_changed(self, *_args: object) -> None:
        self._refresh_due()
        self._refresh_reason()
        if self._tried:
            self._show_problems(self.problems())

    def _on_text_changed(self, _text: str) -> None:
        if self._tried:
            self._show_problems(self.problems())

    def _refresh_due(self) -> None:
        due = self._evaluate(self.value())
        if due.due_on is not None:
            self.due_value.setText(self.tr("应公开日期：{0}").format(format_date_long(due.due_on)))
        else:
            self.due_value.setText(self.tr("应公开日期：尚不能确定"))
        explanation = due.explanation
        if due.unrolled_on is not None and due.unrolled_on != due.due_on:
            explanation += "\n" + self.tr(
                "期限届满日 {0} 为休息日，顺延后为上述日期；稳妥起见可在 {0} 前公开。"
            ).format(format_date(due.unrolled_on))
        self.due_explanation.setText(explanation)
        self.due_warnings.setText("\n".join(due.warnings))
        self.due_warnings.setVisible(bool(due.warnings))
        self.due = due

    def _refresh_reason(self) -> None:
        needed = needs_missing_channel_reason(self.value(), self._item)
        self.reason_label.setVisible(needed)
        self.reason_edit.setVisible(needed)

    def fill_index_number(self) -> None:
        formed = self.date_edits["formed_on"].date()
        year = (formed or self._clock()).year
        suggestion = self._suggest_index(year)
        if suggestion:
            self.index_edit.setText(suggestion)

    # --- value and checks ---------------------------------------------------------------------------

    def value(self) -> Publication:
        """The publication as the form now says. Text that is not a date counts as no date."""
        dates = self.date_edits
        if self._rule().kind is RuleKind.STATUTORY:
            manual = dates["due_on_manual"].date()
        else:  # a hand-set date stays with its item; another item computes its own
            manual = self._original.due_on_manual if self._item.id == self._original.item_id else None
        channels = self.channels.ticked()
        kind = self.document_kind()
        return dataclasses.replace(
            self._original,
            item_id=self._item.id if self._item.id is not None else self._original.item_id,
            title=self.title_edit.text().strip(),
            document_number=self.document_edit.text().strip(),
            index_number=self.index_edit.text().strip(),
            department=self.department_edit.text().strip(),
            responsible=self.responsible_edit.text().strip(),
            url=self.url_edit.text().strip(),
            channels=channels,
            missing_channel_reason=self.reason_edit.text().strip()
            if self.reason_edit.isVisibleTo(self)
            else "",
            review_done=self.review_box.isChecked(),
            reviewer=self.reviewer_edit.text().strip(),
            reviewed_on=self.reviewed_on_edit.date(),
            notes=self.notes_edit.toPlainText().strip(),
            late_reason=self.late_reason_edit.text().strip(),
            document_kind=kind,
            abolished_on=self.abolished_edit.date() if kind is not DocumentKind.OTHER else None,
            formed_on=dates["formed_on"].date(),
            changed_on=dates["changed_on"].date(),
            approved_on=dates["approved_on"].date(),
            published_on=dates["published_on"].date(),
            due_on_manual=manual,
            clause=self._clause(),
        )

    def problems(self) -> list[ValidationError]:
        problems = [
            ValidationError(field.error(), name) for name, field in self.date_edits.items() if field.error()
        ]
        if self.reviewed_on_edit.error():
            problems.append(ValidationError(self.reviewed_on_edit.error(), "reviewed_on"))
        if self.abolished_edit.error():
            problems.append(ValidationError(self.abolished_edit.error(), "abolished_on"))
        problems += publication_problems(self.value(), self._item, self._clock())
        return problems

    def _show_problems(self, problems: list[ValidationError]) -> None:
        place_problems(
            problems, self.errors, self.general_error, all_placed_hint=self.tr("请先修正标红的内容，再保存。")
        )

    def submit(self) -> None:
        """Check, and hand the value to the caller; nothing is emitted while anything is wrong."""
        self._tried = True
        problems = self.problems()
        self._show_problems(problems)
        if problems:
            _log.info("Editor refused the input: %s", "；".join(str(p) for p in problems))
            self._focus_field(problems[0].field)
            return
        self.submitted.emit(self.value())

    def show_save_error(self, message: str, field: str = "") -> None:
        """The caller could not save: say why, next to the field when it is known; keep what was typed."""
        _log.warning("Saving the publication was refused: %s", message)
        if field in self.errors:
            self.errors[field].show_message(message)
            self._focus_field(field)
        else:
            self.general_error.show_message(message)

    def _focus_field(self, name: str) -> None:
        widgets: dict[str, QWidget] = {
            "title": self.title_edit,
            "url": self.url_edit,
            "missing_channel_reason": self.reason_edit,
            "index_number": self.index_edit,
            "document_number": self.document_edit,
            "reviewed_on": self.reviewed_on_edit,
            **self.date_edits,
        }
        widget = widgets.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
