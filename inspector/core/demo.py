"""Demo data (演示数据): a realistic district ledger for trying the app and for measuring it.

Generation writes with Core bulk inserts, chunk by chunk, one transaction per chunk, with explicit
ids so child rows reference parents without round-trips. That is what makes a million hazards take
minutes rather than hours. Each chunk is self-contained (inspections with all their hazards, plans,
re-inspections, supervisions), so a cancelled run leaves a consistent database behind.

Hazards follow a simulated life: found → plan (五到位) → maybe extended → reported done → reviewed,
failed reviews send it back with a new deadline. The simulation is cut at ``today``, so every state
and the overdue cases arise naturally and keep the invariants the services rely on. Hazard numbers
are drawn from the ``sequences`` counter in blocks, so numbers the app issues later never collide.

Run it only on a database nobody else is writing to at the same time: ids are allocated from the
current maxima.
"""

from __future__ import annotations

import random
import re
import time as _time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import accumulate
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text, update

from inspector.core import demo_names as N
from inspector.core.audit import SYSTEM
from inspector.core.enums import (
    DUST_KINDS,
    HAZARD_SUBCATEGORIES,
    HAZARDOUS_PROCESSES,
    CategoryKind,
    HazardCategory,
    HazardLevel,
    HazardSource,
    HazardState,
    InspectionKind,
    InspectorRole,
    MajorHazardGrade,
    OperatingStatus,
    ReviewResult,
    RiskGrade,
)
from inspector.core.errors import FieldError, ValidationError
from inspector.core.numbering import HAZARD_SEQUENCE
from inspector.core.office import OfficeService, demo_office
from inspector.core.validation import CREDIT_CODE_CHARS, credit_code_check_char
from inspector.db.engine import Database
from inspector.db.models import Base

Progress = Callable[[int, int], bool]

DAYS_BACK = 540  # found dates spread over the last ~18 months
ENTERPRISE_CHUNK = 5_000
HAZARD_CHUNK = 10_000
MAJOR_SHARE = 0.03
ON_SPOT_SHARE = 0.15
DEMO_CERT_PREFIX = "32041120"

T = Base.metadata.tables
ENTERPRISES: Table = T["enterprises"]
CATEGORIES: Table = T["enterprise_categories"]
INSPECTORS: Table = T["inspectors"]
INSPECTIONS: Table = T["inspections"]
INSPECTION_INSPECTORS: Table = T["inspection_inspectors"]
HAZARDS: Table = T["hazards"]
PLANS: Table = T["rectification_plans"]
EXTENSIONS: Table = T["deadline_extensions"]
REVIEWS: Table = T["reinspections"]
REVIEW_INSPECTORS: Table = T["reinspection_inspectors"]
SUPERVISIONS: Table = T["supervisions"]
SEQUENCES: Table = T["sequences"]
AUDIT: Table = T["audit_events"]

# Tables whose integer ids we allocate ourselves (PostgreSQL serials are re-synced per chunk).
HAZARD_TABLES = (INSPECTIONS, HAZARDS, PLANS, EXTENSIONS, REVIEWS, SUPERVISIONS)
ID_TABLES = (ENTERPRISES, CATEGORIES, INSPECTORS, AUDIT, *HAZARD_TABLES)

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
_KIND_CUM = tuple(accumulate(_KIND_WEIGHTS.values()))
_HAZARDS_PER_VISIT = (0, 1, 2, 3, 4, 5, 6, 8)
_HAZARDS_PER_VISIT_CUM = (20, 40, 60, 75, 85, 92, 97, 100)
_GENERAL_DAYS = (7, 10, 15, 15, 20, 30, 30, 45)
_MAJOR_DAYS = (30, 60, 60, 90, 90, 120)
_MINUTES = (0, 0, 10, 15, 20, 30, 30, 40, 45, 50)


