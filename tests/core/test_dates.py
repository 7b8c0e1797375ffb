"""The one reading of typed dates (every date field uses it)."""

from __future__ import annotations

from datetime import date

import pytest

from inspector.core.dates import DateTextError, format_date, parse_date

TODAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-12",
        "2026/12/12",
        "2026.12.12",
        "20261212",
        "2026年12月12日",
        " 2026-12-12 ",
        "2026-12-12",
        "２０２６－１２－１２",
        "2026 年 12 月 12 日",
        "12-12",
        "12/12",
        "12月12日",
    ],
)
def test_every_common_form_reads_the_same_day(text: str) -> None:
    assert parse_date(text, TODAY) == date(2026, 12, 12)


def test_month_and_day_alone_need_the_day_it_is_typed_on() -> None:
    with pytest.raises(DateTextError):
        parse_date("12-12")  # an imported sheet: no "this year" to assume


def test_single_digit_month_and_day() -> None:
    assert parse_date("2027-1-5", TODAY) == date(2027, 1, 5)
    assert parse_date("3.7", TODAY) == date(2026, 3, 7)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "请填写日期"),
        ("abc", "无法识别的日期“abc”"),
        ("2026-02-30", "没有这一天：2026年2月30日"),
        ("2026-13-01", "没有这一天"),
        ("1899-12-31", "年份 1899 超出范围"),
        ("202612", "无法识别"),
    ],
)
def test_what_is_no_day_is_said_in_chinese(text: str, says: str) -> None:
    with pytest.raises(DateTextError, match=says):
        parse_date(text, TODAY)


def test_format_is_the_iso_day_and_empty_for_none() -> None:
    assert format_date(date(2026, 1, 2)) == "2026-01-02"
    assert format_date(None) == ""
