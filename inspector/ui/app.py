"""Desktop entry point: QApplication, bundled font, crash dialog, database, main window.

Start-up paints the window's shell first and only then imports the database layer and opens the
database (``run``): so this module imports Qt and the light UI modules only, the rest inside the
functions that need them.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from inspector.core.actor import SYSTEM, Actor
from inspector.core.errors import DomainError
from inspector.db.errors import is_unavailable
from inspector.logs import current_log_file
from inspector.paths import APP_NAME, default_db_url, font_path
from inspector.ui.i18n import CHINESE, choose_language, install_translations
from inspector.ui.main_window import MainWindow
from inspector.ui.ops import Op
from inspector.ui.settings import Settings
from inspector.ui.style import APP_STYLE_SHEET, icon

if TYPE_CHECKING:
    from inspector.core.context import Services
    from inspector.db.engine import Database

log = logging.getLogger("inspector.ui")

ORGANIZATION = "Inspector"
# Set to 1, the app quits right after the main window's first paint (no inspector chooser, no
# reminders): `time INSPECTOR_EXIT_AFTER_FIRST_PAINT=1 inspector` measures start-up.
EXIT_AFTER_FIRST_PAINT = "INSPECTOR_EXIT_AFTER_FIRST_PAINT"
# Set to "home", it quits once the database is open and the 工作台 has painted (its counts still
# on their way): the time until the window is usable.
EXIT_AFTER_HOME = "home"
UI_POINT_SIZE = 10
# Opening the database waits for the shell's first paint; a window that never paints (started
# minimised, say) must not wait for ever.
OPEN_ANYWAY_MS = 1500


def open_database(url: str, warnings: list[str] | None = None, daily_backup: bool = True) -> Database:
    """core.context.open_database, imported on the first call (the shell has painted by then)."""
    from inspector.core.context import open_database as open_core

    return open_core(url, warnings=warnings, daily_backup=daily_backup)


def choose_current_inspector(window: MainWindow, services: Services, settings: Settings) -> Actor | None:
    from inspector.ui.inspector_chooser import choose_current_inspector as choose

    return choose(window, services, settings)


def load_font(app: QApplication) -> str | None:
    """Make the bundled CJK font the UI font so Chinese renders with no system fonts installed.

    Returns the family, or None if the file is missing/unreadable (Qt's default stays then).
    """
    path = font_path()
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.exists() else -1
    if font_id < 0:
        log.warning("bundled font not loaded: %s", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    font = QFont(families[0], UI_POINT_SIZE)
    app.setFont(font)
    return families[0]


def setup_application(app: QApplication, language: str = CHINESE) -> None:
    """Everything about the QApplication except the event loop (tests and screenshots use it too).

    The translators come first: every string below, and every widget built later, is translated.
    """
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    install_translations(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "安全生产检查与隐患闭环整改台账"))
    app.setWindowIcon(icon("app"))
    load_font(app)
    app.setStyleSheet(APP_STYLE_SHEET)


def _active_window() -> QWidget | None:
    return QApplication.activeModalWidget() or QApplication.activeWindow()


def show_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Domain refusals as a plain warning; anything else is a bug: say so and show the details."""
    if isinstance(exc, DomainError):
        QMessageBox.warning(_active_window(), QCoreApplication.translate("App", "提示"), exc.message)
        return
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unhandled exception\n%s", text)
    box = QMessageBox(_active_window())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "程序错误"))
    if is_unavailable(exc):
        box.setText(QCoreApplication.translate("App", "无法访问数据库"))
        box.setInformativeText(
            QCoreApplication.translate(
                "App", "可能是网络中断或数据库服务器已关闭。请检查网络后重试；刚才的操作没有保存。"
            )
        )
    else:
        box.setText(QCoreApplication.translate("App", "程序出现了意外错误"))
        box.setInformativeText(
            QCoreApplication.translate(
                "App",
                "这是程序的缺陷，不是您的操作问题。刚才的操作可能没有完成，请检查后重试；"
                "如果反复出现，请把“详细信息”复制给维护人员。",
            )
        )
    where = current_log_file()
    if where is not None:
        box.setInformativeText(
            box.informativeText()
            + "\n\n"
            + QCoreApplication.translate("App", "详细信息也已写入日志文件：{path}").format(path=where)
        )
    box.setDetailedText(text)
    box.exec()


