"""Photos of checklist items: saved with the visit in its one transaction, read back for the visit
detail and the 一企一档, refused by item when damaged, and a failed item's photos become its
hazard's 整改前 photos."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select

from inspector.core.audit import Actor
from inspector.core.checklists import ChecklistResultInput
from inspector.core.context import Services
from inspector.core.errors import ValidationError
from inspector.core.inspections import InspectionInput
from inspector.core.inspectors import InspectorInput
from inspector.core.photos import PhotoInput
from inspector.db.models import ChecklistPhoto, ChecklistResult, Hazard, Inspection, Photo, PhotoBlob
from tests.factories import enterprise_input

BOSS = Actor(id=None, name="管理员")
ON = date.today() - timedelta(days=3)


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def _setup(svc: Services) -> tuple[int, list[int], dict[str, int]]:
    eid = svc.enterprises.create(
        BOSS, enterprise_input(3, categories=["涉爆粉尘"], dust_kind="铝镁金属粉尘", dust_workers=15)
    )
    people = [
        svc.inspectors.create(BOSS, InspectorInput("张检查", "32041120002", "安监科")),
        svc.inspectors.create(BOSS, InspectorInput("李检查", "32041120003", "安监科")),
    ]
    gm = next(c for c in svc.checklists.offered(eid) if c.code == "GM-2023")
    items = {i.number: i.id for i in gm.items if i.id is not None}
    return eid, people, items


def _visit(
    svc: Services, eid: int, people: list[int], results: list[ChecklistResultInput], hazards: int = 0
) -> InspectionInput:
    drafts = []
    for r in results:
        if r.hazard is not None:
            assert r.item_id is not None
            draft = svc.checklists.draft_hazard(r.item_id).hazard
            draft.location, draft.category = "除尘间", "现场管理"
            drafts.append(draft)
    assert len(drafts) == hazards
    return InspectionInput(
        enterprise_id=eid,
        inspected_on=ON,
        kind="日常检查",
        inspector_ids=people,
        start_time="09:00",
        end_time="10:00",
        hazards=drafts,
        checklist_results=results,
    )


def _counts(svc: Services) -> dict[str, int]:
    with svc.db.reading() as s:
        return {
            t.__tablename__: int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (Inspection, Hazard, ChecklistResult, ChecklistPhoto, Photo, PhotoBlob)
        }


def test_an_items_photos_are_saved_with_the_visit_and_read_back(services: Services) -> None:
    svc = services
    eid, people, items = _setup(svc)
    wall, floor = jpeg((200, 40, 40)), jpeg((40, 200, 40))
    results = [
        ChecklistResultInput(
            items["第十一条（一）"],
            "合格",
            note="除尘系统按规定分区",
            photos=[
                PhotoInput(data=wall, filename="除尘间全景.jpg", caption="东侧"),
                PhotoInput(data=floor, filename="地面.jpg"),
            ],
        ),
        ChecklistResultInput(items["第十一条（二）"], "不适用"),
    ]
    recorded = svc.inspections.record(BOSS, _visit(svc, eid, people, results))

    [visit] = svc.checklists.results(recorded.id)
    by_number = {r.item.number: r for r in visit.results}
    photos = by_number["第十一条（一）"].photos
    assert [(p.filename, p.caption) for p in photos] == [("除尘间全景.jpg", "东侧"), ("地面.jpg", "")]
    assert svc.checklists.photo_content(photos[0].id) == wall  # print-sized already: kept as taken
    assert photos[1].mime == "image/jpeg" and photos[1].size == len(floor)
    assert by_number["第十一条（二）"].photos == ()

    [history] = [h for h in svc.checklists.history(eid) if h.number == "第十一条（一）"]
    assert history.last.photos == 2
    [event] = svc.inspections.get(recorded.id).timeline
    assert event.after is not None
    assert [p["filename"] for p in event.after["checklist_results"][0]["photos"]] == [
        "除尘间全景.jpg",
        "地面.jpg",
    ]


def test_a_broken_photo_is_refused_naming_the_item_and_nothing_is_written(services: Services) -> None:
    svc = services
    eid, people, items = _setup(svc)
    good = jpeg((90, 90, 90))
    results = [
        ChecklistResultInput(
            items["第十一条（一）"], "合格", photos=[PhotoInput(data=good, filename="好.jpg")]
        ),
        ChecklistResultInput(
            items["第十一条（三）"],
            "不合格",
            hazard=1,
            photos=[PhotoInput(data=good[: len(good) // 2], filename="泄爆片.jpg")],
        ),
    ]
    data = _visit(svc, eid, people, results, hazards=1)
    before = _counts(svc)
    with pytest.raises(ValidationError) as e:
        svc.inspections.record(BOSS, data)
    [error] = e.value.errors
    assert error.field == "photos" and error.item == 2
    assert error.message.startswith("检查表第2项 “第十一条（三）”")
    assert "泄爆片.jpg" in error.message and "已损坏" in error.message
    with pytest.raises(ValidationError):
        svc.inspections.check(data)  # the form's 保存 check refuses it the same way
    assert _counts(svc) == before


def test_a_failed_items_photo_becomes_its_hazards_before_photo(services: Services) -> None:
    svc = services
    eid, people, items = _setup(svc)
    evidence, extra = jpeg((10, 10, 200)), jpeg((200, 200, 10))
    results = [
        ChecklistResultInput(
            items["第十一条（三）"],
            "不合格",
            hazard=1,
            photos=[PhotoInput(data=evidence, filename="无泄爆片.jpg")],
        ),
        ChecklistResultInput(
            items["第十一条（四）"], "合格", photos=[PhotoInput(data=extra, filename="合格.jpg")]
        ),
    ]
    data = _visit(svc, eid, people, results, hazards=1)
    # The inspector also attached the same picture in the hazard's editor: it is not doubled.
    data.hazards[0].photos = [PhotoInput(data=evidence, filename="无泄爆片.jpg")]
    recorded = svc.inspections.record(BOSS, data)

    [hazard] = recorded.hazards
    photos = svc.photos.list(hazard.id)
    assert [(p.phase, p.filename) for p in photos] == [("整改前", "无泄爆片.jpg")]
    assert svc.photos.content(photos[0].id) == evidence

    data2 = _visit(svc, eid, people, [results[0]], hazards=1)  # next visit, only the item's photo
    recorded2 = svc.inspections.record(BOSS, data2)
    [hazard2] = recorded2.hazards
    assert [(p.phase, p.filename) for p in svc.photos.list(hazard2.id)] == [("整改前", "无泄爆片.jpg")]
    counts = _counts(svc)
    assert counts["photo_blobs"] == 2  # two pictures, stored once each across items and hazards
    assert counts["checklist_photos"] == 3 and counts["photos"] == 2
