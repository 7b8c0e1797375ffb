"""Roster import: real .xlsx files built here with openpyxl, checked on SQLite and PostgreSQL."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import event, select

from inspector.core import roster_import as ri
from inspector.core.enterprises import LABELS, EnterpriseFilter
from inspector.core.errors import DomainError
from inspector.db.models import AuditEvent, Enterprise
from inspector.paths import resource
from tests.factories import credit_code

L = LABELS


def write_xlsx(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), title: str = "名录") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def line(headers: list[str], **values: Any) -> list[Any]:
    """A data row for ``headers`` from values keyed by field name (name=…, credit_code=…)."""
    by_label = {L[k]: v for k, v in values.items()}
    return [by_label.get(h) for h in headers]


# Shuffled order, an extra column, and the optional columns present.
HEADERS = [
    "序号",
    L["jurisdiction"],
    L["name"],
    L["phone"],
    L["credit_code"],
    L["categories"],
    "所属村（社区）",
    L["dust_workers"],
    L["risk_grade"],
    L["major_hazard_grade"],
    L["hazardous_processes"],
    L["plant_in_plant"],
    L["status"],
    L["notes"],
    L["principal"],
]


def good(n: int, **over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": f"常州市新北区测试化工有限公司{n}",
        "credit_code": credit_code(n),
        "jurisdiction": "春江镇",
        "phone": "0519-85123456",
        "categories": "危化品使用",
        "principal": "王建国",
    }
    values.update(over)
    return values


def roster(tmp_path: Path, *rows: dict[str, Any], name: str = "roster.xlsx") -> Path:
    return write_xlsx(tmp_path / name, [HEADERS, *(line(HEADERS, **r) for r in rows)])


def count(services) -> int:
    return services.enterprises.count(EnterpriseFilter())


def audit_events(services) -> list[AuditEvent]:
    with services.db.reading() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


# --------------------------------------------------------------------------------------------
# Reading tolerant layouts and spellings
# --------------------------------------------------------------------------------------------


def test_title_row_shuffled_headers_and_spellings(services, actor, tmp_path: Path) -> None:
    headers = [
        "序号",
        "属 地",
        "企业名称",
        "统一社会信用代码\n（18位）",
        "监管类别",
        "涉粉作业人数（人）",
        "风险等级",
        "重大危险源等级",
        "危险化工工艺",
        "厂中厂",
        "某个多余的列",
        "经营状态",
        "粉尘种类",
    ]
    rows = [
        ["春江镇企业名录（2026年11月）", *[None] * (len(headers) - 1)],
        headers,
        [
            1,
            "春江镇",
            "甲化工",
            credit_code(1),
            "危险化学品使用、粉尘",
            "12",
            "红色",
            "3",
            "硝化,氯化\n重氮化",
            "是",
            "随便",
            "正常生产",
            "铝粉",
        ],
        [
            2,
            "魏村街道",
            "乙公司",
            credit_code(2),
            "危化品储存；涉氨\n燃气",
            None,
            "较大风险",
            "三级重大危险源",
            "电解（氯碱）",
            "否",
            None,
            "停业",
            None,
        ],
        [
            3,
            "园区",
            "丙公司",
            credit_code(3),
            None,
            None,
            "蓝色（低风险）",
            "无",
            None,
            None,
            None,
            None,
            None,
        ],
    ]
    path = write_xlsx(tmp_path / "r.xlsx", rows, merges=("A1:M1",))

    p = ri.preview(services, path)

    assert p.header_row == 2
    assert p.ignored_columns == ["序号", "某个多余的列"]
    assert p.summary_line() == "共3行：新增3，更新0，错误0"
    assert [r.row for r in p.rows] == [3, 4, 5]
    first, second, third = (r.values for r in p.rows)
    assert first["categories"] == ["危化品使用", "涉爆粉尘"]
    assert first["dust_workers"] == 12
    assert first["risk_grade"] == "红"
    assert first["major_hazard_grade"] == "三级"
    assert first["hazardous_processes"] == ["硝化工艺", "氯化工艺", "重氮化工艺"]
    assert first["plant_in_plant"] is True
    assert first["status"] == "在产"
    assert first["dust_kind"] == "铝镁金属粉尘"
    assert second["categories"] == ["危化品储存", "涉氨制冷", "燃气"]
    assert (second["risk_grade"], second["major_hazard_grade"]) == ("橙", "三级")
    assert second["hazardous_processes"] == ["电解工艺（氯碱）"]
    assert (second["status"], second["plant_in_plant"]) == ("停产", False)
    assert (third["risk_grade"], third["major_hazard_grade"]) == ("蓝", None)

    result = ri.apply(services, actor, p)
    assert result.ok and (result.created, result.updated) == (3, 0)
    with services.db.reading() as s:
        e = s.scalars(select(Enterprise).where(Enterprise.name == "甲化工")).one()
        assert sorted(c.kind for c in e.categories) == ["危化品使用", "涉爆粉尘"]
        assert (e.dust_workers, e.risk_grade, e.hazardous_processes) == (
            12,
            "红",
            "硝化工艺、氯化工艺、重氮化工艺",
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("红色", "红"), ("重大风险", "红"), ("橙色", "橙"), ("一般风险", "黄"), ("蓝", "蓝"), ("紫", "紫")],
)
def test_risk_grade_spellings(text: str, expected: str) -> None:
    assert ri.parse_risk_grade(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("三级", "三级"), ("3", "三级"), ("3级", "三级"), ("一", "一级"), ("Ⅱ级", "二级")]
)
def test_major_hazard_grade_spellings(text: str, expected: str) -> None:
    assert ri.parse_major_hazard_grade(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("危险化学品使用", "危化品使用"),
        ("危化生产", "危化品生产"),
        ("粉尘", "涉爆粉尘"),
        ("涉粉", "涉爆粉尘"),
        ("涉爆粉尘企业", "涉爆粉尘"),
        ("液氨制冷", "涉氨制冷"),
        ("危化品储存", "危化品储存"),
    ],
)
def test_category_spellings(text: str, expected: str) -> None:
    assert ri.parse_category(text) == expected


def test_multi_value_separators() -> None:
    assert ri.split_values("硝化、氯化，氟化,加氢；聚合;磺化\n烷基化") == [
        "硝化",
        "氯化",
        "氟化",
        "加氢",
        "聚合",
        "磺化",
        "烷基化",
    ]


def test_vertically_merged_jurisdiction_applies_to_every_row(services, tmp_path: Path) -> None:
    headers = [L["jurisdiction"], L["name"], L["credit_code"]]
    rows = [
        headers,
        ["春江镇", "甲", credit_code(1)],
        [None, "乙", credit_code(2)],
        [None, "丙", credit_code(3)],
    ]
    p = ri.preview(services, write_xlsx(tmp_path / "m.xlsx", rows, merges=("A2:A4",)))
    assert [r.values["jurisdiction"] for r in p.rows] == ["春江镇"] * 3
    assert not p.has_errors


def test_empty_rows_are_skipped(services, tmp_path: Path) -> None:
    headers = ["序号", L["name"], L["credit_code"], L["jurisdiction"]]
    rows = [
        headers,
        [1, "甲", credit_code(1), "春江镇"],
        [2, None, None, None],  # numbered in advance but never filled in
        [None, "  ", "", None],
        [4, "乙", credit_code(2), "魏村"],
        *[[n, None, None, None] for n in range(5, 50)],
    ]
    p = ri.preview(services, write_xlsx(tmp_path / "e.xlsx", rows))
    assert [r.row for r in p.rows] == [2, 5]


# --------------------------------------------------------------------------------------------
# Row errors: exact messages, nothing written by default, partial import
# --------------------------------------------------------------------------------------------


def _bad_roster(tmp_path: Path) -> Path:
    wrong = credit_code(5)
    wrong = wrong[:17] + ("1" if wrong[17] != "1" else "2")
    return roster(
        tmp_path,
        good(1),  # row 2: fine
        good(2, credit_code=wrong),  # row 3: check digit
        good(3, phone="12345"),  # row 4: phone
        good(4, name=None),  # row 5: name missing
        good(6),  # row 6: duplicate with row 8
        good(7, credit_code=913204111234567890.0),  # row 7: Excel turned the code into a number
        good(8, credit_code=credit_code(6)),  # row 8: duplicate with row 6
        good(9, categories="涉爆粉尘"),  # row 9: dust without worker count
        good(10),  # row 10: fine
    )


def test_bad_rows_are_reported_by_row_and_field(services, actor, tmp_path: Path) -> None:
    path = _bad_roster(tmp_path)
    p = ri.preview(services, path)
    expected_digit = credit_code(5)[17]
    assert [str(e) for e in p.errors] == [
        f"第3行 统一社会信用代码：统一社会信用代码校验位错误：末位应为 {expected_digit}，请核对",
        "第4行 联系电话：联系电话格式不正确：应为11位手机号或带区号的固定电话（如 0519-85123456）",
        "第5行 企业名称：企业名称不能为空",
        f"第6行 统一社会信用代码：统一社会信用代码 {credit_code(6)} 与第8行重复（同一企业出现多次）",
        "第7行 统一社会信用代码：统一社会信用代码被 Excel 转成了数字（9.13204E+17），请把该列设为文本格式后重新录入",
        f"第8行 统一社会信用代码：统一社会信用代码 {credit_code(6)} 与第6行重复（同一企业出现多次）",
        "第9行 涉粉作业人数：涉爆粉尘企业须填写涉粉作业人数",
    ]
    assert p.summary_line() == "共9行：新增2，更新0，错误7"
    assert [r.status.value for r in p.rows] == [
        "新增",
        "错误",
        "错误",
        "错误",
        "错误",
        "错误",
        "错误",
        "错误",
        "新增",
    ]


def test_nothing_is_written_when_any_row_is_bad(services, actor, tmp_path: Path) -> None:
    result = ri.apply(services, actor, ri.preview(services, _bad_roster(tmp_path)))
    assert not result.ok
    assert not result.written
    assert result.summary().startswith("未导入：有7行存在错误，未写入任何数据。")
    assert "第5行 企业名称：企业名称不能为空" in result.summary()
    assert count(services) == 0
    assert audit_events(services) == []


def test_partial_import_writes_only_good_rows(services, actor, tmp_path: Path) -> None:
    result = ri.apply(services, actor, ri.preview(services, _bad_roster(tmp_path)), partial=True)
    assert result.ok
    assert (result.created, result.updated, result.skipped) == (2, 0, 7)
    assert result.summary().splitlines()[0] == "导入完成：新增2家，更新0家，跳过错误行7行。"
    assert count(services) == 2
    with services.db.reading() as s:
        assert set(s.scalars(select(Enterprise.credit_code))) == {credit_code(1), credit_code(10)}
    events = audit_events(services)
    assert [(e.entity_type, e.action) for e in events] == [("enterprise", "create")] * 2 + [
        ("roster_import", "import")
    ]
    assert events[-1].summary == "导入企业名录：新增2家，更新0家"
    assert all(e.actor_name == "张检查" for e in events)


def test_import_file_is_preview_plus_apply(services, actor, tmp_path: Path) -> None:
    assert not ri.import_file(services, actor, _bad_roster(tmp_path)).ok
    assert ri.import_file(services, actor, _bad_roster(tmp_path), partial=True).created == 2


# --------------------------------------------------------------------------------------------
# Re-import: update, never duplicate
# --------------------------------------------------------------------------------------------


def test_reimport_updates_instead_of_duplicating(services, actor, tmp_path: Path) -> None:
    ri.import_file(services, actor, roster(tmp_path, good(1), good(2), name="a.xlsx"))
    assert count(services) == 2

    changed = roster(
        tmp_path, good(1, phone="13912345678", risk_grade="黄色"), good(2), good(3), name="b.xlsx"
    )
    p = ri.preview(services, changed)
    assert [r.status.value for r in p.rows] == ["更新", "无变化", "新增"]
    assert p.rows[0].changes == ["联系电话", "风险等级"]
    assert p.rows[0].detail == "变更：联系电话、风险等级"
    assert p.summary_line() == "共3行：新增1，更新1，错误0，无变化1"

    result = ri.apply(services, actor, p)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    assert count(services) == 3
    with services.db.reading() as s:
        e = s.scalars(select(Enterprise).where(Enterprise.credit_code == credit_code(1))).one()
        assert (e.phone, e.risk_grade, e.version) == ("13912345678", "黄", 2)
        update = s.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
        assert update.entity_id == e.id
        assert update.before == {"phone": "0519-85123456", "risk_grade": None}
        assert update.after == {"phone": "13912345678", "risk_grade": "黄"}
        summaries = list(
            s.scalars(select(AuditEvent.summary).where(AuditEvent.entity_type == "roster_import"))
        )
        assert summaries == ["导入企业名录：新增2家，更新0家", "导入企业名录：新增1家，更新1家"]


def test_blank_cells_keep_stored_values_and_none_word_clears(services, actor, tmp_path: Path) -> None:
    ri.import_file(
        services, actor, roster(tmp_path, good(1, major_hazard_grade="二级", principal="张三"), name="a.xlsx")
    )
    p = ri.preview(
        services,
        roster(tmp_path, good(1, principal=None, phone=None, major_hazard_grade="无"), name="b.xlsx"),
    )
    assert p.rows[0].changes == ["重大危险源等级"]
    ri.apply(services, actor, p)
    with services.db.reading() as s:
        e = s.scalars(select(Enterprise)).one()
        assert (e.principal, e.phone, e.major_hazard_grade) == ("张三", "0519-85123456", None)


def test_update_of_enterprise_created_by_the_form(services, actor, tmp_path: Path) -> None:
    from tests.factories import enterprise_input

    eid = services.enterprises.create(
        actor, enterprise_input(1, hazardous_processes=["氯化工艺", "硝化工艺"])
    )
    p = ri.preview(services, roster(tmp_path, good(1, name="新名称", hazardous_processes="硝化、氯化")))
    assert p.rows[0].existing_id == eid
    assert p.rows[0].changes == ["企业名称"]  # the same processes in another order are no change


def test_lookups_are_bulk_not_per_row(services, actor, tmp_path: Path) -> None:
    rows = [good(n) for n in range(1, 1201)]
    ri.import_file(services, actor, roster(tmp_path, *rows, name="a.xlsx"))
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", seen)
    try:
        p = ri.preview(
            services, roster(tmp_path, *[good(n, phone="13900000000") for n in range(1, 1201)], name="b.xlsx")
        )
        result = ri.apply(services, actor, p)
    finally:
        event.remove(services.db.engine, "before_cursor_execute", seen)
    assert result.updated == 1200
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # 3 chunks × (enterprises + categories), twice; plus who acts (and, on PostgreSQL, whose login)
    assert len(selects) <= 13


def test_cancel_during_apply_writes_nothing(services, actor, tmp_path: Path) -> None:
    p = ri.preview(services, roster(tmp_path, *[good(n) for n in range(1, 501)]))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 400

    result = ri.apply(services, actor, p, progress=progress)
    assert result.cancelled and not result.ok
    assert result.summary() == "已取消导入，未写入任何数据。"
    assert calls == [(200, 500), (400, 500)]
    assert count(services) == 0
    assert audit_events(services) == []


def test_cancel_while_reading(services, tmp_path: Path) -> None:
    path = roster(tmp_path, *[good(n) for n in range(1, 501)])
    with pytest.raises(ri.ImportCancelled):
        ri.preview(services, path, progress=lambda done, total: False)


def test_template_example_row_is_ignored(services, actor, tmp_path: Path) -> None:
    path = ri.write_template(tmp_path / "t.xlsx")
    with pytest.raises(DomainError, match="只有模板的示例行"):
        ri.preview(services, path)
    wb = load_workbook(path)
    wb.worksheets[0].append(line(ri.template_headers(), **good(1)))
    wb.save(path)
    p = ri.preview(services, path)
    assert [r.row for r in p.rows] == [3]
    assert p.notices == ["第2行是模板中的示例企业，已忽略"]
    assert (
        ri.apply(services, actor, p).summary()
        == "导入完成：新增1家，更新0家。\n第2行是模板中的示例企业，已忽略"
    )


# --------------------------------------------------------------------------------------------
# Malformed files
# --------------------------------------------------------------------------------------------


def _raises(services, path: Path, message: str) -> None:
    with pytest.raises(DomainError) as exc:
        ri.preview(services, path)
    assert str(exc.value) == message


def test_text_file_renamed_to_xlsx(services, tmp_path: Path) -> None:
    path = tmp_path / "名录.xlsx"
    path.write_text("企业名称,统一社会信用代码\n", encoding="utf-8")
    _raises(services, path, "“名录.xlsx”不是 Excel（.xlsx）文件")


def test_csv_gets_a_save_as_hint(services, tmp_path: Path) -> None:
    path = tmp_path / "名录.csv"
    path.write_text("企业名称\n", encoding="utf-8")
    _raises(services, path, "“名录.csv”不是 Excel（.xlsx）文件，请在 Excel 中另存为 .xlsx 后再导入")


def test_old_xls_renamed(services, tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    _raises(
        services,
        path,
        "“old.xlsx”是旧版 Excel 97-2003（.xls）文件或受密码保护的文件，请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再导入",
    )


def test_corrupted_zip(services, tmp_path: Path) -> None:
    good_file = roster(tmp_path, good(1))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good_file.read_bytes()[:1500])
    with pytest.raises(
        DomainError, match=r"^无法读取“broken.xlsx”：文件已损坏或不是有效的 Excel（.xlsx）文件"
    ):
        ri.preview(services, broken)


def test_zip_that_is_not_a_workbook(services, tmp_path: Path) -> None:
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(DomainError, match="文件已损坏或不是有效的 Excel"):
        ri.preview(services, path)


def test_empty_workbook(services, tmp_path: Path) -> None:
    _raises(
        services,
        write_xlsx(tmp_path / "empty.xlsx", [], title="Sheet1"),
        "工作表“Sheet1”是空的，没有可导入的内容",
    )


def test_header_without_data(services, tmp_path: Path) -> None:
    _raises(services, write_xlsx(tmp_path / "h.xlsx", [["标题"], HEADERS]), "表头（第2行）下面没有企业数据")


def test_no_header_row(services, tmp_path: Path) -> None:
    rows = [["名单"], *[[f"公司{i}", credit_code(i)] for i in range(1, 15)]]
    _raises(services, write_xlsx(tmp_path / "n.xlsx", rows), "未找到表头：第1–10行中没有“企业名称”列")


def test_header_below_row_ten_is_not_found(services, tmp_path: Path) -> None:
    rows = [*[[f"说明{i}"] for i in range(10)], HEADERS, line(HEADERS, **good(1))]
    _raises(services, write_xlsx(tmp_path / "late.xlsx", rows), "未找到表头：第1–10行中没有“企业名称”列")


def test_merged_header_cells(services, tmp_path: Path) -> None:
    rows = [
        ["标题"],
        [L["name"], L["credit_code"], None, L["jurisdiction"]],
        ["甲", credit_code(1), None, "春江镇"],
    ]
    path = write_xlsx(tmp_path / "mh.xlsx", rows, merges=("A1:D1", "B2:C2"))
    _raises(services, path, "表头含合并单元格：B2:C2，请取消合并，每列只留一个列名")


def test_two_row_header_merge_is_reported(services, tmp_path: Path) -> None:
    rows = [[L["name"], "负责人", None], [None, L["principal"], L["safety_director"]], ["甲", "张", "李"]]
    path = write_xlsx(tmp_path / "two.xlsx", rows, merges=("A1:A2", "B1:C1"))
    _raises(services, path, "表头含合并单元格：A1:A2、B1:C1，请取消合并，每列只留一个列名")


def test_missing_required_columns(services, tmp_path: Path) -> None:
    rows = [["名录"], [L["name"], L["address"]], ["甲", "滨江路"]]
    _raises(
        services,
        write_xlsx(tmp_path / "mc.xlsx", rows),
        "缺少必需的列：统一社会信用代码、属地（表头在第2行）",
    )


def test_same_column_twice(services, tmp_path: Path) -> None:
    rows = [
        [L["name"], L["credit_code"], L["jurisdiction"], L["phone"], L["phone"]],
        ["甲", credit_code(1), "镇", "", ""],
    ]
    _raises(
        services,
        write_xlsx(tmp_path / "d.xlsx", rows),
        "表头中“联系电话”出现了两次（第D列和第E列），请删除或改名其中一列",
    )


def test_file_not_found(services, tmp_path: Path) -> None:
    _raises(services, tmp_path / "nope.xlsx", f"找不到文件：{tmp_path / 'nope.xlsx'}")


def test_directory(services, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match=r"不是 Excel 文件|无法打开文件"):
        ri.preview(services, tmp_path)


def test_template_cannot_be_written_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="无法保存模板：文件夹不存在"):
        ri.write_template(tmp_path / "nope" / "t.xlsx")


# --------------------------------------------------------------------------------------------
# Template
# --------------------------------------------------------------------------------------------


def _sheet_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def test_shipped_template_matches_write_template(tmp_path: Path) -> None:
    shipped = resource("templates", "企业名录导入模板.xlsx")
    assert shipped.exists(), (
        "run: python -m inspector enterprise-template -o resources/templates/企业名录导入模板.xlsx"
    )
    fresh = ri.write_template(tmp_path / "t.xlsx")
    assert _sheet_values(shipped) == _sheet_values(fresh)
    assert list(_sheet_values(shipped)[ri.TEMPLATE_SHEET][0]) == ri.template_headers()


def test_template_layout(tmp_path: Path) -> None:
    wb = load_workbook(ri.write_template(tmp_path / "t.xlsx"))
    ws = wb.worksheets[0]
    assert wb.sheetnames == ["企业名录", "说明"]
    assert [c.value for c in ws[1]] == list(LABELS.values())
    assert ws.freeze_panes == "B2"
    code_col = ri.template_headers().index(L["credit_code"]) + 1
    assert ws.cell(row=2, column=code_col).number_format == "@"
    assert ws.column_dimensions["B"].number_format == "@"
    assert ws.column_dimensions["A"].width >= 30
    lists = {str(dv.sqref).split(":")[0][0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists == {
        "L": '"在产,停产,关闭"',
        "M": '"红,橙,黄,蓝"',
        "P": '"一级,二级,三级,四级"',
        "R": '"是,否"',
    }
    help_rows = {r[0]: r for r in wb["说明"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert help_rows["风险等级"][3] == "红、橙、黄、蓝"
    assert help_rows["企业名称"][1] == "必填"


def test_template_example_code_is_valid() -> None:
    from inspector.core.validation import credit_code_error

    assert credit_code_error(str(ri.TEMPLATE_EXAMPLE["credit_code"])) is None


# --------------------------------------------------------------------------------------------
# Property tests
# --------------------------------------------------------------------------------------------

# (field, corrupt value, label that must be named)
CORRUPTIONS: list[tuple[str, Any, str]] = [
    ("credit_code", "BAD", L["credit_code"]),
    ("credit_code", 9.13204111234567e17, L["credit_code"]),
    ("name", None, L["name"]),
    ("jurisdiction", "   ", L["jurisdiction"]),
    ("phone", "12345", L["phone"]),
    ("risk_grade", "紫色", L["risk_grade"]),
    ("major_hazard_grade", "五级", L["major_hazard_grade"]),
    ("plant_in_plant", "也许", L["plant_in_plant"]),
    ("dust_workers", "很多", L["dust_workers"]),
    ("categories", "危化品运输", L["categories"]),
    ("hazardous_processes", "炼金工艺", L["hazardous_processes"]),
]
ALL_FIELDS = [
    "name",
    "credit_code",
    "jurisdiction",
    "phone",
    "risk_grade",
    "major_hazard_grade",
    "plant_in_plant",
    "dust_workers",
    "categories",
    "hazardous_processes",
    "notes",
]

valid_row = st.fixed_dictionaries(
    {
        "jurisdiction": st.sampled_from(["春江镇", "魏村街道", "滨江经济开发区"]),
        "phone": st.sampled_from(["0519-85123456", "13912345678", "051985123456", None]),
        "risk_grade": st.sampled_from(["红", "橙色", "一般风险", "低风险", None]),
        "major_hazard_grade": st.sampled_from(["一级", "2", "3级", "无", None]),
        "plant_in_plant": st.sampled_from(["是", "否", None, True]),
        "dust_workers": st.sampled_from([0, 12, "30", None]),
        "categories": st.sampled_from(["危化品使用", "危险化学品储存、燃气", "涉氨\n燃气", None]),
        "hazardous_processes": st.sampled_from(["硝化", "氯化工艺，氟化", None]),
        "notes": st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=20),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(valid_row, st.none() | st.sampled_from(CORRUPTIONS)), min_size=1, max_size=8),
    order=st.permutations(ALL_FIELDS),
    title_rows=st.integers(0, 3),
)
def test_property_exactly_corrupted_rows_are_reported(
    services, actor, tmp_path, rows, order, title_rows
) -> None:
    headers = [L[k] for k in order]
    sheet: list[list[Any]] = [[f"标题{i}"] for i in range(title_rows)] + [headers]
    corrupted: dict[int, str] = {}
    for i, (values, corruption) in enumerate(rows):
        values = {**values, "name": f"企业{i}", "credit_code": credit_code(i + 1)}
        if corruption is not None:
            key, bad, label = corruption
            values[key] = bad
            corrupted[title_rows + 2 + i] = label
        sheet.append(line(headers, **values))
    path = write_xlsx(tmp_path / "prop.xlsx", sheet)

    try:
        p = ri.preview(services, path)
    except DomainError as e:  # only acceptable when no data row remains
        pytest.fail(f"unexpected DomainError: {e}")
    reported = {r.row: {e.field for e in r.errors} for r in p.rows if r.errors}
    assert set(reported) == set(corrupted)
    for row, label in corrupted.items():
        assert label in reported[row]
    result = ri.apply(services, actor, p)
    assert result.ok is not bool(corrupted)
    if corrupted:
        assert count(services) == 0
    else:
        assert result.created + result.unchanged == len(rows)
        with services.db.transaction() as s:  # clean up for the next example
            for e in s.scalars(select(Enterprise)):
                s.delete(e)
            s.query(AuditEvent).delete()


any_cell = st.one_of(
    st.none(),
    st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=30),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(st.lists(any_cell, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=6)
)
def test_property_garbage_cells_never_crash_and_bad_files_write_nothing(
    services, actor, tmp_path, cells
) -> None:
    path = write_xlsx(tmp_path / "fuzz.xlsx", [HEADERS, *cells])
    try:
        p = ri.preview(services, path)
    except DomainError:
        return
    result = ri.apply(services, actor, p)
    if p.has_errors:
        assert not result.ok
        assert count(services) == 0
    else:
        assert result.ok
        with services.db.transaction() as s:  # clean up for the next example
            for e in s.scalars(select(Enterprise)):
                s.delete(e)
            s.query(AuditEvent).delete()
