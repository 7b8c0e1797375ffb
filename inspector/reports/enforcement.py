"""The enforcement statistics return (安全生产行政执法统计表) as a one-sheet workbook.

Laid out like the paper return the district sends to the city: the title, a line with 填报单位 /
统计期间 / 计量单位, a two-row header (groups over kinds), one line per 属地 and the 合计, the
填报人 / 审核人 / 填报日期 line to sign, and a 说明 saying how each figure is counted — an office
checks the figures against its own books and has to know what each one means.

It prints on one A4 landscape page width with the body at 10 pt scaled to about 8.5 pt (never
below 7 pt), the header repeated on every page. Text cells are always written as strings: a 属地 or
a name typed as ``=…`` must never become a formula (PITFALLS.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.utils import get_column_letter

from inspector.core.enforcement import (
    FIGURE_GROUPS,
    EnforcementReturn,
    ReturnData,
    ReturnPeriod,
    ReturnRow,
)
from inspector.core.errors import DomainError
from inspector.i18n import QT_TRANSLATE_NOOP, say
from inspector.reports.excel import (
    BODY_FONT,
    Book,
    PrintLayout,
    Progress,
    Reporter,
    Sheet,
    atomic_workbook,
    text_lines,
)

SHEET_TITLE = "执法统计"
BODY_SIZE = 10
HEAD_SIZE = BODY_SIZE + 0.5
PLACE_WIDTH = 14.5  # 滨江经济开发区 on one line
# Sub-headings broken by hand: wrapping left to Excel or WPS orphans a bracket or a quote mark
# (“四/不两/直”/暗访). Two characters a line fit 6.5 units, three fit 7.5.
HEAD_TEXT: dict[str, str] = {
    "检查企业数（家）": "检查\n企业数\n（家）",
    "日常检查": "日常\n检查",
    "专项检查": "专项\n检查",
    "“四不两直”暗访": "“四不\n两直”\n暗访",
    "执法检查": "执法\n检查",
    "深度安全体检": "深度\n安全\n体检",
    "交叉检查": "交叉\n检查",
    "现场检查方案": "现场\n检查\n方案",
    "现场检查记录": "现场\n检查\n记录",
    "现场处理措施决定书": "现场处\n理措施\n决定书",
    "责令限期整改指令书": "责令限\n期整改\n指令书",
    "整改复查意见书": "整改\n复查\n意见书",
    "文书送达回执": "文书\n送达\n回执",
    "一般隐患": "一般\n隐患",
    "重大隐患": "重大\n隐患",
    "挂牌督办": "挂牌\n督办",
}


def head_text(text: str) -> str:
    return HEAD_TEXT.get(text, text)


def _width(text: str) -> float:
    longest = max(len(line) for line in head_text(text).splitlines())
    return 6.5 if longest <= 2 else 7.5


def _widths() -> tuple[float, ...]:
    widths = [PLACE_WIDTH]
    for group, subs in FIGURE_GROUPS:
        # A district year reaches six-digit hazard totals (124 214 in the demo); bold needs 7 units.
        least = 7.0 if "隐患（项）" in group else 0.0
        widths += [max(least, _width(group if sub == "" else sub)) for sub in subs]
    return tuple(widths)


WIDTHS = _widths()
NCOLS = len(WIDTHS)
HEADER_ROWS = (3, 4)  # repeated on every printed page
FIRST_DATA_ROW = 5
UNITS = "计量单位：家、次、份、项"
PAGE_MARGIN_IN = 0.4
MAX_NAME = 30

NOTES: tuple[str, ...] = (
    "检查企业数：检查日期在统计期间内的检查记录所涉及的企业家数，同一企业多次检查只计一家。",
    "检查次数：检查日期在统计期间内的检查记录条数，按检查记录登记的检查类型分列；“复查”指以复查为类型登记的"
    "检查记录，不含单条隐患的整改复查。",
    "执法文书：文书日期在统计期间内制作的执法文书份数，按文书种类分列；同一文书重印不重复计数。",
    "发现隐患：发现日期在统计期间内的隐患项数；整改销号隐患：销号日期在统计期间内的隐患项数，含往期发现、"
    "本期销号的隐患。两者不是同一批隐患，不能相除作为整改率。隐患等级按当前等级统计。",
    "重大隐患挂牌督办：挂牌日期在统计期间内的挂牌督办项数；摘牌：摘牌日期在统计期间内的项数。",
    "各项均按业务日期统计，统计期间含起止两日，与录入时间无关；均按企业当前登记的属地归属，合计为各属地之和。",
)


@dataclass(frozen=True)
class ReturnExport:
    path: Path
    figures: EnforcementReturn


def return_title(region: str, period: ReturnPeriod) -> str:
    return f"{region}{period.label}安全生产行政执法统计表"


def return_file_name(region: str, period: ReturnPeriod) -> str:
    """A default file name without characters Windows refuses (a custom range has dots)."""
    code = period.code.replace("..", "至")
    return f"{region}安全生产行政执法统计表_{code}.xlsx"


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# -- cells ---------------------------------------------------------------------------------------


def _add_styles(book: Book) -> None:
    """The few styles the return needs beyond reports.excel's (kept here, not in the shared module)."""
    for name, horizontal in (
        ("enf_info", "left"),
        ("enf_info_center", "center"),
        ("enf_info_right", "right"),
    ):
        book.wb.add_named_style(
            NamedStyle(
                name=name,
                font=Font(name=BODY_FONT, size=BODY_SIZE),
                alignment=Alignment(horizontal=horizontal, vertical="center"),
            )
        )
    book.wb.add_named_style(
        NamedStyle(
            name="enf_note",
            font=Font(name=BODY_FONT, size=BODY_SIZE),
            alignment=Alignment(horizontal="left", vertical="top", wrap_text=True),
        )
    )
    book.wb.add_named_style(
        NamedStyle(
            name="enf_sign",
            font=Font(name=BODY_FONT, size=BODY_SIZE + 1),
            alignment=Alignment(horizontal="left", vertical="bottom"),
        )
    )


