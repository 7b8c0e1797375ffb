"""The return read back with openpyxl: title, headers, figures, 合计, 填报 lines, print set-up; the CLI."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from inspector.__main__ import main
from inspector.core.enforcement import FIGURE_COUNT, EnforcementService, ReturnPeriod
from inspector.core.errors import DomainError
from inspector.core.pinyin import sort_key
from inspector.db.engine import Database
from inspector.db.models import Enterprise
from inspector.reports.enforcement import export_return, printed_scale, return_file_name
from inspector.reports.excel import ExportCancelled
from tests.core.test_enforcement import A, B, C, build_fixture
from tests.reports import builders as b

Q3 = ReturnPeriod.quarter(2026, 3)
SUB_HEADERS = [
    "日常检查",
    "专项检查",
    "“四不两直”暗访",
    "执法检查",
    "复查",
    "深度安全体检",
    "交叉检查",
    "小计",
    "现场检查方案",
    "现场检查记录",
    "现场处理措施决定书",
    "责令限期整改指令书",
    "整改复查意见书",
    "文书送达回执",
    "小计",
    "一般隐患",
    "重大隐患",
    "小计",
    "一般隐患",
    "重大隐患",
    "小计",
    "挂牌督办",
    "摘牌",
]


def flat(value: object) -> object:
    """Header text without the hand-made line breaks."""
    return value.replace("\n", "") if isinstance(value, str) else value


def row_values(ws: Worksheet, first: str) -> list[object]:
    for row in ws.iter_rows(values_only=True):
        if row[0] == first:
            return list(row)
    raise AssertionError(f"no row {first!r}")


def row_starting(ws: Worksheet, prefix: str) -> list[object]:
    for row in ws.iter_rows(values_only=True):
        if isinstance(row[0], str) and row[0].startswith(prefix):
            return [v for v in row if v is not None]
    raise AssertionError(f"no row starting with {prefix!r}")


@pytest.fixture
def book(db: Database, tmp_path: Path) -> tuple[Path, Database]:
    build_fixture(db)
    out = tmp_path / "return.xlsx"
    export_return(
        EnforcementService(db).return_data("2026Q3"), out, reporter_name="张明", filled_on=date(2026, 10, 8)
    )
    return out, db


def test_title_header_and_figures_read_back(book) -> None:
    path, db = book
    wb = load_workbook(path)
    assert wb.sheetnames == ["执法统计"]
    ws = wb["执法统计"]
    assert ws["A1"].value == "新北区2026年第三季度安全生产行政执法统计表"
    info = [v for v in next(ws.iter_rows(min_row=2, max_row=2, values_only=True)) if v]
    assert info == [
        "填报单位：常州市新北区应急管理局",
        "统计期间：2026-07-01 至 2026-09-30",
        "计量单位：家、次、份、项",
    ]

    top = [flat(c.value) for c in ws[3]]
    assert top[0] == "属地" and top[1] == "检查企业数（家）"
    groups = [v for v in top[2:] if v]
    assert groups == [
        "检查次数（次）",
        "执法文书（份）",
        "发现隐患（项）",
        "整改销号隐患（项）",
        "重大隐患挂牌督办（项）",
    ]
    assert [flat(c.value) for c in ws[4]][2:] == SUB_HEADERS
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A3:A4", "B3:B4", "C3:J3", "K3:Q3", "R3:T3", "U3:W3", "X3:Y3", "A1:Y1"} <= merged

    figures = EnforcementService(db).compute(Q3)
    for line in figures.lines():
        assert row_values(ws, line.jurisdiction) == [line.jurisdiction, *line.figures()]
    assert [ws.cell(r, 1).value for r in range(5, 9)] == [*sorted([A, B, C], key=sort_key), "合计"]
    # the 合计 row is plain numbers (no formulas), each the sum of the 属地 above it
    total = row_values(ws, "合计")[1:]
    places = [row_values(ws, j)[1:] for j in (A, B, C)]
    assert total == [sum(col) for col in zip(*places, strict=True)]
    assert all(isinstance(v, int) for v in total) and len(total) == FIGURE_COUNT
    assert row_values(ws, A)[1:3] == [2, 2]  # two enterprises; 日常检查 07-01 and 08-03


def test_fill_in_lines_and_definitions(book) -> None:
    path, _db = book
    ws = load_workbook(path)["执法统计"]
    assert row_starting(ws, "填报人") == ["填报人：张明", "审核人：", "填报日期：2026年10月8日"]
    notes = [
        r[0] for r in ws.iter_rows(values_only=True) if isinstance(r[0], str) and r[0][:2] in {"1．", "4．"}
    ]
    assert any("检查日期在统计期间内" in n for n in notes)
    assert any("销号日期在统计期间内" in n and "不能相除作为整改率" in n for n in notes)
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts and all(c.data_type == "s" for c in texts)


def test_print_set_up(book) -> None:
    path, _db = book
    ws = load_workbook(path)["执法统计"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    scale = int(ws.page_setup.scale)
    assert scale < 100 and not ws.sheet_properties.pageSetUpPr.fitToPage  # an explicit, computed scale
    assert ws.print_title_rows == "$3:$4"
    assert ws.freeze_panes == "B5"
    # fitted to the page width, the smallest text (10 pt body and notes) stays at 7 pt or more
    widths = [ws.column_dimensions[chr(ord("A") + i)].width for i in range(25)]
    page_pt = 297 / 25.4 * 72 - (ws.page_margins.left + ws.page_margins.right) * 72
    scale = page_pt / (sum(w * 7 + 5 for w in widths) * 0.75)
    assert scale == pytest.approx(printed_scale())
    sizes = {c.font.size for row in ws.iter_rows(min_row=2) for c in row if c.value is not None}
    assert min(sizes) * scale >= 7
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text


def test_text_typed_as_a_formula_stays_text(db, tmp_path: Path) -> None:
    with db.transaction() as s:
        b.enterprise(s, 1, jurisdiction='=HYPERLINK("http://x")')
    out = tmp_path / "r.xlsx"
    export_return(EnforcementService(db).return_data(Q3), out, reporter_name="=1+1")
    ws = load_workbook(out)["执法统计"]
    assert ws["A5"].value == '=HYPERLINK("http://x")' and ws["A5"].data_type == "s"
    assert row_starting(ws, "填报人")[0] == "填报人：=1+1"


def test_cancel_leaves_the_old_file(book, tmp_path: Path) -> None:
    path, db = book
    before = path.read_bytes()
    with pytest.raises(ExportCancelled):
        export_return(
            EnforcementService(db).return_data(Q3),
            path,
            reporter_name="",
            progress=lambda done, total: done < total,
        )
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".part")] == []


def test_refusals(db, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match=r"\.xlsx"):
        export_return(EnforcementService(db).return_data(Q3), tmp_path / "r.pdf", reporter_name="")
    with pytest.raises(DomainError, match="2026Q9"):
        export_return(EnforcementService(db).return_data("2026Q9"), tmp_path / "r.xlsx", reporter_name="")
    assert not (tmp_path / "r.xlsx").exists()


def test_file_name_has_no_dots_in_a_range() -> None:
    assert return_file_name("新北区", Q3) == "新北区安全生产行政执法统计表_2026Q3.xlsx"
    custom = ReturnPeriod.between(date(2026, 7, 1), date(2026, 8, 15))
    assert return_file_name("新北区", custom) == "新北区安全生产行政执法统计表_2026-07-01至2026-08-15.xlsx"


# -- the command line --------------------------------------------------------------------------


def test_cli_writes_the_return(sqlite_db: Database, tmp_path: Path, capsys) -> None:
    build_fixture(sqlite_db)
    out = tmp_path / "q3.xlsx"
    code = main(
        ["--db", sqlite_db.url, "enforcement-stats", "--period", "2026-Q3", "--by", "李华", "-o", str(out)]
    )
    assert code == 0
    assert str(out) in capsys.readouterr().out
    ws = load_workbook(out)["执法统计"]
    assert ws["A1"].value == "新北区2026年第三季度安全生产行政执法统计表"
    assert row_starting(ws, "填报人")[0] == "填报人：李华"
    with sqlite_db.reading() as s:
        assert s.query(Enterprise).count() == 4


def test_cli_refuses_a_bad_period(sqlite_db: Database, tmp_path: Path, capsys) -> None:
    out = tmp_path / "q.xlsx"
    code = main(["--db", sqlite_db.url, "enforcement-stats", "--period", "2026-13", "-o", str(out)])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：统计期间不正确：“2026-13”") and "\n" not in err
    assert "Traceback" not in err
    assert not out.exists()


def test_an_office_not_yet_set_up_leaves_the_unit_to_fill_in(db, tmp_path: Path) -> None:
    from tests.conftest import clear_office

    clear_office(db)
    out = tmp_path / "r.xlsx"
    export_return(EnforcementService(db).return_data("2026-11"), out, reporter_name="")
    ws = load_workbook(out)["执法统计"]
    assert ws["A1"].value == "2026年11月安全生产行政执法统计表"
    assert ws["A2"].value == "填报单位："
    assert row_starting(ws, "填报人")[0] == "填报人："
