"""``FastSheet.values`` writes row XML itself: the sheet must be byte for byte what XlsxWriter's own
calls write for the same rows (so the look and content cannot drift, whatever the text holds)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from inspector.reports.excel import one_line_chars, text_lines
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


def test_text_shorter_than_one_line_chars_is_one_line() -> None:
    """The writer skips ``text_lines`` for printable text shorter than ``one_line_chars``: at every
    width and font size such text, however wide its characters, must be one line."""
    for tenths in range(0, 800, 3):
        width = tenths / 10
        for size in (8, 9, 10.5, 12):
            n = one_line_chars(width, size)
            for text in ("宽" * (n - 1), "a" * (n - 1), "宽a" * ((n - 1) // 2)):
                assert text_lines(text, width, size) == 1, (width, size, text)
            assert n >= (width - 0.9) / 1.72 / (size / 9) - 1  # and it is not needlessly short


def test_row_heights_follow_the_longest_wrapped_text(tmp_path: Path) -> None:
    path = tmp_path / "heights.xlsx"
    book = FastBook(path)
    sheet = book.sheet("台账", WIDTHS)
    styles = sheet.formats([book.body_style(k) for k in KINDS])
    short = one_line_chars(WIDTHS[1], book.body_size)
    rows = [
        [1, "宽" * (short - 1), "", None, None, ""],  # one line
        [2, "宽" * short, "", None, None, ""],  # two lines
        [3, "宽" * (short - 1), "", None, None, "甲\n乙\n丙"],  # three, from the short last column
        [4, "宽" * short, "", None, None, ""],  # seen before: two lines again
    ]
    for row in rows:
        sheet.values(row, styles, KINDS)
    book.close()
    ws = load_workbook(path).active
    heights = [ws.row_dimensions[r].height for r in range(1, 5)]
    assert heights[0] is None
    assert heights[1] == heights[3] == pytest.approx(2 * book.body_size * 1.32 + 4, abs=0.5)  # in pixels
    assert heights[2] == pytest.approx(3 * book.body_size * 1.32 + 4, abs=0.5)
