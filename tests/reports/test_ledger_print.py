"""A current-month ledger read back from the file: every summary cell against plain SQL, the 填报
lines, the print set-up (A3 / A4, scale, nothing printed below 7 pt), and text that stays text."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from inspector.__main__ import main
from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.hazards import HazardFilter
from inspector.core.office import OfficeService, rate_formula_text
from inspector.reports.excel import MIN_PRINTED_PT
from inspector.reports.ledger import A4_HIDDEN_HEADERS, HEADERS, export_month_cli
from inspector.reports.lists import export_enterprises, export_hazards
from tests.reports import builders as b
from tests.reports.ledger_cases import IN_LEDGER, MID_TODAY, build_mid, rate, reference_counts

FILING = ("填报单位：常州市新北区应急管理局", "填报人：张明", "审核人：", "填报日期：2026年11月15日")
SECTIONS = {"属地": "一、按属地统计", "监管类别": "二、按监管类别统计", "隐患等级": "三、按隐患等级统计"}
SECTIONS["隐患类别"] = "四、按隐患类别统计"
COUNT_FIELDS = (
    "total",
    "new",
    "new_major",
    "carried",
    "closed",
    "closed_new",
    "open",
    "late_rect",
    "late_review",
    "major_open",
)


def export(db, tmp_path: Path, paper: str = "A3", name: str = "mid.xlsx") -> Path:
    out = tmp_path / name
    export_month_cli(Services.on(db, clock=lambda: MID_TODAY), "2026-11", out, paper=paper, filled_by="张明")
    return out


@pytest.fixture
def mid(db, tmp_path: Path) -> Path:
    build_mid(db)
    return export(db, tmp_path)


def row_after(ws: Worksheet, text: str) -> int:
    for row in ws.iter_rows():
        if row[0].value == text:
            return row[0].row
    raise AssertionError(text)


def table(ws: Worksheet, section: str) -> dict[str, list[Any]]:
    """The lines of one summary table, 合计 included, by their first cell."""
    head = row_after(ws, section) + 1
    out = {}
    r = head + 1
    while True:
        values = [c.value for c in ws[r]]
        out[values[0]] = values
        if values[0] == "合计":
            return out
        r += 1


def test_every_summary_cell_matches_plain_sql(db, mid: Path) -> None:
    ws = load_workbook(mid)["汇总"]
    for grouping, section in SECTIONS.items():
        lines = table(ws, section)
        expected = reference_counts(db, grouping)
        expected["合计"] = reference_counts(db, "合计")["合计"]
        if grouping != "监管类别":  # an enterprise in two categories counts twice there
            assert sum(v["total"] for k, v in expected.items() if k != "合计") == expected["合计"]["total"]
        for name, values in lines.items():
            want = expected.get(name, dict.fromkeys(COUNT_FIELDS, 0) | {"funds": Decimal(0)})
            assert values[1:11] == [want[f] for f in COUNT_FIELDS], (grouping, name)
            got_rate = values[11]
            want_rate = rate(want, "found")
            assert (got_rate == "—") if want_rate is None else got_rate == pytest.approx(want_rate)
            assert Decimal(str(values[12])) == want["funds"]
        assert set(expected) <= set(lines), grouping
    total = table(ws, SECTIONS["属地"])["合计"]
    assert total[1:11] == [13, 8, 2, 5, 3, 2, 10, 3, 1, 2]


def test_ledger_rows_say_whose_delay(mid: Path) -> None:
    ws = load_workbook(mid)["隐患台账"]
    header = [c.value for c in ws[4]]
    col = {h: i for i, h in enumerate(header)}
    seen = {}
    for row in ws.iter_rows(min_row=5):
        key = row[col["隐患描述"]].value.removeprefix("隐患 ")
        seen[key] = row[col["是否逾期"]].value
        deadline = row[col["整改时限"]].value
        if deadline is not None and deadline >= datetime(2026, 11, 15):
            assert seen[key] == "否", key  # a deadline today or later is never 逾期
        fill = row[0].fill.fgColor.rgb if row[0].fill.fill_type == "solid" else None
        if seen[key] == "逾期未整改":
            assert fill.endswith("FFD9D9")
        elif seen[key] == "逾期未复查":
            assert fill.endswith("DDEBF7")
    assert seen == {c.key: c.expect for c in IN_LEDGER}
    assert seen["pending_in_time"] == "否"
    assert "截至 2026-11-15（本月尚未结束，按当日）" in ws["A2"].value


def test_titles_filing_lines_and_print_setup(mid: Path) -> None:
    wb = load_workbook(mid)
    assert wb.sheetnames == ["隐患台账", "汇总", "重大隐患"]
    titles = {
        "隐患台账": "新北区2026年11月隐患排查治理台账",
        "汇总": "新北区2026年11月隐患排查治理情况汇总",
        "重大隐患": "新北区2026年11月重大隐患挂牌督办情况",
    }
    for name, title in titles.items():
        ws = wb[name]
        assert ws["A1"].value == title
        assert all(part in ws["A3"].value for part in FILING), name
        assert ws.page_setup.orientation == "landscape"
        assert not ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.HeaderFooter.scaleWithDoc is False
        assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    ledger, summary, majors = (wb[n] for n in wb.sheetnames)
    assert (int(ledger.page_setup.paperSize), int(ledger.page_setup.scale)) == (8, 79)
    assert ledger.freeze_panes == "C5" and ledger.print_title_rows == "$4:$4"
    assert ledger.auto_filter.ref == f"A4:X{4 + len(IN_LEDGER)}"
    assert int(summary.page_setup.paperSize) == 9 and summary.print_title_rows is None
    # The majors list on a sheet of its own: its header repeats on every printed page.
    assert int(majors.page_setup.paperSize) == 9 and majors.print_title_rows == "$4:$4"
    assert majors.freeze_panes == "C5"
    assert [majors.cell(r, 2).value for r in range(5, 8)] and majors.auto_filter.ref == "A4:M7"
    assert sorted(majors.cell(r, 6).value for r in range(5, 8)) == [
        "隐患 major_carried",
        "隐患 major_closed",
        "隐患 major_open",
    ]


def printed_sizes(path: Path) -> list[tuple[str, float]]:
    """(where, printed pt) for every font used in every cell and footer, and every named style."""
    wb = load_workbook(path)
    out = []
    smallest_scale = min(int(ws.page_setup.scale or 100) for ws in wb.worksheets)
    for style in wb._named_styles:
        out.append((f"style {style.name}", float(style.font.sz) * smallest_scale / 100))
    for ws in wb.worksheets:
        scale = int(ws.page_setup.scale or 100) / 100
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out.append((f"{ws.title}!{c.coordinate}", float(c.font.sz) * scale))
        for part in (ws.oddFooter.left, ws.oddFooter.center):
            if part.text:
                factor = scale if ws.HeaderFooter.scaleWithDoc is not False else 1
                out.append((f"{ws.title} footer", float(part.size) * factor))
    return out


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_nothing_prints_below_7_pt(db, tmp_path: Path, paper: str) -> None:
    build_mid(db)
    path = export(db, tmp_path, paper)
    sizes = printed_sizes(path)
    small = [(where, pt) for where, pt in sizes if pt < MIN_PRINTED_PT]
    assert small == []
    assert min(pt for _, pt in sizes) == pytest.approx(9 * {"A3": 0.79, "A4": 0.80}[paper])


def test_the_a4_layout_hides_the_less_essential_columns(db, tmp_path: Path) -> None:
    build_mid(db)
    ws = load_workbook(export(db, tmp_path, "A4"))["隐患台账"]
    assert (int(ws.page_setup.paperSize), int(ws.page_setup.scale)) == (9, 80)
    hidden = [h for i, h in enumerate(HEADERS, 1) if ws.column_dimensions[ws.cell(4, i).column_letter].hidden]
    assert hidden == list(A4_HIDDEN_HEADERS)
    assert len(HEADERS) - len(hidden) == 16
    assert [c.value for c in ws[4]] == list(HEADERS)  # the data is all there, only hidden
    assert "A4 版式隐藏了" in ws["A2"].value


def test_both_rate_readings_print_their_formula(db, tmp_path: Path, actor) -> None:
    build_mid(db)
    for formula, expected in (("found", 2 / 8), ("open", 3 / 13)):
        OfficeService(db).update(actor, rate_formula=formula)
        ws = load_workbook(export(db, tmp_path, name=f"{formula}.xlsx"))["汇总"]
        total_row = row_after(ws, "一、按属地统计") + 1
        while ws.cell(total_row, 1).value != "合计":
            total_row += 1
        assert ws.cell(total_row, 12).value == pytest.approx(expected)
        note = ws.cell(total_row + 1, 1).value
        assert rate_formula_text(formula) in note
        column_words = (
            "“本月新发现中已销号” ÷ “本月新发现”" if formula == "found" else "“已销号” ÷ “隐患总数”"
        )
        assert column_words in note


TRICKS = ('=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "#N/A", "=1+1")


def test_text_typed_like_a_formula_stays_text(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        people = b.officers(s)
        ent = b.enterprise(s, 1, name='=HYPERLINK("http://x","公司")')
        insp = b.inspection(s, ent, people, date(2026, 11, 3))
        for n, trick in enumerate(TRICKS):
            h = b.hazard(s, ent, date(2026, 11, 3), insp=insp, description=trick, location=trick, notes=trick)
            assert h.plan is not None
            h.plan.measures = trick if n % 2 else "=SUM(A1:A9)"
    services = Services.on(db)
    paths = [export(db, tmp_path)]
    paths.append(tmp_path / "list.xlsx")
    export_hazards(services, HazardFilter(), paths[-1])
    paths.append(tmp_path / "ents.xlsx")
    export_enterprises(services, EnterpriseFilter(), paths[-1])
    for path in paths:
        wb = load_workbook(path)
        texts = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", f"{path.name} {ws.title}!{c.coordinate}: {c.value!r}"
                    assert c.data_type != "e", f"{path.name} {ws.title}!{c.coordinate}: {c.value!r}"
                    if isinstance(c.value, str):
                        assert c.data_type == "s"
                        texts.append(c.value)
        assert '=HYPERLINK("http://x","公司")' in texts, path.name
        if path.name != "ents.xlsx":
            assert set(TRICKS) <= set(texts), path.name


def test_cli_paper_and_filled_by(sqlite_db, tmp_path: Path, capsys) -> None:
    build_mid(sqlite_db)
    out = tmp_path / "cli.xlsx"
    argv = ["--db", str(sqlite_db.url), "ledger", "--month", "2026-11", "--paper", "A4"]
    assert main([*argv, "--filled-by", "李华", "-o", str(out)]) == 0
    ws = load_workbook(out)["隐患台账"]
    assert int(ws.page_setup.paperSize) == 9
    assert "填报人：李华" in ws["A3"].value
    assert "已导出" in capsys.readouterr().out
