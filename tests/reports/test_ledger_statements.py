"""The monthly ledger is set-based: its statement count does not grow with its rows (issue 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import event

from inspector.core.demo import generate
from inspector.core.ledger import LedgerFilter, LedgerService
from inspector.db.engine import Database
from inspector.reports.ledger import LEDGER_SHEET, export_month

TODAY = date(2026, 11, 20)
MAX_STATEMENTS = 12  # office, names, 监管类别, the rows, audit replay …: a constant, never per row


def _export_counting(db: Database, f: LedgerFilter, out: Path) -> tuple[int, int]:
    seen: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        result = export_month(LedgerService(db, clock=lambda: TODAY).export_data(f), out)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return result.rows, len(seen)


def test_statements_for_a_month_do_not_depend_on_its_rows(db: Database, tmp_path: Path) -> None:
    generate(db, enterprises=30, hazards=1500, seed=2026, today=TODAY)
    town = LedgerService(db).jurisdictions()[0]
    small_rows, small = _export_counting(db, LedgerFilter(2026, 10, town), tmp_path / "a.xlsx")
    big_rows, big = _export_counting(db, LedgerFilter(2026, 10), tmp_path / "b.xlsx")
    assert big_rows > small_rows > 0
    assert small <= MAX_STATEMENTS and big <= MAX_STATEMENTS
    ws = load_workbook(tmp_path / "b.xlsx", read_only=True)[LEDGER_SHEET]
    numbers = [r[1] for r in ws.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert len(numbers) == big_rows