_in_hook = False


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: never let a slot's exception vanish or kill the app silently."""
    global _in_hook
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None or _in_hook:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _in_hook = True
    try:
        show_exception(exc_type, exc, tb)
    except Exception:  # the dialog itself failed: at least print both
        sys.__excepthook__(exc_type, exc, tb)
        traceback.print_exc()
    finally:
        _in_hook = False


def safe_url(url: str) -> str:
    """The URL without its password, for messages (it may be shown on a projector)."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)


def database_error_text(exc: BaseException) -> str:
    """A plain-Chinese reason for a database that will not open."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

    if isinstance(exc, NoSuchModuleError):
        return QCoreApplication.translate("App", "不支持这种数据库地址（缺少对应的数据库驱动）。")
    if isinstance(exc, ArgumentError):
        return QCoreApplication.translate(
            "App",
            "数据库地址格式不正确。应如 sqlite:///D:/台账/inspector.sqlite3 或 postgresql://用户@服务器/库名。",
        )
    if isinstance(exc, OperationalError):
        return QCoreApplication.translate(
            "App",
            "无法连接数据库服务器或打开数据库文件：服务器可能未启动、网络不通、用户名密码错误，或文件夹没有写入权限。",
        )
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("App", "没有权限访问数据库文件或其所在文件夹。")
    if isinstance(exc, DomainError):
        return exc.message
    return QCoreApplication.translate("App", "打开或升级数据库时出错。")


def needs_password(exc: BaseException) -> bool:
    """The team server asked for (or refused) the password of this login."""
    text = str(exc).lower()
    return "password" in text and ("no password supplied" in text or "authentication failed" in text)


def ask_password(parent: QWidget | None, url: str, failed: bool) -> str | None:
    """The login's password, typed now and never stored (None: the user gave up)."""
    from sqlalchemy.engine import make_url

    user = make_url(url).username or ""
    prompt = QCoreApplication.translate("App", "团队服务器 {server} 的登录“{user}”的密码：").format(
        server=safe_url(url), user=user
    )
    if failed:
        prompt = QCoreApplication.translate("App", "密码不正确，请重新输入。\n") + prompt
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("App", "登录团队服务器"), prompt, QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


def open_database_or_explain(
    url: str | None,
    parent: QWidget | None = None,
    warnings: list[str] | None = None,
    *,
    daily_backup: bool = True,
) -> Database | None:
    """open_database, but a failure becomes a clear dialog (and None) instead of a traceback;
    a team server that wants a password gets it asked for (up to three tries)."""
    target = url or default_db_url()
    for attempt in range(4):
        try:
            return open_database(target, warnings=warnings, daily_backup=daily_backup)
        except Exception as exc:
            if attempt < 3 and needs_password(exc):
                from sqlalchemy.engine import make_url

                password = ask_password(parent, target, failed=attempt > 0)
                if password is None:
                    return None
                target = make_url(target).set(password=password).render_as_string(hide_password=False)
                continue
            _explain_open_failure(url, exc, parent)
            return None
    return None


def _explain_open_failure(url: str | None, exc: BaseException, parent: QWidget | None) -> None:
    log.error("cannot open database", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "无法打开数据库"))
    box.setText(
        QCoreApplication.translate("App", "无法打开数据库：{url}").format(
            url=safe_url(url or default_db_url())
        )
    )
    box.setInformativeText(
        database_error_text(exc)
        + "\n"
        + QCoreApplication.translate(
            "App", "请检查启动参数 --db 或环境变量 INSPECTOR_DB_URL，然后重新启动程序。"
        )
    )
    box.setDetailedText(f"{type(exc).__name__}: {exc}")
    box.exec()


