"""Roster property tests: exactly the corrupted rows are reported; garbage cells never crash."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from inspector.core import roster
from inspector.core.enterprises import LABELS, EnterpriseFilter
from inspector.core.errors import DomainError
from inspector.db.models import AuditEvent, Enterprise
from tests.factories import (
    ROSTER_HEADERS,
    credit_code,
    roster_line,
    write_xlsx,
)

L = LABELS


def count(services) -> int:
    return services.enterprises.count(EnterpriseFilter())


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
        sheet.append(roster_line(headers, **values))
    path = write_xlsx(tmp_path / "prop.xlsx", sheet)

    try:
        p = roster.preview(services, path)
    except DomainError as e:  # only acceptable when no data row remains
        pytest.fail(f"unexpected DomainError: {e}")
    reported = {r.row: {e.field for e in r.errors} for r in p.rows if r.errors}
    assert set(reported) == set(corrupted)
    for row, label in corrupted.items():
        assert label in reported[row]
    result = roster.apply(services, actor, p)
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
    cells=st.lists(
        st.lists(any_cell, min_size=len(ROSTER_HEADERS), max_size=len(ROSTER_HEADERS)), min_size=1, max_size=6
    )
)
def test_property_garbage_cells_never_crash_and_bad_files_write_nothing(
    services, actor, tmp_path, cells
) -> None:
    path = write_xlsx(tmp_path / "fuzz.xlsx", [ROSTER_HEADERS, *cells])
    try:
        p = roster.preview(services, path)
    except DomainError:
        return
    result = roster.apply(services, actor, p)
    if p.has_errors:
        assert not result.ok
        assert count(services) == 0
    else:
        assert result.ok
        with services.db.transaction() as s:  # clean up for the next example
            for e in s.scalars(select(Enterprise)):
                s.delete(e)
            s.query(AuditEvent).delete()
