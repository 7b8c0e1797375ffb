"""Streaming workbooks through XlsxWriter that look exactly like ``excel.Book``'s.

The monthly ledger writes 100,000 rows of 24 styled cells; XlsxWriter writes them about a third
faster than openpyxl's write-only mode (measured in tests/bench/test_bench_ledger.py), so the
ledger is written here. openpyxl stays for reading and for the smaller exports.

Same look: the cell formats are translated from ``excel.book_styles`` (one source for fonts,
borders, fills, alignment and number formats), column widths are given in the pixels openpyxl's
widths draw at, and the print set-up (paper, explicit scale, repeated header row, centred, margins,
第 x 页 共 y 页 footer not scaled with the sheet, row breaks) is written with the same values.
What differs is invisible: strings are inline and the formats are cell formats, not named styles.

``constant_memory`` keeps memory flat: each row is written out as soon as the next one starts, so
rows go strictly in order and a row's height is set before its cells. Text is always written with
``write_string`` (never ``write``): ``=HYPERLINK(...)`` typed by a user stays text (PITFALLS.md).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # annotated inline, but ships no py.typed
from openpyxl.styles import NamedStyle, PatternFill
from xlsxwriter.format import Format  # type: ignore[import-untyped]  # as above
from xlsxwriter.utility import xl_col_to_name  # type: ignore[import-untyped]  # as above
from xlsxwriter.worksheet import RowInfo, Worksheet  # type: ignore[import-untyped]  # as above

from inspector.reports.excel import (
    BOTTOM_MARGIN,
    DEFAULT_ROW_HEIGHT,
    FOOTER_SIZE,
    TOP_MARGIN,
    WRAPPING,
    PrintLayout,
    book_styles,
    one_line_chars,
    text_lines,
)

Cell = tuple[Any, str]  # (value, style name) for ``FastSheet.append``

# Text XlsxWriter rewrites (control characters as _xHHHH_, its own escapes, non-characters);
# past this length it counts UTF-16 units and may truncate: such text takes its own path.
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_PLAIN_STRING_MAX = 16383
_KNOWN_TEXTS = 20_000  # line counts kept per column; forgotten all at once past this
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()  # Excel's serials from 1900-03-01 on
_FIRST_PLAIN_DATE = date(1900, 3, 1)  # before it Excel counts a 1900-02-29 that never was


def column_pixels(width: float) -> int:
    """The pixels Excel draws a column of openpyxl width ``width`` at (its own formula for a
    stored width, maximum digit width 7 px), so both writers give the same columns on screen."""
    return int((256 * width + 128 // 7) * 7 / 256)


def format_spec(style: NamedStyle) -> dict[str, Any]:
    """An openpyxl named style as XlsxWriter format properties."""
    spec: dict[str, Any] = {}
    font = style.font
    if font.name:
        spec["font_name"] = font.name
    if font.sz is not None:
        spec["font_size"] = float(font.sz)
    if font.b:
        spec["bold"] = True
    al = style.alignment
    if al.horizontal:
        spec["align"] = al.horizontal
    if al.vertical:
        spec["valign"] = "vcenter" if al.vertical == "center" else al.vertical
    if al.wrap_text:
        spec["text_wrap"] = True
    side = style.border.left
    if side is not None and side.style == "thin":
        spec["border"] = 1
        if side.color is not None and side.color.rgb:
            spec["border_color"] = "#" + str(side.color.rgb)[-6:]
    fill = style.fill
    if isinstance(fill, PatternFill) and fill.fill_type == "solid":
        spec["pattern"] = 1
        spec["bg_color"] = "#" + str(fill.fgColor.rgb)[-6:]
    if style.number_format and style.number_format != "General":
        spec["num_format"] = style.number_format
    return spec


class FastBook:
    """An XlsxWriter workbook with ``excel.Book``'s styles, written to ``path`` on ``close``."""

    def __init__(self, path: Path, body_size: float = 9) -> None:
        options = {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        }
        self.wb = xlsxwriter.Workbook(str(path), options)
        self.body_size = body_size
        styles = book_styles(body_size)
        self.formats: dict[str, Format] = {s.name: self.wb.add_format(format_spec(s)) for s in styles}
        self.smallest_font = min(float(s.font.sz) for s in styles if s.font.sz is not None)
        self.sheets: list[FastSheet] = []

    def body_style(self, kind: str, fill: str = "") -> str:
        return f"ins_{kind}_{fill or 'plain'}"

    def sheet(
        self,
        title: str,
        widths: Sequence[float],
        *,
        freeze: tuple[int, int] | None = None,
        layout: PrintLayout | None = None,
    ) -> FastSheet:
        """A new sheet; ``freeze`` is (rows, columns) above and left of the frozen panes."""
        layout = layout or PrintLayout.fitting(widths, self.smallest_font)
        ws = self.wb.add_worksheet(title)
        for i, width in enumerate(widths):
            ws.set_column_pixels(i, i, column_pixels(width), None, {"hidden": i in layout.hidden})
        if freeze:
            ws.freeze_panes(*freeze)
        sheet = FastSheet(self, ws, list(widths), layout)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> None:
        self.wb.close()

    def discard(self) -> None:
        """Drop a cancelled or failed book: close and remove the per-sheet row files that
        ``constant_memory`` keeps on disk until ``close``."""
        for sheet in self.sheets:
            ws: Any = sheet.ws  # the row-file attributes are XlsxWriter's own, not in its stubs
            with suppress(Exception):
                ws.row_data_fh.close()
            with suppress(Exception):
                os.unlink(ws.row_data_filename)
        self.wb.fileclosed = True