@dataclass
class DemoSummary:
    """What was generated; ``str()`` is the Chinese line the CLI prints."""

    seed: int
    enterprises: int = 0
    inspectors: int = 0
    inspections: int = 0
    hazards: int = 0
    states: Counter[str] = field(default_factory=Counter)
    majors: int = 0
    overdue: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    def __str__(self) -> str:
        head = "演示数据生成已取消，已写入部分" if self.cancelled else "已生成演示数据"
        states = "、".join(f"{s.value}{self.states.get(s.value, 0)}" for s in HazardState)
        return (
            f"{head}（随机种子 {self.seed}，用时 {self.seconds:.1f} 秒）：企业 {self.enterprises} 家，"
            f"新增检查人员 {self.inspectors} 名，检查记录 {self.inspections} 条，隐患 {self.hazards} 条"
            f"（{states}；重大隐患 {self.majors} 条，逾期 {self.overdue} 条）"
        )


@dataclass(frozen=True)
class _Ent:
    """What hazard generation needs to know about one enterprise."""

    id: int
    jurisdiction: str
    general: tuple[N.HazardTemplate, ...]
    major: tuple[N.HazardTemplate, ...]
    areas: tuple[str, ...]
    contact: str
    weight: int  # how often it is visited: higher risk grade, more visits; suspended, fewer


def generate(
    db: Database,
    *,
    enterprises: int = 200,
    hazards: int = 2000,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
    chunk_size: int = HAZARD_CHUNK,
) -> DemoSummary:
    """Fill ``db`` with demo data; appends to what is there without colliding with it.

    ``progress(done, total)`` is called after each committed chunk; returning False stops cleanly
    (what was committed stays and is consistent). With ``enterprises=0`` the hazards go to the
    enterprises already in the database.
    """
    errors = [
        FieldError(name, f"{label}不能为负数")
        for name, label, n in (("enterprises", "企业数量", enterprises), ("hazards", "隐患数量", hazards))
        if n < 0
    ]
    if errors:
        raise ValidationError(errors)
    started = _time.perf_counter()
    gen = _Generator(random.Random(seed), today or date.today(), chunk_size)
    summary = DemoSummary(seed=seed)
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MB: index inserts stay in memory
            conn.commit()
        try:
            summary.cancelled = not gen.run(conn, enterprises, hazards, progress, summary)
            summary.seconds = _time.perf_counter() - started
            with conn.begin():
                gen.write_audit(conn, summary, enterprises, hazards)
                _resync_serials(conn, (AUDIT,))
        finally:
            conn.rollback()  # whatever a failure left open; committed chunks stay
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA cache_size=-2000")
                conn.commit()
    _sample_office(db)
    return summary


def _sample_office(db: Database) -> None:
    """Demo data prints documents: give an unconfigured database the sample 新北 office."""
    office = OfficeService(db)
    if not office.is_configured():
        office.save(SYSTEM, demo_office())


def _resync_serials(conn: Connection, tables: tuple[Table, ...]) -> None:
    """PostgreSQL serials do not see explicit ids; move them past the max so app inserts work.

    Done inside every chunk's transaction, so even a killed run leaves the serials right.
    """
    if conn.dialect.name != "postgresql":
        return  # SQLite picks max(rowid) + 1 by itself
    for table in tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )


