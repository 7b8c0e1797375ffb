"""目标企业: the set of enterprises a plan item, a campaign or a 双随机 pool is about.

A target set is either a saved filter over the registry (监管类别, 属地, 风险等级, 重大危险源,
危险化工工艺, 厂中厂) or a hand-picked list. It is stored as JSON on the plan item or campaign and
evaluated when asked, so an enterprise registered later that matches the filter joins the set; a
draw keeps its own snapshot of the pool (core.draws). Closed (关闭) enterprises are never in a
set; 停产 ones only when asked for (``include_suspended``) or picked by hand.

Public API: ``TargetSet`` (``to_json``/``from_json``/``describe``), ``condition(target)`` (the
WHERE clause over ``enterprises``), ``member_ids(target)`` (a SELECT of their ids) and
``validate(target)``; ``count(s, target)`` and ``names(s, ids)`` for the editor's live count
and its hand-picked list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, select, true
from sqlalchemy.orm import Session

from inspector.core.enums import CategoryKind, OperatingStatus, RiskGrade
from inspector.core.errors import FieldError
from inspector.db.models import Enterprise, EnterpriseCategory
from inspector.i18n import QT_TRANSLATE_NOOP, say

HAND_PICKED_LIMIT = 5000  # a list longer than this is a filter's job


def _tristate(value: object) -> bool | None:
    return None if value is None else bool(value)


@dataclass(frozen=True)
class TargetSet:
    """Which enterprises: every filter given must hold (within one filter, any value matches)."""

    categories: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    risk_grades: tuple[str, ...] = ()
    major_hazard: bool | None = None  # has a 重大危险源 (True) / has none (False)
    hazardous_process: bool | None = None  # runs a 重点监管危险化工工艺
    plant_in_plant: bool | None = None  # 厂中厂
    include_suspended: bool = False  # 停产 enterprises too
    enterprise_ids: tuple[int, ...] = field(default=())  # hand-picked: the filters are ignored

    @property
    def hand_picked(self) -> bool:
        return bool(self.enterprise_ids)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.enterprise_ids:
            return {"enterprise_ids": sorted(set(self.enterprise_ids))}
        for name in ("categories", "jurisdictions", "risk_grades"):
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        for name in ("major_hazard", "hazardous_process", "plant_in_plant"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.include_suspended:
            out["include_suspended"] = True
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> TargetSet:
        data = data or {}

        def texts(name: str) -> tuple[str, ...]:
            return tuple(str(v) for v in data.get(name) or ())

        return cls(
            categories=texts("categories"),
            jurisdictions=texts("jurisdictions"),
            risk_grades=texts("risk_grades"),
            major_hazard=_tristate(data.get("major_hazard")),
            hazardous_process=_tristate(data.get("hazardous_process")),
            plant_in_plant=_tristate(data.get("plant_in_plant")),
            include_suspended=bool(data.get("include_suspended", False)),
            enterprise_ids=tuple(int(v) for v in data.get("enterprise_ids") or ()),
        )

    def describe(self) -> str:
        """One Chinese line for lists and printouts: 涉爆粉尘；属地：罗溪镇、春江街道；在产."""
        if self.enterprise_ids:
            return f"指定企业 {len(set(self.enterprise_ids))} 家"
        parts: list[str] = []
        if self.categories:
            parts.append("、".join(self.categories))
        if self.jurisdictions:
            parts.append("属地：" + "、".join(self.jurisdictions))
        if self.risk_grades:
            parts.append("风险等级：" + "、".join(self.risk_grades))
        for flag, yes, no in (
            (self.major_hazard, "有重大危险源", "无重大危险源"),
            (self.hazardous_process, "涉及危险化工工艺", "不涉及危险化工工艺"),
            (self.plant_in_plant, "厂中厂", "非厂中厂"),
        ):
            if flag is not None:
                parts.append(yes if flag else no)
        parts.append("在产、停产" if self.include_suspended else "在产")
        if len(parts) == 1:
            parts.insert(0, "全部企业")
        return "；".join(parts)


def condition(target: TargetSet) -> ColumnElement[bool]:
    """The WHERE clause over ``enterprises`` that selects the set."""
    if target.enterprise_ids:
        return and_(
            Enterprise.id.in_(sorted(set(target.enterprise_ids))),
            Enterprise.status != OperatingStatus.CLOSED.value,
        )
    statuses = [OperatingStatus.PRODUCING.value]
    if target.include_suspended:
        statuses.append(OperatingStatus.SUSPENDED.value)
    clauses: list[ColumnElement[bool]] = [Enterprise.status.in_(statuses)]
    if target.categories:
        clauses.append(
            exists().where(
                EnterpriseCategory.enterprise_id == Enterprise.id,
                EnterpriseCategory.kind.in_(target.categories),
            )
        )
    if target.jurisdictions:
        clauses.append(Enterprise.jurisdiction.in_(target.jurisdictions))
    if target.risk_grades:
        clauses.append(Enterprise.risk_grade.in_(target.risk_grades))
    if target.major_hazard is not None:
        has = Enterprise.major_hazard_grade.is_not(None) & (Enterprise.major_hazard_grade != "")
        clauses.append(has if target.major_hazard else ~has)
    if target.hazardous_process is not None:
        runs = Enterprise.hazardous_processes != ""
        clauses.append(runs if target.hazardous_process else Enterprise.hazardous_processes == "")
    if target.plant_in_plant is not None:
        clauses.append(Enterprise.plant_in_plant.is_(target.plant_in_plant))
    return and_(true(), *clauses)


def member_ids(target: TargetSet) -> Select[tuple[int]]:
    """SELECT enterprises.id of the set (for IN-subqueries and counts; never loaded whole)."""
    return select(Enterprise.id).where(condition(target))


def validate(target: TargetSet, field_name: str = "target") -> list[FieldError]:
    """Unknown categories or grades, or an over-long hand-picked list, named for the user."""
    errors: list[FieldError] = []

    def unknown(values: Iterable[str], allowed: set[str], label: str) -> None:
        bad = [v for v in values if v not in allowed]
        if bad:
            message = say(
                QT_TRANSLATE_NOOP("core", "目标企业的{label}不存在：{values}"),
                label=label,
                values="、".join(bad),
            )
            errors.append(FieldError(field_name, message))

    unknown(target.categories, {c.value for c in CategoryKind}, "监管类别")
    unknown(target.risk_grades, {g.value for g in RiskGrade}, "风险等级")
    if len(set(target.enterprise_ids)) > HAND_PICKED_LIMIT:
        errors.append(
            FieldError(
                field_name,
                say(
                    QT_TRANSLATE_NOOP("core", "指定企业最多{count}家；更多企业请按类别、属地等条件选定"),
                    count=HAND_PICKED_LIMIT,
                ),
            )
        )
    if any(not j.strip() for j in target.jurisdictions):
        errors.append(FieldError(field_name, say(QT_TRANSLATE_NOOP("core", "目标企业的属地不能为空白"))))
    return errors


def count(s: Session, target: TargetSet) -> int:
    """How many enterprises the set holds today (one COUNT, the set is never loaded)."""
    return int(s.scalar(select(func.count(Enterprise.id)).where(condition(target))) or 0)


def names(s: Session, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """id -> (name, status) of the given enterprises, closed ones included (a hand-picked list
    shows what became of each pick)."""
    wanted = sorted(set(ids))[:HAND_PICKED_LIMIT]
    if not wanted:
        return {}
    rows = s.execute(
        select(Enterprise.id, Enterprise.name, Enterprise.status).where(Enterprise.id.in_(wanted))
    )
    return {int(i): (str(n), str(st)) for i, n, st in rows}
