"""The operation runner: where the work runs, what the user is told, and that 取消 stops it."""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from inspector.core.context import Services
from inspector.core.errors import Cancelled, FieldError, NotFoundError, ValidationError
from inspector.ui import ops
from inspector.ui.ops import LongOp, Op


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    w = QWidget()
    w.setWindowTitle("企业档案")
    qtbot.addWidget(w)
    return w


def test_run_returns_the_value_computed_on_the_worker_thread(parent: QWidget, ui_services: Services) -> None:
    gui = threading.get_ident()
    seen: list[int] = []

    def count(s: Services) -> int:
        seen.append(threading.get_ident())
        return len(s.enterprises.jurisdictions())

    got: list[int] = []
    outcome = Op(parent, ui_services, count).success(got.append).run()
    assert outcome.ok and outcome.value == got[0]
    assert seen and seen[0] != gui


def test_every_op_runs_on_one_worker_in_the_order_started(parent: QWidget, ui_services: Services) -> None:
    threads: set[int] = set()
    order: list[int] = []

    def step(n: int) -> Any:
        def fn(_s: Services) -> int:
            threads.add(threading.get_ident())
            time.sleep(0.01)
            order.append(n)
            return n

        return fn

    for n in range(5):
        Op(parent, ui_services, step(n)).start()
    Op(parent, ui_services, step(5)).run()
    assert order == [0, 1, 2, 3, 4, 5]
    assert len(threads) == 1


def test_a_refusal_is_a_warning_with_its_message(
    parent: QWidget, ui_services: Services, messages: Any
) -> None:
    def missing(_s: Services) -> None:
        raise NotFoundError("企业不存在或已被删除")

    outcome = Op(parent, ui_services, missing, title="打开企业").run()
    assert not outcome.ok
    assert messages.shown == [("warning", "打开企业", "企业不存在或已被删除")]


def test_field_errors_go_to_the_dialog_not_a_message(
    parent: QWidget, ui_services: Services, messages: Any
) -> None:
    errors = [
        FieldError("name", "企业名称不能为空"),
        FieldError("deadline", "第2条隐患 整改期限不能为空", item=2),
    ]

    def invalid(_s: Services) -> None:
        raise ValidationError(errors)

    shown: list[list[FieldError]] = []
    Op(parent, ui_services, invalid).fields(shown.append).run()
    assert shown == [errors]
    assert messages.shown == []
    Op(parent, ui_services, invalid, title="保存").run()  # without a handler: one warning listing both
    assert messages.shown == [("warning", "保存", "企业名称不能为空\n第2条隐患 整改期限不能为空")]


def test_a_failure_handler_can_take_the_error_over(
    parent: QWidget, ui_services: Services, messages: Any
) -> None:
    def missing(_s: Services) -> None:
        raise NotFoundError("隐患不存在")

    handled: list[BaseException] = []
    Op(parent, ui_services, missing).failure(lambda e: handled.append(e) is None).run()
    assert [str(e) for e in handled] == ["隐患不存在"]
    assert messages.shown == []


def test_a_file_that_cannot_be_written_names_the_file(
    parent: QWidget, ui_services: Services, messages: Any
) -> None:
    def locked(_s: Services) -> None:
        raise PermissionError(13, "Permission denied", "/home/user/台账.xlsx")

    Op(parent, ui_services, locked, title="导出台账").run()
    [(kind, title, text)] = messages.shown
    assert (kind, title) == ("warning", "导出台账")
    assert "台账.xlsx" in text and "Permission denied" in text and "WPS" in text


def test_a_database_out_of_reach_is_a_message_not_a_crash(
    parent: QWidget, ui_services: Services, messages: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    from sqlalchemy import create_engine, text

    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, e, _tb: hooked.append(e))
    gone = create_engine(f"sqlite:///{tmp_path}/no-such-folder/inspector.sqlite3")

    def save(_s: Services) -> None:
        with gone.connect() as c:  # the server went away / the share is unreachable
            c.execute(text("SELECT 1"))

    outcome = Op(parent, ui_services, save, title="保存检查记录").run()
    assert not outcome.ok and hooked == []
    [(kind, title, text_shown)] = messages.shown
    assert (kind, title) == ("warning", "保存检查记录")
    assert text_shown.startswith("无法访问数据库") and "刚才的操作没有保存" in text_shown


def test_a_defect_goes_to_the_crash_dialog(
    parent: QWidget, ui_services: Services, messages: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooked: list[BaseException] = []

    def hook(_t: type[BaseException], e: BaseException, _tb: TracebackType | None) -> None:
        hooked.append(e)

    monkeypatch.setattr(sys, "excepthook", hook)

    def bug(_s: Services) -> None:
        raise KeyError("plan")

    outcome = Op(parent, ui_services, bug).run()
    assert not outcome.ok and isinstance(hooked[0], KeyError)
    assert messages.shown == []


def test_a_slow_op_shows_that_it_is_busy(parent: QWidget, ui_services: Services) -> None:
    parent.show()
    seen: list[str] = []

    def look() -> None:
        seen.extend(d.labelText() for d in parent.findChildren(QProgressDialog) if d.isVisible())

    QTimer.singleShot(ops.BUSY_AFTER_MS + 300, look)
    Op(parent, ui_services, lambda _s: time.sleep((ops.BUSY_AFTER_MS + 600) / 1000)).run()
    assert seen == ["正在处理，请稍候…"]
    assert not [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_a_quick_op_shows_nothing(parent: QWidget, ui_services: Services) -> None:
    parent.show()
    Op(parent, ui_services, lambda _s: None).run()
    QApplication.processEvents()
    assert not [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


def test_cancel_in_the_progress_dialog_stops_long_work(
    parent: QWidget, ui_services: Services, messages: Any
) -> None:
    parent.show()
    steps: list[int] = []

    def export(_s: Services, progress: ops.Progress) -> str:
        for n in range(1, 500):
            steps.append(n)
            if not progress(n, 500):
                raise Cancelled("已取消")
            time.sleep(0.005)
        return "done"

    def press_cancel() -> None:
        for d in parent.findChildren(QProgressDialog):
            if d.isVisible():
                [button] = d.findChildren(QPushButton)
                assert button.text() == "取消"
                button.click()

    QTimer.singleShot(ops.PROGRESS_AFTER_MS + 300, press_cancel)
    outcome = LongOp(
        parent, ui_services, export, title="导出台账", label=lambda d, t: f"已写入 {d}/{t} 行"
    ).run()
    assert outcome.cancelled
    assert len(steps) < 499  # stopped well before the end
    assert messages.shown == []  # a cancel is not an error


def test_a_started_op_skips_its_callbacks_when_the_widget_is_gone(qtbot: Any, ui_services: Services) -> None:
    w = QWidget()
    release = threading.Event()
    got: list[int] = []
    Op(w, ui_services, lambda _s: release.wait(5) and 1).success(got.append).start()
    w.deleteLater()
    qtbot.waitUntil(lambda: not _alive(w))
    release.set()
    assert ops.wait_idle()
    QApplication.processEvents()
    assert got == []


def _alive(w: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(w)
