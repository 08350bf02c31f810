"""Safe typing in the publication editor: Tab goes where the eye goes, nothing typed is lost on closing,
the item can be changed, the date picker shows holidays."""

from __future__ import annotations

from datetime import date

import pytest
from desk_support import Desk
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.publication_editor import PublicationEditor
from disclosure_desk.ui.focus_order import visual_order
from disclosure_desk.ui.widgets.date_field import HOLIDAY_BACKGROUND, WORKDAY_BACKGROUND, DateField

pytestmark = pytest.mark.gui


def _new_editor(desk: Desk, number: int = 1) -> PublicationEditor:
    desk.select_item(number)
    desk.shortcut(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is not None and desk.controller.editor.isVisible())
    editor = desk.controller.editor
    assert editor is not None
    desk.activate(editor)
    return editor


def _logical(widget: QWidget | None) -> QWidget | None:
    """A date field's text box stands for the date field."""
    parent = widget.parentWidget() if widget is not None else None
    return parent if isinstance(parent, DateField) else widget


def walk_focus_chain(desk: Desk, start: QWidget, limit: int = 80) -> list[QWidget]:
    """Press Tab from `start` until focus comes back to it; the widgets visited, in order."""
    (start.focusProxy() or start).setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(limit):
        desk.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        current = _logical(QApplication.focusWidget())
        assert current is not None
        if current is start:
            return seen
        seen.append(current)
    raise AssertionError(
        f"Tab never came back to the start: {[w.objectName() or type(w).__name__ for w in seen]}"
    )


def test_tab_follows_the_editor_as_it_is_seen(desk: Desk) -> None:
    editor = _new_editor(desk)
    chain = walk_focus_chain(desk, editor.title_edit)
    dates = editor.date_edits
    expected: list[QWidget] = [
        editor.document_edit,
        editor.kind_combo,
        # 废止日期 is disabled while the 文件类型 is 其他: Tab passes it by
        editor.index_edit,
        # 生成 is disabled without a bureau code: Tab passes it by
        editor.department_edit,
        editor.responsible_edit,
        editor.url_edit,
        dates["formed_on"],
        dates["changed_on"],
        dates["approved_on"],
        dates["published_on"],
        # 应公开日期（手工） is hidden for a computed rule
        editor.late_reason_edit,
        *(editor.channel_boxes[c] for c in CHANNELS),  # two columns, read row by row
        editor.review_box,
        editor.reviewer_edit,
        editor.reviewed_on_edit,
        editor.notes_edit,
        editor.save_button,
        editor.cancel_button,
        editor.change_item_button,
    ]
    assert chain == expected
    # what the issue saw: typing 办公室 then Tab, 王丽 then Tab must fill 承办科室 and 责任人
    desk.type(editor.department_edit, "办公室")
    desk.qtbot.keyClick(editor.department_edit, Qt.Key.Key_Tab)
    desk.type(QApplication.focusWidget(), "王丽")
    assert editor.responsible_edit.text() == "王丽" and editor.url_edit.text() == ""
    editor.done(0)


def _dialogs(desk: Desk) -> dict[str, QDialog]:
    from disclosure_desk.domain.due import rule_of
    from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
    from disclosure_desk.ui.dialogs.holiday_year_dialog import HolidayYearDialog
    from disclosure_desk.ui.dialogs.holidays_dialog import HolidaysDialog
    from disclosure_desk.ui.dialogs.item_chooser import ItemChooserDialog
    from disclosure_desk.ui.dialogs.report_dialog import ReportDialog
    from disclosure_desk.ui.dialogs.rule_dialog import RuleDialog
    from disclosure_desk.ui.dialogs.settings_dialog import SettingsDialog
    from disclosure_desk.ui.dialogs.trash_dialog import TrashDialog
    from disclosure_desk.ui.dialogs.yearly_dialog import YearlyDialog

    store, window = desk.store, desk.window
    items = store.active_catalogue().items
    item = desk.item(1)
    return {
        "settings": SettingsDialog(store.settings(), desk.controller.data_folder, window),
        "report": ReportDialog(date(2026, 11, 25), parent=window),
        "rule": RuleDialog(item, rule_of(item), 5, window),
        "yearly": YearlyDialog(items, item.id, window),
        "trash": TrashDialog(window),
        "history": HistoryDialog("标题", [], window),
        "holidays": HolidaysDialog(store.holiday_schedules(), default_year=2027, parent=window),
        "holiday year": HolidayYearDialog(None, default_year=2027, parent=window),
        "item chooser": ItemChooserDialog(items, parent=window),
    }


def _application_editor(desk: Desk) -> QDialog:
    from disclosure_desk.ui.dialogs.application_editor import ApplicationEditor

    desk.window.applications_panel.newRequested.emit()
    desk.qtbot.waitUntil(lambda: desk.window.findChild(ApplicationEditor) is not None)
    editor = desk.window.findChild(ApplicationEditor)
    assert isinstance(editor, ApplicationEditor)
    return editor


