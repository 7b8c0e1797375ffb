"""The 现场检查方案 lifecycle: drafted by an inspector, 审核 then 审批 by 科室负责人, before the visit.

::

    草稿 ──提交审核──▶ 待审核 ──审核通过──▶ 待审批 ──审批通过──▶ 已批准 ──登记检查──▶ (used)
      ▲                 │ 退回                │ 退回
      └──── 已退回 ◀─────┴────────────────────┘      (edited, then 提交审核 again)

Rules, each checked inside the transaction of the step from the registry (``actors.verify``),
never from the caller's flag; on a team server a trigger (db.team) refuses the same to a
检查员's login even from plain SQL:

- Only a 科室负责人 reviews or approves; a 检查员 (and the command line's system actor, who has no
  name to sign) is refused.
- The approver is not the reviewer, so two people saw the 方案 — unless the reviewer is the only
  active 科室负责人: a one-supervisor office must still be able to enforce, and the printed 方案
  then shows the same name twice, for all to see.
- An opinion is required for every decision (it is printed; a blank opinion is not signable).
- Approval draws the chain serial (core.numbering) and issues the Document 现场检查方案 numbered
  （新北）应急检查〔2026〕12号, frozen like every document; the visit logged from the 方案 shares
  that serial (``link_visit``), so its record is 应急检记〔2026〕12号.
- Every step is one transaction with one audit event; the form's ``version`` catches edits made
  meanwhile by someone else.

One room past 600 lines on purpose: the lifecycle's steps, the numbering on approval and the link
to the visit share the same loading, locking and rules, and read best in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting, verify
from inspector.core.audit import Actor, AuditEntry
from inspector.core.documents import building as B
from inspector.core.documents.content import InspectionSchemeDoc, from_payload, to_payload
from inspector.core.documents.service import IssuedDocument
from inspector.core.enums import DocumentKind, InspectorRole, SchemeState
from inspector.core.errors import (
    ConcurrentEditError,
    DomainError,
    FieldError,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from inspector.core.inputs import require_id, sanitized
from inspector.core.numbering import CHAIN_SEQUENCE, next_document_number, next_value
from inspector.core.office import read_office, require_configured
from inspector.core.schemes.forms import LABELS, SchemeInput, check, propose
from inspector.db.engine import Database
from inspector.db.models import (
    Campaign,
    Document,
    Enterprise,
    Inspection,
    InspectionScheme,
    Inspector,
    PlanItem,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "scheme"
EDITABLE = (SchemeState.DRAFT.value, SchemeState.RETURNED.value)
# Messages, raised as say(SUPERVISOR_ONLY, step=…, name=…) in the language of the moment.
SUPERVISOR_ONLY = QT_TRANSLATE_NOOP(
    "core", "现场检查方案须由科室负责人{step}：当前检查人员“{name}”不是科室负责人"
)
SYSTEM_REFUSAL = QT_TRANSLATE_NOOP("core", "现场检查方案须由科室负责人{step}：请以本人身份登录后办理")
SAME_PERSON = QT_TRANSLATE_NOOP(
    "core",
    "审批人不能与审核人为同一人（{name}已审核本方案），请由另一名科室负责人审批；"
    "只有一名在岗科室负责人时可由其本人审批",
)
STALE = QT_TRANSLATE_NOOP("core", "该现场检查方案已被他人修改或办理，请刷新后重试")
_FIELDS = (
    "enterprise_id",
    "planned_on",
    "contact",
    "inspector1_id",
    "inspector2_id",
    "content",
    "method",
    "remarks",
    "plan_item_id",
    "campaign_id",
    "draw_entry_id",
)


@dataclass
class SchemeDecision:
    """审核 or 审批: pass (通过) or return (退回) with the opinion that is printed."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"opinion": "意见", "passed": "结论"}
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"opinion": 1000}

    passed: bool = True
    opinion: str = ""


