"""Roster template: the shipped file is what write_template writes, laid out for people to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from inspector.core import roster
from inspector.core.enterprises import LABELS
from inspector.core.errors import DomainError
from inspector.paths import resource

L = LABELS


def test_template_cannot_be_written_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="无法保存模板：文件夹不存在"):
        roster.write_template(tmp_path / "nope" / "t.xlsx")


def _sheet_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def test_shipped_template_matches_write_template(tmp_path: Path) -> None:
    shipped = resource("templates", "企业名录导入模板.xlsx")
    assert shipped.exists(), (
        "run: python -m inspector enterprise-template -o resources/templates/企业名录导入模板.xlsx"
    )
    fresh = roster.write_template(tmp_path / "t.xlsx")
    assert _sheet_values(shipped) == _sheet_values(fresh)
    assert list(_sheet_values(shipped)[roster.TEMPLATE_SHEET][0]) == roster.template_headers()


def test_template_layout(tmp_path: Path) -> None:
    wb = load_workbook(roster.write_template(tmp_path / "t.xlsx"))
    ws = wb.worksheets[0]
    assert wb.sheetnames == ["企业名录", "说明"]
    assert [c.value for c in ws[1]] == list(LABELS.values())
    assert ws.freeze_panes == "B2"
    code_col = roster.template_headers().index(L["credit_code"]) + 1
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

    assert credit_code_error(str(roster.TEMPLATE_EXAMPLE["credit_code"])) is None