class _Generator:
    """Holds the random source, id counters and look-ups of one generation run."""

    def __init__(self, rng: random.Random, today: date, chunk_size: int) -> None:
        self.rng = rng
        self.today_o = today.toordinal()
        self.chunk = max(1, chunk_size)
        self.next_id: dict[str, int] = {}
        self.floor_checked: set[int] = set()
        self.index_triggers: list[_IndexTrigger] = []
        self.codes: set[str] = set()
        self.names: set[str] = set()
        self.town_officer: dict[str, int] = {}
        self.district_ids: list[int] = []
        self.supervisor_ids: list[int] = []
        self._pools: dict[
            frozenset[str], tuple[tuple[N.HazardTemplate, ...], tuple[N.HazardTemplate, ...]]
        ] = {}
        self._jur_names = tuple(N.JURISDICTIONS)
        self._jur_cum = _cum(w for w, _ in N.JURISDICTIONS.values())
        self._prof_cum = _cum(p.weight for p in N.PROFILES)
        self._surname_cum = _cum(N.SURNAME_WEIGHTS)

    # —— small random helpers ——

    def _pick(self, items: tuple[Any, ...], cum: tuple[int, ...]) -> Any:
        return items[_bisect(cum, self.rng.random() * cum[-1])]

    def person(self) -> str:
        rng = self.rng
        surname = N.SURNAMES[_bisect(self._surname_cum, rng.random() * self._surname_cum[-1])]
        given = rng.choice(N.GIVEN_CHARS)
        if rng.random() < 0.7:
            given += rng.choice(N.GIVEN_CHARS)
        return surname + given

    def phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return rng.choice(N.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        return rng.choice(N.LANDLINE_PREFIXES) + f"{rng.randrange(10**6):06d}"

    def credit_code(self) -> str:
        """GB 32100 code: 91 + region + organisation code (with GB 11714 check) + check char."""
        rng = self.rng
        while True:
            region = "320411" if rng.random() < 0.85 else rng.choice(("320400", "320412", "320402"))
            if rng.random() < 0.55:  # codes issued since 2015 start with MA
                body = "MA" + rng.choice("123") + "".join(rng.choice(_ORG_CHARS) for _ in range(5))
            else:
                body = rng.choice("567") + "".join(rng.choice("0123456789") for _ in range(7))
            first17 = f"91{region}{body}{_org_check(body)}"
            code = first17 + credit_code_check_char(first17)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def _id(self, table: Table) -> int:
        value = self.next_id[table.name]
        self.next_id[table.name] = value + 1
        return value

    # —— the run ——

    def run(
        self, conn: Connection, n_ent: int, n_haz: int, progress: Progress | None, summary: DemoSummary
    ) -> bool:
        with conn.begin():
            for table in ID_TABLES:
                self.next_id[table.name] = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
            self.codes.update(conn.scalars(select(ENTERPRISES.c.credit_code)))
            self.names.update(conn.scalars(select(ENTERPRISES.c.name)))
            if conn.dialect.name == "sqlite":
                self.index_triggers = _index_triggers(conn, HAZARDS.name)
            summary.inspectors = self._ensure_inspectors(conn)
            _resync_serials(conn, (INSPECTORS,))
        total = n_ent + n_haz

        ents: list[_Ent] = []
        done = 0
        while done < n_ent:
            k = min(ENTERPRISE_CHUNK, n_ent - done)
            with conn.begin():
                ents.extend(self._write_enterprises(conn, k))
                _resync_serials(conn, (ENTERPRISES, CATEGORIES))
            done += k
            summary.enterprises = done
            if progress is not None and progress(done, total) is False:
                return False
        if n_haz == 0:
            return True
        if not ents:
            with conn.begin():
                ents = self._load_enterprises(conn)
            if not ents:
                raise ValidationError(
                    [FieldError("enterprises", "数据库中没有未关闭的企业，无法生成隐患：请同时生成企业")]
                )
        weights = _cum(e.weight for e in ents)

        made = 0
        while made < n_haz:
            with conn.begin():
                made += self._write_hazard_chunk(conn, ents, weights, made, n_haz, summary)
                _resync_serials(conn, HAZARD_TABLES)
            if progress is not None and progress(n_ent + made, total) is False:
                return made >= n_haz
        return True

    # —— inspectors ——

    def _ensure_inspectors(self, conn: Connection) -> int:
        """Create the demo roster once; a second run reuses it (matched by 执法证号)."""
        roster: list[dict[str, Any]] = []
        for i, (name, role) in enumerate(N.DISTRICT_STAFF, start=1):
            roster.append(
                dict(
                    name=name,
                    certificate_no=f"{DEMO_CERT_PREFIX}{i:03d}",
                    unit=N.DISTRICT_UNIT,
                    role=role,
                    active=True,
                    _town=None,
                )
            )
        for i, (town, name) in enumerate(zip(N.JURISDICTIONS, N.TOWN_OFFICERS, strict=False), start=101):
            unit = f"{town}安监办" if town.endswith(("镇", "街道")) else f"{town}安全监管局"
            roster.append(
                dict(
                    name=name,
                    certificate_no=f"{DEMO_CERT_PREFIX}{i:03d}",
                    unit=unit,
                    role=InspectorRole.INSPECTOR.value,
                    active=True,
                    _town=town,
                )
            )
        rows = conn.execute(
            select(INSPECTORS.c.certificate_no, INSPECTORS.c.id).where(
                INSPECTORS.c.certificate_no.like(f"{DEMO_CERT_PREFIX}%")
            )
        )
        have: dict[str, int] = {code: iid for code, iid in rows}
        new_rows = []
        for r in roster:
            iid = have.get(r["certificate_no"])
            if iid is None:
                iid = self._id(INSPECTORS)
                new_rows.append({k: v for k, v in r.items() if not k.startswith("_")} | {"id": iid})
            if r["_town"]:
                self.town_officer[r["_town"]] = iid
            else:
                self.district_ids.append(iid)
            if r["role"] == InspectorRole.SUPERVISOR.value:
                self.supervisor_ids.append(iid)
        if new_rows:
            conn.execute(insert(INSPECTORS), new_rows)
        return len(new_rows)

    def _team(self, jurisdiction: str, n: int, need_supervisor: bool = False) -> list[int]:
        rng = self.rng
        pool = self.district_ids
        officer = self.town_officer.get(jurisdiction)
        team: list[int] = []
        if need_supervisor:
            team.append(rng.choice(self.supervisor_ids))
        elif officer is not None and rng.random() < 0.6:
            team.append(officer)
        while len(team) < n:
            pick = rng.choice(pool)
            if pick not in team:
                team.append(pick)
        return team

    # —— enterprises ——

    def _write_enterprises(self, conn: Connection, count: int) -> list[_Ent]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        cats: list[dict[str, Any]] = []
        ents: list[_Ent] = []
        start_o = self.today_o - DAYS_BACK - 400
        for _ in range(count):
            prof: N.Profile = self._pick(N.PROFILES, self._prof_cum)
            if prof.jurisdictions and rng.random() < 0.5:
                jur = rng.choice(prof.jurisdictions)
            else:
                jur = self._pick(self._jur_names, self._jur_cum)
            kinds = list(prof.categories)
            kinds += [k for k, p in prof.extra_categories if rng.random() < p and k not in kinds]
            dust_kind = rng.choice(prof.dust_kinds) if prof.dust_kinds else None
            if CategoryKind.DUST in kinds and dust_kind is None:
                dust_kind = "农副产品粉尘" if prof.key == "ammonia" else rng.choice(DUST_KINDS)
            industry = (
                N.DUST_INDUSTRY[dust_kind] if prof.key.startswith("dust") and dust_kind else prof.industry
            )
            name = self._company_name(prof)
            legal = self.person()
            principal = legal if rng.random() < 0.7 else self.person()
            status_roll = rng.random()
            status = (
                OperatingStatus.PRODUCING
                if status_roll < 0.88
                else OperatingStatus.SUSPENDED
                if status_roll < 0.96
                else OperatingStatus.CLOSED
            ).value
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
            road = rng.choice(N.JURISDICTIONS[jur][1])
            eid = self._id(ENTERPRISES)
            created = datetime.combine(date.fromordinal(start_o + rng.randrange(400)), time(9, 0))
            notes = ""
            if status == OperatingStatus.SUSPENDED.value:
                notes = rng.choice(("停产整顿中", "季节性停产", "设备改造停产"))
            rows.append(
                dict(
                    id=eid,
                    name=name,
                    credit_code=self.credit_code(),
                    address=f"{N.ADDRESS_PREFIX}{jur}{road}{rng.randint(1, 399)}号",
                    jurisdiction=jur,
                    industry=industry,
                    legal_representative=legal,
                    principal=principal,
                    safety_director=self.person(),
                    phone=self.phone(),
                    status=status,
                    risk_grade=risk,
                    dust_kind=dust_kind if CategoryKind.DUST in kinds else None,
                    dust_workers=_dust_workers(rng) if CategoryKind.DUST in kinds else None,
                    major_hazard_grade=major_grade,
                    hazardous_processes=processes,
                    plant_in_plant=rng.random() < 0.05,
                    notes=notes,
                    version=1,
                    created_at=created,
                    updated_at=created,
                )
            )
            for k in sorted(kinds):
                cats.append(dict(id=self._id(CATEGORIES), enterprise_id=eid, kind=str(k)))
            if status != OperatingStatus.CLOSED.value:  # closed enterprises get no new visits
                general, major = self._pool(frozenset(str(k) for k in kinds))
                ents.append(
                    _Ent(
                        eid,
                        jur,
                        general,
                        major,
                        prof.areas,
                        rows[-1]["safety_director"],
                        _visit_weight(risk, status),
                    )
                )
        conn.execute(insert(ENTERPRISES), rows)
        conn.execute(insert(CATEGORIES), cats)
        return ents

    def _company_name(self, prof: N.Profile) -> str:
        rng = self.rng
        name = ""
        for attempt in range(50):
            trade = "".join(rng.sample(N.TRADE_CHARS, 3 if attempt > 20 else 2))
            prefix = rng.choices(N.NAME_PREFIXES, weights=N.NAME_PREFIX_WEIGHTS)[0]
            name = f"{prefix}{trade}{rng.choice(prof.name_words)}{rng.choice(N.COMPANY_SUFFIXES)}"
            if name not in self.names:
                self.names.add(name)
                return name
        return name  # a rare duplicate name is legal; credit codes stay unique

    def _pool(
        self, kinds: frozenset[str]
    ) -> tuple[tuple[N.HazardTemplate, ...], tuple[N.HazardTemplate, ...]]:
        pools = self._pools.get(kinds)
        if pools is None:
            fits = [t for t in N.HAZARD_TEMPLATES if not t.kinds or t.kinds & kinds]
            pools = (tuple(t for t in fits if not t.major), tuple(t for t in fits if t.major))
            self._pools[kinds] = pools
        return pools

    def _load_enterprises(self, conn: Connection) -> list[_Ent]:
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
            general, major = self._pool(frozenset(kinds.get(eid, ())))
            ents.append(
                _Ent(
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

    # —— hazards ——

    def _write_hazard_chunk(
        self,
        conn: Connection,
        ents: list[_Ent],
        weights: tuple[int, ...],
        made: int,
        total: int,
        summary: DemoSummary,
    ) -> int:
        """Whole inspections with all their hazards until about one chunk of hazards is ready."""
        rng = self.rng
        today_o = self.today_o
        start_o = today_o - DAYS_BACK
        span = DAYS_BACK + 1
        b = _Batch()
        target = min(self.chunk, total - made)
        count = 0
        while count < target:
            day = start_o + ((made + count) * span) // total
            wd = (day - 1) % 7  # date.fromordinal(1) is a Monday
            if wd >= 5:
                day -= wd - 4  # weekend → the Friday before
            ent = ents[_bisect(weights, rng.random() * weights[-1])]
            if rng.random() < 0.1:
                source = rng.choices(_OTHER_SOURCES, weights=(60, 25, 15))[0]
                self._hazard(b, ent, None, day, source, time(9, 0), summary)
                count += 1
                continue
            k = _HAZARDS_PER_VISIT[_bisect(_HAZARDS_PER_VISIT_CUM, rng.random() * 100)]
            k = min(k, target - count)
            inspection_id, start_t = self._inspection(b, ent, day, k)
            for _ in range(k):
                self._hazard(b, ent, inspection_id, day, HazardSource.INSPECTION.value, start_t, summary)
            count += k
        self._number(conn, b.hazards)
        conn.execute(insert(INSPECTIONS), b.inspections)
        conn.execute(insert(INSPECTION_INSPECTORS), b.inspection_inspectors)
        # Row-by-row index triggers (the FTS copy) are replaced, inside this transaction, by one
        # INSERT … SELECT for the chunk: same rows indexed, ~5x cheaper. A failure rolls the DDL back.
        for trig in self.index_triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{trig.name}"')
        conn.execute(insert(HAZARDS), b.hazards)
        for trig in self.index_triggers:
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
        summary.inspections += len(b.inspections)
        summary.hazards += len(b.hazards)
        return count

    def _inspection(self, b: _Batch, ent: _Ent, day: int, k: int) -> tuple[int, time]:
        rng = self.rng
        kind = _KINDS[_bisect(_KIND_CUM, rng.random() * _KIND_CUM[-1])]
        n = rng.choice((1, 2, 2, 2, 3)) if kind != InspectionKind.ENFORCEMENT.value else rng.choice((2, 2, 3))
        team = self._team(ent.jurisdiction, n)
        start = time(rng.randint(8, 15), rng.choice(_MINUTES))
        end_min = min(start.hour * 60 + start.minute + rng.randint(60, 180), 17 * 60 + 30)
        iid = self._id(INSPECTIONS)
        d = date.fromordinal(day)
        notes = rng.choice(N.INSPECTION_NOTES) + (N.NOTE_FOUND.format(n=k) if k else N.NOTE_NONE)
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
                created_by_id=team[0],
                created_at=created,
                updated_at=created,
            )
        )
        b.inspection_inspectors.extend({"inspection_id": iid, "inspector_id": i} for i in team)
        return iid, start

    def _hazard(
        self,
        b: _Batch,
        ent: _Ent,
        inspection_id: int | None,
        found_o: int,
        source: str,
        start_t: time,
        summary: DemoSummary,
    ) -> None:
        rng = self.rng
        today_o = self.today_o
        is_major = bool(ent.major) and rng.random() < MAJOR_SHARE
        tpl: N.HazardTemplate = rng.choice(ent.major if is_major else ent.general)
        level = HazardLevel.MAJOR.value if is_major else HazardLevel.GENERAL.value
        hid = self._id(HAZARDS)
        found = date.fromordinal(found_o)
        location = rng.choice(tpl.locations)
        if location.endswith("车间") and rng.random() < 0.4:
            location = f"{rng.randint(1, 6)}号{location}"
        on_spot = not is_major and inspection_id is not None and rng.random() < ON_SPOT_SHARE
        lo, hi = tpl.funds
        funds = int(rng.uniform(lo, hi) / 100) * 100
        unit = rng.choice(N.RESPONSIBLE_UNITS)

        plan_o: int | None  # when the five-in-place plan was complete (None: not yet)
        deadline = found_o
        reported: int | None = None
        closed: int | None = None
        last_o = found_o
        reviews: list[tuple[int, str, int | None, int]] = []  # (day, result, new deadline, deadline before)
        ext: tuple[int, int, int] | None = None
        if on_spot:
            state = HazardState.CLOSED.value
            plan_o = reported = closed = found_o
            funds = min(funds, 2000)
            measures, contingency = "现场立即整改：" + tpl.measures, "现场已整改完毕，无需另行管控。"
        else:
            measures, contingency = tpl.measures, tpl.contingency
            deadline = found_o + rng.choice(_MAJOR_DAYS if is_major else _GENERAL_DAYS)
            laggard = rng.random() < 0.06
            plan_o = found_o + (rng.randint(15, 240) if laggard else rng.randint(0, 7 if is_major else 3))
            cur = deadline
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
            cycles: list[tuple[int, int, str, int | None]] = []
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
            # Cut the simulated life at today.
            if plan_o > today_o:
                state, plan_o = HazardState.REPORTED.value, None
                ext = None
            else:
                last_o = plan_o
                state = HazardState.RECTIFYING.value
                if ext is not None and ext[0] <= today_o:
                    deadline = ext[2]
                    last_o = ext[0]
                else:
                    ext = None
                for t_done, t_review, result, nd in cycles:
                    if t_done > today_o:
                        break
                    state, reported, last_o = HazardState.PENDING_REVIEW.value, t_done, t_done
                    if t_review > today_o:
                        break
                    reviews.append((t_review, result, nd, deadline))
                    last_o = t_review
                    if nd is not None:
                        state, reported, deadline = HazardState.RECTIFYING.value, None, nd
                    else:
                        state, closed = HazardState.CLOSED.value, t_review

        created = datetime.combine(found, start_t)
        b.hazards.append(
            dict(
                id=hid,
                number=None,
                enterprise_id=ent.id,
                inspection_id=inspection_id,
                source=source,
                location=location,
                description=tpl.description,
                category=(
                    HazardCategory.SITE if tpl.subcategory in _SITE_SUBS else HazardCategory.BASIC
                ).value,
                subcategory=tpl.subcategory,
                level=level,
                legal_basis=tpl.legal_basis,
                found_on=found,
                state=state,
                deadline=date.fromordinal(deadline),
                rectified_on_spot=on_spot,
                reported_done_on=date.fromordinal(reported) if reported is not None else None,
                closed_on=date.fromordinal(closed) if closed is not None else None,
                notes=N.ON_SPOT_NOTE if on_spot else (N.MAJOR_NOTE if is_major else ""),
                version=1,
                created_at=created,
                updated_at=datetime.combine(date.fromordinal(last_o), time(16, 30))
                if last_o > found_o
                else created,
            )
        )
        summary.states[state] += 1
        if is_major:
            summary.majors += 1
        if closed is None and deadline < today_o:
            summary.overdue += 1

        if plan_o is not None:
            at = datetime.combine(date.fromordinal(plan_o), time(10, 0))
            b.plans.append(
                dict(
                    id=self._id(PLANS),
                    hazard_id=hid,
                    responsible_unit=unit,
                    responsible_person=self.person(),
                    measures=measures,
                    funds=funds,
                    contingency=contingency,
                    created_at=at,
                    updated_at=at,
                )
            )
        elif rng.random() < 0.3:  # 待整改 with a plan still missing elements (资金、预案)
            b.plans.append(
                dict(
                    id=self._id(PLANS),
                    hazard_id=hid,
                    responsible_unit=unit,
                    responsible_person=self.person(),
                    measures=measures,
                    funds=None,
                    contingency="",
                    created_at=created,
                    updated_at=created,
                )
            )
        if ext is not None:
            b.extensions.append(
                dict(
                    id=self._id(EXTENSIONS),
                    hazard_id=hid,
                    old_deadline=date.fromordinal(ext[1]),
                    new_deadline=date.fromordinal(ext[2]),
                    reason=rng.choice(N.EXTENSION_REASONS),
                    by_id=rng.choice(self.supervisor_ids),
                    at=datetime.combine(date.fromordinal(ext[0]), time(15, 0)),
                )
            )
        for t_review, result, nd, before in reviews:
            rid = self._id(REVIEWS)
            passed = nd is None
            b.reviews.append(
                dict(
                    id=rid,
                    hazard_id=hid,
                    reviewed_on=date.fromordinal(t_review),
                    result=result,
                    opinion=rng.choice(N.REVIEW_PASS if passed else N.REVIEW_FAIL),
                    new_deadline=date.fromordinal(nd) if nd is not None else None,
                    previous_deadline=date.fromordinal(before)
                    if nd is not None
                    else None,  # as lifecycle._review
                )
            )
            team = self._team(ent.jurisdiction, rng.choice((1, 2, 2)), need_supervisor=is_major and passed)
            b.review_inspectors.extend({"reinspection_id": rid, "inspector_id": i} for i in team)
        if is_major:
            listed = min(found_o + rng.randint(0, 3), today_o)
            b.supervisions.append(
                dict(
                    id=self._id(SUPERVISIONS),
                    hazard_id=hid,
                    listed_on=date.fromordinal(listed),
                    unit=rng.choice(N.SUPERVISION_UNITS),
                    delisted_on=date.fromordinal(closed) if closed else None,
                )
            )

    def _number(self, conn: Connection, hazards: list[dict[str, Any]]) -> None:
        """Give the chunk's hazards YH{year}-{seq:06d} numbers, reserving blocks of the counter."""
        per_year = Counter(h["found_on"].year for h in hazards)
        nxt = {year: self._reserve(conn, year, k) for year, k in sorted(per_year.items())}
        for h in hazards:
            year = h["found_on"].year
            h["number"] = f"YH{year}-{nxt[year]:06d}"
            nxt[year] += 1

    def _reserve(self, conn: Connection, year: int, k: int) -> int:
        """First of ``k`` fresh values of the hazard counter for ``year`` (same rule as numbering)."""
        seq = SEQUENCES.c
        where = (seq.name == HAZARD_SEQUENCE, seq.year == year)
        if year not in self.floor_checked:
            # Numbers may exist that the counter never issued (imports): start past them too.
            top = conn.scalar(
                select(HAZARDS.c.number)
                .where(HAZARDS.c.number.like(f"YH{year}-%"))
                .order_by(func.length(HAZARDS.c.number).desc(), HAZARDS.c.number.desc())
                .limit(1)
            )
            floor = int(top.split("-", 1)[1]) if top else 0
            current = conn.scalar(select(seq.value).where(*where))
            if current is None:
                conn.execute(insert(SEQUENCES).values(name=HAZARD_SEQUENCE, year=year, value=floor))
            elif current < floor:
                conn.execute(update(SEQUENCES).where(*where).values(value=floor))
            self.floor_checked.add(year)
        end = conn.execute(
            update(SEQUENCES).where(*where).values(value=seq.value + k).returning(seq.value)
        ).scalar_one()
        return int(end) - k + 1

    def write_audit(self, conn: Connection, s: DemoSummary, n_ent: int, n_haz: int) -> None:
        """One summary event instead of millions: the trail says demo data was generated, and how much."""
        conn.execute(
            insert(AUDIT),
            [
                dict(
                    id=self._id(AUDIT),
                    at=datetime.now().replace(microsecond=0),
                    actor_id=None,
                    actor_name="系统",
                    entity_type="database",
                    entity_id=0,
                    action="demo",
                    summary=str(s),
                    after={
                        "seed": s.seed,
                        "enterprises": s.enterprises,
                        "hazards": s.hazards,
                        "inspections": s.inspections,
                        "requested": [n_ent, n_haz],
                        "cancelled": s.cancelled,
                    },
                )
            ],
        )


@dataclass(frozen=True)
class _IndexTrigger:
    """An AFTER INSERT trigger that only copies the new row into an index table (SQLite FTS)."""

    name: str
    create_sql: str
    bulk_sql: str  # the same copy for rows :lo..:hi


_COPY_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+\"?(\w+)\"?\s+AFTER\s+INSERT\s+ON\s+\"?(\w+)\"?\s+BEGIN\s+"
    r"INSERT\s+INTO\s+\"?(\w+)\"?\s*\(([\w\s,]+)\)\s*VALUES\s*\(([\w\s,.]+)\)\s*;\s*END\s*",
    re.IGNORECASE,
)


