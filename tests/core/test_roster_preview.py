"""Roster preview: what each row would do, and each bad row named by row and field; nothing written."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from inspector.core import roster
from inspector.core.enterprises import LABELS
from inspector.db.models import Enterprise
from tests.factories import (
    credit_code,
    roster_file,
    roster_row,
    roster_with_bad_rows,
    write_xlsx,
)

L = LABELS


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

    p = roster.preview(services, path)

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

    result = roster.apply(services, actor, p)
    assert result.ok and (result.created, result.updated) == (3, 0)
    with services.db.reading() as s:
        e = s.scalars(select(Enterprise).where(Enterprise.name == "甲化工")).one()
        assert sorted(c.kind for c in e.categories) == ["危化品使用", "涉爆粉尘"]
        assert (e.dust_workers, e.risk_grade, e.hazardous_processes) == (
            12,
            "红",
            "硝化工艺、氯化工艺、重氮化工艺",
        )


def test_bad_rows_are_reported_by_row_and_field(services, actor, tmp_path: Path) -> None:
    path = roster_with_bad_rows(tmp_path)
    p = roster.preview(services, path)
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


def test_update_of_enterprise_created_by_the_form(services, actor, tmp_path: Path) -> None:
    from tests.factories import enterprise_input

    eid = services.enterprises.create(
        actor, enterprise_input(1, hazardous_processes=["氯化工艺", "硝化工艺"])
    )
    p = roster.preview(
        services, roster_file(tmp_path, roster_row(1, name="新名称", hazardous_processes="硝化、氯化"))
    )
    assert p.rows[0].existing_id == eid
    assert p.rows[0].changes == ["企业名称"]  # the same processes in another order are no change


def test_a_too_long_cell_is_reported_once(services, tmp_path: Path) -> None:
    """The column sizes are the form's own check (enterprises.validate): one rule, one message."""
    p = roster.preview(services, roster_file(tmp_path, roster_row(1, jurisdiction="镇" * 300)))
    assert [str(e) for e in p.errors] == ["第2行 属地：属地过长：最多50个字符，当前300个"]
