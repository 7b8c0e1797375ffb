"""监督检查计划 (安全生产法 第六十二条): a year's plan, its items (事项) and their progress.

An item says which enterprises (a target set, core.targets), how often each is checked in the
year (``frequency``), at most how often (``cap``, the 涉企行政检查 limit, enforced as a question
with a recorded reason by core.plan_rules), in which months, by which unit, and whether all of
them are checked (重点检查) or a share is drawn (双随机抽查, core.draws).

Progress is counted from the visits themselves, never stored: a visit of a target enterprise in
the plan's year (in the item's months, when it names months) counts for every item whose target
holds the enterprise; 复查 visits follow up hazards and are not checks of the plan. An enterprise
is done when it has ``frequency`` such visits. For a 双随机 item the enterprises are those drawn
for it, and a visit counts from the day of the draw.

Plans are the office's: a 科室负责人 creates and edits them (core.actors.require_office_role).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.orm.exc import StaleDataError

from inspector.core import audit, targets
from inspector.core.actors import acting, require_office_role
from inspector.core.audit import Actor
from inspector.core.enums import InspectionKind, PlanMode
from inspector.core.errors import ConcurrentEditError, FieldError, NotFoundError, ValidationError
from inspector.core.inputs import length_errors
from inspector.core.targets import TargetSet, condition
from inspector.core.targets import validate as validate_target
from inspector.db import models as m
from inspector.db.engine import Database
from inspector.i18n import QT_TRANSLATE_NOOP, say

ENTITY = "plan"
EDIT_REFUSAL = QT_TRANSLATE_NOOP("core", "检查计划须由科室负责人制定或修改")
STALE = QT_TRANSLATE_NOOP("core", "该检查计划已被他人修改，请关闭后重新打开再编辑")
IN_USE = QT_TRANSLATE_NOOP("core", "事项“{title}”已有双随机抽取、专项行动或检查方案引用，不能删除")
NOT_FOUND = QT_TRANSLATE_NOOP("core", "检查计划不存在")
ITEM_PREFIX = QT_TRANSLATE_NOOP("core", "第{n}项事项：")  # an item's messages start so (the form strips it)
MAX_ITEMS = 100
MAX_FREQUENCY = 52


def month_ranges(year: int, months: tuple[int, ...]) -> list[tuple[date, date]]:
    """The date ranges of ``months`` in ``year`` (the whole year when none), merged when adjacent."""
    if not months:
        return [(date(year, 1, 1), date(year, 12, 31))]
    ranges: list[tuple[date, date]] = []
    for month in sorted(set(months)):
        start = date(year, month, 1)
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        last = date.fromordinal(end.toordinal() - 1)
        if ranges and ranges[-1][1].toordinal() + 1 == start.toordinal():
            ranges[-1] = (ranges[-1][0], last)
        else:
            ranges.append((start, last))
    return ranges


def parse_months(text: str) -> tuple[int, ...]:
    """``"3,6,9"`` (as stored) → (3, 6, 9); the empty string is the whole year."""
    return tuple(sorted({int(p) for p in text.replace("，", ",").split(",") if p.strip()}))


def months_label(months: tuple[int, ...]) -> str:
    return "全年" if not months else "、".join(f"{n}月" for n in months)


def counted_visit(
    day: ColumnElement[Any] | InstrumentedAttribute[date], ranges: list[tuple[date, date]]
) -> ColumnElement[bool]:
    """A visit that counts for the plan: in one of ``ranges`` and not a 复查."""
    return and_(
        or_(*[day.between(a, b) for a, b in ranges]),
        m.Inspection.kind != InspectionKind.REVIEW.value,
    )


@dataclass
class PlanItemInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "title": "检查事项",
        "basis": "检查依据",
        "mode": "检查方式",
        "target": "目标企业",
        "frequency": "检查频次",
        "cap": "检查上限",
        "months": "实施月份",
        "unit": "责任单位",
        "draw_percent": "抽取比例",
        "draw_count": "抽取家数",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"title": 200, "basis": 2000, "unit": 100}

    title: str = ""
    basis: str = ""
    mode: str = PlanMode.KEY.value
    target: TargetSet = field(default_factory=TargetSet)
    frequency: int = 1
    cap: int | None = None
    months: tuple[int, ...] = ()
    unit: str = ""
    draw_percent: Decimal | None = None
    draw_count: int | None = None
    checklist_code: str | None = None
    id: int | None = None  # an existing item being edited


@dataclass
class PlanInput:
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "year": "年度",
        "title": "计划名称",
        "basis": "编制依据",
        "unit": "编制单位",
        "notes": "备注",
    }
    TEXT_LIMITS: ClassVar[dict[str, int]] = {"title": 200, "basis": 2000, "unit": 100, "notes": 2000}

    year: int = 0
    title: str = ""
    basis: str = "《中华人民共和国安全生产法》第六十二条"
    unit: str = ""
    notes: str = ""
    items: list[PlanItemInput] = field(default_factory=list)


@dataclass(frozen=True)
class PlanRow:
    id: int
    year: int
    title: str
    unit: str
    items: int
    version: int


@dataclass(frozen=True)
class ItemProgress:
    """One item's progress on ``as_of``: ``targets`` enterprises (for 双随机: drawn), ``done`` of
    them checked ``frequency`` times, ``visits`` counted visits, per 属地 (name, targets, done)."""

    item_id: int
    position: int
    title: str
    mode: str
    target: TargetSet
    frequency: int
    cap: int | None
    months: tuple[int, ...]
    unit: str
    pool: int  # enterprises in the target set today
    targets: int
    done: int
    visits: int
    by_jurisdiction: tuple[tuple[str, int, int], ...]

    @property
    def rate(self) -> float | None:
        return None if self.targets == 0 else self.done / self.targets


def _item_errors(n: int, item: PlanItemInput) -> list[FieldError]:
    def error(field: str, reason: str) -> FieldError:
        return FieldError(field, say(ITEM_PREFIX, n=n) + reason, n)

    errors = [error(e.field, e.message) for e in length_errors(item)]
    if not item.title.strip():
        errors.append(error("title", say(QT_TRANSLATE_NOOP("core", "检查事项不能为空"))))
    if item.mode not in {p.value for p in PlanMode}:
        errors.append(error("mode", say(QT_TRANSLATE_NOOP("core", "检查方式应为重点检查或双随机抽查"))))
    if not 1 <= item.frequency <= MAX_FREQUENCY:
        errors.append(
            error(
                "frequency", say(QT_TRANSLATE_NOOP("core", "检查频次应为每年1到{most}次"), most=MAX_FREQUENCY)
            )
        )
    if item.cap is not None and not item.frequency <= item.cap <= MAX_FREQUENCY:
        errors.append(
            error(
                "cap",
                say(
                    QT_TRANSLATE_NOOP("core", "检查上限应不少于检查频次（{frequency}次），最多{most}次"),
                    frequency=item.frequency,
                    most=MAX_FREQUENCY,
                ),
            )
        )
    if any(not 1 <= mo <= 12 for mo in item.months):
        errors.append(error("months", say(QT_TRANSLATE_NOOP("core", "实施月份应为1到12月"))))
    if item.mode == PlanMode.RANDOM.value:
        if (item.draw_percent is None) == (item.draw_count is None):
            errors.append(
                error(
                    "draw_percent",
                    say(QT_TRANSLATE_NOOP("core", "双随机抽查须填写抽取比例或抽取家数（二选一）")),
                )
            )
        elif item.draw_percent is not None and not Decimal(0) < item.draw_percent <= Decimal(100):
            errors.append(error("draw_percent", say(QT_TRANSLATE_NOOP("core", "抽取比例应在0到100%之间"))))
        elif item.draw_count is not None and item.draw_count < 1:
            errors.append(error("draw_count", say(QT_TRANSLATE_NOOP("core", "抽取家数至少为1"))))
    errors += [error(e.field, e.message) for e in validate_target(item.target)]
    return errors


def validate(data: PlanInput, today: date) -> list[FieldError]:
    errors = list(length_errors(data))
    if not today.year - 5 <= data.year <= today.year + 5:
        errors.append(
            FieldError(
                "year",
                say(
                    QT_TRANSLATE_NOOP("core", "年度应在{first}到{last}年之间"),
                    first=today.year - 5,
                    last=today.year + 5,
                ),
            )
        )
    if not data.title.strip():
        errors.append(FieldError("title", say(QT_TRANSLATE_NOOP("core", "计划名称不能为空"))))
    if not data.items:
        errors.append(FieldError("items", say(QT_TRANSLATE_NOOP("core", "检查计划至少要有一个事项"))))
    elif len(data.items) > MAX_ITEMS:
        errors.append(
            FieldError("items", say(QT_TRANSLATE_NOOP("core", "检查计划最多{most}个事项"), most=MAX_ITEMS))
        )
    for n, item in enumerate(data.items, start=1):
        errors += _item_errors(n, item)
    return errors


def _apply_item(row: m.PlanItem, position: int, item: PlanItemInput) -> None:
    row.position = position
    row.title = item.title.strip()
    row.basis = item.basis.strip()
    row.mode = item.mode
    row.target = item.target.to_json()
    row.frequency = item.frequency
    row.cap = item.cap
    row.months = ",".join(str(mo) for mo in sorted(set(item.months)))
    row.unit = item.unit.strip()
    is_random = item.mode == PlanMode.RANDOM.value
    row.draw_percent = item.draw_percent if is_random else None
    row.draw_count = item.draw_count if is_random else None
    row.checklist_code = item.checklist_code or None


def item_input(row: m.PlanItem) -> PlanItemInput:
    return PlanItemInput(
        title=row.title,
        basis=row.basis,
        mode=row.mode,
        target=TargetSet.from_json(row.target),
        frequency=row.frequency,
        cap=row.cap,
        months=parse_months(row.months),
        unit=row.unit,
        draw_percent=row.draw_percent,
        draw_count=row.draw_count,
        checklist_code=row.checklist_code,
        id=row.id,
    )


def _in_use(s: Session, item_id: int) -> bool:
    for column in (m.Draw.plan_item_id, m.Campaign.plan_item_id, m.InspectionScheme.plan_item_id):
        if s.scalar(select(column).where(column == item_id).limit(1)) is not None:
            return True
    return False


def _summary(plan: m.InspectionPlan) -> dict[str, Any]:
    return {
        "year": plan.year,
        "title": plan.title,
        "basis": plan.basis,
        "unit": plan.unit,
        "items": [f"{i.position}. {i.title}（{i.mode}）" for i in plan.items],
    }


def item_progress(s: Session, item: m.PlanItem, year: int, as_of: date) -> ItemProgress:
    """Counted in SQL over the target set (grouped by 属地), never by loading enterprises."""
    target = TargetSet.from_json(item.target)
    months = parse_months(item.months)
    ranges = [(a, min(b, as_of)) for a, b in month_ranges(year, months) if a <= as_of]
    pool = s.scalar(select(func.count(m.Enterprise.id)).where(condition(target))) or 0
    members = select(m.Enterprise.id.label("eid"), m.Enterprise.jurisdiction.label("j")).where(
        condition(target)
    )
    since = None
    if item.mode == PlanMode.RANDOM.value:
        drawn = (
            select(m.DrawEntry.enterprise_id.label("eid"), func.min(m.Draw.drawn_at).label("since"))
            .join(m.Draw, m.Draw.id == m.DrawEntry.draw_id)
            .where(m.Draw.plan_item_id == item.id)
            .group_by(m.DrawEntry.enterprise_id)
            .subquery()
        )
        members = select(
            m.Enterprise.id.label("eid"), m.Enterprise.jurisdiction.label("j"), drawn.c.since
        ).join(drawn, drawn.c.eid == m.Enterprise.id)
        since = drawn.c.since
    member_q = members.subquery()
    visits: ColumnElement[Any]
    if ranges:
        visit_filter = [
            m.Inspection.enterprise_id == member_q.c.eid,
            counted_visit(m.Inspection.inspected_on, ranges),
        ]
        if since is not None:
            visit_filter.append(m.Inspection.inspected_on >= func.date(member_q.c.since))
        visits = (
            select(func.count(m.Inspection.id)).where(*visit_filter).correlate(member_q).scalar_subquery()
        )
    else:
        visits = literal(0)
    per = select(member_q.c.j, visits.label("n")).subquery()
    rows = s.execute(
        select(
            per.c.j,
            func.count(),
            func.sum(case((per.c.n >= item.frequency, 1), else_=0)),
            func.sum(per.c.n),
        )
        .group_by(per.c.j)
        .order_by(per.c.j)
    ).all()
    by = tuple((str(j), int(t), int(d or 0)) for j, t, d, _ in rows)
    return ItemProgress(
        item_id=item.id,
        position=item.position,
        title=item.title,
        mode=item.mode,
        target=target,
        frequency=item.frequency,
        cap=item.cap,
        months=months,
        unit=item.unit,
        pool=int(pool),
        targets=sum(t for _, t, _ in by),
        done=sum(d for _, _, d in by),
        visits=sum(int(v or 0) for *_, v in rows),
        by_jurisdiction=by,
    )


class PlanService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def create(self, actor: Actor, data: PlanInput) -> int:
        errors = validate(data, self.clock())
        if errors:
            raise ValidationError(errors)
        with acting(self.db, actor) as (s, who):
            require_office_role(s, who, say(EDIT_REFUSAL))
            plan = m.InspectionPlan(
                year=data.year,
                title=data.title.strip(),
                basis=data.basis.strip(),
                unit=data.unit.strip(),
                notes=data.notes.strip(),
                created_by_id=who.id,
            )
            for n, item in enumerate(data.items, start=1):
                row = m.PlanItem()
                _apply_item(row, n, item)
                plan.items.append(row)
            s.add(plan)
            s.flush()
            audit.record(
                s,
                who,
                ENTITY,
                plan.id,
                "create",
                f"制定检查计划“{plan.title}”",
                after=_summary(plan),
                today=self.clock(),
            )
            return plan.id

    def update(self, actor: Actor, plan_id: int, data: PlanInput, version: int) -> None:
        """Items keep their ids (draws, campaigns and 方案 refer to them); a removed item must be
        unreferenced."""
        errors = validate(data, self.clock())
        if errors:
            raise ValidationError(errors)
        try:
            with acting(self.db, actor) as (s, who):
                require_office_role(s, who, say(EDIT_REFUSAL))
                plan = s.get(m.InspectionPlan, plan_id)
                if plan is None:
                    raise NotFoundError(say(NOT_FOUND))
                if plan.version != version:
                    raise ConcurrentEditError(say(STALE))
                before = _summary(plan)
                existing = {i.id: i for i in plan.items}
                kept = {i.id for i in data.items if i.id is not None}
                for item_id, row in existing.items():
                    if item_id not in kept:
                        if _in_use(s, item_id):
                            raise ValidationError([FieldError("items", say(IN_USE, title=row.title))])
                        plan.items.remove(row)
                s.flush()  # free the positions of removed items
                for row in plan.items:
                    row.position += MAX_ITEMS + 1  # out of the way of the new order
                s.flush()
                for n, item in enumerate(data.items, start=1):
                    if item.id is not None and item.id in existing:
                        _apply_item(existing[item.id], n, item)
                    else:
                        row = m.PlanItem()
                        _apply_item(row, n, item)
                        plan.items.append(row)
                plan.year = data.year
                plan.title = data.title.strip()
                plan.basis = data.basis.strip()
                plan.unit = data.unit.strip()
                plan.notes = data.notes.strip()
                s.flush()
                after = _summary(plan)
                b, a = audit.diff(before, after)
                audit.record(
                    s, who, ENTITY, plan.id, "update", f"修改检查计划“{plan.title}”", b, a, today=self.clock()
                )
        except StaleDataError:
            raise ConcurrentEditError(say(STALE)) from None

    def delete(self, actor: Actor, plan_id: int) -> None:
        with acting(self.db, actor) as (s, who):
            require_office_role(s, who, say(EDIT_REFUSAL))
            plan = s.get(m.InspectionPlan, plan_id)
            if plan is None:
                raise NotFoundError(say(NOT_FOUND))
            for row in plan.items:
                if _in_use(s, row.id):
                    raise ValidationError([FieldError("items", say(IN_USE, title=row.title))])
            audit.record(
                s,
                who,
                ENTITY,
                plan.id,
                "delete",
                f"删除检查计划“{plan.title}”",
                _summary(plan),
                today=self.clock(),
            )
            s.delete(plan)

    def plans(self, year: int | None = None) -> list[PlanRow]:
        stmt = (
            select(m.InspectionPlan, func.count(m.PlanItem.id))
            .outerjoin(m.PlanItem, m.PlanItem.plan_id == m.InspectionPlan.id)
            .group_by(m.InspectionPlan.id)
            .order_by(m.InspectionPlan.year.desc(), m.InspectionPlan.id)
        )
        if year is not None:
            stmt = stmt.where(m.InspectionPlan.year == year)
        with self.db.reading() as s:
            return [PlanRow(p.id, p.year, p.title, p.unit, int(n), p.version) for p, n in s.execute(stmt)]

    def get(self, plan_id: int) -> tuple[PlanInput, int]:
        """The plan as its form edits it, with the version to hand back to ``update``."""
        with self.db.reading() as s:
            plan = s.get(m.InspectionPlan, plan_id)
            if plan is None:
                raise NotFoundError(say(NOT_FOUND))
            data = PlanInput(
                year=plan.year,
                title=plan.title,
                basis=plan.basis,
                unit=plan.unit,
                notes=plan.notes,
                items=[item_input(i) for i in plan.items],
            )
            return data, plan.version

    def progress(self, plan_id: int, as_of: date | None = None) -> list[ItemProgress]:
        day = as_of or self.clock()
        with self.db.reading() as s:
            plan = s.get(m.InspectionPlan, plan_id)
            if plan is None:
                raise NotFoundError(say(NOT_FOUND))
            return [item_progress(s, item, plan.year, day) for item in plan.items]

    def items(self, year: int | None = None, mode: str | None = None) -> list[tuple[int, str]]:
        """(item id, "计划 · 事项") for pickers (a draw's pool, a campaign's plan item)."""
        stmt = select(m.PlanItem.id, m.InspectionPlan.title, m.PlanItem.title).join(m.InspectionPlan)
        if year is not None:
            stmt = stmt.where(m.InspectionPlan.year == year)
        if mode is not None:
            stmt = stmt.where(m.PlanItem.mode == mode)
        stmt = stmt.order_by(m.InspectionPlan.year.desc(), m.InspectionPlan.id, m.PlanItem.position)
        with self.db.reading() as s:
            return [(i, f"{p} · {t}") for i, p, t in s.execute(stmt)]

    def count(self, target: TargetSet) -> int:
        """Enterprises a target set holds today (the target editor's live count)."""
        with self.db.reading() as s:
            return targets.count(s, target)

    def names(self, enterprise_ids: tuple[int, ...]) -> dict[int, tuple[str, str]]:
        """id -> (name, status) for a hand-picked list."""
        with self.db.reading() as s:
            return targets.names(s, enterprise_ids)
