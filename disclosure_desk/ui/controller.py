"""What happens when the officer works on publications: load the register, open the editor, save through
the store, reload.

The composition root (app.py) creates one DeskController and connects the window's signals to it; no
widget talks to the store. The trash, settings and holidays, reports, backups and the catalogue have their
own controllers beside this one (trash_controller.py, settings_controller.py, report_controller.py,
backup_controller.py, catalogue_controller.py), each wired in app.py; they reload through this one.
Dialogs open window-modal with open(), not exec(), so nothing blocks and tests drive them like an officer
would.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from disclosure_desk.domain.catalogue import CHANNELS, CatalogueItem
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.dialogs import confirm, files
from disclosure_desk.ui.dialogs.about import show_about
from disclosure_desk.ui.dialogs.history_dialog import HistoryDialog
from disclosure_desk.ui.dialogs.item_chooser import ItemChooserDialog
from disclosure_desk.ui.dialogs.mark_published_dialog import MarkPublishedDialog
from disclosure_desk.ui.dialogs.open_once import OpenOnce
from disclosure_desk.ui.dialogs.publication_editor import PublicationEditor
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
    publicationDeleted = Signal()  # moved to the trash: an open trash list shows it

    def __init__(self, store: Store, window: MainWindow, clock: Clock, data_folder: Path) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self.clock = clock
        self.data_folder = data_folder
        self.rows: list[RegisterRow] = []
        self.infos: dict[int, ItemInfo] = {}
        self._editor: OpenOnce[PublicationEditor] = OpenOnce(activate=True)
        self._chooser: OpenOnce[ItemChooserDialog] = OpenOnce()
        self._mark: OpenOnce[MarkPublishedDialog] = OpenOnce()

    @property
    def editor(self) -> PublicationEditor | None:
        return self._editor.dialog

    @property
    def item_chooser(self) -> ItemChooserDialog | None:
        return self._chooser.dialog

    @property
    def mark_dialog(self) -> MarkPublishedDialog | None:
        return self._mark.dialog

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

    def reload_infos(self) -> None:
        """The catalogue's items changed (a rule, a mark, the settings): the tree and details redraw."""
        self.infos = item_infos(self.store, self.store.active_catalogue())
        self.window.set_infos(self.infos)

    def select(self, publication_id: int | None) -> None:
        """Select the publication's row in the register, when it is there."""
        row = next((r for r in self.rows if r.publication.id == publication_id), None)
        if row is not None:
            self.window.select_publication(row)

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
        chooser.accepted.connect(lambda: self._new_from_chooser(chooser))
        self._chooser.open(chooser)

    def _new_from_chooser(self, chooser: ItemChooserDialog) -> None:
        item = chooser.chosen()
        if item is not None:
            self.new_publication(item)

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
        if self._editor.raise_open():
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
        editor.submitted.connect(lambda value: self._save_publication(editor, value))
        self._editor.open(editor)

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
        except DisclosureDeskError as error:
            editor.show_save_error(str(error), error.field)
            return
        editor.accept()
        self.reload()
        self.window.show_status(self.tr("已保存：{0}").format(saved.title))
        self.select(saved.id)

    def mark_published(self, row: RegisterRow) -> None:
        """标记为今天已公开 from a list's context menu: the date (today unless changed), and the channels
        when the catalogue's required ones are not all ticked."""
        if self._mark.raise_open():
            return
        dialog = MarkPublishedDialog(
            row.publication,
            row.record.item,
            clock=self.clock,
            due_on=row.record.due.due_on,
            calendar=self.store.calendar(),
            parent=self.window,
        )
        dialog.submitted.connect(lambda value: self._save_marked(dialog, value))
        self._mark.open(dialog)

    def _save_marked(self, dialog: MarkPublishedDialog, value: Publication) -> None:
        try:
            saved = self.store.update_publication(value)
        except DisclosureDeskError as error:
            dialog.show_save_error(str(error), error.field)
            return
        dialog.accept()
        self.reload()
        self.window.show_status(
            self.tr("已标记为已公开：{0}（{1}）").format(saved.title, format_date_long(saved.published_on))
            if saved.published_on is not None
            else self.tr("已保存：{0}").format(saved.title)
        )
        self.select(saved.id)

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
        self.publicationDeleted.emit()

    # --- history, the data folder, about ------------------------------------------------------------

    def show_history(self, row: RegisterRow) -> None:
        self.show_publication_history(row.publication)

    def show_publication_history(self, publication: Publication, parent: QWidget | None = None) -> None:
        if publication.id is None:
            return
        entries = self.store.audit_history("publication", publication.id)
        dialog = HistoryDialog(publication.title, entries, parent or self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_data_folder(self) -> None:
        files.open_path(self.data_folder)

    def show_about(self) -> None:
        show_about(self.window, self.data_folder, self.store.url)
