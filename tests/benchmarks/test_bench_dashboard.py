"""The start page with 50,000 publications.

Run with: python -m pytest tests/benchmarks/test_bench_dashboard.py --benchmark-only
Target: a refresh — from the rows the window's reload already holds to the page's models and widgets
updated and painted — in under 200 ms. Also measured, for honesty: the same including the store read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot
from test_bench_ui import COUNT, TODAY, _publications

from disclosure_desk.app import build_desk
from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.store.queries import bulk_add_publications
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dashboard_controller import DashboardController
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.presenters import load_register

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class SilentNotifier:
    def notify(self, title: str, message: str) -> None:
        pass

    def set_count(self, count: int, tooltip: str) -> None:
        pass


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_seeded_store(str(tmp_path_factory.mktemp("bench") / "big.sqlite3"))
    assert bulk_add_publications(store, _publications(store), today=TODAY) == COUNT
    yield store
    store.close()


def _desk(qtbot: QtBot, store: Store, tmp_path: Path) -> tuple[MainWindow, DashboardController]:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window, _controller = build_desk(store, lambda: TODAY, settings, notifier=SilentNotifier())
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    QApplication.processEvents()
    dashboard = window.findChild(DashboardController)
    assert dashboard is not None
    return window, dashboard


def test_bench_dashboard_refresh(
    benchmark: BenchmarkFixture, qtbot: QtBot, big_store: Store, tmp_path: Path
) -> None:
    window, dashboard = _desk(qtbot, big_store, tmp_path)
    rows = load_register(big_store, TODAY)

    def refresh() -> None:
        dashboard.refresh(rows)
        QApplication.processEvents()  # the visible table and the chart repaint

    benchmark.pedantic(refresh, rounds=10, iterations=1, warmup_rounds=1)
    data = window.dashboard_panel.data
    assert data is not None and len(data.digest.open) > 1000
    assert benchmark.stats is not None and benchmark.stats.stats.mean < 0.2


def test_bench_dashboard_refresh_with_store_read(
    benchmark: BenchmarkFixture, qtbot: QtBot, big_store: Store, tmp_path: Path
) -> None:
    """The whole reload's share for the page: store read and register rows, then the refresh."""
    _window, dashboard = _desk(qtbot, big_store, tmp_path)

    def reload_and_refresh() -> None:
        dashboard.refresh(load_register(big_store, TODAY))
        QApplication.processEvents()

    benchmark.pedantic(reload_and_refresh, rounds=5, iterations=1)
