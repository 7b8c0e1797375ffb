"""Field validation with Chinese messages that name the field.

Validators return a message string (or None) so forms can show it inline next to the field and
services can collect them into one ValidationError.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from inspector.core.dates import DATE_RANGE, DateTextError
from inspector.core.dates import parse_date as parse_typed_date
from inspector.core.errors import FieldError, ValidationError
from inspector.i18n import QT_TRANSLATE_NOOP, say, term

# GB 32100-2015: 31 characters, no I, O, Z, S, V.
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CHAR_VALUE = {c: i for i, c in enumerate(CREDIT_CODE_CHARS)}


def credit_code_check_char(first17: str) -> str:
    """The 18th character that GB 32100-2015 computes from the first 17."""
    total = sum(_CHAR_VALUE[c] * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def normalize_credit_code(code: str) -> str:
    """Upper-case and strip blanks (full-width too): people paste codes from many sources."""
    return "".join(code.split()).upper().translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def listed(items: Iterable[object]) -> str:
    """``items`` joined by 、 for a message, each one a value of its own: a domain term (an option,
    a field label) is shown in the user's language like any value ``say`` fills in."""
    separator = say(QT_TRANSLATE_NOOP("core", "、"))
    return separator.join(term(str(i)) for i in items)


def credit_code_error(code: str, label: str = "统一社会信用代码") -> str | None:
    code = normalize_credit_code(code)
    if not code:
        return say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label=label)
    if len(code) != 18:
        return say(
            QT_TRANSLATE_NOOP("core", "{label}应为18位，当前为{length}位"), label=label, length=len(code)
        )
    bad = sorted({c for c in code if c not in _CHAR_VALUE})
    if bad:
        return say(
            QT_TRANSLATE_NOOP("core", "{label}含有无效字符：{chars}（不使用 I、O、Z、S、V）"),
            label=label,
            chars="".join(bad),
        )
    if not code[2:8].isdigit():
        return say(QT_TRANSLATE_NOOP("core", "{label}第3–8位应为行政区划码（数字）"), label=label)
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        return say(
            QT_TRANSLATE_NOOP("core", "{label}校验位错误：末位应为 {expected}，请核对"),
            label=label,
            expected=expected,
        )
    return None


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$")
_SERVICE = re.compile(r"^[48]00-?\d{3}-?\d{4}$")


def phone_error(phone: str, label: str = "联系电话") -> str | None:
    p = phone.strip().replace(" ", "").replace("－", "-").replace("+86", "")
    if not p:
        return None
    if _MOBILE.match(p) or _LANDLINE.match(p) or _SERVICE.match(p):
        return None
    return say(
        QT_TRANSLATE_NOOP("core", "{label}格式不正确：应为11位手机号或带区号的固定电话（如 0519-85123456）"),
        label=label,
    )


def required_error(value: object, label: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return say(QT_TRANSLATE_NOOP("core", "{label}不能为空"), label=label)
    return None


def max_length_error(value: str | None, label: str, limit: int) -> str | None:
    if value and len(value) > limit:
        return say(
            QT_TRANSLATE_NOOP("core", "{label}过长：最多{limit}个字符，当前{length}个"),
            label=label,
            limit=limit,
            length=len(value),
        )
    return None


def choice_error(value: str | None, label: str, choices: Iterable[str]) -> str | None:
    options = list(choices)
    if value and value not in options:
        return say(
            QT_TRANSLATE_NOOP("core", "{label}“{value}”无效，可选：{options}"),
            label=label,
            value=value,
            options=listed(options),
        )
    return None


NOT_A_NUMBER = QT_TRANSLATE_NOOP("core", "{label}应为数字（单位：元）")
MAX_MONEY = Decimal("10000000000")  # 100 亿元: fits NUMERIC(14, 2) with room, far above any rectification


def parse_money(value: object, label: str = "整改资金", *, field: str = "funds") -> Decimal:
    """Yuan amount, non-negative, at most two decimals, below 100 亿. Refused, never rounded."""

    def refuse(message: str) -> ValidationError:
        return ValidationError([FieldError(field, message)])

    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise refuse(say(NOT_A_NUMBER, label=label))
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise refuse(say(NOT_A_NUMBER, label=label)) from None
    if not amount.is_finite():
        raise refuse(say(NOT_A_NUMBER, label=label))
    if amount < 0:
        raise refuse(say(QT_TRANSLATE_NOOP("core", "{label}不能为负数"), label=label))
    if amount >= MAX_MONEY:
        raise refuse(say(QT_TRANSLATE_NOOP("core", "{label}过大：应小于 100 亿元"), label=label))
    if amount != amount.quantize(Decimal("0.01")):
        raise refuse(say(QT_TRANSLATE_NOOP("core", "{label}最多保留两位小数（到分）"), label=label))
    return amount.quantize(Decimal("0.01"))


def parse_date(value: object, label: str, *, field: str) -> date:
    """Accepts dates and the spellings inspectors type (2026-11-03, 2026/11/3, 2026年11月3日).
    ``label`` names the field in the message, ``field`` is the attribute the error is keyed by."""
    if isinstance(value, date):
        if not DATE_RANGE[0] <= value.year <= DATE_RANGE[1]:
            message = say(
                QT_TRANSLATE_NOOP("core", "{label}“{day}”超出范围"), label=label, day=value.isoformat()
            )
            raise ValidationError([FieldError(field, message)])
        return date(value.year, value.month, value.day)  # a datetime counts by its day
    text = str(value or "").strip()[:40]
    try:
        return parse_typed_date(text)  # the one reading of typed dates (the date fields' too)
    except DateTextError:
        pass
    message = say(
        QT_TRANSLATE_NOOP("core", "{label}“{text}”不是有效日期，应如 2026-11-03"), label=label, text=text
    )
    raise ValidationError([FieldError(field, message)])


class Collector:
    """Gathers field errors so a form reports all of them at once, not one per save."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def check(self, field: str, message: str | None) -> None:
        """Keep ``message`` (if any) as the error of attribute ``field``."""
        if message:
            self.errors.append(FieldError(field, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
