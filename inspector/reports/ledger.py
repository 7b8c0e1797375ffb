"""The monthly ledger workbook (月度隐患排查治理台账): the ledger, its summary, the major hazards.

Rows stream from ``inspector.core.ledger`` (``LedgerService.export_data``: this module opens no
session) straight into a write-only workbook; the summary is
counted from the very rows written, so the sheets always agree. Everything is judged as of one day
(``Basis``): the month end, or the export day while the month runs.

Print layout (DOMAIN.md: never text below 7 pt). The 24 columns need about 1440 pt at 100 %
(``column_points``: (7w+5)·0.75 pt per column of width w), so on A3 landscape (1147 pt between
0.3-inch margins) they print at 79 % and the 9 pt body text at 7.1 pt; on A4 landscape (799 pt)
they would need 55 %, i.e. 5.0 pt. The A4 layout therefore hides eight less essential columns
(shown again by unhiding them in Excel): the 16 left need 987 pt, 80 % of A4, 7.2 pt. (Dates and money are
wide enough for LibreOffice/WPS metrics too, which show ### in a cell a few points too narrow.) The summary
and the major hazards fit A4 landscape at 98–100 %. Each sheet carries the 填报单位 / 填报人 / 审核人 / 填报日期
line under its title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from inspector.core.context import Services
from inspector.core.enums import RateFormula
from inspector.core.errors import DomainError
from inspector.core.ledger import (
    Basis,
    Counts,
    LedgerData,
    LedgerFilter,
    LedgerRow,
    LedgerSummary,
    OverdueKind,
)
from inspector.core.ledger_summary import SummaryTally
from inspector.core.office import OfficeSettings, rate_formula_text
from inspector.i18n import QT_TRANSLATE_NOOP, say
from inspector.reports.excel import (
    DEFAULT_ROW_HEIGHT,
    MIN_PRINTED_PT,
    Column,
    ExportCancelled,
    PrintLayout,
    Progress,
    Reporter,
    text_lines,
)
from inspector.reports.xlsx import FastBook, FastSheet, fast_workbook


def _c(header: str, width: float, kind: str, value: Callable[[LedgerRow], Any]) -> Column:
    return Column(header, width, kind, value)


# The columns of DOMAIN.md, in order; widths sized for A3 landscape at 79 % (see the module doc).
# (header, width, kind, the LedgerRow field shown, dotted for an attribute of it)
_LEDGER: tuple[tuple[str, float, str, str], ...] = (
    ("序号", 4.5, "int", "seq"),
    ("隐患编号", 12, "center", "number"),
    ("属地", 8, "center", "jurisdiction"),
    ("企业名称", 16, "wrap", "enterprise_name"),
    ("监管类别", 9, "wrap", "categories"),
    ("检查日期", 10.5, "date", "inspected_on"),
    ("检查类型", 7.5, "wrap", "inspection_kind"),
    ("检查人员", 9.5, "wrap", "inspectors"),
    ("隐患部位", 8.5, "wrap", "location"),
    ("隐患描述", 24, "wrap", "description"),
    ("隐患类别", 9, "wrap", "hazard_category"),
    ("隐患等级", 7.5, "center", "level"),
    ("整改责任单位/人", 9, "wrap", "responsible"),
    ("整改措施", 16, "wrap", "measures"),
    ("整改资金（元）", 11, "money", "funds"),
    ("整改时限", 10.5, "date", "deadline"),
    ("应急预案/管控措施", 14, "wrap", "contingency"),
    ("整改状态", 8, "center", "state"),
    ("整改完成日期", 10.5, "date", "done_on"),
    ("复查日期", 10.5, "date", "reviewed_on"),
    ("复查人员", 9.5, "wrap", "reviewers"),
    ("销号日期", 10.5, "date", "closed_on"),
    ("是否逾期", 9, "center", "overdue_kind.value"),
    ("备注", 12, "wrap", "notes"),
)
LEDGER_FIELDS = tuple(field for *_, field in _LEDGER)
LEDGER_COLUMNS = tuple(
    Column(header, width, kind, attrgetter(field)) for header, width, kind, field in _LEDGER
)
HEADERS: tuple[str, ...] = tuple(c.header for c in LEDGER_COLUMNS)
LEDGER_WIDTHS = [c.width for c in LEDGER_COLUMNS]

# Hidden (not printed) in the A4 layout: who and how it was found, and the plan's details.
A4_HIDDEN_HEADERS = (
    "监管类别",
    "检查日期",
    "检查类型",
    "检查人员",
    "隐患类别",
    "整改资金（元）",
    "应急预案/管控措施",
    "复查人员",
)
PAPERS = ("A3", "A4")
DEFAULT_PAPER = "A3"
LEDGER_LAYOUTS: dict[str, PrintLayout] = {
    "A3": PrintLayout("A3"),
    "A4": PrintLayout("A4", hidden=frozenset(HEADERS.index(h) for h in A4_HIDDEN_HEADERS)),
}
PAPER_LABELS = {
    "A3": "A3 横向（全部24列）",
    "A4": f"A4 横向（{len(HEADERS) - len(A4_HIDDEN_HEADERS)}列，隐藏{len(A4_HIDDEN_HEADERS)}列）",
}

LEDGER_SHEET = "隐患台账"
SUMMARY_SHEET = "汇总"
MAJORS_SHEET = "重大隐患"
HEADER_ROW = 4  # title, scope, 填报 line, header


def row_fill(row: LedgerRow) -> str:
    """逾期未整改 light red, 逾期未复查 light blue, other major-hazard rows light yellow."""
    if row.overdue_kind == OverdueKind.RECTIFICATION:
        return "overdue"
    if row.overdue_kind == OverdueKind.REVIEW:
        return "review"
    return "major" if row.is_major else ""


@dataclass(frozen=True)
class LedgerExport:
    path: Path
    rows: int
    summary: LedgerSummary
    paper: str = DEFAULT_PAPER
    scales: tuple[int, ...] = ()  # print scale (percent) of each sheet, in order


def ledger_title(region: str, f: LedgerFilter) -> str:
    scope = "·".join(x for x in (f.jurisdiction, f.category) if x)
    return f"{region}{f.label}隐患排查治理台账" + (f"（{scope}）" if scope else "")


def as_of_text(basis: Basis) -> str:
    """``截至 2026-11-30（月末）`` or ``截至 2026-11-15（本月尚未结束，按当日）``."""
    when = "月末" if basis.month_over else "本月尚未结束，按当日"
    return f"截至 {basis.as_of:%Y-%m-%d}（{when}）"


def scope_text(f: LedgerFilter, basis: Basis) -> str:
    return (
        f"统计期间：{f.first_day:%Y-%m-%d} 至 {f.last_day:%Y-%m-%d}；属地：{f.jurisdiction or '全部'}；"
        f"监管类别：{f.category or '全部'}；整改状态、是否逾期{as_of_text(basis)}统计"
    )


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def filing_line(unit: str, filled_by: str, on: date) -> str:
    """填报单位 … 填报日期, with room left after 审核人 to sign."""
    gap = "\u3000" * 4
    return (
        f"填报单位：{unit}{gap}填报人：{filled_by or chr(0x3000) * 4}{gap}"
        f"审核人：{chr(0x3000) * 6}{gap}填报日期：{chinese_date(on)}"
    )


@dataclass(frozen=True)
class _Context:
    f: LedgerFilter
    basis: Basis
    office: OfficeSettings
    filing: str

    @property
    def region(self) -> str:
        return self.office.region


def _check_print_size(book: FastBook, sheet: FastSheet, scale: int) -> None:
    """A layout that would print text below 7 pt is a bug here, not something to ship."""
    smallest = book.smallest_font * scale / 100
    if smallest < MIN_PRINTED_PT:
        raise ValueError(f"{sheet.name}: {smallest:.1f} pt printed at {scale} %")


def _write_ledger_sheet(
    sheet: FastSheet, rows: Iterable[LedgerRow], ctx: _Context, reporter: Reporter, summary: LedgerSummary
) -> int:
    """The 隐患台账 rows; the summary is counted from the very rows written.

    The first progress report waits for the first row: the statement that streams the rows also
    counts them (``rows.total``), so the bar's total is known from then on."""
    book, f = sheet.book, ctx.f
    ncols = len(LEDGER_COLUMNS)
    legend = "浅红底：逾期未整改；浅蓝底：逾期未复查；浅黄底：重大隐患"
    hidden = ""
    if sheet.layout.hidden:
        hidden = f"。A4 版式隐藏了{'、'.join(A4_HIDDEN_HEADERS)}列，取消隐藏即可查看"
    sheet.title(ledger_title(ctx.region, f), f"{scope_text(f, ctx.basis)}。{legend}{hidden}", ncols)
    sheet.line(ctx.filing, ncols)
    header = sheet.header(HEADERS, 32)
    kinds = [c.kind for c in LEDGER_COLUMNS]
    styles = {
        fill: sheet.formats([book.body_style(c.kind, fill) for c in LEDGER_COLUMNS])
        for fill in ("", "overdue", "review", "major")
    }
    # One C call reads the row's 24 values (the fields _LEDGER names), not 24 Python calls.
    fetch = attrgetter(*LEDGER_FIELDS)
    started = False
    tally = SummaryTally(summary)
    for row in rows:
        if not started:
            reporter.total = int(getattr(rows, "total", None) or 0)
            reporter.start()
            started = True
        sheet.values(fetch(row), styles[row_fill(row)], kinds)
        tally.add(row)
        reporter.step()
    tally.fold()
    if not started:
        reporter.start()
    sheet.autofilter(header, max(sheet.row, header + 1), ncols)
    return sheet.print_setup(title_row=header, footer_left=ledger_title(ctx.region, f))