class FastSheet:
    """A sheet written row by row; knows its row number (1-based, the last written)."""

    def __init__(self, book: FastBook, ws: Worksheet, widths: list[float], layout: PrintLayout) -> None:
        self.book = book
        self.ws = ws
        self.name = ws.get_name()
        self.widths = widths
        self.layout = layout
        self.row = 0
        self.page_used = 0.0
        self._breaks: list[int] = []
        self._formats = book.formats
        self._starts: dict[int, tuple[Sequence[Format], list[str], list[str]]] = {}
        self._wraps: dict[int, tuple[Sequence[str], list[tuple[int, float, int, dict[str, int]]]]] = {}
        self.fast_rows = True  # ``values`` writes row XML itself (False: XlsxWriter's calls only)

    def _write(self, r: int, c: int, value: Any, fmt: Format) -> None:
        ws = self.ws
        if value is None or value == "":
            ws.write_blank(r, c, None, fmt)
        elif isinstance(value, str):
            ws.write_string(r, c, value, fmt)
        elif isinstance(value, bool):
            ws.write_string(r, c, "是" if value else "否", fmt)
        elif isinstance(value, date | datetime):
            ws.write_datetime(r, c, value, fmt)
        elif isinstance(value, Decimal):
            ws.write_number(r, c, float(value), fmt)
        else:
            ws.write_number(r, c, value, fmt)

    def _height(self, height: float | None) -> None:
        self.page_used += DEFAULT_ROW_HEIGHT if height is None else height
        self.row += 1
        if height is not None:
            self.ws.set_row(self.row - 1, height)

    def append(self, cells: Sequence[Cell], height: float | None = None) -> int:
        self._height(height)
        r, formats = self.row - 1, self._formats
        for c, (value, style) in enumerate(cells):
            self._write(r, c, value, formats[style])
        return self.row

    def values(self, values: Sequence[Any], styles: Sequence[Format], kinds: Sequence[str]) -> int:
        """One styled data row (formats from ``formats``), made tall enough for its wrapped text.

        The ledger's inner loop (100,000 rows of 24 cells): the row's XML is written straight to
        the sheet's row file (``_row_xml``), byte for byte what XlsxWriter's own calls give
        (tests/reports/test_xlsx_fast_rows.py compares them); a row with anything unusual in it
        (control characters, very long text, a datetime) goes through XlsxWriter's calls."""
        lines = 1
        size = self.book.body_size
        count = len(values)
        for c, width, short, known in self._wrapping(kinds):
            if c >= count:
                break
            value = values[c]
            if value.__class__ is str and (len(value) >= short or not value.isprintable()):
                n = known.get(value)
                if n is None:
                    if len(known) >= _KNOWN_TEXTS:
                        known.clear()
                    n = known[value] = text_lines(value, width, size)
                if n > lines:
                    lines = n
        height = round(lines * size * 1.32 + 4, 1) if lines > 1 else None
        if self.fast_rows and self._row_xml(self.row, values, styles, height):
            self.row += 1
            self.page_used += DEFAULT_ROW_HEIGHT if height is None else height
            return self.row
        self._height(height)
        self._values_by_calls(self.row - 1, values, styles)
        return self.row

    def _wrapping(self, kinds: Sequence[str]) -> list[tuple[int, float, int, dict[str, int]]]:
        """(column, width, length of text that may need a second line, lines of the texts seen)
        of the wrapping columns, kept per list of kinds as ``_cell_starts`` keeps its prefixes: a
        ledger repeats an enterprise's name, address and 监管类别 and a hazard's legal basis on
        row after row."""
        found = self._wraps.get(id(kinds))
        if found is None or found[0] is not kinds:
            if len(self._wraps) > 64:  # as ``_cell_starts``: callers keep a few lists
                self._wraps.clear()
            size = self.book.body_size
            wrap: list[tuple[int, float, int, dict[str, int]]] = [
                (c, width, one_line_chars(width, size), {})
                for c, (kind, width) in enumerate(zip(kinds, self.widths, strict=False))
                if kind in WRAPPING
            ]
            found = self._wraps[id(kinds)] = (kinds, wrap)
        return found[1]

    def _values_by_calls(self, r: int, values: Sequence[Any], styles: Sequence[Format]) -> None:
        """Row ``r`` written cell by cell through XlsxWriter's public calls."""
        ws = self.ws
        text, number, day, blank = ws.write_string, ws.write_number, ws.write_datetime, ws.write_blank
        for c, (value, fmt) in enumerate(zip(values, styles, strict=True)):
            if value.__class__ is str:
                if value:
                    text(r, c, value, fmt)
                else:
                    blank(r, c, None, fmt)
            elif value is None:
                blank(r, c, None, fmt)
            elif isinstance(value, date):
                day(r, c, value, fmt)
            elif isinstance(value, bool):
                text(r, c, "是" if value else "否", fmt)
            elif isinstance(value, Decimal):
                number(r, c, float(value), fmt)
            elif isinstance(value, int | float):
                number(r, c, value, fmt)
            else:
                self._write(r, c, value, fmt)

    def _cell_starts(self, styles: Sequence[Format]) -> tuple[list[str], list[str]]:
        """``<c r="X`` … ``s="N"`` prefixes per column for one list of formats (kept per list)."""
        key = id(styles)
        found = self._starts.get(key)
        if found is None or found[0] is not styles:
            if len(self._starts) > 64:  # callers keep a few lists; never let fresh ones pile up
                self._starts.clear()
            attrs = [f' s="{f._get_xf_index()}"' if f else "" for f in styles]
            found = (styles, [f'<c r="{xl_col_to_name(c)}' for c in range(len(styles))], attrs)
            self._starts[key] = found
        return found[1], found[2]

    def _row_xml(self, r: int, values: Sequence[Any], styles: Sequence[Format], height: float | None) -> bool:
        """Write 0-based row ``r`` as XML into the row file; False (nothing written) when a value
        needs XlsxWriter's own handling. What XlsxWriter does for these cells, in its words:
        inline strings with &, <, > escaped and ``xml:space="preserve"`` for outer whitespace,
        numbers as ``%.16G``, dates as Excel serials (1900 system), blanks with their format."""
        ws: Any = self.ws  # the row-file machinery is XlsxWriter's own (constant_memory)
        if r <= ws.previous_row:
            return False
        # Write out the row before, as XlsxWriter's first call on row r would: formats get their
        # numbers in first-use order, so this comes before ``_cell_starts`` numbers this row's.
        ws._write_single_row(r)
        starts, attrs = self._cell_starts(styles)
        row = str(r + 1)
        parts: list[str] = []
        add = parts.append
        for c, value in enumerate(values):
            cls = value.__class__
            if cls is str:
                if not value:
                    add(f'{starts[c]}{row}"{attrs[c]}/>')
                    continue
                if len(value) > _PLAIN_STRING_MAX:
                    return False
                # Control characters and U+FFFE/U+FFFF are not printable: most text skips the regex.
                if (not value.isprintable() or "_x" in value) and _SPECIAL.search(value) is not None:
                    return False
                if "<" in value or ">" in value or "&" in value:
                    if value.startswith("<r>") and value.endswith("</r>"):
                        return False  # XlsxWriter writes such text as rich-text XML
                    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                t = '<t xml:space="preserve">' if value[0].isspace() or value[-1].isspace() else "<t>"
                add(f'{starts[c]}{row}"{attrs[c]} t="inlineStr"><is>{t}{value}</t></is></c>')
            elif value is None:
                add(f'{starts[c]}{row}"{attrs[c]}/>')
            elif cls is date:
                if value < _FIRST_PLAIN_DATE:
                    return False
                add(f'{starts[c]}{row}"{attrs[c]}><v>{value.toordinal() - _EXCEL_EPOCH}</v></c>')
            elif cls is Decimal:
                add(f'{starts[c]}{row}"{attrs[c]}><v>{float(value):.16G}</v></c>')
            elif cls is int or cls is float:
                add(f'{starts[c]}{row}"{attrs[c]}><v>{value:.16G}</v></c>')
            else:
                return False
        ws._check_dimensions(r, 0)
        ws._check_dimensions(r, len(values) - 1)
        if height is None:
            ws._write_row(r, None)
        else:
            pixels = int(height * 4.0 / 3.0 + 0.5)  # as set_row converts points
            ws.row_sizes[r] = [pixels, False]
            ws._write_row(r, None, RowInfo(height=pixels))
        add("</row>")
        ws.fh.write("".join(parts))
        return True

    def formats(self, names: Sequence[str]) -> list[Format]:
        return [self._formats[n] for n in names]

    def merged_row(self, text: str, style: str, ncols: int, height: float | None = None) -> None:
        """A row whose text spans the first ``ncols`` columns."""
        self._height(height)
        r, fmt = self.row - 1, self._formats[style]
        if ncols > 1:
            self.ws.merge_range(r, 0, r, ncols - 1, "", fmt)
        self._write(r, 0, text, fmt)

    def keep_together(self, height: float) -> None:
        """Start a new page unless the next ``height`` pt still fit on this one."""
        page = self.layout.printable_height() * 100 / self.layout.scale(self.widths)
        if self.page_used and self.page_used + height > page:
            self._breaks.append(self.row)
            self.page_used = 0.0

    def title(self, title: str, info: str, ncols: int) -> None:
        """Row 1 the merged title, row 2 a merged line saying what the table covers."""
        self.merged_row(title, "ins_title", ncols, 30)
        self.line(info, ncols)

    def line(self, text: str, ncols: int, style: str = "ins_info") -> None:
        """A merged text across the table, wrapped to the printed width (see ``excel.Sheet.line``)."""
        lines = text_lines(text, self.visible_width(ncols) - 1)
        self.merged_row(text, style, ncols, 18 if lines == 1 else lines * 12 + 6)

    def visible_width(self, ncols: int | None = None) -> float:
        widths = self.widths[: ncols or len(self.widths)]
        return sum(w for i, w in enumerate(widths) if i not in self.layout.hidden)

    def header(self, headers: Sequence[str], height: float = 30) -> int:
        return self.append([(h, "ins_head") for h in headers], height)

    def autofilter(self, header_row: int, last_row: int, ncols: int) -> None:
        self.ws.autofilter(header_row - 1, 0, last_row - 1, ncols - 1)

    def print_setup(self, *, title_row: int | None, footer_left: str = "") -> int:
        """The layout's paper at its computed scale, the header row repeated on every page,
        第 x 页 共 y 页 in the footer (not scaled with the sheet). Returns the scale (percent)."""
        ws, layout = self.ws, self.layout
        scale = layout.scale(self.widths)
        ws.set_paper(layout.paper_code)
        if layout.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.set_print_scale(scale)
        if title_row is not None:
            ws.repeat_rows(title_row - 1)
        ws.center_horizontally()
        ws.set_margins(layout.side_margin, layout.side_margin, TOP_MARGIN, BOTTOM_MARGIN)
        ws.set_header("", {"margin": 0.25})
        footer = f"&C&{FOOTER_SIZE} 第 &P 页 共 &N 页"
        if footer_left:
            footer = f"&L&{FOOTER_SIZE} {footer_left.replace('&', '&&')}" + footer  # & starts a code
        ws.set_footer(footer, {"margin": 0.3, "scale_with_doc": False})
        if self._breaks:
            ws.set_h_pagebreaks(self._breaks)
        return scale


@contextmanager
def fast_workbook(output: Path, body_size: float = 9) -> Iterator[FastBook]:
    """A ``FastBook`` written beside ``output`` and renamed onto it on success only: a cancel or
    an error leaves the destination untouched (an older file there survives) and no temp file."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".xlsx.part", dir=output.parent)
    os.close(fd)
    tmp = Path(name)
    book: FastBook | None = None
    try:
        book = FastBook(tmp, body_size)
        yield book
        book.close()
        os.replace(tmp, output)
    except BaseException:
        if book is not None:
            book.discard()
        tmp.unlink(missing_ok=True)
        raise


__all__ = ["FastBook", "FastSheet", "column_pixels", "fast_workbook", "format_spec"]
