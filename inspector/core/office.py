"""机关设置: the issuing office as data, so any district can sign what the program prints.

Everything a document or a ledger says about who issues it — the authority's name, the 文号简称
(（新北）), the word of each document kind (应急责改), where 复议 and lawsuits go, the address and
phone of the footer, the 整改率 reading, the ledger's 填报单位, the office's own 复查 period — is one
``OfficeSettings`` value stored in the ``settings`` table, so a team on one server shares it.
Changes are audited. Issued documents carry a snapshot of what they printed (core.documents), so a
change here only affects documents issued afterwards.

Public API
----------
- ``OfficeSettings`` (frozen), ``FIELDS`` (attribute → ``OfficeField`` with label and limits),
  ``RATE_FORMULA_LABELS`` / ``rate_formula_text(formula)``, ``demo_office()``.
- ``read_office(session)``, ``require_configured(session)`` (for the services that print).
- ``OfficeService(db)``: ``get()``, ``is_configured()``, ``save(actor, settings)``,
  ``update(actor, **changes)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.enums import DEFAULT_DOCUMENT_WORDS, DocumentKind, InspectorRole, RateFormula
from inspector.core.errors import DomainError, FieldError, PermissionDenied, ValidationError
from inspector.core.inputs import sanitized, strip_controls
from inspector.db.engine import Database
from inspector.db.models import Inspector, Setting
from inspector.i18n import QT_TRANSLATE_NOOP, say

KEY_PREFIX = "office."
ENTITY = "office"
OFFICE_REFUSAL = QT_TRANSLATE_NOOP("core", "机关设置须由科室负责人修改")
NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "core", "尚未填写机关设置（执法机关名称、文号简称、复议机关和法院），请先在“文件 → 机关设置”中填写"
)

RATE_FORMULA_LABELS: dict[RateFormula, str] = {
    RateFormula.FOUND: "本期发现隐患的整改率",
    RateFormula.OPEN: "本期在办隐患的整改率（含往期结转）",
}


def rate_formula_text(formula: RateFormula | str) -> str:
    """The formula printed next to every 整改率 figure."""
    if RateFormula(formula) == RateFormula.FOUND:
        return "整改率 = 本期发现的隐患中已销号的数量 ÷ 本期发现的隐患数量 × 100%"
    return "整改率 = 已销号的隐患数量 ÷ 本期内任一时间未销号的全部隐患数量（含往期结转）× 100%"


@dataclass(frozen=True)
class OfficeSettings:
    """What the printed documents and ledgers say about the issuing office."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {}  # filled from FIELDS below
    TEXT_LIMITS: ClassVar[dict[str, int]] = {}

    authority: str = ""  # 执法机关名称: 常州市新北区应急管理局
    prefix: str = ""  # 文号简称 without brackets: 新北 → （新北）应急责改〔2026〕12号
    region: str = ""  # 辖区名称 for ledger titles: 新北区
    word_plan: str = DEFAULT_DOCUMENT_WORDS[DocumentKind.INSPECTION_PLAN]
    word_record: str = DEFAULT_DOCUMENT_WORDS[DocumentKind.INSPECTION_RECORD]
    word_decision: str = DEFAULT_DOCUMENT_WORDS[DocumentKind.ONSITE_DECISION]
    word_order: str = DEFAULT_DOCUMENT_WORDS[DocumentKind.RECTIFICATION_ORDER]
    word_review: str = DEFAULT_DOCUMENT_WORDS[DocumentKind.REVIEW_OPINION]
    word_receipt: str = DEFAULT_DOCUMENT_WORDS[DocumentKind.DELIVERY_RECEIPT]
    reconsideration_government: str = ""  # 行政复议: 常州市新北区人民政府
    reconsideration_department: str = ""  # optional second body (older practice): 常州市应急管理局
    court: str = ""  # 行政诉讼: 常州市新北区人民法院
    address: str = ""  # footer of the documents
    phone: str = ""
    rate_formula: str = RateFormula.FOUND.value
    ledger_unit: str = ""  # 填报单位 of the ledgers; empty: the authority's name
    review_days: int = 10  # the office re-inspects within this many days of the report or deadline
    # A second check of one enterprise by another team within this many days asks for a reason
    # (涉企行政检查: no repeat checks); 0 switches the question off.
    repeat_days: int = 30
    remind_days: int = 14  # campaign deadlines this close are reminded at start and on the 工作台

    @property
    def configured(self) -> bool:
        """Enough to print a document an office can sign."""
        return all(
            getattr(self, f).strip()
            for f in ("authority", "prefix", "region", "reconsideration_government", "court")
        )

    @property
    def rate(self) -> RateFormula:
        return RateFormula(self.rate_formula)

    @property
    def reporting_unit(self) -> str:
        return self.ledger_unit.strip() or self.authority

    def word(self, kind: DocumentKind) -> str:
        return str(getattr(self, WORD_FIELDS[kind]))

    def reconsideration_bodies(self) -> str:
        """``常州市新北区人民政府`` or ``常州市新北区人民政府或者常州市应急管理局``."""
        bodies = [b for b in (self.reconsideration_government, self.reconsideration_department) if b]
        return "或者".join(bodies)

    def values(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


WORD_FIELDS: dict[DocumentKind, str] = {
    DocumentKind.INSPECTION_PLAN: "word_plan",
    DocumentKind.INSPECTION_RECORD: "word_record",
    DocumentKind.ONSITE_DECISION: "word_decision",
    DocumentKind.RECTIFICATION_ORDER: "word_order",
    DocumentKind.REVIEW_OPINION: "word_review",
    DocumentKind.DELIVERY_RECEIPT: "word_receipt",
}


@dataclass(frozen=True)
class OfficeField:
    label: str
    max_length: int = 60
    required: bool = False
    hint: str = ""  # an example, shown as a placeholder and in `inspector office --help`


FIELDS: dict[str, OfficeField] = {
    "authority": OfficeField("执法机关名称", 60, True, "××市××区应急管理局"),
    "prefix": OfficeField("文号简称", 10, True, "××（文号印为“（××）应急责改〔2026〕12号”）"),
    "region": OfficeField("辖区名称", 30, True, "××区（台账标题用）"),
    "word_plan": OfficeField("现场检查方案代字", 10, True, "应急检查"),
    "word_record": OfficeField("现场检查记录代字", 10, True, "应急检记"),
    "word_decision": OfficeField("现场处理措施决定书代字", 10, True, "应急现决"),
    "word_order": OfficeField("责令限期整改指令书代字", 10, True, "应急责改"),
    "word_review": OfficeField("整改复查意见书代字", 10, True, "应急复查"),
    "word_receipt": OfficeField("文书送达回执代字", 10, True, "应急回"),
    "reconsideration_government": OfficeField("行政复议机关（人民政府）", 60, True, "××市××区人民政府"),
    "reconsideration_department": OfficeField("行政复议机关（其他，可不填）", 60, False, ""),
    "court": OfficeField("行政诉讼法院", 60, True, "××市××区人民法院"),
    "address": OfficeField("机关地址", 100, False, "××市××区××路××号"),
    "phone": OfficeField("联系电话", 30, False, "区号-电话号码"),
    "rate_formula": OfficeField("整改率口径", 10, True),
    "ledger_unit": OfficeField("台账填报单位", 60, False, "（不填则为执法机关名称）"),
    "review_days": OfficeField("复查期限（日）", 3, True, "10"),
    "repeat_days": OfficeField("重复检查提示期（日）", 3, True, "30"),
    "remind_days": OfficeField("专项行动截止提醒（日）", 3, True, "14"),
}

OfficeSettings.FIELD_LABELS.update({name: spec.label for name, spec in FIELDS.items()})
OfficeSettings.TEXT_LIMITS.update({name: spec.max_length for name, spec in FIELDS.items()})

REVIEW_DAYS_RANGE = (1, 60)
# The settings that are whole numbers of days, with their allowed range.
DAY_FIELDS: dict[str, tuple[int, int]] = {
    "review_days": REVIEW_DAYS_RANGE,
    "repeat_days": (0, 365),
    "remind_days": (1, 90),
}
_BRACKETS = "（）()〔〕[]【】"


def demo_office() -> OfficeSettings:
    """The sample office of the demo data and of the tests (常州市新北区)."""
    return OfficeSettings(
        authority="常州市新北区应急管理局",
        prefix="新北",
        region="新北区",
        reconsideration_government="常州市新北区人民政府",
        court="常州市新北区人民法院",
        address="常州市新北区锦绣路2号",
        phone="0519-85127000",
        ledger_unit="常州市新北区应急管理局",
    )


# -- validation ----------------------------------------------------------------------------------


def _cleaned(new: OfficeSettings) -> OfficeSettings:
    values: dict[str, Any] = {}
    for f in dataclasses.fields(new):
        v = getattr(new, f.name)
        if isinstance(v, str):
            v = " ".join(strip_controls(v).split())  # no control characters, line breaks or runs of blanks
        values[f.name] = v
    values["prefix"] = values["prefix"].replace(" ", "")
    return OfficeSettings(**values)


def validate(new: OfficeSettings) -> list[FieldError]:
    errors: list[FieldError] = []
    for name, spec in FIELDS.items():
        value = getattr(new, name)
        label = spec.label
        if name in DAY_FIELDS:
            low, high = DAY_FIELDS[name]
            if isinstance(value, bool) or not isinstance(value, int):
                errors.append(
                    FieldError(name, say(QT_TRANSLATE_NOOP("core", "{label}应为整数"), label=label))
                )
            elif not low <= value <= high:
                errors.append(
                    FieldError(
                        name,
                        say(
                            QT_TRANSLATE_NOOP("core", "{label}应在{low}到{high}日之间"),
                            label=label,
                            low=low,
                            high=high,
                        ),
                    )
                )
            continue
        if not isinstance(value, str):
            errors.append(FieldError(name, say(QT_TRANSLATE_NOOP("core", "{label}应为文字"), label=label)))
            continue
        if spec.required and not value.strip():
            errors.append(FieldError(name, say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label=label)))
        elif len(value) > spec.max_length:
            errors.append(
                FieldError(
                    name,
                    say(
                        QT_TRANSLATE_NOOP("core", "{label}过长：最多{limit}个字符，当前{count}个"),
                        label=label,
                        limit=spec.max_length,
                        count=len(value),
                    ),
                )
            )
        elif any(ord(ch) < 32 for ch in value):
            errors.append(
                FieldError(name, say(QT_TRANSLATE_NOOP("core", "{label}含有控制字符"), label=label))
            )
    if any(ch in new.prefix for ch in _BRACKETS):
        errors.append(
            FieldError(
                "prefix", say(QT_TRANSLATE_NOOP("core", "文号简称不要带括号，只填简称（文号中括号内的字）"))
            )
        )
    for kind, name in WORD_FIELDS.items():
        if any(ch in getattr(new, name) for ch in _BRACKETS + "0123456789号"):
            errors.append(
                FieldError(
                    name,
                    say(
                        QT_TRANSLATE_NOOP("core", "{label}只填代字，如“{word}”"),
                        label=FIELDS[name].label,
                        word=DEFAULT_DOCUMENT_WORDS[kind],
                    ),
                )
            )
    if new.rate_formula not in {f.value for f in RateFormula}:
        options = "、".join(
            say(QT_TRANSLATE_NOOP("core", "{value}（{label}）"), value=f.value, label=RATE_FORMULA_LABELS[f])
            for f in RateFormula
        )
        errors.append(
            FieldError(
                "rate_formula", say(QT_TRANSLATE_NOOP("core", "整改率口径应为：{options}"), options=options)
            )
        )
    return errors