def _cell(sheet: Sheet, value: Any, style: str) -> Cell:
    """A styled cell; text stays text (never a formula or an error code)."""
    cell = sheet.cell(value, style)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _merge(sheet: Sheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    if (first_row, first_col) != (last_row, last_col):
        sheet.settings.merged_cells.add(
            f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
        )


def _spread(sheet: Sheet, parts: list[tuple[str, str, int]], height: float | None) -> None:
    """One row of merged segments (text, style, columns spanned) covering the whole width."""
    assert sum(span for _t, _s, span in parts) == NCOLS
    cells: list[Cell] = []
    for text, style, span in parts:
        cells.append(_cell(sheet, text, style))
        cells += [_cell(sheet, None, style) for _ in range(span - 1)]
    row = sheet.append(cells, height)
    col = 1
    for _text, _style, span in parts:
        _merge(sheet, row, col, row, col + span - 1)
        col += span


def _header(sheet: Sheet) -> None:
    """Row 3 the groups (属地 and 检查企业数 span both rows), row 4 the kinds."""
    top: list[Cell] = [_cell(sheet, "属地", "ins_head")]
    bottom: list[Cell] = [_cell(sheet, None, "ins_head")]
    spans: list[tuple[int, int, bool]] = []  # first column, last column, spans both rows
    col = 2
    for group, subs in FIGURE_GROUPS:
        both = subs == ("",)
        top.append(_cell(sheet, head_text(group), "ins_head"))
        top += [_cell(sheet, None, "ins_head") for _ in subs[1:]]
        bottom += [_cell(sheet, None if both else head_text(sub), "ins_head") for sub in subs]
        spans.append((col, col + len(subs) - 1, both))
        col += len(subs)
    subs_in_order = [head_text(sub) for _g, subs in FIGURE_GROUPS for sub in subs]
    lines = max(text_lines(h, w, HEAD_SIZE) for h, w in zip(subs_in_order, WIDTHS[1:], strict=True))
    first = sheet.append(top, 30)
    sheet.append(bottom, round(lines * HEAD_SIZE * 1.3 + 6, 1))
    _merge(sheet, first, 1, first + 1, 1)
    for c1, c2, both in spans:
        _merge(sheet, first, c1, first + (1 if both else 0), c2)


def _line(sheet: Sheet, row: ReturnRow, total: bool) -> None:
    book = sheet.book
    place = "ins_total_center" if total else book.body_style("center")
    number = "ins_total_int" if total else book.body_style("int")
    sheet.append(
        [_cell(sheet, row.jurisdiction, place), *(_cell(sheet, n, number) for n in row.figures())], 20
    )


def _notes(sheet: Sheet) -> None:
    width = sum(WIDTHS) - 2
    sheet.append([_cell(sheet, "说明：", "enf_note")], 18)
    _merge(sheet, sheet.row, 1, sheet.row, NCOLS)
    for i, note in enumerate(NOTES, 1):
        text = f"{i}．{note}"
        lines = text_lines(text, width, BODY_SIZE)
        sheet.append([_cell(sheet, text, "enf_note")], round(lines * BODY_SIZE * 1.35 + 4, 1))
        _merge(sheet, sheet.row, 1, sheet.row, NCOLS)


def _write(sheet: Sheet, figures: EnforcementReturn, title: str, unit: str, by: str, on: date) -> None:
    period = figures.period
    sheet.append([_cell(sheet, title, "ins_title")], 34)
    _merge(sheet, 1, 1, 1, NCOLS)
    _spread(
        sheet,
        [
            (f"填报单位：{unit}", "enf_info", 10),
            (f"统计期间：{period.text()}", "enf_info_center", 8),
            (UNITS, "enf_info_right", NCOLS - 18),
        ],
        22,
    )
    _header(sheet)
    for row in figures.rows:
        _line(sheet, row, total=False)
    _line(sheet, figures.total, total=True)
    sheet.append([], 10)
    _spread(
        sheet,
        [
            (f"填报人：{by}", "enf_sign", 9),
            ("审核人：", "enf_sign", 8),
            (f"填报日期：{chinese_date(on)}", "enf_sign", NCOLS - 17),
        ],
        30,
    )
    sheet.append([], 8)
    _notes(sheet)


def printed_scale() -> float:
    """How far "fit to one page wide" shrinks the sheet on A4 landscape: a conservative estimate
    (7 px per width unit plus 5 px of padding per column, at 96 dpi) that the print test checks."""
    page_pt = 297 / 25.4 * 72 - (PAGE_MARGIN_IN * 2) * 72
    sheet_pt = sum(w * 7 + 5 for w in WIDTHS) * 0.75
    return min(1.0, page_pt / sheet_pt)


def _print_setup(sheet: Sheet, title: str) -> None:
    sheet.print_setup(title_row=None, footer_left=title)
    sheet.ws.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1]}"  # both header rows, not just one
    margins = sheet.settings.page_margins
    margins.left = margins.right = PAGE_MARGIN_IN
    margins.top = 0.6
    sheet.ws.HeaderFooter.scaleWithDoc = False  # the footer keeps its 9 pt when the sheet is shrunk
    sheet.footer.left.size = 9


