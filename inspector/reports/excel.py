"""Streaming Excel tables: styles, print set-up, progress with cancel, and atomic saving.

openpyxl's write-only mode keeps memory flat for 100 k rows (PITFALLS.md) and still supports what a
printable ledger needs, provided things happen in the right order: column widths (and hidden
columns), frozen panes and the page set-up properties before the first row; row heights before
their row; merged cells, auto-filter, print titles, page set-up and footer any time before saving
(they are written when the sheet closes). Cells are styled with named styles registered once, one
assignment per cell, which keeps styling cheap.

Text is always written as text: openpyxl turns any string starting with ``=`` into a formula (and
``#N/A`` into an error), so a description typed as ``=HYPERLINK(...)`` would run in Excel. Every
string cell is forced to data type ``s`` (PITFALLS.md).

Printing: "fit to one page wide" silently shrinks a wide table to unreadable sizes (24 columns on A4
came out at about 3.5 pt). ``PrintLayout`` computes the scale from the column widths instead and
the caller checks the printed size of every font (``printed_size``) against ``MIN_PRINTED_PT``.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, cast

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.dimensions import DimensionHolder, RowDimension
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.page import PageMargins, PrintOptions, PrintPageSetup
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet

from inspector.core.errors import Cancelled
from inspector.i18n import QT_TRANSLATE_NOOP, say

Progress = Callable[[int, int], bool]
"""``progress(done, total)``; return False to cancel. Called every ``PROGRESS_EVERY`` rows."""

PROGRESS_EVERY = 200
FOOTER_SIZE = 9
TOP_MARGIN, BOTTOM_MARGIN = 0.5, 0.6  # inches
DEFAULT_ROW_HEIGHT = 15.0  # pt, a row without a height of its own (Calibri 11 default)

BODY_FONT = "宋体"  # on every Chinese Windows; LibreOffice substitutes an installed CJK font
HEAD_FONT = "黑体"
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0%"

FILLS: dict[str, PatternFill | None] = {
    "": None,
    "overdue": PatternFill("solid", fgColor="FFD9D9"),  # 逾期未整改 (light red)
    "review": PatternFill("solid", fgColor="DDEBF7"),  # 逾期未复查 (light blue: the office's delay)
    "major": PatternFill("solid", fgColor="FFF0C2"),  # 重大隐患 (light yellow)
}
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

KINDS = ("text", "wrap", "center", "date", "money", "int", "percent")
WRAPPING = frozenset({"text", "wrap", "center"})  # short centred texts (属地, 是否逾期) wrap too

MIN_PRINTED_PT = 7.0  # no text on paper below this (DOMAIN.md)
# Paper (width, height) in points, portrait; Excel's paperSize codes.
PAPERS: dict[str, tuple[float, float, int]] = {
    "A4": (595.3, 841.9, int(Worksheet.PAPERSIZE_A4)),  # openpyxl spells the codes as text
    "A3": (841.9, 1190.6, int(Worksheet.PAPERSIZE_A3)),
}


class ExportCancelled(Cancelled):
    """The user cancelled; nothing was written at the destination."""

    def __init__(self) -> None:
        super().__init__(say(QT_TRANSLATE_NOOP("core", "导出已取消，未生成文件")))


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


_WIDE = re.compile("[\u2e80-\U0010ffff]")  # what ``text_lines`` counts as a CJK-wide character
_WIDE_UNITS, _NARROW_UNITS = 1.72, 0.86


def _units_summed(part: str) -> float:
    """The width of ``part`` summed character by character: the reference ``text_lines`` keeps."""
    return sum(_WIDE_UNITS if ord(ch) >= 0x2E80 else _NARROW_UNITS for ch in part)


def text_lines(text: str, width: float, size: float = 9) -> int:
    """Lines a wrapped cell needs; ``width`` in Excel units (digit width of the 11 pt default font).

    A CJK character of 宋体 9 pt is 12 px wide against a unit of 7 px, about 1.72 units; other
    characters half of that. Erring on the wide side costs a taller row; on the narrow side, a
    clipped last line.

    Counted with a regular expression (the ledger asks this for a million cells); only a width
    that lands within rounding of a line boundary is summed character by character as before, so
    the answer is the same to the last bit.
    """
    usable = max(width - 0.9, 1.0)
    scale = size / 9
    if len(text) * _WIDE_UNITS * scale < usable - 1e-9 and text.isprintable():
        return 1  # one short line, whatever its characters (line breaks are not printable)
    return _lines(text, usable, scale)


@lru_cache(maxsize=256)
def one_line_chars(width: float, size: float = 9) -> int:
    """Printable text shorter than this is one line in ``text_lines``, whatever its characters
    (all wide at worst): a writer of a hundred thousand rows checks that without a call. Found
    with the very comparison ``text_lines`` makes, so the two never disagree."""
    bound, scale = max(width - 0.9, 1.0) - 1e-9, size / 9

    def fits(n: int) -> bool:  # the comparison the character count stood for, bit for bit
        return n * _WIDE_UNITS * scale < bound

    n = max(int(bound / (_WIDE_UNITS * scale)), 0)
    while fits(n):
        n += 1
    while n > 0 and not fits(n - 1):
        n -= 1
    return n


@lru_cache(maxsize=4096)
def _lines(text: str, usable: float, scale: float) -> int:
    """``text_lines`` past the short-line check; cached, as a ledger repeats an enterprise's name,
    its 监管类别 and the visit's inspectors on each of its rows."""
    total = 0
    for part in text.splitlines() or [""]:
        narrow = len(_WIDE.sub("", part)) if not part.isascii() else len(part)
        lines = (2 * len(part) - narrow) * _NARROW_UNITS * scale / usable
        if abs(lines - round(lines)) < 1e-9:
            lines = _units_summed(part) * scale / usable
        total += max(1, math.ceil(lines))
    return total