# -- storage ---------------------------------------------------------------------------------------


def _stored(s: Session) -> dict[str, str]:
    rows = s.execute(select(Setting.key, Setting.value).where(Setting.key.startswith(KEY_PREFIX)))
    return {k.removeprefix(KEY_PREFIX): v for k, v in rows}


def read_office(s: Session) -> OfficeSettings:
    stored = _stored(s)
    values: dict[str, Any] = {}
    defaults = OfficeSettings()
    for f in dataclasses.fields(OfficeSettings):
        if f.name not in stored:
            continue
        raw = stored[f.name]
        if f.name in DAY_FIELDS:
            try:
                values[f.name] = int(raw)
            except ValueError:
                values[f.name] = getattr(defaults, f.name)
        elif f.name.startswith("word_") and not raw:
            continue  # an emptied word falls back to the standard one
        else:
            values[f.name] = raw
    return OfficeSettings(**values)


def require_configured(s: Session) -> OfficeSettings:
    """The office, or a refusal that says where to fill it in (nothing is printed unsigned)."""
    office = read_office(s)
    if not office.configured:
        raise DomainError(say(NOT_CONFIGURED))
    return office


def _office_refusal(s: Session, actor: Actor) -> str | None:
    """Why ``actor`` may not change the 机关设置, or None: a 科室负责人, re-read from the registry;
    anyone while no office or no supervisor exists yet."""
    if actor.id is None:
        return None  # the command line, run by whoever owns the database file or server
    person = s.get(Inspector, actor.id)
    if person is None or not person.active:
        return say(QT_TRANSLATE_NOOP("core", "当前检查人员不存在或已停用，不能修改机关设置"))
    if person.role == InspectorRole.SUPERVISOR.value:
        return None
    supervisors = s.scalar(
        select(Inspector.id)
        .where(Inspector.active.is_(True), Inspector.role == InspectorRole.SUPERVISOR.value)
        .limit(1)
    )
    if supervisors is not None and read_office(s).configured:
        return say(OFFICE_REFUSAL)
    return None


