"""Holiday schedules from the window; remembered layout; start-up failures shown, not thrown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from desk_support import TODAY, Desk
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from disclosure_desk import app as app_module
from disclosure_desk.app import build_desk
from disclosure_desk.cli.context import CliContext
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.holiday_year_dialog import HolidayYearDialog
from disclosure_desk.ui.holiday_text import DayLineError, format_day_lines, parse_day_lines
from disclosure_desk.ui.main_window import ALL_TAB, CATALOGUE_TAB, DASHBOARD_TAB

pytestmark = pytest.mark.gui


def test_holiday_dialog_lists_years_and_a_correction_recomputes_due_dates(desk: Desk) -> None:
    desk.add(1, "部门文件", formed_on=date(2026, 11, 2))
    desk.window.holidays_action.trigger()
    dialog = desk.controller.holidays_dialog
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
    desk.controller.import_holidays(str(path))
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
    desk.controller.import_holidays(str(path))
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


def test_holiday_text_round_trip_and_line_numbers() -> None:
    days = parse_day_lines("2027-01-01 元旦\n\n# 注释\n2027/2/5")
    assert days == [(date(2027, 1, 1), "元旦"), (date(2027, 2, 5), "")]
    assert parse_day_lines(format_day_lines(days)) == days
    with pytest.raises(DayLineError) as caught:
        parse_day_lines("2027-01-01\n2027-13-01")
    assert caught.value.line == 2 and "不存在" in caught.value.reason


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
    window.publications_panel.table.setColumnWidth(0, 411)
    splitter_sizes = window.splitter.sizes()
    window.tabs.setCurrentIndex(ALL_TAB)
    expected = window.size()
    window.close()

    again, _ = build_desk(store, lambda: TODAY, QSettings(ini, QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == expected
    assert again.publications_panel.table.columnWidth(0) == 411
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

    def ask(reason: str, latest: Path | None) -> tuple[startup_dialogs.Recovery, Path | None]:
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
