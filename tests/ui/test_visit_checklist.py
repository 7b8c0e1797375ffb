"""检查表 in 登记检查, through the real dialog: a dust enterprise is offered 第十一条, the keyboard
answers it, failed items become hazards with their basis, and the visit keeps the results."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import HazardLevel
from inspector.core.inspectors import InspectorInput
from inspector.ui.visit_dialog import VisitDialog
from tests.factories import enterprise_input
from tests.ui.conftest import choose_category

ADMIN = Actor(id=None, name="管理员")


@pytest.fixture
def dust_visit(qtbot: QtBot, ui_services: Services) -> tuple[VisitDialog, Services]:
    s = ui_services
    ent = s.enterprises.create(
        ADMIN,
        enterprise_input(
            5,
            name="常州春江粉末冶金有限公司",
            categories=["涉爆粉尘"],
            dust_kind="铝镁金属粉尘",
            dust_workers=12,
        ),
    )
    boss = s.inspectors.create(ADMIN, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人"))
    lead = s.inspectors.actor_for(boss)
    zhang = s.inspectors.create(lead, InspectorInput("张检查", "32041120002", "安监科"))
    dlg = VisitDialog(s, s.inspectors.actor_for(zhang), ent)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.waitUntil(lambda: bool(dlg.checklist.checklists), timeout=5000)
    for box in dlg.header.inspector_boxes.values():
        box.setChecked(True)
    return dlg, s


def show_list(dlg: VisitDialog, article: str) -> None:
    """Choose the list holding ``article`` and put the cursor on its first item there."""
    panel = dlg.checklist
    for i, c in enumerate(panel.checklists):
        if any(item.article == article for item in c.items):
            panel.chooser.setCurrentIndex(i)
            break
    rows = [r for r, item in enumerate(panel._rows) if item.article == article]
    assert rows, f"{article} not offered"
    panel.table.setCurrentCell(rows[0], 1)
    panel.table.setFocus()


def press(qtbot: QtBot, dlg: VisitDialog, keys: str) -> None:
    for k in keys:
        qtbot.keyClick(dlg.checklist.table, k)


def test_a_dust_visit_offers_article_11_and_two_failures_become_hazards(
    qtbot: QtBot, dust_visit: tuple[VisitDialog, Services], messages: Any
) -> None:
    dlg, s = dust_visit
    dlg.tabs.setCurrentWidget(dlg.checklist)
    titles = [dlg.checklist.chooser.itemText(i) for i in range(dlg.checklist.chooser.count())]
    assert any("工贸企业重大事故隐患判定标准" in t for t in titles)
    show_list(dlg, "第十一条")
    press(qtbot, dlg, "122")  # （一）合格, （二）（三）不合格
    assert len(dlg.editors) == 2
    first = dlg.editors[0]
    assert "共用一套除尘系统" in first.description.toPlainText()
    assert "第十一条" in first.legal_basis.text() and "应急管理部令第10号" in first.legal_basis.text()
    assert not first.proposal.isHidden() and not first.confirm_major.isHidden()  # shown with its editor
    assert "建议判定为重大隐患" in first.proposal.text()
    assert first.level() == HazardLevel.GENERAL.value  # proposed, not decided
    press(qtbot, dlg, "4")  # the rest of this list 合格
    row = next(r for r, item in enumerate(dlg.checklist._rows) if item.number == "第十一条（三）")
    dlg.checklist.table.item(row, 3).setText("布袋除尘器无泄爆片")  # what the cell editor commits
    assert "不合格 2 项" in dlg.checklist.progress.text()

    # The inspector completes the two hazards and confirms one as 重大.
    qtbot.mouseClick(first.confirm_major, Qt.MouseButton.LeftButton)
    assert first.level() == HazardLevel.MAJOR.value
    for editor, place in zip(dlg.editors, ("除尘间", "干式除尘器"), strict=True):
        editor.location.setText(place)
        choose_category(editor, "现场管理 › 粉尘防爆")
    assert dlg.save(), messages.shown

    recorded = dlg.recorded
    assert recorded is not None and len(recorded.hazards) == 2
    [visit_list] = [
        v for v in s.checklists.results(recorded.id) if any(r.item.article == "第十一条" for r in v.results)
    ]
    by_number = {r.item.number: r for r in visit_list.results}
    assert by_number["第十一条（一）"].result == "合格"
    assert by_number["第十一条（二）"].result == "不合格"
    assert by_number["第十一条（三）"].result == "不合格"
    assert by_number["第十一条（三）"].note == "布袋除尘器无泄爆片"
    details = [s.hazards.detail(h.id) for h in recorded.hazards]
    assert all("第十一条" in d.legal_basis for d in details)
    assert [d.level for d in details] == [HazardLevel.MAJOR.value, HazardLevel.GENERAL.value]


def test_taking_a_failure_back_drops_its_untouched_hazard(
    qtbot: QtBot, dust_visit: tuple[VisitDialog, Services], messages: Any
) -> None:
    dlg, _s = dust_visit
    dlg.tabs.setCurrentWidget(dlg.checklist)
    show_list(dlg, "第十一条")
    press(qtbot, dlg, "2")
    assert len(dlg.editors) == 1
    dlg.checklist.table.setCurrentCell(dlg.checklist.table.currentRow() - 1, 1)
    press(qtbot, dlg, "1")
    assert dlg.editors == []
    assert dlg.checklist.ordered_answers()[0].result == "合格"


def test_a_failure_without_its_hazard_is_refused_at_the_item(
    qtbot: QtBot, dust_visit: tuple[VisitDialog, Services], messages: Any
) -> None:
    dlg, _s = dust_visit
    dlg.tabs.setCurrentWidget(dlg.checklist)
    show_list(dlg, "第十一条")
    press(qtbot, dlg, "2")
    dlg.hazard_table.setCurrentCell(0, 0)
    messages.answer = messages.answer.Yes
    dlg.delete_hazard()  # the inspector deletes the pre-filled hazard, the item stays 不合格
    assert not dlg.save()
    assert dlg.tabs.currentWidget() is dlg.checklist
    assert "须登记对应隐患" in dlg.checklist.error_label.text()