def _index_triggers(conn: Connection, table: str) -> list[_IndexTrigger]:
    """Triggers on ``table`` of exactly the shape ``INSERT INTO t(cols) VALUES (new.a, new.b…)``.

    Derived from the trigger text itself, so the bulk copy does what the trigger does; a trigger
    of any other shape is left in place and fires per row as usual.
    """
    found = []
    rows = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}
    )
    for name, sql in rows:
        m = _COPY_TRIGGER.fullmatch(sql or "")
        if not m or m[1] != name or m[2] != table:
            continue
        values = [v.strip() for v in m[5].split(",")]
        if not all(v.lower().startswith("new.") for v in values):
            continue
        cols = ", ".join(v[4:] for v in values)
        bulk = f'INSERT INTO "{m[3]}"({m[4]}) SELECT {cols} FROM "{table}" WHERE id BETWEEN :lo AND :hi'
        found.append(_IndexTrigger(name, sql, bulk))
    return found


class _Batch:
    """Rows of one chunk, per table, in insert order."""

    def __init__(self) -> None:
        self.inspections: list[dict[str, Any]] = []
        self.inspection_inspectors: list[dict[str, Any]] = []
        self.hazards: list[dict[str, Any]] = []
        self.plans: list[dict[str, Any]] = []
        self.extensions: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.review_inspectors: list[dict[str, Any]] = []
        self.supervisions: list[dict[str, Any]] = []


_SITE_SUBS = frozenset(HAZARD_SUBCATEGORIES[HazardCategory.SITE])
_PROCESSES = tuple(HAZARDOUS_PROCESSES[i] for i in (2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14))
_OTHER_SOURCES = (HazardSource.SELF_CHECK.value, HazardSource.ASSIGNED.value, HazardSource.REPORT.value)
_ORG_CHARS = "".join(c for c in CREDIT_CODE_CHARS if c.isalnum())
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


_RISK_VISITS = {"红": 6, "橙": 4, "黄": 2, "蓝": 1}


def _visit_weight(risk: str | None, status: str) -> int:
    weight = _RISK_VISITS.get(risk or "", 2)
    return weight if status == OperatingStatus.PRODUCING.value else 1


def _dust_workers(rng: random.Random) -> int:
    """涉粉作业人数: most plants are small, a few big; the 10-worker line matters for campaigns."""
    return max(1, int(rng.lognormvariate(2.4, 0.8)))


def _cum(weights: Any) -> tuple[int, ...]:
    """Cumulative weights for ``_bisect``: one random() per weighted pick, cheaper than choices()."""
    return tuple(accumulate(weights))


def _bisect(cum: tuple[int, ...], x: float) -> int:
    return bisect_right(cum, x)
