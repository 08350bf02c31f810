"""The window's report export (Ctrl+E), backup and restore, the audit trail, and the hand-set rule."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from desk_support import TODAY, Desk
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from disclosure_desk.domain.deadlines import Anchor, RuleKind
from disclosure_desk.store import publication_store
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
from disclosure_desk.ui.dialogs.report_dialog import ReportDialog, default_month
from disclosure_desk.ui.dialogs.rule_dialog import RuleDialog

pytestmark = pytest.mark.gui


def _open_dialog(desk: Desk, kind: type) -> object:
    desk.qtbot.waitUntil(
        lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def test_ctrl_e_exports_the_month_and_opens_it(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Entered on the desk's day: a report leaves out what was entered after the day it is made for.
    monkeypatch.setattr(publication_store, "now", lambda: datetime.combine(TODAY, time(9, 0)))
    desk.add(1, "=SUM(A1:A9) 不是公式", formed_on=date(2026, 10, 8))  # due 2026-11-04: overdue
    target = tmp_path / "月报.xlsx"
    suggested: list[Path] = []
    opened: list[Path] = []
    monkeypatch.setattr(files, "ask_report_path", lambda _p, s: suggested.append(s) or target)
    monkeypatch.setattr(files, "open_path", lambda path: opened.append(path) or True)
    desk.window.activateWindow()
    desk.qtbot.keyClick(desk.window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = _open_dialog(desk, ReportDialog)
    assert isinstance(dialog, ReportDialog)
    assert dialog.period().label == "2026年11月"  # late in the month: this month
    dialog.accept()
    desk.qtbot.waitUntil(lambda: opened == [target])
    assert suggested[0].name == "周村区科技局政务公开月报（2026年11月）.xlsx"
    book = load_workbook(target)
    assert {"汇总", "未公开", "明细", "目录覆盖"} <= set(book.sheetnames)
    assert book["汇总"]["A2"].value == "2026年11月（截至11月25日）"
    titles = [c.value for row in book["明细"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "=SUM(A1:A9) 不是公式" in titles
    assert "已导出2026年11月" in desk.window.statusBar().currentMessage()


def test_report_period_defaults_to_last_month_early_in_a_month() -> None:
    assert default_month(date(2026, 12, 3)) == (2026, 11)
    assert default_month(date(2027, 1, 5)) == (2026, 12)
    assert default_month(date(2026, 12, 20)) == (2026, 12)


def test_history_shows_who_changed_what(desk: Desk) -> None:
    from dataclasses import replace

    saved = desk.add(1, "初稿", formed_on=date(2026, 11, 2))
    desk.store.update_publication(replace(saved, title="定稿"))
    desk.controller.reload()
    row = next(r for r in desk.controller.rows if r.publication.id == saved.id)
    desk.controller.show_history(row)
    dialog = _open_dialog(desk, HistoryDialog)
    assert isinstance(dialog, HistoryDialog)
    model = dialog.model
    assert model.rowCount() == 2
    assert model.data(model.index(0, 2)) == "新建"
    assert model.data(model.index(1, 3)) == "标题：初稿 → 定稿"
    dialog.close()


def test_officer_sets_a_rule_for_a_statutory_item(desk: Desk) -> None:
    desk.add(18, "应急预案", formed_on=date(2026, 11, 2))
    desk.select_item(18)
    assert desk.window.detail_panel.rule_button.isVisible()
    desk.qtbot.mouseClick(desk.window.detail_panel.rule_button, Qt.MouseButton.LeftButton)
    dialog = _open_dialog(desk, RuleDialog)
    assert isinstance(dialog, RuleDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RuleKind.RELATIVE))
    dialog.anchor.setCurrentIndex(dialog.anchor.findData(Anchor.FORMED_OR_CHANGED))
    dialog.days.setValue(7)
    assert dialog.preview.text() == "形成或变更后7个工作日内"
    desk.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    desk.qtbot.waitUntil(lambda: not dialog.isVisible())
    (row,) = [r for r in desk.controller.rows if r.publication.title == "应急预案"]
    assert row.record.due.due_on == date(2026, 11, 11)
    item_id = desk.item(18).id
    assert item_id is not None and desk.store.item(item_id).rule_override is not None


def test_backup_then_restore_from_the_window(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.add(1, "备份前", formed_on=date(2026, 11, 2))
    desk.window.backup_action.trigger()
    message = desk.window.statusBar().currentMessage()
    assert "已备份并通过完整性检查" in message
    backup_file = Path(message.split("：", 1)[1])
    assert backup_file.is_file()
    desk.add(1, "备份后", formed_on=date(2026, 11, 3))
    offered: list[object] = []
    monkeypatch.setattr(
        files, "ask_backup_file", lambda _p, _folder, good: offered.append(good) or backup_file
    )
    monkeypatch.setattr(confirm, "ask_restore", lambda _p, _name: True)
    told: list[str] = []
    monkeypatch.setattr(confirm, "show_info", lambda _p, _t, text: told.append(text))
    desk.window.restore_action.trigger()
    assert [r.publication.title for r in desk.controller.rows] == ["备份前"]
    assert told and "原数据已另存为" in told[0]
    [good] = offered  # the good backups, newest first, each with its time and number of records
    assert good[0].path == backup_file and good[0].describe().endswith("1 条公开信息")


def test_the_backup_chooser_offers_the_good_backups_by_time_and_count(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    from PySide6.QtWidgets import QInputDialog

    from disclosure_desk.store.backup import BackupInfo

    good = [
        BackupInfo(tmp_path / "desk-auto-20261201-170200.sqlite3", datetime(2026, 12, 1, 17, 2), 12),
        BackupInfo(tmp_path / "desk-daily-20261201.sqlite3", datetime(2026, 12, 1, 8, 30), 11),
    ]
    shown: list[list[str]] = []

    def pick_second(
        _parent: object, _title: str, _label: str, items: list[str], *_a: object
    ) -> tuple[str, bool]:
        shown.append(items)
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick_second)
    assert files.ask_backup_file(None, tmp_path, good) == good[1].path
    assert shown[0][0].startswith("2026-12-01 17:02，12 条公开信息") and shown[0][-1] == "其他备份文件…"


def test_import_a_revised_catalogue_from_the_window(
    desk: Desk, tmp_path: Path, seed_text_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk.add(1, "部门文件", formed_on=date(2026, 11, 2))
    revised = tmp_path / "目录2027.txt"
    revised.write_text(
        seed_text_path.read_text(encoding="utf-8").replace("领导分工、简历", "领导分工、履历"),
        encoding="utf-8",
    )
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(files, "ask_catalogue_file", lambda _p: revised)
    monkeypatch.setattr(confirm, "ask_import_catalogue", lambda _p, s, w: shown.append((s, w)) or True)
    desk.window.import_catalogue_action.trigger()
    assert shown and "33 个事项" in shown[0][0]
    assert any("492" in w for w in shown[0][1])
    assert "已导入目录：33 个事项；1 条公开信息转到新目录" in desk.window.statusBar().currentMessage()
    item9 = desk.store.active_catalogue().item_by_number(9)
    assert item9 is not None and "履历" in item9.content
    # the register still hangs under item 1 of the tree
    desk.select_item(1)
    assert [r.publication.title for r in desk.controller.rows] == ["部门文件"]
    assert desk.window.detail_panel.table.model().rowCount() == 1


def test_a_broken_catalogue_file_is_refused_in_chinese(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "目录.docx"
    broken.write_bytes(b"PK\x03\x04 not really a docx")
    errors: list[str] = []
    monkeypatch.setattr(files, "ask_catalogue_file", lambda _p: broken)
    monkeypatch.setattr(confirm, "show_error", lambda _p, title, text: errors.append(f"{title}|{text}"))
    before = desk.store.active_catalogue()
    desk.window.import_catalogue_action.trigger()
    assert errors and errors[0].startswith("无法导入目录|")
    assert desk.store.active_catalogue() == before


def test_the_window_backs_up_after_the_days_first_save(desk: Desk) -> None:
    from disclosure_desk.app import attach_window_backups
    from disclosure_desk.store.backup import count_records
    from disclosure_desk.store.db import sqlite_path

    file = sqlite_path(desk.store.url)
    assert file is not None
    schedule = attach_window_backups(desk.store, desk.controller)
    desk.add(1, "今天第一条", formed_on=date(2026, 11, 2))  # saves, then the window reloads
    autos = sorted((file.parent / "backups").glob(f"{file.stem}-auto-*.sqlite3"))
    assert len(autos) == 1 and count_records(autos[0]) == 1
    assert not schedule.changed
