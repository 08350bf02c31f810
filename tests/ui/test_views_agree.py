"""One scenario, every view: the start page's cards, the chart's month, `status --format json`,
`publication list --format json` and the monthly report's 汇总 must give the same counts (issue 11).

The day is Monday 2026-11-30. The register holds one record of each kind that has ever been counted
differently somewhere: on time, late (its period crosses National Day and the 调休 Saturday 10-10), overdue,
due soon (due today), published with no due date, published after the period end (12-01: still open on
11-30), on time on the 调休 Saturday itself, earlier in the year, and a record whose due date falls in
2027, a year without a holiday schedule; an overdue record whose only date is its statutory due date. All
were typed in two days after the day.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from disclosure_desk.app import build_desk
from disclosure_desk.cli import main
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.status import Status
from disclosure_desk.store import publication_store
from disclosure_desk.store.repository import Store

pytestmark = pytest.mark.gui

DAY = date(2026, 11, 30)
ENTERED = date(2026, 12, 2)


def _dates(
    formed: date | None = None, published: date | None = None, due: date | None = None
) -> dict[str, date]:
    given = (("formed_on", formed), ("published_on", published), ("due_on_manual", due))
    return {k: v for k, v in given if v is not None}


# title → (item number, dates, status as of DAY)
SCENARIO: dict[str, tuple[int, dict[str, date], Status]] = {
    "按时": (1, _dates(date(2026, 10, 30), date(2026, 11, 20)), Status.PUBLISHED_ON_TIME),
    "跨国庆逾期": (1, _dates(date(2026, 9, 25), date(2026, 11, 3)), Status.PUBLISHED_LATE),
    "逾期未公开": (1, _dates(date(2026, 10, 8)), Status.OVERDUE),
    "今天到期": (1, _dates(date(2026, 11, 2)), Status.DUE_SOON),
    "法定无日期": (18, _dates(published=date(2026, 11, 10)), Status.PUBLISHED),
    "法定逾期未公开": (18, _dates(due=date(2026, 11, 20)), Status.OVERDUE),
    "期末后公开": (1, _dates(date(2026, 11, 3), date(2026, 12, 1)), Status.DUE_SOON),
    "调休日公开": (1, _dates(date(2026, 9, 14), date(2026, 10, 10)), Status.PUBLISHED_ON_TIME),
    "三月按时": (1, _dates(date(2026, 3, 2), date(2026, 3, 5)), Status.PUBLISHED_ON_TIME),
    "明年无安排": (1, _dates(date(2027, 1, 4)), Status.PENDING),
}

MONTH = {"published": 3, "on_time": 1, "late": 1, "no_due_date": 1}
YEAR = {"on_time_rate": 0.75, "on_time": 3, "late": 1, "no_due_date": 1}
OVERDUE, DUE_SOON = 2, 2


class SilentNotifier:
    def notify(self, title: str, message: str) -> None:
        pass

    def set_count(self, count: int, tooltip: str) -> None:
        pass


def _seed(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Typed in two days after the day, as officers do: when a record was entered changes no view's count.
    monkeypatch.setattr(publication_store, "now", lambda: datetime.combine(ENTERED, time(9, 0)))
    catalogue = store.active_catalogue()
    for title, (number, dates, _) in SCENARIO.items():
        item = catalogue.item_by_number(number)
        assert item is not None and item.id is not None
        store.add_publication(Publication(item_id=item.id, title=title, channels=("政府网站",), **dates))


def _cli(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> str:
    code = main(["--db", str(db), "--today", DAY.isoformat(), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _summary(path: Path) -> dict[str, Any]:
    """汇总's 主要指标 table read back as a supervisor sees it: label → this month's figure."""
    ws = load_workbook(path)["汇总"]
    return {
        str(ws.cell(row=r, column=1).value).strip("　").removeprefix("其中：").strip("　"): ws.cell(
            row=r, column=2
        ).value
        for r in range(1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value is not None
    }


def test_every_view_gives_the_same_counts(
    qtbot: QtBot,
    store: Store,
    db_path: Path,
    ui_settings: QSettings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _seed(store, monkeypatch)

    # publication list --format json: the codes, one per record, as of the day
    rows = json.loads(_cli(capsys, db_path, "publication", "list", "--format", "json"))
    assert {r["title"]: r["status"] for r in rows} == {t: str(s) for t, (_, _, s) in SCENARIO.items()}
    assert next(r for r in rows if r["title"] == "明年无安排")["warnings"]  # no 2027 schedule: said so
    listed = Counter(r["status"] for r in rows)
    november = Counter(
        r["status"]
        for r in rows
        if (r["published_on"] or "").startswith("2026-11") and r["status"].startswith("published")
    )
    listed_month = {
        "published": sum(november.values()),
        "on_time": november["published_on_time"],
        "late": november["published_late"],
        "no_due_date": november["published"],
    }
    assert listed_month == MONTH
    assert (listed["overdue"], listed["due_soon"]) == (OVERDUE, DUE_SOON)

    # status --format json
    digest = json.loads(_cli(capsys, db_path, "status", "--format", "json"))
    assert digest["month"] == MONTH
    assert digest["year"] == YEAR
    assert (len(digest["overdue"]), len(digest["due_soon"])) == (OVERDUE, DUE_SOON)

    # the monthly report's 汇总
    report = tmp_path / "2026-11.xlsx"
    _cli(capsys, db_path, "report", "monthly", "2026-11", "-o", str(report))
    summary = _summary(report)
    assert summary["主动公开信息（条）"] == MONTH["published"]
    assert summary["按时公开"] == MONTH["on_time"]
    assert summary["逾期公开"] == MONTH["late"]
    assert summary["无时限"] == MONTH["no_due_date"]
    assert summary["逾期未公开（条）"] == OVERDUE
    assert summary["按时公开率"] == pytest.approx(0.5)

    # the start page and its chart, on the same day
    window, _ = build_desk(store, lambda: DAY, ui_settings, notifier=SilentNotifier())
    qtbot.addWidget(window)
    panel = window.dashboard_panel
    assert panel.overdue_card.value.text() == str(OVERDUE)
    assert panel.due_soon_card.value.text() == str(DUE_SOON)
    assert panel.month_card.value.text() == str(MONTH["published"])
    assert panel.month_card.note.text() == "按时公开 1 · 逾期公开 1 · 无时限 1"
    assert panel.rate_card.value.text() == "75.0%"
    assert panel.rate_card.note.text() == "按时公开 3 · 逾期公开 1 · 无时限 1"
    month = panel.chart.history[-1]
    assert (month.year, month.month) == (2026, 11)
    figures = month.figures
    assert {
        "published": figures.published,
        "on_time": figures.on_time,
        "late": figures.late,
        "no_due_date": figures.no_due_date,
    } == MONTH
    # the chart's "open today" is the start page's list of unpublished records (the 2027 plan included)
    assert month.open_at_end == panel.open_model.rowCount() == OVERDUE + DUE_SOON + 1
