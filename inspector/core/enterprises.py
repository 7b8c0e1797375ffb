"""The enterprise registry (企业台账): validation, changes and list queries.

The field labels here are the single source for form labels, error messages and the roster
import's column headers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, Select, String, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.enums import (
    DUST_KINDS,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    MajorHazardGrade,
    OperatingStatus,
    RiskGrade,
)
from inspector.core.errors import ConcurrentEditError, DuplicateError, NotFoundError
from inspector.core.inputs import length_errors, merge, require_id, sanitized
from inspector.core.pinyin import pinyin_keys, pinyin_query, prefix_end
from inspector.core.text_match import escape_like
from inspector.core.validation import (
    Collector,
    choice_error,
    credit_code_error,
    max_length_error,
    normalize_credit_code,
    phone_error,
    required_error,
)
from inspector.db.engine import Database
from inspector.db.models import Enterprise, EnterpriseCategory
from inspector.i18n import QT_TRANSLATE_NOOP, say

EDITED_ELSEWHERE = QT_TRANSLATE_NOOP("core", "该企业信息已被他人修改，请关闭后重新打开再编辑")
LABELS: dict[str, str] = {
    "name": "企业名称",
    "credit_code": "统一社会信用代码",
    "jurisdiction": "属地",
    "address": "地址",
    "industry": "行业",
    "categories": "监管类别",
    "legal_representative": "法定代表人",
    "head_title": "职务",
    "principal": "主要负责人",
    "safety_director": "安全总监",
    "phone": "联系电话",
    "status": "经营状态",
    "risk_grade": "风险等级",
    "dust_kind": "粉尘种类",
    "dust_workers": "涉粉作业人数",
    "major_hazard_grade": "重大危险源等级",
    "hazardous_processes": "危险化工工艺",
    "plant_in_plant": "厂中厂",
    "notes": "备注",
}

SNAPSHOT_FIELDS = (
    "name",
    "credit_code",
    "jurisdiction",
    "address",
    "industry",
    "legal_representative",
    "head_title",
    "principal",
    "safety_director",
    "phone",
    "status",
    "risk_grade",
    "dust_kind",
    "dust_workers",
    "major_hazard_grade",
    "hazardous_processes",
    "plant_in_plant",
    "notes",
)


@dataclass
class EnterpriseInput:
    """What a form or an import row supplies. Strings are stripped by ``cleaned()``."""

    FIELD_LABELS: ClassVar[dict[str, str]] = LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "name": 200,
        "credit_code": 30,
        "jurisdiction": 50,
        "address": 300,
        "industry": 100,
        "legal_representative": 50,
        "head_title": 50,
        "principal": 50,
        "safety_director": 50,
        "phone": 50,
        "status": 10,
        "risk_grade": 4,
        "dust_kind": 50,
        "major_hazard_grade": 4,
        "notes": 2000,
    }

    name: str = ""
    credit_code: str = ""
    jurisdiction: str = ""
    address: str = ""
    industry: str = ""
    categories: list[str] = field(default_factory=list)
    legal_representative: str = ""
    head_title: str = ""  # 职务 of the 法定代表人（负责人）, printed on the 现场检查记录
    principal: str = ""
    safety_director: str = ""
    phone: str = ""
    status: str = OperatingStatus.PRODUCING.value
    risk_grade: str | None = None
    dust_kind: str | None = None
    dust_workers: int | None = None
    major_hazard_grade: str | None = None
    hazardous_processes: list[str] = field(default_factory=list)
    plant_in_plant: bool = False
    notes: str = ""

    def cleaned(self) -> EnterpriseInput:
        values: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, str):
                v = v.strip()
            values[f.name] = v
        values["credit_code"] = normalize_credit_code(values["credit_code"])
        for opt in ("risk_grade", "dust_kind", "major_hazard_grade"):
            values[opt] = values[opt] or None
        values["categories"] = list(dict.fromkeys(c.strip() for c in self.categories if c.strip()))
        values["hazardous_processes"] = list(
            dict.fromkeys(p.strip() for p in self.hazardous_processes if p.strip())
        )
        return replace(self, **values)

    @classmethod
    def from_model(cls, e: Enterprise) -> EnterpriseInput:
        return cls(
            name=e.name,
            credit_code=e.credit_code,
            jurisdiction=e.jurisdiction,
            address=e.address,
            industry=e.industry,
            categories=[c.kind for c in e.categories],
            legal_representative=e.legal_representative,
            head_title=e.head_title,
            principal=e.principal,
            safety_director=e.safety_director,
            phone=e.phone,
            status=e.status,
            risk_grade=e.risk_grade,
            dust_kind=e.dust_kind,
            dust_workers=e.dust_workers,
            major_hazard_grade=e.major_hazard_grade,
            hazardous_processes=[p for p in e.hazardous_processes.split("、") if p],
            plant_in_plant=e.plant_in_plant,
            notes=e.notes,
        )


LENGTH_CHECKED = (
    "jurisdiction",
    "address",
    "industry",
    "legal_representative",
    "head_title",
    "principal",
    "safety_director",
)


def column_length(name: str) -> int:
    """The size of a text column of ``enterprises``: the limit PostgreSQL enforces on it."""
    column_type = Enterprise.__table__.c[name].type
    if not isinstance(column_type, String) or column_type.length is None:
        raise TypeError(f"enterprises.{name} is not a sized text column")
    return column_type.length


def validate(data: EnterpriseInput) -> Collector:
    """All field errors of one enterprise; the form shows them inline, services refuse on any."""
    d = data.cleaned()
    c = Collector()
    L = LABELS
    c.check("name", required_error(d.name, L["name"]) or max_length_error(d.name, L["name"], 200))
    c.check("credit_code", credit_code_error(d.credit_code))
    c.check("jurisdiction", required_error(d.jurisdiction, L["jurisdiction"]))
    for name in LENGTH_CHECKED:  # the column sizes are the limits: PostgreSQL would refuse longer text
        c.check(name, max_length_error(getattr(d, name), L[name], column_length(name)))
    c.check("phone", phone_error(d.phone))
    c.check(
        "status",
        required_error(d.status, L["status"]) or choice_error(d.status, L["status"], OperatingStatus),
    )
    c.check("risk_grade", choice_error(d.risk_grade, L["risk_grade"], RiskGrade))
    c.check(
        "major_hazard_grade", choice_error(d.major_hazard_grade, L["major_hazard_grade"], MajorHazardGrade)
    )
    for kind in d.categories:
        c.check("categories", choice_error(kind, L["categories"], CategoryKind))
    for proc in d.hazardous_processes:
        c.check("hazardous_processes", choice_error(proc, L["hazardous_processes"], HAZARDOUS_PROCESSES))
    if d.dust_kind is not None:
        c.check("dust_kind", choice_error(d.dust_kind, L["dust_kind"], DUST_KINDS))
    if d.dust_workers is not None and d.dust_workers < 0:
        c.check("dust_workers", say(QT_TRANSLATE_NOOP("core", "{label}不能为负数"), label=L["dust_workers"]))
    if CategoryKind.DUST.value in d.categories and d.dust_workers is None:
        c.check(
            "dust_workers",
            say(
                QT_TRANSLATE_NOOP("core", "{category}企业须填写{label}"),
                category=CategoryKind.DUST.value,
                label=L["dust_workers"],
            ),
        )
    c.errors = merge(c.errors, length_errors(d))
    return c


def apply_input(e: Enterprise, d: EnterpriseInput) -> None:
    """Copy validated input onto the row: the one mapping the form and the roster import share."""
    for name in SNAPSHOT_FIELDS:
        value = getattr(d, name)
        if name == "hazardous_processes":
            value = "、".join(value)
        setattr(e, name, value)
    e.name_initials, e.name_pinyin, e.jurisdiction_pinyin = pinyin_columns(d.name, d.jurisdiction)
    wanted = list(d.categories)
    e.categories = [c for c in e.categories if c.kind in wanted]
    have = {c.kind for c in e.categories}
    e.categories.extend(EnterpriseCategory(kind=k) for k in wanted if k not in have)


def pinyin_columns(name: str, jurisdiction: str) -> tuple[str, str, str]:
    """(name_initials, name_pinyin, jurisdiction_pinyin): the stored keys the list sorts and the
    pinyin search matches by; written wherever a name is (here, and the demo generator)."""
    initials, full = pinyin_keys(name)
    return initials, full, _place_pinyin(jurisdiction)


@lru_cache(maxsize=512)
def _place_pinyin(jurisdiction: str) -> str:
    return pinyin_keys(jurisdiction)[1]  # a district has a few dozen 属地, repeated on every row


def snapshot(e: Enterprise) -> dict[str, Any]:
    """The audited fields, categories included, as the audit trail's before/after records them."""
    snap = audit.snapshot(e, SNAPSHOT_FIELDS)
    snap["categories"] = sorted(c.kind for c in e.categories)
    return snap


