"""``FastSheet.values`` writes row XML itself: the sheet must be byte for byte what XlsxWriter's own
calls write for the same rows (so the look and content cannot drift, whatever the text holds)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from inspector.reports.xlsx import FastBook

KINDS = ("int", "wrap", "center", "date", "money", "wrap")
WIDTHS = [4.5, 12, 8, 10.5, 11, 9]
ROWS: list[list[Any]] = [
    [1, "常州华科化工有限公司", "孟河镇", date(2026, 6, 30), Decimal("3600.00"), "否"],
    [2, 'A&B <厂> "x"', "", None, None, " 前后空格 "],
    [3, "\u3000全角空格开头", "x" * 3, date(2026, 1, 1), Decimal("0.10"), "很长的描述" * 30],
    [4, "控制字符\x07在此", "_x0041_", date(2026, 2, 3), 12.5, "多行\n文字"],
    [5, "<r>看似富文本</r>", "ok", datetime(2026, 3, 4, 5, 6), 7, True],
    [6, "长" * 20000, "末行", date(1900, 2, 1), Decimal("1E+3"), "\t"],
    [7, "正常", "正常", date(2026, 12, 31), 0, ""],
]


def _sheet_xml(tmp_path: Path, fast: bool) -> bytes:
    path = tmp_path / f"{fast}.xlsx"
    book = FastBook(path)
    sheet = book.sheet("台账", WIDTHS)
    sheet.fast_rows = fast
    sheet.title("标题", "说明", len(WIDTHS))
    sheet.header([f"列{n}" for n in range(len(WIDTHS))])
    plain = sheet.formats([book.body_style(k) for k in KINDS])
    shaded = sheet.formats([book.body_style(k, "overdue") for k in KINDS])
    for n, row in enumerate(ROWS):
        sheet.values(row, shaded if n % 2 else plain, KINDS)
    sheet.autofilter(3, sheet.row, len(WIDTHS))
    sheet.print_setup(title_row=3)
    book.close()
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_fast_rows_write_what_xlsxwriter_writes(tmp_path: Path) -> None:
    fast, slow = _sheet_xml(tmp_path, True), _sheet_xml(tmp_path, False)
    assert b'<row r="10"' in slow and "常州华科".encode() in slow
    assert fast == slow
