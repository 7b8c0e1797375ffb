"""The 现场检查记录 lists the checklist items a visit checked with their results, frozen at issue:
read the printed text back with pypdf."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from inspector.core.checklists import (
    ChecklistResultInput,
    ChecklistService,
    OfficeChecklistInput,
    OfficeItemInput,
)
from inspector.core.documents import DocumentService, InspectionRecordDoc, from_payload, to_payload
from inspector.core.enums import CategoryKind
from inspector.db.models import ChecklistItem, ChecklistVersion
from inspector.reports.documents import render
from tests.core.test_lifecycle_support import ADMIN, World
from tests.factories import enterprise_input
from tests.reports.test_document_pdfs import pages

GM = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）"


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def _dust_visit(
    w: World, svc: ChecklistService, *, office_code: str = "", deadline: date | None = None
) -> int:
    """A dust-enterprise visit: 第十一条（一）合格, （三）不合格 (a hazard), （十）不适用 (待核实 text),
    and, given ``office_code``, the office list's two items."""
    eid = w.enterprises.create(
        ADMIN, enterprise_input(2, categories=["涉爆粉尘"], dust_kind="铝镁金属粉尘", dust_workers=15)
    )
    offered = {c.code: c for c in svc.offered(eid)}
    items = {i.number: i for i in offered["GM-2023"].items}
    draft = svc.draft_hazard(items["第十一条（三）"].id or 0).hazard
    draft.location, draft.category, draft.deadline = "1号除尘器", "现场管理", deadline
    results = [
        ChecklistResultInput(items["第十一条（一）"].id, "合格"),
        ChecklistResultInput(items["第十一条（三）"].id, "不合格", note="布袋除尘器无泄爆片", hazard=1),
        ChecklistResultInput(items["第十一条（十）"].id, "不适用"),
    ]
    if office_code:
        results += [ChecklistResultInput(i.id, "合格") for i in offered[office_code].items]
    return w.inspections.record(w.actor, w.visit(draft, enterprise_id=eid, checklist_results=results)).id


def _office(*contents: str, name: str = "粉尘防爆专项检查表") -> OfficeChecklistInput:
    return OfficeChecklistInput(
        name=name,
        applies_to=[CategoryKind.DUST.value],
        items=[OfficeItemInput("现场管理", text, "《工贸企业粉尘防爆安全规定》") for text in contents],
    )


def test_the_record_prints_each_checklist_with_its_items_and_results(w: World) -> None:
    svc = ChecklistService(w.db, w.clock)
    office = svc.create(w.boss, _office("除尘系统按规定清灰", "作业现场无积尘"))
    visit = _dust_visit(w, svc, office_code=office.code)
    issued = DocumentService(w.db, w.clock).issue_inspection_record(w.actor, visit)
    allt = "".join(pages(render(issued.content)))

    assert "对照检查表检查的内容及结果：" in allt
    assert f"（1）{GM}：共检查3项，合格1项，不合格1项，不适用1项。" in allt
    assert "序号条款检查内容检查结果" in allt
    assert "1第十一条（一）" in allt
    row_three = "2第十一条（三）干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施的；说明：布袋除尘器无泄爆片不合格"
    assert row_three in allt
    [hazard] = w.inspections.get(visit).hazards
    assert hazard.number in allt.split(row_three, 1)[1][:40]  # the failed item names its hazard
    assert "3第十一条（十）" in allt and "（条文待核实）不适用" in allt  # never shown as official
    assert "（2）粉尘防爆专项检查表：共检查2项，合格2项，不合格0项。" in allt
    assert "1第1项除尘系统按规定清灰合格" in allt and "2第2项作业现场无积尘合格" in allt
    # The findings follow the checklists, and the signatures close the record.
    assert allt.index("对照检查表") < allt.index("检查发现下列问题（共1项）") < allt.index("执法人员（签名）")


def test_a_record_without_checklist_results_prints_no_checklist_section(w: World) -> None:
    visit = w.inspections.record(w.actor, w.visit()).id
    issued = DocumentService(w.db, w.clock).issue_inspection_record(w.actor, visit)
    assert isinstance(issued.content, InspectionRecordDoc) and issued.content.checklists == ()
    assert "对照检查表" not in "".join(pages(render(issued.content)))


