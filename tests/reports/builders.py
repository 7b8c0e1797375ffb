"""Rows for report tests, written straight through the ORM.

The lifecycle services are developed in parallel; report tests must not depend on them, so these
builders put the database into the states a ledger or a document has to show.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy.orm import Session

from inspector.core.numbering import next_hazard_number
from inspector.db.engine import Database
from inspector.db.models import (
    DeadlineExtension,
    Enterprise,
    EnterpriseCategory,
    Hazard,
    Inspection,
    Inspector,
    Photo,
    PhotoBlob,
    RectificationPlan,
    ReInspection,
    Supervision,
)
from tests.factories import credit_code


def enterprise(
    s: Session,
    n: int,
    *,
    jurisdiction: str = "春江镇",
    categories: Sequence[str] = ("危化品使用",),
    name: str | None = None,
) -> Enterprise:
    e = Enterprise(
        name=name or f"常州市新北区测试化工有限公司{n}",
        credit_code=credit_code(n),
        jurisdiction=jurisdiction,
        address=f"常州市新北区{jurisdiction}滨江路{n}号",
        industry="化学原料和化学制品制造业",
        legal_representative="王建国",
        principal="王建国",
        safety_director="李安全",
        phone="0519-85123456",
        categories=[EnterpriseCategory(kind=k) for k in categories],
    )
    s.add(e)
    s.flush()
    return e


def inspector(s: Session, name: str, certificate_no: str) -> Inspector:
    person = Inspector(name=name, certificate_no=certificate_no, unit="新北区应急管理局")
    s.add(person)
    s.flush()
    return person


def officers(s: Session) -> list[Inspector]:
    return [inspector(s, "张明", "32041100123"), inspector(s, "李华", "32041100456")]


def inspection(
    s: Session,
    ent: Enterprise,
    people: Sequence[Inspector],
    on: date,
    *,
    kind: str = "执法检查",
    notes: str = "重点检查了危险化学品储存、特殊作业管理和消防设施。",
) -> Inspection:
    i = Inspection(
        enterprise=ent,
        inspected_on=on,
        start_time=time(9, 30),
        end_time=time(11, 45),
        kind=kind,
        representative="赵安全",
        place="生产车间、甲类仓库",
        notes=notes,
        inspectors=list(people),
    )
    s.add(i)
    s.flush()
    return i


def hazard(
    s: Session,
    ent: Enterprise,
    found_on: date,
    *,
    insp: Inspection | None = None,
    location: str = "甲类仓库",
    description: str = "仓库内可燃气体报警器未定期检定",
    legal_basis: str = "《危险化学品安全管理条例》第二十条",
    level: str = "一般隐患",
    category: str = "现场管理",
    subcategory: str = "设备设施",
    deadline: date | None = None,
    state: str = "整改中",
    reported_done_on: date | None = None,
    closed_on: date | None = None,
    on_spot: bool = False,
    funds: Decimal | None = Decimal("1200.00"),
    notes: str = "",
    plan: bool = True,
) -> Hazard:
    h = Hazard(
        number=next_hazard_number(s, found_on.year),
        enterprise=ent,
        inspection=insp,
        source="检查发现" if insp is not None else "企业自查",
        location=location,
        description=description,
        category=category,
        subcategory=subcategory,
        level=level,
        legal_basis=legal_basis,
        found_on=found_on,
        state=state,
        deadline=deadline,
        rectified_on_spot=on_spot,
        reported_done_on=reported_done_on,
        closed_on=closed_on,
        notes=notes,
    )
    if plan:
        h.plan = RectificationPlan(
            responsible_unit="设备部",
            responsible_person="周工",
            measures="送检报警器并建立检定台账",
            funds=funds,
            contingency="检定前每班人工巡检，配备便携式检测仪",
        )
    s.add(h)
    s.flush()
    return h


def reinspection(
    s: Session,
    h: Hazard,
    on: date,
    people: Sequence[Inspector],
    *,
    result: str = "合格",
    opinion: str = "",
    new_deadline: date | None = None,
) -> ReInspection:
    r = ReInspection(
        hazard=h,
        reviewed_on=on,
        result=result,
        opinion=opinion,
        new_deadline=new_deadline,
        inspectors=list(people),
    )
    s.add(r)
    s.flush()
    return r


def extension(
    s: Session, h: Hazard, new_deadline: date, at: datetime, reason: str = "设备订货周期长"
) -> None:
    s.add(
        DeadlineExtension(hazard=h, old_deadline=h.deadline, new_deadline=new_deadline, reason=reason, at=at)
    )
    h.deadline = new_deadline
    s.flush()


def supervise(s: Session, h: Hazard, listed_on: date, delisted_on: date | None = None) -> Supervision:
    sup = Supervision(
        hazard=h, listed_on=listed_on, unit="新北区安全生产委员会办公室", delisted_on=delisted_on
    )
    s.add(sup)
    s.flush()
    return sup


def png(color: tuple[int, int, int], size: tuple[int, int] = (320, 240)) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(img)
    draw.rectangle([20, 20, size[0] - 20, size[1] - 20], outline=(255, 255, 255), width=6)
    draw.line([20, 20, size[0] - 20, size[1] - 20], fill=(255, 255, 255), width=4)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def photo(s: Session, h: Hazard, phase: str, content: bytes, caption: str = "") -> Photo:
    sha = hashlib.sha256(content).hexdigest()
    if s.get(PhotoBlob, sha) is None:
        s.add(PhotoBlob(sha256=sha, content=content, mime="image/png"))
        s.flush()
    p = Photo(hazard=h, phase=phase, sha256=sha, filename=f"{phase}.png", caption=caption)
    s.add(p)
    s.flush()
    return p


LONG_DESCRIPTIONS = (
    (
        "甲类仓库",
        "仓库内可燃气体检测报警器未按规定定期检定，部分探头被货物遮挡",
        "《危险化学品安全管理条例》第二十条",
    ),
    (
        "反应釜区",
        "氯化反应釜温度、压力报警与联锁未投用，紧急切断阀处于手动状态",
        "《危险化学品企业安全风险隐患排查治理导则》",
    ),
    ("配电室", "配电室电缆沟未封堵，防鼠板缺失", "GB 50054-2011《低压配电设计规范》"),
    (
        "动火作业现场",
        "动火作业票未经审批即开始作业，现场未配置灭火器材",
        "GB 30871-2022《危险化学品企业特殊作业安全规范》第5.2条",
    ),
    ("除尘系统", "铝粉除尘器未设置泄爆装置，灰斗积尘未及时清理", "《工贸企业粉尘防爆安全规定》第十四条"),
)


@dataclass(frozen=True)
class OrderCase:
    enterprise_id: int
    inspection_id: int
    hazard_ids: list[int]
    hazard_numbers: list[str]
    deadlines: list[date]


def order_case(
    s: Session, *, n_hazards: int = 3, on: date = date(2026, 11, 22), n: int = 1, with_photos: bool = False
) -> OrderCase:
    """An inspection with ``n_hazards`` hazards (deadlines spread out) ready for an order."""
    ent = enterprise(s, n)
    people = (
        officers(s)
        if n == 1
        else [
            inspector(s, f"检查员{n}甲", f"3204110{n:05d}"),
            inspector(s, f"检查员{n}乙", f"3204119{n:05d}"),
        ]
    )
    insp = inspection(s, ent, people, on)
    hazards = []
    for i in range(n_hazards):
        location, description, basis = LONG_DESCRIPTIONS[i % len(LONG_DESCRIPTIONS)]
        h = hazard(
            s,
            ent,
            on,
            insp=insp,
            location=location,
            description=f"{description}（第{i + 1}处）",
            legal_basis=basis,
            deadline=date(2026, 12, 1 + i % 28),
            level="重大隐患" if i == 1 else "一般隐患",
        )
        if with_photos:
            photo(s, h, "整改前", png((180, 60 + 30 * i % 150, 60)), caption="现场照片")
        hazards.append(h)
    return OrderCase(
        ent.id,
        insp.id,
        [h.id for h in hazards],
        [h.number for h in hazards],
        [h.deadline for h in hazards if h.deadline],
    )


# -- the November 2026 ledger scenario ---------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One hazard of the scenario with what the November ledger must say about it."""

    key: str
    found: date
    closed: date | None = None
    deadline: date | None = date(2026, 12, 31)
    state: str = "整改中"
    reported: date | None = None
    level: str = "一般隐患"
    town: str = "春江镇"


