"""The 统计 page as an Excel workbook: the two breakdowns, the charts' figures and the checklist
ranking, under the page's own words (core.statistics), so a printed copy reads like the screen.

Sheets: 按属地, 按隐患类别 (each ending with its 合计 row, 整改率 as a percentage with the office's
formula named under the table), 图表数据 (各月发现与销号, 整改率（按属地）, 逾期账龄, 挂牌督办重大隐患),
and 检查表不合格项 when a ranking is given. Text cells are written as text (``Sheet.cell``), so a
属地 or an item typed as ``=…`` never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from inspector.core.chart_data import ChartData
from inspector.core.checklists import FailedItemRow
from inspector.core.office import RATE_FORMULA_LABELS, rate_formula_text
from inspector.core.statistics import TOTAL_LABEL, Statistics, StatRow
from inspector.reports.excel import Book, Column, Progress, Reporter, Sheet, atomic_workbook

_HAZARD_COLUMNS = [
    Column("隐患总数", 9, "int", lambda r: r.total),
    Column("本期发现", 9, "int", lambda r: r.found),
    Column("其中重大隐患", 9, "int", lambda r: r.found_major),
    Column("已销号", 9, "int", lambda r: r.closed),
    Column("本期发现中已销号", 10, "int", lambda r: r.closed_found),
    Column("整改率", 9, "percent", lambda r: r.closure_rate),
    Column("目前未销号", 9, "int", lambda r: r.open_now),
    Column("目前逾期未整改", 10, "int", lambda r: r.overdue_rectification_now),
    Column("目前逾期未复查", 10, "int", lambda r: r.overdue_review_now),
]
PLACE_COLUMNS = [
    Column("属地", 16, "text", lambda r: r.key),
    Column("企业数", 8, "int", lambda r: r.enterprises),
    Column("检查企业", 8, "int", lambda r: r.inspected_enterprises),
    Column("检查次数", 8, "int", lambda r: r.inspections),
    *_HAZARD_COLUMNS,
]
CATEGORY_COLUMNS = [Column("隐患类别", 16, "text", lambda r: r.key), *_HAZARD_COLUMNS]
DEFINITIONS = (
    "隐患总数：统计期间内任一时间未销号的隐患（本期发现及往期结转）；其中重大隐患：本期发现的重大隐患，"
    "不论是否销号；已销号：统计期间内销号的隐患，不论何时发现。"
    "“目前…”三列按今天计，不受统计期间限制；统计期间为一个月时，同名各列与月度台账一致。"
)


def age_label(low: int, high: int | None) -> str:
    """逾期天数 of an ageing bucket: 1–7天, >90天."""
    return f"{low}–{high}天" if high is not None else f">{low - 1}天"


def _value(column: Column, row: Any) -> Any:
    value = column.get(row)
    return "—" if value is None and column.kind == "percent" else value


def _table(
    book: Book,
    sheet: Sheet,
    columns: Sequence[Column],
    rows: Sequence[Any],
    reporter: Reporter,
    is_total: Callable[[Any], bool] = lambda _r: False,
) -> None:
    sheet.header([c.header for c in columns])
    plain = [book.body_style(c.kind) for c in columns]
    total = [f"ins_total_{c.kind}" for c in columns]
    kinds = [c.kind for c in columns]
    for row in rows:
        values = [_value(c, row) for c in columns]
        # "—" (no denominator) is text: written centred rather than in a percent cell
        styles = [
            book.body_style("center") if v == "—" else s
            for v, s in zip(values, total if is_total(row) else plain, strict=True)
        ]
        sheet.values(values, styles, kinds)
        reporter.step()


def _breakdown(
    book: Book,
    name: str,
    title: str,
    stats: Statistics,
    columns: list[Column],
    rows: list[StatRow],
    r: Reporter,
) -> None:
    sheet = book.sheet(name, [c.width for c in columns], freeze="B4")
    sheet.title(title, _scope(stats), len(columns))
    header_row = sheet.row + 1
    _table(book, sheet, columns, rows, r, lambda row: row.key == TOTAL_LABEL)
    sheet.line(DEFINITIONS, len(columns), "ins_note")
    sheet.line(
        f"整改率口径（机关设置）：{RATE_FORMULA_LABELS[stats.formula]}。{rate_formula_text(stats.formula)}",
        len(columns),
        "ins_note",
    )
    sheet.print_setup(title_row=header_row, footer_left=title)


def _scope(stats: Statistics) -> str:
    return (
        f"统计期间 {stats.period.start:%Y-%m-%d} 至 {stats.period.end:%Y-%m-%d}；"
        f"已销号截至 {stats.as_of:%Y-%m-%d}；“目前…”截至 {stats.today:%Y-%m-%d}"
    )


def _charts_sheet(book: Book, stats: Statistics, charts: ChartData, r: Reporter) -> None:
    widths = [18, 12, 12, 12]
    sheet = book.sheet("图表数据", widths)
    sheet.title("统计图表数据", _scope(stats), len(widths))

    def section(title: str, columns: list[Column], rows: Sequence[Any]) -> None:
        sheet.append([sheet.cell(title, "ins_section")], 22)
        _table(book, sheet, columns, rows, r)
        sheet.append([])

    section(
        "各月发现与销号",
        [
            Column("月份", 18, "text", lambda m: f"{m.month:%Y-%m}"),
            Column("发现", 12, "int", lambda m: m.found),
            Column("销号", 12, "int", lambda m: m.closed),
        ],
        charts.months,
    )
    section(
        "整改率（按属地）",
        [
            Column("属地", 18, "text", lambda s: s.key),
            Column("整改率", 12, "percent", lambda s: s.closure_rate),
            Column("本期发现", 12, "int", lambda s: s.found),
            Column("已销号", 12, "int", lambda s: s.closed),
        ],
        stats.by_jurisdiction,
    )
    section(
        f"逾期账龄（截至 {charts.today:%Y-%m-%d}）",
        [
            Column("逾期天数", 18, "text", lambda b: age_label(b.low, b.high)),
            Column("逾期未整改", 12, "int", lambda b: b.rectification),
            Column("逾期未复查", 12, "int", lambda b: b.review),
        ],
        charts.ageing,
    )
    section(
        f"挂牌督办重大隐患（截至 {charts.today:%Y-%m-%d}）",
        [
            Column("属地", 18, "text", lambda p: p.key),
            Column("挂牌督办中", 12, "int", lambda p: p.listed),
            Column("其中逾期", 12, "int", lambda p: p.overdue),
        ],
        charts.supervised,
    )
    sheet.print_setup(title_row=None, footer_left="统计图表数据")


def _failed_sheet(book: Book, stats: Statistics, failed: Sequence[FailedItemRow], r: Reporter) -> None:
    columns = [
        Column("序号", 6, "int", lambda x: x[0]),
        Column("检查表", 24, "wrap", lambda x: x[1].title),
        Column("条款", 14, "text", lambda x: x[1].number),
        Column("检查内容", 48, "wrap", lambda x: x[1].content),
        Column("不合格次数", 10, "int", lambda x: x[1].failures),
        Column("检查次数", 10, "int", lambda x: x[1].checked),
        Column("不合格率", 10, "percent", lambda x: x[1].share),
    ]
    sheet = book.sheet("检查表不合格项", [c.width for c in columns], freeze="A4")
    sheet.title("不合格次数最多的检查项", _scope(stats), len(columns))
    header_row = sheet.row + 1
    _table(book, sheet, columns, list(enumerate(failed, 1)), r)
    sheet.print_setup(title_row=header_row, footer_left="检查表不合格项")


def export_statistics(
    output: Path,
    stats: Statistics,
    charts: ChartData,
    failed: Sequence[FailedItemRow] = (),
    progress: Progress | None = None,
) -> int:
    """Write the workbook atomically; returns the number of table rows written. ``progress``
    returning False cancels (ExportCancelled) and leaves ``output`` untouched."""
    total = (
        len(stats.by_jurisdiction) * 2
        + len(stats.by_category)
        + len(charts.months)
        + len(charts.ageing)
        + len(charts.supervised)
        + len(failed)
    )
    book = Book()
    reporter = Reporter(progress, total)
    with atomic_workbook(book, Path(output)):
        reporter.start()
        _breakdown(
            book, "按属地", "隐患统计（按属地）", stats, PLACE_COLUMNS, stats.by_jurisdiction, reporter
        )
        _breakdown(
            book, "按隐患类别", "隐患统计（按隐患类别）", stats, CATEGORY_COLUMNS, stats.by_category, reporter
        )
        _charts_sheet(book, stats, charts, reporter)
        if failed:
            _failed_sheet(book, stats, failed, reporter)
        reporter.finish()
    return reporter.done


__all__ = ["CATEGORY_COLUMNS", "PLACE_COLUMNS", "age_label", "export_statistics"]