def test_a_checklist_edited_after_issue_leaves_the_printed_and_reprinted_record(w: World) -> None:
    svc = ChecklistService(w.db, w.clock)
    office = svc.create(w.boss, _office("除尘系统按规定清灰", "作业现场无积尘"))
    visit = _dust_visit(w, svc, office_code=office.code)
    documents = DocumentService(w.db, w.clock)
    first = documents.issue_inspection_record(w.actor, visit)
    printed = render(first.content)

    svc.edit(w.boss, office.code, _office("除尘系统每班清灰", "新增一项", name="粉尘防爆检查表（2027版）"))
    # Even a stored item rewritten behind the program's back (versions never change) cannot
    # reach the record: it prints its frozen snapshot.
    with w.db.transaction() as s:
        s.execute(update(ChecklistItem).values(content="被改写的条文"))
        s.execute(update(ChecklistVersion).values(title="被改写的标题"))
    again = documents.issue_inspection_record(w.actor, visit)
    assert again.reprint and again.number == first.number
    assert again.content == first.content
    assert render(again.content) == printed
    allt = "".join(pages(render(documents.get(first.id).content)))
    assert "除尘系统按规定清灰" in allt and "粉尘防爆专项检查表：" in allt
    assert "被改写" not in allt and "2027版" not in allt and "新增一项" not in allt


def test_the_checklists_survive_the_payload_round_trip_and_old_payloads_decode(w: World) -> None:
    svc = ChecklistService(w.db, w.clock)
    visit = _dust_visit(w, svc)
    content = DocumentService(w.db, w.clock).issue_inspection_record(w.actor, visit).content
    assert isinstance(content, InspectionRecordDoc)
    [section] = content.checklists
    assert section.number == "应急管理部令第10号" and section.version == 1
    assert [(x.number, x.result, x.unverified) for x in section.lines] == [
        ("第十一条（一）", "合格", False),
        ("第十一条（三）", "不合格", False),
        ("第十一条（十）", "不适用", True),
    ]
    payload = to_payload(content)
    assert from_payload(payload) == content
    del payload["checklists"]  # a record issued before checklists existed
    old = from_payload(payload)
    assert isinstance(old, InspectionRecordDoc) and old.checklists == ()


def test_a_long_checklist_runs_on_over_pages_with_its_header_repeated(w: World) -> None:
    svc = ChecklistService(w.db, w.clock)
    texts = [
        f"第{n}项检查内容：" + "作业场所的安全设施、设备应当符合国家标准或者行业标准。" * 3
        for n in range(1, 61)
    ]
    office = svc.create(w.boss, _office(*texts, name="长检查表"))
    eid = w.enterprises.create(
        ADMIN, enterprise_input(3, categories=["涉爆粉尘"], dust_kind="木粉", dust_workers=8)
    )
    items = next(c for c in svc.offered(eid) if c.code == office.code).items
    results = [ChecklistResultInput(i.id, "合格") for i in items]
    visit = w.inspections.record(w.actor, w.visit(enterprise_id=eid, checklist_results=results)).id
    text = pages(render(DocumentService(w.db, w.clock).issue_inspection_record(w.actor, visit).content))
    assert len(text) >= 4
    for page in text[1:-1]:
        assert "现场检查记录（续页）" in page and "序号条款检查内容检查结果" in page
    allt = "".join(text)
    assert all(f"第{n}项检查内容" in allt for n in range(1, 61))
    assert "共检查60项，合格60项，不合格0项。" in allt
    assert "执法人员（签名）" in text[-1]


def test_the_order_cites_the_failed_items_article_as_its_basis(w: World) -> None:
    svc = ChecklistService(w.db, w.clock)
    visit = _dust_visit(w, svc, deadline=w.clock() + timedelta(days=15))
    issued = DocumentService(w.db, w.clock).issue_rectification_order(w.actor, visit)
    allt = "".join(pages(render(issued.content)))
    assert "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施" in allt
    assert f"依据：{GM}第十一条第（三）项" in allt
