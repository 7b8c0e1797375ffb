from inspector.core.enums import DocumentKind
from inspector.core.numbering import next_document_number, next_hazard_number
from inspector.db.models import Setting


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


def test_document_numbers_use_prefix_setting_and_kind(db) -> None:
    with db.transaction() as s:
        s.add(Setting(key="document_prefix", value="新北"))
        s.flush()
        seq, number = next_document_number(s, DocumentKind.RECTIFICATION_ORDER, 2026)
        _, record = next_document_number(s, DocumentKind.INSPECTION_RECORD, 2026)
        _, second = next_document_number(s, DocumentKind.RECTIFICATION_ORDER, 2026)
    assert (seq, number) == (1, "（新北）应急责改〔2026〕1号")
    assert record == "（新北）应急检记〔2026〕1号"
    assert second == "（新北）应急责改〔2026〕2号"