# -- 汇总 -----------------------------------------------------------------------------------------

SUMMARY_COLUMNS: tuple[tuple[Column, Callable[[Counts], Any]], ...] = (
    (Column("隐患总数", 8.5, "int"), lambda c: c.total),
    (Column("本月新发现", 8.5, "int"), lambda c: c.new),
    (Column("其中重大隐患", 8.5, "int"), lambda c: c.new_major),
    (Column("往月结转", 8.5, "int"), lambda c: c.carried),
    (Column("已销号", 8.5, "int"), lambda c: c.closed),
    (Column("本月新发现中已销号", 9, "int"), lambda c: c.closed_new),
    (Column("未销号", 8.5, "int"), lambda c: c.open),
    (Column("其中逾期未整改", 8.5, "int"), lambda c: c.overdue_rectification),
    (Column("其中逾期未复查", 8.5, "int"), lambda c: c.overdue_review),
    (Column("未销号重大隐患", 8.5, "int"), lambda c: c.major_open),
)
SUMMARY_HEADERS = ("分组", *(c.header for c, _ in SUMMARY_COLUMNS), "整改率", "整改资金（元）")
SUMMARY_WIDTHS = [13, *(c.width for c, _ in SUMMARY_COLUMNS), 8, 13.5]

# Which columns each reading divides, named as the sheet names them.
RATE_COLUMNS = {
    RateFormula.FOUND: "“本月新发现中已销号” ÷ “本月新发现”",
    RateFormula.OPEN: "“已销号” ÷ “隐患总数”",
}