@dataclass(frozen=True)
class SchemeFilter:
    state: str | None = None
    enterprise_id: int | None = None
    waiting: bool = False  # 待审核 and 待审批: what waits for a 科室负责人
    usable: bool = False  # 已批准 and no visit logged from it yet


@dataclass(frozen=True)
class SchemeRow:
    id: int
    enterprise_id: int
    enterprise_name: str
    jurisdiction: str
    planned_on: date
    state: str
    officers: str  # 、-joined names
    drafted_by: str
    number: str  # the 文号 once approved, else ""
    inspection_id: int | None
    source: str  # 专项行动：… / 计划事项：… / 双随机抽查
    version: int


@dataclass(frozen=True)
class SchemeDetail:
    id: int
    data: SchemeInput
    state: str
    version: int
    enterprise_name: str
    officers: tuple[str, str]
    drafted_by: str
    review_opinion: str
    reviewer: str
    reviewed_on: date | None
    approval_opinion: str
    approver: str
    approved_on: date | None
    document_id: int | None
    number: str
    inspection_id: int | None
    source: str
    timeline: list[AuditEntry] = field(default_factory=list)


def _name(s: Session, inspector_id: int | None) -> str:
    if inspector_id is None:
        return ""
    person = s.get(Inspector, inspector_id)
    return person.name if person is not None else ""


def _source(s: Session, x: InspectionScheme) -> str:
    if x.draw_entry_id is not None:
        return "双随机抽查"
    if x.campaign_id is not None:
        c = s.get(Campaign, x.campaign_id)
        return f"专项行动：{c.title}" if c else "专项行动"
    if x.plan_item_id is not None:
        p = s.get(PlanItem, x.plan_item_id)
        return f"计划事项：{p.title}" if p else "计划事项"
    return ""


def _document(s: Session, x: InspectionScheme) -> Document | None:
    """The issued 方案: the document of its kind in the chain the approval drew."""
    if x.doc_serial is None:
        return None
    return s.scalar(
        select(Document)
        .where(
            Document.kind == DocumentKind.INSPECTION_PLAN.value,
            Document.year == x.doc_year,
            Document.serial == x.doc_serial,
        )
        .order_by(Document.id)
        .limit(1)
    )


def _snapshot(x: InspectionScheme) -> dict[str, Any]:
    return audit.snapshot(x, (*_FIELDS, "state"))


def _load(s: Session, scheme_id: int, version: int | None = None) -> InspectionScheme:
    require_id(scheme_id, "现场检查方案", field="scheme_id")
    stmt = select(InspectionScheme).where(InspectionScheme.id == scheme_id)
    if s.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=InspectionScheme)
    x = s.scalar(stmt)
    if x is None:
        raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到现场检查方案（编号 {id}）"), id=scheme_id))
    if version is not None and x.version != version:
        raise ConcurrentEditError(say(STALE))
    return x


def _active_supervisors(s: Session, *, besides: int) -> int:
    return int(
        s.scalar(
            select(func.count())
            .select_from(Inspector)
            .where(
                Inspector.active.is_(True),
                Inspector.role == InspectorRole.SUPERVISOR.value,
                Inspector.id != besides,
            )
        )
        or 0
    )


def _require_supervisor(actor: Actor, step: str) -> None:
    """``actor`` is verified already (the registry's role, read in this transaction)."""
    if actor.id is None:
        raise PermissionDenied(say(SYSTEM_REFUSAL, step=step))
    if not actor.is_supervisor:
        raise PermissionDenied(say(SUPERVISOR_ONLY, step=step, name=actor.name))


def _require_state(x: InspectionScheme, wanted: tuple[str, ...], doing: str) -> None:
    if x.state not in wanted:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "该现场检查方案当前为“{state}”，不能{doing}"),
                state=x.state,
                doing=doing,
            )
        )


