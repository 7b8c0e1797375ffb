"""The monthly ledger at 1,000,000 hazards, paired with raw SQL and bare writers in the same run.

- 10,000 rows (March 2026 in 西夏墅镇: 10,033 rows of the demo data) against raw SQL written by
  openpyxl write-only and by XlsxWriter (constant_memory, as ours) with the same 24 columns:
  ``ledger 10k / fastest raw writer`` (limit 1.3×);
- the biggest month (June 2026: 109,434 rows found in it or open at any time in it) under 15 s;
- the month's 汇总 (``LedgerService.summary``) against raw SQL reading the same rows.

Run with ``make bench`` (``INSPECTOR_BENCH_CACHE`` keeps the million-hazard file between runs).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from inspector.core.demo import generate
from inspector.core.ledger import LedgerFilter, LedgerService
from inspector.core.office import OfficeService
from inspector.db.engine import Database
from inspector.reports.ledger import export_month
from tests.bench.conftest import BENCH_TODAY
from tests.bench.ledger_peers import raw_rows, write_openpyxl, write_xlsxwriter

TEN_K = LedgerFilter(2026, 3, "西夏墅镇")
BIG_MONTH = LedgerFilter(2026, 6)


def _median(fn: Callable[[], Any], rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


@pytest.fixture(scope="module")
def ledger_1m(hazards_1m: Database) -> tuple[Database, Path]:
    """The million-hazard file and its path; the demo fills in the 机关设置 an export needs."""
    assert OfficeService(hazards_1m).get().configured
    return hazards_1m, Path(hazards_1m.engine.url.database or "")


def test_bench_ledger_10k_against_raw_writers(benchmark, ledger_1m, tmp_path: Path, record_ratio) -> None:
    db, path = ledger_1m
    service = LedgerService(db, clock=lambda: BENCH_TODAY)
    end = TEN_K.as_of(BENCH_TODAY)
    out = tmp_path / "ledger.xlsx"
    result = benchmark.pedantic(lambda: export_month(service.export_data(TEN_K), out), rounds=3, iterations=1)
    assert result.rows == 10_033
    ours = benchmark.stats.stats.median
    raw_openpyxl = _median(lambda: write_openpyxl(raw_rows(path, TEN_K, end), tmp_path / "a.xlsx"))
    raw_xlsxwriter = _median(lambda: write_xlsxwriter(raw_rows(path, TEN_K, end), tmp_path / "b.xlsx"))
    benchmark.extra_info.update(raw_openpyxl=raw_openpyxl, raw_xlsxwriter=raw_xlsxwriter)
    ratio = record_ratio("ledger 10k / fastest raw writer", ours, min(raw_openpyxl, raw_xlsxwriter), 1.3)
    print(
        f"\nledger 10k: ours {ours:.2f} s, openpyxl {raw_openpyxl:.2f} s, XlsxWriter {raw_xlsxwriter:.2f} s"
    )
    benchmark.extra_info["ratio"] = ratio.value


def test_bench_ledger_biggest_month(benchmark, ledger_1m, tmp_path: Path, record_budget) -> None:
    db, _ = ledger_1m
    service = LedgerService(db, clock=lambda: BENCH_TODAY)
    seen: list[tuple[int, int]] = []

    def export() -> int:
        seen.clear()
        data = service.export_data(BIG_MONTH)
        return export_month(data, tmp_path / "month.xlsx", lambda d, t: seen.append((d, t)) or True).rows

    rows = benchmark.pedantic(export, rounds=1, iterations=1)
    assert rows == 109_434 and seen[-1] == (rows, rows)
    record_budget("ledger month of 109,434 rows (with progress)", benchmark.stats.stats.median, 15.0)


def test_bench_month_summary_against_raw_sql(benchmark, ledger_1m, record_ratio) -> None:
    db, path = ledger_1m
    service = LedgerService(db, clock=lambda: BENCH_TODAY)
    end = BIG_MONTH.as_of(BENCH_TODAY)
    summary = benchmark.pedantic(lambda: service.summary(BIG_MONTH), rounds=3, iterations=1)
    assert summary.total.total == 109_434
    ours = benchmark.stats.stats.median
    raw = _median(lambda: sum(1 for _ in raw_rows(path, BIG_MONTH, end)))
    ratio = record_ratio("month summary (109k rows) / raw SQL of its rows", ours, raw, 1.3)
    benchmark.extra_info["ratio"] = ratio.value


def test_the_peers_write_the_same_rows(fresh_sqlite) -> None:
    """Not timed (it runs with the tests too): the raw SQL gives the same 隐患编号 in the same order
    as the ledger, on demo data small enough to make in a second."""
    db = fresh_sqlite()
    generate(db, enterprises=80, hazards=3000, seed=2026, today=BENCH_TODAY)
    path = Path(db.engine.url.database or "")
    town = LedgerService(db).jurisdictions()[0]
    for f in (LedgerFilter(2026, 3, town), LedgerFilter(2026, 6)):
        ours = [r.number for r in LedgerService(db, clock=lambda: BENCH_TODAY).export_data(f).rows]
        raw = [row[1] for row in raw_rows(path, f, f.as_of(BENCH_TODAY))]
        assert ours == raw and len(ours) > 10, f
