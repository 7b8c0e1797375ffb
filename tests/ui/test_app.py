"""Application start-up: bundled font, database errors as dialogs, the crash dialog."""

from __future__ import annotations

import socket
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from inspector.core.errors import NotFoundError
from inspector.logs import setup_logging, stop_logging
from inspector.ui import app as app_module
from inspector.ui.app import (
    excepthook,
    load_font,
    open_database_or_explain,
    run,
    safe_url,
)
from inspector.ui.i18n import CHINESE, ENGLISH, choose_language, install_translations


@pytest.fixture
def restore_app(qapp: QApplication):  # type: ignore[no-untyped-def]
    """Undo setup_application's global changes so later tests see a plain QApplication."""
    font, sheet, locale = QFont(qapp.font()), qapp.styleSheet(), QLocale()
    yield
    for t in qapp.findChildren(QTranslator):
        qapp.removeTranslator(t)
        t.deleteLater()
    QLocale.setDefault(locale)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def test_bundled_font_becomes_the_ui_font(qapp: QApplication, restore_app) -> None:
    family = load_font(qapp)
    assert family is not None and "WenQuanYi" in family
    assert qapp.font().family() == family
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def test_qt_buttons_speak_chinese(qapp: QApplication, restore_app) -> None:
    assert install_translations(qapp, CHINESE)
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QLocale().language() == QLocale.Language.Chinese


def test_language_is_chinese_unless_the_user_speaks_english() -> None:
    assert choose_language({"INSPECTOR_LANG": "en_US.UTF-8"}) == ENGLISH
    assert choose_language({"INSPECTOR_LANG": "zh_CN"}) == CHINESE
    assert choose_language({"INSPECTOR_LANG": "de"}) == CHINESE


def test_bad_url_gives_a_chinese_dialog_not_a_traceback(qapp, messages) -> None:
    assert open_database_or_explain("nosuchdb://somewhere/x") is None
    [(kind, title, text)] = messages.shown
    assert kind == "exec" and title == "无法打开数据库"
    assert "无法打开数据库：nosuchdb://somewhere/x" in text
    assert "不支持这种数据库地址" in text


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_is_explained_and_password_hidden(qapp, messages) -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql://inspector:secret-pw@127.0.0.1:{_closed_port()}/ledger"
    assert open_database_or_explain(url) is None
    [(_kind, _title, text)] = messages.shown
    assert "无法连接数据库服务器" in text
    assert "secret-pw" not in text.split("\n")[0]
    assert safe_url(url).startswith("postgresql://inspector:***@127.0.0.1:")


def test_run_returns_an_error_code_when_the_database_cannot_open(
    qapp, messages, monkeypatch, restore_app
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own; undo after
    assert run("nosuchdb://x") == 2
    assert [k for k, *_ in messages.shown] == ["exec"]


def test_domain_errors_are_plain_warnings(qapp, messages) -> None:
    try:
        raise NotFoundError("未找到企业（编号 9）")
    except NotFoundError as e:
        excepthook(type(e), e, e.__traceback__)
    assert messages.shown == [("warning", "提示", "未找到企业（编号 9）")]


def test_bugs_get_the_crash_dialog_with_details(qapp, messages) -> None:
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as e:
        excepthook(type(e), e, e.__traceback__)
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("exec", "程序错误")
    assert "程序出现了意外错误" in text
    assert "ZeroDivisionError: division by zero" in text  # the traceback, for the maintainer


def test_the_crash_dialog_names_the_log_file(qapp, messages, tmp_path) -> None:
    log_path = setup_logging(console=False)
    try:
        try:
            1 / 0  # noqa: B018
        except ZeroDivisionError as e:
            excepthook(type(e), e, e.__traceback__)
    finally:
        stop_logging()
    [(_kind, _title, text)] = messages.shown
    assert f"详细信息也已写入日志文件：{log_path}" in text
    assert "ZeroDivisionError" in log_path.read_text(encoding="utf-8")  # what the user sends


def test_lost_database_connection_is_named(qapp, messages) -> None:
    from sqlalchemy.exc import OperationalError

    err = OperationalError("SELECT 1", {}, Exception("server closed the connection"))
    app_module.excepthook(OperationalError, err, None)
    assert "无法访问数据库" in messages.shown[0][2]


def test_a_team_server_login_is_asked_for_its_password_never_stored(qapp, messages, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    from inspector.ui import app as app_module

    tried: list[str] = []

    def fake_open(url, warnings=None, daily_backup=True):  # type: ignore[no-untyped-def]
        tried.append(url)
        if "pw-ok" not in url:
            reason = "password authentication failed" if "@" in url and ":" in url.split("@")[0][13:] else ""
            raise OperationalError("connect", {}, Exception(reason or "fe_sendauth: no password supplied"))
        return "db"

    answers = iter([("wrong", True), ("pw-ok", True)])
    monkeypatch.setattr(app_module, "open_database", fake_open)
    monkeypatch.setattr(app_module.QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    assert app_module.open_database_or_explain("postgresql://zhangming@server/inspector") == "db"
    assert tried[0] == "postgresql://zhangming@server/inspector"
    assert tried[-1].endswith("zhangming:pw-ok@server/inspector")
    assert messages.shown == []