def rate_note(formula: RateFormula) -> str:
    return f"{rate_formula_text(formula)}，即本表{RATE_COLUMNS[formula]}；分母为0时记为“—”。"


def summary_notes(basis: Basis) -> list[str]:
    """The definitions printed under the summary: what each column counts."""
    day = f"{basis.as_of:%Y-%m-%d}"
    return [
        "隐患总数：本台账所列全部隐患，即本月新发现的隐患加上本月1日仍未销号的往月隐患（往月结转），"
        "也就是本月内任一时间未销号的全部隐患。其中重大隐患：本月新发现的重大隐患，不论是否已销号；"
        f"未销号重大隐患：截至 {day} 仍未销号的重大隐患（含往月结转）。",
        f"已销号：本月1日至 {day} 复查合格或立查立改销号的隐患，不论何时发现；"
        f"本月新发现中已销号：其中本月新发现的部分。未销号：截至 {day} 尚未销号。",
        f"逾期未整改：截至 {day} 未销号，且企业未在整改时限内报告整改完成（整改时限已过仍未报告，或在时限之后才报告）；"
        f"整改时限为 {day} 当日或以后的隐患不计逾期。逾期未复查：企业已在整改时限内报告整改完成，"
        f"机关自报告之日（或整改时限届满之日，取较早者）起{basis.review_days}日内未复查"
        "（《安全生产违法行为行政处罚办法》规定的复查期限，机关设置可改）；待复查而未超期的不计逾期。",
        rate_note(basis.formula),
        "一家企业属于多个监管类别时，其隐患在每个类别中各计一次，故按监管类别的合计可能大于总数。",
        "状态按业务日期推算：统计日之后的销号、复查、延期不计入本表，本表内容不因导出时间不同而改变。",
    ]


