"""The monthly ledger workbook (月度隐患排查治理台账): the ledger sheet and the summary sheet.

Rows stream from ``inspector.core.ledger`` straight into a write-only workbook; the summary is
counted from the very rows written, so the two sheets always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from inspector.core.context import Services
from inspector.core.errors import DomainError
from inspector.core.ledger import (
    Counts,
    LedgerFilter,
    LedgerRow,
    LedgerSummary,
    count_rows,
    iter_rows,
    jurisdictions_in_use,
)
from inspector.core.office import OfficeService
from inspector.db.engine import Database
from inspector.reports.excel import (
    Book,
    Column,
    ExportCancelled,
    Progress,
    Reporter,
    Sheet,
    atomic_workbook,
    text_lines,
)


def _c(header: str, width: float, kind: str, value: Callable[[LedgerRow], Any]) -> Column:
    return Column(header, width, kind, value)


# The columns of DOMAIN.md, in order. Widths are tuned for A4 landscape fitted to one page wide.
LEDGER_COLUMNS: tuple[Column, ...] = (
    _c("序号", 5, "int", lambda r: r.seq),
    _c("隐患编号", 13.5, "center", lambda r: r.number),
    _c("属地", 8, "center", lambda r: r.jurisdiction),
    _c("企业名称", 20, "wrap", lambda r: r.enterprise_name),
    _c("监管类别", 10, "wrap", lambda r: r.categories),
    _c("检查日期", 10.5, "date", lambda r: r.inspected_on),
    _c("检查类型", 8.5, "wrap", lambda r: r.inspection_kind),
    _c("检查人员", 9, "wrap", lambda r: r.inspectors),
    _c("隐患部位", 10, "wrap", lambda r: r.location),
    _c("隐患描述", 28, "wrap", lambda r: r.description),
    _c("隐患类别", 11, "wrap", lambda r: r.hazard_category),
    _c("隐患等级", 8, "center", lambda r: r.level),
    _c("整改责任单位/人", 11, "wrap", lambda r: r.responsible),
    _c("整改措施", 20, "wrap", lambda r: r.measures),
    _c("整改资金（元）", 10.5, "money", lambda r: r.funds),
    _c("整改时限", 10.5, "date", lambda r: r.deadline),
    _c("应急预案/管控措施", 18, "wrap", lambda r: r.contingency),
    _c("整改状态", 7.5, "center", lambda r: r.state),
    _c("整改完成日期", 10.5, "date", lambda r: r.done_on),
    _c("复查日期", 10.5, "date", lambda r: r.reviewed_on),
    _c("复查人员", 9, "wrap", lambda r: r.reviewers),
    _c("销号日期", 10.5, "date", lambda r: r.closed_on),
    _c("是否逾期", 6, "center", lambda r: "是" if r.overdue else "否"),
    _c("备注", 14, "wrap", lambda r: r.notes),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in LEDGER_COLUMNS)

LEDGER_SHEET = "隐患台账"
SUMMARY_SHEET = "汇总"


def row_fill(row: LedgerRow) -> str:
    """Overdue rows light red, other major-hazard rows light yellow."""
    if row.overdue:
        return "overdue"
    return "major" if row.is_major else ""


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    rows: int
    summary: LedgerSummary


def ledger_title(region: str, f: LedgerFilter) -> str:
    scope = "·".join(x for x in (f.jurisdiction, f.category) if x)
    return f"{region}{f.label}隐患排查治理台账" + (f"（{scope}）" if scope else "")


def _scope_text(f: LedgerFilter) -> str:
    return (
        f"统计期间：{f.first_day:%Y-%m-%d} 至 {f.last_day:%Y-%m-%d}；属地：{f.jurisdiction or '全部'}；"
        f"监管类别：{f.category or '全部'}；整改状态、是否逾期按 {f.last_day:%Y-%m-%d} 月末统计"
    )


def _write_ledger_sheet(
    sheet: Sheet, db: Database, f: LedgerFilter, region: str, reporter: Reporter, summary: LedgerSummary
) -> None:
    book = sheet.book
    ncols = len(LEDGER_COLUMNS)
    info = f"{_scope_text(f)}。浅红底：月末逾期；浅黄底：重大隐患。导出时间：{datetime.now():%Y-%m-%d %H:%M}"
    sheet.title(ledger_title(region, f), info, ncols)
    header = sheet.header(HEADERS, 32)
    kinds = [c.kind for c in LEDGER_COLUMNS]
    styles = {
        fill: [book.body_style(c.kind, fill) for c in LEDGER_COLUMNS] for fill in ("", "overdue", "major")
    }
    reporter.start()
    with db.reading() as s:
        for row in iter_rows(s, f):
            sheet.values([c.get(row) for c in LEDGER_COLUMNS], styles[row_fill(row)], kinds)
            summary.add(row)
            reporter.step()
    sheet.ws.auto_filter.ref = f"A{header}:{get_column_letter(ncols)}{max(sheet.row, header + 1)}"
    sheet.print_setup(title_row=header, footer_left=ledger_title(region, f))


SUMMARY_COLUMNS: tuple[Column, ...] = (
    Column("分组", 15, "text"),
    Column("隐患总数", 11, "int"),
    Column("本月新发现", 11, "int"),
    Column("往月结转", 11, "int"),
    Column("已销号", 11, "int"),
    Column("未销号", 11, "int"),
    Column("其中逾期", 11, "int"),
    Column("其中重大隐患", 11, "int"),
    Column("整改率", 11, "percent"),
    Column("整改资金（元）", 13, "money"),
)
SUMMARY_WIDTHS = [c.width for c in SUMMARY_COLUMNS]

# The majors list shares the summary's ten columns; long texts span two (first, last) columns.
MAJOR_LAYOUT: tuple[tuple[str, str, int, int], ...] = (
    ("隐患编号", "center", 1, 1),
    ("属地", "center", 2, 2),
    ("企业名称", "wrap", 3, 4),
    ("隐患描述", "wrap", 5, 6),
    ("督办单位", "wrap", 7, 7),
    ("挂牌日期", "date", 8, 8),
    ("整改时限", "date", 9, 9),
    ("月末状态", "wrap", 10, 10),
)


RATE_NOTE = (
    "整改率 = 已销号数 ÷ 隐患总数 × 100%。隐患总数指本台账所列全部隐患，即本月新发现的隐患加上本月1日仍未销号的"
    "往月隐患（往月结转）；已销号指截至月末已经复查合格或立查立改销号；未销号、逾期均按月末状态统计，"
    "逾期指月末仍未销号且整改时限早于月末最后一天。隐患总数为0时整改率记为“—”。"
)
CATEGORY_NOTE = "一家企业属于多个监管类别时，其隐患在每个类别中各计一次，故按监管类别的合计可能大于总数。"
ASOF_NOTE = "月末状态按业务日期推算：月末之后的销号、复查、延期不计入本表，本表内容不因导出时间不同而改变。"


def _counts_row(sheet: Sheet, label: str, c: Counts, total: bool = False) -> None:
    values = [
        label,
        c.total,
        c.new,
        c.carried,
        c.closed,
        c.open,
        c.overdue,
        c.major_open,
        c.rate if c.rate is not None else "—",
        c.funds,
    ]
    cells = []
    for col, value in zip(SUMMARY_COLUMNS, values, strict=True):
        kind = "center" if value == "—" else col.kind
        cells.append(sheet.cell(value, f"ins_total_{kind}" if total else sheet.book.body_style(kind)))
    sheet.append(cells)


def _major_state(m: LedgerRow) -> str:
    return f"已销号，{m.delisted_on:%Y-%m-%d}摘牌" if m.delisted_on else m.state


def _write_majors(sheet: Sheet, majors: list[LedgerRow]) -> None:
    """重大隐患挂牌督办情况: one row per major hazard of the ledger, spans merged per row."""
    book = sheet.book
    cells: list[Any] = []
    for header, _kind, first, last in MAJOR_LAYOUT:
        cells.append(sheet.cell(header, "ins_head"))
        cells += [sheet.cell(None, "ins_head") for _ in range(last - first)]
    row = sheet.append(cells, 24)
    for _h, _k, first, last in MAJOR_LAYOUT:
        if last > first:
            sheet.merge(first, last, row)
    for m in majors:
        values = [
            m.number,
            m.jurisdiction,
            m.enterprise_name,
            m.description,
            m.supervision_unit or "未挂牌",
            m.listed_on,
            m.deadline,
            _major_state(m),
        ]
        fill = "overdue" if m.overdue else ""
        lines = 1
        cells = []
        for (_h, kind, first, last), value in zip(MAJOR_LAYOUT, values, strict=True):
            span = sum(SUMMARY_WIDTHS[first - 1 : last])
            if isinstance(value, str) and kind == "wrap":
                lines = max(lines, text_lines(value, span))
            style = book.body_style(kind, fill)
            cells.append(sheet.cell(value, style))
            cells += [sheet.cell(None, style) for _ in range(last - first)]
        row = sheet.append(cells, round(lines * 12 + 4, 1) if lines > 1 else None)
        for _h, _k, first, last in MAJOR_LAYOUT:
            if last > first:
                sheet.merge(first, last, row)


def _write_summary_sheet(sheet: Sheet, f: LedgerFilter, region: str, summary: LedgerSummary) -> None:
    """Counts by 属地 / 监管类别 / 隐患等级 / 隐患类别, the majors under supervision, and the definitions."""
    width = len(sheet.widths)

    def section(text: str) -> None:
        sheet.append([], 8)
        sheet.append([sheet.cell(text, "ins_section")], 22)

    def note(text: str) -> None:
        sheet.append([sheet.cell(text, "ins_note")], text_lines(text, sum(sheet.widths) - 2) * 12 + 6)
        sheet.merge(1, width)

    sheet.title(f"{region}{f.label}隐患排查治理情况汇总", _scope_text(f), width)
    groups = (
        ("一、按属地统计", "属地", summary.jurisdictions()),
        ("二、按监管类别统计", "监管类别", summary.categories()),
        ("三、按隐患等级统计", "隐患等级", summary.levels()),
        ("四、按隐患类别统计", "隐患类别", summary.hazard_categories()),
    )
    for heading, label, items in groups:
        section(heading)
        sheet.header([label, *[c.header for c in SUMMARY_COLUMNS[1:]]], 24)
        for name, counts in items:
            _counts_row(sheet, name, counts)
        _counts_row(sheet, "合计", summary.total, total=True)

    section("五、重大隐患挂牌督办情况")
    _write_majors(sheet, summary.majors)
    if not summary.majors:
        note("本期无重大隐患。")

    section("说明")
    note("1．" + RATE_NOTE)
    note("2．" + CATEGORY_NOTE)
    note("3．" + ASOF_NOTE)
    sheet.print_setup(title_row=None)  # several tables with their own headers: none repeats


def _region(db: Database) -> str:
    return OfficeService(db).get().region


def export_month(
    db: Database, f: LedgerFilter, output: Path, progress: Progress | None = None
) -> LedgerExport:
    """Write the month's ledger to ``output`` (atomically); returns the row count and the summary."""
    with db.reading() as s:
        total = count_rows(s, f)
    region = _region(db)
    book = Book()
    reporter = Reporter(progress, total)
    summary = LedgerSummary()
    with atomic_workbook(book, Path(output)):
        ledger = book.sheet(LEDGER_SHEET, [c.width for c in LEDGER_COLUMNS], freeze="C4")
        _write_ledger_sheet(ledger, db, f, region, reporter, summary)
        _write_summary_sheet(book.sheet(SUMMARY_SHEET, SUMMARY_WIDTHS), f, region, summary)
        reporter.finish()
    return LedgerExport(Path(output), reporter.done, summary)


def export_month_cli(
    services: Services,
    month: str,
    output: Path,
    town: str | None = None,
    category: str | None = None,
    progress: Progress | None = None,
) -> LedgerExport:
    """``inspector ledger --month 2026-11 [--town 春江镇] [--category 涉爆粉尘] -o FILE.xlsx``."""
    f = LedgerFilter.parse(month, town, category)
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise DomainError(f"台账文件应以 .xlsx 结尾：{output}")
    if f.jurisdiction:
        with services.db.reading() as s:
            known = jurisdictions_in_use(s)
        if f.jurisdiction not in known:
            raise DomainError(f"属地“{f.jurisdiction}”没有登记企业；现有属地：{'、'.join(known) or '（无）'}")
    return export_month(services.db, f, output, progress)


__all__ = [
    "HEADERS",
    "LEDGER_COLUMNS",
    "ExportCancelled",
    "LedgerExport",
    "export_month",
    "export_month_cli",
    "ledger_title",
]
