"""The hazard list (filters, search, sort, paging), the detail page, batch extension and photos."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from inspector.core import photos as photos_module
from inspector.core.errors import NotFoundError, ValidationError
from inspector.core.hazards import SORTABLE, HazardFilter
from inspector.core.lifecycle import (
    AddPhotos,
    EditDetails,
    ExtendDeadline,
    HazardDetails,
    RectifyOnSpot,
    ReportDone,
    StartRectification,
)
from inspector.core.photos import PhotoInput
from inspector.db.models import AuditEvent, DeadlineExtension, PhotoBlob
from tests.core.test_lifecycle_support import FOUND, JPEG, PNG, TODAY, World, day, full_plan, hazard_input
from tests.factories import enterprise_input


@pytest.fixture
def w(db) -> World:
    return World.build(db)


@pytest.fixture
def ledger(w: World) -> dict[str, int]:
    """A small district: two enterprises, hazards in every state, found by different inspectors."""
    other = w.enterprises.create(
        w.boss, enterprise_input(2, name="薛家金属制品有限公司", jurisdiction="薛家镇")
    )
    ids: dict[str, int] = {"other": other}
    visit = w.inspections.record(
        w.actor,
        w.visit(
            hazard_input(1, location="抛光车间", description="铝镁粉尘未及时清理"),
            hazard_input(
                2,
                location="配电房",
                description="配电柜前未铺设绝缘胶垫",
                subcategory="电气",
                deadline=day(-1),
            ),
            hazard_input(
                3,
                category="基础管理",
                subcategory="安全教育培训",
                location="办公室",
                description="未开展粉尘防爆专项培训",
                plan=full_plan(day(5)),
            ),
        ),
    )
    ids.update(zip(("dust", "power", "training"), (h.id for h in visit.hazards), strict=True))
    visit2 = w.inspections.record(
        w.actor,
        w.visit(
            hazard_input(
                4,
                level="重大隐患",
                location="除尘系统",
                description="干式除尘器未设置锁气卸灰装置",
                plan=full_plan(day(20)),
            ),
            hazard_input(5, location="仓库", description="消防通道堆放杂物", subcategory="消防"),
            enterprise_id=other,
            inspected_on=day(-3),
            inspector_ids=[w.inspector_ids[2]],
        ),
    )
    ids.update(zip(("major", "fire"), (h.id for h in visit2.hazards), strict=True))
    w.hazards.act(w.actor, ids["fire"], RectifyOnSpot(day(-3)))
    w.hazards.act(w.actor, ids["training"], ReportDone(TODAY))
    return ids


def _ids(rows) -> set[int]:
    return {r.id for r in rows}


def test_filters_return_the_right_rows(w: World, ledger: dict[str, int]) -> None:
    L = ledger
    cases: list[tuple[HazardFilter, set[int]]] = [
        (HazardFilter(), {L["dust"], L["power"], L["training"], L["major"], L["fire"]}),
        (HazardFilter(jurisdiction="薛家镇"), {L["major"], L["fire"]}),
        (HazardFilter(enterprise_id=w.enterprise_id), {L["dust"], L["power"], L["training"]}),
        (HazardFilter(category="基础管理"), {L["training"]}),
        (HazardFilter(category="现场管理", subcategory="电气"), {L["power"]}),
        (HazardFilter(level="重大隐患"), {L["major"]}),
        (HazardFilter(state="待复查"), {L["training"]}),
        (HazardFilter(open_only=True), {L["dust"], L["power"], L["training"], L["major"]}),
        (HazardFilter(overdue_only=True), {L["power"]}),
        (HazardFilter(due_within_days=7), {L["training"]}),
        (HazardFilter(due_within_days=30), {L["training"], L["major"]}),
        (HazardFilter(supervised_only=True), {L["major"]}),
        (HazardFilter(inspector_id=w.inspector_ids[2]), {L["major"], L["fire"]}),
        (HazardFilter(inspector_id=w.inspector_ids[0]), {L["dust"], L["power"], L["training"]}),
        (HazardFilter(found_from=day(-5)), {L["major"], L["fire"]}),
        (HazardFilter(found_to=FOUND), {L["dust"], L["power"], L["training"]}),
        (
            HazardFilter(jurisdiction="春江镇", open_only=True, level="一般隐患"),
            {L["dust"], L["power"], L["training"]},
        ),
    ]
    for f, expected in cases:
        assert _ids(w.hazards.page(f, 0, 50)) == expected, f
        assert w.hazards.count(f) == len(expected), f


def test_text_search_long_and_short_keywords_numbers_and_enterprise_names(
    w: World, ledger: dict[str, int]
) -> None:
    L = ledger
    cases = {
        "粉尘防爆专项": {L["training"]},  # ≥3 characters: full-text index on SQLite
        "粉尘": {L["dust"], L["training"]},  # 2 characters: LIKE fallback
        "柜": {L["power"]},  # 1 character
        "配电房": {L["power"]},  # location
        "YH2026-000004": {L["major"]},  # number
        "yh2026-000004": {L["major"]},  # typed in lower case
        "000002": {L["power"]},
        "h2": set(L.values()),  # 2 letters: the case of Latin letters is ignored on both back-ends
        "yh2026-00000": set(L.values()),  # part of a number, lower case, ≥3 characters
        "薛家金属": {L["major"], L["fire"]},  # enterprise name
        "薛家 杂物": {L["fire"]},  # several words: all must match
        "防爆 培训": {L["training"]},
        "100%": set(),  # LIKE wildcards are literal
        "不存在的内容": set(),
    }
    for text, expected in cases.items():
        assert _ids(w.hazards.page(HazardFilter(text=text), 0, 50)) == expected, text
        assert w.hazards.count(HazardFilter(text=text)) == len(expected), text


def test_search_follows_edits(w: World, ledger: dict[str, int]) -> None:
    """The SQLite full-text index is kept in sync by triggers (and PostgreSQL reads the table)."""
    hid = ledger["dust"]
    w.hazards.act(
        w.actor, hid, EditDetails(HazardDetails("抛光车间", "集尘桶未接地导除静电", "现场管理", "粉尘防爆"))
    )
    assert _ids(w.hazards.page(HazardFilter(text="集尘桶"), 0, 10)) == {hid}
    assert w.hazards.count(HazardFilter(text="铝镁粉尘")) == 0


def test_sorting_and_paging(w: World, ledger: dict[str, int]) -> None:
    all_rows = w.hazards.page(HazardFilter(), 0, 50, sort="number", descending=False)
    numbers = [r.number for r in all_rows]
    assert numbers == [f"YH2026-{n:06d}" for n in range(1, 6)]
    pages = [w.hazards.page(HazardFilter(), off, 2, sort="number", descending=False) for off in (0, 2, 4, 6)]
    assert [[r.number for r in p] for p in pages] == [numbers[0:2], numbers[2:4], numbers[4:], []]
    newest = w.hazards.page(HazardFilter(), 0, 2)  # default: found_on, newest first
    assert [r.found_on for r in newest] == [day(-3), day(-3)]
    by_name = w.hazards.page(HazardFilter(), 0, 50, sort="enterprise_name", descending=True)
    assert [r.enterprise_name for r in by_name][:2] == ["薛家金属制品有限公司"] * 2
    by_jurisdiction = w.hazards.page(HazardFilter(), 0, 50, sort="jurisdiction", descending=False)
    assert [r.jurisdiction for r in by_jurisdiction] == ["春江镇"] * 3 + ["薛家镇"] * 2
    # An unknown column is not passed to SQL: the default order is used.
    assert [r.id for r in w.hazards.page(HazardFilter(), 0, 50, sort="description; drop table hazards")] == [
        r.id for r in w.hazards.page(HazardFilter(), 0, 50)
    ]
    assert set(SORTABLE) >= {"number", "found_on", "deadline", "state", "level", "enterprise_name"}


def test_rows_carry_derived_values(w: World, ledger: dict[str, int]) -> None:
    rows = {r.id: r for r in w.hazards.page(HazardFilter(), 0, 50)}
    power, major, fire = rows[ledger["power"]], rows[ledger["major"]], rows[ledger["fire"]]
    assert (power.is_overdue, power.days_left, power.deadline) == (True, -1, day(-1))
    assert (major.supervised, major.level, major.state, major.days_left) == (True, "重大隐患", "整改中", 20)
    assert (fire.state, fire.is_overdue, fire.days_left) == ("已销号", False, None)
    assert power.enterprise_name == "常州市新北区测试化工有限公司1" and power.jurisdiction == "春江镇"


def test_counts_by_state_for_an_enterprise(w: World, ledger: dict[str, int]) -> None:
    mine = w.hazards.counts_by_state(w.enterprise_id)
    assert mine.by_state == {"待整改": 2, "整改中": 0, "待复查": 1, "已销号": 0}
    assert (mine.total, mine.open, mine.overdue, mine.supervised) == (3, 3, 1, 0)
    other = w.hazards.counts_by_state(ledger["other"])
    assert other.by_state == {"待整改": 0, "整改中": 1, "待复查": 0, "已销号": 1}
    assert (other.open, other.supervised) == (1, 1)
    assert w.hazards.counts_by_state().total == 5


def test_detail_has_everything_and_the_timeline(w: World, ledger: dict[str, int]) -> None:
    hid = ledger["major"]
    w.hazards.act(w.actor, hid, ExtendDeadline(day(40), "设备定制"))
    w.hazards.add_photos(w.actor, hid, [PhotoInput("整改前", JPEG, filename="before.jpg", caption="卸灰口")])
    d = w.hazards.detail(hid)
    assert (d.number, d.level, d.state, d.deadline, d.found_on) == (
        "YH2026-000004",
        "重大隐患",
        "整改中",
        day(40),
        day(-3),
    )
    assert (d.enterprise_name, d.jurisdiction, d.inspection_id) == ("薛家金属制品有限公司", "薛家镇", 2)
    assert d.plan is not None and d.plan.missing == [] and d.plan.responsible_person == "王建国"
    assert d.plan_input().deadline == day(40)
    assert d.supervision is not None and d.supervision.listed_on == day(-3)
    assert [(e.old_deadline, e.new_deadline) for e in d.extensions] == [(day(20), day(40))]
    assert [(p.phase, p.filename, p.caption, p.mime, p.size) for p in d.photos] == [
        ("整改前", "before.jpg", "卸灰口", "image/jpeg", len(JPEG))
    ]
    assert [e.action for e in d.timeline] == ["create", "start", "extend", "add_photos"]
    assert d.timeline[-1].summary == "YH2026-000004 添加照片：整改前1张"
    assert w.hazards.find_by_number("yh2026-000004") == hid
    with pytest.raises(NotFoundError, match="未找到隐患"):
        w.hazards.detail(999_999)


def test_batch_extend_is_all_or_nothing_with_one_event_each(w: World) -> None:
    a = w.new_hazard(plan=full_plan(day(10)))
    b = w.new_hazard(deadline=day(12))
    c = w.new_hazard()  # no deadline yet
    assert w.hazards.batch_extend(w.actor, [a, b], day(30), "汛期停工") == 2
    assert (w.hazard(a).deadline, w.hazard(b).deadline) == (day(30), day(30))
    assert [e.action for e in w.events(a)][-1] == "extend" and [e.action for e in w.events(b)][-1] == "extend"
    with w.db.reading() as s:
        events_before = s.scalar(select(func.count()).select_from(AuditEvent))
        ext_before = s.scalar(select(func.count()).select_from(DeadlineExtension))
    with pytest.raises(ValidationError) as info:
        w.hazards.batch_extend(w.actor, [a, c, b], day(20), "再延")
    assert [e.message for e in info.value.errors] == [
        "YH2026-000001：新整改时限须晚于原整改时限（2026-12-16）",
        "YH2026-000003：尚未确定整改时限，不能延期；请先填写整改方案",
        "YH2026-000002：新整改时限须晚于原整改时限（2026-12-16）",
    ]
    with pytest.raises(ValidationError, match="请选择要延期的隐患"):
        w.hazards.batch_extend(w.actor, [], day(20), "x")
    assert (w.hazard(a).deadline, w.hazard(b).deadline) == (day(30), day(30))
    with w.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == events_before
        assert s.scalar(select(func.count()).select_from(DeadlineExtension)) == ext_before


def test_record_outside_an_inspection(w: World) -> None:
    rec = w.hazards.record(w.actor, w.enterprise_id, hazard_input(1, source="群众举报"), "2026-11-10")
    d = w.hazards.detail(rec.id)
    assert (d.source, d.found_on, d.inspection_id, rec.number) == (
        "群众举报",
        date(2026, 11, 10),
        None,
        "YH2026-000001",
    )
    with pytest.raises(ValidationError, match="发现日期不能晚于今天"):
        w.hazards.record(w.actor, w.enterprise_id, hazard_input(2), day(1))
    with pytest.raises(ValidationError, match="隐患来源“网上”无效"):
        w.hazards.record(w.actor, w.enterprise_id, hazard_input(2, source="网上"))
    with pytest.raises(NotFoundError, match="未找到企业"):
        w.hazards.record(w.actor, 4242, hazard_input(2))
    # Added later to an existing visit: same enterprise only.
    visit = w.inspections.record(w.actor, w.visit())
    late = w.hazards.record(w.actor, w.enterprise_id, hazard_input(3), FOUND, inspection_id=visit.id)
    assert [h.id for h in w.inspections.get(visit.id).hazards] == [late.id]
    other = w.enterprises.create(w.boss, enterprise_input(2))
    with pytest.raises(ValidationError) as info:
        w.hazards.record(w.actor, other, hazard_input(4), FOUND, inspection_id=visit.id)
    assert str(info.value) == "隐患所属企业与检查记录的被检查单位不一致"


# -- photos ---------------------------------------------------------------------------------------


def test_photos_from_bytes_and_files_are_stored_once(w: World, tmp_path) -> None:
    hid = w.new_hazard()
    other = w.new_hazard()
    path = tmp_path / "整改后.png"
    path.write_bytes(PNG)
    w.hazards.add_photos(
        w.actor, hid, [PhotoInput("整改前", JPEG, filename="a.jpg"), PhotoInput("整改后", path=path)]
    )
    w.hazards.add_photos(w.actor, other, [PhotoInput("整改前", JPEG, filename="same.jpg")])
    metas = w.photos.list(hid)
    assert [(m.phase, m.filename, m.mime) for m in metas] == [
        ("整改前", "a.jpg", "image/jpeg"),
        ("整改后", "整改后.png", "image/png"),
    ]
    assert w.photos.content(metas[1].id) == PNG
    with w.db.reading() as s:
        assert s.scalar(select(func.count()).select_from(PhotoBlob)) == 2  # JPEG stored once for two hazards
    with pytest.raises(NotFoundError, match="未找到照片"):
        w.photos.content(9999)


def test_photo_refusals(w: World, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    hid = w.new_hazard()

    def refused(*photos: PhotoInput) -> str:
        v = w.hazard(hid).version
        with pytest.raises(ValidationError) as info:
            w.hazards.act(w.actor, hid, AddPhotos(list(photos)))
        assert w.hazard(hid).version == v and w.photos.list(hid) == []
        return str(info.value)

    assert (
        refused(PhotoInput("整改前", b"%PDF-1.7", filename="报告.jpg")) == "照片“报告.jpg”不是JPEG或PNG图片"
    )
    assert refused(PhotoInput("整改前", b"", filename="x.jpg")) == "照片“x.jpg”是空文件"
    assert refused(PhotoInput("整改前")) == "照片内容为空：请选择图片文件"
    assert refused(PhotoInput("整改中", JPEG)) == "照片阶段“整改中”无效，可选：整改前、整改后"
    assert (
        refused(PhotoInput("整改前", path=tmp_path / "missing.jpg"))
        == "照片文件“missing.jpg”不存在或无法读取"
    )
    assert refused() == "请选择要添加的照片"
    # One bad photo in a batch: none is added.
    assert refused(PhotoInput("整改前", JPEG), PhotoInput("整改后", b"text")) == "照片不是JPEG或PNG图片"
    monkeypatch.setattr(photos_module, "MAX_PHOTO_BYTES", 32)
    assert refused(PhotoInput("整改前", JPEG, filename="big.jpg")) == "照片“big.jpg”过大：最大0MB，当前0.0MB"


def test_photo_size_limit_message_in_megabytes(tmp_path) -> None:
    big = tmp_path / "big.jpg"
    with big.open("wb") as f:
        f.write(JPEG[:4])
        f.seek(photos_module.MAX_PHOTO_BYTES + 5 * 1024 * 1024)
        f.write(b"\0")
    with pytest.raises(ValidationError) as info:
        photos_module.load_photo(PhotoInput("整改后", path=big))
    assert str(info.value) == "照片“big.jpg”过大：最大20MB，当前25.0MB"


def test_start_with_plan_via_detail_round_trip(w: World) -> None:
    hid = w.new_hazard(plan=full_plan(day(10), funds=None))
    d = w.hazards.detail(hid)
    assert d.plan.missing == ["整改资金"]
    plan = d.plan_input()
    w.hazards.act(
        w.actor, hid, StartRectification(type(plan)(**{**plan.__dict__, "funds": "0"})), version=d.version
    )
    assert w.hazard(hid).state == "整改中"


def test_enterprise_and_jurisdiction_sorts_follow_pinyin(w: World, ledger: dict[str, int]) -> None:
    """北 comes before 安 and 孟 before 罗 by code point; by pinyin (an, bei; luo, meng) the other way."""
    made = {}
    for n, (name, town) in enumerate((("北方化工有限公司", "孟河镇"), ("安达化工有限公司", "罗溪镇"))):
        eid = w.enterprises.create(w.boss, enterprise_input(n + 7, name=name, jurisdiction=town))
        made[name] = w.hazards.record(w.actor, eid, hazard_input(n + 7), day(-1)).id
    by_name = [
        r.enterprise_name
        for r in w.hazards.page(HazardFilter(), 0, 50, sort="enterprise_name", descending=False)
    ]
    assert by_name.index("安达化工有限公司") < by_name.index("北方化工有限公司")
    towns = [
        r.jurisdiction for r in w.hazards.page(HazardFilter(), 0, 50, sort="jurisdiction", descending=False)
    ]
    assert list(dict.fromkeys(towns)) == ["春江镇", "罗溪镇", "孟河镇", "薛家镇"]
    descending = [r.jurisdiction for r in w.hazards.page(HazardFilter(), 0, 50, "jurisdiction", True)]
    assert list(dict.fromkeys(descending)) == ["薛家镇", "孟河镇", "罗溪镇", "春江镇"]
    # keyset pages walk the same order
    first = w.hazards.page(HazardFilter(), 0, 3, "jurisdiction", False)
    rest = w.hazards.page(HazardFilter(), 0, 50, "jurisdiction", False, after=first[-1])
    assert [r.jurisdiction for r in first + rest] == towns
