"""``Database.reading_pair``: sessions read in parallel see one and the same moment."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from inspector.db.engine import Database
from inspector.db.models import Inspector


def _inspectors(session) -> int:  # type: ignore[no-untyped-def]
    return int(session.scalar(select(func.count(Inspector.id))) or 0)


def _add_inspector(db: Database, name: str) -> None:
    with db.transaction() as w:
        w.add(Inspector(name=name))


def test_a_commit_between_the_reads_is_seen_by_neither(db: Database) -> None:
    _add_inspector(db, "张明")
    with db.reading_pair() as (first, second):
        assert second is not None
        before = _inspectors(first)
        _add_inspector(db, "李华")  # after the snapshot, before the second session's first query
        assert _inspectors(second) == before
        assert _inspectors(first) == before
    with db.reading() as s:
        assert _inspectors(s) == before + 1


def test_one_session_when_a_writer_holds_the_sqlite_lock(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("PostgreSQL shares snapshots without a lock")
    with db.transaction() as w:  # BEGIN IMMEDIATE: the write lock, held until the block ends
        w.add(Inspector(name="王强"))
        w.flush()
        with db.reading_pair() as (main, helper):
            assert helper is None
            assert _inspectors(main) == 0  # the writer's row is not committed
    with db.reading_pair() as (main, helper):  # the lock is free again
        assert helper is not None
        assert [_inspectors(main), _inspectors(helper)] == [1, 1]
