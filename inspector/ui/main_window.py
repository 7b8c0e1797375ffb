"""The app shell: sidebar navigation, pages, status bar, remembered window layout.

Its commands (actions, shortcuts, menus) are built by ``main_menus``; every service call here is
an ``Op`` (the window never catches a DomainError itself).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, qVersion
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.actor import SYSTEM, Actor
from inspector.core.enums import DocumentKind
from inspector.ui import main_pages
from inspector.ui.main_menus import PageInfo, build_actions, build_menus, page_infos
from inspector.ui.ops import Op
from inspector.ui.settings import Settings
from inspector.ui.style import MUTED_COLOUR, icon

if TYPE_CHECKING:  # the services, pages and dialogs are imported when first used: a fast first paint
    from inspector.core.context import Services
    from inspector.core.hazards import HazardFilter
    from inspector.ui.hazard_detail import HazardDetail, HazardDetailDialog
    from inspector.ui.inspection_detail import InspectionDetailDialog
    from inspector.ui.visit_dialog import VisitDialog

ACTOR_RECHECK_MS = 60_000


__all__ = ["MainWindow", "PageInfo", "app_version", "describe_database", "page_infos"]


def app_version() -> str:
    try:
        return version("inspector")
    except PackageNotFoundError:
        return QCoreApplication.translate("MainWindow", "开发版")


def describe_database(url: str) -> str:
    """Where the data is, in words a user can check: the file path, or the server and database."""
    from sqlalchemy.engine import make_url

    from inspector.db.engine import sqlite_file

    path = sqlite_file(url)
    if path is not None:
        return QCoreApplication.translate("MainWindow", "数据库文件：{path}").format(path=path)
    try:
        u = make_url(url)
    except Exception:
        return QCoreApplication.translate("MainWindow", "数据库：未知")
    if u.get_backend_name() == "sqlite":
        return QCoreApplication.translate("MainWindow", "数据库：内存（临时）")
    host = u.host or "localhost"
    if u.port:
        host = f"{host}:{u.port}"
    return QCoreApplication.translate("MainWindow", "数据库服务器：{host}（库 {db}）").format(
        host=host, db=u.database or ""
    )


class MainWindow(QMainWindow, main_pages.PageHost):
    """Main window. ``actor`` is who acts now; swap it when choosing the current inspector.

    Built without services it is the shell the app paints first (sidebar, menus, 正在打开数据库…)
    while the database layer is imported and opened; ``attach`` then fills it. Until then nothing
    in it can be used, so no command can reach a service that is not there yet.
    """

    services: Services
    _opening: QLabel | None  # the shell's 正在打开数据库…, until attach

    # The commands, built by main_menus.build_actions.
    import_action: QAction
    template_action: QAction
    enforcement_action: QAction
    office_action: QAction
    backup_action: QAction
    restore_action: QAction
    quit_action: QAction
    new_action: QAction
    edit_action: QAction
    file_action: QAction
    find_action: QAction
    refresh_action: QAction
    visit_action: QAction
    inspectors_action: QAction
    switch_action: QAction
    help_action: QAction
    about_action: QAction
    page_actions: list[QAction]

    def __init__(
        self, services: Services | None, actor: Actor = SYSTEM, settings: Settings | None = None
    ) -> None:
        super().__init__()
        self.attached = False
        self.actor = actor
        self.settings = settings or Settings()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("安全生产检查与隐患闭环整改台账"))
        self.setWindowIcon(icon("app"))

        self.pages: dict[str, QWidget] = {}  # the pages built so far (each on its first showing)
        self.built_detail: HazardDetail | None = None
        self._stale: set[str] = set()
        self._following_refresh = False
        self.infos = page_infos()
        self._build_central()
        build_actions(self)
        build_menus(self)
        self._build_status_bar()
        # The registry may change on another machine (a demotion, a deactivation): look again now
        # and then, so the buttons shown match what the core will allow.
        self._actor_timer = QTimer(self)
        self._actor_timer.setInterval(ACTOR_RECHECK_MS)
        self._actor_timer.timeout.connect(self.refresh_actor)
        self._shell_actions = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for a in self._shell_actions:
            a.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.sidebar.setEnabled(False)
        self._restore()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """The database is open: enable the commands, show the remembered page, count in the back."""
        self.services = services
        self.attached = True
        for a in self._shell_actions:
            a.setEnabled(True)
        for a in (self.backup_action, self.restore_action):
            a.setEnabled(services.maintenance.available)
        self.menuBar().setEnabled(True)
        self.sidebar.setEnabled(True)
        self.db_status.setText(describe_database(services.db.url))
        self.db_status.setToolTip(self.db_status.text())
        if self._opening is not None:
            self.stack.removeWidget(self._opening)
            self._opening.deleteLater()
            self._opening = None
        self._page_changed(max(self.sidebar.currentRow(), 0))
        self.update_counts(wait=False)
        self._actor_timer.start()

    # -- building -------------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget()
        lay = QHBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)

        side = QWidget()
        side.setObjectName("SidebarHeader")
        side.setFixedWidth(176)
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        side_lay.setSpacing(0)
        brand = QHBoxLayout()
        brand.setContentsMargins(14, 14, 10, 10)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(QSize(30, 30)))
        brand.addWidget(logo)
        name = QLabel(self.tr("安全检查台账"))
        name.setObjectName("SidebarTitle")
        brand.addWidget(name, 1)
        side_lay.addLayout(brand)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_lay.addWidget(self.sidebar, 1)
        lay.addWidget(side)

        self.stack = QStackedWidget()
        lay.addWidget(self.stack, 1)
        for info in self.infos:
            item = QListWidgetItem(icon(info.icon), info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            item.setSizeHint(QSize(150, 42))
            self.sidebar.addItem(item)
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        # Shown until attach; last in the stack, so the pages' indices stay the sidebar's rows.
        opening = QLabel(self.tr("正在打开数据库…"))
        opening.setObjectName("opening_database")
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        opening.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.stack.addWidget(opening)
        self.stack.setCurrentWidget(opening)
        self._opening = opening
        self.sidebar.currentRowChanged.connect(self._page_changed)
        self.setCentralWidget(central)

    def show_in_detail(self, hazard_id: int | None) -> None:
        """Follow the list's selection, but never drop a half-typed plan without asking."""
        if hazard_id == self.hazard_detail.hazard_id:
            return
        if hazard_id is None and self._following_refresh:
            return  # the hazard just acted on left the filtered list: keep showing its result
        if self.hazard_detail.has_unsaved_changes() and not self.hazard_detail.confirm_discard():
            return
        self.hazard_detail.show_hazard(hazard_id)

    def current_actor(self) -> Actor:
        """Pages ask this at the moment they act, so switching inspector takes effect at once."""
        return self.actor

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_status = QLabel()
        self.count_status.setObjectName("count_status")
        self.actor_status = QLabel()
        self.db_status = QLabel()  # named once attached
        self.db_status.setObjectName("db_status")
        for w in (self.count_status, self.actor_status, self.db_status):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        self.set_actor(self.actor)

    # -- state ------------------------------------------------------------------------------------
    def set_actor(self, actor: Actor) -> None:
        """Switch who is acting; the 工作台 greets the new inspector (recounted only on a change)."""
        changed = actor != self.actor
        self.actor = actor
        name = self.tr("系统") if actor == SYSTEM else actor.name
        text = self.tr("当前用户：{name}").format(name=name)
        if actor.is_supervisor and actor.id is not None:
            text += self.tr("（负责人）")
        self.actor_status.setText(text)
        if changed and "home" in self.pages:
            self.home_page.refresh()

    def refresh_actor(self) -> None:
        """Re-read the current inspector's role and state from the registry (the core checks it on
        every change anyway; this keeps what the window shows in step)."""
        actor_id = self.actor.id
        if actor_id is None:
            return
        fresh = (
            Op(
                self,
                self.services,
                lambda s: s.inspectors.actor_for(actor_id),
                title=self.tr("当前检查人员已变更"),
            )
            .run()
            .value
        )
        if fresh is None:  # ops said why (removed, deactivated): choose again
            self._actor_timer.stop()
            self.set_actor(SYSTEM)
            self.switch_inspector()
            self._actor_timer.start()
            return
        if fresh != self.actor:
            self.set_actor(fresh)
            self.statusBar().showMessage(
                self.tr("检查人员名册已变更：当前用户 {name}（{role}）").format(
                    name=fresh.name, role=self.tr("科室负责人") if fresh.is_supervisor else self.tr("检查员")
                ),
                10000,
            )

    def update_counts(self, wait: bool = True) -> None:
        """The status bar's count (``wait=False`` at start: the first paint does not wait for it)."""
        from inspector.core.enterprises import EnterpriseFilter

        op = Op(self, self.services, lambda s: s.enterprises.count(EnterpriseFilter())).success(
            lambda total: self.count_status.setText(self.tr("已登记企业 {n} 家").format(n=total))
        )
        if wait:
            op.run()
        else:
            op.start()

    def _restore(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 820)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        last = self.settings.last_page()
        self.show_page(last if last in [i.key for i in self.infos] else "home")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    def save_settings(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_last_page(self.current_page_key())
        for page in self.pages.values():
            save_state = getattr(page, "save_state", None)
            if callable(save_state):
                save_state()
        self.settings.sync()

    # -- pages ------------------------------------------------------------------------------------
    def current_page_key(self) -> str:
        return self.infos[max(self.sidebar.currentRow(), 0)].key

    def show_page(self, key: str) -> None:
        keys = [i.key for i in self.infos]
        self.sidebar.setCurrentRow(keys.index(key))

    def _page_changed(self, index: int) -> None:
        if not self.attached:
            return  # the shell: the page is built once the database is open
        key = self.infos[index].key
        self.page(key)
        self.stack.setCurrentIndex(index)
        if key in self._stale:
            self._stale.discard(key)
            self._refresh_page(key)

    def _refresh_page(self, key: str) -> None:
        refresh = getattr(self.pages[key], "refresh", None)
        if callable(refresh):
            refresh()

    def data_changed(self, source: str | None = None) -> None:
        """Something was saved: refresh what is on screen now, the other pages when next shown.

        Refreshing every page at once would recount a million hazards several times per click.
        ``source`` already shows the change: a page key, or "detail" for the tracker's pane.
        """
        current = self.current_page_key()
        self._following_refresh = True
        try:
            for key in self.pages:
                if key == source:
                    continue
                if key == current:
                    self._refresh_page(key)
                else:
                    self._stale.add(key)
        finally:
            self._following_refresh = False
        detail = self.built_detail
        if source != "detail" and detail is not None and detail.hazard_id is not None:
            detail.reload()
        file_dialog = getattr(self.pages.get("enterprises"), "file_dialog", None)
        if file_dialog is not None:
            file_dialog.reload()
        self.update_counts()

    # -- slots ------------------------------------------------------------------------------------
    def new_enterprise(self) -> None:
        self.show_page("enterprises")
        self.enterprise_page.new_enterprise()

    def edit_enterprise(self) -> None:
        self.show_page("enterprises")
        if self.enterprise_page.edit_selected() is None:
            self.statusBar().showMessage(self.tr("请先在列表中选择一家企业"), 4000)

    def open_enterprise_file(self) -> None:
        self.show_page("enterprises")
        if self.enterprise_page.open_file() is None:
            self.statusBar().showMessage(self.tr("请先在列表中选择一家企业"), 4000)

    def search(self) -> None:  # not find(): that is QWidget.find, a static lookup by window id
        """Ctrl+F searches the list on screen; elsewhere it searches the enterprise registry."""
        key = self.current_page_key()
        if key not in ("enterprises", "inspections", "hazards"):
            key = "enterprises"
            self.show_page(key)
        focus = getattr(self.pages[key], "focus_search", None)
        if callable(focus):
            focus()

    def refresh(self) -> None:
        self.refresh_actor()
        self._refresh_page(self.current_page_key())
        self._stale.update(k for k in self.pages if k != self.current_page_key())
        self.update_counts()
        self.statusBar().showMessage(self.tr("已刷新"), 2000)

    def _dialog_parent(self) -> QWidget:
        """A window opened from inside another dialog (一企一档, 检查详情) stacks on that dialog."""
        return QApplication.activeModalWidget() or QApplication.activeWindow() or self

    def show_hazards(self, f: HazardFilter) -> None:
        """Open the tracker filtered (a home tile, an enterprise's 在隐患整改中查看)."""
        self._stale.discard("hazards")
        self.hazard_page.apply_filter(f)
        self.show_page("hazards")
        parent = self._dialog_parent()
        if parent is not self and isinstance(parent, QDialog):
            parent.accept()  # the filtered list is behind the dialog; close it so it is seen

    def new_visit(self, enterprise_id: int | None = None) -> VisitDialog | None:
        from inspector.ui.visit_dialog import VisitDialog

        dialog = VisitDialog(self.services, self.actor, enterprise_id, parent=self._dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.visit_dialog = dialog
        dialog.accepted.connect(lambda: self._visit_recorded(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "visit_dialog", None))
        dialog.open()
        return dialog

    def _visit_recorded(self, dialog: VisitDialog) -> None:
        from inspector.ui.visit_print_prompt import VisitPrintPrompt

        recorded = dialog.recorded
        if recorded is None:
            return
        numbers = "、".join(h.number for h in recorded.hazards)
        if recorded.hazards:
            text = self.tr("已登记检查，发现隐患 {n} 条：{numbers}").format(
                n=len(recorded.hazards), numbers=numbers
            )
        else:
            text = self.tr("已登记检查，未发现隐患")
        self.statusBar().showMessage(text, 15000)
        self.data_changed()
        prompt = VisitPrintPrompt(dialog.result_message(), recorded, self.print_document, self)
        prompt.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.print_prompt = prompt
        prompt.open()

    def open_hazard(self, hazard_id: int) -> HazardDetailDialog:
        from inspector.ui.hazard_detail import HazardDetailDialog

        dialog = HazardDetailDialog(
            self.services, self.current_actor, hazard_id, parent=self._dialog_parent()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.detail.changed.connect(lambda _id: self.data_changed())
        dialog.detail.print_requested.connect(self.print_document)
        dialog.detail.print_review_requested.connect(self.print_review)
        self.hazard_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "hazard_dialog", None))
        dialog.open()
        return dialog

    def open_inspection(self, inspection_id: int) -> InspectionDetailDialog:
        from inspector.ui.inspection_detail import InspectionDetailDialog

        dialog = InspectionDetailDialog(
            self.services, self.current_actor, inspection_id, parent=self._dialog_parent()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.hazard_activated.connect(self.open_hazard)
        dialog.documents_changed.connect(lambda: self.data_changed())
        self.inspection_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "inspection_dialog", None))
        dialog.open()
        return dialog

    def print_document(self, kind: str, target_id: int) -> None:
        from inspector.ui import print_actions

        path = print_actions.print_document(
            self._dialog_parent(),
            self.services,
            self.actor,
            DocumentKind(kind),
            target_id,
            status=lambda text: self.statusBar().showMessage(text, 15000),
        )
        if path is not None:
            self.data_changed()

    def reprint_document(self, document_id: int, kind: str) -> None:
        """Any issued document again (一企一档): same number, date and text."""
        from inspector.ui import print_actions

        print_actions.reprint_document(
            self._dialog_parent(),
            self.services,
            self.actor,
            document_id,
            DocumentKind(kind) if kind else DocumentKind.INSPECTION_RECORD,
            status=lambda text: self.statusBar().showMessage(text, 15000),
        )

    def print_review(self, hazard_id: int, reinspection_id: int) -> None:
        """The 整改复查意见书 of one particular 复查 of a hazard."""
        from inspector.ui import print_actions

        path = print_actions.print_document(
            self._dialog_parent(),
            self.services,
            self.actor,
            DocumentKind.REVIEW_OPINION,
            hazard_id,
            reinspection_id=reinspection_id,
            status=lambda text: self.statusBar().showMessage(text, 15000),
        )
        if path is not None:
            self.data_changed()

    def edit_office(self, first_start: bool = False) -> bool:
        """文件 → 机关设置 (and the first start): the office every document and ledger names."""
        from inspector.ui import office_dialog

        saved = office_dialog.edit_office(self, self.services, self.actor, first_start=first_start)
        if saved:
            self.statusBar().showMessage(self.tr("已保存机关设置：此后出具的文书和台账使用新的设置"), 8000)
            self.data_changed()
        return saved

    def backup_now(self) -> None:
        path = (
            Op(self, self.services, lambda s: s.maintenance.backup_now(), title=self.tr("备份")).run().value
        )
        if path is None:
            return
        self.statusBar().showMessage(self.tr("已备份到：{path}").format(path=path), 10000)

    def restore_backup(self) -> bool:
        """文件 → 恢复备份; the program starts again on the restored data."""
        from inspector.ui import restore_dialog

        dialog = restore_dialog.RestoreDialog(self.services, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.restored is None:
                return False
        finally:
            dialog.deleteLater()
        self.save_settings()
        restore_dialog.relaunch()
        return True

    def manage_inspectors(self) -> None:
        from inspector.ui.inspector_registry import InspectorRegistryDialog

        dialog = InspectorRegistryDialog(self.services, self.actor, parent=self)
        dialog.exec()
        dialog.deleteLater()
        # the current inspector may have been edited (role) or deactivated
        actor_id = self.actor.id
        if actor_id is not None:
            fresh = (
                Op(
                    self,
                    self.services,
                    lambda s: s.inspectors.actor_for(actor_id),
                    title=self.tr("检查人员管理"),
                )
                .run()
                .value
            )
            if fresh is None:  # ops said why: the current inspector is gone, choose again
                self.switch_inspector()
            else:
                self.set_actor(fresh)

    def switch_inspector(self) -> None:
        from inspector.ui.inspector_chooser import choose_current_inspector

        if Op(self, self.services, lambda s: s.inspectors.login_actor()).run().value is not None:
            QMessageBox.information(
                self,
                self.tr("切换当前检查人员"),
                self.tr(
                    "团队服务器上以本人的数据库登录办理业务；换人请退出程序，用另一位的登录名和密码重新登录。"
                ),
            )
            return
        actor = choose_current_inspector(self, self.services, self.settings, ask=True)
        if actor is not None:
            self.set_actor(actor)
            self.statusBar().showMessage(self.tr("当前检查人员：{name}").format(name=actor.name), 5000)

    def import_enterprises(self) -> None:
        from inspector.ui import import_dialog

        if import_dialog.run_import_dialog(self, self.services, self.actor):
            self.show_page("enterprises")
            self.enterprise_page.refresh()
            self.update_counts()

    def save_import_template(self) -> None:
        from inspector.ui import import_dialog

        import_dialog.save_template(self, self.services)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "<h3>安全生产检查与隐患闭环整改台账</h3>"
                "<p>版本 {version}</p>"
                "<p>用于记录安全生产检查、登记隐患并跟踪整改直至销号（闭环管理）。</p>"
                "<p>{db}</p>"
                "<p style='color:{muted}'>界面字体：文泉驿微米黑（Apache-2.0 / GPL-3+ 字体例外）<br>"
                "Qt {qt}</p>"
            ).format(
                version=app_version(),
                db=describe_database(self.services.db.url),
                qt=qVersion(),
                muted=MUTED_COLOUR,
            ),
        )