@dataclass(frozen=True)
class EnterpriseFilter:
    text: str = ""  # name, credit code or address
    jurisdiction: str | None = None
    category: str | None = None
    status: str | None = None


SORTABLE = {
    "name": Enterprise.name_pinyin,
    "credit_code": Enterprise.credit_code,
    "jurisdiction": Enterprise.jurisdiction_pinyin,
    "status": Enterprise.status,
    "risk_grade": Enterprise.risk_grade,
    "industry": Enterprise.industry,
    "principal": Enterprise.principal,
    "phone": Enterprise.phone,
    "id": Enterprise.id,
}


@dataclass(frozen=True)
class EnterpriseRow:
    """One line of the registry list."""

    id: int
    name: str
    credit_code: str
    jurisdiction: str
    address: str
    industry: str
    categories: str  # 、-joined
    principal: str
    phone: str
    status: str
    risk_grade: str | None


# Ties of a pinyin key (同音: 华 and 化 are both hua) go by the text, then the id; the indexes of
# migration 0012 hold the same columns, so a sorted page walks an index instead of sorting.
SORT_TIES = {
    "name": (Enterprise.name,),
    "jurisdiction": (Enterprise.jurisdiction, Enterprise.name_pinyin, Enterprise.name),
}


def _order(sort: str, descending: bool) -> list[ColumnElement[Any]]:
    key = sort if sort in SORTABLE else "name"
    cols = [SORTABLE[key], *SORT_TIES.get(key, ()), Enterprise.id]
    return [c.desc() if descending else c.asc() for c in cols]