def column_points(width: float) -> float:
    """Printed width of a column at 100 %: Excel draws a column of width w (in digit widths of the
    default 11 pt font) about 7w + 5 pixels wide at 96 dpi, and a pixel is 0.75 pt."""
    return (7 * width + 5) * 0.75


@dataclass(frozen=True)
class PrintLayout:
    """Paper, orientation and margins; ``scale`` is computed so the visible columns fill the width.

    Excel's scale is a whole percentage (10–400); it is rounded down so nothing spills onto a
    second page across, and capped at 100 % so a narrow table is not blown up.
    """

    paper: str = "A4"
    landscape: bool = True
    side_margin: float = 0.3  # inches, left and right
    hidden: frozenset[int] = frozenset()  # 0-based columns hidden (and not printed)

    @property
    def paper_code(self) -> int:
        return PAPERS[self.paper][2]

    def printable_width(self) -> float:
        short, long = PAPERS[self.paper][:2]
        return (long if self.landscape else short) - 2 * 72 * self.side_margin

    def printable_height(self) -> float:
        """Between the top and bottom margins of ``Sheet.print_setup`` (0.5 and 0.6 inch)."""
        short, long = PAPERS[self.paper][:2]
        return (short if self.landscape else long) - 72 * (TOP_MARGIN + BOTTOM_MARGIN)

    def scale(self, widths: Sequence[float]) -> int:
        needed = sum(column_points(w) for i, w in enumerate(widths) if i not in self.hidden)
        return max(10, min(100, math.floor(100 * self.printable_width() / needed))) if needed else 100

    def printed_size(self, font_size: float, widths: Sequence[float]) -> float:
        """What a ``font_size`` pt text measures on paper."""
        return font_size * self.scale(widths) / 100

    @classmethod
    def fitting(cls, widths: Sequence[float], font_size: float) -> PrintLayout:
        """A4 landscape when the table prints readably on it, else A3 landscape."""
        a4 = cls("A4")
        return a4 if a4.printed_size(font_size, widths) >= MIN_PRINTED_PT else cls("A3")


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


class _StyledCell(Cell):
    """A write-only cell. openpyxl's row writer first tries a cell as a *value*, fails, and then
    uses it as the cell; the failure formats ``repr(cell)`` into its message — a tenth of the
    ledger's export time for 240,000 cells. A constant repr makes that failure cheap."""

    __slots__ = ()

    def __init__(self, worksheet: WriteOnlyWorksheet, value: Any) -> None:
        # A write-only cell has no coordinates until its row is written; the stubs want ints.
        super().__init__(worksheet, None, None, value)  # type: ignore[arg-type]  # see the line above

    def __repr__(self) -> str:
        return "<cell>"


