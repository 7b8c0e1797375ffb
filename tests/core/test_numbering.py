from dataclasses import replace

from inspector.core.enums import DocumentKind
from inspector.core.numbering import (
    HAZARD_NUMBER_PATTERN,
    format_document_number,
    hazard_number,
    hazard_number_prefix,
    next_document_number,
    next_hazard_number,
)
from inspector.core.office import demo_office


def test_hazard_numbers_count_per_year_and_never_repeat(db) -> None:
    with db.transaction() as s:
        a = [next_hazard_number(s, 2026) for _ in range(3)]
        b = next_hazard_number(s, 2027)
    with db.transaction() as s:
        c = next_hazard_number(s, 2026)
    assert a == ["YH2026-000001", "YH2026-000002", "YH2026-000003"]
    assert b == "YH2027-000001"
    assert c == "YH2026-000004"


def test_rolled_back_number_is_not_issued_twice_in_committed_data(db) -> None:
    try:
        with db.transaction() as s:
            next_hazard_number(s, 2026)
            raise RuntimeError("user action failed")
    except RuntimeError:
        pass
    with db.transaction() as s:
        assert next_hazard_number(s, 2026) == "YH2026-000001"


def test_document_numbers_use_the_office_words_and_the_chain_serial(db) -> None:
    office = replace(demo_office(), prefix="武进", word_order="武应急责改")
    with db.transaction() as s:
        seq, sub, number = next_document_number(s, office, DocumentKind.RECTIFICATION_ORDER, 2026, 12)
        _, _, record = next_document_number(s, office, DocumentKind.INSPECTION_RECORD, 2026, 12)
    assert (seq, sub, number) == (1, 1, "（武进）武应急责改〔2026〕12号")
    assert record == "（武进）应急检记〔2026〕12号"
    assert format_document_number("新北", "应急复查", 2026, 12, 3) == "（新北）应急复查〔2026〕12-3号"


def test_one_spelling_of_the_hazard_number() -> None:
    assert hazard_number(2026, 123) == "YH2026-000123"
    assert hazard_number(2026, 123).startswith(hazard_number_prefix(2026))
    assert HAZARD_NUMBER_PATTERN.fullmatch(hazard_number(2027, 1))
    assert HAZARD_NUMBER_PATTERN.fullmatch("yh2026-000001")  # typed in lower case: still a number
    assert not HAZARD_NUMBER_PATTERN.fullmatch("YH2026-12")
