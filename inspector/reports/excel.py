"""Streaming Excel tables: styles, print set-up, progress with cancel, and atomic saving.

openpyxl's write-only mode keeps memory flat for 100 k rows (PITFALLS.md) and still supports what a
printable ledger needs, provided things happen in the right order: column widths, frozen panes and
"fit to page" before the first row; row heights before their row; merged cells, auto-filter, print
titles, page set-up and footer any time before saving (they are written when the sheet closes).
Cells are styled with named styles registered once, one assignment per cell, which keeps styling
cheap.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from inspector.core.errors import Cancelled

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; return False to cancel. Called every ``PROGRESS_EVERY`` rows."""

PROGRESS_EVERY = 200

BODY_FONT = "宋体"  # on every Chinese Windows; LibreOffice substitutes an installed CJK font
HEAD_FONT = "黑体"
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0%"

FILLS: dict[str, PatternFill | None] = {
    "": None,
    "overdue": PatternFill("solid", fgColor="FFD9D9"),  # 月末逾期
    "major": PatternFill("solid", fgColor="FFF0C2"),  # 重大隐患
}
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

KINDS = ("text", "wrap", "center", "date", "money", "int", "percent")
WRAPPING = frozenset({"text", "wrap"})


class ExportCancelled(Cancelled):
    """The user cancelled; nothing was written at the destination."""

    def __init__(self) -> None:
        super().__init__("导出已取消，未生成文件")


@dataclass(frozen=True)
class Column:
    """One column of an exported table: header, width (Excel units), kind and how to read a row."""

    header: str
    width: float
    kind: str = "text"  # one of KINDS
    value: Callable[[Any], Any] | None = None

    def get(self, row: Any) -> Any:
        return self.value(row) if self.value is not None else None


def attr(name: str) -> Callable[[Any], Any]:
    """A reader that tolerates rows without that attribute (a blank cell rather than a crash)."""
    return lambda row: row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def text_lines(text: str, width: float, size: float = 9) -> int:
    """Lines a wrapped cell needs; ``width`` in Excel units (digit width of the 11 pt default font).

    CJK characters take about 1.6 units at 9 pt (宋体 in Excel), other characters about 0.8.
    """
    usable = max(width - 0.9, 1.0)
    scale = size / 9
    total = 0
    for part in text.splitlines() or [""]:
        units = sum(1.6 if ord(ch) >= 0x2E80 else 0.8 for ch in part) * scale
        total += max(1, math.ceil(units / usable))
    return total


