"""Demo visits and hazards, each hazard living a simulated life cut at ``today``.

found → plan (五到位) → maybe extended → reported done → reviewed; a failed review sends it back
with a new deadline. Cutting the simulation at ``today`` makes every state, and the overdue cases,
arise as they do in real use, keeping the invariants the services rely on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, insert, text

from inspector.core.demo.enterprises import Ent
from inspector.core.demo.inspectors import team
from inspector.core.demo.names import HazardTemplate
from inspector.core.demo.numbers import number_hazards
from inspector.core.demo.state import DAYS_BACK, DemoSummary, Run, cumulative, pick_index
from inspector.core.demo.tables import (
    EXTENSIONS,
    HAZARDS,
    INSPECTION_INSPECTORS,
    INSPECTIONS,
    PLANS,
    REVIEW_INSPECTORS,
    REVIEWS,
    SUPERVISIONS,
    Batch,
)
from inspector.core.enums import (
    HAZARD_SUBCATEGORIES,
    HazardCategory,
    HazardLevel,
    HazardSource,
    HazardState,
    InspectionKind,
    ReviewResult,
)

HAZARD_CHUNK = 10_000
MAJOR_SHARE = 0.03
ON_SPOT_SHARE = 0.15

_KIND_WEIGHTS = {
    InspectionKind.ROUTINE: 34,
    InspectionKind.SPECIAL: 20,
    InspectionKind.UNANNOUNCED: 10,
    InspectionKind.ENFORCEMENT: 15,
    InspectionKind.REVIEW: 6,
    InspectionKind.SAFETY_CHECKUP: 8,
    InspectionKind.CROSS: 7,
}
_KINDS = tuple(k.value for k in _KIND_WEIGHTS)
_KIND_CUM = cumulative(_KIND_WEIGHTS.values())
_HAZARDS_PER_VISIT = (0, 1, 2, 3, 4, 5, 6, 8)
_HAZARDS_PER_VISIT_CUM = (20, 40, 60, 75, 85, 92, 97, 100)
_GENERAL_DAYS = (7, 10, 15, 15, 20, 30, 30, 45)
_MAJOR_DAYS = (30, 60, 60, 90, 90, 120)
_MINUTES = (0, 0, 10, 15, 20, 30, 30, 40, 45, 50)
_SITE_SUBS = frozenset(HAZARD_SUBCATEGORIES[HazardCategory.SITE])
_OTHER_SOURCES = (HazardSource.SELF_CHECK.value, HazardSource.ASSIGNED.value, HazardSource.REPORT.value)


def write_hazard_chunk(
    run: Run,
    conn: Connection,
    ents: list[Ent],
    weights: tuple[int, ...],
    made: int,
    total: int,
    summary: DemoSummary,
) -> int:
    """Whole inspections with all their hazards until about one chunk of hazards is ready."""
    rng = run.rng
    start_o = run.today_o - DAYS_BACK
    span = DAYS_BACK + 1
    b = Batch()
    target = min(run.chunk, total - made)
    count = 0
    while count < target:
        day = start_o + ((made + count) * span) // total
        wd = (day - 1) % 7  # date.fromordinal(1) is a Monday
        if wd >= 5:
            day -= wd - 4  # weekend → the Friday before
        ent = ents[pick_index(weights, rng.random() * weights[-1])]
        if rng.random() < 0.1:
            source = rng.choices(_OTHER_SOURCES, weights=(60, 25, 15))[0]
            _hazard(run, b, ent, None, day, source, time(9, 0), summary)
            count += 1
            continue
        k = _HAZARDS_PER_VISIT[pick_index(_HAZARDS_PER_VISIT_CUM, rng.random() * 100)]
        k = min(k, target - count)
        inspection_id, start_t = _inspection(run, b, ent, day, k)
        for _ in range(k):
            _hazard(run, b, ent, inspection_id, day, HazardSource.INSPECTION.value, start_t, summary)
        count += k
    number_hazards(run, conn, b.hazards)
    _insert(run, conn, b)
    summary.inspections += len(b.inspections)
    summary.hazards += len(b.hazards)
    return count


def _insert(run: Run, conn: Connection, b: Batch) -> None:
    conn.execute(insert(INSPECTIONS), b.inspections)
    conn.execute(insert(INSPECTION_INSPECTORS), b.inspection_inspectors)
    # Row-by-row index triggers (the FTS copy) are replaced, inside this transaction, by one
    # INSERT … SELECT for the chunk: same rows indexed, ~5x cheaper. A failure rolls the DDL back.
    for trig in run.index_triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{trig.name}"')
    conn.execute(insert(HAZARDS), b.hazards)
    for trig in run.index_triggers:
        conn.execute(text(trig.bulk_sql), {"lo": b.hazards[0]["id"], "hi": b.hazards[-1]["id"]})
        conn.exec_driver_sql(trig.create_sql)
    for table, rows in (
        (PLANS, b.plans),
        (EXTENSIONS, b.extensions),
        (REVIEWS, b.reviews),
        (REVIEW_INSPECTORS, b.review_inspectors),
        (SUPERVISIONS, b.supervisions),
    ):
        if rows:
            conn.execute(insert(table), rows)


def _inspection(run: Run, b: Batch, ent: Ent, day: int, k: int) -> tuple[int, time]:
    rng = run.rng
    w = run.words
    kind = _KINDS[pick_index(_KIND_CUM, rng.random() * _KIND_CUM[-1])]
    n = rng.choice((1, 2, 2, 2, 3)) if kind != InspectionKind.ENFORCEMENT.value else rng.choice((2, 2, 3))
    members = team(run, ent.jurisdiction, n)
    start = time(rng.randint(8, 15), rng.choice(_MINUTES))
    end_min = min(start.hour * 60 + start.minute + rng.randint(60, 180), 17 * 60 + 30)
    iid = run.new_id(INSPECTIONS)
    d = date.fromordinal(day)
    notes = rng.choice(w.inspection_notes) + (w.note_found.format(n=k) if k else w.note_none)
    created = datetime.combine(d, start)
    # No checklist and (in the audit row) no "before": left out so they are SQL NULL, not JSON null.
    b.inspections.append(
        dict(
            id=iid,
            enterprise_id=ent.id,
            inspected_on=d,
            start_time=start,
            end_time=time(end_min // 60, end_min % 60),
            kind=kind,
            representative=ent.contact,
            place="、".join(rng.sample(ent.areas, min(len(ent.areas), rng.randint(2, 3)))),
            notes=notes,
            created_by_id=members[0],
            created_at=created,
            updated_at=created,
        )
    )
    b.inspection_inspectors.extend({"inspection_id": iid, "inspector_id": i} for i in members)
    return iid, start


# --------------------------------------------------------------------------------------------
# One hazard: draw it, simulate its life, cut at today, write its rows
# --------------------------------------------------------------------------------------------


@dataclass
class _Life:
    """A hazard's history up to today, as day ordinals."""

    state: str
    deadline: int
    plan_o: int | None  # when the five-in-place plan was complete (None: not yet)
    reported: int | None = None
    closed: int | None = None
    last_o: int = 0  # the last day something happened (updated_at)
    reviews: list[tuple[int, str, int | None, int]] = field(default_factory=list)
    # (day, result, new deadline, deadline before)
    ext: tuple[int, int, int] | None = None  # (granted on, old deadline, new deadline)


