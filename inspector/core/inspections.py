"""Inspection visits (检查记录): a visit and the hazards found on it, recorded in one transaction.

Public API
----------
- ``LABELS``; ``InspectionInput`` (header fields + ``hazards: list[HazardInput]`` +
  ``checklist_results: list[ChecklistResultInput]``, see core.checklists).
- ``RecordedInspection(id, hazards: list[RecordedHazard], warnings: list[str])``.
- ``InspectionFilter``, ``InspectionRow``, ``InspectionDetail``, ``SORTABLE``.
- ``InspectionService(db, clock=date.today)``:
  ``check(data) -> list[str]`` (validate without writing: raises ValidationError, returns warnings),
  ``record(actor, data) -> RecordedInspection``,
  ``count(f)``, ``page(f, offset, limit, sort="inspected_on", descending=True) -> list[InspectionRow]``,
  ``for_enterprise(enterprise_id) -> list[InspectionRow]``, ``get(inspection_id) -> InspectionDetail``.

Rules: at least one inspector; 执法检查 needs two or more, each with a 执法证号 (refused otherwise);
other kinds with fewer than two give a warning the UI shows. Every hazard error names its row
("第2条隐患 隐患描述不能为空"), and nothing is written unless everything is valid.

One room past 600 lines: the visit's input, its checks and the one transaction that writes the
visit with its hazards, checklist results and warnings are read together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor, AuditEntry
from inspector.core.checklists.visits import (
    CheckedResults,
    ChecklistResultInput,
    results_errors,
    write_results,
)
from inspector.core.enums import HazardState, InspectionKind, OperatingStatus
from inspector.core.errors import FieldError, NotFoundError, ValidationError
from inspector.core.hazards import (
    HazardFilter,
    HazardInput,
    HazardRow,
    RecordedHazard,
    filter_clauses,
    hazard_input_errors,
    load_rows,
    register_hazard,
)
from inspector.core.inputs import length_errors, merge, sanitized
from inspector.core.inspectors import InspectorRow
from inspector.core.photos import LoadedPhoto
from inspector.core.plan_rules import (
    MAX_REASON,
    RuleWarning,
    reason_required,
    record_warnings,
    visit_warnings,
)
from inspector.core.schemes.service import link_visit
from inspector.core.text_match import contains
from inspector.core.validation import Collector, choice_error, max_length_error, parse_date, required_error
from inspector.db.engine import Database
from inspector.db.models import Enterprise, Hazard, Inspection, Inspector, inspection_inspectors
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "inspection"
MIN_ENFORCEMENT_INSPECTORS = 2

LABELS: dict[str, str] = {
    "enterprise_id": "被检查单位",
    "inspected_on": "检查日期",
    "kind": "检查类型",
    "inspector_ids": "检查人员",
    "start_time": "检查开始时间",
    "end_time": "检查结束时间",
    "representative": "企业陪同人员",
    "place": "检查场所",
    "notes": "检查情况",
}
EMPTY = QT_TRANSLATE_NOOP("core", "{label}不能为空")
NOT_FOUND = QT_TRANSLATE_NOOP("core", "未找到{label}（编号 {ids}）")
FEW_INSPECTORS_WARNING = QT_TRANSLATE_NOOP("core", "检查人员少于2人：现场检查一般应由2名以上人员进行")


@dataclass
class InspectionInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        **LABELS,
        "hazards": "隐患",
        "checklist": "检查表",
        "checklist_results": "检查表结果",
        "reason": "检查理由",
        "scheme_id": "现场检查方案",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "kind": 20,
        "representative": 50,
        "place": 200,
        "notes": 5000,
        "reason": MAX_REASON,
    }

    enterprise_id: int | None = None
    inspected_on: date | str | None = None
    kind: str = InspectionKind.ROUTINE.value
    inspector_ids: list[int] = field(default_factory=list)
    start_time: time | str | None = None
    end_time: time | str | None = None
    representative: str = ""
    place: str = ""
    notes: str = ""
    checklist: dict[str, Any] | None = None
    hazards: list[HazardInput] = field(default_factory=list)
    # One per answered checklist item (core.checklists): a failed item names its hazard above.
    checklist_results: list[ChecklistResultInput] = field(default_factory=list)
    # Why the visit goes ahead although the plan's rules question it (core.plan_rules).
    reason: str = ""
    # The approved 现场检查方案 the visit carries out (core.schemes): its serial is the visit's.
    scheme_id: int | None = None


@dataclass(frozen=True)
class RecordedInspection:
    id: int
    hazards: list[RecordedHazard]
    warnings: list[str]


_TIME = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?")


def parse_time(value: object, label: str, *, field: str) -> time:
    """09:30, 9:30 or 09:30:00 (full-width colons too)."""
    if isinstance(value, time):
        return value
    text = str(value or "").strip()
    m = _TIME.fullmatch(text)
    if m:
        try:
            return time(int(m[1]), int(m[2]), int(m[3] or 0))
        except ValueError:
            pass
    message = say(
        QT_TRANSLATE_NOOP("core", "{label}“{text}”不是有效时间，应如 09:30"), label=label, text=text
    )
    raise ValidationError([FieldError(field, message)])


@dataclass
class _Checked:
    enterprise: Enterprise
    inspected_on: date
    start: time
    end: time
    inspectors: list[Inspector]
    photos: list[list[LoadedPhoto]]
    warnings: list[str]
    results: CheckedResults


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _validate(s: Session, data: InspectionInput, today: date) -> _Checked:
    """All errors at once; a hazard's errors carry its number (``item``) and say it in the message."""
    L = LABELS
    c = Collector()
    warnings: list[str] = []

    enterprise = s.get(Enterprise, data.enterprise_id) if data.enterprise_id is not None else None
    if data.enterprise_id is None:
        c.check("enterprise_id", say(EMPTY, label=L["enterprise_id"]))
    elif enterprise is None:
        c.check(
            "enterprise_id",
            say(NOT_FOUND, label=L["enterprise_id"], ids=data.enterprise_id),
        )
    elif enterprise.status == OperatingStatus.CLOSED:
        warnings.append(
            say(
                QT_TRANSLATE_NOOP("core", "被检查单位“{name}”经营状态为“{status}”"),
                name=enterprise.name,
                status=OperatingStatus.CLOSED.value,
            )
        )

    inspected_on: date | None = None
    if _empty(data.inspected_on):
        c.check("inspected_on", say(EMPTY, label=L["inspected_on"]))
    else:
        try:
            inspected_on = parse_date(data.inspected_on, L["inspected_on"], field="inspected_on")
        except ValidationError as e:
            c.errors.extend(e.errors)
        else:
            if inspected_on > today:
                c.check(
                    "inspected_on",
                    say(QT_TRANSLATE_NOOP("core", "{label}不能晚于今天"), label=L["inspected_on"]),
                )

    c.check(
        "kind", required_error(data.kind, L["kind"]) or choice_error(data.kind, L["kind"], InspectionKind)
    )

    times: dict[str, time] = {}
    for key in ("start_time", "end_time"):
        value = getattr(data, key)
        if _empty(value):
            c.check(key, say(EMPTY, label=L[key]))
            continue
        try:
            times[key] = parse_time(value, L[key], field=key)
        except ValidationError as e:
            c.errors.extend(e.errors)
    if len(times) == 2 and times["end_time"] <= times["start_time"]:
        c.check(
            "end_time",
            say(QT_TRANSLATE_NOOP("core", "{end}须晚于{start}"), end=L["end_time"], start=L["start_time"]),
        )

    ids = list(dict.fromkeys(data.inspector_ids))
    inspectors = list(s.scalars(select(Inspector).where(Inspector.id.in_(ids)))) if ids else []
    inspectors.sort(key=lambda i: ids.index(i.id))
    unknown = sorted(set(ids) - {i.id for i in inspectors})
    label = L["inspector_ids"]
    if not ids:
        c.check("inspector_ids", say(EMPTY, label=label))
    elif unknown:
        c.check("inspector_ids", say(NOT_FOUND, label=label, ids="、".join(map(str, unknown))))
    inactive = [i.name for i in inspectors if not i.active]
    if inactive:
        c.check(
            "inspector_ids",
            say(QT_TRANSLATE_NOOP("core", "{label}“{names}”已停用"), label=label, names="、".join(inactive)),
        )
    if data.kind == InspectionKind.ENFORCEMENT and ids:
        if len(ids) < MIN_ENFORCEMENT_INSPECTORS:
            c.check(
                "inspector_ids",
                say(
                    QT_TRANSLATE_NOOP("core", "执法检查须由{count}名以上执法人员进行"),
                    count=MIN_ENFORCEMENT_INSPECTORS,
                ),
            )
        no_cert = [i.name for i in inspectors if not i.certificate_no.strip()]
        if no_cert:
            c.check(
                "inspector_ids",
                say(
                    QT_TRANSLATE_NOOP("core", "执法检查人员须持有执法证：{names}未填写执法证号"),
                    names="、".join(no_cert),
                ),
            )
    elif ids and len(ids) < 2:
        warnings.append(say(FEW_INSPECTORS_WARNING))

    c.check("representative", max_length_error(data.representative.strip(), L["representative"], 50))
    c.check("place", max_length_error(data.place.strip(), L["place"], 200))

    photos: list[list[LoadedPhoto]] = []
    found_on = inspected_on or today
    for n, h in enumerate(data.hazards, start=1):
        loaded: list[LoadedPhoto] = []
        prefix = say(HazardInput.ITEM_PREFIX, n=n)  # one spelling, shared with core.inputs
        for fe in hazard_input_errors(h, found_on, loaded):
            message = say(QT_TRANSLATE_NOOP("core", "{prefix}{message}"), prefix=prefix, message=fe.message)
            c.errors.append(FieldError(fe.field, message, n))
        photos.append(loaded)

    result_errors, results = results_errors(s, data.checklist_results, len(data.hazards))
    c.errors.extend(result_errors)

    c.errors = merge(c.errors, length_errors(data, nested=False))
    c.raise_if_any()
    assert enterprise is not None and inspected_on is not None
    return _Checked(
        enterprise,
        inspected_on,
        times["start_time"],
        times["end_time"],
        inspectors,
        photos,
        warnings,
        results,
    )


