"""The recycle bin (回收站): deleted publications and applications, restored or purged for good.

Created once in the composition root (attach_trash); restoring reloads through the DeskController, so
the register, the start page and the 依申请公开 tab show what came back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from disclosure_desk.domain.applications import Application
from disclosure_desk.domain.errors import DisclosureDeskError
from disclosure_desk.domain.publication import Publication
from disclosure_desk.store.applications import ApplicationRegister
from disclosure_desk.store.repository import Store
from disclosure_desk.ui.controller import DeskController
from disclosure_desk.ui.dialogs import confirm
from disclosure_desk.ui.dialogs.open_once import OpenOnce
from disclosure_desk.ui.dialogs.trash_dialog import TrashDialog
from disclosure_desk.ui.main_window import MainWindow


class TrashController(QObject):
    def __init__(self, store: Store, window: MainWindow, desk: DeskController) -> None:
        super().__init__(window)
        self.setObjectName("trashController")
        self.store = store
        self.window = window
        self.desk = desk
        self._trash: OpenOnce[TrashDialog] = OpenOnce()

    @property
    def dialog(self) -> TrashDialog | None:
        return self._trash.dialog

    def open(self) -> None:
        dialog = self.dialog
        if dialog is None:
            dialog = self._trash.keep(TrashDialog(self.window))
            dialog.restoreRequested.connect(self.restore_publication)
            dialog.purgeRequested.connect(self.purge_publication)
            dialog.historyRequested.connect(lambda p: self.desk.show_publication_history(p, self.dialog))
            dialog.titleCopied.connect(
                lambda title: self.window.show_status(self.tr("已复制标题：{0}").format(title))
            )
            dialog.restoreApplicationRequested.connect(self.restore_application)
            dialog.purgeApplicationRequested.connect(self.purge_application)
        self.refresh()
        dialog.select_first()
        dialog.open()

    def refresh(self) -> None:
        """Read the trash again, when its list is open."""
        if self.dialog is not None:
            self.dialog.set_publications(
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
            confirm.show_error(self.dialog or self.window, self.tr("无法恢复"), str(error))
            return
        self.refresh()
        self.desk.reload()
        self.window.show_status(self.tr("已恢复：{0}").format(publication.title))
        self.desk.select(publication.id)

    def purge_publication(self, publication: Publication) -> None:
        parent = self.dialog or self.window
        if publication.id is None or not confirm.ask_purge(parent, publication.title):
            return
        try:
            self.store.purge_publication(publication.id)
        except DisclosureDeskError as error:
            confirm.show_error(parent, self.tr("无法彻底删除"), str(error))
            return
        self.refresh()
        self.window.show_status(self.tr("已彻底删除：{0}").format(publication.title))

    def restore_application(self, application: Application) -> None:
        """Back into the 依申请公开 register with its events and reply; the reload puts it on the tab
        and, while it waits for a reply, on the start page."""
        if application.id is None:
            return
        try:
            ApplicationRegister(self.store).restore(application.id)
        except DisclosureDeskError as error:
            confirm.show_error(self.dialog or self.window, self.tr("无法恢复"), str(error))
            return
        self.refresh()
        self.desk.reload()
        self.window.applications_panel.select_application(application.id)
        self.window.show_status(self.tr("已恢复申请：{0}").format(application.number))

    def purge_application(self, application: Application) -> None:
        parent = self.dialog or self.window
        label = self.tr("申请 {0}").format(application.number)
        if application.id is None or not confirm.ask_purge(parent, label):
            return
        try:
            ApplicationRegister(self.store).purge(application.id)
        except DisclosureDeskError as error:
            confirm.show_error(parent, self.tr("无法彻底删除"), str(error))
            return
        self.refresh()
        self.window.show_status(self.tr("已彻底删除申请：{0}").format(application.number))


def attach_trash(store: Store, window: MainWindow, desk: DeskController) -> TrashController:
    """Wire 文件 → 回收站 into a built desk; a publication deleted while the list is open shows in it."""
    trash = TrashController(store, window, desk)
    window.trashRequested.connect(trash.open)
    desk.publicationDeleted.connect(trash.refresh)
    return trash
