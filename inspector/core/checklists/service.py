"""``ChecklistService``: the checklists an enterprise is offered, the office's own lists (created
and edited as new versions), what a visit recorded on them, and hazards pre-filled from an item.

Recording results is part of recording the visit (``InspectionInput.checklist_results``, one
transaction with the visit and its hazards, see ``core.checklists.visits``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from inspector.core import audit
from inspector.core.actors import acting, require_office_role, verify
from inspector.core.audit import Actor
from inspector.core.checklists.history import ItemHistory, enterprise_history
from inspector.core.checklists.loading import shipped_checklists
from inspector.core.checklists.model import (
    ALL_CATEGORIES,
    Checklist,
    ChecklistItem,
    ChecklistSource,
    Verification,
    categories_label,
)
from inspector.core.checklists.photos import ChecklistPhotoMeta, photo_content, photos_of_results
from inspector.core.checklists.storage import (
    ensure_shipped,
    item_value,
    load_versions,
    store_version,
    to_value,
)
from inspector.core.checklists.visits import HazardDraft, draft_hazard
from inspector.core.enums import CategoryKind
from inspector.core.errors import DomainError, FieldError, NotFoundError, PermissionDenied, ValidationError
from inspector.core.inputs import length_errors, merge, sanitized
from inspector.core.numbering import next_value
from inspector.core.validation import Collector
from inspector.db import models as m
from inspector.db.engine import Database
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "checklist"
OFFICE_CODE = "JG-{n}"  # 检查表 of the 机关: JG-1, JG-2 …
CODE_SEQUENCE = "checklist"
EDIT_REFUSAL = QT_TRANSLATE_NOOP("core", "本机关检查表须由科室负责人新建或修改")
STANDARD_REFUSAL = QT_TRANSLATE_NOOP("core", "判定标准检查表随程序发布，不能修改；可新建本机关检查表")
MAX_ITEMS = 500


@dataclass
class OfficeItemInput:
    ITEM_PREFIX: ClassVar[str] = QT_TRANSLATE_NOOP("core", "第{n}项 ")  # said by core.inputs too
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "category": "类别",
        "content": "检查内容",
        "basis": "检查依据",
        "major": "是否重大隐患判定项",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"category": 50, "content": 2000, "basis": 1000}

    category: str = ""
    content: str = ""
    basis: str = ""
    major: bool = False


@dataclass
class OfficeChecklistInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "name": "检查表名称",
        "applies_to": "适用监管类别",
        "items": "检查项",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"name": 200}

    name: str = ""
    applies_to: list[str] = field(default_factory=list)  # CategoryKind values; empty = every category
    items: list[OfficeItemInput] = field(default_factory=list)


@dataclass(frozen=True)
class VersionRow:
    version_id: int
    version: int
    title: str
    items: int
    created_on: date


@dataclass(frozen=True)
class ItemResultRow:
    item: ChecklistItem
    result: str
    note: str
    proposed_major: bool
    hazard_id: int | None
    hazard_number: str | None
    hazard_level: str | None
    photos: tuple[ChecklistPhotoMeta, ...] = ()  # the item's photos (bytes: ``photo_content``)


@dataclass(frozen=True)
class VisitChecklist:
    """One checklist version a visit used and its results, in the checklist's order."""

    checklist: Checklist
    results: list[ItemResultRow]


def office_checklist(data: OfficeChecklistInput) -> Checklist:
    """The office's input as a checklist value (checked by ``_office_errors`` first)."""
    kinds = frozenset(CategoryKind(k) for k in data.applies_to) or ALL_CATEGORIES
    items = tuple(
        ChecklistItem(
            position=n,
            number=f"第{n}项",
            article="",
            item_no=str(n),
            category=i.category.strip(),
            content=i.content.strip(),
            basis=i.basis.strip(),
            major=i.major,
            status=Verification.OFFICE,
            applies_to=kinds,
        )
        for n, i in enumerate(data.items, start=1)
    )
    return Checklist(
        code="",
        source=ChecklistSource.OFFICE,
        title=data.name.strip(),
        number="",
        in_force=None,
        status=Verification.OFFICE,
        applies_to=kinds,
        items=items,
    )


def _office_errors(data: OfficeChecklistInput) -> list[FieldError]:
    labels = OfficeChecklistInput.FIELD_LABELS
    c = Collector()
    if not data.name.strip():
        c.check("name", say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label=labels["name"]))
    known = {k.value for k in CategoryKind}
    bad = [k for k in data.applies_to if k not in known]
    if bad:
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}“{values}”不是有效的监管类别"),
            label=labels["applies_to"],
            values="、".join(bad),
        )
        c.check("applies_to", message)
    if not data.items:
        c.check("items", say(QT_TRANSLATE_NOOP("core", "检查表至少须有一项检查内容")))
    elif len(data.items) > MAX_ITEMS:
        c.check(
            "items",
            say(
                QT_TRANSLATE_NOOP("core", "检查表最多{limit}项，现有{count}项"),
                limit=MAX_ITEMS,
                count=len(data.items),
            ),
        )
    for n, item in enumerate(data.items, start=1):
        if not item.content.strip():
            prefix = say(OfficeItemInput.ITEM_PREFIX, n=n)
            c.errors.append(
                FieldError(
                    "content", say(QT_TRANSLATE_NOOP("core", "{prefix}检查内容不能为空"), prefix=prefix), n
                )
            )
    return merge(c.errors, length_errors(data))