def _counts_row(sheet: FastSheet, label: str, c: Counts, formula: RateFormula, total: bool = False) -> None:
    rate = c.rate(formula)
    values = [label, *(get(c) for _, get in SUMMARY_COLUMNS), rate if rate is not None else "—", c.funds]
    kinds = ["text", *(col.kind for col, _ in SUMMARY_COLUMNS), "percent", "money"]
    cells = []
    for kind, value in zip(kinds, values, strict=True):
        kind = "center" if value == "—" else kind
        cells.append((value, f"ins_total_{kind}" if total else sheet.book.body_style(kind)))
    sheet.append(cells)


def _note_height(sheet: FastSheet, text: str) -> float:
    return text_lines(text, sum(sheet.widths) - 2) * 12 + 6


def _note(sheet: FastSheet, text: str) -> None:
    sheet.merged_row(text, "ins_note", len(sheet.widths), _note_height(sheet, text))


def _write_summary_sheet(sheet: FastSheet, ctx: _Context, summary: LedgerSummary) -> int:
    """Counts by 属地 / 监管类别 / 隐患等级 / 隐患类别, each with its 整改率 formula, then the definitions."""
    width = len(sheet.widths)
    formula = summary.basis.formula

    def section(text: str) -> None:
        sheet.append([], 8)
        sheet.append([(text, "ins_section")], 22)

    sheet.title(f"{ctx.region}{ctx.f.label}隐患排查治理情况汇总", scope_text(ctx.f, ctx.basis), width)
    sheet.line(ctx.filing, width)
    groups = (
        ("一、按属地统计", "属地", summary.jurisdictions()),
        ("二、按监管类别统计", "监管类别", summary.categories()),
        ("三、按隐患等级统计", "隐患等级", summary.levels()),
        ("四、按隐患类别统计", "隐患类别", summary.hazard_categories()),
    )
    note = "注：" + rate_note(formula)
    for heading, label, items in groups:
        sheet.keep_together(8 + 22 + 36 + (len(items) + 1) * DEFAULT_ROW_HEIGHT + _note_height(sheet, note))
        section(heading)
        sheet.header([label, *SUMMARY_HEADERS[1:]], 36)
        for name, counts in items:
            _counts_row(sheet, name, counts, formula)
        _counts_row(sheet, "合计", summary.total, formula, total=True)
        _note(sheet, note)

    section(f"重大隐患挂牌督办情况见“{MAJORS_SHEET}”表（本期 {len(summary.majors)} 项）。")
    notes = [f"{n}．{text}" for n, text in enumerate(summary_notes(summary.basis), 1)]
    sheet.keep_together(30 + sum(_note_height(sheet, t) for t in notes))
    section("说明")
    for text in notes:
        _note(sheet, text)
    return sheet.print_setup(title_row=None)  # several tables with their own headers: none repeats


# -- 重大隐患 -----------------------------------------------------------------------------------------

MAJOR_COLUMNS: tuple[Column, ...] = (
    _c("序号", 4.5, "int", lambda r: r.seq),
    _c("隐患编号", 12, "center", lambda r: r.number),
    _c("属地", 8, "center", lambda r: r.jurisdiction),
    _c("企业名称", 16, "wrap", lambda r: r.enterprise_name),
    _c("隐患部位", 9, "wrap", lambda r: r.location),
    _c("隐患描述", 26, "wrap", lambda r: r.description),
    _c("发现日期", 9.5, "date", lambda r: r.found_on),
    _c("督办单位", 14, "wrap", lambda r: r.supervision_unit or "未挂牌"),
    _c("挂牌日期", 9.5, "date", lambda r: r.listed_on),
    _c("整改时限", 9.5, "date", lambda r: r.deadline),
    _c("整改状态", 8, "center", lambda r: r.state),
    _c("是否逾期", 9, "center", lambda r: r.overdue_kind.value),
    _c("摘牌日期", 9.5, "date", lambda r: r.delisted_on),
)


def _write_majors_sheet(sheet: FastSheet, ctx: _Context, summary: LedgerSummary) -> int:
    """重大隐患挂牌督办情况: its own sheet, so its header repeats on every printed page."""
    ncols = len(MAJOR_COLUMNS)
    title = f"{ctx.region}{ctx.f.label}重大隐患挂牌督办情况"
    info = f"{scope_text(ctx.f, ctx.basis)}。列出本台账中的全部重大隐患（本月新发现及往月结转），共 {len(summary.majors)} 项"
    sheet.title(title, info, ncols)
    sheet.line(ctx.filing, ncols)
    header = sheet.header([c.header for c in MAJOR_COLUMNS], 28)
    book = sheet.book
    kinds = [c.kind for c in MAJOR_COLUMNS]
    styles = {
        fill: sheet.formats([book.body_style(c.kind, fill) for c in MAJOR_COLUMNS])
        for fill in ("", "overdue", "review")
    }
    for n, m in enumerate(summary.majors, 1):
        values = [n, *(c.get(m) for c in MAJOR_COLUMNS[1:])]
        fill = row_fill(m)
        sheet.values(values, styles[fill if fill != "major" else ""], kinds)
    if not summary.majors:
        _note(sheet, "本期无重大隐患。")
    else:
        sheet.autofilter(header, sheet.row, ncols)
    return sheet.print_setup(title_row=header, footer_left=title)