class PrintSettings(Protocol):
    """What openpyxl sets up on a write-only sheet at run time (``Worksheet._setup``) and its
    stubs leave out of ``WriteOnlyWorksheet``: the page, margins, breaks, merges and filter."""

    page_setup: PrintPageSetup
    print_options: PrintOptions
    page_margins: PageMargins
    row_breaks: RowBreak
    row_dimensions: DimensionHolder[int, RowDimension]
    merged_cells: MultiCellRange
    auto_filter: AutoFilter


def _named(name: str, font: Font, alignment: Alignment) -> NamedStyle:
    return NamedStyle(name=name, font=font, alignment=alignment)


def book_styles(body_size: float = 9) -> list[NamedStyle]:
    """Every style a report uses, by name: the body cells of each kind and fill, the 合计 lines,
    the title, info, section, note and header rows. ``Book`` registers them with openpyxl,
    ``reports.xlsx`` translates them for XlsxWriter: one look for both writers."""
    styles = []
    for kind in KINDS:
        for fill in FILLS:
            styles.append(_body_style(f"ins_{kind}_{fill or 'plain'}", kind, fill, body_size))
        total = _body_style(f"ins_total_{kind}", kind, "", body_size, HEAD_FONT)
        total.fill = TOTAL_FILL
        styles.append(total)
    styles += [
        _named("ins_title", Font(name=HEAD_FONT, size=16), Alignment(horizontal="center", vertical="center")),
        _named(
            "ins_info",
            Font(name=BODY_FONT, size=9),
            Alignment(horizontal="left", vertical="center", wrap_text=True),
        ),
        _named("ins_section", Font(name=HEAD_FONT, size=11), Alignment(horizontal="left", vertical="center")),
        _named(
            "ins_note",
            Font(name=BODY_FONT, size=9),
            Alignment(horizontal="left", vertical="top", wrap_text=True),
        ),
    ]
    head = _named(
        "ins_head",
        Font(name=HEAD_FONT, size=body_size + 0.5),
        Alignment(horizontal="center", vertical="center", wrap_text=True),
    )
    head.border = BORDER
    head.fill = HEADER_FILL
    styles.append(head)
    return styles


class Book:
    """A write-only workbook with its named styles."""

    def __init__(self, body_size: float = 9) -> None:
        self.wb = Workbook(write_only=True)
        self.body_size = body_size
        self._sizes: set[float] = set()
        for style in book_styles(body_size):
            self._register(style)

    def _register(self, style: NamedStyle) -> None:
        self.wb.add_named_style(style)
        if style.font.sz is not None:  # every style here names its size; Excel's default is 11
            self._sizes.add(float(style.font.sz))

    @property
    def smallest_font(self) -> float:
        """The smallest font any style of this book uses (what the printed-size check is about)."""
        return min(self._sizes)

    def body_style(self, kind: str, fill: str = "") -> str:
        return f"ins_{kind}_{fill or 'plain'}"

    def sheet(
        self,
        title: str,
        widths: Sequence[float],
        *,
        freeze: str | None = None,
        layout: PrintLayout | None = None,
    ) -> Sheet:
        """A new sheet; ``layout`` (default: A4 landscape, or A3 when A4 would print below 7 pt)
        hides its columns now, as they are written with the first row."""
        layout = layout or PrintLayout.fitting(widths, self.smallest_font)
        ws = self.wb.create_sheet(title)
        for i, width in enumerate(widths, 1):
            dim = ws.column_dimensions[get_column_letter(i)]
            dim.width = width
            if i - 1 in layout.hidden:
                dim.hidden = True
        if freeze:
            ws.freeze_panes = freeze
        # <sheetPr> is written with the first row: an explicit scale needs "fit to page" off now.
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        return Sheet(self, ws, list(widths), layout)