def _may_edit(s: Session, actor: Actor) -> None:
    require_office_role(s, actor, say(EDIT_REFUSAL))


def visit_results(s: Session, inspection_id: int) -> list[VisitChecklist]:
    """What a visit recorded, read in ``s`` (the document service freezes it into the record):
    per checklist version it used, in the order first answered, items in the list's order."""
    rows = list(
        s.scalars(
            select(m.ChecklistResult)
            .where(m.ChecklistResult.inspection_id == inspection_id)
            .order_by(m.ChecklistResult.id)
            .options(selectinload(m.ChecklistResult.item))
        )
    )
    hazard_ids = [r.hazard_id for r in rows if r.hazard_id]
    hazards = (
        {h.id: h for h in s.scalars(select(m.Hazard).where(m.Hazard.id.in_(hazard_ids)))}
        if hazard_ids
        else {}
    )
    versions = load_versions(s, dict.fromkeys(r.item.version_id for r in rows))
    photos = photos_of_results(s, [r.id for r in rows])
    out: dict[int, list[tuple[int, ItemResultRow]]] = {}
    for r in rows:
        h = hazards.get(r.hazard_id) if r.hazard_id is not None else None
        out.setdefault(r.item.version_id, []).append(
            (
                r.item.position,
                ItemResultRow(
                    item_value(r.item),
                    r.result,
                    r.note,
                    r.proposed_major,
                    r.hazard_id,
                    h.number if h else None,
                    h.level if h else None,
                    tuple(photos.get(r.id, ())),
                ),
            )
        )
    return [
        VisitChecklist(versions[vid], [row for _p, row in sorted(found, key=lambda x: x[0])])
        for vid, found in out.items()
    ]


