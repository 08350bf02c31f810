"""工具 → 年度报告… as the officer uses it in December: the start page's reminder, the figures form that
refuses bad figures, the tables with failed checks marked, the draft text edited, and the export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from desk_support import Desk
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from disclosure_desk.app import build_desk
from disclosure_desk.domain.applications import ApplicantType, Application
from disclosure_desk.domain.publication import DocumentKind, Publication
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.repository import Store
from disclosure_desk.store.statutory import saved_year
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.statutory_dialog import FIGURES_TAB, TABLES_TAB, TEXT_TAB, StatutoryDialog
from disclosure_desk.ui.statutory_controller import StatutoryController

pytestmark = pytest.mark.gui
DECEMBER = date(2026, 12, 1)


@pytest.fixture
def december(qtbot: QtBot, store: Store, ui_settings: QSettings) -> Iterator[Desk]:
    item = store.active_catalogue().items[0]
    assert item.id is not None
    store.add_publication(
        Publication(item_id=item.id, title="科技创新券管理办法", formed_on=date(2026, 3, 1),
                    published_on=date(2026, 3, 10), channels=("政府网站",),
                    document_kind=DocumentKind.NORMATIVE)
    )  # fmt: skip
    register = ApplicationRegister(store)
    register.add(Application(received_on=date(2026, 3, 2), applicant_type=ApplicantType.NATURAL_PERSON,
                             content="项目资金"), DECEMBER)  # fmt: skip
    window, controller = build_desk(store, lambda: DECEMBER, ui_settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield Desk(window, controller, store, qtbot)


def open_report(desk: Desk) -> StatutoryDialog:
    banner = desk.window.dashboard_panel.report_banner
    desk.qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    statutory = desk.window.findChild(StatutoryController, "statutoryController")
    assert statutory is not None
    desk.qtbot.waitUntil(lambda: statutory.dialog is not None and statutory.dialog.isVisible())
    dialog = statutory.dialog
    assert dialog is not None
    desk.activate(dialog)
    return dialog


def retype(desk: Desk, dialog: StatutoryDialog, key: str, text: str) -> None:
    edit = dialog.figures_form.edits[key]
    edit.setFocus()
    edit.selectAll()
    desk.qtbot.keyClick(edit, Qt.Key.Key_Delete)
    desk.type(edit, text)  # Chinese through the input method, as the officer types it


def test_the_start_page_reminds_from_the_first_of_december(december: Desk) -> None:
    banner = december.window.dashboard_panel.report_banner
    assert banner.isVisible()
    assert banner.headline.text() == "2026年度报告 应于 2027-01-31 前公开"
    assert banner.missing.text() == (
        "还差：行政许可、处罚、强制、收费和复议诉讼数字尚未填写；"
        "报告正文仍是程序草稿，尚未修改；尚未导出 Word 文件"
    )


def test_bad_figures_are_refused_and_nothing_is_written(december: Desk) -> None:
    dialog = open_report(december)
    assert dialog.year() == 2026
    assert dialog.tabs.currentIndex() == FIGURES_TAB
    retype(december, dialog, "licensing", "-3")
    retype(december, dialog, "penalty", "三")
    december.qtbot.mouseClick(dialog.save_figures_button, Qt.MouseButton.LeftButton)
    message = dialog.figures_form.errors["licensing"].text()
    assert message == "“行政许可 本年处理决定数量”不能为负数（填写了 -3）。"
    assert dialog.figures_form.errors["penalty"].isVisible()
    assert dialog.figures_status.text() == "有 2 处需要修改，数字未保存。"
    assert not saved_year(december.store, 2026).figures_saved

    retype(december, dialog, "licensing", "12")
    retype(december, dialog, "penalty", "3")
    retype(december, dialog, "review_maintained", "1")
    retype(december, dialog, "review_pending", "2")
    assert dialog.figures_form.totals["review"].text() == "3"
    december.qtbot.mouseClick(dialog.save_figures_button, Qt.MouseButton.LeftButton)
    assert saved_year(december.store, 2026).figures.licensing == 12
    assert not dialog.figures_form.errors["licensing"].isVisible()
    # the tables show what was saved
    table2 = dialog.grid_models[0]
    assert table2.index(6, 1).data() == "12"
    assert dialog.grid_models[2].index(3, 4).data() == "3"
    banner = december.window.dashboard_panel.report_banner
    assert banner.missing.text().startswith("还差：报告正文仍是程序草稿")


def test_tables_mark_the_cell_a_failed_check_is_about(december: Desk) -> None:
    item = december.store.active_catalogue().items[0]
    assert item.id is not None
    for title in ("旧文件一", "旧文件二"):  # abolished, but older than the register
        december.store.add_publication(
            Publication(item_id=item.id, title=title, document_kind=DocumentKind.NORMATIVE,
                        abolished_on=date(2026, 6, 30))
        )  # fmt: skip
    dialog = open_report(december)
    december.qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                              pos=dialog.tabs.tabBar().tabRect(TABLES_TAB).center())  # fmt: skip
    assert dialog.tabs.currentIndex() == TABLES_TAB
    assert dialog.checks_summary.text().startswith("✗ 1 项校验未通过")
    table2 = dialog.grid_models[0]
    assert table2.failed_positions == [(3, 3)]
    cell = table2.index(3, 3)
    assert cell.data() == "-1"
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("✗ 表二“行政规范性文件”现行有效件数 -1，不能小于 0")
    assert dialog.grid_views[1].columnSpan(0, 0) == 3 and dialog.grid_views[1].rowSpan(0, 0) == 3
    assert dialog.checks_model.index(0).data().startswith("✗ 表二")


def test_edit_the_draft_and_export(
    december: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_report(december)
    december.qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                              pos=dialog.tabs.tabBar().tabRect(TEXT_TAB).center())  # fmt: skip
    overview = dialog.prose_edits["overview"]
    assert overview.toPlainText().startswith("（一）主动公开情况\n2026年，")
    assert "这是程序根据本年数据起草的草稿" in dialog.prose_state.text()
    overview.moveCursor(overview.textCursor().MoveOperation.End)
    december.qtbot.keyClick(overview, Qt.Key.Key_Return)
    december.type(overview, "全年组织政务公开培训2次。")
    december.qtbot.mouseClick(dialog.save_prose_button, Qt.MouseButton.LeftButton)
    saved = saved_year(december.store, 2026).prose
    assert saved is not None and saved.overview.endswith("全年组织政务公开培训2次。")
    assert "这是已保存的正文。" in dialog.prose_state.text()

    target = tmp_path / "2026年度报告.docx"
    monkeypatch.setattr(files, "ask_statutory_report_path", lambda _parent, _suggested: target)
    december.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert docx.Document(str(target)).paragraphs[0].text == "周村区科技局\n2026年政府信息公开工作年度报告"
    assert saved_year(december.store, 2026).exported_at is not None
    assert "已于" in dialog.state_label.text()
    assert december.window.statusBar().currentMessage() == f"已导出：{target}"
    assert not december.window.dashboard_panel.report_banner.isVisible(), "exported: nothing to remind of"


def test_failed_checks_ask_before_export(
    december: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = december.store.active_catalogue().items[0]
    assert item.id is not None
    for title in ("旧文件一", "旧文件二"):
        december.store.add_publication(
            Publication(item_id=item.id, title=title, document_kind=DocumentKind.NORMATIVE,
                        abolished_on=date(2026, 6, 30))
        )  # fmt: skip
    asked: list[list[str]] = []
    monkeypatch.setattr(
        confirm, "ask_export_despite_checks", lambda _p, failed: asked.append(failed) or False
    )
    target = tmp_path / "报告.docx"
    monkeypatch.setattr(files, "ask_statutory_report_path", lambda _parent, _suggested: target)
    dialog = open_report(december)
    december.qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0][0].startswith("表二“行政规范性文件”现行有效件数 -1")
    assert not target.exists()
    assert dialog.tabs.currentIndex() == TABLES_TAB


def test_compare_with_last_years_word_file(
    december: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from disclosure_desk.io.statutory_docx import write_statutory_docx

    dialog = open_report(december)
    assert "没有本程序导出的上年报告" in dialog.similarity_label.text()
    statutory = december.window.findChild(StatutoryController, "statutoryController")
    assert statutory is not None and statutory.report is not None
    copied = tmp_path / "2025年度报告.docx"
    write_statutory_docx(copied, statutory.report)  # last year's file with this year's very text
    monkeypatch.setattr(files, "ask_last_year_report", lambda _parent: copied)
    december.qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                              pos=dialog.tabs.tabBar().tabRect(TEXT_TAB).center())  # fmt: skip
    december.qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    text = dialog.similarity_label.text()
    assert text.startswith("⚠ “一、总体情况”有")
    assert "可能被认定为内容雷同，请改写。" in text

    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"not a docx")
    shown: list[str] = []
    monkeypatch.setattr(files, "ask_last_year_report", lambda _parent: broken)
    monkeypatch.setattr(confirm, "show_error", lambda _p, _title, message: shown.append(message))
    december.qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert shown and "不是有效的 Word（.docx）文件" in shown[0]
