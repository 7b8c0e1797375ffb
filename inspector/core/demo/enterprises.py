"""Demo enterprises: drawn from the profiles of a district (chemicals, dust, gas, ammonia …)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, insert, select

from inspector.core.demo.names import HazardTemplate, Profile
from inspector.core.demo.state import DAYS_BACK, Run, TemplatePools
from inspector.core.demo.tables import CATEGORIES, ENTERPRISES
from inspector.core.enterprises import pinyin_columns
from inspector.core.enums import (
    DUST_KINDS,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    MajorHazardGrade,
    OperatingStatus,
    RiskGrade,
)

ENTERPRISE_CHUNK = 5_000
_PROCESSES = tuple(HAZARDOUS_PROCESSES[i] for i in (2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14))
_RISK_VISITS = {"红": 6, "橙": 4, "黄": 2, "蓝": 1}


@dataclass(frozen=True)
class Ent:
    """What hazard generation needs to know about one enterprise."""

    id: int
    jurisdiction: str
    general: tuple[HazardTemplate, ...]
    major: tuple[HazardTemplate, ...]
    areas: tuple[str, ...]
    contact: str
    weight: int  # how often it is visited: higher risk grade, more visits; suspended, fewer


def write_enterprises(run: Run, conn: Connection, count: int) -> list[Ent]:
    """``count`` new enterprises with their categories; returns the ones that can still be visited."""
    rows: list[dict[str, Any]] = []
    cats: list[dict[str, Any]] = []
    ents: list[Ent] = []
    start_o = run.today_o - DAYS_BACK - 400
    for _ in range(count):
        prof: Profile = run.pick(run.words.profiles, run.prof_cum)
        row, kinds = _enterprise_row(run, prof, start_o)
        rows.append(row)
        eid = row["id"]
        for k in sorted(kinds):
            cats.append(dict(id=run.new_id(CATEGORIES), enterprise_id=eid, kind=str(k)))
        if row["status"] != OperatingStatus.CLOSED.value:  # closed enterprises get no new visits
            general, major = template_pools(run, frozenset(str(k) for k in kinds))
            weight = _visit_weight(row["risk_grade"], row["status"])
            ents.append(
                Ent(eid, row["jurisdiction"], general, major, prof.areas, row["safety_director"], weight)
            )
    conn.execute(insert(ENTERPRISES), rows)
    conn.execute(insert(CATEGORIES), cats)
    return ents


def _enterprise_row(run: Run, prof: Profile, start_o: int) -> tuple[dict[str, Any], list[str]]:
    """One enterprise of profile ``prof`` as an ``enterprises`` row, and its categories."""
    rng = run.rng
    w = run.words
    if prof.jurisdictions and rng.random() < 0.5:
        jur = rng.choice(prof.jurisdictions)
    else:
        jur = run.pick(run.jur_names, run.jur_cum)
    kinds: list[str] = list(prof.categories)
    kinds += [k for k, p in prof.extra_categories if rng.random() < p and k not in kinds]
    dust_kind = rng.choice(prof.dust_kinds) if prof.dust_kinds else None
    if CategoryKind.DUST in kinds and dust_kind is None:
        dust_kind = "农副产品粉尘" if prof.key == "ammonia" else rng.choice(DUST_KINDS)
    industry = w.dust_industry[dust_kind] if prof.key.startswith("dust") and dust_kind else prof.industry
    name = _company_name(run, prof)
    legal = run.person()
    principal = legal if rng.random() < 0.7 else run.person()
    status = _status(rng)
    major_grade = None
    if rng.random() < prof.major_source_p:
        major_grade = rng.choices(tuple(MajorHazardGrade), weights=(1, 2, 4, 6))[0].value
    processes = ""
    if rng.random() < prof.process_p:
        processes = "、".join(rng.sample(_PROCESSES, rng.choice((1, 1, 2, 3))))
    risk = None
    if rng.random() < 0.97:
        risk = rng.choices(tuple(RiskGrade), weights=prof.risk)[0].value
        if major_grade in ("一级", "二级") and risk in ("黄", "蓝"):
            risk = RiskGrade.ORANGE.value
    road = rng.choice(w.jurisdictions[jur][1])
    eid = run.new_id(ENTERPRISES)
    created = datetime.combine(date.fromordinal(start_o + rng.randrange(400)), time(9, 0))
    notes = ""
    if status == OperatingStatus.SUSPENDED.value:
        notes = rng.choice(("停产整顿中", "季节性停产", "设备改造停产"))
    dust = CategoryKind.DUST in kinds
    initials, full, place = pinyin_columns(name, jur)  # the keys the registry sorts and searches by
    row = dict(
        id=eid,
        name=name,
        credit_code=run.credit_code(),
        address=f"{w.address_prefix}{jur}{road}{rng.randint(1, 399)}号",
        jurisdiction=jur,
        industry=industry,
        legal_representative=legal,
        principal=principal,
        safety_director=run.person(),
        phone=run.phone(),
        status=status,
        risk_grade=risk,
        dust_kind=dust_kind if dust else None,
        dust_workers=_dust_workers(rng) if dust else None,
        major_hazard_grade=major_grade,
        hazardous_processes=processes,
        plant_in_plant=rng.random() < 0.05,
        notes=notes,
        name_initials=initials,
        name_pinyin=full,
        jurisdiction_pinyin=place,
        version=1,
        created_at=created,
        updated_at=created,
    )
    return row, kinds


def _status(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.88:
        return OperatingStatus.PRODUCING.value
    return (OperatingStatus.SUSPENDED if roll < 0.96 else OperatingStatus.CLOSED).value


def _company_name(run: Run, prof: Profile) -> str:
    rng = run.rng
    w = run.words
    name = ""
    for attempt in range(50):
        trade = "".join(rng.sample(w.trade_chars, 3 if attempt > 20 else 2))
        prefix = rng.choices(w.name_prefixes, weights=w.name_prefix_weights)[0]
        name = f"{prefix}{trade}{rng.choice(prof.name_words)}{rng.choice(w.company_suffixes)}"
        if name not in run.names:
            run.names.add(name)
            return name
    return name  # a rare duplicate name is legal; credit codes stay unique


def template_pools(run: Run, kinds: frozenset[str]) -> TemplatePools:
    """(general, major) hazard templates that fit an enterprise of ``kinds``, computed once per set."""
    pools = run.pools.get(kinds)
    if pools is None:
        fits = [t for t in run.words.hazard_templates if not t.kinds or t.kinds & kinds]
        pools = (tuple(t for t in fits if not t.major), tuple(t for t in fits if t.major))
        run.pools[kinds] = pools
    return pools


def load_enterprises(run: Run, conn: Connection) -> list[Ent]:
    """The database's open enterprises, for hazards generated without new enterprises."""
    kinds: dict[int, set[str]] = {}
    for eid, kind in conn.execute(select(CATEGORIES.c.enterprise_id, CATEGORIES.c.kind)):
        kinds.setdefault(eid, set()).add(kind)
    ents = []
    e = ENTERPRISES.c
    rows = conn.execute(
        select(e.id, e.jurisdiction, e.safety_director, e.principal, e.risk_grade, e.status)
        .where(e.status != OperatingStatus.CLOSED.value)
        .order_by(e.id)
    )
    for eid, jur, director, principal, risk, status in rows:
        general, major = template_pools(run, frozenset(kinds.get(eid, ())))
        ents.append(
            Ent(
                eid,
                jur,
                general,
                major,
                ("生产车间", "仓库", "配电房"),
                director or principal,
                _visit_weight(risk, status),
            )
        )
    return ents


def _visit_weight(risk: str | None, status: str) -> int:
    weight = _RISK_VISITS.get(risk or "", 2)
    return weight if status == OperatingStatus.PRODUCING.value else 1


def _dust_workers(rng: random.Random) -> int:
    """涉粉作业人数: most plants are small, a few big; the 10-worker line matters for campaigns."""
    return max(1, int(rng.lognormvariate(2.4, 0.8)))
