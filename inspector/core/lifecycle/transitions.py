"""The transition function: validate one command, apply it, write exactly one audit event.

One handler per action; ``transition`` asks ``refusal`` and the length limits first, so a refused
command changes nothing. The file to read to see what each action does to a hazard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from inspector.core import audit
from inspector.core.audit import Actor
from inspector.core.enums import DocumentKind, HazardLevel, ReviewResult
from inspector.core.errors import DomainError, FieldError, PermissionDenied, ValidationError
from inspector.core.inputs import length_errors
from inspector.core.lifecycle.commands import (
    AddNote,
    AddPhotos,
    Command,
    EditDetails,
    ExtendDeadline,
    RaiseToMajor,
    RectifyOnSpot,
    ReportDone,
    Review,
    SavePlan,
    SetOnsiteMeasures,
    StartRectification,
    UndoStart,
)
from inspector.core.lifecycle.details import (
    DETAIL_LABELS,
    MEASURE_SEPARATOR,
    clean_onsite_measures,
    details_errors,
)
from inspector.core.lifecycle.plan import (
    CleanPlan,
    PlanIncompleteError,
    PlanInput,
    clean_plan,
    missing_plan_elements,
    missing_plan_fields,
)
from inspector.core.lifecycle.rules import MAJOR_CLOSE_REFUSAL, Action, HazardFacts, S, may_close, refusal
from inspector.core.lifecycle.support import hazard_snapshot, issued_number, list_for_supervision
from inspector.core.photos import load_photo, store_photo
from inspector.core.validation import Collector, choice_error, listed, parse_date, required_error
from inspector.db.models import (
    AuditEvent,
    DeadlineExtension,
    Hazard,
    Inspector,
    RectificationPlan,
    ReInspection,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "hazard"


@dataclass
class _Ctx:
    session: Session
    actor: Actor
    hazard: Hazard
    today: date
    extra: dict[str, Any] = field(default_factory=dict)  # added to the event's "after"

    def date_or_today(self, value: date | str | None, field: str, label: str) -> date:
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.today
        return parse_date(value, label, field=field)


def _one(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


def _check_day(
    ctx: _Ctx, d: date, field: str, label: str, not_before: date | None = None, what: str = ""
) -> None:
    h = ctx.hazard
    if d > ctx.today:
        raise _one(field, say(QT_TRANSLATE_NOOP("core", "{label}不能晚于今天"), label=label))
    if d < h.found_on:
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}不能早于发现日期（{found_on}）"),
            label=label,
            found_on=h.found_on.isoformat(),
        )
        raise _one(field, message)
    if not_before is not None and d < not_before:
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}不能早于{other}（{day}）"),
            label=label,
            other=what,
            day=not_before.isoformat(),
        )
        raise _one(field, message)


def _set_plan(h: Hazard, p: CleanPlan) -> None:
    if h.plan is None:
        h.plan = RectificationPlan()
    h.plan.responsible_unit = p.responsible_unit
    h.plan.responsible_person = p.responsible_person
    h.plan.measures = p.measures
    h.plan.funds = p.funds
    h.plan.contingency = p.contingency
    h.deadline = p.deadline


def _save_plan(ctx: _Ctx, cmd: SavePlan) -> str:
    h = ctx.hazard
    p = clean_plan(cmd.plan, h.found_on)
    if h.state == S.RECTIFYING:
        missing = missing_plan_elements(p)
        if missing:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP("core", "整改中的隐患须保持五到位：{missing}不能清空"),
                    missing=listed(missing),
                )
            )
        if p.deadline != h.deadline:
            raise _one(
                "deadline", say(QT_TRANSLATE_NOOP("core", "整改中的隐患变更整改时限须办理延期（说明理由）"))
            )
    if h.deadline is not None and p.deadline != h.deadline:
        order = issued_number(ctx.session, h.id, DocumentKind.RECTIFICATION_ORDER)
        if order is not None:
            raise _one(
                "deadline",
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "整改时限已写入责令限期整改指令书（{number}），变更须办理延期（说明理由）"
                    ),
                    number=order,
                ),
            )
    _set_plan(h, p)
    missing = missing_plan_elements(p)
    return "保存整改方案（五到位齐全）" if not missing else f"保存整改方案，尚缺：{'、'.join(missing)}"


def _start(ctx: _Ctx, cmd: StartRectification) -> str:
    h = ctx.hazard
    p = clean_plan(cmd.plan if cmd.plan is not None else PlanInput.of(h), h.found_on)
    missing = missing_plan_fields(p)
    if missing:
        raise PlanIncompleteError(missing)
    _set_plan(h, p)
    h.state = S.RECTIFYING
    return f"五到位齐全，进入整改中（整改时限 {h.deadline.isoformat() if h.deadline else ''}）"


def _undo_start(ctx: _Ctx, _cmd: UndoStart) -> str:
    """Back to 待整改 when 开始整改 was pressed too soon — only while it is the last thing that
    happened to the hazard: later events (a 延期, photos, a note) were recorded as 整改中."""
    h = ctx.hazard
    last = ctx.session.scalar(
        select(AuditEvent.action)
        .where(AuditEvent.entity_type == ENTITY, AuditEvent.entity_id == h.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    if last != Action.START:
        raise DomainError(say(QT_TRANSLATE_NOOP("core", "开始整改之后该隐患已有其他记录，不能撤销开始整改")))
    h.state = S.REPORTED
    return "撤销开始整改，退回待整改（整改方案保留）"


def _report_done(ctx: _Ctx, cmd: ReportDone) -> str:
    h = ctx.hazard
    label = "整改完成日期"
    on = ctx.date_or_today(cmd.on, "on", label)
    _check_day(ctx, on, "on", label)
    h.reported_done_on = on
    h.state = S.PENDING_REVIEW
    if cmd.note.strip():
        ctx.extra["note"] = cmd.note.strip()
    return f"企业报告整改完成（{on.isoformat()}），待复查"


def _review(ctx: _Ctx, cmd: Review) -> str:
    h, s = ctx.hazard, ctx.session
    c = Collector()
    result_error = required_error(cmd.result, "复查结果") or choice_error(
        cmd.result, "复查结果", ReviewResult
    )
    c.check("result", result_error)
    ids = list(dict.fromkeys(cmd.inspector_ids))
    if not ids:
        c.check("inspector_ids", say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label="复查人员"))
    c.raise_if_any()
    on = ctx.date_or_today(cmd.reviewed_on, "reviewed_on", "复查日期")
    _check_day(ctx, on, "reviewed_on", "复查日期", h.reported_done_on, "整改完成日期")
    inspectors = list(s.scalars(select(Inspector).where(Inspector.id.in_(ids))))
    unknown = sorted(set(ids) - {i.id for i in inspectors})
    if unknown:
        raise _one(
            "inspector_ids",
            say(QT_TRANSLATE_NOOP("core", "未找到检查人员（编号 {id}）"), id=listed(unknown)),
        )
    inspectors.sort(key=lambda i: ids.index(i.id))
    passed = cmd.result == ReviewResult.PASSED
    opinion = cmd.opinion.strip()
    new_deadline: date | None = None
    if passed:
        if not may_close(HazardFacts.of(h), ctx.actor):
            raise PermissionDenied(say(MAJOR_CLOSE_REFUSAL))
    else:
        if not opinion:
            c.check("opinion", say(QT_TRANSLATE_NOOP("core", "复查不合格须填写复查意见")))
        if cmd.new_deadline is None or str(cmd.new_deadline).strip() == "":
            c.check("new_deadline", say(QT_TRANSLATE_NOOP("core", "复查不合格须重新确定整改时限")))
        else:
            try:
                new_deadline = parse_date(cmd.new_deadline, "新整改时限", field="new_deadline")
            except ValidationError as e:
                c.errors.extend(e.errors)
            else:
                if new_deadline <= on:
                    message = say(
                        QT_TRANSLATE_NOOP("core", "新整改时限须晚于复查日期（{day}）"), day=on.isoformat()
                    )
                    c.check("new_deadline", message)
        c.raise_if_any()
    review = ReInspection(reviewed_on=on, result=cmd.result, opinion=opinion, inspectors=inspectors)
    h.reinspections.append(review)
    ctx.extra["review"] = {
        "reviewed_on": on,
        "result": cmd.result,
        "opinion": opinion,
        "inspectors": [i.name for i in inspectors],
    }
    names = "、".join(i.name for i in inspectors)
    if passed:
        h.state = S.CLOSED
        h.closed_on = on
        delisted = h.supervision is not None and h.supervision.delisted_on is None
        if delisted:
            assert h.supervision is not None
            h.supervision.delisted_on = on
        return f"复查合格（{names}），销号" + ("并摘牌" if delisted else "")
    assert new_deadline is not None
    review.previous_deadline = h.deadline
    review.new_deadline = new_deadline
    h.deadline = new_deadline
    h.reported_done_on = None
    h.state = S.RECTIFYING
    return f"复查不合格（{names}），退回整改中，新整改时限 {new_deadline.isoformat()}"


def _on_spot(ctx: _Ctx, cmd: RectifyOnSpot) -> str:
    h = ctx.hazard
    on = ctx.date_or_today(cmd.on, "on", "整改日期")
    _check_day(ctx, on, "on", "整改日期")
    measures = cmd.measures.strip()
    if measures:
        if h.plan is None:
            h.plan = RectificationPlan()
        h.plan.measures = measures
    h.rectified_on_spot = True
    h.reported_done_on = on
    h.closed_on = on
    h.state = S.CLOSED
    return "立查立改，当场整改销号"


def _extend(ctx: _Ctx, cmd: ExtendDeadline) -> str:
    h = ctx.hazard
    c = Collector()
    reason = cmd.reason.strip()
    c.check("reason", None if reason else say(QT_TRANSLATE_NOOP("core", "延期须说明理由")))
    new: date | None = None
    if cmd.new_deadline is None or str(cmd.new_deadline).strip() == "":
        c.check("new_deadline", say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label="新整改时限"))
    else:
        try:
            new = parse_date(cmd.new_deadline, "新整改时限", field="new_deadline")
        except ValidationError as e:
            c.errors.extend(e.errors)
        else:
            old = h.deadline
            if old is not None and new <= old:
                message = say(
                    QT_TRANSLATE_NOOP("core", "新整改时限须晚于原整改时限（{day}）"), day=old.isoformat()
                )
                c.check("new_deadline", message)
    c.raise_if_any()
    assert new is not None and h.deadline is not None
    old = h.deadline
    h.extensions.append(
        DeadlineExtension(old_deadline=old, new_deadline=new, reason=reason, by_id=ctx.actor.id)
    )
    h.deadline = new
    ctx.extra["reason"] = reason
    return f"延期：整改时限 {old.isoformat()} → {new.isoformat()}（理由：{reason}）"


def _raise(ctx: _Ctx, cmd: RaiseToMajor) -> str:
    h = ctx.hazard
    unit = cmd.unit.strip()
    if not unit:
        raise _one("unit", say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label="督办单位"))
    on = ctx.date_or_today(cmd.on, "on", "挂牌日期")
    _check_day(ctx, on, "on", "挂牌日期")
    h.level = HazardLevel.MAJOR
    list_for_supervision(h, on, unit)
    if cmd.reason.strip():
        ctx.extra["reason"] = cmd.reason.strip()
    return f"升级为重大隐患，挂牌督办（督办单位：{unit}）"


def _edit(ctx: _Ctx, cmd: EditDetails) -> str | None:
    h = ctx.hazard
    d = cmd.details.cleaned()
    details_errors(d).raise_if_any()
    changed = [DETAIL_LABELS[k] for k in DETAIL_LABELS if k != "level" and getattr(h, k) != getattr(d, k)]
    if not changed:
        return None
    for k in ("location", "description", "category", "subcategory", "legal_basis", "source"):
        setattr(h, k, getattr(d, k))
    return f"修改隐患信息：{'、'.join(changed)}"


def _onsite(ctx: _Ctx, cmd: SetOnsiteMeasures) -> str | None:
    h = ctx.hazard
    chosen = clean_onsite_measures(cmd.measures)
    if MEASURE_SEPARATOR.join(chosen) == (h.onsite_measures or ""):
        return None
    decision = issued_number(ctx.session, h.id, DocumentKind.ONSITE_DECISION)
    if decision is not None:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "现场处理措施已写入现场处理措施决定书（{number}），不能再修改；如需更正，请追加说明",
                ),
                number=decision,
            )
        )
    h.onsite_measures = MEASURE_SEPARATOR.join(chosen)
    return f"现场处理措施：{h.onsite_measures}" if chosen else "取消现场处理措施"


def _add_note(ctx: _Ctx, cmd: AddNote) -> str:
    h = ctx.hazard
    text = cmd.text.strip()
    if not text:
        raise _one("text", say(QT_TRANSLATE_NOOP("core", "说明内容不能为空")))
    line = f"{ctx.today.isoformat()} {ctx.actor.name}：{text}"
    h.notes = f"{h.notes}\n{line}" if h.notes else line
    return f"追加说明：{text}"


def _add_photos(ctx: _Ctx, cmd: AddPhotos) -> str:
    if not cmd.photos:
        raise _one("photos", say(QT_TRANSLATE_NOOP("core", "请选择要添加的照片")))
    loaded = [load_photo(p) for p in cmd.photos]  # all checked before any is stored
    for p in loaded:
        store_photo(ctx.session, ctx.hazard, p)
    ctx.extra["photos"] = [{"phase": p.phase, "filename": p.filename, "sha256": p.sha256} for p in loaded]
    counts: dict[str, int] = {}
    for p in loaded:
        counts[p.phase] = counts.get(p.phase, 0) + 1
    return "添加照片：" + "、".join(f"{phase}{n}张" for phase, n in counts.items())


_HANDLERS: dict[Action, Callable[[_Ctx, Any], str | None]] = {
    Action.SAVE_PLAN: _save_plan,
    Action.START: _start,
    Action.REPORT_DONE: _report_done,
    Action.REVIEW: _review,
    Action.RECTIFY_ON_SPOT: _on_spot,
    Action.EXTEND: _extend,
    Action.RAISE_TO_MAJOR: _raise,
    Action.EDIT: _edit,
    Action.ONSITE_MEASURES: _onsite,
    Action.ADD_NOTE: _add_note,
    Action.ADD_PHOTOS: _add_photos,
    Action.UNDO_START: _undo_start,
}


def transition(
    session: Session, actor: Actor, hazard: Hazard, command: Command, today: date
) -> AuditEvent | None:
    """Validate and apply one action, writing exactly one audit event.

    Every check happens before the hazard is touched, and callers run this inside one transaction,
    so a refusal (DomainError) changes nothing. Returns None only for an edit that changed nothing.
    """
    action = command.action
    why = refusal(action, HazardFacts.of(hazard), actor)
    if why is not None:
        raise DomainError(why)  # already in the user's language (``refusal``)
    too_long = length_errors(command)
    if too_long:
        raise ValidationError(too_long)
    before = hazard_snapshot(hazard)
    ctx = _Ctx(session, actor, hazard, today)
    summary = _HANDLERS[action](ctx, command)
    if summary is None:
        return None
    # Touch the row so version_id_col moves even when only a child (plan, photo) changed: a stale
    # form is then refused for every kind of change. flag_modified forces the UPDATE even when the
    # timestamp happens to equal the stored one (same second).
    hazard.updated_at = audit.stamp(today)
    flag_modified(hazard, "updated_at")
    session.flush()
    old, new = audit.diff(before, hazard_snapshot(hazard))
    new.update(ctx.extra)
    return audit.record(
        session, actor, ENTITY, hazard.id, action.value, f"{hazard.number} {summary}", old, new, today=today
    )
