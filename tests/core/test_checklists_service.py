"""ChecklistService: what a visit is offered, results recorded with the visit, hazards pre-filled
from failed items, office checklists versioned, permissions from the registry."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inspector.core.audit import Actor
from inspector.core.checklists import (
    ChecklistResultInput,
    ChecklistService,
    OfficeChecklistInput,
    OfficeItemInput,
    finding,
)
from inspector.core.enums import CategoryKind
from inspector.core.errors import DomainError, PermissionDenied, ValidationError
from inspector.core.inspections import InspectionInput
from inspector.db.models import ChecklistResult, ChecklistVersion, Hazard, Inspection
from tests.core.test_lifecycle_support import ADMIN, World
from tests.factories import enterprise_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


@pytest.fixture
def svc(w: World) -> ChecklistService:
    return ChecklistService(w.db, w.clock)


def _dust_enterprise(w: World) -> int:
    return w.enterprises.create(
        ADMIN, enterprise_input(2, categories=["涉爆粉尘"], dust_kind="铝镁金属粉尘", dust_workers=15)
    )


def _item(svc: ChecklistService, enterprise_id: int, code: str, number: str):  # type: ignore[no-untyped-def]
    checklist = next(c for c in svc.offered(enterprise_id) if c.code == code)
    return checklist, next(i for i in checklist.items if i.number == number)


def _counts(w: World) -> tuple[int, int, int]:
    with w.db.reading() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Inspection, Hazard, ChecklistResult)
        )


def test_a_dust_enterprise_is_offered_article_eleven(w: World, svc: ChecklistService) -> None:
    offered = svc.offered(_dust_enterprise(w))
    gm = next(c for c in offered if c.code == "GM-2023")
    numbers = [i.number for i in gm.items]
    assert [n for n in numbers if n.startswith("第十一条")] == [
        f"第十一条（{n}）" for n in "一二三四五六七八九十"
    ]
    assert "第三条（一）" in numbers and "第十四条" in numbers  # the articles for every 工贸企业
    assert all(i.id is not None for i in gm.items) and gm.version == 1
    assert "HG-2017" not in {c.code for c in offered}  # 危化 criteria: not a dust enterprise's


def test_a_chemicals_enterprise_gets_the_121_list_and_not_article_eleven(
    w: World, svc: ChecklistService
) -> None:
    offered = svc.offered(w.enterprise_id)  # 危化品使用
    hg = next(c for c in offered if c.code == "HG-2017")
    assert len(hg.items) == 20 and hg.items[0].number == "第一项"
    gm = next(c for c in offered if c.code == "GM-2023")
    assert not [i for i in gm.items if i.article == "第十一条"]
    assert "RQ-2023" not in {c.code for c in offered}  # no item text collected: nothing to check


def test_shipped_lists_are_stored_once(w: World, svc: ChecklistService) -> None:
    svc.offered(w.enterprise_id)
    svc.catalogue()
    with w.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(ChecklistVersion)) == 3


def test_failing_an_item_creates_a_hazard_with_its_basis_and_the_major_proposal(
    w: World, svc: ChecklistService
) -> None:
    eid = _dust_enterprise(w)
    _c, failed = _item(svc, eid, "GM-2023", "第十一条（三）")
    _c, passed = _item(svc, eid, "GM-2023", "第十一条（一）")
    assert failed.id is not None and passed.id is not None
    draft = svc.draft_hazard(failed.id)
    assert draft.proposed_major and not draft.unverified
    assert draft.hazard.description == "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施"
    assert (
        draft.hazard.legal_basis == "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项"
    )
    assert draft.hazard.level == "一般隐患"  # 判定 stays the inspector's
    hazard = draft.hazard
    hazard.location, hazard.category, hazard.subcategory = "1号除尘器", "现场管理", "粉尘防爆"
    data = w.visit(
        hazard,
        enterprise_id=eid,
        checklist_results=[
            ChecklistResultInput(passed.id, "合格"),
            ChecklistResultInput(failed.id, "不合格", note="布袋除尘器无泄爆片", hazard=1),
        ],
    )
    recorded = w.inspections.record(w.actor, data)
    [h] = recorded.hazards
    detail = w.hazards.detail(h.id)
    assert detail.legal_basis == draft.hazard.legal_basis and detail.level == "一般隐患"
    [visit] = svc.results(recorded.id)
    assert visit.checklist.code == "GM-2023"
    assert [(r.item.number, r.result, r.proposed_major, r.hazard_number) for r in visit.results] == [
        ("第十一条（一）", "合格", False, None),
        ("第十一条（三）", "不合格", True, h.number),
    ]
    assert visit.results[1].note == "布袋除尘器无泄爆片"
    [event] = w.inspections.get(recorded.id).timeline
    assert event.after["checklist_results"][1] == {
        "item": "第十一条（三）",
        "result": "不合格",
        "hazard": h.number,
    }


def test_the_inspector_may_confirm_the_major_proposal(w: World, svc: ChecklistService) -> None:
    eid = _dust_enterprise(w)
    _c, item = _item(svc, eid, "GM-2023", "第十一条（五）")
    assert item.id is not None
    draft = svc.draft_hazard(item.id).hazard
    draft.location, draft.category, draft.level = "除尘间", "现场管理", "重大隐患"
    recorded = w.inspections.record(
        w.actor,
        w.visit(
            draft, enterprise_id=eid, checklist_results=[ChecklistResultInput(item.id, "不合格", hazard=1)]
        ),
    )
    assert w.hazards.detail(recorded.hazards[0].id).level == "重大隐患"
    assert svc.results(recorded.id)[0].results[0].hazard_level == "重大隐患"


def test_an_unverified_item_marks_its_basis(w: World, svc: ChecklistService) -> None:
    eid = _dust_enterprise(w)
    _c, item = _item(svc, eid, "GM-2023", "第十一条（十）")
    assert item.id is not None and not item.verified and item.status_label == "待核实"
    draft = svc.draft_hazard(item.id)
    assert draft.unverified and draft.hazard.legal_basis.endswith("第十一条第（十）项（条文待核实）")


def test_bad_results_name_field_and_item_and_write_nothing(w: World, svc: ChecklistService) -> None:
    eid = _dust_enterprise(w)
    _c, a = _item(svc, eid, "GM-2023", "第十一条（一）")
    _c, b = _item(svc, eid, "GM-2023", "第十一条（二）")
    before = _counts(w)
    data = w.visit(
        enterprise_id=eid,
        checklist_results=[
            ChecklistResultInput(a.id, "合格"),
            ChecklistResultInput(b.id, "不合格"),  # no hazard
            ChecklistResultInput(a.id, "不适用"),  # the same item twice
            ChecklistResultInput(b.id, "通过"),
            ChecklistResultInput(999_999, "合格"),
            ChecklistResultInput(a.id, "合格", hazard=1),
        ],
    )
    with pytest.raises(ValidationError) as e:
        w.inspections.record(w.actor, data)
    got = {(fe.field, fe.item) for fe in e.value.errors}
    assert {("hazard", 2), ("item_id", 3), ("result", 4), ("item_id", 5), ("hazard", 6)} <= got
    assert e.value.for_field("hazard", 2) == "检查表第2项 “第十一条（二）”不合格，须登记对应隐患"
    assert _counts(w) == before


def test_a_visit_without_checklist_results_records_as_before(w: World) -> None:
    recorded = w.inspections.record(w.actor, w.visit())
    assert "checklist_results" not in w.inspections.get(recorded.id).timeline[0].after


def _office(name: str = "粉尘防爆专项检查表", *contents: str) -> OfficeChecklistInput:
    return OfficeChecklistInput(
        name=name,
        applies_to=[CategoryKind.DUST.value],
        items=[
            OfficeItemInput("现场管理", text, "《工贸企业粉尘防爆安全规定》第十三条", major=n == 1)
            for n, text in enumerate(contents or ("除尘系统按规定清灰", "作业现场无积尘"), start=1)
        ],
    )


def test_editing_a_checklist_after_a_visit_leaves_the_visits_version(w: World, svc: ChecklistService) -> None:
    eid = _dust_enterprise(w)
    made = svc.create(w.boss, _office())
    assert made.code.startswith("JG-") and made.version == 1
    offered = next(c for c in svc.offered(eid) if c.code == made.code)
    first = offered.items[0]
    assert first.id is not None and first.major and first.category == "现场管理"
    recorded = w.inspections.record(
        w.actor, w.visit(enterprise_id=eid, checklist_results=[ChecklistResultInput(first.id, "合格")])
    )
    edited = svc.edit(
        w.boss, made.code, _office("粉尘防爆专项检查表（2027版）", "除尘系统每班清灰", "新增一项")
    )
    assert edited.version == 2 and edited.code == made.code
    assert svc.current(made.code).title == "粉尘防爆专项检查表（2027版）"
    [visit] = svc.results(recorded.id)
    assert (visit.checklist.version, visit.checklist.title) == (1, "粉尘防爆专项检查表")
    assert [i.content for i in visit.checklist.items] == ["除尘系统按规定清灰", "作业现场无积尘"]
    assert visit.results[0].item.content == "除尘系统按规定清灰"
    assert [v.version for v in svc.versions(made.code)] == [1, 2]
    assert svc.get(made.version_id or 0).title == "粉尘防爆专项检查表"  # the old version is kept
    # An edit that changes nothing adds no version.
    again = svc.edit(
        w.boss, made.code, _office("粉尘防爆专项检查表（2027版）", "除尘系统每班清灰", "新增一项")
    )
    assert again.version == 2


def test_office_checklists_apply_to_their_categories(w: World, svc: ChecklistService) -> None:
    made = svc.create(w.boss, _office())
    assert made.code in {c.code for c in svc.offered(_dust_enterprise(w))}
    assert made.code not in {c.code for c in svc.offered(w.enterprise_id)}
    everyone = svc.create(
        w.boss, OfficeChecklistInput("通用检查表", [], [OfficeItemInput(content="证照齐全")])
    )
    assert everyone.code in {c.code for c in svc.offered(w.enterprise_id)}


def test_bad_office_checklists_name_field_and_item(svc: ChecklistService, w: World) -> None:
    data = OfficeChecklistInput(
        name=" ",
        applies_to=["化工"],
        items=[
            OfficeItemInput(content="有内容"),
            OfficeItemInput(content="  "),
            OfficeItemInput(content="x" * 2001),
        ],
    )
    with pytest.raises(ValidationError) as e:
        svc.create(w.boss, data)
    got = {(fe.field, fe.item): fe.message for fe in e.value.errors}
    assert got[("name", None)] == "检查表名称不能为空"
    assert "化工" in got[("applies_to", None)]
    assert got[("content", 2)] == "第2项 检查内容不能为空"
    assert ("content", 3) in got and "2000" in got[("content", 3)]
    with pytest.raises(ValidationError, match="至少须有一项"):
        svc.create(w.boss, OfficeChecklistInput("空表"))


def test_only_a_supervisor_edits_office_checklists(w: World, svc: ChecklistService) -> None:
    with pytest.raises(PermissionDenied):
        svc.create(w.actor, _office())
    made = svc.create(w.boss, _office())
    with pytest.raises(PermissionDenied):
        svc.edit(w.actor, made.code, _office("改名"))
    # The role comes from the registry, not from the actor handed in.
    forged = Actor(w.actor.id, w.actor.name, is_supervisor=True)
    with pytest.raises(PermissionDenied):
        svc.edit(forged, made.code, _office("改名"))
    with pytest.raises(DomainError, match="不能修改"):
        svc.edit(w.boss, "GM-2023", _office())
    # What the dialog greys its buttons by: the same rule.
    assert svc.can_edit(w.boss) and svc.can_edit(ADMIN)
    assert not svc.can_edit(w.actor) and not svc.can_edit(forged)


def test_finding_drops_the_criterion_ending() -> None:
    assert finding("除尘系统采用重力沉降室除尘的；") == "除尘系统采用重力沉降室除尘"
    assert finding("特种作业人员未持证上岗") == "特种作业人员未持证上岗"
    assert (
        finding("未落实粉尘清理制度，造成作业现场积尘严重的。") == "未落实粉尘清理制度，造成作业现场积尘严重"
    )


def test_inspection_input_keeps_its_old_shape() -> None:
    assert InspectionInput().checklist_results == []


def test_a_new_edition_of_the_shipped_file_is_the_next_version_and_visits_keep_theirs(
    w: World, svc: ChecklistService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from inspector.core.checklists import loading, service, storage

    eid = _dust_enterprise(w)
    _c, item = _item(svc, eid, "GM-2023", "第十一条（一）")
    assert item.id is not None
    recorded = w.inspections.record(
        w.actor, w.visit(enterprise_id=eid, checklist_results=[ChecklistResultInput(item.id, "合格")])
    )
    old = loading.shipped_checklists()
    gm = next(c for c in old if c.code == "GM-2023")
    changed = replace(gm, items=tuple(replace(i, content=i.content + "（修订）") for i in gm.items))
    edition = tuple(changed if c.code == "GM-2023" else c for c in old)
    for module in (storage, service):
        monkeypatch.setattr(module, "shipped_checklists", lambda: edition)
    now = svc.current("GM-2023")
    assert now.version == 2 and now.items[0].content.endswith("（修订）")
    [visit] = svc.results(recorded.id)
    assert visit.checklist.version == 1 and not visit.results[0].item.content.endswith("（修订）")
    assert [v.version for v in svc.versions("GM-2023")] == [1, 2]


def test_a_bad_hazard_writes_no_results_either(w: World, svc: ChecklistService) -> None:
    eid = _dust_enterprise(w)
    _c, item = _item(svc, eid, "GM-2023", "第十一条（三）")
    assert item.id is not None
    draft = svc.draft_hazard(item.id).hazard  # no 部位 or 隐患类别 filled in yet
    before = _counts(w)
    with pytest.raises(ValidationError) as e:
        w.inspections.record(
            w.actor,
            w.visit(
                draft,
                enterprise_id=eid,
                checklist_results=[ChecklistResultInput(item.id, "不合格", hazard=1)],
            ),
        )
    assert {fe.item for fe in e.value.errors} == {1} and _counts(w) == before
