"""回避登记: an inspector declared not to check an enterprise (kinship, a former employer, a dispute).

A 双随机 draw never assigns an inspector to an enterprise while an active (not withdrawn) 回避
stands between them (core.draws). A declaration is never deleted: withdrawing it dates it
(``withdrawn_on``), so the register shows what was in force on the day of any draw.

Who may: any registered, active inspector (or the system, for imports) may record a 回避 for
anyone — a declaration only narrows who may be drawn and is audited. Withdrawing one widens it
again, so it is the 科室负责人's (on a team server only supervisors may UPDATE the table).

Public API: ``ConflictInput``, ``ConflictRow``, ``ConflictService(db, clock)`` with
``declare(actor, data) -> int``, ``withdraw(actor, conflict_id)``, ``list(inspector_id=None,
enterprise_id=None, include_withdrawn=False)`` and ``active_pairs(session, enterprise_ids)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.errors import (
    DuplicateError,
    FieldError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from inspector.db.engine import Database
from inspector.db.models import Enterprise, Inspector, InspectorConflict
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "inspector_conflict"
REASON_LIMIT = 500
WITHDRAW_REFUSAL = QT_TRANSLATE_NOOP("core", "撤销回避须由科室负责人办理")  # raised as say(WITHDRAW_REFUSAL)


@dataclass
class ConflictInput:
    inspector_id: int | None = None
    enterprise_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class ConflictRow:
    id: int
    inspector_id: int
    inspector_name: str
    enterprise_id: int
    enterprise_name: str
    reason: str
    declared_on: date
    withdrawn_on: date | None
    recorded_by: str

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


def _validate(data: ConflictInput) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.inspector_id is None:
        errors.append(FieldError("inspector_id", say(QT_TRANSLATE_NOOP("core", "请选择须回避的检查人员"))))
    if data.enterprise_id is None:
        errors.append(FieldError("enterprise_id", say(QT_TRANSLATE_NOOP("core", "请选择须回避的企业"))))
    reason = data.reason.strip()
    if not reason:
        errors.append(
            FieldError(
                "reason", say(QT_TRANSLATE_NOOP("core", "请填写回避事由（如亲属关系、曾在该企业任职）"))
            )
        )
    elif len(reason) > REASON_LIMIT:
        errors.append(
            FieldError("reason", say(QT_TRANSLATE_NOOP("core", "回避事由最多{limit}字"), limit=REASON_LIMIT))
        )
    return errors


def active_pairs(session: Session, enterprise_ids: Iterable[int]) -> dict[int, set[int]]:
    """Enterprise id → the inspectors with an active 回避 for it (only the enterprises asked)."""
    ids = sorted(set(enterprise_ids))
    out: dict[int, set[int]] = {}
    for chunk in range(0, len(ids), 500):
        rows = session.execute(
            select(InspectorConflict.enterprise_id, InspectorConflict.inspector_id).where(
                InspectorConflict.enterprise_id.in_(ids[chunk : chunk + 500]),
                InspectorConflict.withdrawn_on.is_(None),
            )
        )
        for eid, iid in rows:
            out.setdefault(eid, set()).add(iid)
    return out


class ConflictService:
    """The 回避 register; every change is one transaction with its audit event."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def declare(self, actor: Actor, data: ConflictInput) -> int:
        errors = _validate(data)
        if errors:
            raise ValidationError(errors)
        assert data.inspector_id is not None and data.enterprise_id is not None
        today = self.clock()
        with acting(self.db, actor) as (s, actor):
            person = s.get(Inspector, data.inspector_id)
            if person is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到检查人员（编号 {id}）"), id=data.inspector_id)
                )
            enterprise = s.get(Enterprise, data.enterprise_id)
            if enterprise is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到企业（编号 {id}）"), id=data.enterprise_id)
                )
            standing = s.scalar(
                select(InspectorConflict.id).where(
                    InspectorConflict.inspector_id == person.id,
                    InspectorConflict.enterprise_id == enterprise.id,
                    InspectorConflict.withdrawn_on.is_(None),
                )
            )
            if standing is not None:
                raise DuplicateError(
                    say(
                        QT_TRANSLATE_NOOP("core", "{name}对“{enterprise}”的回避已登记，无须重复登记"),
                        name=person.name,
                        enterprise=enterprise.name,
                    )
                )
            c = InspectorConflict(
                inspector_id=person.id,
                enterprise_id=enterprise.id,
                reason=data.reason.strip(),
                declared_on=today,
                recorded_by_id=actor.id,
            )
            s.add(c)
            s.flush()
            audit.record(
                s,
                actor,
                ENTITY,
                c.id,
                "declare",
                f"登记回避：{person.name} 回避 {enterprise.name}（{c.reason}）",
                None,
                {
                    "inspector": person.name,
                    "enterprise": enterprise.name,
                    "reason": c.reason,
                    "declared_on": today,
                },
                today=today,
            )
            return c.id

    def withdraw(self, actor: Actor, conflict_id: int) -> None:
        today = self.clock()
        with acting(self.db, actor) as (s, actor):
            if not actor.is_supervisor:
                raise PermissionDenied(say(WITHDRAW_REFUSAL))
            c = s.get(InspectorConflict, conflict_id)
            if c is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到回避登记（编号 {id}）"), id=conflict_id)
                )
            if c.withdrawn_on is not None:
                raise DuplicateError(
                    say(QT_TRANSLATE_NOOP("core", "该回避已于{day}撤销"), day=c.withdrawn_on.isoformat())
                )
            person = s.get(Inspector, c.inspector_id)
            enterprise = s.get(Enterprise, c.enterprise_id)
            c.withdrawn_on = today
            audit.record(
                s,
                actor,
                ENTITY,
                c.id,
                "withdraw",
                f"撤销回避：{person.name if person else ''} 对 {enterprise.name if enterprise else ''}",
                {"withdrawn_on": None},
                {"withdrawn_on": today},
                today=today,
            )

    def list(
        self,
        inspector_id: int | None = None,
        enterprise_id: int | None = None,
        include_withdrawn: bool = False,
    ) -> list[ConflictRow]:
        """The register, newest first; filtered to one inspector and/or one enterprise."""
        recorder = aliased(Inspector)
        stmt = (
            select(InspectorConflict, Inspector.name, Enterprise.name, recorder.name)
            .join(Inspector, Inspector.id == InspectorConflict.inspector_id)
            .join(Enterprise, Enterprise.id == InspectorConflict.enterprise_id)
            .outerjoin(recorder, recorder.id == InspectorConflict.recorded_by_id)
            .order_by(InspectorConflict.declared_on.desc(), InspectorConflict.id.desc())
        )
        if inspector_id is not None:
            stmt = stmt.where(InspectorConflict.inspector_id == inspector_id)
        if enterprise_id is not None:
            stmt = stmt.where(InspectorConflict.enterprise_id == enterprise_id)
        if not include_withdrawn:
            stmt = stmt.where(InspectorConflict.withdrawn_on.is_(None))
        with self.db.reading() as s:
            return [
                ConflictRow(
                    c.id,
                    c.inspector_id,
                    person,
                    c.enterprise_id,
                    enterprise,
                    c.reason,
                    c.declared_on,
                    c.withdrawn_on,
                    by or audit.SYSTEM.name,
                )
                for c, person, enterprise, by in s.execute(stmt)
            ]
