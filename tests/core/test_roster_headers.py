"""Roster headers: the header row found among title rows, and its faults named."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core import roster
from inspector.core.enterprises import LABELS
from inspector.core.errors import DomainError
from tests.factories import (
    ROSTER_HEADERS,
    credit_code,
    roster_line,
    roster_row,
    write_xlsx,
)

L = LABELS


def _raises(services, path: Path, message: str) -> None:
    with pytest.raises(DomainError) as exc:
        roster.preview(services, path)
    assert str(exc.value) == message


def test_no_header_row(services, tmp_path: Path) -> None:
    rows = [["名单"], *[[f"公司{i}", credit_code(i)] for i in range(1, 15)]]
    _raises(services, write_xlsx(tmp_path / "n.xlsx", rows), "未找到表头：第1–10行中没有“企业名称”列")


def test_header_below_row_ten_is_not_found(services, tmp_path: Path) -> None:
    rows = [*[[f"说明{i}"] for i in range(10)], ROSTER_HEADERS, roster_line(ROSTER_HEADERS, **roster_row(1))]
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
