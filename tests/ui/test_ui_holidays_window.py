"""Holiday schedules from the window; remembered layout; start-up failures shown, not thrown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from disclosure_desk import app as app_module
from disclosure_desk.app import build_desk
from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.holiday_year_dialog import HolidayYearDialog
from disclosure_desk.ui.main_window import ALL_TAB, CATALOGUE_TAB, DASHBOARD_TAB
from disclosure_desk.ui.models.dashboard_model import OpenColumn
from disclosure_desk.ui.models.publication_table import Column

pytestmark = pytest.mark.gui


def test_holiday_dialog_lists_years_and_a_correction_recomputes_due_dates(desk: Desk) -> None:
    desk.add(1, "部门文件", formed_on=date(2026, 11, 2))
    desk.window.holidays_action.trigger()
    dialog = desk.settings.holidays_dialog
    assert dialog is not None
    years = [dialog.years_model.index(r, 0).data() for r in range(dialog.years_model.rowCount())]
    assert "2026" in years
    schedule_2026 = next(s for s in desk.store.holiday_schedules() if s.year == 2026)

    # the officer adds a (hypothetical) extra holiday on Monday 2026-11-16
    corrected = YearSchedule(
        year=2026,
        holidays=schedule_2026.holidays | {date(2026, 11, 16)},
        adjusted_workdays=schedule_2026.adjusted_workdays,
        official=False,
        notice=schedule_2026.notice,
        source="手工录入",
        names=schedule_2026.names,
    )
    dialog.saveRequested.emit(corrected)
    assert "1 条公开信息的应公开日期随之改变" in dialog.message.text()
    assert desk.controller.rows[0].record.due.due_on == date(2026, 12, 1)
    assert dialog.current_schedule() is not None and dialog.current_schedule().year == 2026
    dialog.reject()


def test_import_a_holiday_file(desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2027.txt"
    path.write_text(
        "年份: 2027\n通知: 国办发明电〔2026〕1号\n官方: 是\n放假: 2027-01-01..2027-01-03 元旦\n",
        encoding="utf-8",
    )
    summaries: list[str] = []
    monkeypatch.setattr(
        confirm, "ask_import_holidays", lambda _parent, summary: summaries.append(summary) or True
    )
    desk.window.holidays_action.trigger()
    desk.settings.import_holidays(str(path))
    assert summaries and "2027" in summaries[0]
    assert 2027 in {s.year for s in desk.store.holiday_schedules()}
    assert "已导入2027年的节假日安排" in desk.window.statusBar().currentMessage()


def test_a_bad_holiday_file_is_reported_in_chinese(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("这不是节假日文件\n", encoding="utf-8")
    errors: list[str] = []
    monkeypatch.setattr(confirm, "show_error", lambda _parent, _title, message: errors.append(message))
    desk.settings.import_holidays(str(path))
    assert errors and all(not message.isascii() for message in errors)


def test_year_dialog_reads_dates_ranges_and_names(qtbot: QtBot) -> None:
    dialog = HolidayYearDialog(None, default_year=2027)
    qtbot.addWidget(dialog)
    dialog.notice.setText("国办发明电〔2026〕1号")
    dialog.holidays.setPlainText("2027-01-01..2027-01-03 元旦\n2027-02-05 春节")
    dialog.workdays.setPlainText("2027-02-14 春节")
    dialog.submit()
    schedule = dialog.result_schedule()
    assert schedule is not None
    assert schedule.year == 2027
    assert date(2027, 1, 2) in schedule.holidays
    assert schedule.adjusted_workdays == frozenset({date(2027, 2, 14)})
    assert schedule.name_of(date(2027, 1, 3)) == "元旦"


def test_year_dialog_refuses_a_weekday_as_adjusted_workday(qtbot: QtBot) -> None:
    dialog = HolidayYearDialog(None, default_year=2027)
    qtbot.addWidget(dialog)
    dialog.holidays.setPlainText("2027-01-01 元旦")
    dialog.workdays.setPlainText("2027-01-04")  # a Monday
    dialog.submit()
    assert dialog.result_schedule() is None
    assert "星期一" in dialog.error.text()


def test_year_dialog_names_the_bad_line(qtbot: QtBot) -> None:
    dialog = HolidayYearDialog(None, default_year=2027)
    qtbot.addWidget(dialog)
    dialog.holidays.setPlainText("2027-01-01 元旦\n2027-02-11..2027-02-05 春节")
    dialog.submit()
    assert dialog.result_schedule() is None
    assert dialog.error.text().startswith("放假日期第2行：")


def test_layout_is_remembered(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    ini = str(tmp_path / "layout.ini")
    window, _controller = build_desk(store, lambda: TODAY, QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(720, 540)  # within the offscreen screen, which restoreGeometry fits to
    window.tabs.setCurrentIndex(CATALOGUE_TAB)
    window.splitter.setSizes([260, 440])
    window.publications_panel.table.setColumnWidth(Column.DOCUMENT, 211)  # the title stretches
    window.dashboard_panel.open_view.setColumnWidth(OpenColumn.PATH, 233)
    splitter_sizes = window.splitter.sizes()
    window.tabs.setCurrentIndex(ALL_TAB)
    expected = window.size()
    window.close()

    again, _ = build_desk(store, lambda: TODAY, QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == expected
    assert again.publications_panel.table.columnWidth(Column.DOCUMENT) == 211
    assert again.dashboard_panel.open_view.columnWidth(OpenColumn.PATH) == 233
    table = again.publications_panel.table
    header = table.horizontalHeader()
    others = sum(header.sectionSize(c) for c in Column if c != Column.TITLE and not table.isColumnHidden(c))
    assert header.sectionSize(Column.TITLE) == max(table.viewport().width() - others, table.title_floor)
    assert again.tabs.currentIndex() == DASHBOARD_TAB  # the start page first, whatever tab was left open
    again.tabs.setCurrentIndex(CATALOGUE_TAB)
    qtbot.waitUntil(lambda: again.splitter.sizes() == splitter_sizes)


def test_run_gui_shows_a_chinese_message_when_the_database_cannot_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from disclosure_desk.ui import crash, qt_logging
    from disclosure_desk.ui.dialogs import startup_dialogs

    # keep pytest-qt's own exception and message capture in place
    monkeypatch.setattr(crash, "install_excepthook", lambda *a, **k: None)
    monkeypatch.setattr(qt_logging, "route_qt_messages", lambda: None)
    asked: list[str] = []

    def ask(reason: str, backups: object) -> tuple[startup_dialogs.Recovery, Path | None]:
        asked.append(reason)
        return startup_dialogs.Recovery.QUIT, None

    monkeypatch.setattr(startup_dialogs, "ask_recovery", ask)
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    assert app_module.run_gui(CliContext(db=str(folder), today=TODAY)) == 1
    assert asked and "文件夹" in asked[0]


def test_about_text_names_version_and_data_folder(desk: Desk) -> None:
    from disclosure_desk import __version__
    from disclosure_desk.ui.dialogs.about import about_text

    text = about_text(desk.controller.data_folder, desk.store.url)
    assert __version__ in text and str(desk.controller.data_folder) in text
    assert "sqlite:" not in text, "the database is named by its file, not a SQLAlchemy address"
    server = about_text(desk.controller.data_folder, "postgresql://desk:secret@db.example/desk")
    assert "secret" not in server and "db.example" in server


def test_year_dialog_reads_a_pasted_notice_paragraph(qtbot: QtBot) -> None:
    dialog = HolidayYearDialog(None, default_year=2020)
    qtbot.addWidget(dialog)
    dialog.pasted.setPlainText(
        "国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。"
    )
    assert "国庆节、中秋节放假 10月1日至8日（8天），9月27日、10月10日上班" in dialog.pasted_result.text()
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert dialog.holidays.toPlainText() == "2020-10-01 至 2020-10-08 国庆节、中秋节"
    assert dialog.workdays.toPlainText() == "2020-09-27 国庆节、中秋节\n2020-10-10 国庆节、中秋节"
    assert dialog.pasted.toPlainText() == ""
    dialog.submit()
    schedule = dialog.result_schedule()
    assert schedule is not None and len(schedule.holidays) == 8
    assert schedule.source == "手工录入"


def test_a_pasted_notice_for_the_wrong_year_is_caught(qtbot: QtBot) -> None:
    dialog = HolidayYearDialog(None, default_year=2027)
    qtbot.addWidget(dialog)
    dialog.pasted.setPlainText("国庆节：10月1日（周四）至7日（周三）放假调休，共7天。")
    assert "请检查所选年份" in dialog.pasted_result.text()
    assert not dialog.fill_button.isEnabled()
    dialog.submit()
    assert dialog.result_schedule() is None and "请检查所选年份" in dialog.error.text()


def test_a_year_shows_ranges_and_names_its_source_in_words(qtbot: QtBot, store: Store) -> None:
    from disclosure_desk.ui.dialogs.holidays_dialog import HolidaysDialog

    schedule_2026 = next(s for s in store.holiday_schedules() if s.year == 2026)
    editor = HolidayYearDialog(schedule_2026, default_year=2026)
    qtbot.addWidget(editor)
    assert "2026-10-01 至 2026-10-07 国庆节" in editor.holidays.toPlainText().splitlines()
    editor.submit()
    unchanged = editor.result_schedule()
    assert unchanged is not None and unchanged.source == schedule_2026.source, "nothing edited, same source"

    dialog = HolidaysDialog(store.holiday_schedules(), default_year=2027)
    qtbot.addWidget(dialog)
    model = dialog.years_model
    row = model.row_of_year(2026)
    assert model.index(row, 1).data() == "国务院办公厅通知 国办发明电〔2025〕7号"
    assert model.index(row, 4).data() == "程序自带"
    dialog.set_schedules(store.holiday_schedules(), select_year=2026)
    days = dialog.days_model
    shown = [days.index(r, 0).data() for r in range(days.rowCount())]
    assert "2026-10-01 至 2026-10-07" in shown
    assert "2026-10-10（星期六）" in shown
    national = shown.index("2026-10-01 至 2026-10-07")
    assert days.index(national, 1).data() == "7" and days.index(national, 3).data() == "国庆节"


def test_the_notice_wording_typed_into_the_boxes_is_read_as_the_notice(qtbot: QtBot) -> None:
    """Issue 15 point 7: "4月3日至5日放假调休，共3天" typed into the 放假日期 box is the notice's own
    wording, not an error; a 上班 sentence written there gives its days to the working days."""
    dialog = HolidayYearDialog(None, default_year=2020)
    qtbot.addWidget(dialog)
    dialog.holidays.setPlainText(
        "2020-01-01 元旦\n"
        "清明节：4月4日至6日放假调休，共3天。\n"
        "国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。"
    )
    dialog.workdays.setPlainText("劳动节：4月26日（星期日）、5月9日（星期六）上班。")
    dialog.submit()
    schedule = dialog.result_schedule()
    assert schedule is not None, dialog.error.text()
    assert len(schedule.holidays) == 1 + 3 + 8
    assert schedule.name_of(date(2020, 4, 5)) == "清明节"
    assert schedule.adjusted_workdays == frozenset(
        {date(2020, 9, 27), date(2020, 10, 10), date(2020, 4, 26), date(2020, 5, 9)}
    )

    bare = HolidayYearDialog(None, default_year=2027)
    qtbot.addWidget(bare)
    bare.holidays.setPlainText("4月3日至5日放假调休，共3天")
    bare.submit()
    result = bare.result_schedule()
    assert result is not None, bare.error.text()
    assert result.holidays == frozenset({date(2027, 4, 3), date(2027, 4, 4), date(2027, 4, 5)})

    wrong = HolidayYearDialog(None, default_year=2027)
    qtbot.addWidget(wrong)
    wrong.holidays.setPlainText("2027-01-01 元旦\n清明节：4月3日至5日放假调休，共4天。")
    wrong.submit()
    assert wrong.result_schedule() is None
    assert wrong.error.text().startswith("放假日期第2行：") and "写的是4天" in wrong.error.text()