def _starts_with(col: Any, prefix: str) -> ColumnElement[bool]:
    """A prefix test an index can serve on both back-ends: a range of the (ASCII, bytewise or
    ``C``-collated) key rather than LIKE, which SQLite's case-insensitive LIKE cannot index."""
    return and_(col >= prefix, col < prefix_end(prefix))


def matches_pinyin(letters: str) -> ColumnElement[bool]:
    """Names whose initials or full pinyin start with ``letters`` (czhk, changz → 常州华科)."""
    return or_(_starts_with(Enterprise.name_initials, letters), _starts_with(Enterprise.name_pinyin, letters))


def cannot_match(text: str, missed: str) -> bool:
    """True when a search for ``missed`` found nothing and so ``text`` cannot find anything either
    (a picker then skips the query): Chinese text matches anywhere in a name, so any text that
    contains the miss; pinyin matches from the start, so only a text that begins with it."""
    letters, missed_letters = pinyin_query(text), pinyin_query(missed)
    if letters is not None or missed_letters is not None:
        return letters is not None and missed_letters is not None and letters.startswith(missed_letters)
    return missed in text


def _filtered(stmt: Select[Any], f: EnterpriseFilter) -> Select[Any]:
    text = f.text.strip()
    letters = pinyin_query(text)
    if letters is not None:  # letters only: pinyin initials or full pinyin, from the index
        stmt = stmt.where(matches_pinyin(letters))
    elif text:
        pattern = f"%{escape_like(text)}%"
        code = normalize_credit_code(text)
        stmt = stmt.where(
            or_(
                Enterprise.name.like(pattern, escape="\\"),
                Enterprise.address.like(pattern, escape="\\"),
                Enterprise.credit_code.like(f"%{escape_like(code)}%", escape="\\"),
            )
        )
    if f.jurisdiction:
        stmt = stmt.where(Enterprise.jurisdiction == f.jurisdiction)
    if f.status:
        stmt = stmt.where(Enterprise.status == f.status)
    if f.category:
        stmt = stmt.where(
            Enterprise.id.in_(
                select(EnterpriseCategory.enterprise_id).where(EnterpriseCategory.kind == f.category)
            )
        )
    return stmt


