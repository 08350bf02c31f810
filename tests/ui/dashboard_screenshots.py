"""Screenshots of the start page (首页): empty, a handful of records, 50,000 records; at 1366×768 and
1920×1080. For looking at, not run by pytest:

    xvfb-run -a -s "-screen 0 1920x1080x24" python tests/ui/dashboard_screenshots.py /tmp/shots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

from PySide6.QtCore import QSettings
from screenshots import TODAY, seed_samples, shoot
from test_bench_ui import _publications

from disclosure_desk.app import build_desk
from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.store.queries import bulk_add_publications
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.application import configure_application, create_application


class SilentNotifier:
    def notify(self, title: str, message: str) -> None:
        pass

    def set_count(self, count: int, tooltip: str) -> None:
        pass


def mark_yearly(store: Store) -> None:
    catalogue = store.active_catalogue()
    for number, month_day in ((12, (3, 31)), (14, (3, 31)), (5, (12, 31)), (24, (1, 31))):
        item = catalogue.item_by_number(number)
        if item is not None and item.id is not None:
            store.set_item_yearly_due(item.id, month_day)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    configure_application(app)
    folder = Path(tempfile.mkdtemp())
    stores = {}
    stores["empty"] = open_seeded_store(str(folder / "empty.sqlite3"))
    stores["few"] = open_seeded_store(str(folder / "few.sqlite3"))
    seed_samples(stores["few"])
    mark_yearly(stores["few"])
    stores["50000"] = open_seeded_store(str(folder / "big.sqlite3"))
    bulk_add_publications(stores["50000"], _publications(stores["50000"]))
    mark_yearly(stores["50000"])
    for name, store in stores.items():
        for width, height in ((1366, 768), (1920, 1080)):
            settings = QSettings(str(folder / f"ui-{name}-{width}.ini"), QSettings.Format.IniFormat)
            window, _controller = build_desk(store, lambda: TODAY, settings, notifier=SilentNotifier())
            window.resize(width, height - 40)
            window.show()
            shoot(window, out / f"dashboard_{name}_{width}.png")
            if name == "few" and width == 1366:
                window.dashboard_panel.coverage_tabs.setCurrentIndex(1)
                shoot(window, out / "dashboard_few_uncovered_1366.png")
            window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")))