def create_main_window(
    services: Services, actor: Actor = SYSTEM, settings: Settings | None = None
) -> MainWindow:
    """The main window on given services (tests build one on a temp database)."""
    return MainWindow(services, actor, settings)


def start_session(window: MainWindow) -> None:
    """Who is working (remembered, else asked once), the office if not yet set up (first start),
    then one reminder if anything is overdue."""
    actor = choose_current_inspector(window, window.services, window.settings)
    if actor is not None:
        window.set_actor(actor)
        configured = Op(window, window.services, lambda s: s.office.is_configured()).run()
        if configured.ok and not configured.value:
            window.edit_office(first_start=True)
    else:
        window.statusBar().showMessage(
            QCoreApplication.translate("App", "未选择检查人员：可在“检查”菜单中选择"), 15000
        )
    from inspector.core.hazards import HazardFilter
    from inspector.ui.home_page import show_overdue_notice_once

    if show_overdue_notice_once(window, window.services):
        window.show_hazards(HazardFilter(overdue_only=True))  # the 逾期 tile's filter


class FirstPaint(QObject):
    """Calls ``then`` once, right after the watched window has painted for the first time (or
    after ``anyway_ms``, if given, should it not paint by then)."""

    def __init__(self, window: QWidget, then: Callable[[], object], anyway_ms: int | None = None) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)
        if anyway_ms is not None:
            QTimer.singleShot(anyway_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()


def _exit_now() -> None:
    """Leave at once, for INSPECTOR_EXIT_AFTER_FIRST_PAINT: a normal quit would first drain the
    database worker (the 工作台 still counting), and the timing is of the paint, not of that."""
    logging.shutdown()
    os._exit(0)


def take_daily_backup(window: MainWindow) -> None:
    """The day's backup, on the database worker after the first paint; the status bar says so."""

    def done(path: Path | None) -> None:
        if path is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate("App", "已完成今天的自动备份：{path}").format(path=path), 10000
            )

    Op(
        window,
        window.services,
        lambda s: s.maintenance.daily_backup(),
        title=QCoreApplication.translate("App", "备份"),
    ).success(done).start()


def run(db_url: str | None) -> int:
    """The shell paints first; then the database opens (a dialog if it cannot) and fills it."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_application(app, choose_language())
    sys.excepthook = excepthook
    window = MainWindow(None, SYSTEM)
    opened: list[Database] = []
    exit_switch = os.environ.get(EXIT_AFTER_FIRST_PAINT)
    if exit_switch == "1":  # timing start-up from outside: the window has painted, leave
        FirstPaint(window, _exit_now)
    else:
        FirstPaint(
            window,
            lambda: _open_into(window, db_url, opened, exit_switch == EXIT_AFTER_HOME),
            OPEN_ANYWAY_MS,
        )
    window.show()
    try:
        return app.exec()
    finally:
        for db in opened:
            db.dispose()


def _open_into(window: MainWindow, db_url: str | None, opened: list[Database], exit_on_home: bool) -> None:
    """After the shell's first paint: open the database into the window, then the session."""
    warnings: list[str] = []
    db = open_database_or_explain(db_url, window, warnings=warnings, daily_backup=False)
    if db is None:
        window.hide()
        QApplication.exit(2)
        return
    opened.append(db)
    from inspector.core.context import Services

    window.attach(Services.on(db))
    if exit_on_home:
        FirstPaint(window.page(window.current_page_key()), _exit_now)
        return
    take_daily_backup(window)
    for text in warnings:  # e.g. the backup folder could not be written: say so, go on
        QMessageBox.warning(window, QCoreApplication.translate("App", "提示"), text)
    start_session(window)
