"""The inspector registry (检查人员名册) and who is acting (Actor).

Public API
----------
- ``LABELS`` (Chinese field labels), ``InspectorInput`` (form data), ``validate(data) -> Collector``.
- ``InspectorRow`` (list line).
- ``InspectorService(db)``:
  ``create(actor, data) -> int``, ``update(actor, inspector_id, data)``,
  ``set_active(actor, inspector_id, active)``, ``get(inspector_id) -> InspectorInput``,
  ``list(active_only=True) -> list[InspectorRow]``, ``actor_for(inspector_id) -> Actor``.

Maintaining the registry is a supervisor's job (科室负责人): the core refuses others, except while
the registry has no active supervisor yet (first start-up), and it never lets the last active
supervisor be demoted or deactivated. Inspectors are deactivated, never deleted: their names stay
on inspection records and documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core import audit
from inspector.core.actors import acting, login_inspector, verify
from inspector.core.audit import Actor
from inspector.core.enums import InspectorRole
from inspector.core.errors import DuplicateError, NotFoundError, PermissionDenied
from inspector.core.inputs import length_errors, merge, require_id, sanitized
from inspector.core.validation import Collector, choice_error, max_length_error, required_error
from inspector.db.engine import Database
from inspector.db.models import Inspector
from inspector.i18n import QT_TRANSLATE_NOOP, say

LABELS: dict[str, str] = {
    "name": "姓名",
    "certificate_no": "执法证号",
    "unit": "单位",
    "role": "角色",
    "active": "在岗",
}
SNAPSHOT_FIELDS = ("name", "certificate_no", "unit", "role", "active")
ENTITY = "inspector"
REGISTRY_REFUSAL = QT_TRANSLATE_NOOP("core", "检查人员名册须由科室负责人维护")
LAST_SUPERVISOR_REFUSAL = QT_TRANSLATE_NOOP("core", "至少须保留一名在岗的科室负责人")
INACTIVE_REFUSAL = QT_TRANSLATE_NOOP("core", "检查人员“{name}”已停用，不能办理业务")


@dataclass
class InspectorInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"name": 50, "certificate_no": 50, "unit": 100, "role": 10}

    name: str = ""
    certificate_no: str = ""  # 执法证号; required for 执法检查
    unit: str = ""
    role: str = InspectorRole.INSPECTOR.value
    active: bool = True

    def cleaned(self) -> InspectorInput:
        values: dict[str, Any] = {
            f.name: getattr(self, f.name).strip()
            if isinstance(getattr(self, f.name), str)
            else getattr(self, f.name)
            for f in fields(self)
        }
        values["certificate_no"] = "".join(values["certificate_no"].split())
        return replace(self, **values)


def validate(data: InspectorInput) -> Collector:
    d = data.cleaned()
    c = Collector()
    L = LABELS
    c.check("name", required_error(d.name, L["name"]) or max_length_error(d.name, L["name"], 50))
    c.check("certificate_no", max_length_error(d.certificate_no, L["certificate_no"], 50))
    c.check("unit", max_length_error(d.unit, L["unit"], 100))
    c.check("role", required_error(d.role, L["role"]) or choice_error(d.role, L["role"], InspectorRole))
    c.errors = merge(c.errors, length_errors(d))
    return c


@dataclass(frozen=True)
class InspectorRow:
    id: int
    name: str
    certificate_no: str
    unit: str
    role: str
    active: bool

    @property
    def is_supervisor(self) -> bool:
        return self.role == InspectorRole.SUPERVISOR


def _is_active_supervisor(i: Inspector) -> bool:
    return i.active and i.role == InspectorRole.SUPERVISOR


class InspectorService:
    """The only way to change the registry; each call is one transaction with its audit event."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def create(self, actor: Actor, data: InspectorInput) -> int:
        d = sanitized(data).cleaned()
        validate(d).raise_if_any()
        with acting(self.db, actor) as (s, actor):
            self._require_manager(s, actor)
            self._refuse_duplicate_certificate(s, d.certificate_no, None)
            i = Inspector(**{k: getattr(d, k) for k in SNAPSHOT_FIELDS})
            s.add(i)
            s.flush()
            audit.record(
                s,
                actor,
                ENTITY,
                i.id,
                "create",
                f"登记检查人员：{i.name}（{i.role}）",
                None,
                audit.snapshot(i, SNAPSHOT_FIELDS),
                today=self.clock(),
            )
            return i.id

    def update(self, actor: Actor, inspector_id: int, data: InspectorInput) -> None:
        require_id(inspector_id, "检查人员", field="inspector_id")
        d = sanitized(data).cleaned()
        validate(d).raise_if_any()
        with acting(self.db, actor) as (s, actor):
            self._require_manager(s, actor)
            i = self._get(s, inspector_id)
            self._refuse_duplicate_certificate(s, d.certificate_no, i.id)
            before = audit.snapshot(i, SNAPSHOT_FIELDS)
            was_supervisor = _is_active_supervisor(i)
            for k in SNAPSHOT_FIELDS:
                setattr(i, k, getattr(d, k))
            if was_supervisor and not _is_active_supervisor(i):
                self._refuse_losing_last_supervisor(s)
            old, new = audit.diff(before, audit.snapshot(i, SNAPSHOT_FIELDS))
            if new:
                summary = f"修改检查人员信息：{i.name}"
                audit.record(s, actor, ENTITY, i.id, "update", summary, old, new, today=self.clock())

    def set_active(self, actor: Actor, inspector_id: int, active: bool) -> None:
        """Deactivate (离岗/调离) or reactivate; records stay attributed to the person."""
        data = self.get(inspector_id)
        data.active = active
        self.update(actor, inspector_id, data)

    def get(self, inspector_id: int) -> InspectorInput:
        with self.db.reading() as s:
            i = self._get(s, inspector_id)
            return InspectorInput(i.name, i.certificate_no, i.unit, i.role, i.active)

    def list(self, active_only: bool = True) -> list[InspectorRow]:
        stmt = select(Inspector).order_by(Inspector.active.desc(), Inspector.name, Inspector.id)
        if active_only:
            stmt = stmt.where(Inspector.active.is_(True))
        with self.db.reading() as s:
            return [
                InspectorRow(i.id, i.name, i.certificate_no, i.unit, i.role, i.active)
                for i in s.scalars(stmt)
            ]

    def login_actor(self) -> Actor | None:
        """On a team server: the person this database login belongs to (None: a laptop, or the
        owner's administrative login). Switching person there means logging in again."""
        with self.db.reading() as s:
            own = login_inspector(s)
            if own is None:
                return None
            if not own.active:
                raise PermissionDenied(say(INACTIVE_REFUSAL, name=own.name))
            return Actor(own.id, own.name, is_supervisor=own.role == InspectorRole.SUPERVISOR)

    def actor_for(self, inspector_id: int) -> Actor:
        """Who is acting, for the services: supervisor rights come from the registry's role."""
        with self.db.reading() as s:
            i = self._get(s, inspector_id)
            if not i.active:
                raise PermissionDenied(say(INACTIVE_REFUSAL, name=i.name))
            return Actor(id=i.id, name=i.name, is_supervisor=i.role == InspectorRole.SUPERVISOR)

    @staticmethod
    def _get(s: Session, inspector_id: int) -> Inspector:
        i = s.get(Inspector, inspector_id)
        if i is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("core", "未找到检查人员（编号 {id}）"), id=inspector_id)
            )
        return i

    @staticmethod
    def _active_supervisors(s: Session) -> int:
        return int(
            s.scalar(
                select(func.count())
                .select_from(Inspector)
                .where(Inspector.active.is_(True), Inspector.role == InspectorRole.SUPERVISOR.value)
            )
            or 0
        )

    def _require_manager(self, s: Session, actor: Actor) -> None:
        if not self._may_edit_registry(s, actor):
            raise PermissionDenied(say(REGISTRY_REFUSAL))

    def _may_edit_registry(self, s: Session, actor: Actor) -> bool:
        """The registry rule: a 科室负责人, or anyone while no active supervisor exists yet."""
        return actor.is_supervisor or self._active_supervisors(s) == 0

    def can_edit_registry(self, actor: Actor) -> bool:
        """Whether ``actor`` (as the registry has them now) may change the registry: the UI greys
        its buttons by this; every change still checks the same rule."""
        with self.db.reading() as s:
            try:
                verified = verify(s, actor)
            except PermissionDenied:
                return False
            return self._may_edit_registry(s, verified)

    def _refuse_losing_last_supervisor(self, s: Session) -> None:
        s.flush()
        if self._active_supervisors(s) == 0:
            raise PermissionDenied(say(LAST_SUPERVISOR_REFUSAL))

    @staticmethod
    def _refuse_duplicate_certificate(s: Session, certificate_no: str, own_id: int | None) -> None:
        if not certificate_no:
            return
        other = s.scalar(
            select(Inspector).where(
                Inspector.certificate_no == certificate_no, Inspector.id != (own_id or -1)
            )
        )
        if other is not None:
            raise DuplicateError(
                say(
                    QT_TRANSLATE_NOOP("core", "执法证号 {number} 已登记为“{name}”"),
                    number=certificate_no,
                    name=other.name,
                )
            )
