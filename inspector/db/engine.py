"""Engine and unit of work for SQLite (one laptop) and PostgreSQL (a district team)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 10_000
T = TypeVar("T")


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for memory/other back-ends."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's legacy mode opens a transaction only before INSERT/UPDATE/DELETE, so the SELECTs
    # of a check-then-write ran outside it and two processes could both pass the check. We emit
    # BEGIN ourselves (``_sqlite_begin``); a write transaction takes the write lock at once.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


WRITE = {"sqlite_begin": "IMMEDIATE"}


def _sqlite_begin(conn: Any) -> None:
    """BEGIN IMMEDIATE for a write transaction (Database.transaction), plain BEGIN otherwise."""
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _pin_sqlite(engine: Engine, sessions: list[Session]) -> bool:
    """Start each session's read while a write lock keeps commits out: they then see one state.

    The lock is asked for without waiting and held for those few statements; False when another
    program is writing (its transaction may last seconds, and a report should not wait for it).
    """
    raw = engine.raw_connection()
    cur = raw.cursor()
    try:
        cur.execute("PRAGMA busy_timeout=0")
        try:
            cur.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # locked
            return False
        try:
            for s in sessions:  # a read of the schema starts the session's WAL snapshot
                s.execute(text("SELECT count(*) FROM sqlite_master"))
        finally:
            cur.execute("ROLLBACK")
        return True
    finally:
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.close()
        raw.close()


def _share_postgresql(sessions: list[Session]) -> None:
    """The first session's REPEATABLE READ snapshot, exported to the others (as pg_dump -j does)."""
    first, *others = sessions
    first.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    snapshot = str(first.execute(text("SELECT pg_export_snapshot()")).scalar_one())
    if not re.fullmatch(r"[0-9A-Fa-f-]+", snapshot):  # inlined below: a utility takes no parameters
        raise RuntimeError(f"unexpected snapshot id {snapshot!r}")
    for s in others:
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        s.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))


@contextmanager
def read_beside(
    helper: Session | None, main: Session, work: Callable[[Session], T]
) -> Iterator[Callable[[], T]]:
    """``work`` on ``helper`` in a thread of its own while the caller reads on with ``main``.

    The sessions come from ``Database.reading_pair``. The call yielded gives the result (its
    error, if it failed); without a helper it runs ``work`` on ``main`` there and then. Leaving the
    block waits for the thread, so the sessions outlive it. Both databases' drivers let go of the
    interpreter while a statement runs, so the two really run at once on a second core.
    """
    if helper is None:
        yield lambda: work(main)
        return
    with ThreadPoolExecutor(1, "inspector-read") as pool:
        yield pool.submit(work, helper).result


def make_engine(url: str) -> Engine:
    """Create the engine; for SQLite, create the folder and switch on WAL, FKs, busy timeout."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if u.drivername == "postgresql":  # plain URL: use psycopg 3, which we ship
        u = u.set(drivername="postgresql+psycopg")
    return create_engine(u, pool_pre_ping=True)


class Database:
    """Owns the engine and hands out one session per user action."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Write transactions: on SQLite the lock is taken at BEGIN, before the first read, so a
        # check ("already issued?", "next number") and the write it guards are one atomic step.
        writer = self.engine.execution_options(**WRITE) if self.is_sqlite else self.engine
        self._writers = sessionmaker(writer, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back everything on error."""
        with self._writers() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session (queries for lists, reports)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def reading_pair(self) -> Iterator[tuple[Session, Session | None]]:
        """A read-only session and a helper session that sees the database at the same moment.

        For a report whose parts are read in parallel (``read_beside``): they still add up when
        someone saves in between. PostgreSQL exports the first session's snapshot to the helper.
        SQLite has no such call, so both start reading while a brief write lock keeps commits out;
        when that lock is not free at once, or the database lives in memory, there is no helper
        (None) and the caller reads its parts one after the other.
        """
        with self._sessions() as main, self._sessions() as helper:
            if self.is_sqlite:
                if sqlite_file(self.url) is None or not _pin_sqlite(self.engine, [main, helper]):
                    yield main, None
                    return
            else:
                _share_postgresql([main, helper])
            yield main, helper

    def dispose(self) -> None:
        self.engine.dispose()
