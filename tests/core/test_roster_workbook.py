"""Roster files: merged and empty rows, and the files that are not a usable workbook."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from inspector.core import roster
from inspector.core.enterprises import LABELS
from inspector.core.errors import DomainError
from tests.factories import (
    ROSTER_HEADERS,
    credit_code,
    roster_file,
    roster_row,
    write_xlsx,
)

L = LABELS


def _raises(services, path: Path, message: str) -> None:
    with pytest.raises(DomainError) as exc:
        roster.preview(services, path)
    assert str(exc.value) == message


def test_vertically_merged_jurisdiction_applies_to_every_row(services, tmp_path: Path) -> None:
    headers = [L["jurisdiction"], L["name"], L["credit_code"]]
    rows = [
        headers,
        ["春江镇", "甲", credit_code(1)],
        [None, "乙", credit_code(2)],
        [None, "丙", credit_code(3)],
    ]
    p = roster.preview(services, write_xlsx(tmp_path / "m.xlsx", rows, merges=("A2:A4",)))
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
    p = roster.preview(services, write_xlsx(tmp_path / "e.xlsx", rows))
    assert [r.row for r in p.rows] == [2, 5]


def test_cancel_while_reading(services, tmp_path: Path) -> None:
    path = roster_file(tmp_path, *[roster_row(n) for n in range(1, 501)])
    with pytest.raises(roster.ImportCancelled):
        roster.preview(services, path, progress=lambda done, total: False)


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
    good_file = roster_file(tmp_path, roster_row(1))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good_file.read_bytes()[:1500])
    with pytest.raises(
        DomainError, match=r"^无法读取“broken.xlsx”：文件已损坏或不是有效的 Excel（.xlsx）文件"
    ):
        roster.preview(services, broken)


def test_zip_that_is_not_a_workbook(services, tmp_path: Path) -> None:
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(DomainError, match="文件已损坏或不是有效的 Excel"):
        roster.preview(services, path)


def test_empty_workbook(services, tmp_path: Path) -> None:
    _raises(
        services,
        write_xlsx(tmp_path / "empty.xlsx", [], title="Sheet1"),
        "工作表“Sheet1”是空的，没有可导入的内容",
    )


def test_header_without_data(services, tmp_path: Path) -> None:
    _raises(
        services, write_xlsx(tmp_path / "h.xlsx", [["标题"], ROSTER_HEADERS]), "表头（第2行）下面没有企业数据"
    )


def test_file_not_found(services, tmp_path: Path) -> None:
    _raises(services, tmp_path / "nope.xlsx", f"找不到文件：{tmp_path / 'nope.xlsx'}")


def test_directory(services, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match=r"不是 Excel 文件|无法打开文件"):
        roster.preview(services, tmp_path)
