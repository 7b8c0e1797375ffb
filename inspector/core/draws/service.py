"""双随机 draws as a service: draw and store, read back, verify, and the 一公开 outcome list.

Who may draw: any registered, active inspector, and the system (the command line). A draw
assigns work but changes no record of anyone; the audit trail names who drew, and ``actors.verify``
re-reads the actor inside the transaction (an inactive or unknown actor is refused). A stored draw
is never changed or deleted (on a team server staff may only INSERT into draws / draw_entries).

The pool is a plan item's target set (a 双随机 item; its share is the default count), a target
set given directly (the CLI's filters, the dialog's category / 属地), or every enterprise in
production (``TargetSet()``). What was excluded for each drawn enterprise (active 回避, and the
last inspection's inspectors when asked) is stored in the draw's options, so ``verify`` redoes
the draw from the stored facts alone, whatever happened in the registry since.

一公开: an entry's outcome comes from the enterprise's first inspection on or after the draw day
(its hazards: none → 未发现问题; all 已销号 → 发现问题已整改完毕; else 发现问题已责令整改); no such
inspection yet → 尚未检查.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core import audit
from inspector.core.actors import acting
from inspector.core.audit import Actor
from inspector.core.conflicts import active_pairs
from inspector.core.draws import algorithm
from inspector.core.enums import HazardState, PlanMode, PublicOutcome
from inspector.core.errors import DomainError, FieldError, NotFoundError, ValidationError
from inspector.core.targets import TargetSet, member_ids, validate
from inspector.db.engine import Database
from inspector.db.models import (
    Draw,
    DrawEntry,
    Enterprise,
    Hazard,
    Inspection,
    InspectionPlan,
    Inspector,
    PlanItem,
    inspection_inspectors,
)
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "draw"
SEED_LIMIT = 40
CHUNK = 500


@dataclass
class DrawRequest:
    """What the office asks for; exactly one of ``count`` / ``percent`` (or the plan item's)."""

    seed: str = ""
    count: int | None = None
    percent: Decimal | str | None = None
    plan_item_id: int | None = None
    target: TargetSet | None = None  # ignored when a plan item is given
    exclude_last: bool = False  # 排除上次检查该企业的人员
    title: str = ""


@dataclass(frozen=True)
class DrawnEntry:
    position: int
    enterprise_id: int
    enterprise_name: str
    credit_code: str
    jurisdiction: str
    inspector1: str
    inspector1_certificate: str
    inspector2: str
    inspector2_certificate: str
    entry_id: int = 0  # the stored draw_entries row: a 方案 drafted for this enterprise names it

    @property
    def inspectors(self) -> str:
        return f"{self.inspector1}、{self.inspector2}"


@dataclass(frozen=True)
class DrawResult:
    id: int
    title: str
    scope: str  # what the pool was, in one Chinese line
    plan_item_id: int | None
    seed: str
    count: int
    percent: Decimal | None
    pool_size: int
    inspector_pool_size: int
    exclude_last: bool
    digest: str
    drawn_by: str
    drawn_at: datetime
    entries: list[DrawnEntry] = field(default_factory=list)

    @property
    def asked(self) -> str:
        """抽取 30% → 300 家 / 抽取 20 家."""
        if self.percent is not None:
            return f"按{self.percent.normalize():f}%抽取（向上取整）{self.count}家"
        return f"抽取{self.count}家"


@dataclass(frozen=True)
class DrawRow:
    id: int
    title: str
    drawn_at: datetime
    seed: str
    count: int
    pool_size: int
    drawn_by: str


@dataclass(frozen=True)
class Verification:
    draw_id: int
    digest_ok: bool
    entries_ok: bool

    @property
    def ok(self) -> bool:
        return self.digest_ok and self.entries_ok

    @property
    def message(self) -> str:
        if self.ok:
            return say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "校验通过：按保存的抽取范围、检查人员名单和随机数种子重新计算，结果与原抽取结果一致",
                )
            )
        if not self.digest_ok:
            return say(
                QT_TRANSLATE_NOOP("core", "校验未通过：保存的抽取资料与摘要不符，抽取记录可能已被改动")
            )
        return say(QT_TRANSLATE_NOOP("core", "校验未通过：重新计算的结果与保存的抽取结果不一致"))


