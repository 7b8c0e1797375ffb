"""The coverage workbook read back: every target enterprise with its state and date, and the summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inspector.core.audit import SYSTEM
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.demo import generate
from inspector.core.enums import CoverageState
from inspector.core.errors import Cancelled
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from inspector.reports import campaigns as report

TODAY = date(2026, 11, 20)


@pytest.fixture
def demo(sqlite_db: Database) -> Services:
    generate(sqlite_db, enterprises=120, hazards=200, seed=7, today=TODAY)
    return Services.on(sqlite_db, clock=lambda: TODAY)


def _campaign(services: Services) -> int:
    return services.campaigns.create(
        SYSTEM,
        CampaignInput(
            title="涉爆粉尘企业全覆盖检查",
            basis="11月10日前全覆盖",
            target=TargetSet(categories=("涉爆粉尘",)),
            starts_on=date(2026, 8, 1),
            deadline=date(2026, 11, 10),
        ),
    )


def test_rows_states_and_dates_match_the_core(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "PAGE_SIZE", 7)  # several pages, as at 100,000 enterprises
    cid = _campaign(demo)
    out = tmp_path / "coverage.xlsx"
    written = report.export_coverage(demo, cid, out)
    expected = demo.campaigns.rows(cid)
    cov = demo.campaigns.coverage(cid)
    assert written == len(expected) == cov.total > 7
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "企业名单"]
    ws = wb["企业名单"]
    assert ws["A1"].value == "涉爆粉尘企业全覆盖检查覆盖情况"
    assert "统计日期：2026-11-20" in ws["A2"].value and "涉爆粉尘" in ws["A2"].value
    assert [c.value for c in ws[3]] == list(report.LIST_HEADERS)
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert [(r[1], r[2], r[3], r[5], r[7]) for r in rows] == [
        (e.jurisdiction, e.name, e.credit_code, e.state.value, e.visits) for e in expected
    ]
    dates = [r[6].date() if r[6] is not None else None for r in rows]
    assert dates == [e.checked_on for e in expected]
    assert {r[5] for r in rows} >= {CoverageState.OVERDUE.value, CoverageState.COVERED.value}
    overdue_row = 4 + next(i for i, e in enumerate(expected) if e.state is CoverageState.OVERDUE)
    assert ws.cell(overdue_row, 3).fill.fgColor.rgb.endswith("FFD9D9")
    assert ws.auto_filter.ref == f"A3:H{3 + len(rows)}"

    summary = wb["汇总"]
    lines = list(summary.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(lines) if r[0] == "属地")
    body = lines[head + 1 : head + 1 + len(cov.by_jurisdiction) + 1]
    by = {r[0]: r[1:6] for r in body}
    for place, counts in cov.by_jurisdiction:
        assert by[place] == (sum(counts.values()), *(counts[s] for s in report.STATES))
    total = by["合计"]
    assert total == (cov.total, *(cov.counts[s] for s in report.STATES))
    assert body[-1][6] == pytest.approx(cov.covered / cov.total)


def test_a_cancelled_export_leaves_no_file(demo: Services, tmp_path: Path) -> None:
    cid = _campaign(demo)
    folder = tmp_path / "out"
    with pytest.raises(Cancelled):
        report.export_coverage(demo, cid, folder / "coverage.xlsx", progress=lambda done, total: False)
    assert list(folder.iterdir()) == []


def test_text_typed_as_a_formula_stays_text(demo: Services, tmp_path: Path) -> None:
    cid = demo.campaigns.create(
        SYSTEM,
        CampaignInput(title="=HYPERLINK(1)", target=TargetSet(), starts_on=TODAY, deadline=TODAY),
    )
    out = tmp_path / "c.xlsx"
    report.export_coverage(demo, cid, out)
    ws = load_workbook(out)["汇总"]
    assert ws["A1"].data_type == "s" and ws["A1"].value == "=HYPERLINK(1)覆盖情况"