def test_every_dialog_tabs_in_the_order_it_is_seen(desk: Desk) -> None:
    dialogs = _dialogs(desk)
    dialogs["application editor"] = _application_editor(desk)
    for name, dialog in dialogs.items():
        desk.qtbot.addWidget(dialog)
        dialog.show()
        desk.activate(dialog)
        order = [
            _logical(w)
            for w in visual_order(dialog)
            if w.isVisibleTo(dialog) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        order = list(dict.fromkeys(order))
        assert len(order) >= 2, name
        chain = walk_focus_chain(desk, order[0])
        assert [order[0], *chain] == order, name
        dialog.done(0)


def test_closing_a_filled_editor_asks_save_discard_cancel(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [confirm.SaveChoice.CANCEL, confirm.SaveChoice.DISCARD]
    asked: list[str] = []

    def ask(_parent: QWidget, title: str) -> confirm.SaveChoice:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(confirm, "ask_save_changes", ask)
    editor = _new_editor(desk)
    desk.type(editor.title_edit, "年度工作要点")
    desk.qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    assert asked == ["年度工作要点"]
    assert editor.isVisible(), "取消 keeps the editor open with what was typed"
    assert editor.title_edit.text() == "年度工作要点"
    desk.qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)
    assert desk.store.publications() == []


def test_save_from_the_prompt_saves(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(confirm, "ask_save_changes", lambda *_a: confirm.SaveChoice.SAVE)
    editor = _new_editor(desk)
    desk.type(editor.title_edit, "年度工作要点")
    editor.close()  # the window's close button
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)
    [saved] = desk.store.publications()
    assert saved.title == "年度工作要点"


def test_an_untouched_editor_closes_without_asking(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args: object) -> confirm.SaveChoice:
        raise AssertionError("nothing changed: no question")

    monkeypatch.setattr(confirm, "ask_save_changes", never)
    editor = _new_editor(desk)
    desk.qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    desk.qtbot.waitUntil(lambda: desk.controller.editor is None)


def test_the_editor_can_move_a_publication_to_another_item(desk: Desk) -> None:
    editor = _new_editor(desk, 1)
    assert editor.item_heading.text().startswith("公开事项：1. ")
    assert not editor.date_labels["due_on_manual"].isVisible()
    desk.qtbot.mouseClick(editor.change_item_button, Qt.MouseButton.LeftButton)
    chooser = editor.item_chooser
    assert chooser is not None and chooser.isVisible()
    statutory = desk.item(18)
    assert statutory.id is not None and chooser.panel.select_item(statutory.id)
    desk.qtbot.mouseClick(chooser.choose_button, Qt.MouseButton.LeftButton)
    assert editor.item_heading.text().startswith("公开事项：18. ")
    assert editor.date_labels["due_on_manual"].isVisible(), (
        "按照法定时间公开: the officer enters the due date"
    )
    assert editor.value().item_id == statutory.id
    ticked = {c for c, box in editor.channel_boxes.items() if box.isChecked()}
    assert ticked == set(statutory.channels), "untouched channels follow the new item"
    editor.done(0)


def test_the_date_picker_marks_holidays_and_adjusted_working_days(desk: Desk) -> None:
    editor = _new_editor(desk)
    field = editor.date_edits["formed_on"]
    field.set_date(date(2026, 10, 8))
    field._sync_calendar()
    calendar = field.calendar
    assert calendar.dateTextFormat(QDate(2026, 10, 1)).background().color() == HOLIDAY_BACKGROUND
    assert calendar.dateTextFormat(QDate(2026, 10, 10)).background().color() == WORKDAY_BACKGROUND
    assert calendar.dateTextFormat(QDate(2026, 10, 12)).background().style() == Qt.BrushStyle.NoBrush
    calendar.setCurrentPage(2026, 2)  # turning the page marks the new month
    assert calendar.dateTextFormat(QDate(2026, 2, 17)).background().color() == HOLIDAY_BACKGROUND
    assert calendar.dateTextFormat(QDate(2026, 10, 1)).background().style() == Qt.BrushStyle.NoBrush
    assert field.legend.isVisibleTo(field.legend.parentWidget())
    editor.done(0)


def test_the_prompt_itself_says_discard_and_offers_save_dont_save_cancel(desk: Desk) -> None:
    """The real question box (not a stand-in): it names the publication, says 不保存 is 放弃修改, and
    Esc is 取消 (keep editing)."""
    editor = _new_editor(desk)
    desk.type(editor.title_edit, "年度工作要点")
    seen: list[tuple[str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text() + box.informativeText(), [b.text() for b in box.buttons()]))
        desk.qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)
    desk.qtbot.keyClick(editor.title_edit, Qt.Key.Key_Escape)
    desk.qtbot.waitUntil(lambda: len(seen) == 1)
    text, buttons = seen[0]
    assert "“年度工作要点”已修改" in text and "放弃修改" in text
    assert sorted(buttons) == sorted(["保存", "不保存", "取消"])
    assert editor.isVisible() and editor.title_edit.text() == "年度工作要点"
    editor.done(0)
