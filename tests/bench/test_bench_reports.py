"""Benchmarks of the printed outputs: one rectification order, and a 10,000-row monthly ledger.

Run with ``make bench``. The data is built lazily by module fixtures, so ``make test`` (which skips
benchmarks at collection) never pays for it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from inspector.core.audit import SYSTEM
from inspector.core.documents import DocumentService
from inspector.core.enums import DocumentKind
from inspector.core.ledger import LedgerFilter, LedgerService
from inspector.db.engine import Database
from inspector.db.models import (
    Enterprise,
    EnterpriseCategory,
    Hazard,
    Inspection,
    Inspector,
    RectificationPlan,
    ReInspection,
    inspection_inspectors,
    reinspection_inspectors,
)
from inspector.reports.documents import print_document, render
from inspector.reports.ledger import export_month
from tests.factories import credit_code
from tests.reports import builders as b

LEDGER_ROWS = 10_000
TOWNS = ("春江镇", "孟河镇", "薛家镇", "罗溪镇", "西夏墅镇", "滨江经济开发区")
KINDS = ("危化品使用", "涉爆粉尘", "燃气", "危化品储存", "涉氨制冷")


def _fill_month(db: Database, hazards: int) -> None:
    """``hazards`` hazards found in November 2026 (five per inspection), a third of them closed."""
    n_ent, per_visit = 400, 5
    visits = hazards // per_visit
    with db.transaction() as s:
        s.execute(
            insert(Inspector),
            [
                {"id": i, "name": name, "certificate_no": f"3204110{i:04d}", "unit": "新北区应急管理局"}
                for i, name in enumerate(("张明", "李华", "王芳", "陈刚"), 1)
            ],
        )
        s.execute(
            insert(Enterprise),
            [
                {
                    "id": e,
                    "name": f"常州市新北区测试化工有限公司{e}",
                    "credit_code": credit_code(e),
                    "jurisdiction": TOWNS[e % len(TOWNS)],
                    "address": f"常州市新北区滨江路{e}号",
                }
                for e in range(1, n_ent + 1)
            ],
        )
        s.execute(
            insert(EnterpriseCategory),
            [{"enterprise_id": e, "kind": KINDS[e % len(KINDS)]} for e in range(1, n_ent + 1)],
        )
        s.execute(
            insert(Inspection),
            [
                {
                    "id": v,
                    "enterprise_id": v % n_ent + 1,
                    "inspected_on": date(2026, 11, 1 + v % 28),
                    "start_time": time(9, 0),
                    "end_time": time(11, 0),
                    "kind": "执法检查",
                    "place": "生产车间",
                }
                for v in range(1, visits + 1)
            ],
        )
        s.execute(
            insert(inspection_inspectors),
            [
                {"inspection_id": v, "inspector_id": p}
                for v in range(1, visits + 1)
                for p in (1 + v % 2, 3 + v % 2)
            ],
        )
        rows, plans, reviews, reviewers = [], [], [], []
        for h in range(1, hazards + 1):
            v = (h - 1) // per_visit + 1
            found = date(2026, 11, 1 + v % 28)
            closed = found + timedelta(days=2) if h % 3 == 0 and found.day < 27 else None
            location, description, basis = b.LONG_DESCRIPTIONS[h % len(b.LONG_DESCRIPTIONS)]
            rows.append(
                {
                    "id": h,
                    "number": f"YH2026-{h:06d}",
                    "enterprise_id": v % n_ent + 1,
                    "inspection_id": v,
                    "location": location,
                    "description": description,
                    "legal_basis": basis,
                    "category": "现场管理",
                    "subcategory": "设备设施",
                    "level": "重大隐患" if h % 50 == 0 else "一般隐患",
                    "found_on": found,
                    "state": "已销号" if closed else "整改中",
                    "deadline": found + timedelta(days=14),
                    "reported_done_on": closed,
                    "closed_on": closed,
                }
            )
            plans.append(
                {
                    "hazard_id": h,
                    "responsible_unit": "设备部",
                    "responsible_person": "周工",
                    "measures": "送检报警器并建立检定台账",
                    "funds": Decimal(h % 5000),
                    "contingency": "检定前每班人工巡检",
                }
            )
            if closed:
                reviews.append({"id": h, "hazard_id": h, "reviewed_on": closed, "result": "合格"})
                reviewers.append({"reinspection_id": h, "inspector_id": 1 + h % 4})
        s.execute(insert(Hazard), rows)
        s.execute(insert(RectificationPlan), plans)
        s.execute(insert(ReInspection), reviews)
        s.execute(insert(reinspection_inspectors), reviewers)


@pytest.fixture(scope="module")
def ledger_db(_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("bench_reports") / "ledger.sqlite3"
    shutil.copy(_sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    _fill_month(db, LEDGER_ROWS)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def order_db(
    _sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, int]]:
    path = tmp_path_factory.mktemp("bench_order") / "order.sqlite3"
    shutil.copy(_sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    with db.transaction() as s:
        case = b.order_case(s, n_hazards=8)
    DocumentService(db).issue_rectification_order(SYSTEM, case.inspection_id)
    yield db, case.inspection_id
    db.dispose()


def test_bench_print_one_order(benchmark, order_db, tmp_path: Path) -> None:
    """Reprint an 8-hazard 责令限期整改指令书: load the issued document, lay it out, write the PDF."""
    db, inspection_id = order_db
    service = DocumentService(db)
    out = tmp_path / "order.pdf"
    issued = benchmark(print_document, service, SYSTEM, DocumentKind.RECTIFICATION_ORDER, inspection_id, out)
    assert issued.reprint and out.read_bytes().startswith(b"%PDF")


def test_bench_render_order_pdf(benchmark, order_db) -> None:
    """Layout alone (two passes for 第 x 页 共 y 页), no database."""
    db, inspection_id = order_db
    issued = DocumentService(db).issue_rectification_order(SYSTEM, inspection_id)
    data = benchmark(render, issued.content)
    assert data.startswith(b"%PDF")


def test_bench_ledger_10k_rows(benchmark, ledger_db, tmp_path: Path) -> None:
    """Export the monthly ledger with 10,000 rows (query streamed in chunks, write-only workbook)."""
    out = tmp_path / "ledger.xlsx"
    started = datetime.now()
    result = benchmark.pedantic(
        lambda: export_month(LedgerService(ledger_db).export_data(LedgerFilter(2026, 11)), out),
        rounds=3,
        iterations=1,
    )
    assert result.rows == LEDGER_ROWS
    assert result.summary.total.total == LEDGER_ROWS
    assert out.stat().st_mtime >= started.timestamp() - 1
    ws = load_workbook(out, read_only=True)["隐患台账"]
    assert sum(1 for _ in ws.iter_rows(min_row=5, max_col=1, values_only=True)) == LEDGER_ROWS