def excel_value(value: Any) -> Any:
    """Dates stay real dates and money a number; booleans read 是/否."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return float(value)
    return value


def _body_style(name: str, kind: str, fill: str, size: float, font: str = BODY_FONT) -> NamedStyle:
    horizontal = {
        "center": "center",
        "date": "center",
        "money": "right",
        "int": "center",
        "percent": "right",
    }.get(kind, "left")
    style = NamedStyle(name=name)
    style.font = Font(name=font, size=size)
    style.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=kind in WRAPPING)
    style.border = BORDER
    chosen = FILLS.get(fill)
    if chosen is not None:
        style.fill = chosen
    style.number_format = {"date": DATE_FORMAT, "money": MONEY_FORMAT, "percent": PERCENT_FORMAT}.get(
        kind, "General"
    )
    return style


class Book:
    """A write-only workbook with its named styles."""

    def __init__(self, body_size: float = 9) -> None:
        self.wb = Workbook(write_only=True)
        self.body_size = body_size
        for kind in KINDS:
            for fill in FILLS:
                self.wb.add_named_style(_body_style(self.body_style(kind, fill), kind, fill, body_size))
            total = _body_style(f"ins_total_{kind}", kind, "", body_size, HEAD_FONT)
            total.fill = TOTAL_FILL
            self.wb.add_named_style(total)
        self._add(
            "ins_title", Font(name=HEAD_FONT, size=16), Alignment(horizontal="center", vertical="center")
        )
        self._add("ins_info", Font(name=BODY_FONT, size=9), Alignment(horizontal="left", vertical="center"))
        self._add(
            "ins_section", Font(name=HEAD_FONT, size=11), Alignment(horizontal="left", vertical="center")
        )
        self._add(
            "ins_note",
            Font(name=BODY_FONT, size=9),
            Alignment(horizontal="left", vertical="top", wrap_text=True),
        )
        head = self._add(
            "ins_head",
            Font(name=HEAD_FONT, size=body_size + 0.5),
            Alignment(horizontal="center", vertical="center", wrap_text=True),
        )
        head.border = BORDER
        head.fill = HEADER_FILL

    def _add(self, name: str, font: Font, alignment: Alignment) -> NamedStyle:
        style = NamedStyle(name=name, font=font, alignment=alignment)
        self.wb.add_named_style(style)
        return style

    def body_style(self, kind: str, fill: str = "") -> str:
        return f"ins_{kind}_{fill or 'plain'}"

    def sheet(self, title: str, widths: Sequence[float], *, freeze: str | None = None) -> Sheet:
        ws = self.wb.create_sheet(title)
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        if freeze:
            ws.freeze_panes = freeze
        # <sheetPr> is written with the first row: "fit to page" must be switched on now.
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        return Sheet(self, ws, list(widths))


class Sheet:
    """A write-only worksheet that knows its row number, so heights can be set in time."""

    def __init__(self, book: Book, ws: WriteOnlyWorksheet, widths: list[float]) -> None:
        self.book = book
        self.ws = ws
        self.widths = widths
        self.row = 0  # the last row written
        self._pool: dict[tuple[int, str], WriteOnlyCell] = {}

    def cell(self, value: Any, style: str) -> WriteOnlyCell:
        c = WriteOnlyCell(self.ws, value=excel_value(value))
        c.style = style
        return c

    def append(self, cells: Sequence[Any], height: float | None = None) -> int:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(list(cells))
        return self.row

    def values(self, values: Sequence[Any], styles: Sequence[str], kinds: Sequence[str]) -> int:
        """One styled data row, made tall enough for its wrapped text."""
        lines = 1
        for value, kind, width in zip(values, kinds, self.widths, strict=False):
            if kind in WRAPPING and isinstance(value, str) and value:
                lines = max(lines, text_lines(value, width, self.book.body_size))
        height = round(lines * self.book.body_size * 1.32 + 4, 1) if lines > 1 else None
        cells = []
        for i, (value, style) in enumerate(zip(values, styles, strict=True)):
            # Styled cells are reused row after row: ``append`` serialises the row before it
            # returns, and building and styling 24 new cells per row was a third of the export time.
            cell = self._pool.get((i, style))
            if cell is None:
                cell = self._pool[(i, style)] = self.cell(None, style)
            cell.value = excel_value(value)
            cells.append(cell)
        return self.append(cells, height)

    def merge(self, first_col: int, last_col: int, row: int | None = None) -> None:
        r = row or self.row
        self.ws.merged_cells.add(f"{get_column_letter(first_col)}{r}:{get_column_letter(last_col)}{r}")

    def title(self, title: str, info: str, ncols: int) -> None:
        """Row 1 the merged title, row 2 a merged line saying what the table covers."""
        self.append([self.cell(title, "ins_title")], 30)
        self.merge(1, ncols)
        self.append([self.cell(info, "ins_info")], 18)
        self.merge(1, ncols)

    def header(self, headers: Sequence[str], height: float = 30) -> int:
        return self.append([self.cell(h, "ins_head") for h in headers], height)

    def print_setup(self, *, title_row: int | None, landscape: bool = True, footer_left: str = "") -> None:
        """A4, one page wide, the header row repeated on every page, 第 x 页 共 y 页 in the footer."""
        ws = self.ws
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as needed
        if title_row is not None:
            ws.print_title_rows = f"{title_row}:{title_row}"
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = 0.5
        ws.page_margins.bottom = 0.6
        ws.page_margins.header = 0.25
        ws.page_margins.footer = 0.3
        ws.oddFooter.center.text = "第 &P 页 共 &N 页"
        ws.oddFooter.center.size = 9
        if footer_left:
            ws.oddFooter.left.text = footer_left
            ws.oddFooter.left.size = 8


class Reporter:
    """Calls ``progress`` every few rows and turns a False answer into ExportCancelled."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def start(self) -> None:
        self._report()

    def step(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self._report()

    def finish(self) -> None:
        self._report()

    def _report(self) -> None:
        done = min(self.done, self.total) if self.total else self.done
        if self.progress is not None and self.progress(done, max(self.total, done)) is False:
            raise ExportCancelled()


@contextmanager
def atomic_workbook(book: Book, output: Path) -> Iterator[Path]:
    """Save into a temp file beside ``output`` and rename it on success only.

    A cancel or an error leaves the destination untouched (an older file there survives) and no
    temp file behind.
    """
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".xlsx.part", dir=output.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        book.wb.save(tmp)
        os.replace(tmp, output)
    except BaseException:
        # Saving closes the write-only sheets and removes openpyxl's own temp files; if the book
        # was already saved or is broken there is nothing more to release.
        with suppress(Exception):
            book.wb.save(tmp)
        tmp.unlink(missing_ok=True)
        raise


def write_table(
    output: Path,
    *,
    sheet_title: str,
    title: str,
    info: str,
    columns: Sequence[Column],
    rows: Iterable[Any],
    total: int,
    progress: Progress | None = None,
    freeze: str = "B4",
    row_fill: Callable[[Any], str] | None = None,
) -> int:
    """A titled, filtered, printable one-sheet table; returns the number of rows written."""
    book = Book()
    reporter = Reporter(progress, total)
    kinds = [c.kind for c in columns]
    styles = {fill: [book.body_style(c.kind, fill) for c in columns] for fill in FILLS}
    with atomic_workbook(book, output):
        sheet = book.sheet(sheet_title, [c.width for c in columns], freeze=freeze)
        sheet.title(title, info, len(columns))
        header = sheet.header([c.header for c in columns])
        reporter.start()
        for row in rows:
            fill = row_fill(row) if row_fill else ""
            sheet.values([c.get(row) for c in columns], styles[fill], kinds)
            reporter.step()
        sheet.ws.auto_filter.ref = f"A{header}:{get_column_letter(len(columns))}{max(sheet.row, header + 1)}"
        sheet.print_setup(title_row=header, footer_left=title)
        reporter.finish()
    return reporter.done
