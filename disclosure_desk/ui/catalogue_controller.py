"""The catalogue: import a new version, look at old ones, export it, and the officer's own rule and
动态 mark on an item.

Created once in the composition root (attach_catalogue); every change reloads through the DeskController.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt

from disclosure_desk.domain.catalogue import CatalogueItem
from disclosure_desk.domain.deadlines import DeadlineRule, time_limit_problem
from disclosure_desk.domain.due import rule_of
from disclosure_desk.domain.errors import CatalogueMatchError, DisclosureDeskError
from disclosure_desk.io import catalogue_import
from disclosure_desk.io.catalogue_json import export_catalogue_xlsx
from disclosure_desk.store import backup
from disclosure_desk.store.catalogue_versions import catalogue_version, catalogue_versions
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.catalogue_versions_dialog import CatalogueVersionsDialog
from disclosure_desk.ui.dialogs.rule_dialog import RuleDialog
from disclosure_desk.ui.main_window import MainWindow


class CatalogueController(QObject):
    def __init__(self, store: Store, window: MainWindow, desk: DeskController) -> None:
        super().__init__(window)
        self.setObjectName("catalogueController")
        self.store = store
        self.window = window
        self.desk = desk

    def import_catalogue(self) -> None:
        path = files.ask_catalogue_file(self.window)
        if path is None:
            return
        try:
            catalogue = catalogue_import.import_catalogue(path, time_limit_check=time_limit_problem)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法导入目录"), str(error))
            return
        summary = self.tr("“{0}”：{1} 个事项，{2} 个过程（{3}）。").format(
            catalogue.title, len(catalogue.items), len(catalogue.processes), "、".join(catalogue.processes)
        )
        if catalogue.warnings:
            summary += self.tr("\n有 {0} 条提示，请点“显示详细信息”查看。").format(len(catalogue.warnings))
        if not confirm.ask_import_catalogue(self.window, summary, list(catalogue.warnings)):
            return
        try:
            backup.backup_now(self.store, reason="before-import")
            try:
                result = self.store.import_catalogue(catalogue, source=str(path))
            except CatalogueMatchError as error:
                if not confirm.ask_keep_ambiguous(self.window, str(error), list(error.problems)):
                    return
                result = self.store.import_catalogue(catalogue, source=str(path), keep_ambiguous=True)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法导入目录"), str(error))
            return
        self.desk.start()
        message = self.tr("已导入目录：{0} 个事项；{1} 条公开信息转到新目录").format(
            len(result.catalogue.items), result.relinked
        )
        if result.stranded:
            message += self.tr("；{0} 条留在旧版目录的事项上").format(result.stranded)
        self.window.show_status(message)
        if result.stranded or result.due_changed or result.renumbered:
            confirm.show_info(self.window, self.tr("已导入目录"), "\n".join(result.outcome_lines()))

    def show_catalogue_versions(self) -> None:
        versions = catalogue_versions(self.store)
        catalogues = {v.number: catalogue_version(self.store, v.number) for v in versions}
        dialog = CatalogueVersionsDialog(versions, catalogues, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_catalogue(self) -> None:
        name = f"{self.store.bureau_name()}主动公开基本目录.xlsx"
        target = files.ask_catalogue_export_path(self.window, Path.home() / "Documents" / name)
        if target is None:
            return
        try:
            export_catalogue_xlsx(self.store.active_catalogue(), target)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法导出目录"), str(error))
            return
        self.window.show_status(self.tr("已导出目录：{0}").format(target))
        files.open_path(target)

    # --- deadline rules -----------------------------------------------------------------------------

    def set_rule(self, item: CatalogueItem) -> None:
        if item.id is None:
            return
        dialog = RuleDialog(item, rule_of(item), self.store.settings().timely_days, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda rule: self._save_rule(dialog, item, rule))
        dialog.open()

    def _save_rule(self, dialog: RuleDialog, item: CatalogueItem, rule: DeadlineRule | None) -> None:
        assert item.id is not None
        try:
            self.store.set_item_rule(item.id, rule)
        except DisclosureDeskError as error:
            confirm.show_error(dialog, self.tr("无法保存时限规则"), str(error))
            return
        dialog.accept()
        self.desk.reload_infos()
        self.desk.reload()
        self.window.show_status(
            self.tr("已设定事项{0}的时限规则").format(item.number)
            if rule is not None
            else self.tr("事项{0}已恢复按目录原文识别时限").format(item.number)
        )

    def set_dynamic(self, item: CatalogueItem, dynamic: bool) -> None:
        """The officer's 动态 mark: the start page then checks the column every two weeks."""
        if item.id is None:
            return
        try:
            self.store.set_item_dynamic(item.id, dynamic)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法保存栏目设置"), str(error))
            self.desk.reload_infos()  # the box goes back to what is stored
            return
        self.desk.reload_infos()
        self.desk.reload()
        self.window.show_status(
            self.tr("事项{0}已标为动态栏目，须2周内有更新").format(item.number)
            if dynamic
            else self.tr("事项{0}已取消动态栏目标记").format(item.number)
        )


def attach_catalogue(store: Store, window: MainWindow, desk: DeskController) -> CatalogueController:
    catalogue = CatalogueController(store, window, desk)
    window.importCatalogueRequested.connect(catalogue.import_catalogue)
    window.exportCatalogueRequested.connect(catalogue.export_catalogue)
    window.catalogueVersionsRequested.connect(catalogue.show_catalogue_versions)
    window.ruleRequested.connect(catalogue.set_rule)
    window.dynamicRequested.connect(catalogue.set_dynamic)
    return catalogue