# -- the export ----------------------------------------------------------------------------------


def export_return(
    data: ReturnData,
    output: Path,
    *,
    reporter_name: str,
    progress: Progress | None = None,
    filled_on: date | None = None,
) -> ReturnExport:
    """Write the return (``EnforcementService.return_data``) to ``output`` atomically (a cancel or
    error writes nothing).

    ``reporter_name`` is the 填报人 (blank leaves the line to fill by hand); ``filled_on`` the
    填报日期 (by default the day the figures were computed).
    """
    chosen, office, figures = data.figures.period, data.office, data.figures
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise DomainError(
            say(QT_TRANSLATE_NOOP("core", "统计表文件应以 .xlsx 结尾：{path}"), path=str(output))
        )
    name = " ".join(reporter_name.split())
    if len(name) > MAX_NAME:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "填报人姓名过长：最多{limit}个字符，当前{count}个"),
                limit=MAX_NAME,
                count=len(name),
            )
        )
    reporter = Reporter(progress, 2)
    reporter.start()
    reporter.done = 1
    reporter.finish()
    title = return_title(office.region, chosen)
    book = Book(body_size=BODY_SIZE)
    _add_styles(book)
    with atomic_workbook(book, output):
        # Every style this sheet uses is at least BODY_SIZE: A4 landscape prints it at ≥ 7 pt.
        layout = PrintLayout.fitting(WIDTHS, BODY_SIZE)
        sheet = book.sheet(SHEET_TITLE, WIDTHS, freeze=f"B{FIRST_DATA_ROW}", layout=layout)
        _write(sheet, figures, title, office.reporting_unit, name, filled_on or figures.computed_on)
        _print_setup(sheet, title)
        reporter.done = 2
        reporter.finish()  # the last chance to cancel: nothing is at ``output`` yet
    return ReturnExport(output, figures)


__all__ = [
    "HEADER_ROWS",
    "NOTES",
    "SHEET_TITLE",
    "WIDTHS",
    "ReturnExport",
    "chinese_date",
    "export_return",
    "return_file_name",
    "return_title",
]