@dataclass(frozen=True)
class InspectionFilter:
    enterprise_id: int | None = None
    jurisdiction: str | None = None
    kind: str | None = None
    inspector_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # enterprise name


SORTABLE: dict[str, Any] = {
    "inspected_on": Inspection.inspected_on,
    "kind": Inspection.kind,
    "enterprise_name": Enterprise.name,
    "jurisdiction": Enterprise.jurisdiction,
    "id": Inspection.id,
}
_JOIN_SORTS = frozenset({"enterprise_name", "jurisdiction"})


@dataclass(frozen=True)
class InspectionRow:
    id: int
    inspected_on: date
    start_time: time | None
    end_time: time | None
    kind: str
    enterprise_id: int
    enterprise_name: str
    jurisdiction: str
    inspectors: str  # 、-joined names
    hazard_count: int
    open_hazard_count: int


@dataclass(frozen=True)
class InspectionDetail:
    """What the inspection page and the 现场检查记录 need."""

    id: int
    enterprise_id: int
    enterprise_name: str
    enterprise_address: str
    jurisdiction: str
    inspected_on: date
    start_time: time | None
    end_time: time | None
    kind: str
    representative: str
    place: str
    notes: str
    checklist: dict[str, Any] | None
    inspectors: list[InspectorRow]
    hazards: list[HazardRow]
    created_at: datetime
    timeline: list[AuditEntry]
    onsite_measure_hazards: int = 0  # hazards given a 现场处理措施 (for the 决定书)


