"""Screenshots of the window and dialogs with sample data, for looking at (not run by pytest).

    xvfb-run -a -s "-screen 0 1920x1080x24" python tests/ui/screenshots.py /tmp/shots

Uses the real platform plugin (not offscreen) so the real CJK fonts are used.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from disclosure_desk.app import build_desk
from disclosure_desk.bootstrap import open_seeded_store
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.settings import Settings
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.application import configure_application, create_application
from disclosure_desk.ui.main_window import ALL_TAB, CATALOGUE_TAB
from disclosure_desk.ui.settings_controller import SettingsController
from disclosure_desk.ui.trash_controller import TrashController

TODAY = date(2026, 11, 25)
SAMPLES = [
    (1, "关于印发《周村区科技创新券管理办法》的通知", date(2026, 11, 2), None, "周科发〔2026〕12号"),
    (
        1,
        "周村区科技局关于开展2026年度科技型中小企业评价工作的通知",
        date(2026, 9, 1),
        date(2026, 9, 10),
        "周科发〔2026〕8号",
    ),
    (2, "2026年规范性文件清理结果", date(2026, 8, 3), None, ""),
    (3, "《周村区促进科技成果转化若干措施（征求意见稿）》公开征求意见", date(2026, 11, 18), None, ""),
    (12, "周村区科技局2026年部门预算", None, None, ""),
    (16, "2026年第三批科技专项资金分配结果", date(2026, 11, 20), None, "周科发〔2026〕15号"),
    (18, "周村区科技局突发事件应急预案", date(2026, 10, 12), date(2026, 10, 20), ""),
    (24, "周村区科技局新闻发布制度", date(2026, 3, 2), date(2026, 3, 30), ""),
    (31, "周村区科技局政府信息公开工作制度（修订）", date(2026, 10, 9), None, "周科发〔2026〕11号"),
]


def seed_samples(store: Store) -> None:
    store.save_settings(Settings(bureau_name="周村区科技局", bureau_code="11370303MB2854721X"))
    catalogue = store.active_catalogue()
    for number, title, formed, published, document in SAMPLES:
        item = catalogue.item_by_number(number)
        assert item is not None and item.id is not None
        store.add_publication(
            Publication(
                item_id=item.id,
                title=title,
                formed_on=formed,
                published_on=published,
                document_number=document,
                channels=item.channels,
                department="综合科",
                responsible="王敏",
            )
        )


def shoot(widget: QWidget, path: Path) -> None:
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print("saved", path)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    configure_application(app)
    folder = Path(tempfile.mkdtemp())
    store = open_seeded_store(str(folder / "shots.sqlite3"))
    seed_samples(store)
    for width, height in ((1366, 768), (1920, 1080)):
        settings = QSettings(str(folder / f"ui{width}.ini"), QSettings.Format.IniFormat)
        window, controller = build_desk(store, lambda: TODAY, settings)
        settings_controller = window.findChild(SettingsController)
        trash_controller = window.findChild(TrashController)
        assert settings_controller is not None and trash_controller is not None
        window.resize(width, height - 40)
        window.show()
        window.catalogue_panel.select_item(store.active_catalogue().items[0].id or 0)
        window.detail_panel.table.selectRow(0)
        shoot(window, out / f"home_{width}.png")
        window.tabs.setCurrentIndex(CATALOGUE_TAB)
        shoot(window, out / f"main_{width}.png")
        window.tabs.setCurrentIndex(ALL_TAB)
        shoot(window, out / f"all_{width}.png")
        window.tabs.setCurrentIndex(CATALOGUE_TAB)
        window.edit_action.trigger()
        if controller.editor is not None:
            shoot(controller.editor, out / f"editor_{width}.png")
            controller.editor.reject()
        window.settings_action.trigger()
        if settings_controller.settings_dialog is not None:
            shoot(settings_controller.settings_dialog, out / f"settings_{width}.png")
            settings_controller.settings_dialog.reject()
        if width == 1366:
            window.catalogue_panel.select_item(store.active_catalogue().item_by_number(18).id or 0)
            window.new_action.trigger()
            if controller.editor is not None:
                shoot(controller.editor, out / "editor_new_statutory.png")
                controller.editor.reject()
            window.catalogue_panel.select_item(store.active_catalogue().items[0].id or 0)
            window.new_action.trigger()
            if controller.editor is not None:
                controller.editor.title_edit.setText("2026年第四季度部门文件")
                controller.editor.date_edits["formed_on"].set_date(date(2026, 12, 20))
                controller.editor.date_edits["published_on"].set_date(date(2026, 11, 20))
                controller.editor.channel_boxes["政府网站"].setChecked(False)
                controller.editor.submit()
                shoot(controller.editor, out / "editor_warning_and_errors.png")
                controller.editor.reject()
            window.holidays_action.trigger()
            if settings_controller.holidays_dialog is not None:
                shoot(settings_controller.holidays_dialog, out / "holidays.png")
                settings_controller.holidays_dialog.reject()
            deleted = store.publications()[-1]
            store.delete_publication(deleted.id or 0)
            controller.reload()
            window.trash_action.trigger()
            if trash_controller.dialog is not None:
                shoot(trash_controller.dialog, out / "trash.png")
                trash_controller.dialog.reject()
        window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")))
