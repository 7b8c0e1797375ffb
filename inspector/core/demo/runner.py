"""The run: inspectors, then enterprises, then hazards, chunk by chunk, one transaction each."""

from __future__ import annotations

import random
import time as _time
from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, func, insert, select

from inspector.core.audit import SYSTEM, stamp
from inspector.core.demo.enterprises import ENTERPRISE_CHUNK, Ent, load_enterprises, write_enterprises
from inspector.core.demo.hazards import HAZARD_CHUNK, write_hazard_chunk
from inspector.core.demo.inspectors import ensure_inspectors
from inspector.core.demo.plans import sample_plans
from inspector.core.demo.state import DemoSummary, Run, cumulative
from inspector.core.demo.tables import (
    AUDIT,
    CATEGORIES,
    ENTERPRISES,
    HAZARD_TABLES,
    HAZARDS,
    ID_TABLES,
    INSPECTORS,
    index_triggers,
    resync_serials,
)
from inspector.core.errors import FieldError, ValidationError
from inspector.core.office import OfficeService, demo_office
from inspector.db.engine import Database
from inspector.i18n import QT_TRANSLATE_NOOP, say

Progress = Callable[[int, int], bool]
"""``progress(done, total)`` after each committed chunk; returning False stops cleanly."""


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
    counts = (
        ("enterprises", QT_TRANSLATE_NOOP("core", "企业数量"), enterprises),
        ("hazards", QT_TRANSLATE_NOOP("core", "隐患数量"), hazards),
    )
    errors = [
        FieldError(name, say(QT_TRANSLATE_NOOP("core", "{label}不能为负数"), label=say(label)))
        for name, label, n in counts
        if n < 0
    ]
    if errors:
        raise ValidationError(errors)
    started = _time.perf_counter()
    run = Run(random.Random(seed), today or date.today(), chunk_size)
    summary = DemoSummary(seed=seed)
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MB: index inserts stay in memory
            conn.commit()
        try:
            summary.cancelled = not _run(run, conn, enterprises, hazards, progress, summary)
            summary.seconds = _time.perf_counter() - started
            with conn.begin():
                _write_audit(run, conn, summary, enterprises, hazards)
                resync_serials(conn, (AUDIT,))
        finally:
            conn.rollback()  # whatever a failure left open; committed chunks stay
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("PRAGMA cache_size=-2000")
                conn.commit()
    _sample_office(db, date.fromordinal(run.today_o))
    if summary.enterprises and not summary.cancelled:
        sample_plans(db, date.fromordinal(run.today_o))
    return summary


def _run(
    run: Run, conn: Connection, n_ent: int, n_haz: int, progress: Progress | None, summary: DemoSummary
) -> bool:
    """Write everything; False when ``progress`` stopped it early."""
    with conn.begin():
        _start(run, conn, summary)
    total = n_ent + n_haz

    ents: list[Ent] = []
    done = 0
    while done < n_ent:
        k = min(ENTERPRISE_CHUNK, n_ent - done)
        with conn.begin():
            ents.extend(write_enterprises(run, conn, k))
            resync_serials(conn, (ENTERPRISES, CATEGORIES))
        done += k
        summary.enterprises = done
        if progress is not None and progress(done, total) is False:
            return False
    if n_haz == 0:
        return True
    if not ents:
        with conn.begin():
            ents = load_enterprises(run, conn)
        if not ents:
            raise ValidationError(
                [
                    FieldError(
                        "enterprises",
                        say(
                            QT_TRANSLATE_NOOP(
                                "core", "数据库中没有未关闭的企业，无法生成隐患：请同时生成企业"
                            )
                        ),
                    )
                ]
            )
    weights = cumulative(e.weight for e in ents)

    made = 0
    while made < n_haz:
        with conn.begin():
            made += write_hazard_chunk(run, conn, ents, weights, made, n_haz, summary)
            resync_serials(conn, HAZARD_TABLES)
        if progress is not None and progress(n_ent + made, total) is False:
            return made >= n_haz
    return True


def _start(run: Run, conn: Connection, summary: DemoSummary) -> None:
    """Ids continue from the current maxima; codes and names already taken stay unique."""
    for table in ID_TABLES:
        run.next_id[table.name] = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
    run.codes.update(conn.scalars(select(ENTERPRISES.c.credit_code)))
    run.names.update(conn.scalars(select(ENTERPRISES.c.name)))
    if conn.dialect.name == "sqlite":
        run.index_triggers = index_triggers(conn, HAZARDS.name)
    summary.inspectors = ensure_inspectors(run, conn)
    resync_serials(conn, (INSPECTORS,))


def _write_audit(run: Run, conn: Connection, s: DemoSummary, n_ent: int, n_haz: int) -> None:
    """One summary event instead of millions: the trail says demo data was generated, and how much."""
    conn.execute(
        insert(AUDIT),
        [
            dict(
                id=run.new_id(AUDIT),
                at=stamp(date.fromordinal(run.today_o)),
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


def _sample_office(db: Database, today: date) -> None:
    """Demo data prints documents: give an unconfigured database the sample 新北 office."""
    office = OfficeService(db, lambda: today)
    if not office.is_configured():
        office.save(SYSTEM, demo_office())
