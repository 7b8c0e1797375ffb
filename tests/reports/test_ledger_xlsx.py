"""Read the exported workbooks back: the rows, the counts, and the print formatting."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.errors import DomainError
from inspector.core.hazards import HazardFilter
from inspector.db.models import Inspector
from inspector.reports.excel import ExportCancelled
from inspector.reports.ledger import HEADERS, export_month_cli
from inspector.reports.lists import export_enterprises, export_hazard_list, export_hazards
from tests.factories import enterprise_input
from tests.reports import builders as b
from tests.reports.builders import SCENARIO, build_scenario

DOMAIN_HEADERS = [
    "序号",
    "隐患编号",
    "属地",
    "企业名称",
    "监管类别",
    "检查日期",
    "检查类型",
    "检查人员",
    "隐患部位",
    "隐患描述",
    "隐患类别",
    "隐患等级",
    "整改责任单位/人",
    "整改措施",
    "整改资金（元）",
    "整改时限",
    "应急预案/管控措施",
    "整改状态",
    "整改完成日期",
    "复查日期",
    "复查人员",
    "销号日期",
    "是否逾期",
    "备注",
]
START, END = date(2026, 11, 1), date(2026, 11, 30)
AFTER = date(2026, 12, 15)  # exported after the month: judged as of 30 November


def data_rows(ws: Worksheet, header_row: int = 4) -> list[dict[str, object]]:
    """The rows under the header: row 4 on the ledger (title, scope, 填报 line), 3 on lists."""
    header = [c.value for c in ws[header_row]]
    return [
        dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=header_row + 1, values_only=True)
    ]


def find_row(ws: Worksheet, first: str, after: int = 1) -> int:
    for row in ws.iter_rows(min_row=after):
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no row starting with {first!r}")


@pytest.fixture
def exported(db, tmp_path: Path) -> tuple[Path, dict[str, int]]:
    ids = build_scenario(db)
    out = tmp_path / "ledger.xlsx"
    export_month_cli(Services.on(db, clock=lambda: AFTER), "2026-11", out)
    return out, ids


def test_headers_are_exactly_the_domain_columns() -> None:
    assert list(HEADERS) == DOMAIN_HEADERS


def test_ledger_rows_read_back(exported) -> None:
    path, _ = exported
    wb = load_workbook(path)
    assert wb.sheetnames == ["隐患台账", "汇总", "重大隐患"]
    ws = wb["隐患台账"]
    assert ws["A1"].value == "新北区2026年11月隐患排查治理台账"
    assert "2026-11-01 至 2026-11-30" in ws["A2"].value
    assert "截至 2026-11-30（月末）" in ws["A2"].value
    assert ws["A3"].value.startswith("填报单位：常州市新北区应急管理局")
    assert [c.value for c in ws[4]] == DOMAIN_HEADERS

    rows = data_rows(ws)
    expected = {
        f"隐患 {s.key}" for s in SCENARIO if s.found <= END and (s.closed is None or s.closed >= START)
    }
    assert {r["隐患描述"] for r in rows} == expected
    assert [r["序号"] for r in rows] == list(range(1, len(expected) + 1))

    by = {r["隐患描述"].removeprefix("隐患 "): r for r in rows}
    closed = by["carried_closed_inside"]
    assert closed["整改状态"] == "已销号"
    assert closed["销号日期"] == datetime(2026, 11, 15)  # a real date, not text
    assert closed["复查日期"] == datetime(2026, 11, 15)
    assert closed["复查人员"] == "张明、李华"
    assert closed["是否逾期"] == "否"
    assert closed["整改资金（元）"] == 1200.0
    later = by["closed_after_end"]
    assert (later["整改状态"], later["销号日期"], later["是否逾期"]) == ("待复查", None, "逾期未整改")
    assert by["deadline_last_day"]["是否逾期"] == "否"
    assert by["major_other_town"]["属地"] == "孟河镇"
    assert by["major_other_town"]["隐患等级"] == "重大隐患"
    assert by["new_open_overdue"]["检查人员"] == "张明、李华"
    assert by["new_open_overdue"]["整改时限"] == datetime(2026, 11, 20)


def test_ledger_formatting_for_print(exported) -> None:
    path, _ = exported
    ws = load_workbook(path)["隐患台账"]
    n = ws.max_row
    assert ws.freeze_panes == "C5"
    assert ws.auto_filter.ref == f"A4:X{n}"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 8  # A3, the default: 24 columns do not fit A4 readably
    assert int(ws.page_setup.scale) == 79
    assert not ws.sheet_properties.pageSetUpPr.fitToPage  # an explicit scale, not "fit to width"
    assert {"A1:X1", "A2:X2", "A3:X3"} <= {str(r) for r in ws.merged_cells.ranges}
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    assert ws.column_dimensions["J"].width >= 20  # 隐患描述 is wide

    col = {h: i for i, h in enumerate(DOMAIN_HEADERS, 1)}
    first = ws.cell(5, col["检查日期"])
    assert first.is_date and first.number_format == "yyyy-mm-dd"
    money = ws.cell(5, col["整改资金（元）"])
    assert money.value == 1200 and money.data_type == "n" and money.number_format == "#,##0.00"
    assert ws.cell(5, col["隐患描述"]).alignment.wrap_text
    assert ws.cell(4, 1).font.name == "黑体"

    fills = {}
    for r in range(5, n + 1):
        key = ws.cell(r, col["隐患描述"]).value.removeprefix("隐患 ")
        fills[key] = ws.cell(r, 1).fill.fgColor.rgb if ws.cell(r, 1).fill.fill_type == "solid" else None
    assert fills["new_open_overdue"].endswith("FFD9D9")  # overdue: light red
    assert fills["major_other_town"].endswith("FFD9D9")  # overdue wins over major
    assert fills["carried_open"] is None


def test_summary_sheet_counts_and_definition(exported) -> None:
    path, _ = exported
    ws = load_workbook(path)["汇总"]
    assert ws["A1"].value == "新北区2026年11月隐患排查治理情况汇总"
    included = [s for s in SCENARIO if s.found <= END and (s.closed is None or s.closed >= START)]
    closed = [s for s in included if s.closed is not None and s.closed <= END]
    overdue = [s for s in included if s not in closed and s.deadline is not None and s.deadline < END]

    head = find_row(ws, "属地")
    assert [c.value for c in ws[head]][:13] == [
        "属地",
        "隐患总数",
        "本月新发现",
        "其中重大隐患",
        "往月结转",
        "已销号",
        "本月新发现中已销号",
        "未销号",
        "其中逾期未整改",
        "其中逾期未复查",
        "未销号重大隐患",
        "整改率",
        "整改资金（元）",
    ]
    towns = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(head + 1, head + 3)}
    assert towns["孟河镇"][1:11] == [1, 1, 1, 0, 0, 0, 1, 1, 0, 1]
    assert towns["春江镇"][1] == 6
    total_row = find_row(ws, "合计", head)
    total = [c.value for c in ws[total_row]]
    assert total[1:11] == [
        len(included),
        sum(s.found >= START for s in included),
        1,
        sum(s.found < START for s in included),
        len(closed),
        0,
        len(included) - len(closed),
        len(overdue),
        0,
        1,
    ]
    assert total[11] == 0  # found reading: none of the 4 found in November is closed yet
    assert ws.cell(total_row, 12).number_format == "0.0%"
    assert "整改率 = 本期发现的隐患中已销号的数量 ÷ 本期发现的隐患数量" in ws.cell(total_row + 1, 1).value

    level_head = find_row(ws, "隐患等级")
    assert ws.cell(level_head + 2, 1).value == "重大隐患" and ws.cell(level_head + 2, 2).value == 1
    category_head = find_row(ws, "监管类别")
    categories = {
        ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(category_head + 1, category_head + 4)
    }
    assert categories == {"危化品使用": 6, "危化品储存": 1, "涉爆粉尘": 1}

    notes = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "往月结转" in notes and "逾期未复查" in notes and "10日内未复查" in notes
    majors = load_workbook(path)["重大隐患"]
    assert majors["A1"].value == "新北区2026年11月重大隐患挂牌督办情况"
    assert majors.cell(4, 2).value == "隐患编号" and majors.cell(5, 3).value == "孟河镇"


def test_filtered_export_by_town_and_category(db, tmp_path: Path) -> None:
    build_scenario(db)
    services = Services.on(db)
    town = export_month_cli(services, "2026-11", tmp_path / "town.xlsx", town="孟河镇")
    ws = load_workbook(tmp_path / "town.xlsx")["隐患台账"]
    assert ws["A1"].value == "新北区2026年11月隐患排查治理台账（孟河镇）"
    assert [r["属地"] for r in data_rows(ws)] == ["孟河镇"] and town.rows == 1

    cat = export_month_cli(services, "2026-11", tmp_path / "cat.xlsx", category="危化品使用")
    ws = load_workbook(tmp_path / "cat.xlsx")["隐患台账"]
    assert cat.rows == 6 and all(r["属地"] == "春江镇" for r in data_rows(ws))
    assert "危化品使用" in ws["A1"].value


def test_cli_refuses_bad_input_in_chinese(db, tmp_path: Path) -> None:
    build_scenario(db)
    tmp_path = tmp_path / "out"  # the SQLite file lives in tmp_path itself
    tmp_path.mkdir()
    services = Services.on(db)
    with pytest.raises(DomainError, match="月份格式不正确"):
        export_month_cli(services, "11/2026", tmp_path / "x.xlsx")
    with pytest.raises(DomainError, match="属地“火星镇”没有登记企业"):
        export_month_cli(services, "2026-11", tmp_path / "x.xlsx", town="火星镇")
    with pytest.raises(DomainError, match="监管类别"):
        export_month_cli(services, "2026-11", tmp_path / "x.xlsx", category="烟花")
    assert not list(tmp_path.iterdir())


def test_empty_month_still_gives_a_valid_workbook(db, tmp_path: Path) -> None:
    result = export_month_cli(Services.on(db), "2030-01", tmp_path / "empty.xlsx")
    wb = load_workbook(tmp_path / "empty.xlsx")
    assert result.rows == 0
    assert [c.value for c in wb["隐患台账"][4]] == DOMAIN_HEADERS
    notes = " ".join(str(c.value) for row in wb["重大隐患"].iter_rows() for c in row if c.value)
    assert "本期无重大隐患" in notes


def _many(db, n: int) -> None:
    with db.transaction() as s:
        ent = b.enterprise(s, 1)
        for _ in range(n):
            b.hazard(s, ent, date(2026, 11, 3), deadline=date(2026, 11, 20))


def test_progress_reports_and_cancel_leaves_no_file(db, tmp_path: Path) -> None:
    _many(db, 450)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    services = Services.on(db)
    seen: list[tuple[int, int]] = []
    export_month_cli(
        services, "2026-11", tmp_path / "ok.xlsx", progress=lambda d, t: seen.append((d, t)) or True
    )
    assert seen[0] == (0, 450) and seen[-1] == (450, 450)
    assert (200, 450) in seen

    out = tmp_path / "cancelled.xlsx"
    with pytest.raises(ExportCancelled):
        export_month_cli(services, "2026-11", out, progress=lambda d, t: d < 200)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.xlsx"]  # no half-written temp file


def test_cancel_keeps_an_older_file_at_the_destination(db, tmp_path: Path) -> None:
    _many(db, 10)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "ledger.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        export_month_cli(Services.on(db), "2026-11", out, progress=lambda d, t: False)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.xlsx"]


def test_hazard_list_from_rows_or_a_page_source(db, tmp_path: Path) -> None:
    build_scenario(db)
    services = Services.on(db)
    f = HazardFilter(jurisdiction="春江镇")
    n = export_hazards(
        services, f, tmp_path / "list.xlsx", sort="number", descending=False, description="属地：春江镇"
    )
    ws = load_workbook(tmp_path / "list.xlsx")["隐患清单"]
    rows = data_rows(ws, 3)
    assert n == services.hazards.count(f) == len(rows)
    assert [r["隐患编号"] for r in rows] == sorted(r["隐患编号"] for r in rows)
    assert {r["属地"] for r in rows} == {"春江镇"}
    assert "属地：春江镇" in ws["A2"].value
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref == f"A3:O{3 + n}"
    with db.reading() as s:  # every hazard was found on a visit of the two officers
        officers = "、".join(s.scalars(select(Inspector.name).order_by(Inspector.id)))
    assert {r["检查人员"] for r in rows} == {officers}

    plain = [
        {
            "number": "YH2026-000999",
            "enterprise_name": "甲公司",
            "deadline": date(2026, 12, 1),
            "is_overdue": True,
            "level": "重大隐患",
        }
    ]
    assert export_hazard_list(plain, tmp_path / "plain.xlsx", title="选中的隐患") == 1
    ws = load_workbook(tmp_path / "plain.xlsx").active
    assert ws["A1"].value == "选中的隐患"
    row = data_rows(ws, 3)[0]
    assert (row["隐患编号"], row["整改时限"], row["是否逾期"], row["属地"]) == (
        "YH2026-000999",
        datetime(2026, 12, 1),
        "是",
        None,
    )


def test_enterprise_registry_export_uses_the_list_filter(db, tmp_path: Path, actor) -> None:
    services = Services.on(db)
    for n in range(1, 8):
        services.enterprises.create(actor, enterprise_input(n, jurisdiction="春江镇" if n % 2 else "孟河镇"))
    n = export_enterprises(services, EnterpriseFilter(jurisdiction="孟河镇"), tmp_path / "ents.xlsx")
    ws = load_workbook(tmp_path / "ents.xlsx")["企业台账"]
    rows = data_rows(ws, 3)
    assert n == 3 == len(rows)
    assert {r["属地"] for r in rows} == {"孟河镇"}
    assert [r["企业名称"] for r in rows] == sorted(r["企业名称"] for r in rows)
    assert rows[0]["统一社会信用代码"] and "属地：孟河镇" in ws["A2"].value


def test_every_ledger_cell_is_the_cores_row(db, tmp_path: Path) -> None:
    """The workbook (written by XlsxWriter) read back with openpyxl: each cell is the core's value,
    typed (dates as dates, money as numbers, text as text) and styled like its column."""
    from datetime import date as _date

    from inspector.core.ledger import LedgerFilter, iter_rows
    from inspector.reports.ledger import LEDGER_COLUMNS

    build_scenario(db)
    out = tmp_path / "ledger.xlsx"
    export_month_cli(Services.on(db, clock=lambda: AFTER), "2026-11", out)
    with db.reading() as s:
        core = list(iter_rows(s, LedgerFilter(2026, 11), today=AFTER))
    ws = load_workbook(out)["隐患台账"]
    assert ws.max_row == 4 + len(core) and len(core) > 5
    for n, row in enumerate(core, 5):
        for i, col in enumerate(LEDGER_COLUMNS, 1):
            cell, want = ws.cell(n, i), col.get(row)
            if isinstance(want, _date):
                assert cell.value == datetime(want.year, want.month, want.day) and cell.is_date
            elif want is None or want == "":
                assert cell.value is None
            elif isinstance(want, str):
                assert (cell.value, cell.data_type) == (want, "s")
            else:
                assert cell.value == float(want) and cell.data_type == "n"
            assert cell.border.left.style == "thin" and cell.font.name == "宋体" and cell.font.sz == 9
        assert ws.cell(n, LEDGER_COLUMNS.index(LEDGER_COLUMNS[9]) + 1).alignment.wrap_text
    drawn = {}  # XlsxWriter writes equal neighbours as one <col min max> range
    for dim in ws.column_dimensions.values():
        for i in range(dim.min, dim.max + 1):
            drawn[i] = dim.width
    for i, c in enumerate(LEDGER_COLUMNS, 1):  # the same columns on screen as openpyxl's widths drew
        assert abs(drawn[i] - c.width) < 0.15, c.header