class ChecklistService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    # -- reading -------------------------------------------------------------------------------

    def catalogue(self) -> list[Checklist]:
        """Every checklist in its current version: the shipped standards (the file's order), then
        the office's lists by name."""
        shipped = ensure_shipped(self.db)
        with self.db.reading() as s:
            latest = (
                select(m.ChecklistVersion.checklist_id, func.max(m.ChecklistVersion.version).label("v"))
                .group_by(m.ChecklistVersion.checklist_id)
                .subquery()
            )
            office_ids = list(
                s.scalars(
                    select(m.ChecklistVersion.id)
                    .join(m.Checklist, m.Checklist.id == m.ChecklistVersion.checklist_id)
                    .join(
                        latest,
                        (latest.c.checklist_id == m.ChecklistVersion.checklist_id)
                        & (latest.c.v == m.ChecklistVersion.version),
                    )
                    .where(m.Checklist.source == ChecklistSource.OFFICE.value)
                    .order_by(m.ChecklistVersion.title, m.ChecklistVersion.id)
                )
            )
            values = load_versions(s, [*shipped.values(), *office_ids])
        return [values[v] for v in shipped.values()] + [values[v] for v in office_ids]

    def offered(self, enterprise_id: int) -> list[Checklist]:
        """The checklists for a visit to the enterprise: those with items for its 监管类别, each
        with only those items (an enterprise with none gets the items for every category)."""
        with self.db.reading() as s:
            e = s.get(m.Enterprise, enterprise_id)
            if e is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到企业（编号 {id}）"), id=enterprise_id)
                )
            known = {k.value for k in CategoryKind}
            kinds = frozenset(CategoryKind(c.kind) for c in e.categories if c.kind in known)
        out = []
        for c in self.catalogue():
            items = c.for_categories(kinds)
            if items:
                out.append(replace(c, items=items))
        return out

    def get(self, version_id: int) -> Checklist:
        with self.db.reading() as s:
            found = load_versions(s, [version_id])
        if version_id not in found:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("core", "未找到检查表（版本编号 {id}）"), id=version_id)
            )
        return found[version_id]

    def current(self, code: str) -> Checklist:
        """The current version of the checklist ``code`` (GM-2023, JG-3)."""
        for c in self.catalogue():
            if c.code == code:
                return c
        raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到检查表“{code}”"), code=code))

    def versions(self, code: str) -> list[VersionRow]:
        with self.db.reading() as s:
            rows = s.execute(
                select(m.ChecklistVersion, func.count(m.ChecklistItem.id))
                .join(m.Checklist, m.Checklist.id == m.ChecklistVersion.checklist_id)
                .outerjoin(m.ChecklistItem, m.ChecklistItem.version_id == m.ChecklistVersion.id)
                .where(m.Checklist.code == code)
                .group_by(m.ChecklistVersion.id)
                .order_by(m.ChecklistVersion.version)
            ).all()
            return [VersionRow(v.id, v.version, v.title, int(n), v.created_at.date()) for v, n in rows]

    def can_edit(self, actor: Actor) -> bool:
        """Whether ``actor`` may create or edit the office's lists now (the UI greys its buttons by
        this; ``create``/``edit`` still check the same rule)."""
        with self.db.reading() as s:
            try:
                _may_edit(s, verify(s, actor))
            except PermissionDenied:
                return False
            return True

    def draft_hazard(self, item_id: int) -> HazardDraft:
        """The hazard to register for a failed item: its text and basis, and the 重大 proposal."""
        with self.db.reading() as s:
            row = s.get(m.ChecklistItem, item_id)
            if row is None:
                raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到检查项（编号 {id}）"), id=item_id))
            return draft_hazard(item_value(row))

    def results(self, inspection_id: int) -> list[VisitChecklist]:
        """What a visit recorded, per checklist version it used (the version it used, whatever
        was edited since)."""
        with self.db.reading() as s:
            return visit_results(s, inspection_id)

    def photo_content(self, photo_id: int) -> bytes:
        """The bytes of one checklist item photo (``ItemResultRow.photos``), for thumbnails and
        the viewer."""
        with self.db.reading() as s:
            return photo_content(s, photo_id)

    def history(self, enterprise_id: int) -> list[ItemHistory]:
        """The enterprise's answers per item across its visits (一企一档: failed last time? fixed?)."""
        with self.db.reading() as s:
            if s.get(m.Enterprise, enterprise_id) is None:
                raise NotFoundError(
                    say(QT_TRANSLATE_NOOP("core", "未找到企业（编号 {id}）"), id=enterprise_id)
                )
            return enterprise_history(s, enterprise_id)

    # -- the office's own lists -------------------------------------------------------------------

    def check(self, data: OfficeChecklistInput) -> None:
        """Validate without writing: raises ValidationError naming each field and item number."""
        errors = _office_errors(sanitized(data))
        if errors:
            raise ValidationError(errors)

    def create(self, actor: Actor, data: OfficeChecklistInput) -> Checklist:
        """A new office checklist, version 1."""
        data = sanitized(data)
        errors = _office_errors(data)
        if errors:
            raise ValidationError(errors)
        value = office_checklist(data)
        with acting(self.db, actor) as (s, actor):
            _may_edit(s, actor)
            # Drawn before the insert: versions are append-only (a team server grants no UPDATE).
            code = OFFICE_CODE.format(n=next_value(s, CODE_SEQUENCE, 0))
            row = m.Checklist(code=code, source=ChecklistSource.OFFICE.value)
            s.add(row)
            s.flush()
            v = store_version(s, row, value, actor.id)
            self._audit(s, actor, row, v, "create", f"新建检查表：{v.title}（第1版，{len(v.items)}项）")
            return to_value(v)

    def edit(self, actor: Actor, code: str, data: OfficeChecklistInput) -> Checklist:
        """The next version of an office checklist; unchanged content adds no version. Visits keep
        the version they used."""
        data = sanitized(data)
        errors = _office_errors(data)
        if errors:
            raise ValidationError(errors)
        value = office_checklist(data)
        if code in {c.code for c in shipped_checklists()}:
            raise DomainError(say(STANDARD_REFUSAL))
        with acting(self.db, actor) as (s, actor):
            row = s.scalar(select(m.Checklist).where(m.Checklist.code == code))
            if row is None:
                raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到检查表“{code}”"), code=code))
            if row.source != ChecklistSource.OFFICE.value:
                raise DomainError(say(STANDARD_REFUSAL))
            _may_edit(s, actor)
            latest = row.versions[-1]
            if latest.digest == value.digest:
                return to_value(latest)
            v = store_version(s, row, value, actor.id)
            self._audit(
                s,
                actor,
                row,
                v,
                "new_version",
                f"修改检查表：{v.title}，新版本第{v.version}版（{len(v.items)}项，原第{latest.version}版保留）",
            )
            return to_value(v)

    def _audit(
        self, s: Session, actor: Actor, row: m.Checklist, v: m.ChecklistVersion, action: str, summary: str
    ) -> None:
        audit.record(
            s,
            actor,
            ENTITY,
            row.id,
            action,
            summary,
            None,
            {
                "code": row.code,
                "version": v.version,
                "title": v.title,
                "applies_to": categories_label(to_value(v).applies_to),
                "items": len(v.items),
            },
            today=self.clock(),
        )
