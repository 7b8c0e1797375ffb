"""Builders shared by the lifecycle, hazard, inspection and dashboard tests (no tests here).

A ``World`` is a migrated database with a fixed "today", one enterprise, three inspectors (one of
them a supervisor) and the services wired to that clock, so dates in assertions are exact.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from inspector.core.audit import Actor
from inspector.core.dashboard import DashboardService
from inspector.core.enterprises import EnterpriseService
from inspector.core.hazards import HazardInput, HazardService
from inspector.core.inspections import InspectionInput, InspectionService
from inspector.core.inspectors import InspectorInput, InspectorService
from inspector.core.lifecycle import PlanInput
from inspector.core.photos import PhotoService
from inspector.db.engine import Database
from inspector.db.models import AuditEvent, Hazard
from tests.factories import enterprise_input

TODAY = date(2026, 11, 16)
FOUND = TODAY - timedelta(days=10)  # 2026-11-06
ADMIN = Actor(id=None, name="管理员")  # the system: setting up before anyone is registered


def _picture(fmt: str, colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(out, fmt)
    return out.getvalue()


# Small real pictures of each kind the photo check accepts (it decodes them).
JPEG = _picture("JPEG", (200, 80, 40))
PNG = _picture("PNG", (40, 120, 200))


def day(n: int) -> date:
    """TODAY + n days."""
    return TODAY + timedelta(days=n)


@dataclass
class Clock:
    today: date = TODAY

    def __call__(self) -> date:
        return self.today


def full_plan(deadline: date | None = None, **overrides: object) -> PlanInput:
    values: dict[str, object] = dict(
        responsible_unit="生产部",
        responsible_person="王建国",
        measures="更换防爆灯具并检测接地",
        funds="3000",
        deadline=deadline or day(14),
        contingency="停用该区域电气设备，设置警戒区",
    )
    values.update(overrides)
    return PlanInput(**values)  # type: ignore[arg-type]


def hazard_input(n: int = 1, **overrides: object) -> HazardInput:
    data = HazardInput(
        location=f"{n}号车间",
        description=f"粉尘收集系统未设置防爆泄压装置{n}",
        category="现场管理",
        subcategory="粉尘防爆",
        legal_basis="《工贸企业粉尘防爆安全规定》第十三条",
    )
    for k, v in overrides.items():
        setattr(data, k, v)
    return data


@dataclass
class World:
    db: Database
    clock: Clock
    enterprises: EnterpriseService
    inspectors: InspectorService
    inspections: InspectionService
    hazards: HazardService
    photos: PhotoService
    dashboard: DashboardService
    enterprise_id: int = 0
    inspector_ids: list[int] = field(default_factory=list)  # 张检查, 李检查 (certificates), 王五 (none)
    supervisor_id: int = 0
    actor: Actor = ADMIN  # a plain inspector, set by build()
    boss: Actor = ADMIN  # a supervisor (科室负责人), set by build()

    @classmethod
    def build(cls, db: Database) -> World:
        clock = Clock()
        w = cls(
            db,
            clock,
            EnterpriseService(db, clock),
            InspectorService(db, clock),
            InspectionService(db, clock),
            HazardService(db, clock),
            PhotoService(db),
            DashboardService(db, clock),
        )
        w.enterprise_id = w.enterprises.create(ADMIN, enterprise_input(1))
        # The first person registered (no supervisor yet) is the 科室负责人; he registers the rest.
        w.supervisor_id = w.inspectors.create(
            ADMIN, InspectorInput("赵科长", "32041120001", "安监科", "科室负责人")
        )
        w.boss = w.inspectors.actor_for(w.supervisor_id)
        w.inspector_ids = [
            w.inspectors.create(w.boss, InspectorInput("张检查", "32041120002", "安监科")),
            w.inspectors.create(w.boss, InspectorInput("李检查", "32041120003", "安监科")),
            w.inspectors.create(w.boss, InspectorInput("王五", "", "春江镇安监办")),
        ]
        w.actor = w.inspectors.actor_for(w.inspector_ids[0])
        return w

    def visit(self, *hazards: HazardInput, **overrides: object) -> InspectionInput:
        data = InspectionInput(
            enterprise_id=self.enterprise_id,
            inspected_on=FOUND,
            kind="日常检查",
            inspector_ids=self.inspector_ids[:2],
            start_time="09:00",
            end_time="11:30",
            representative="李安全",
            place="生产车间",
            notes="检查了粉尘防爆和用电安全",
            hazards=list(hazards),
        )
        for k, v in overrides.items():
            setattr(data, k, v)
        return data

    def new_hazard(self, **overrides: object) -> int:
        """One hazard found on FOUND by a routine inspection."""
        found_on = overrides.pop("found_on", FOUND)
        return self.hazards.record(self.actor, self.enterprise_id, hazard_input(**overrides), found_on).id

    def hazard(self, hazard_id: int) -> Hazard:
        with self.db.reading() as s:
            h = s.get(Hazard, hazard_id)
            assert h is not None
            return h

    def events(self, hazard_id: int) -> list[AuditEvent]:
        with self.db.reading() as s:
            return list(
                s.scalars(
                    select(AuditEvent)
                    .where(AuditEvent.entity_type == "hazard", AuditEvent.entity_id == hazard_id)
                    .order_by(AuditEvent.id)
                )
            )

    def audit_count(self) -> int:
        with self.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)
