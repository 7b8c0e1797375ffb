"""Databases for the benchmarks, built once per session and only when a benchmark asks for them.

Benchmarks run only through ``make bench`` (``--benchmark-only``). Under ``make test`` the plugin
marks every test that uses ``benchmark`` as skipped at collection time, so these session fixtures are
never set up there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from inspector.core.demo import generate
from inspector.db import migrate
from inspector.db.engine import Database

BENCH_TODAY = date(2026, 11, 20)  # fixed so every run measures the same data
ENTERPRISES_10K = 10_000
HAZARD_DB_ENTERPRISES = 2_000
HAZARD_DB_HAZARDS = 200_000
MILLION_ENTERPRISES = 10_000
MILLION_HAZARDS = 1_000_000
CACHE_ENV = "INSPECTOR_BENCH_CACHE"
"""A folder where the million-hazard database is kept between runs (keyed by the schema's head
revision), so repeated ``make bench`` runs do not spend minutes generating it again."""
PG_ENV = "INSPECTOR_BENCH_PG_URL"
"""A PostgreSQL database for the team-server benchmarks (emptied and filled with the million
hazards when it holds anything else; kept between runs). Unset: those benchmarks are skipped."""


def _built(template: Path, folder: Path, name: str, enterprises: int, hazards: int) -> Database:
    path = folder / f"{name}.sqlite3"
    shutil.copy(template, path)
    db = Database(f"sqlite:///{path}")
    generate(db, enterprises=enterprises, hazards=hazards, seed=2026, today=BENCH_TODAY)
    with db.engine.connect() as c:  # no ANALYZE: measure the plans a user's file really gets
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


@pytest.fixture(scope="session")
def bench_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="session")
def enterprises_10k(_sqlite_template: Path, bench_dir: Path) -> Iterator[Database]:
    """10,000 enterprises (no hazards): the registry list of a whole district."""
    db = _built(_sqlite_template, bench_dir, "enterprises10k", ENTERPRISES_10K, 0)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def hazards_200k(_sqlite_template: Path, bench_dir: Path) -> Iterator[Database]:
    """2,000 enterprises with 200,000 hazards: several years of a busy district's ledger."""
    db = _built(_sqlite_template, bench_dir, "hazards200k", HAZARD_DB_ENTERPRISES, HAZARD_DB_HAZARDS)
    yield db
    db.dispose()


