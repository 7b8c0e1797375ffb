"""EnterprisePicker alone: its search runs on the database worker and a stale answer is dropped."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.ui.enterprise_picker import ROLE_ID, EnterprisePicker
from inspector.ui.ops import wait_idle
from tests.factories import enterprise_input


def test_search_runs_off_the_gui_thread_and_an_answer_for_old_text_is_dropped(
    qtbot: QtBot, ui_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = ui_services
    ids = [s.enterprises.create(SYSTEM, enterprise_input(n)) for n in (1, 2)]
    picker = EnterprisePicker(s)
    qtbot.addWidget(picker)
    picker.show()
    threads: list[str] = []
    search = s.enterprises.search_names

    def recorded(text: str, limit: int = 30) -> list[tuple[int, str, str]]:
        threads.append(threading.current_thread().name)
        return search(text, limit)

    monkeypatch.setattr(s.enterprises, "search_names", recorded)
    picker.edit.setText("测试化工")
    picker.search_now()
    picker.edit.setText("测试化工有限公司2")  # typed on before the first answer arrived
    wait_idle()
    qtbot.wait(50)  # the (stale) answer is delivered and dropped
    assert picker.model.rowCount() == 0
    assert threads and threads[0] != threading.main_thread().name

    picker.search_now()
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1)
    assert picker.model.columnCount() == 2  # the name, and the credit code beside it
    assert picker.model.item(0).text() == "常州市新北区测试化工有限公司2"
    picker.set_enterprise(ids[0])
    assert picker.enterprise_id() == ids[0] and "春江镇" in picker.info.text()


def test_typing_pinyin_initials_or_full_pinyin_finds_the_enterprise(
    qtbot: QtBot, ui_services: Services
) -> None:
    s = ui_services
    wanted = s.enterprises.create(SYSTEM, enterprise_input(1, name="常州华科精细化工有限公司"))
    s.enterprises.create(SYSTEM, enterprise_input(2, name="无锡华科化工有限公司"))
    picker = EnterprisePicker(s)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)

    QTest.keyClicks(picker.edit, "czhk")  # after the typing pause, on the database worker
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1 and picker.model.item(0).data(ROLE_ID) == wanted)
    assert picker.model.item(0).text() == "常州华科精细化工有限公司"

    picker.edit.clear()
    QTest.keyClicks(picker.edit, "changz")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1 and picker.model.item(0).data(ROLE_ID) == wanted)

    picker.edit.clear()
    QTest.keyClicks(picker.edit, "hk")  # pinyin matches from the start of the name: nothing here
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1 and picker.model.item(0).data(ROLE_ID) is None)
    QTest.keyClicks(picker.edit, "x")  # starts with a miss: answered without asking the database
    picker.search_now()
    assert picker.model.item(0).text() == "未找到匹配“hkx”的企业"

    picker.edit.clear()
    QTest.keyClicks(picker.edit, "wxhk")
    qtbot.waitUntil(
        lambda: picker.model.rowCount() == 1 and picker.model.item(0).data(ROLE_ID) not in (None, wanted)
    )
