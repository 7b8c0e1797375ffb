"""The raw peers of the ledger benchmarks: one hand-written SQL statement and a bare writer.

They produce the ledger's 24 columns for the same filter (names joined in SQL, dates and money
converted to real values) and write them without styles, row heights or print set-up: the floor
any ledger export stands on. SQLite only (the benchmark database is a SQLite file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter
from openpyxl import Workbook

from inspector.core.ledger import LedgerFilter

HEADERS = [f"c{n}" for n in range(1, 25)]

_ROWS = """
SELECT h.number, e.jurisdiction, e.name,
  (SELECT group_concat(ec.kind, '、') FROM enterprise_categories ec WHERE ec.enterprise_id = e.id),
  coalesce(i.inspected_on, h.found_on), coalesce(i.kind, h.source),
  (SELECT group_concat(p.name, '、') FROM inspection_inspectors ii
     JOIN inspectors p ON p.id = ii.inspector_id WHERE ii.inspection_id = h.inspection_id),
  h.location, h.description, h.category || '／' || coalesce(h.subcategory, ''), h.level,
  coalesce(rp.responsible_unit, '') || '／' || coalesce(rp.responsible_person, ''),
  rp.measures, rp.funds, h.deadline, rp.contingency, h.state, h.reported_done_on, r.reviewed_on,
  (SELECT group_concat(p.name, '、') FROM reinspection_inspectors ri
     JOIN inspectors p ON p.id = ri.inspector_id WHERE ri.reinspection_id = r.id),
  h.closed_on,
  CASE WHEN h.closed_on IS NULL AND h.deadline < :end THEN '逾期未整改' ELSE '否' END,
  h.notes
FROM hazards h
JOIN enterprises e ON e.id = h.enterprise_id
LEFT JOIN inspections i ON i.id = h.inspection_id
LEFT JOIN rectification_plans rp ON rp.hazard_id = h.id
LEFT JOIN reinspections r ON r.id = (
  SELECT max(r2.id) FROM reinspections r2 WHERE r2.hazard_id = h.id AND r2.reviewed_on <= :end)
WHERE h.found_on <= :last AND (h.closed_on IS NULL OR h.closed_on >= :first)
  AND (:town IS NULL OR e.jurisdiction = :town)
ORDER BY e.jurisdiction_pinyin, e.jurisdiction, e.name_pinyin, e.name, e.id, h.found_on, h.number
"""
DATES = (4, 14, 17, 18, 20)


def raw_rows(path: Path, f: LedgerFilter, end: date) -> Iterator[list[Any]]:
    """The 24 columns, straight from sqlite3 (序号 first), dates as dates and money as floats."""
    conn = sqlite3.connect(path)
    try:
        params = {"first": f"{f.first_day}", "last": f"{f.last_day}", "end": f"{end}", "town": f.jurisdiction}
        for seq, row in enumerate(conn.execute(_ROWS, params), 1):
            values: list[Any] = [seq, *row]
            for i in DATES:
                v = values[i + 1]
                values[i + 1] = date.fromisoformat(v[:10]) if v else None
            values[14] = float(values[14]) if values[14] is not None else None
            yield values
    finally:
        conn.close()


def write_openpyxl(rows: Iterator[list[Any]], out: Path) -> int:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("隐患台账")
    ws.append(HEADERS)
    n = 0
    for row in rows:
        ws.append(row)
        n += 1
    wb.save(out)
    return n


def write_xlsxwriter(rows: Iterator[list[Any]], out: Path) -> int:
    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = wb.add_worksheet("隐患台账")
    day = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADERS)
    n = 0
    for n, row in enumerate(rows, 1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(n, col, value)
            elif isinstance(value, date):
                ws.write_datetime(n, col, value, day)
            else:
                ws.write_number(n, col, value)
    wb.close()
    return n