# -- the workbook -------------------------------------------------------------------------------------


def export_month(
    data: LedgerData,
    output: Path,
    progress: Progress | None = None,
    *,
    filled_by: str = "",
    paper: str = DEFAULT_PAPER,
) -> LedgerExport:
    """Write the month's ledger (``LedgerService.export_data``) to ``output`` atomically; returns
    the row count and the summary.

    ``data.today`` is the export day (填报日期). ``filled_by`` is the 填报人 (who exports);
    ``paper`` is "A3" (all columns) or "A4" (the essential columns; the others hidden).
    """
    if paper not in LEDGER_LAYOUTS:
        raise DomainError(
            say(
                QT_TRANSLATE_NOOP("core", "纸张应为 {papers}：{paper}"),
                papers=say(QT_TRANSLATE_NOOP("core", "或")).join(PAPERS),
                paper=paper,
            )
        )
    f, basis, office = data.filter, data.basis, data.office
    ctx = _Context(f, basis, office, filing_line(office.reporting_unit, filled_by.strip(), data.today))
    reporter = Reporter(progress, 0)  # the total arrives with the first row
    summary = LedgerSummary(basis)
    scales = []
    panes = (HEADER_ROW, 2)  # panes frozen at C5: title rows, header, 序号 and 隐患编号
    with fast_workbook(Path(output)) as book:
        sheets = (
            (LEDGER_SHEET, LEDGER_WIDTHS, panes, LEDGER_LAYOUTS[paper]),
            (SUMMARY_SHEET, SUMMARY_WIDTHS, None, PrintLayout("A4")),
            (MAJORS_SHEET, [c.width for c in MAJOR_COLUMNS], panes, PrintLayout("A4")),
        )
        ledger, totals, majors = (
            book.sheet(name, widths, freeze=freeze, layout=layout) for name, widths, freeze, layout in sheets
        )
        scales.append(_write_ledger_sheet(ledger, data.rows, ctx, reporter, summary))
        scales.append(_write_summary_sheet(totals, ctx, summary))
        scales.append(_write_majors_sheet(majors, ctx, summary))
        for sheet, scale in zip((ledger, totals, majors), scales, strict=True):
            _check_print_size(book, sheet, scale)
        reporter.finish()
    return LedgerExport(Path(output), reporter.done, summary, paper, tuple(scales))


def export_month_cli(
    services: Services,
    month: str,
    output: Path,
    town: str | None = None,
    category: str | None = None,
    progress: Progress | None = None,
    *,
    paper: str = DEFAULT_PAPER,
    filled_by: str = "",
) -> LedgerExport:
    """``inspector ledger --month 2026-11 [--town 春江镇] [--category 涉爆粉尘] [--paper A3|A4]
    [--filled-by 张明] -o FILE.xlsx``."""
    f = LedgerFilter.parse(month, town, category)
    output = Path(output)
    if output.suffix.lower() != ".xlsx":
        raise DomainError(say(QT_TRANSLATE_NOOP("core", "台账文件应以 .xlsx 结尾：{path}"), path=str(output)))
    if f.jurisdiction:
        known = services.ledger.jurisdictions()
        if f.jurisdiction not in known:
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP("core", "属地“{jurisdiction}”没有登记企业；现有属地：{known}"),
                    jurisdiction=f.jurisdiction,
                    known="、".join(known) or say(QT_TRANSLATE_NOOP("core", "（无）")),
                )
            )
    return export_month(services.ledger.export_data(f), output, progress, filled_by=filled_by, paper=paper)


__all__ = [
    "DEFAULT_PAPER",
    "HEADERS",
    "LEDGER_COLUMNS",
    "PAPERS",
    "PAPER_LABELS",
    "ExportCancelled",
    "LedgerExport",
    "as_of_text",
    "export_month",
    "export_month_cli",
    "ledger_title",
    "rate_note",
]
