"""检查方案 through the real widgets: a 检查员 drafts and submits, cannot press 审核/审批; two
科室负责人 review and approve; the approved 方案 prints with its number and the visit logged from it
shares the 方案's serial."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.ui import print_actions
from inspector.ui.scheme_dialog import DecisionDialog, SchemeDialog
from inspector.ui.scheme_list import SchemeListDialog, SchemeVisitDialog
from tests.factories import enterprise_input
from tests.ui.conftest import Messages

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def people(ui_services: Services) -> dict[str, Actor]:
    s = ui_services
    ids = {
        "张明": s.inspectors.create(SYSTEM, InspectorInput("张明", "32041100001")),
        "李强": s.inspectors.create(SYSTEM, InspectorInput("李强", "32041100002")),
        "赵科长": s.inspectors.create(SYSTEM, InspectorInput("赵科长", "32041100009", role="科室负责人")),
    }
    zhao = s.inspectors.actor_for(ids["赵科长"])
    ids["钱科长"] = s.inspectors.create(zhao, InspectorInput("钱科长", "32041100010", role="科室负责人"))
    return {name: s.inspectors.actor_for(i) for name, i in ids.items()}


def _list(qtbot, services: Services, who: Actor) -> SchemeListDialog:  # type: ignore[no-untyped-def]
    dialog = SchemeListDialog(services, lambda: who)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_whole_scheme_goes_from_draft_to_visit(  # type: ignore[no-untyped-def]
    qtbot,
    qtmodeltester,
    ui_services: Services,
    people: dict[str, Actor],
    messages: Messages,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = ui_services
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    zhang = _list(qtbot, s, people["张明"])
    assert zhang.filter.currentIndex() == 0  # a 检查员 sees all, nothing waits for them
    form = zhang.new()
    assert isinstance(form, SchemeDialog)
    qtbot.mouseClick(form.save_button, LEFT)  # no enterprise, no second person
    assert form.isVisible() and form.errors["enterprise_id"].isVisibleTo(form)
    assert form.errors["inspector2_id"].isVisibleTo(form)
    form.picker.set_enterprise(eid)
    assert form.contact.text() == "王建国 0519-85123456"  # from the enterprise
    assert form.inspector1.currentData() == people["张明"].id  # the current inspector leads
    form.inspector2.setCurrentIndex(form.inspector2.findData(people["李强"].id))
    qtbot.mouseClick(form.save_button, LEFT)
    assert not form.isVisible(), [e.text() for e in form.errors.values() if e.isVisibleTo(form)]
    qtmodeltester.check(zhang.model)
    assert [r.state for r in zhang.model.rows] == ["草稿"]
    assert not zhang.buttons["review"].isEnabled() and not zhang.buttons["approve"].isEnabled()
    qtbot.mouseClick(zhang.buttons["submit"], LEFT)
    assert zhang.model.rows[0].state == "待审核"
    assert not zhang.buttons["review"].isEnabled() and not zhang.buttons["edit"].isEnabled()

    zhao = _list(qtbot, s, people["赵科长"])
    assert zhao.filter.currentIndex() == 1 and len(zhao.model.rows) == 1  # 待我处理
    review = zhao.review()
    assert isinstance(review, DecisionDialog)
    qtbot.mouseClick(review.pass_button, LEFT)
    assert zhao.model.rows[0].state == "待审批"
    assert zhao.buttons["approve"].isEnabled()
    same = zhao.approve()  # the reviewer may not approve while 钱科长 is there
    assert isinstance(same, DecisionDialog)
    qtbot.mouseClick(same.pass_button, LEFT)
    assert same.isVisible() and any("审批人不能与审核人为同一人" in t for t in messages.texts())
    same.reject()

    qian = _list(qtbot, s, people["钱科长"])
    approve = qian.approve()
    assert isinstance(approve, DecisionDialog)
    approve.opinion.setPlainText("同意按此方案实施检查。")
    qtbot.mouseClick(approve.pass_button, LEFT)
    qian.filter.setCurrentIndex(0)
    row = qian.model.rows[0]
    assert row.state == "已批准" and row.number == "（新北）应急检查〔" + f"{row.planned_on.year}〕1号"
    assert row.number in qian.detail_label.text()

    opened: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda p: opened.append(p) or True)
    zhang.refresh()
    qtbot.mouseClick(zhang.buttons["print"], LEFT)
    assert opened and opened[-1].exists() and row.number in opened[-1].name

    qtbot.mouseClick(zhang.buttons["visit"], LEFT)
    visit = next(w for w in zhang.findChildren(SchemeVisitDialog))
    assert visit.header.picker.enterprise_id() == eid
    assert sorted(visit.header.inspector_ids()) == sorted([people["张明"].id, people["李强"].id])
    assert visit.save()
    assert visit.recorded is not None
    record = s.documents.issue_inspection_record(people["张明"], visit.recorded.id)
    assert record.number == row.number.replace("应急检查", "应急检记")
    assert "已登记检查" in zhang.model.data(zhang.model.index(0, 4))
    assert not zhang.buttons["visit"].isEnabled()


def test_a_draft_prints_marked_without_a_number(  # type: ignore[no-untyped-def]
    qtbot, ui_services: Services, people: dict[str, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    s = ui_services
    eid = s.enterprises.create(SYSTEM, enterprise_input(1))
    data = s.schemes.propose(eid)
    data.inspector1_id, data.inspector2_id = people["张明"].id, people["李强"].id
    s.schemes.create(people["张明"], data)
    opened: list[Path] = []
    monkeypatch.setattr(print_actions, "open_file", lambda p: opened.append(p) or True)
    dialog = _list(qtbot, s, people["张明"])
    qtbot.mouseClick(dialog.buttons["print"], LEFT)
    assert len(opened) == 1 and "草稿" in opened[0].name and opened[0].stat().st_size > 0
    assert s.schemes.get(dialog.model.rows[0].id).document_id is None
