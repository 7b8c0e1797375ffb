from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.errors import ValidationError
from inspector.core.validation import (
    CREDIT_CODE_CHARS,
    credit_code_check_char,
    credit_code_error,
    parse_date,
    parse_money,
    phone_error,
)

# Published codes of real organisations (check digit computed by the issuer).
REAL_CODES = ["9144030071526726XG", "91330100716105852F", "914403001922038216", "91350100M000100Y43"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_credit_codes_pass(code: str) -> None:
    assert credit_code_error(code) is None


def test_credit_code_messages_name_the_field() -> None:
    assert credit_code_error("") == "统一社会信用代码不能为空"
    assert "18位" in credit_code_error("9132")  # type: ignore[operator]
    assert "无效字符" in credit_code_error("9133010071610585OF")  # type: ignore[operator]
    msg = credit_code_error("91330100716105852A")
    assert msg is not None and "校验位错误" in msg and "F" in msg


def test_credit_code_is_normalised_before_check() -> None:
    assert credit_code_error(" 91330100 716105852f ") is None


body17 = st.text(alphabet=CREDIT_CODE_CHARS, min_size=17, max_size=17).map(
    lambda s: s[:2] + "".join(c if c.isdigit() else "1" for c in s[2:8]) + s[8:]
)


@given(body17)
def test_any_body_with_computed_check_char_is_valid(body: str) -> None:
    assert credit_code_error(body + credit_code_check_char(body)) is None


@given(body17, st.sampled_from(CREDIT_CODE_CHARS))
def test_any_wrong_check_char_is_refused(body: str, wrong: str) -> None:
    if wrong == credit_code_check_char(body):
        wrong = CREDIT_CODE_CHARS[(CREDIT_CODE_CHARS.index(wrong) + 1) % 31]
    assert "校验位错误" in (credit_code_error(body + wrong) or "")


@given(body17, st.integers(0, 16), st.sampled_from(CREDIT_CODE_CHARS))
def test_single_character_typo_is_detected(body: str, pos: int, ch: str) -> None:
    code = body + credit_code_check_char(body)
    typo = code[:pos] + ch + code[pos + 1 :]
    if typo != code and typo[2:8].isdigit():
        assert credit_code_error(typo) is not None


@pytest.mark.parametrize(
    "phone", ["13812345678", "0519-85123456", "051985123456", "85123456", "400-123-4567", ""]
)
def test_valid_phones(phone: str) -> None:
    assert phone_error(phone) is None


@pytest.mark.parametrize("phone", ["12345", "1381234567", "abc", "0519-8512"])
def test_invalid_phones_name_the_field(phone: str) -> None:
    assert (phone_error(phone) or "").startswith("联系电话格式不正确")


def test_money() -> None:
    assert parse_money("1,200.5元") == Decimal("1200.50")
    with pytest.raises(ValidationError, match="整改资金不能为负数"):
        parse_money("-1")
    with pytest.raises(ValidationError, match="整改资金应为数字"):
        parse_money("一千")


def test_dates_in_the_spellings_inspectors_type() -> None:
    assert parse_date("2026年11月3日", "整改时限", field="deadline") == date(2026, 11, 3)
    assert parse_date("2026/11/3", "整改时限", field="deadline") == date(2026, 11, 3)
    with pytest.raises(ValidationError, match="整改时限“2026-02-30”不是有效日期") as err:
        parse_date("2026-02-30", "整改时限", field="deadline")
    assert [e.field for e in err.value.errors] == ["deadline"]