# A planned course: (reported done, reviewed, result, new deadline) per review cycle.
_Cycle = tuple[int, int, str, int | None]


def _hazard(
    run: Run,
    b: Batch,
    ent: Ent,
    inspection_id: int | None,
    found_o: int,
    source: str,
    start_t: time,
    summary: DemoSummary,
) -> None:
    rng = run.rng
    is_major = bool(ent.major) and rng.random() < MAJOR_SHARE
    tpl: HazardTemplate = rng.choice(ent.major if is_major else ent.general)
    hid = run.new_id(HAZARDS)
    location = rng.choice(tpl.locations)
    if location.endswith("车间") and rng.random() < 0.4:
        location = f"{rng.randint(1, 6)}号{location}"
    on_spot = not is_major and inspection_id is not None and rng.random() < ON_SPOT_SHARE
    lo, hi = tpl.funds
    funds = int(rng.uniform(lo, hi) / 100) * 100
    unit = rng.choice(run.words.responsible_units)
    if on_spot:
        life = _Life(HazardState.CLOSED.value, found_o, found_o, found_o, found_o, found_o)
        funds = min(funds, 2000)
        measures, contingency = "现场立即整改：" + tpl.measures, "现场已整改完毕，无需另行管控。"
    else:
        life = _simulate(rng, found_o, is_major, run.today_o)
        measures, contingency = tpl.measures, tpl.contingency
    created = datetime.combine(date.fromordinal(found_o), start_t)
    b.hazards.append(
        _hazard_row(run, hid, ent, inspection_id, source, tpl, location, is_major, on_spot, life, created)
    )
    summary.states[life.state] += 1
    if is_major:
        summary.majors += 1
    if life.closed is None and life.deadline < run.today_o:
        summary.overdue += 1
    _plan(run, b, hid, life, unit, measures, funds, contingency, created)
    if life.ext is not None:
        b.extensions.append(
            dict(
                id=run.new_id(EXTENSIONS),
                hazard_id=hid,
                old_deadline=date.fromordinal(life.ext[1]),
                new_deadline=date.fromordinal(life.ext[2]),
                reason=rng.choice(run.words.extension_reasons),
                by_id=rng.choice(run.supervisor_ids),
                at=datetime.combine(date.fromordinal(life.ext[0]), time(15, 0)),
            )
        )
    _reviews(run, b, hid, ent, life, is_major)
    if is_major:
        listed = min(found_o + rng.randint(0, 3), run.today_o)
        b.supervisions.append(
            dict(
                id=run.new_id(SUPERVISIONS),
                hazard_id=hid,
                listed_on=date.fromordinal(listed),
                unit=rng.choice(run.words.supervision_units),
                delisted_on=date.fromordinal(life.closed) if life.closed else None,
            )
        )


