"""What happens when the officer asks for something: open a dialog, save through the store, reload.

The composition root (app.py) creates one DeskController and connects the window's signals to it; no
widget talks to the store. Dialogs open window-modal with open(), not exec(), so nothing blocks and tests
drive them like an officer would.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from disclosure_desk import paths
from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem
from disclosure_desk.domain.deadlines import DeadlineRule, time_limit_problem
from disclosure_desk.domain.due import rule_of
from disclosure_desk.domain.errors import (
    CalendarError,
    CatalogueMatchError,
    DisclosureDeskError,
    ValidationError,
)
from disclosure_desk.domain.publication import Publication
from disclosure_desk.domain.report_period import ReportPeriod
from disclosure_desk.domain.report_stats import compute_report
from disclosure_desk.domain.settings import Settings
from disclosure_desk.domain.workdays import YearSchedule
from disclosure_desk.io import catalogue_import, holidays_import
from disclosure_desk.io.catalogue_json import export_catalogue_xlsx
from disclosure_desk.io.excel_report import write_report
from disclosure_desk.store import backup, restore
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.catalogue_versions import catalogue_version, catalogue_versions
from disclosure_desk.store.db import sqlite_path
from disclosure_desk.store.queries import report_input
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.about import show_about
from disclosure_desk.ui.dialogs.catalogue_versions_dialog import CatalogueVersionsDialog
from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
from disclosure_desk.ui.dialogs.holidays_dialog import HolidaysDialog
from disclosure_desk.ui.dialogs.item_chooser import ItemChooserDialog
from disclosure_desk.ui.dialogs.mark_published_dialog import MarkPublishedDialog
from disclosure_desk.ui.dialogs.publication_editor import PublicationEditor
from disclosure_desk.ui.dialogs.report_dialog import ReportDialog
from disclosure_desk.ui.dialogs.rule_dialog import RuleDialog
from disclosure_desk.ui.dialogs.settings_dialog import SettingsDialog
from disclosure_desk.ui.dialogs.trash_dialog import TrashDialog
from disclosure_desk.ui.main_window import MainWindow
from disclosure_desk.ui.presenters import (
    Clock,
    ItemInfo,
    RegisterRow,
    index_suggester,
    item_info,
    item_infos,
    load_register,
    preview_due,
)
from disclosure_desk.ui.texts import format_date_long


class DeskController(QObject):
    # every reload, with the rows just loaded: the start page recomputes from them, not from the store
    reloaded = Signal(list)  # list[RegisterRow]

    def __init__(self, store: Store, window: MainWindow, clock: Clock, data_folder: Path) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self.clock = clock
        self.data_folder = data_folder
        self.rows: list[RegisterRow] = []
        self.infos: dict[int, ItemInfo] = {}
        self.editor: PublicationEditor | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.trash_dialog: TrashDialog | None = None
        self.holidays_dialog: HolidaysDialog | None = None
        self.item_chooser: ItemChooserDialog | None = None
        self.mark_dialog: MarkPublishedDialog | None = None

    # --- loading ------------------------------------------------------------------------------------

    def start(self) -> None:
        catalogue = self.store.active_catalogue()
        self.infos = item_infos(self.store, catalogue)
        self.window.set_catalogue(catalogue, self.infos)
        self.reload()

    def reload(self) -> None:
        today = self.clock()
        self.rows = load_register(self.store, today)
        self.window.set_register(self.rows)
        self.window.set_context_text(
            self.tr("{0}　今天：{1}").format(self.store.bureau_name(), format_date_long(today))
        )
        self.reloaded.emit(self.rows)

    def _reload_infos(self) -> None:
        self.infos = item_infos(self.store, self.store.active_catalogue())
        self.window.set_infos(self.infos)

    def _row_for(self, publication_id: int | None) -> RegisterRow | None:
        return next((r for r in self.rows if r.publication.id == publication_id), None)

    # --- publications -------------------------------------------------------------------------------

    def choose_item_for_new(self, preselect: CatalogueItem | None) -> None:
        """新建 without an item picked in the catalogue: ask which item, never take one silently."""
        if self.editor is not None:
            self.editor.raise_()
            return
        prompt = (
            self.tr("新建公开信息：请选择所属的公开事项。已选中所选行的事项，按回车确认，或另选。")
            if preselect is not None
            else self.tr("新建公开信息：请先选择要登记的公开事项（可输入关键字查找）。")
        )
        chooser = ItemChooserDialog(
            self.store.active_catalogue().items,
            current_id=preselect.id if preselect is not None else None,
            prompt=prompt,
            parent=self.window,
        )
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self._new_from_chooser(chooser))
        self.item_chooser = chooser
        chooser.finished.connect(self._chooser_closed)
        chooser.open()

    def _new_from_chooser(self, chooser: ItemChooserDialog) -> None:
        item = chooser.chosen()
        if item is not None:
            self.new_publication(item)

    def _chooser_closed(self) -> None:
        self.item_chooser = None

    def new_publication(self, item: CatalogueItem) -> None:
        if item.id is None:
            return
        suggest = index_suggester(self.store.settings().bureau_code, self.rows)
        publication = Publication(
            item_id=item.id,
            title="",
            channels=tuple(c for c in item.channels if c in CHANNELS),
            index_number=suggest(self.clock().year),
        )
        self._open_editor(publication, item)

    def edit_publication(self, row: RegisterRow) -> None:
        self._open_editor(row.publication, row.record.item)

    def _open_editor(self, publication: Publication, item: CatalogueItem) -> None:
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return
        info = self.infos.get(item.id or -1) or item_info(self.store, item)  # or an item of an older version
        editor = PublicationEditor(
            publication,
            item,
            info,
            evaluate=lambda value: preview_due(self.store, value),
            suggest_index=index_suggester(self.store.settings().bureau_code, self.rows),
            clock=self.clock,
            items=self.store.active_catalogue().items,
            info_for=lambda other: self.infos.get(other.id or -1) or item_info(self.store, other),
            calendar=self.store.calendar(),
            parent=self.window,
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.submitted.connect(lambda value: self._save_publication(editor, value))
        editor.finished.connect(self._editor_closed)
        self.editor = editor
        editor.open()

    def _editor_closed(self) -> None:
        self.editor = None

    def _save_publication(self, editor: PublicationEditor, value: Publication) -> None:
        try:
            existing = self.store.duplicate_of(value)
            if (
                existing is not None
                and existing.id is not None
                and not confirm.ask_duplicate(editor, existing.id, existing.title)
            ):
                return  # the editor stays open with what was typed
            today = self.clock()  # the same day the editor checked against
            saved = (
                self.store.add_publication(value, today=today)
                if value.id is None
                else self.store.update_publication(value, today=today)
            )
        except ValidationError as error:
            editor.show_save_error(str(error), error.field)
            return
        except DisclosureDeskError as error:
            editor.show_save_error(str(error))
            return
        editor.accept()
        self.reload()
        self.window.show_status(self.tr("已保存：{0}").format(saved.title))
        row = self._row_for(saved.id)
        if row is not None:
            self.window.select_publication(row)

    def mark_published(self, row: RegisterRow) -> None:
        """标记为今天已公开 from a list's context menu: the date (today unless changed), and the channels
        when the catalogue's required ones are not all ticked."""
        if self.mark_dialog is not None:
            self.mark_dialog.raise_()
            return
        dialog = MarkPublishedDialog(
            row.publication,
            row.record.item,
            clock=self.clock,
            due_on=row.record.due.due_on,
            calendar=self.store.calendar(),
            parent=self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda value: self._save_marked(dialog, value))
        dialog.finished.connect(self._mark_dialog_closed)
        self.mark_dialog = dialog
        dialog.open()

    def _mark_dialog_closed(self) -> None:
        self.mark_dialog = None

    def _save_marked(self, dialog: MarkPublishedDialog, value: Publication) -> None:
        try:
            saved = self.store.update_publication(value)
        except ValidationError as error:
            dialog.show_save_error(str(error), error.field)
            return
        except DisclosureDeskError as error:
            dialog.show_save_error(str(error))
            return
        dialog.accept()
        self.reload()
        self.window.show_status(
            self.tr("已标记为已公开：{0}（{1}）").format(saved.title, format_date_long(saved.published_on))
            if saved.published_on is not None
            else self.tr("已保存：{0}").format(saved.title)
        )
        row = self._row_for(saved.id)
        if row is not None:
            self.window.select_publication(row)

    def delete_publication(self, row: RegisterRow) -> None:
        publication = row.publication
        if publication.id is None or not confirm.ask_delete(self.window, publication.title):
            return
        try:
            self.store.delete_publication(publication.id)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法删除"), str(error))
            return
        self.reload()
        self.window.show_status(self.tr("已移到回收站：{0}").format(publication.title))
        if self.trash_dialog is not None:
            self._refresh_trash()

    # --- trash --------------------------------------------------------------------------------------

    def open_trash(self) -> None:
        if self.trash_dialog is None:
            dialog = TrashDialog(self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.restoreRequested.connect(self.restore_publication)
            dialog.purgeRequested.connect(self.purge_publication)
            dialog.historyRequested.connect(lambda p: self.show_publication_history(p, self.trash_dialog))
            dialog.titleCopied.connect(
                lambda title: self.window.show_status(self.tr("已复制标题：{0}").format(title))
            )
            dialog.restoreApplicationRequested.connect(self.restore_application)
            dialog.purgeApplicationRequested.connect(self.purge_application)
            dialog.finished.connect(self._trash_closed)
            self.trash_dialog = dialog
        self._refresh_trash()
        self.trash_dialog.select_first()
        self.trash_dialog.open()

    def _trash_closed(self) -> None:
        self.trash_dialog = None

    def _refresh_trash(self) -> None:
        if self.trash_dialog is not None:
            self.trash_dialog.set_publications(
                self.store.publications(deleted=True),
                self.store.items_by_id(),
                ApplicationRegister(self.store).applications(deleted=True),
            )

    def restore_publication(self, publication: Publication) -> None:
        if publication.id is None:
            return
        try:
            self.store.restore_publication(publication.id)
        except DisclosureDeskError as error:
            confirm.show_error(self.trash_dialog or self.window, self.tr("无法恢复"), str(error))
            return
        self._refresh_trash()
        self.reload()
        self.window.show_status(self.tr("已恢复：{0}").format(publication.title))
        row = self._row_for(publication.id)
        if row is not None:
            self.window.select_publication(row)

    def purge_publication(self, publication: Publication) -> None:
        parent = self.trash_dialog or self.window
        if publication.id is None or not confirm.ask_purge(parent, publication.title):
            return
        try:
            self.store.purge_publication(publication.id)
        except DisclosureDeskError as error:
            confirm.show_error(parent, self.tr("无法彻底删除"), str(error))
            return
        self._refresh_trash()
        self.window.show_status(self.tr("已彻底删除：{0}").format(publication.title))

    def restore_application(self, application: Application) -> None:
        """Back into the 依申请公开 register with its events and reply; the reload puts it on the tab
        and, while it waits for a reply, on the start page."""
        if application.id is None:
            return
        try:
            ApplicationRegister(self.store).restore(application.id)
        except DisclosureDeskError as error:
            confirm.show_error(self.trash_dialog or self.window, self.tr("无法恢复"), str(error))
            return
        self._refresh_trash()
        self.reload()
        self.window.applications_panel.select_application(application.id)
        self.window.show_status(self.tr("已恢复申请：{0}").format(application.number))

    def purge_application(self, application: Application) -> None:
        parent = self.trash_dialog or self.window
        label = self.tr("申请 {0}").format(application.number)
        if application.id is None or not confirm.ask_purge(parent, label):
            return
        try:
            ApplicationRegister(self.store).purge(application.id)
        except DisclosureDeskError as error:
            confirm.show_error(parent, self.tr("无法彻底删除"), str(error))
            return
        self._refresh_trash()
        self.window.show_status(self.tr("已彻底删除申请：{0}").format(application.number))

    # --- settings -----------------------------------------------------------------------------------

    def open_settings(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return
        dialog = SettingsDialog(self.store.settings(), self.data_folder, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda value: self._save_settings(dialog, value))
        dialog.finished.connect(self._settings_closed)
        self.settings_dialog = dialog
        dialog.open()

    def _settings_closed(self) -> None:
        self.settings_dialog = None

    def _save_settings(self, dialog: SettingsDialog, settings: Settings) -> None:
        try:
            self.store.save_settings(settings)
        except ValidationError as error:
            dialog.show_save_error(str(error), error.field)
            return
        except DisclosureDeskError as error:
            dialog.show_save_error(str(error))
            return
        dialog.accept()
        self._reload_infos()
        self.reload()
        self.window.show_status(self.tr("已保存设置"))

    # --- holidays -----------------------------------------------------------------------------------

    def open_holidays(self) -> None:
        if self.holidays_dialog is not None:
            self.holidays_dialog.raise_()
            return
        dialog = HolidaysDialog(
            self.store.holiday_schedules(), default_year=self.clock().year + 1, parent=self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saveRequested.connect(self.save_holiday_year)
        dialog.importRequested.connect(self.import_holidays)
        dialog.finished.connect(self._holidays_closed)
        self.holidays_dialog = dialog
        dialog.open()

    def _holidays_closed(self) -> None:
        self.holidays_dialog = None

    def save_holiday_year(self, schedule: YearSchedule) -> None:
        self._save_schedules([schedule], self.tr("已保存{0}年的节假日安排").format(schedule.year))

    def import_holidays(self, path: str) -> None:
        parent = self.holidays_dialog or self.window
        try:
            schedules = holidays_import.read_holiday_file(path)
        except CalendarError as error:
            confirm.show_error(parent, self.tr("无法导入节假日安排"), str(error))
            return
        known = {s.year for s in self.store.holiday_schedules()}
        years = "、".join(
            f"{s.year}" + (self.tr("（替换现有安排）") if s.year in known else "") for s in schedules
        )
        if not confirm.ask_import_holidays(
            parent, self.tr("将从文件导入以下年份的节假日安排：{0}").format(years)
        ):
            return
        self._save_schedules(
            schedules, self.tr("已导入{0}年的节假日安排").format("、".join(str(s.year) for s in schedules))
        )

    def _save_schedules(self, schedules: list[YearSchedule], done: str) -> None:
        parent = self.holidays_dialog or self.window
        try:
            changed = self.store.save_holiday_schedules(schedules)
        except DisclosureDeskError as error:
            confirm.show_error(parent, self.tr("无法保存节假日安排"), str(error))
            return
        message = done + self.tr("；{0} 条公开信息的应公开日期随之改变。").format(changed)
        if self.holidays_dialog is not None:
            self.holidays_dialog.set_schedules(self.store.holiday_schedules(), select_year=schedules[0].year)
            self.holidays_dialog.show_message(message)
        self.reload()
        self.window.show_status(message)

    # --- reports ------------------------------------------------------------------------------------

    def export_report(self, annual: bool = False) -> None:
        dialog = ReportDialog(self.clock(), annual=annual, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._write_report(dialog.period()))
        dialog.open()

    def _write_report(self, period: ReportPeriod) -> None:
        kind = self.tr("年报") if period.is_annual else self.tr("月报")
        name = f"{self.store.bureau_name()}政务公开{kind}（{period.label}）.xlsx"
        target = files.ask_report_path(self.window, Path.home() / "Documents" / name)
        if target is None:
            return
        generated_at = datetime.now().replace(microsecond=0)
        try:
            stats = compute_report(report_input(self.store, period, self.clock(), generated_at))
            written = write_report(target, stats)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("无法导出报表"), str(error))
            return
        self.window.show_status(self.tr("已导出{0}：{1}").format(period.label, written))
        files.open_path(written)

    # --- backups and history ------------------------------------------------------------------------

    def backup_now(self) -> None:
        try:
            target = backup.backup_now(self.store, reason="manual")
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("备份失败"), str(error))
            return
        if target is None:
            confirm.show_info(
                self.window, self.tr("立即备份"), self.tr("当前数据库不是本机文件，请由数据库管理员备份。")
            )
            return
        self.window.show_status(self.tr("已备份并通过完整性检查：{0}").format(target))

    def restore_backup(self) -> None:
        file = sqlite_path(self.store.url)
        if file is None:
            confirm.show_info(self.window, self.tr("从备份恢复"), self.tr("只能恢复本机数据库文件。"))
            return
        chosen = files.ask_backup_file(
            self.window, paths.backups_dir_for(file), backup.good_backups(file, limit=10)
        )
        if chosen is None or not confirm.ask_restore(self.window, chosen.name):
            return
        try:
            result = restore.restore_open_store(self.store, chosen)
        except DisclosureDeskError as error:
            confirm.show_error(self.window, self.tr("恢复失败"), str(error))
            return
        self.start()
        moved = result.moved_aside
        kept = self.tr("原数据已另存为：{0}").format(moved) if moved is not None else ""
        confirm.show_info(
            self.window, self.tr("已恢复"), self.tr("已从“{0}”恢复数据。").format(chosen) + kept
        )

    def open_data_folder(self) -> None:
        files.open_path(self.data_folder)

    def show_history(self, row: RegisterRow) -> None:
        self.show_publication_history(row.publication)

    def show_publication_history(self, publication: Publication, parent: QWidget | None = None) -> None:
        if publication.id is None:
            return
        entries = self.store.audit_history("publication", publication.id)
        dialog = HistoryDialog(publication.title, entries, parent or self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- the catalogue ------------------------------------------------------------------------------

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
        self.start()
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
        self._reload_infos()
        self.reload()
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
            self._reload_infos()  # the box goes back to what is stored
            return
        self._reload_infos()
        self.reload()
        self.window.show_status(
            self.tr("事项{0}已标为动态栏目，须2周内有更新").format(item.number)
            if dynamic
            else self.tr("事项{0}已取消动态栏目标记").format(item.number)
        )

    # --- about --------------------------------------------------------------------------------------

    def show_about(self) -> None:
        show_about(self.window, self.data_folder, self.store.url)
