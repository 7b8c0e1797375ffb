"""The 统计 workbook reads back with the core's numbers, text stays text, a cancel writes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from inspector.core.demo import generate
from inspector.core.statistics import Period, StatisticsService
from inspector.reports.excel import ExportCancelled
from inspector.reports.statistics import age_label, export_statistics

TODAY = date(2026, 11, 20)


def test_the_workbook_holds_the_cores_numbers(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    generate(db, enterprises=20, hazards=600, seed=3, today=TODAY)
    svc = StatisticsService(db, lambda: TODAY)
    stats, charts = svc.compute(Period.year(2026)), svc.charts(Period.year(2026))
    seen: list[tuple[int, int]] = []
    out = tmp_path / "统计.xlsx"
    n = export_statistics(out, stats, charts, progress=lambda d, t: seen.append((d, t)) or True)
    assert n == seen[-1][0] and seen[-1][0] == seen[-1][1]
    wb = load_workbook(out)
    assert wb.sheetnames == ["按属地", "按隐患类别", "图表数据"]
    ws = wb["按属地"]
    head = [c.value for c in ws[3]]
    assert head[:5] == ["属地", "企业数", "检查企业", "检查次数", "隐患总数"]
    body = {r[0]: r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    for row in stats.by_jurisdiction:
        line = body[row.key]
        assert line[1:11] == (
            row.enterprises,
            row.inspected_enterprises,
            row.inspections,
            row.total,
            row.found,
            row.found_major,
            row.closed,
            row.closed_found,
            row.closure_rate if row.closure_rate is not None else "—",
            row.open_now,
        )
        assert line[11:13] == (row.overdue_rectification_now, row.overdue_review_now)
    cells = [r for r in wb["图表数据"].iter_rows(values_only=True) if r[0]]
    months = {r[0]: r[1:3] for r in cells if isinstance(r[0], str) and r[0][:4] == "2026" and len(r[0]) == 7}
    assert months == {f"{m.month:%Y-%m}": (m.found, m.closed) for m in charts.months}
    ages = {r[0]: r[1:3] for r in cells if r[0] in {age_label(b.low, b.high) for b in charts.ageing}}
    assert ages == {age_label(b.low, b.high): (b.rectification, b.review) for b in charts.ageing}
    assert age_label(91, None) == ">90天" and age_label(1, 7) == "1–7天"


def test_text_stays_text_and_a_cancel_leaves_nothing(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from inspector.core.audit import Actor
    from inspector.core.enterprises import EnterpriseService
    from tests.factories import enterprise_input

    EnterpriseService(db).create(Actor(None, "管理员"), enterprise_input(1, jurisdiction="=HYPERLINK(1)"))
    svc = StatisticsService(db, lambda: TODAY)
    stats, charts = svc.compute(Period.year(2026)), svc.charts(Period.year(2026))
    out = tmp_path / "s.xlsx"
    export_statistics(out, stats, charts)
    ws = load_workbook(out)["按属地"]
    cell = next(c for c in ws["A"] if c.value == "=HYPERLINK(1)")
    assert cell.data_type == "s"
    with pytest.raises(ExportCancelled):
        export_statistics(tmp_path / "c.xlsx", stats, charts, progress=lambda d, t: False)
    assert not (tmp_path / "c.xlsx").exists()
