"""Roster cells: the spellings people use for grades, categories and lists of values."""

from __future__ import annotations

import pytest

from inspector.core import roster
from inspector.core.enterprises import LABELS

L = LABELS


@pytest.mark.parametrize(
    ("text", "expected"),
    [("红色", "红"), ("重大风险", "红"), ("橙色", "橙"), ("一般风险", "黄"), ("蓝", "蓝"), ("紫", "紫")],
)
def test_risk_grade_spellings(text: str, expected: str) -> None:
    assert roster.parse_risk_grade(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("三级", "三级"), ("3", "三级"), ("3级", "三级"), ("一", "一级"), ("Ⅱ级", "二级")]
)
def test_major_hazard_grade_spellings(text: str, expected: str) -> None:
    assert roster.parse_major_hazard_grade(text) == expected


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
    assert roster.parse_category(text) == expected


def test_multi_value_separators() -> None:
    assert roster.split_values("硝化、氯化，氟化,加氢；聚合;磺化\n烷基化") == [
        "硝化",
        "氯化",
        "氟化",
        "加氢",
        "聚合",
        "磺化",
        "烷基化",
    ]