@dataclass(frozen=True)
class PublicRow:
    position: int
    enterprise_name: str
    credit_code: str
    jurisdiction: str
    inspectors: str
    checked_on: date | None
    outcome: PublicOutcome


@dataclass(frozen=True)
class PublicList:
    draw: DrawResult
    rows: list[PublicRow]


@dataclass(frozen=True)
class PlanItemChoice:
    id: int
    label: str  # 2026年 监督检查计划：涉爆粉尘企业双随机抽查
    percent: Decimal | None
    count: int | None


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


def last_inspectors(s: Session, enterprise_ids: Sequence[int]) -> dict[int, set[int]]:
    """Enterprise id → the inspectors of its latest inspection (latest day, then latest entry)."""
    latest: dict[int, int] = {}
    for chunk in _chunks(sorted(set(enterprise_ids))):
        rows = s.execute(
            select(Inspection.enterprise_id, Inspection.id)
            .where(Inspection.enterprise_id.in_(chunk))
            .order_by(Inspection.enterprise_id, Inspection.inspected_on.desc(), Inspection.id.desc())
        )
        for eid, iid in rows:
            latest.setdefault(eid, iid)
    out: dict[int, set[int]] = {}
    by_visit = {v: e for e, v in latest.items()}
    for chunk in _chunks(sorted(by_visit)):
        pairs = s.execute(
            select(inspection_inspectors.c.inspection_id, inspection_inspectors.c.inspector_id).where(
                inspection_inspectors.c.inspection_id.in_(chunk)
            )
        )
        for visit, person in pairs:
            out.setdefault(by_visit[visit], set()).add(person)
    return out


def _percent(value: Decimal | str | None) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        p = Decimal(str(value).strip().rstrip("%％"))
    except InvalidOperation:
        p = Decimal("NaN")
    if not p.is_finite() or p <= 0 or p > 100:
        raise ValidationError(
            [
                FieldError(
                    "percent", say(QT_TRANSLATE_NOOP("core", "抽取比例须为大于0、不超过100的数（百分比）"))
                )
            ]
        )
    return p.quantize(Decimal("0.01"))


def outcome_of(hazard_states: Sequence[str]) -> PublicOutcome:
    """检查结果 of one inspection from the states of the hazards it found."""
    if not hazard_states:
        return PublicOutcome.CLEAN
    if all(state == HazardState.CLOSED.value for state in hazard_states):
        return PublicOutcome.FIXED
    return PublicOutcome.ORDERED


