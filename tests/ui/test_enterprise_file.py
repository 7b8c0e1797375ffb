"""一企一档, 检查表 tab: the enterprise's history per checklist item — failed last time? fixed?"""

from __future__ import annotations

from datetime import date, timedelta

from inspector.core.lifecycle import RectifyOnSpot
from inspector.ui.enterprise_file import EnterpriseFileDialog
from inspector.ui.style import OVERDUE_COLOUR
from tests.ui.checklist_visits import BOSS, checklist_visit, dust_enterprise, officers


def test_the_checklist_tab_shows_each_items_history(qtbot, ui_services) -> None:
    svc = ui_services
    people = officers(svc)
    eid = dust_enterprise(svc, 1)
    first_day, second_day = date.today() - timedelta(days=20), date.today() - timedelta(days=1)
    first = checklist_visit(
        svc, eid, first_day, {"第十一条（一）": "合格", "第十一条（三）": "不合格"}, people
    )
    [fixed] = svc.inspections.get(first).hazards
    svc.hazards.act(BOSS, fixed.id, RectifyOnSpot(measures="加装泄爆片"))
    second = checklist_visit(
        svc,
        eid,
        second_day,
        {"第十一条（一）": "不合格", "第十一条（三）": "合格", "第十一条（十）": "不适用"},
        people,
    )
    [open_hazard] = svc.inspections.get(second).hazards

    dialog = EnterpriseFileDialog(svc, eid)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(3) == "检查表（3项，1项待整改）"
    table = dialog.checklists.table
    rows = {
        table.item(r, 1).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }
    assert list(rows) == ["第十一条（一）", "第十一条（三）", "第十一条（十）"]  # the list's order
    d1, d2 = f"{first_day:%Y-%m-%d}", f"{second_day:%Y-%m-%d}"
    one = rows["第十一条（一）"]
    assert one[0].startswith("工贸企业重大事故隐患判定标准") and one[2].startswith("粉尘爆炸危险场所")
    assert one[3:6] == ["2", "1", f"{d2} 不合格（{open_hazard.number} 未销号）"]
    assert one[6] == f"{d2} 不合格（{open_hazard.number} 未销号）；{d1} 合格"
    three = rows["第十一条（三）"]
    assert three[3:] == ["2", "1", f"{d2} 合格", f"{d2} 合格；{d1} 不合格（{fixed.number} 已销号）"]
    assert rows["第十一条（十）"][3:] == ["1", "0", f"{d2} 不适用", f"{d2} 不适用"]
    # The item still to be fixed stands out; the fixed one does not.
    colours = {table.item(r, 1).text(): table.item(r, 0).foreground().color().name() for r in range(3)}
    assert colours["第十一条（一）"] == OVERDUE_COLOUR
    assert colours["第十一条（三）"] != OVERDUE_COLOUR

    opened: list[int] = []
    dialog.inspection_activated.connect(opened.append)
    row = list(rows).index("第十一条（三）")
    table.activated.emit(table.model().index(row, 0))
    assert opened == [second]  # its latest visit


def test_an_enterprise_without_checklist_visits_says_so(qtbot, ui_services) -> None:
    dialog = EnterpriseFileDialog(ui_services, dust_enterprise(ui_services, 1))
    qtbot.addWidget(dialog)
    assert dialog.checklists.is_empty()
    assert dialog.checklists.hint.text() == "历次检查未使用检查表"
    assert dialog.tabs.tabText(3) == "检查表（0项）"