def _older_cache(cached: Path) -> Path | None:
    """The newest cached million-hazard file of an older schema, if any."""
    found = sorted(cached.parent.glob("hazards1m-*.sqlite3"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


@pytest.fixture(scope="session")
def hazards_1m(_sqlite_template: Path, bench_dir: Path) -> Iterator[Database]:
    """10,000 enterprises with 1,000,000 hazards: the scale the lists and exports must stay fast at.

    With ``INSPECTOR_BENCH_CACHE`` set, the built file is kept there and copied in on the next run
    of the same schema; without it the database is generated (a few minutes)."""
    cache = os.environ.get(CACHE_ENV)
    name = f"hazards1m-{migrate.head_revision()}"
    cached = Path(cache) / f"{name}.sqlite3" if cache else None
    older = _older_cache(cached) if cached is not None and not cached.exists() else None
    if cached is not None and cached.exists():
        path = bench_dir / f"{name}.sqlite3"
        shutil.copy(cached, path)
        db = Database(f"sqlite:///{path}")
    elif cached is not None and older is not None:
        # An older schema's file upgraded by the app's own migrations (seconds, not minutes of
        # generating): the same data a user's file has after the upgrade.
        path = bench_dir / f"{name}.sqlite3"
        shutil.copy(older, path)
        db = Database(f"sqlite:///{path}")
        migrate.upgrade(db, backup_dir=bench_dir / "upgrade-backup")
        shutil.rmtree(bench_dir / "upgrade-backup", ignore_errors=True)
        with db.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(path, cached.with_suffix(".part"))
        cached.with_suffix(".part").replace(cached)
    else:
        db = _built(_sqlite_template, bench_dir, name, MILLION_ENTERPRISES, MILLION_HAZARDS)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(bench_dir / f"{name}.sqlite3", cached.with_suffix(".part"))
            cached.with_suffix(".part").replace(cached)  # never a half-copied cache file
    yield db
    db.dispose()


def million_on_postgresql(url: str) -> Database:
    """The million hazards of ``hazards_1m`` (same seed and day) on a team server, then VACUUM
    ANALYZE, as autovacuum does on a server in use (statistics for the planner, and the visibility
    map that lets an index-only scan skip the table)."""
    from sqlalchemy import text

    db = Database(url)
    migrate.upgrade(db, daily_backup=False)
    with db.engine.connect() as c:
        have = c.execute(text("SELECT count(*) FROM hazards")).scalar_one()
        enterprises = c.execute(text("SELECT count(*) FROM enterprises")).scalar_one()
    if (have, enterprises) != (MILLION_HAZARDS, MILLION_ENTERPRISES):
        with db.engine.begin() as c:
            tables = ", ".join(
                t
                for t in c.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                ).scalars()
                if t != "alembic_version"
            )
            c.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        generate(db, enterprises=MILLION_ENTERPRISES, hazards=MILLION_HAZARDS, seed=2026, today=BENCH_TODAY)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE"))
    return db


@pytest.fixture(scope="session")
def hazards_1m_pg() -> Iterator[Database]:
    """``hazards_1m`` on PostgreSQL (``INSPECTOR_BENCH_PG_URL``); built once, kept between runs."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} not set: no team-server benchmarks")
    db = million_on_postgresql(url)
    yield db
    db.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def million(request: pytest.FixtureRequest) -> Database:
    """The million hazards on each back-end (PostgreSQL skipped without ``INSPECTOR_BENCH_PG_URL``)."""
    return request.getfixturevalue("hazards_1m" if request.param == "sqlite" else "hazards_1m_pg")


def backend(db: Database) -> str:
    """For the printed names of the figures."""
    return "SQLite" if db.is_sqlite else "PostgreSQL"


@pytest.fixture
def fresh_sqlite(_sqlite_template: Path, bench_dir: Path) -> Iterator[Callable[[], Database]]:
    """A factory of empty migrated SQLite databases, one per benchmark round."""
    made: list[Database] = []

    def make() -> Database:
        path = bench_dir / f"fresh{len(made)}-{id(made)}.sqlite3"
        shutil.copy(_sqlite_template, path)
        db = Database(f"sqlite:///{path}")
        made.append(db)
        return db

    yield make
    for db in made:
        db.dispose()
        Path(db.engine.url.database or "").unlink(missing_ok=True)


@dataclass(frozen=True)
class Ratio:
    """One paired measurement: our path against its peer, timed in the same run."""

    name: str
    ours: float
    peer: float
    limit: float  # the ratio the issue asks for (ours / peer must stay at or under it)

    @property
    def value(self) -> float:
        return self.ours / self.peer if self.peer else float("inf")


RATIOS: list[Ratio] = []


@pytest.fixture
def record_ratio() -> Callable[[str, float, float, float], Ratio]:
    """``record_ratio(name, ours_seconds, peer_seconds, limit)``: kept for the summary at the end."""

    def record(name: str, ours: float, peer: float, limit: float) -> Ratio:
        ratio = Ratio(name, ours, peer, limit)
        RATIOS.append(ratio)
        return ratio

    return record


BUDGETS: list[tuple[str, float, float]] = []


@pytest.fixture
def record_budget() -> Callable[[str, float, float], None]:
    """``record_budget(name, seconds, limit_seconds)``: an absolute target (a tracker operation
    under 150 ms), reported at the end beside the ratios."""

    def record(name: str, seconds: float, limit: float) -> None:
        BUDGETS.append((name, seconds, limit))

    return record


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """``make bench`` ends with each ratio and budget against the limit the issue sets."""
    if BUDGETS:
        terminalreporter.section("budgets (median, this run)")
        for name, seconds, limit in BUDGETS:
            verdict = "met" if seconds <= limit else "NOT met"
            terminalreporter.write_line(
                f"{name}: {seconds * 1000:.1f} ms (limit {limit * 1000:g} ms, {verdict})"
            )
    if not RATIOS:
        return
    terminalreporter.section("ratios (ours / peer, same run)")
    for r in RATIOS:
        verdict = "met" if r.value <= r.limit else "NOT met"
        terminalreporter.write_line(
            f"{r.name}: {r.ours * 1000:.1f} ms / {r.peer * 1000:.1f} ms = {r.value:.2f}× "
            f"(limit {r.limit:g}×, {verdict})"
        )