class EnterpriseService:
    """The only way to change enterprises; each call is one transaction with its audit event."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def create(self, actor: Actor, data: EnterpriseInput) -> int:
        d = sanitized(data).cleaned()
        validate(d).raise_if_any()
        with acting(self.db, actor) as (s, actor):
            self._refuse_duplicate_code(s, d.credit_code, None)
            e = Enterprise()
            apply_input(e, d)
            s.add(e)
            s.flush()
            summary = f"登记企业：{e.name}"
            audit.record(
                s, actor, "enterprise", e.id, "create", summary, None, snapshot(e), today=self.clock()
            )
            return e.id

    def update(
        self, actor: Actor, enterprise_id: int, data: EnterpriseInput, version: int | None = None
    ) -> None:
        """Save an edit. ``version`` is what the form loaded; a newer one means someone else saved."""
        require_id(enterprise_id, "企业", field="enterprise_id")
        d = sanitized(data).cleaned()
        validate(d).raise_if_any()
        try:
            with acting(self.db, actor) as (s, actor):
                e = self._get(s, enterprise_id)
                if version is not None and e.version != version:
                    raise ConcurrentEditError(say(EDITED_ELSEWHERE))
                self._refuse_duplicate_code(s, d.credit_code, enterprise_id)
                before = snapshot(e)
                apply_input(e, d)
                after = snapshot(e)
                old, new = audit.diff(before, after)
                if not new:
                    return
                s.flush()
                summary = f"修改企业信息：{e.name}"
                audit.record(s, actor, "enterprise", e.id, "update", summary, old, new, today=self.clock())
        except StaleDataError:
            raise ConcurrentEditError(say(EDITED_ELSEWHERE)) from None

    def get(self, enterprise_id: int) -> tuple[EnterpriseInput, int]:
        """The editable data and its version (for optimistic locking)."""
        with self.db.reading() as s:
            e = self._get(s, enterprise_id)
            return EnterpriseInput.from_model(e), e.version

    def find_by_code(self, session: Session, credit_code: str) -> Enterprise | None:
        return session.scalar(
            select(Enterprise).where(Enterprise.credit_code == normalize_credit_code(credit_code))
        )

    def count(self, f: EnterpriseFilter) -> int:
        with self.db.reading() as s:
            return s.scalar(_filtered(select(func.count(Enterprise.id)), f)) or 0

    def page(
        self, f: EnterpriseFilter, offset: int, limit: int, sort: str = "name", descending: bool = False
    ) -> list[EnterpriseRow]:
        """One window of the filtered list, ordered; the UI loads only what is on screen."""
        stmt = _filtered(select(Enterprise), f).order_by(*_order(sort, descending))
        stmt = stmt.offset(offset).limit(limit)
        with self.db.reading() as s:
            items = s.scalars(stmt.options(selectinload(Enterprise.categories))).all()
            return [
                EnterpriseRow(
                    e.id,
                    e.name,
                    e.credit_code,
                    e.jurisdiction,
                    e.address,
                    e.industry,
                    "、".join(c.kind for c in e.categories),
                    e.principal,
                    e.phone,
                    e.status,
                    e.risk_grade,
                )
                for e in items
            ]

    def jurisdictions(self) -> list[str]:
        """属地 values in use, for filter drop-downs, in pinyin order."""
        stmt = (
            select(Enterprise.jurisdiction)
            .group_by(Enterprise.jurisdiction_pinyin, Enterprise.jurisdiction)
            .order_by(Enterprise.jurisdiction_pinyin, Enterprise.jurisdiction)
        )
        with self.db.reading() as s:
            return list(s.scalars(stmt))

    def search_names(self, text: str, limit: int = 30) -> list[tuple[int, str, str]]:
        """(id, name, credit code) for pickers with search, in pinyin order. Text of letters only
        matches pinyin initials or full pinyin from the start (czhk, changz → 常州华科)."""
        stmt = _filtered(
            select(Enterprise.id, Enterprise.name, Enterprise.credit_code), EnterpriseFilter(text=text)
        )
        with self.db.reading() as s:
            rows = s.execute(stmt.order_by(*_order("name", False)).limit(limit))
            return [(eid, name, code) for eid, name, code in rows]

    @staticmethod
    def _get(s: Session, enterprise_id: int) -> Enterprise:
        e = s.get(Enterprise, enterprise_id)
        if e is None:
            raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到企业（编号 {id}）"), id=enterprise_id))
        return e

    @staticmethod
    def _refuse_duplicate_code(s: Session, code: str, own_id: int | None) -> None:
        other = s.scalar(select(Enterprise).where(Enterprise.credit_code == code))
        if other is not None and other.id != own_id:
            raise DuplicateError(
                say(
                    QT_TRANSLATE_NOOP("core", "统一社会信用代码 {code} 已登记为“{name}”"),
                    code=code,
                    name=other.name,
                )
            )