def _simulate(rng: random.Random, found_o: int, is_major: bool, today_o: int) -> _Life:
    """The whole planned course of a hazard not rectified on the spot, then cut at today."""
    deadline = found_o + rng.choice(_MAJOR_DAYS if is_major else _GENERAL_DAYS)
    laggard = rng.random() < 0.06
    plan_o = found_o + (rng.randint(15, 240) if laggard else rng.randint(0, 7 if is_major else 3))
    cur = deadline
    ext: tuple[int, int, int] | None = None
    if rng.random() < (0.2 if is_major else 0.05):
        t_ext = deadline - rng.randint(1, 5)
        if t_ext > plan_o:
            ext = (t_ext, deadline, deadline + rng.choice((15, 20, 30, 30)))
            cur = ext[2]
    low = ext[0] + 1 if ext else plan_o + 1
    if rng.random() < 0.08:
        t_done = max(low, cur + rng.randint(1, 25))  # finished late
    else:
        t_done = max(low, plan_o + int((cur - plan_o) * rng.uniform(0.3, 1.0)))
    cycles: list[_Cycle] = []
    fail_p = 0.2 if is_major else 0.1
    while True:
        t_review = t_done + rng.randint(1, 15)
        if len(cycles) < 2 and rng.random() < fail_p:
            nd = t_review + rng.randint(7, 20)
            cycles.append((t_done, t_review, ReviewResult.FAILED.value, nd))
            t_done = t_review + rng.randint(3, nd - t_review)
        else:
            cycles.append((t_done, t_review, ReviewResult.PASSED.value, None))
            break
    return _cut(found_o, deadline, plan_o, ext, cycles, today_o)