def _opinion(decision: SchemeDecision, label: str) -> str:
    text = decision.opinion.strip()
    if not text:
        raise ValidationError(
            [FieldError("opinion", say(QT_TRANSLATE_NOOP("core", "请填写{label}"), label=label))]
        )
    if len(text) > 1000:
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}过长：最多{limit}个字符，当前{length}个"),
            label=label,
            limit=1000,
            length=len(text),
        )
        raise ValidationError([FieldError("opinion", message)])
    return text


def scheme_content(s: Session, x: InspectionScheme, number: str, issued_on: date) -> InspectionSchemeDoc:
    """What the 方案 prints (the issued one, or a draft's preview with ``number`` "")."""
    e = x.enterprise
    people = B.certified_officers(
        DocumentKind.INSPECTION_PLAN, [x.inspector1, x.inspector2], say(QT_TRANSLATE_NOOP("core", "本方案"))
    )
    by_id = {x.inspector1.name: 0, x.inspector2.name: 1}
    return InspectionSchemeDoc(
        number=number,
        issued_on=issued_on,
        authority=B.authority(read_office(s)),
        enterprise=B.party(e),
        industry=e.industry,
        contact=x.contact,
        planned_on=x.planned_on,
        officers=tuple(sorted(people, key=lambda o: by_id.get(o.name, 2))),  # 主办 first
        content=x.content,
        method=x.method,
        review_opinion=x.review_opinion,
        reviewer=_name(s, x.reviewed_by_id),
        reviewed_on=x.reviewed_on,
        approval_opinion=x.approval_opinion,
        approver=_name(s, x.approved_by_id),
        approved_on=x.approved_on,
        remarks=x.remarks,
        draft=not number,
        state=x.state,
    )


def link_visit(s: Session, actor: Actor, scheme_id: int, inspection: Inspection, today: date) -> None:
    """A visit logged from an approved 方案 (core.inspections calls this in its transaction).

    The 方案 must be 已批准, not used by another visit, for the same enterprise, approved no later
    than the visit day; the visit then takes the 方案's chain serial, so its documents follow it.
    """
    x = _load(s, scheme_id)
    problem = None
    if x.state != SchemeState.APPROVED.value:
        problem = say(
            QT_TRANSLATE_NOOP("core", "所选现场检查方案为“{state}”，须经审批后才能按方案登记检查"),
            state=x.state,
        )
    elif x.inspection_id is not None and x.inspection_id != inspection.id:
        problem = say(QT_TRANSLATE_NOOP("core", "所选现场检查方案已登记过检查，一份方案只对应一次检查"))
    elif x.enterprise_id != inspection.enterprise_id:
        problem = say(QT_TRANSLATE_NOOP("core", "所选现场检查方案的被检查单位与本次检查不一致"))
    elif x.approved_on is not None and inspection.inspected_on < x.approved_on:
        problem = say(
            QT_TRANSLATE_NOOP("core", "检查日期早于方案审批日期（{day:%Y-%m-%d}）"), day=x.approved_on
        )
    if problem:
        raise ValidationError([FieldError("scheme_id", problem)])
    x.inspection_id = inspection.id
    inspection.doc_year, inspection.doc_serial = x.doc_year, x.doc_serial
    s.flush()
    doc = _document(s, x)
    audit.record(
        s,
        actor,
        ENTITY,
        x.id,
        "visit",
        f"按现场检查方案{doc.number if doc else ''}登记检查（{inspection.inspected_on:%Y-%m-%d}）",
        None,
        {"inspection_id": inspection.id},
        today=today,
    )


