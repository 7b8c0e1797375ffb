"""The plan's limits on checking one enterprise (涉企行政检查): over the cap, or a repeat check.

Two questions are asked before a visit is logged, both answered from the database inside the
visit's transaction:

- **over the cap**: the year's plan items whose target set holds the enterprise and that set a
  ``cap``; the enterprise may be checked as often as the most generous of them allows (an
  enterprise in a 重点 item with a cap of 4 and a general item with a cap of 1 is a 重点
  enterprise). Items without a cap do not limit. 复查 visits are follow-ups, not checks, and are
  not counted (neither is a 复查 being logged).
- **a repeat check**: another visit of the enterprise within ``OfficeSettings.repeat_days``
  (before or after the day, for a visit logged late) by a team that shares no inspector with this
  one. 0 days switches the question off.

Neither refuses: the office may have a reason (a complaint, an accident, an order from above).
The visit is logged only with a reason, and each warning is stored with it (``VisitWarning``)
and in the audit trail, so the office can show why the rule was crossed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from inspector.core.enums import InspectionKind, VisitWarningKind
from inspector.core.office import read_office
from inspector.core.targets import TargetSet, condition
from inspector.db import models as m
from inspector.i18n import QT_TRANSLATE_NOOP, say

REASON_REQUIRED = QT_TRANSLATE_NOOP("core", "本次检查{what}，须填写检查理由后才能保存")
OTHER_TEAM = QT_TRANSLATE_NOOP("core", "其他检查组")
MAX_REASON = 500


@dataclass(frozen=True)
class RuleWarning:
    """``message`` in the user's language (the form asks with it); ``record`` the same in Chinese,
    as it is kept with the visit (``record_warnings``) and printed in the 一企一档."""

    kind: VisitWarningKind
    message: str
    record: str


def _warning(
    kind: VisitWarningKind, template: str, shown: dict[str, object], kept: dict[str, object] | None = None
) -> RuleWarning:
    """``template`` said with ``shown``, and kept in Chinese with ``kept`` (default: the same values)."""
    return RuleWarning(kind, say(template, **shown), template.format(**(shown if kept is None else kept)))


def _cap_warning(s: Session, enterprise_id: int, day: date, exclude: int | None) -> RuleWarning | None:
    items = s.execute(
        select(m.PlanItem, m.InspectionPlan.title)
        .join(m.InspectionPlan)
        .where(m.InspectionPlan.year == day.year, m.PlanItem.cap.is_not(None))
    ).all()
    allowed: tuple[int, str] | None = None
    for item, plan_title in items:
        holds = s.scalar(
            select(m.Enterprise.id).where(
                and_(m.Enterprise.id == enterprise_id, condition(TargetSet.from_json(item.target)))
            )
        )
        if holds is None or item.cap is None:
            continue
        if allowed is None or item.cap > allowed[0]:
            allowed = (item.cap, f"{plan_title} · {item.title}")
    if allowed is None:
        return None
    done = (
        s.scalar(
            select(func.count(m.Inspection.id)).where(
                m.Inspection.enterprise_id == enterprise_id,
                m.Inspection.inspected_on.between(date(day.year, 1, 1), date(day.year, 12, 31)),
                m.Inspection.kind != InspectionKind.REVIEW.value,
                m.Inspection.id != (exclude or -1),
            )
        )
        or 0
    )
    cap, where = allowed
    if done < cap:
        return None
    return _warning(
        VisitWarningKind.OVER_CAP,
        QT_TRANSLATE_NOOP(
            "core", "该企业{year}年已检查{done}次，检查计划（{where}）规定每年最多{cap}次；本次为第{nth}次"
        ),
        {"year": day.year, "done": done, "where": where, "cap": cap, "nth": done + 1},
    )


def _repeat_warning(
    s: Session, enterprise_id: int, day: date, inspector_ids: list[int], window: int, exclude: int | None
) -> RuleWarning | None:
    if window <= 0:
        return None
    mine = set(inspector_ids)
    visits = s.scalars(
        select(m.Inspection)
        .where(
            m.Inspection.enterprise_id == enterprise_id,
            m.Inspection.inspected_on.between(day - timedelta(days=window), day + timedelta(days=window)),
            m.Inspection.kind != InspectionKind.REVIEW.value,
            m.Inspection.id != (exclude or -1),
        )
        .order_by(m.Inspection.inspected_on.desc(), m.Inspection.id.desc())
    ).all()
    for visit in visits:
        team = {i.id for i in visit.inspectors}
        if team & mine:
            continue
        names = "、".join(i.name for i in visit.inspectors)
        values: dict[str, object] = {
            "day": visit.inspected_on.isoformat(),
            "kind": visit.kind,
            "days": window,
        }
        return _warning(
            VisitWarningKind.REPEAT,
            QT_TRANSLATE_NOOP(
                "core", "该企业已于{day}由{names}检查（{kind}），本机关规定{days}日内不重复检查"
            ),
            {**values, "names": names or say(OTHER_TEAM)},
            {**values, "names": names or OTHER_TEAM},
        )
    return None


def visit_warnings(
    s: Session,
    enterprise_id: int,
    day: date,
    kind: str,
    inspector_ids: list[int],
    exclude_inspection: int | None = None,
) -> list[RuleWarning]:
    """What the plan's rules say about logging this visit; empty when nothing is crossed."""
    if kind == InspectionKind.REVIEW.value:
        return []
    found = [
        _cap_warning(s, enterprise_id, day, exclude_inspection),
        _repeat_warning(s, enterprise_id, day, inspector_ids, read_office(s).repeat_days, exclude_inspection),
    ]
    return [w for w in found if w is not None]


def reason_required(warnings: list[RuleWarning]) -> str:
    return say(REASON_REQUIRED, what="、".join(w.kind.value for w in warnings))


def record_warnings(
    s: Session, inspection_id: int, warnings: list[RuleWarning], reason: str, actor_id: int | None
) -> None:
    for w in warnings:
        s.add(
            m.VisitWarning(
                inspection_id=inspection_id,
                kind=w.kind.value,
                message=w.record,
                reason=reason,
                recorded_by_id=actor_id,
            )
        )


def warnings_of(s: Session, inspection_id: int) -> list[tuple[str, str, str]]:
    """(kind, message, reason) recorded with a visit, for its detail and the 一企一档."""
    rows = s.execute(
        select(m.VisitWarning.kind, m.VisitWarning.message, m.VisitWarning.reason)
        .where(m.VisitWarning.inspection_id == inspection_id)
        .order_by(m.VisitWarning.id)
    )
    return [(k, msg, r) for k, msg, r in rows]