def _require_manager(s: Session, actor: Actor) -> None:
    why = _office_refusal(s, actor)
    if why is not None:
        raise PermissionDenied(why)


def _labels(keys: Mapping[str, Any]) -> str:
    return "、".join(FIELDS[k].label for k in keys)


class OfficeService:
    """Reads and changes the 机关设置; each change is one transaction with its audit event."""

    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def get(self) -> OfficeSettings:
        with self.db.reading() as s:
            return read_office(s)

    def is_configured(self) -> bool:
        return self.get().configured

    def can_edit(self, actor: Actor) -> bool:
        """Whether ``actor`` may change the 机关设置 now (the dialog asks; ``save`` still checks)."""
        with self.db.reading() as s:
            return _office_refusal(s, actor) is None

    def save(self, actor: Actor, new: OfficeSettings) -> OfficeSettings:
        cleaned = _cleaned(sanitized(new))
        errors = validate(cleaned)
        if errors:
            raise ValidationError(errors)
        with acting(self.db, actor) as (s, actor):
            _require_manager(s, actor)
            old = read_office(s)
            before, after = audit.diff(old.values(), cleaned.values())
            for key, value in after.items():
                row = s.get(Setting, KEY_PREFIX + key)
                if row is None:
                    s.add(Setting(key=KEY_PREFIX + key, value=str(value)))
                else:
                    row.value = str(value)
            if after:
                verb = "修改" if old.configured else "填写"
                summary = f"{verb}机关设置：{_labels(after)}"
                audit.record(s, actor, ENTITY, 0, "update", summary, before, after, today=self.clock())
        return cleaned

    def update(self, actor: Actor, **changes: Any) -> OfficeSettings:
        """Change some fields (the CLI's ``inspector office set --name …``)."""
        unknown = sorted(set(changes) - set(FIELDS))
        if unknown:
            raise DomainError(
                say(QT_TRANSLATE_NOOP("core", "没有这些机关设置项：{names}"), names="、".join(unknown))
            )
        return self.save(actor, dataclasses.replace(self.get(), **changes))


__all__ = [
    "FIELDS",
    "NOT_CONFIGURED",
    "OFFICE_REFUSAL",
    "RATE_FORMULA_LABELS",
    "WORD_FIELDS",
    "OfficeField",
    "OfficeService",
    "OfficeSettings",
    "demo_office",
    "rate_formula_text",
    "read_office",
    "require_configured",
    "validate",
]
