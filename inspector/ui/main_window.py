"""The app shell: sidebar navigation, pages, menus, status bar, remembered window layout."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import QCoreApplication, QSize, Qt, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
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
from sqlalchemy.engine import make_url

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseFilter
from inspector.db.engine import sqlite_file
from inspector.ui.enterprise_page import EnterprisePage
from inspector.ui.settings import Settings
from inspector.ui.style import icon


def app_version() -> str:
    try:
        return version("inspector")
    except PackageNotFoundError:
        return "开发版"


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class PageInfo:
    key: str  # stable id, stored in settings
    title: str
    icon: str


def page_infos() -> list[PageInfo]:
    return [
        PageInfo("enterprises", _t("企业台账"), "enterprise"),
        PageInfo("inspections", _t("检查记录"), "inspection"),
        PageInfo("hazards", _t("隐患整改"), "hazard"),
        PageInfo("ledger", _t("月度台账"), "ledger"),
        PageInfo("statistics", _t("统计"), "statistics"),
    ]


def describe_database(url: str) -> str:
    """Where the data is, in words a user can check: the file path, or the server and database."""
    path = sqlite_file(url)
    if path is not None:
        return _t("数据库文件：{path}").format(path=path)
    try:
        u = make_url(url)
    except Exception:
        return _t("数据库：未知")
    if u.get_backend_name() == "sqlite":
        return _t("数据库：内存（临时）")
    host = u.host or "localhost"
    if u.port:
        host = f"{host}:{u.port}"
    return _t("数据库服务器：{host}（库 {db}）").format(host=host, db=u.database or "")


class PlaceholderPage(QWidget):
    """An honest "not built yet" page, replaced via MainWindow.set_page when the feature lands."""

    def __init__(self, info: PageInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        pic = QLabel()
        pic.setPixmap(icon(info.icon).pixmap(QSize(64, 64)))
        pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(pic)
        title = QLabel(info.title)
        title.setObjectName("PageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(title)
        text = QLabel(self.tr("此功能尚未完成（开发中）"))
        text.setObjectName("PlaceholderText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(text)
        lay.addStretch(2)


class MainWindow(QMainWindow):
    """Main window. ``actor`` is who acts now; swap it when choosing the current inspector."""

    def __init__(self, services: Services, actor: Actor, settings: Settings | None = None) -> None:
        super().__init__()
        self.services = services
        self.actor = actor
        self.settings = settings or Settings()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("安全生产检查与隐患闭环整改台账"))
        self.setWindowIcon(icon("app"))

        self.pages: dict[str, QWidget] = {}
        self.infos = page_infos()
        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._restore()
        self.update_counts()

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
            page: QWidget
            page = self._make_enterprise_page() if info.key == "enterprises" else PlaceholderPage(info)
            self.pages[info.key] = page
            self.stack.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        self.setCentralWidget(central)

    def _make_enterprise_page(self) -> EnterprisePage:
        page = EnterprisePage(self.services, lambda: self.actor, self.settings)
        page.changed.connect(self.update_counts)
        page.model.totalChanged.connect(lambda _n: self.update_counts())
        self.enterprise_page = page
        return page

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | str | None = None,
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action(
            self.tr("导入企业名录…"),
            self.import_enterprises,
            "Ctrl+I",
            "import",
            self.tr("从 Excel 批量导入企业"),
        )
        self.template_action = self._action(
            self.tr("下载导入模板…"), self.save_import_template, tip=self.tr("保存企业名录导入模板（Excel）")
        )
        self.quit_action = self._action(self.tr("退出"), self.close, "Ctrl+Q")
        self.new_action = self._action(self.tr("新增企业"), self.new_enterprise, "Ctrl+N", "add")
        self.edit_action = self._action(
            self.tr("编辑"),
            self.edit_enterprise,
            "Ctrl+E",
            "edit",
            self.tr("编辑所选企业（也可双击或按回车）"),
        )
        self.file_action = self._action(
            self.tr("企业档案"),
            self.open_enterprise_file,
            "Ctrl+D",
            "archive",
            self.tr("查看所选企业的一企一档"),
        )
        self.find_action = self._action(self.tr("查找"), self.find, "Ctrl+F", tip=self.tr("搜索企业"))
        self.refresh_action = self._action(self.tr("刷新"), self.refresh, "F5", "refresh")
        self.about_action = self._action(self.tr("关于"), self.about)
        self.page_actions: list[QAction] = []
        for i, info in enumerate(self.infos):
            a = self._action(
                info.title, lambda _c=False, k=info.key: self.show_page(k), f"Ctrl+{i + 1}", info.icon
            )
            self.page_actions.append(a)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        m.addAction(self.import_action)
        m.addAction(self.template_action)
        m.addSeparator()
        m.addAction(self.quit_action)
        m = bar.addMenu(self.tr("企业(&E)"))
        for a in (self.new_action, self.edit_action, self.file_action):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.find_action)
        m = bar.addMenu(self.tr("视图(&V)"))
        m.addAction(self.refresh_action)
        m.addSeparator()
        for a in self.page_actions:
            m.addAction(a)
        m = bar.addMenu(self.tr("帮助(&H)"))
        m.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_status = QLabel()
        self.count_status.setObjectName("count_status")
        self.actor_status = QLabel()
        self.db_status = QLabel(describe_database(self.services.db.url))
        self.db_status.setObjectName("db_status")
        self.db_status.setToolTip(self.db_status.text())
        for w in (self.count_status, self.actor_status, self.db_status):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        self.set_actor(self.actor)

    # -- state ------------------------------------------------------------------------------------
    def set_actor(self, actor: Actor) -> None:
        """Switch who is acting (the later "current inspector" chooser calls this)."""
        self.actor = actor
        self.actor_status.setText(self.tr("当前用户：{name}").format(name=actor.name))

    def update_counts(self) -> None:
        total = self.services.enterprises.count(EnterpriseFilter())
        self.count_status.setText(self.tr("已登记企业 {n} 家").format(n=total))

    def _restore(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 820)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        last = self.settings.last_page()
        if last in self.pages:
            self.show_page(last)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    def save_settings(self) -> None:
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_last_page(self.current_page_key())
        self.enterprise_page.save_state()
        self.settings.sync()

    # -- pages ------------------------------------------------------------------------------------
    def current_page_key(self) -> str:
        return self.infos[self.stack.currentIndex()].key

    def show_page(self, key: str) -> None:
        keys = [i.key for i in self.infos]
        self.sidebar.setCurrentRow(keys.index(key))

    def set_page(self, key: str, widget: QWidget) -> None:
        """Replace a placeholder with the real page when a later feature provides it."""
        index = [i.key for i in self.infos].index(key)
        old = self.pages[key]
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = widget
        if self.sidebar.currentRow() == index:
            self.stack.setCurrentIndex(index)

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

    def find(self) -> None:
        self.show_page("enterprises")
        self.enterprise_page.focus_search()

    def refresh(self) -> None:
        page = self.pages[self.current_page_key()]
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        self.update_counts()
        self.statusBar().showMessage(self.tr("已刷新"), 2000)

    def import_enterprises(self) -> None:
        try:
            from inspector.ui.import_dialog import run_import_dialog
        except ModuleNotFoundError as e:
            if e.name != "inspector.ui.import_dialog":
                raise
            self._not_ready(self.tr("导入企业名录"))
            return
        if run_import_dialog(self, self.services, self.actor):
            self.show_page("enterprises")
            self.enterprise_page.refresh()
            self.update_counts()

    def save_import_template(self) -> None:
        try:
            from inspector.ui.import_dialog import save_template
        except ModuleNotFoundError as e:
            if e.name != "inspector.ui.import_dialog":
                raise
            self._not_ready(self.tr("下载导入模板"))
            return
        save_template(self)

    def _not_ready(self, what: str) -> None:
        QMessageBox.information(self, what, self.tr("此功能尚未完成（开发中）"))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "<h3>安全生产检查与隐患闭环整改台账</h3>"
                "<p>版本 {version}</p>"
                "<p>用于记录安全生产检查、登记隐患并跟踪整改直至销号（闭环管理）。</p>"
                "<p>{db}</p>"
                "<p style='color:#6b7280'>界面字体：文泉驿微米黑（Apache-2.0 / GPL-3+ 字体例外）<br>"
                "Qt {qt}</p>"
            ).format(version=app_version(), db=describe_database(self.services.db.url), qt=qVersion()),
        )
