"""Builders for valid test data (credit codes with correct check digits, enterprise inputs)."""

from __future__ import annotations

from inspector.core.enterprises import EnterpriseInput
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