class InspectionService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def check(self, data: InspectionInput) -> list[str]:
        """Validate without writing (for the form's 保存 button): raises, or returns warnings."""
        with self.db.reading() as s:
            return _validate(s, data, self.clock()).warnings

    def rule_warnings(self, data: InspectionInput) -> list[RuleWarning]:
        """What the plan's rules (cap, repeat check) say about this visit; the form asks for a
        reason when any (``data.reason``), and ``record`` refuses without one."""
        if not isinstance(data.enterprise_id, int) or not data.inspected_on:
            return []
        try:
            day = (
                data.inspected_on
                if isinstance(data.inspected_on, date)
                else parse_date(data.inspected_on, "检查日期", field="inspected_on")
            )
        except ValidationError:
            return []
        with self.db.reading() as s:
            return visit_warnings(s, data.enterprise_id, day, data.kind, list(data.inspector_ids))

    def record(self, actor: Actor, data: InspectionInput) -> RecordedInspection:
        """The visit, its inspectors and all its hazards, with numbers — all or nothing."""
        data = sanitized(data)
        today = self.clock()
        with acting(self.db, actor) as (s, actor):
            v = _validate(s, data, today)
            questioned = visit_warnings(
                s, v.enterprise.id, v.inspected_on, data.kind, [i.id for i in v.inspectors]
            )
            if questioned and not data.reason.strip():
                raise ValidationError([FieldError("reason", reason_required(questioned))])
            insp = Inspection(
                enterprise_id=v.enterprise.id,
                inspected_on=v.inspected_on,
                start_time=v.start,
                end_time=v.end,
                kind=data.kind,
                representative=data.representative.strip(),
                place=data.place.strip(),
                notes=data.notes.strip(),
                checklist=data.checklist,
                inspectors=v.inspectors,
                created_by_id=actor.id,
            )
            s.add(insp)
            s.flush()
            if data.scheme_id is not None:
                link_visit(s, actor, data.scheme_id, insp, today)
            hazards = [
                register_hazard(s, actor, v.enterprise.id, v.inspected_on, h, today, insp.id, photos)
                # a failed item's photos are its hazard's 整改前 photos too
                for h, photos in zip(
                    data.hazards, v.results.hazard_photos(v.photos, data.checklist_results), strict=True
                )
            ]
            results = write_results(s, insp.id, data.checklist_results, v.results, hazards)
            record_warnings(s, insp.id, questioned, data.reason.strip(), actor.id)
            names = "、".join(i.name for i in v.inspectors)
            audit.record(
                s,
                actor,
                ENTITY,
                insp.id,
                "create",
                f"登记检查记录：{v.enterprise.name} {v.inspected_on.isoformat()} {data.kind}（{names}），"
                f"发现隐患{len(hazards)}条",
                None,
                {
                    **audit.snapshot(
                        insp,
                        (
                            "enterprise_id",
                            "inspected_on",
                            "start_time",
                            "end_time",
                            "kind",
                            "representative",
                            "place",
                            "notes",
                        ),
                    ),
                    "inspectors": [i.name for i in v.inspectors],
                    "hazards": [h.number for h in hazards],
                    **({"checklist_results": results} if results else {}),
                    **(
                        {"warnings": [w.record for w in questioned], "reason": data.reason.strip()}
                        if questioned
                        else {}
                    ),
                },
                today=today,
            )
            return RecordedInspection(insp.id, [RecordedHazard(h.id, h.number) for h in hazards], v.warnings)

    # -- queries ------------------------------------------------------------------------------

    def _where(self, stmt: Select[Any], f: InspectionFilter) -> Select[Any]:
        w = []
        if f.enterprise_id is not None:
            w.append(Inspection.enterprise_id == f.enterprise_id)
        if f.jurisdiction:
            w.append(
                Inspection.enterprise_id.in_(
                    select(Enterprise.id).where(Enterprise.jurisdiction == f.jurisdiction)
                )
            )
        if f.kind:
            w.append(Inspection.kind == f.kind)
        if f.inspector_id is not None:
            w.append(
                Inspection.id.in_(
                    select(inspection_inspectors.c.inspection_id).where(
                        inspection_inspectors.c.inspector_id == f.inspector_id
                    )
                )
            )
        if f.date_from is not None:
            w.append(Inspection.inspected_on >= f.date_from)
        if f.date_to is not None:
            w.append(Inspection.inspected_on <= f.date_to)
        if f.text.strip():
            name = contains(Enterprise.name, f.text.strip(), sqlite=self.db.is_sqlite)
            w.append(Inspection.enterprise_id.in_(select(Enterprise.id).where(name)))
        return stmt.where(and_(*w)) if w else stmt

    def count(self, f: InspectionFilter) -> int:
        with self.db.reading() as s:
            return int(s.scalar(self._where(select(func.count()).select_from(Inspection), f)) or 0)

    def page(
        self,
        f: InspectionFilter,
        offset: int,
        limit: int,
        sort: str = "inspected_on",
        descending: bool = True,
    ) -> list[InspectionRow]:
        key = sort if sort in SORTABLE else "inspected_on"
        col = SORTABLE[key]
        order = [col.desc(), Inspection.id.desc()] if descending else [col.asc(), Inspection.id.asc()]
        stmt = self._where(select(Inspection.id), f)
        if key in _JOIN_SORTS:
            stmt = stmt.join(Enterprise, Enterprise.id == Inspection.enterprise_id)
        stmt = stmt.order_by(*order).offset(max(offset, 0)).limit(max(limit, 0))
        with self.db.reading() as s:
            return self._rows(s, list(s.scalars(stmt)))

    def for_enterprise(self, enterprise_id: int) -> list[InspectionRow]:
        """一企一档: every visit to one enterprise, newest first."""
        f = InspectionFilter(enterprise_id=enterprise_id)
        return self.page(f, 0, self.count(f))

    def get(self, inspection_id: int) -> InspectionDetail:
        today = self.clock()
        with self.db.reading() as s:
            insp = s.get(Inspection, inspection_id)
            if insp is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到检查记录（编号 {id}）"), id=inspection_id)
                )
            e = insp.enterprise
            hazard_ids = list(
                s.scalars(
                    select(Hazard.id)
                    .where(*filter_clauses(HazardFilter(inspection_id=insp.id), today, self.db.is_sqlite))
                    .order_by(Hazard.id)
                )
            )
            return InspectionDetail(
                id=insp.id,
                enterprise_id=e.id,
                enterprise_name=e.name,
                enterprise_address=e.address,
                jurisdiction=e.jurisdiction,
                inspected_on=insp.inspected_on,
                start_time=insp.start_time,
                end_time=insp.end_time,
                kind=insp.kind,
                representative=insp.representative,
                place=insp.place,
                notes=insp.notes,
                checklist=insp.checklist,
                inspectors=[
                    InspectorRow(i.id, i.name, i.certificate_no, i.unit, i.role, i.active)
                    for i in self._inspectors_of(s, [insp.id]).get(insp.id, [])
                ],
                hazards=load_rows(s, hazard_ids, today),
                created_at=insp.created_at,
                timeline=audit.history(s, ENTITY, insp.id),
                onsite_measure_hazards=int(
                    s.scalar(
                        select(func.count())
                        .select_from(Hazard)
                        .where(Hazard.inspection_id == insp.id, Hazard.onsite_measures != "")
                    )
                    or 0
                ),
            )

    @staticmethod
    def _inspectors_of(s: Session, ids: Sequence[int]) -> dict[int, list[Inspector]]:
        """Inspectors per inspection, in one query for a whole page."""
        out: dict[int, list[Inspector]] = {}
        rows = s.execute(
            select(inspection_inspectors.c.inspection_id, Inspector)
            .join(Inspector, Inspector.id == inspection_inspectors.c.inspector_id)
            .where(inspection_inspectors.c.inspection_id.in_(list(ids)))
            .order_by(inspection_inspectors.c.inspection_id, Inspector.id)
        )
        for iid, inspector in rows:
            out.setdefault(iid, []).append(inspector)
        return out

    def _rows(self, s: Session, ids: list[int]) -> list[InspectionRow]:
        if not ids:
            return []
        base = {
            r[0]: r
            for r in s.execute(
                select(
                    Inspection.id,
                    Inspection.inspected_on,
                    Inspection.start_time,
                    Inspection.end_time,
                    Inspection.kind,
                    Inspection.enterprise_id,
                    Enterprise.name,
                    Enterprise.jurisdiction,
                )
                .join(Enterprise, Enterprise.id == Inspection.enterprise_id)
                .where(Inspection.id.in_(ids))
            )
        }
        counts: dict[int, tuple[int, int]] = {}
        closed = HazardState.CLOSED.value
        for iid, total, closed_n in s.execute(
            select(Hazard.inspection_id, func.count(), func.count().filter(Hazard.state == closed))
            .where(Hazard.inspection_id.in_(ids))
            .group_by(Hazard.inspection_id)
        ):
            counts[iid] = (int(total), int(total) - int(closed_n))
        names = self._inspectors_of(s, ids)
        rows = []
        for i in ids:
            iid, on, start, end, kind, eid, name, jurisdiction = base[i]
            total, open_n = counts.get(i, (0, 0))
            inspectors = "、".join(x.name for x in names.get(i, []))
            rows.append(
                InspectionRow(iid, on, start, end, kind, eid, name, jurisdiction, inspectors, total, open_n)
            )
        return rows