class SchemeService:
    """现场检查方案: propose, draft, edit, submit, 审核, 审批 and list; each call one transaction."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    # -- the form -----------------------------------------------------------------------------

    def propose(
        self,
        enterprise_id: int,
        *,
        planned_on: date | None = None,
        plan_item_id: int | None = None,
        campaign_id: int | None = None,
        draw_entry_id: int | None = None,
    ) -> SchemeInput:
        """A prefilled form for a not-yet-visited enterprise (from a campaign, a plan item, a
        draw); nothing is written until ``create``."""
        require_id(enterprise_id, "企业", field="enterprise_id")
        with self.db.reading() as s:
            return propose(
                s,
                enterprise_id,
                planned_on or self.clock(),
                plan_item_id=plan_item_id,
                campaign_id=campaign_id,
                draw_entry_id=draw_entry_id,
            )

    def create(self, actor: Actor, data: SchemeInput) -> int:
        data = sanitized(data)
        today = self.clock()
        with acting(self.db, actor) as (s, actor):
            v = check(s, data, today)
            x = InspectionScheme(
                enterprise_id=v.enterprise.id,
                planned_on=v.planned_on,
                contact=data.contact.strip(),
                inspector1_id=v.inspector1.id,
                inspector2_id=v.inspector2.id,
                content=data.content.strip(),
                method=data.method.strip(),
                remarks=data.remarks.strip(),
                state=SchemeState.DRAFT.value,
                drafted_by_id=actor.id,
                plan_item_id=data.plan_item_id,
                campaign_id=data.campaign_id,
                draw_entry_id=data.draw_entry_id,
            )
            s.add(x)
            s.flush()
            audit.record(
                s,
                actor,
                ENTITY,
                x.id,
                "create",
                f"拟定现场检查方案：{v.enterprise.name}（检查时间 {v.planned_on:%Y-%m-%d}）",
                None,
                _snapshot(x),
                today=today,
            )
            return x.id

    def update(self, actor: Actor, scheme_id: int, data: SchemeInput, version: int | None = None) -> None:
        """Edit a 草稿 or a returned 方案 (its state stays until it is submitted again)."""
        data = sanitized(data)
        today = self.clock()
        with _acting(self.db, actor) as (s, actor):
            x = _load(s, scheme_id, version)
            _require_state(x, EDITABLE, "修改")
            v = check(s, data, today)
            before = _snapshot(x)
            x.enterprise_id, x.planned_on = v.enterprise.id, v.planned_on
            x.inspector1_id, x.inspector2_id = v.inspector1.id, v.inspector2.id
            x.contact, x.content = data.contact.strip(), data.content.strip()
            x.method, x.remarks = data.method.strip(), data.remarks.strip()
            x.plan_item_id, x.campaign_id, x.draw_entry_id = (
                data.plan_item_id,
                data.campaign_id,
                data.draw_entry_id,
            )
            s.flush()
            old, new = audit.diff(before, _snapshot(x))
            if new:
                audit.record(s, actor, ENTITY, x.id, "update", "修改现场检查方案", old, new, today=today)

    def submit(self, actor: Actor, scheme_id: int, version: int | None = None) -> None:
        """提交审核: the form is checked again (people may have left since); an earlier round's
        opinions are cleared — the audit trail keeps them."""
        today = self.clock()
        with _acting(self.db, actor) as (s, actor):
            x = _load(s, scheme_id, version)
            _require_state(x, EDITABLE, "提交审核")
            check(s, self._input(x), today)
            x.state = SchemeState.SUBMITTED.value
            x.review_opinion, x.reviewed_by_id, x.reviewed_on = "", None, None
            x.approval_opinion, x.approved_by_id, x.approved_on = "", None, None
            s.flush()
            audit.record(s, actor, ENTITY, x.id, "submit", "提交现场检查方案审核", today=today)

    def review(
        self, actor: Actor, scheme_id: int, decision: SchemeDecision, version: int | None = None
    ) -> None:
        """审核 by a 科室负责人: 通过 → 待审批, 退回 → 已退回 (with the opinion)."""
        decision = sanitized(decision)
        today = self.clock()
        with _acting(self.db, actor) as (s, actor):
            x = _load(s, scheme_id, version)
            _require_supervisor(actor, "审核")
            _require_state(x, (SchemeState.SUBMITTED.value,), "审核")
            x.review_opinion = _opinion(decision, "审核意见")
            x.reviewed_by_id, x.reviewed_on = actor.id, today
            x.state = SchemeState.REVIEWED.value if decision.passed else SchemeState.RETURNED.value
            s.flush()
            verb = "审核通过" if decision.passed else "审核退回"
            audit.record(
                s,
                actor,
                ENTITY,
                x.id,
                "review",
                f"{verb}现场检查方案：{x.review_opinion}",
                None,
                {"state": x.state, "review_opinion": x.review_opinion},
                today=today,
            )

    def approve(
        self, actor: Actor, scheme_id: int, decision: SchemeDecision, version: int | None = None
    ) -> IssuedDocument | None:
        """审批 by a 科室负责人 other than the reviewer (see the module): 通过 → 已批准 and the
        numbered document (returned), 退回 → 已退回 (None)."""
        decision = sanitized(decision)
        today = self.clock()
        with _acting(self.db, actor) as (s, actor):
            x = _load(s, scheme_id, version)
            _require_supervisor(actor, "审批")
            _require_state(x, (SchemeState.REVIEWED.value,), "审批")
            reviewer_again = decision.passed and actor.id is not None and x.reviewed_by_id == actor.id
            if reviewer_again and _active_supervisors(s, besides=actor.id or 0) > 0:
                raise PermissionDenied(say(SAME_PERSON, name=actor.name))
            opinion = _opinion(decision, "审批意见")
            if decision.passed and x.planned_on < today:
                raise DomainError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "检查时间（{day:%Y-%m-%d}）已过，不能再审批；请退回并修改检查时间后重新提交",
                        ),
                        day=x.planned_on,
                    )
                )
            x.approval_opinion, x.approved_by_id, x.approved_on = opinion, actor.id, today
            if not decision.passed:
                x.state = SchemeState.RETURNED.value
                s.flush()
                audit.record(
                    s, actor, ENTITY, x.id, "approve", f"审批退回现场检查方案：{opinion}", today=today
                )
                return None
            x.state = SchemeState.APPROVED.value
            doc = self._issue(s, actor, x, today)
            audit.record(
                s,
                actor,
                ENTITY,
                x.id,
                "approve",
                f"审批通过现场检查方案，编号 {doc.number}：{opinion}",
                None,
                {"state": x.state, "approval_opinion": opinion, "number": doc.number},
                today=today,
            )
            return IssuedDocument(
                id=doc.id,
                kind=DocumentKind.INSPECTION_PLAN,
                number=doc.number,
                issued_on=doc.issued_on,
                enterprise_id=doc.enterprise_id,
                inspection_id=None,
                refers_to_id=None,
                hazard_ids=(),
                content=from_payload(doc.payload or {}),
            )

    def _issue(self, s: Session, actor: Actor, x: InspectionScheme, today: date) -> Document:
        """The chain serial of the visit's year and the frozen, numbered 现场检查方案."""
        office = require_configured(s)
        year = x.planned_on.year
        serial = next_value(s, CHAIN_SEQUENCE, year)
        x.doc_year, x.doc_serial = year, serial
        seq, sub, number = next_document_number(s, office, DocumentKind.INSPECTION_PLAN, year, serial)
        s.flush()
        content = scheme_content(s, x, number, today)
        doc = Document(
            kind=DocumentKind.INSPECTION_PLAN.value,
            year=year,
            seq=seq,
            serial=serial,
            sub=sub,
            number=number,
            issued_on=today,
            enterprise_id=x.enterprise_id,
            inspection_id=None,
            payload=to_payload(content),
            issued_by_id=actor.id,
        )
        s.add(doc)
        s.flush()
        audit.record(
            s,
            actor,
            "document",
            doc.id,
            "issue",
            f"出具{doc.kind}：{doc.number}",
            None,
            {"kind": doc.kind, "number": doc.number, "issued_on": doc.issued_on, "scheme_id": x.id},
            today=today,
        )
        return doc

    # -- reading ------------------------------------------------------------------------------

    def get(self, scheme_id: int) -> SchemeDetail:
        with self.db.reading() as s:
            x = _load(s, scheme_id)
            doc = _document(s, x)
            return SchemeDetail(
                id=x.id,
                data=self._input(x),
                state=x.state,
                version=x.version,
                enterprise_name=x.enterprise.name,
                officers=(x.inspector1.name, x.inspector2.name),
                drafted_by=_name(s, x.drafted_by_id),
                review_opinion=x.review_opinion,
                reviewer=_name(s, x.reviewed_by_id),
                reviewed_on=x.reviewed_on,
                approval_opinion=x.approval_opinion,
                approver=_name(s, x.approved_by_id),
                approved_on=x.approved_on,
                document_id=doc.id if doc else None,
                number=doc.number if doc else "",
                inspection_id=x.inspection_id,
                source=_source(s, x),
                timeline=audit.history(s, ENTITY, x.id),
            )

    def rows(self, f: SchemeFilter = SchemeFilter()) -> list[SchemeRow]:
        """The 方案 list, the next visits first (检查时间 ascending, then newest drafted)."""
        stmt = select(InspectionScheme).join(Enterprise, Enterprise.id == InspectionScheme.enterprise_id)
        if f.state:
            stmt = stmt.where(InspectionScheme.state == f.state)
        if f.waiting:
            stmt = stmt.where(
                InspectionScheme.state.in_([SchemeState.SUBMITTED.value, SchemeState.REVIEWED.value])
            )
        if f.usable:
            stmt = stmt.where(
                InspectionScheme.state == SchemeState.APPROVED.value, InspectionScheme.inspection_id.is_(None)
            )
        if f.enterprise_id is not None:
            stmt = stmt.where(InspectionScheme.enterprise_id == f.enterprise_id)
        stmt = stmt.order_by(InspectionScheme.planned_on, InspectionScheme.id.desc())
        with self.db.reading() as s:
            out = []
            for x in s.scalars(stmt):
                doc = _document(s, x)
                out.append(
                    SchemeRow(
                        id=x.id,
                        enterprise_id=x.enterprise_id,
                        enterprise_name=x.enterprise.name,
                        jurisdiction=x.enterprise.jurisdiction,
                        planned_on=x.planned_on,
                        state=x.state,
                        officers="、".join((x.inspector1.name, x.inspector2.name)),
                        drafted_by=_name(s, x.drafted_by_id),
                        number=doc.number if doc else "",
                        inspection_id=x.inspection_id,
                        source=_source(s, x),
                        version=x.version,
                    )
                )
            return out

    def preview(self, scheme_id: int) -> InspectionSchemeDoc:
        """What printing shows: the issued 方案 as frozen, or a draft marked as such."""
        with self.db.reading() as s:
            x = _load(s, scheme_id)
            doc = _document(s, x)
            if doc is not None and doc.payload is not None:
                content = from_payload(doc.payload)
                assert isinstance(content, InspectionSchemeDoc)
                return content
            return scheme_content(s, x, "", self.clock())

    def may_decide(self, actor: Actor) -> bool:
        """Whether ``actor`` is, as the registry says now, a 科室负责人 (the UI enables 审核/审批
        by this; every step checks again)."""
        with self.db.reading() as s:
            try:
                return verify(s, actor).is_supervisor
            except PermissionDenied:
                return False

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _input(x: InspectionScheme) -> SchemeInput:
        return SchemeInput(**{k: getattr(x, k) for k in _FIELDS})


@contextmanager
def _acting(db: Database, actor: Actor) -> Iterator[tuple[Session, Actor]]:
    """``acting``, with a version clash (someone saved first) told as ConcurrentEditError."""
    try:
        with acting(db, actor) as pair:
            yield pair
    except StaleDataError:
        raise ConcurrentEditError(say(STALE)) from None


__all__ = [
    "LABELS",
    "SchemeDecision",
    "SchemeDetail",
    "SchemeFilter",
    "SchemeInput",
    "SchemeRow",
    "SchemeService",
    "link_visit",
]