def _cut(
    found_o: int,
    deadline: int,
    plan_o: int,
    ext: tuple[int, int, int] | None,
    cycles: list[_Cycle],
    today_o: int,
) -> _Life:
    """What of the planned course has happened by today."""
    if plan_o > today_o:
        return _Life(HazardState.REPORTED.value, deadline, None, last_o=found_o)
    life = _Life(HazardState.RECTIFYING.value, deadline, plan_o, last_o=plan_o)
    if ext is not None and ext[0] <= today_o:
        life.deadline = ext[2]
        life.last_o = ext[0]
        life.ext = ext
    for t_done, t_review, result, nd in cycles:
        if t_done > today_o:
            break
        life.state, life.reported, life.last_o = HazardState.PENDING_REVIEW.value, t_done, t_done
        if t_review > today_o:
            break
        life.reviews.append((t_review, result, nd, life.deadline))
        life.last_o = t_review
        if nd is not None:
            life.state, life.reported, life.deadline = HazardState.RECTIFYING.value, None, nd
        else:
            life.state, life.closed = HazardState.CLOSED.value, t_review
    return life


def _hazard_row(
    run: Run,
    hid: int,
    ent: Ent,
    inspection_id: int | None,
    source: str,
    tpl: HazardTemplate,
    location: str,
    is_major: bool,
    on_spot: bool,
    life: _Life,
    created: datetime,
) -> dict[str, Any]:
    w = run.words
    found_o = created.toordinal()
    return dict(
        id=hid,
        number=None,
        enterprise_id=ent.id,
        inspection_id=inspection_id,
        source=source,
        location=location,
        description=tpl.description,
        category=(HazardCategory.SITE if tpl.subcategory in _SITE_SUBS else HazardCategory.BASIC).value,
        subcategory=tpl.subcategory,
        level=HazardLevel.MAJOR.value if is_major else HazardLevel.GENERAL.value,
        legal_basis=tpl.legal_basis,
        found_on=created.date(),
        state=life.state,
        deadline=date.fromordinal(life.deadline),
        rectified_on_spot=on_spot,
        reported_done_on=date.fromordinal(life.reported) if life.reported is not None else None,
        closed_on=date.fromordinal(life.closed) if life.closed is not None else None,
        notes=w.on_spot_note if on_spot else (w.major_note if is_major else ""),
        version=1,
        created_at=created,
        updated_at=datetime.combine(date.fromordinal(life.last_o), time(16, 30))
        if life.last_o > found_o
        else created,
    )


def _plan(
    run: Run,
    b: Batch,
    hid: int,
    life: _Life,
    unit: str,
    measures: str,
    funds: int,
    contingency: str,
    created: datetime,
) -> None:
    """The 整改方案: complete once planned; a 待整改 hazard sometimes has one still missing elements."""
    if life.plan_o is not None:
        at = datetime.combine(date.fromordinal(life.plan_o), time(10, 0))
        b.plans.append(
            dict(
                id=run.new_id(PLANS),
                hazard_id=hid,
                responsible_unit=unit,
                responsible_person=run.person(),
                measures=measures,
                funds=funds,
                contingency=contingency,
                created_at=at,
                updated_at=at,
            )
        )
    elif run.rng.random() < 0.3:  # 待整改 with a plan still missing elements (资金、预案)
        b.plans.append(
            dict(
                id=run.new_id(PLANS),
                hazard_id=hid,
                responsible_unit=unit,
                responsible_person=run.person(),
                measures=measures,
                funds=None,
                contingency="",
                created_at=created,
                updated_at=created,
            )
        )


def _reviews(run: Run, b: Batch, hid: int, ent: Ent, life: _Life, is_major: bool) -> None:
    """The 复查 that happened, each with its team (a supervisor signs off a major hazard)."""
    rng = run.rng
    for t_review, result, nd, before in life.reviews:
        rid = run.new_id(REVIEWS)
        passed = nd is None
        b.reviews.append(
            dict(
                id=rid,
                hazard_id=hid,
                reviewed_on=date.fromordinal(t_review),
                result=result,
                opinion=rng.choice(run.words.review_pass if passed else run.words.review_fail),
                new_deadline=date.fromordinal(nd) if nd is not None else None,
                previous_deadline=date.fromordinal(before) if nd is not None else None,  # as lifecycle
            )
        )
        members = team(run, ent.jurisdiction, rng.choice((1, 2, 2)), need_supervisor=is_major and passed)
        b.review_inspectors.extend({"reinspection_id": rid, "inspector_id": i} for i in members)