SCENARIO = (
    Spec(
        "carried_closed_inside",
        date(2026, 10, 10),
        closed=date(2026, 11, 15),
        state="已销号",
        reported=date(2026, 11, 14),
    ),
    Spec("new_open_overdue", date(2026, 11, 5), deadline=date(2026, 11, 20)),
    Spec("closed_before", date(2026, 10, 1), closed=date(2026, 10, 20), state="已销号"),
    Spec("closed_on_last_day_before", date(2026, 10, 15), closed=date(2026, 10, 31), state="已销号"),
    Spec("found_after", date(2026, 12, 2)),
    Spec(
        "closed_after_end",
        date(2026, 11, 10),
        closed=date(2026, 12, 5),
        state="已销号",
        reported=date(2026, 11, 28),
        deadline=date(2026, 11, 25),
    ),
    Spec("carried_open", date(2026, 9, 1), deadline=date(2026, 12, 10)),
    Spec("deadline_last_day", date(2026, 11, 30), deadline=date(2026, 11, 30), state="待整改"),
    Spec("closed_first_day", date(2026, 10, 31), closed=date(2026, 11, 1), state="已销号"),
    Spec("major_other_town", date(2026, 11, 3), deadline=date(2026, 11, 20), level="重大隐患", town="孟河镇"),
)


def build_scenario(db: Database) -> dict[str, int]:
    """Two enterprises in two towns and the hazards of SCENARIO; returns hazard ids by key."""
    ids: dict[str, int] = {}
    with db.transaction() as s:
        people = officers(s)
        chem = enterprise(s, 1, categories=("危化品使用",))
        dust = enterprise(s, 2, jurisdiction="孟河镇", categories=("涉爆粉尘", "危化品储存"))
        for spec in SCENARIO:
            ent = dust if spec.town == "孟河镇" else chem
            insp = inspection(s, ent, people, spec.found)
            h = hazard(
                s,
                ent,
                spec.found,
                insp=insp,
                deadline=spec.deadline,
                state=spec.state,
                closed_on=spec.closed,
                reported_done_on=spec.reported,
                level=spec.level,
                description=f"隐患 {spec.key}",
            )
            ids[spec.key] = h.id
            if spec.closed:
                reinspection(s, h, spec.closed, people)
    return ids