class DrawService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    # -- the draw ----------------------------------------------------------------------------

    def draw(self, actor: Actor, request: DrawRequest) -> DrawResult:
        """Draw, store and audit; all or nothing. Refusals name what to change."""
        seed = request.seed.strip()
        errors: list[FieldError] = []
        if not seed:
            errors.append(
                FieldError("seed", say(QT_TRANSLATE_NOOP("core", "请填写随机数种子（如抽取的日期和时间）")))
            )
        elif len(seed) > SEED_LIMIT:
            errors.append(
                FieldError(
                    "seed", say(QT_TRANSLATE_NOOP("core", "随机数种子最多{limit}个字符"), limit=SEED_LIMIT)
                )
            )
        if request.count is not None and request.percent not in (None, ""):
            errors.append(
                FieldError("count", say(QT_TRANSLATE_NOOP("core", "抽取数量和抽取比例只能填写一项")))
            )
        if errors:
            raise ValidationError(errors)
        percent = _percent(request.percent)
        today = self.clock()
        with acting(self.db, actor) as (s, actor):
            target, scope, title, item = self._scope(s, request)
            pool = sorted(s.scalars(member_ids(target)))
            if not pool:
                raise DomainError(
                    say(QT_TRANSLATE_NOOP("core", "抽取范围内没有企业（{scope}），无法抽取"), scope=scope)
                )
            count = request.count
            if count is None and percent is None and item is not None:
                count, percent = item.draw_count, item.draw_percent
            if count is None:
                if percent is None:
                    raise ValidationError(
                        [FieldError("count", say(QT_TRANSLATE_NOOP("core", "请填写抽取数量或抽取比例")))]
                    )
                count = algorithm.count_for_percent(len(pool), percent)
            elif count < 1:
                raise ValidationError(
                    [FieldError("count", say(QT_TRANSLATE_NOOP("core", "抽取数量至少为1家")))]
                )
            elif count > len(pool):
                raise ValidationError(
                    [
                        FieldError(
                            "count",
                            say(
                                QT_TRANSLATE_NOOP(
                                    "core", "抽取数量（{count}家）超过抽取范围内的企业数（{pool}家）"
                                ),
                                count=count,
                                pool=len(pool),
                            ),
                        )
                    ]
                )
            inspectors = sorted(
                s.scalars(
                    select(Inspector.id).where(
                        Inspector.active.is_(True), func.trim(Inspector.certificate_no) != ""
                    )
                )
            )
            if len(inspectors) < algorithm.INSPECTORS_PER_ENTERPRISE:
                raise DomainError(
                    say(
                        QT_TRANSLATE_NOOP(
                            "core", "有执法证号的在岗检查人员只有{count}名，每家企业须抽取两名，无法抽取"
                        ),
                        count=len(inspectors),
                    )
                )
            chosen = algorithm.choose_enterprises(pool, seed, count)
            conflicts = active_pairs(s, chosen)
            last = last_inspectors(s, chosen) if request.exclude_last else {}
            options: dict[str, Any] = {
                "scope": scope,
                "target": target.to_json(),
                "percent": None if percent is None else str(percent),
                "rounding": "向上取整",
                "exclude_last": request.exclude_last,
                "conflicts": {str(e): sorted(v) for e, v in sorted(conflicts.items())},
                "last_inspectors": {str(e): sorted(v) for e, v in sorted(last.items())},
            }
            try:
                made = algorithm.assign(pool, inspectors, seed, count, algorithm.exclusions(options))
            except algorithm.ShortOfInspectors as e:
                raise DomainError(self._short_message(s, e, len(inspectors), request.exclude_last)) from e
            d = Draw(
                plan_item_id=item.id if item is not None else None,
                title=title,
                seed=seed,
                count=count,
                percent=percent,
                pool=pool,
                inspector_pool=inspectors,
                options=options,
                digest=algorithm.digest(pool, inspectors, seed, count, options),
                drawn_by_id=actor.id,
                drawn_at=audit.stamp(today),
            )
            d.entries = [
                DrawEntry(
                    position=n,
                    enterprise_id=a.enterprise_id,
                    inspector1_id=a.inspector1_id,
                    inspector2_id=a.inspector2_id,
                )
                for n, a in enumerate(made, 1)
            ]
            s.add(d)
            s.flush()
            audit.record(
                s,
                actor,
                ENTITY,
                d.id,
                "create",
                f"双随机抽取：{title}，从{len(pool)}家企业中抽取{count}家，随机数种子“{seed}”",
                None,
                {
                    "scope": scope,
                    "seed": seed,
                    "count": count,
                    "percent": options["percent"],
                    "pool_size": len(pool),
                    "inspector_pool_size": len(inspectors),
                    "digest": d.digest,
                    "entries": [[a.enterprise_id, a.inspector1_id, a.inspector2_id] for a in made],
                },
                today=today,
            )
            return self._result(s, d)

    def _scope(self, s: Session, request: DrawRequest) -> tuple[TargetSet, str, str, PlanItem | None]:
        if request.plan_item_id is None:
            target = request.target or TargetSet()
            errors = validate(target, "target")
            if errors:
                raise ValidationError(errors)
            scope = target.describe()
            return target, scope, request.title.strip() or f"双随机抽查（{scope}）", None
        item = s.get(PlanItem, request.plan_item_id)
        if item is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("core", "未找到计划事项（编号 {id}）"), id=request.plan_item_id)
            )
        if item.mode != PlanMode.RANDOM.value:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP("core", "计划事项“{title}”为{mode}，不进行双随机抽取"),
                    title=item.title,
                    mode=item.mode,
                )
            )
        target = TargetSet.from_json(item.target)
        scope = f"计划事项“{item.title}”：{target.describe()}"
        return target, scope, request.title.strip() or item.title, item

    @staticmethod
    def _short_message(s: Session, e: algorithm.ShortOfInspectors, total: int, last: bool) -> str:
        name = s.scalar(select(Enterprise.name).where(Enterprise.id == e.enterprise_id)) or str(
            e.enterprise_id
        )
        why = (
            say(QT_TRANSLATE_NOOP("core", "须回避或上次检查过该企业"))
            if last
            else say(QT_TRANSLATE_NOOP("core", "须回避该企业"))
        )
        return say(
            QT_TRANSLATE_NOOP(
                "core",
                "企业“{name}”可抽取的检查人员不足两名：有执法证号的在岗检查人员共{total}名，"
                "其中{excluded}名{why}。未保存抽取结果",
            ),
            name=name,
            total=total,
            excluded=total - e.left,
            why=why,
        )

    # -- reading back ------------------------------------------------------------------------

    def get(self, draw_id: int) -> DrawResult:
        with self.db.reading() as s:
            return self._result(s, self._get(s, draw_id))

    def verify(self, draw_id: int) -> Verification:
        """Redo the stored draw from its own facts: the digest and every entry must match."""
        with self.db.reading() as s:
            d = self._get(s, draw_id)
            digest_ok = d.digest == algorithm.digest(d.pool, d.inspector_pool, d.seed, d.count, d.options)
            try:
                again = algorithm.assign(
                    d.pool, d.inspector_pool, d.seed, d.count, algorithm.exclusions(d.options)
                )
            except algorithm.ShortOfInspectors:
                again = []
            stored = [(e.enterprise_id, e.inspector1_id, e.inspector2_id) for e in d.entries]
            redone = [(a.enterprise_id, a.inspector1_id, a.inspector2_id) for a in again]
            return Verification(d.id, digest_ok, stored == redone)

    def public_list(self, draw_id: int) -> PublicList:
        """The 一公开 rows: each drawn enterprise with its check date and outcome so far."""
        with self.db.reading() as s:
            d = self._get(s, draw_id)
            result = self._result(s, d)
            day = d.drawn_at.date()
            first: dict[int, tuple[int, date]] = {}
            ids = [e.enterprise_id for e in result.entries]
            for chunk in _chunks(sorted(set(ids))):
                rows = s.execute(
                    select(Inspection.enterprise_id, Inspection.id, Inspection.inspected_on)
                    .where(Inspection.enterprise_id.in_(chunk), Inspection.inspected_on >= day)
                    .order_by(Inspection.enterprise_id, Inspection.inspected_on, Inspection.id)
                )
                for eid, visit, on in rows:
                    first.setdefault(eid, (visit, on))
            states: dict[int, list[str]] = {}
            for chunk in _chunks(sorted(v for v, _ in first.values())):
                for visit, state in s.execute(
                    select(Hazard.inspection_id, Hazard.state).where(Hazard.inspection_id.in_(chunk))
                ):
                    states.setdefault(visit, []).append(state)
            rows_out = []
            for e in result.entries:
                found = first.get(e.enterprise_id)
                rows_out.append(
                    PublicRow(
                        e.position,
                        e.enterprise_name,
                        e.credit_code,
                        e.jurisdiction,
                        e.inspectors,
                        found[1] if found else None,
                        outcome_of(states.get(found[0], [])) if found else PublicOutcome.NOT_YET,
                    )
                )
            return PublicList(result, rows_out)

    # -- choices for a form ------------------------------------------------------------------

    def plan_items(self) -> list[PlanItemChoice]:
        """The 双随机 items of every plan, newest year first (the pools a dialog offers)."""
        stmt = (
            select(PlanItem, InspectionPlan)
            .join(InspectionPlan, InspectionPlan.id == PlanItem.plan_id)
            .where(PlanItem.mode == PlanMode.RANDOM.value)
            .order_by(InspectionPlan.year.desc(), InspectionPlan.id, PlanItem.position)
        )
        with self.db.reading() as s:
            return [
                PlanItemChoice(i.id, f"{p.year}年 {p.title}：{i.title}", i.draw_percent, i.draw_count)
                for i, p in s.execute(stmt)
            ]

    def pool_size(self, plan_item_id: int | None = None, target: TargetSet | None = None) -> int:
        """How many enterprises a draw over this pool would choose from today."""
        with self.db.reading() as s:
            chosen = target or TargetSet()
            if plan_item_id is not None:
                item = s.get(PlanItem, plan_item_id)
                if item is None:
                    raise NotFoundError(
                        say(QT_TRANSLATE_NOOP("core", "未找到计划事项（编号 {id}）"), id=plan_item_id)
                    )
                chosen = TargetSet.from_json(item.target)
            return int(s.scalar(select(func.count()).select_from(member_ids(chosen).subquery())) or 0)

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _get(s: Session, draw_id: int) -> Draw:
        d = s.get(Draw, draw_id)
        if d is None:
            raise NotFoundError(say(QT_TRANSLATE_NOOP("core", "未找到抽取记录（编号 {id}）"), id=draw_id))
        return d

    @staticmethod
    def _result(s: Session, d: Draw) -> DrawResult:
        entries = list(d.entries)
        firms = {
            e.id: e
            for chunk in _chunks(sorted({x.enterprise_id for x in entries}))
            for e in s.scalars(select(Enterprise).where(Enterprise.id.in_(chunk)))
        }
        wanted = {x.inspector1_id for x in entries} | {x.inspector2_id for x in entries}
        if d.drawn_by_id is not None:
            wanted.add(d.drawn_by_id)
        people = {i.id: i for i in s.scalars(select(Inspector).where(Inspector.id.in_(sorted(wanted))))}

        def person(i: int) -> tuple[str, str]:
            p = people.get(i)
            return (p.name, p.certificate_no) if p else (str(i), "")

        drawn = []
        for x in entries:
            firm = firms[x.enterprise_id]
            one, two = person(x.inspector1_id), person(x.inspector2_id)
            drawn.append(
                DrawnEntry(
                    x.position, firm.id, firm.name, firm.credit_code, firm.jurisdiction, *one, *two, x.id
                )
            )
        options = d.options or {}
        by = people.get(d.drawn_by_id) if d.drawn_by_id is not None else None
        return DrawResult(
            id=d.id,
            title=d.title,
            scope=str(options.get("scope", "")),
            plan_item_id=d.plan_item_id,
            seed=d.seed,
            count=d.count,
            percent=None if d.percent is None else Decimal(d.percent),
            pool_size=len(d.pool),
            inspector_pool_size=len(d.inspector_pool),
            exclude_last=bool(options.get("exclude_last")),
            digest=d.digest,
            drawn_by=by.name if by else audit.SYSTEM.name,
            drawn_at=d.drawn_at,
            entries=drawn,
        )

    def list(self, limit: int = 200) -> list[DrawRow]:  # last: the name shadows list in the class
        """Earlier draws, newest first."""
        stmt = (
            select(Draw, Inspector.name)
            .outerjoin(Inspector, Inspector.id == Draw.drawn_by_id)
            .order_by(Draw.drawn_at.desc(), Draw.id.desc())
            .limit(limit)
        )
        with self.db.reading() as s:
            return [
                DrawRow(d.id, d.title, d.drawn_at, d.seed, d.count, len(d.pool), by or audit.SYSTEM.name)
                for d, by in s.execute(stmt)
            ]