class Sheet:
    """A write-only worksheet that knows its row number, so heights can be set in time."""

    def __init__(self, book: Book, ws: WriteOnlyWorksheet, widths: list[float], layout: PrintLayout) -> None:
        self.book = book
        self.ws = ws
        self.widths = widths
        self.layout = layout
        self.row = 0  # the last row written
        self.page_used = 0.0  # pt printed on the current page so far (for ``keep_together``)
        self._pool: dict[tuple[int, str], Cell] = {}

    @property
    def settings(self) -> PrintSettings:
        """The sheet's print settings, merges and filter (there at run time, see PrintSettings)."""
        return cast(PrintSettings, self.ws)

    @property
    def footer(self) -> HeaderFooterItem:
        """The footer of every page (openpyxl always creates it)."""
        footer = self.ws.oddFooter
        assert footer is not None
        return footer

    def cell(self, value: Any, style: str) -> Cell:
        c = _StyledCell(self.ws, excel_value(value))
        if isinstance(c.value, str):
            c.data_type = "s"  # never a formula or an error code, whatever the user typed
        c.style = style
        return c

    def keep_together(self, height: float) -> None:
        """Start a new page unless the next ``height`` pt still fit on this one (short tables
        such as the summary's should not break between their heading and their rows)."""
        page = self.layout.printable_height() * 100 / self.layout.scale(self.widths)
        if self.page_used and self.page_used + height > page:
            self.settings.row_breaks.append(Break(id=self.row))
            self.page_used = 0.0

    def append(self, cells: Sequence[Any], height: float | None = None) -> int:
        self.page_used += DEFAULT_ROW_HEIGHT if height is None else height
        self.row += 1
        if height is not None:
            self.settings.row_dimensions[self.row].height = height
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
            if cell.data_type != "s" and isinstance(cell.value, str):
                cell.data_type = "s"  # "=…" and "#N/A" typed by a user stay text
            cells.append(cell)
        return self.append(cells, height)

    def merge(self, first_col: int, last_col: int, row: int | None = None) -> None:
        r = row or self.row
        self.settings.merged_cells.add(f"{get_column_letter(first_col)}{r}:{get_column_letter(last_col)}{r}")

    def title(self, title: str, info: str, ncols: int) -> None:
        """Row 1 the merged title, row 2 a merged line saying what the table covers."""
        self.append([self.cell(title, "ins_title")], 30)
        self.merge(1, ncols)
        self.line(info, ncols)

    def line(self, text: str, ncols: int, style: str = "ins_info") -> None:
        """A merged text across the table (the scope, the 填报 line), wrapped to the printed width:
        a line overflowing the last column would make a page of its own."""
        lines = text_lines(text, self.visible_width(ncols) - 1)
        self.append([self.cell(text, style)], 18 if lines == 1 else lines * 12 + 6)
        self.merge(1, ncols)

    def visible_width(self, ncols: int | None = None) -> float:
        """The width (Excel units) of the first ``ncols`` columns that print."""
        widths = self.widths[: ncols or len(self.widths)]
        return sum(w for i, w in enumerate(widths) if i not in self.layout.hidden)

    def header(self, headers: Sequence[str], height: float = 30) -> int:
        return self.append([self.cell(h, "ins_head") for h in headers], height)

    def print_setup(self, *, title_row: int | None, footer_left: str = "") -> int:
        """The layout's paper at its computed scale, the header row repeated on every page,
        第 x 页 共 y 页 in the footer. Returns the scale (percent)."""
        ws, layout = self.settings, self.layout
        scale = layout.scale(self.widths)
        ws.page_setup.paperSize = layout.paper_code
        ws.page_setup.orientation = "landscape" if layout.landscape else "portrait"
        ws.page_setup.scale = scale
        if title_row is not None:
            self.ws.print_title_rows = f"{title_row}:{title_row}"
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = layout.side_margin
        ws.page_margins.top = TOP_MARGIN
        ws.page_margins.bottom = BOTTOM_MARGIN
        ws.page_margins.header = 0.25
        ws.page_margins.footer = 0.3
        self.ws.HeaderFooter.scaleWithDoc = False  # the footer prints at its own size
        footer = self.footer
        footer.center.text = "第 &P 页 共 &N 页"
        footer.center.size = FOOTER_SIZE
        if footer_left:
            footer.left.text = footer_left.replace("&", "&&")  # & starts a footer code
            footer.left.size = FOOTER_SIZE
        return scale


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
    """A titled, filtered, printable one-sheet table; returns the number of rows written.

    Printed on A4 landscape, or A3 when A4 would make the text smaller than ``MIN_PRINTED_PT``.
    """
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
        sheet.settings.auto_filter.ref = (
            f"A{header}:{get_column_letter(len(columns))}{max(sheet.row, header + 1)}"
        )
        sheet.print_setup(title_row=header, footer_left=title)
        reporter.finish()
    return reporter.done
