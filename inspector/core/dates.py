"""Typed dates: the one reading of what a user types in a date field.

People write a day the way their paperwork does — 2026-12-12, 2026/12/12, 2026.12.12, 20261212,
2026年12月12日 — or only month and day (12-12, 12/12, 12月12日) meaning this year. Every date field
of the app reads its text here, so a form never accepts in one place what it refuses in another.
"""

from __future__ import annotations

import re
from datetime import date

from inspector.i18n import QT_TRANSLATE_NOOP, say

_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９－／．", "0123456789-/.")

EXAMPLE = "2026-12-12"
DATE_RANGE = (1949, 2099)  # years a safety record can carry


class DateTextError(ValueError):
    """The text is no date; ``str(e)`` is the Chinese sentence to show under the field."""


def parse_date(text: str, today: date | None = None) -> date:
    """The day ``text`` names; month-and-day alone means ``today``'s year (accepted only when
    ``today`` is given: a form knows the day it is typed on, an imported sheet does not).

    Raises DateTextError with a message fit to show when the text is no day (or an impossible
    one, such as 2026-02-30). Empty text is an error too: optional fields check for it first.
    """
    cleaned = text.strip().translate(_FULL_WIDTH)
    if not cleaned:
        raise DateTextError(say(QT_TRANSLATE_NOOP("core", "请填写日期")))
    parts: tuple[int, int, int] | None = None
    if m := _SEPARATED.match(cleaned) or _COMPACT.match(cleaned):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif today is not None and (m := _MONTH_DAY.match(cleaned)):
        parts = (today.year, int(m.group(1)), int(m.group(2)))
    if parts is None:
        raise DateTextError(
            say(
                QT_TRANSLATE_NOOP("core", "无法识别的日期“{text}”，请按 {example} 的格式填写"),
                text=text.strip(),
                example=EXAMPLE,
            )
        )
    year, month, day = parts
    if not DATE_RANGE[0] <= year <= DATE_RANGE[1]:
        raise DateTextError(
            say(
                QT_TRANSLATE_NOOP("core", "年份 {year} 超出范围（{first}—{last}）"),
                year=year,
                first=DATE_RANGE[0],
                last=DATE_RANGE[1],
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            say(
                QT_TRANSLATE_NOOP("core", "没有这一天：{year}年{month}月{day}日"),
                year=year,
                month=month,
                day=day,
            )
        ) from None


def format_date(day: date | None) -> str:
    """How a date field shows a day (and how documents print one): 2026-12-12; empty for None."""
    return day.isoformat() if day is not None else ""
