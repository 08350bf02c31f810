"""The window with 50,000 publications: start-up, filling the register view, free-text filtering.

Run with: python -m pytest tests/benchmarks/test_bench_ui.py --benchmark-enable
Targets: window built and shown in under 2 s; a free-text filter in under 100 ms.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from disclosure_desk.app import build_desk
from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.domain.catalogue import CHANNELS
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.queries import bulk_add_publications
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.presenters import load_register
from disclosure_desk.ui.register_filter import RegisterFilter
from disclosure_desk.ui.widgets.register_view import RegisterView

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

COUNT = 50_000
TODAY = date(2026, 11, 25)
WORDS = (
    "关于",
    "印发",
    "科技",
    "创新",
    "专项资金",
    "管理办法",
    "通知",
    "公示",
    "结果",
    "年度",
    "报告",
    "征求意见",
)


def _publications(store: Store) -> Iterator[Publication]:
    rng = random.Random(20261125)
    items = [i for i in store.active_catalogue().items if i.id is not None]
    start = date(2019, 1, 1)
    for number in range(COUNT):
        item = rng.choice(items)
        formed = start + timedelta(days=rng.randrange(0, 2880))
        published = formed + timedelta(days=rng.randrange(0, 40)) if rng.random() < 0.85 else None
        if published is not None and published > TODAY:
            published = None
        assert item.id is not None
        yield Publication(
            item_id=item.id,
            title="".join(rng.sample(WORDS, 4)) + f"（第{number}号）",
            formed_on=formed,
            published_on=published,
            document_number=f"周科发〔{formed.year}〕{number % 300}号",
            # the catalogue's channels and one more: what the store accepts for a published record
            channels=tuple(dict.fromkeys((*item.channels, rng.choice(CHANNELS)))),
            department=rng.choice(("综合科", "科技创新科", "财务科")),
            responsible=rng.choice(("王敏", "李强", "张华")),
        )


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_seeded_store(str(tmp_path_factory.mktemp("bench") / "big.sqlite3"))
    assert bulk_add_publications(store, _publications(store), today=TODAY) == COUNT
    yield store
    store.close()


def test_bench_window_shown(
    benchmark: BenchmarkFixture, qtbot: QtBot, big_store: Store, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    windows = []

    def open_window() -> None:
        window, _controller = build_desk(big_store, lambda: TODAY, settings)
        window.show()
        QApplication.processEvents()
        windows.append(window)

    benchmark.pedantic(open_window, rounds=3, iterations=1)
    for window in windows:
        qtbot.addWidget(window)
    assert windows[0].publications_panel.table.source.rowCount() == COUNT
    assert benchmark.stats is not None and benchmark.stats.stats.mean < 2.0


def test_bench_fill_register_view(benchmark: BenchmarkFixture, qtbot: QtBot, big_store: Store) -> None:
    rows = load_register(big_store, TODAY)
    view = RegisterView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()

    def fill() -> None:
        view.set_rows(rows)
        QApplication.processEvents()

    benchmark.pedantic(fill, rounds=5, iterations=1)
    assert view.proxy.rowCount() == COUNT


def test_bench_free_text_filter(benchmark: BenchmarkFixture, qtbot: QtBot, big_store: Store) -> None:
    rows = load_register(big_store, TODAY)
    view = RegisterView()
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_rows(rows)
    needles = iter(["专项资金", "管理办法 通知", "王敏", "第1234", "公示", "科技 年度"] * 10)

    def filter_once() -> int:
        view.proxy.set_filter(RegisterFilter(text=next(needles)))
        QApplication.processEvents()
        return view.proxy.rowCount()

    shown = benchmark.pedantic(filter_once, rounds=12, iterations=1)
    assert 0 < shown < COUNT
    assert benchmark.stats is not None and benchmark.stats.stats.mean < 0.1
