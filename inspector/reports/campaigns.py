"""专项行动覆盖情况 as a workbook: what an office hands its 分管领导 or the city on a given day.

Two sheets. 汇总: the title, the campaign's facts (工作要求, 目标企业, the window, 统计日期) and one
line per 属地 with the counts per state, the 覆盖率 (已检查 + 逾期后检查 over the target) and the
合计. 企业名单: one row per target enterprise — the missing ones first (逾期未检查 shaded), then by
属地 and name — with its state, the date of the visit that covered it and the visits counted.
The rows are paged from the core (``CampaignService.rows``), never loaded whole, and written in
openpyxl's write-only mode; both sheets print on A4 landscape with the header repeated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from openpyxl.utils import get_column_letter

from inspector.core.campaigns import CampaignInput, Coverage, CoverageRow
from inspector.core.context import Services
from inspector.core.enums import CoverageState
from inspector.reports.excel import Book, Progress, Reporter, atomic_workbook

PAGE_SIZE = 500
SUMMARY_SHEET = "汇总"
LIST_SHEET = "企业名单"
STATES = (CoverageState.COVERED, CoverageState.LATE, CoverageState.PENDING, CoverageState.OVERDUE)
SUMMARY_HEADERS = ("属地", "目标企业（家）", *(s.value for s in STATES), "覆盖率")
SUMMARY_WIDTHS = (18.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0)
LIST_HEADERS = ("序号", "属地", "企业名称", "统一社会信用代码", "地址", "覆盖情况", "检查日期", "检查次数")
LIST_WIDTHS = (6.0, 14.0, 30.0, 21.0, 32.0, 11.0, 11.5, 8.0)
LIST_KINDS = ("int", "center", "wrap", "center", "wrap", "center", "date", "int")


def _rate(covered: int, total: int) -> float | None:
    return None if total == 0 else covered / total


def _facts(campaign: CampaignInput, coverage: Coverage) -> str:
    parts = [
        f"目标企业：{campaign.target.describe()}",
        f"时间：{coverage.starts_on:%Y-%m-%d} 至 {coverage.deadline:%Y-%m-%d}",
        f"统计日期：{coverage.as_of:%Y-%m-%d}",
    ]
    if campaign.checklist_code:
        parts.append(f"检查表：{campaign.checklist_code}")
    return "；".join(parts)


def write_coverage(
    output: Path,
    campaign: CampaignInput,
    coverage: Coverage,
    rows: Iterable[CoverageRow],
    progress: Progress | None = None,
) -> int:
    """The workbook at ``output`` (atomically); returns the number of enterprise rows written."""
    book = Book(body_size=10)
    reporter = Reporter(progress, coverage.total)
    title = f"{coverage.title}覆盖情况"
    with atomic_workbook(book, Path(output)):
        summary = book.sheet(SUMMARY_SHEET, SUMMARY_WIDTHS)
        ncols = len(SUMMARY_HEADERS)
        summary.title(title, _facts(campaign, coverage), ncols)
        if campaign.basis.strip():
            summary.line(f"工作要求：{campaign.basis.strip()}", ncols)
        head = summary.header(SUMMARY_HEADERS)
        kinds = ("center", "int", "int", "int", "int", "int", "percent")
        plain = [book.body_style(k) for k in kinds]
        for place, counts in coverage.by_jurisdiction:
            total = sum(counts.values())
            covered = counts[CoverageState.COVERED] + counts[CoverageState.LATE]
            summary.values(
                [place or "（未填属地）", total, *(counts[s] for s in STATES), _rate(covered, total)],
                plain,
                kinds,
            )
        totals = [f"ins_total_{k}" for k in kinds]
        summary.values(
            [
                "合计",
                coverage.total,
                *(coverage.counts[s] for s in STATES),
                _rate(coverage.covered, coverage.total),
            ],
            totals,
            kinds,
        )
        summary.line("覆盖率 = （已检查 + 逾期后检查）÷ 目标企业；复查不计为检查。", ncols, "ins_note")
        summary.print_setup(title_row=head, footer_left=title)

        sheet = book.sheet(LIST_SHEET, LIST_WIDTHS, freeze="C4")
        sheet.title(title, _facts(campaign, coverage), len(LIST_HEADERS))
        header = sheet.header(LIST_HEADERS)
        styles = {fill: [book.body_style(k, fill) for k in LIST_KINDS] for fill in ("", "overdue")}
        reporter.start()
        for n, row in enumerate(rows, start=1):
            fill = "overdue" if row.state is CoverageState.OVERDUE else ""
            sheet.values(
                [
                    n,
                    row.jurisdiction,
                    row.name,
                    row.credit_code,
                    row.address,
                    row.state.value,
                    row.checked_on,
                    row.visits,
                ],
                styles[fill],
                LIST_KINDS,
            )
            reporter.step()
        last = get_column_letter(len(LIST_HEADERS))
        sheet.settings.auto_filter.ref = f"A{header}:{last}{max(sheet.row, header + 1)}"
        sheet.print_setup(title_row=header, footer_left=title)
        reporter.finish()
    return reporter.done


def _pages(services: Services, campaign_id: int, as_of: date) -> Iterator[CoverageRow]:
    offset = 0
    while True:
        page = services.campaigns.rows(campaign_id, offset=offset, limit=PAGE_SIZE, as_of=as_of)
        yield from page
        if len(page) < PAGE_SIZE:
            return
        offset += PAGE_SIZE


def export_coverage(
    services: Services,
    campaign_id: int,
    output: Path,
    progress: Progress | None = None,
    as_of: date | None = None,
) -> int:
    """The coverage of one campaign on ``as_of`` (today by default) into ``output``."""
    coverage = services.campaigns.coverage(campaign_id, as_of)
    campaign, _version = services.campaigns.get(campaign_id)
    return write_coverage(output, campaign, coverage, _pages(services, campaign_id, coverage.as_of), progress)
