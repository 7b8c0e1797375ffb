"""Benchmark of a 双随机 draw: 30 % of 1,000 enterprises, two inspectors each, stored and audited.

Run with ``make bench``. The issue asks for "well under a second"; the figure is in the report.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.draws import DrawRequest
from inspector.db.engine import Database
from inspector.db.models import Enterprise, Inspection, Inspector, InspectorConflict, inspection_inspectors
from tests.factories import credit_code

ENTERPRISES = 1_000
INSPECTORS = 30
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def district(_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """1,000 enterprises, 30 inspectors (two without 执法证号), 200 回避, a visit to every enterprise."""
    path = tmp_path_factory.mktemp("bench_draws") / "draws.sqlite3"
    shutil.copy(_sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        s.execute(
            insert(Inspector),
            [
                {"id": i, "name": f"检查员{i}", "certificate_no": "" if i <= 2 else f"3204110{i:04d}"}
                for i in range(1, INSPECTORS + 1)
            ],
        )
        s.execute(
            insert(Enterprise),
            [
                {"id": e, "name": f"测试企业{e}", "credit_code": credit_code(e), "jurisdiction": "春江镇"}
                for e in range(1, ENTERPRISES + 1)
            ],
        )
        s.execute(
            insert(InspectorConflict),
            [
                {"inspector_id": 3 + e % 27, "enterprise_id": e, "reason": "亲属", "declared_on": TODAY}
                for e in range(1, ENTERPRISES + 1, 5)
            ],
        )
        s.execute(
            insert(Inspection),
            [
                {
                    "id": e,
                    "enterprise_id": e,
                    "inspected_on": TODAY - timedelta(days=e % 300),
                    "kind": "日常检查",
                }
                for e in range(1, ENTERPRISES + 1)
            ],
        )
        s.execute(
            insert(inspection_inspectors),
            [
                {"inspection_id": e, "inspector_id": p}
                for e in range(1, ENTERPRISES + 1)
                for p in (3 + e % 5, 10 + e % 7)
            ],
        )
    yield db
    db.dispose()


def test_bench_draw_30_percent_of_1000(benchmark, district: Database) -> None:
    """Pool, exclusions (回避 and the last visit's inspectors), ranking, storing and the audit event."""
    services = Services.on(district, clock=lambda: TODAY)
    seeds = iter(range(1_000_000))

    def draw() -> int:
        request = DrawRequest(seed=f"bench-{next(seeds)}", percent="30", exclude_last=True)
        return len(services.draws.draw(SYSTEM, request).entries)

    assert benchmark.pedantic(draw, rounds=5, iterations=1) == 300
