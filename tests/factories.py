"""Builders for test data: credit codes with correct check digits, enterprise inputs, roster files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from inspector.core.enterprises import LABELS, EnterpriseInput
from inspector.core.validation import credit_code_check_char


def credit_code(n: int, region: str = "320411") -> str:
    """A valid 18-character code; distinct n give distinct codes."""
    body = f"91{region}{n:09d}"[:17]
    return body + credit_code_check_char(body)


def enterprise_input(n: int = 1, **overrides: object) -> EnterpriseInput:
    data = EnterpriseInput(
        name=f"常州市新北区测试化工有限公司{n}",
        credit_code=credit_code(n),
        jurisdiction="春江镇",
        address=f"常州市新北区春江镇滨江路{n}号",
        industry="化学原料和化学制品制造业",
        categories=["危化品使用"],
        legal_representative="王建国",
        principal="王建国",
        safety_director="李安全",
        phone="0519-85123456",
    )
    for k, v in overrides.items():
        setattr(data, k, v)
    return data


# --------------------------------------------------------------------------------------------
# Roster workbooks (企业名录): real .xlsx files built with openpyxl
# --------------------------------------------------------------------------------------------


def write_xlsx(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), title: str = "名录") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for r in rows:
        ws.append(r)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def roster_line(headers: list[str], **values: Any) -> list[Any]:
    """A data row for ``headers`` from values keyed by field name (name=…, credit_code=…)."""
    by_label = {LABELS[k]: v for k, v in values.items()}
    return [by_label.get(h) for h in headers]


# Shuffled order, an extra column, and the optional columns present.
ROSTER_HEADERS = [
    "序号",
    LABELS["jurisdiction"],
    LABELS["name"],
    LABELS["phone"],
    LABELS["credit_code"],
    LABELS["categories"],
    "所属村（社区）",
    LABELS["dust_workers"],
    LABELS["risk_grade"],
    LABELS["major_hazard_grade"],
    LABELS["hazardous_processes"],
    LABELS["plant_in_plant"],
    LABELS["status"],
    LABELS["notes"],
    LABELS["principal"],
]


def roster_row(n: int, **over: Any) -> dict[str, Any]:
    """A valid roster row's values by field name; distinct n give distinct enterprises."""
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


def roster_file(tmp_path: Path, *rows: dict[str, Any], name: str = "roster.xlsx") -> Path:
    """A roster under ROSTER_HEADERS with one line per ``roster_row``."""
    return write_xlsx(tmp_path / name, [ROSTER_HEADERS, *(roster_line(ROSTER_HEADERS, **r) for r in rows)])


def roster_with_bad_rows(tmp_path: Path) -> Path:
    """Nine rows, seven of them wrong in one way each (rows 3–9); rows 2 and 10 are fine."""
    wrong = credit_code(5)
    wrong = wrong[:17] + ("1" if wrong[17] != "1" else "2")
    return roster_file(
        tmp_path,
        roster_row(1),  # row 2: fine
        roster_row(2, credit_code=wrong),  # row 3: check digit
        roster_row(3, phone="12345"),  # row 4: phone
        roster_row(4, name=None),  # row 5: name missing
        roster_row(6),  # row 6: duplicate with row 8
        roster_row(7, credit_code=913204111234567890.0),  # row 7: Excel turned the code into a number
        roster_row(8, credit_code=credit_code(6)),  # row 8: duplicate with row 6
        roster_row(9, categories="涉爆粉尘"),  # row 9: dust without worker count
        roster_row(10),  # row 10: fine
    )
