"""Every term of the domain's vocabularies can be translated for the screen."""

from __future__ import annotations

from enum import StrEnum

import inspector.core.enums as enums
from inspector.core.enums import HazardState, RateFormula
from inspector.ui.terms import TERMS, term


def _vocabulary() -> set[str]:
    words: set[str] = set()
    for obj in vars(enums).values():
        if isinstance(obj, type) and issubclass(obj, StrEnum) and obj not in (StrEnum, RateFormula):
            words.update(m.value for m in obj)
    words.update(v for values in enums.HAZARD_SUBCATEGORIES.values() for v in values)
    words.update(enums.HAZARDOUS_PROCESSES, enums.DUST_KINDS)
    from inspector.core.checklists.model import ItemResult

    words.update(r.value for r in ItemResult)
    return words


def _labels() -> set[str]:
    from inspector.core import enterprises, inspections, inspectors, lifecycle, office
    from inspector.core.documents import delivery

    tables = [
        enterprises.LABELS,
        inspections.LABELS,
        inspectors.LABELS,
        delivery.LABELS,
        lifecycle.ACTION_LABELS,
        lifecycle.PLAN_LABELS,
        lifecycle.DETAIL_LABELS,
        office.RATE_FORMULA_LABELS,
    ]
    from inspector.core.checklists import VERIFICATION_LABELS, OfficeChecklistInput, OfficeItemInput

    tables += [VERIFICATION_LABELS, OfficeChecklistInput.FIELD_LABELS, OfficeItemInput.FIELD_LABELS]
    elements = {e.name for e in lifecycle.FIVE_IN_PLACE}  # the plan's chips: ✓ 责任 ✗ 资金
    return {str(v) for t in tables for v in t.values()} | {f.label for f in office.FIELDS.values()} | elements


def test_every_vocabulary_term_is_listed_for_translation() -> None:
    assert _vocabulary() - {str(t) for t in TERMS} == set()


def test_every_field_label_is_listed_for_translation() -> None:
    assert _labels() - {str(t) for t in TERMS} == set()


def test_every_ledger_summary_column_is_listed_for_translation() -> None:
    from inspector.reports.ledger import SUMMARY_COLUMNS

    assert {c.header for c, _ in SUMMARY_COLUMNS} - {str(t) for t in TERMS} == set()


def test_untranslated_terms_stay_chinese(qapp) -> None:  # type: ignore[no-untyped-def]
    assert term(HazardState.PENDING_REVIEW) == "待复查"
    assert term("常州华科化工有限公司") == "常州华科化工有限公司"
    assert term(None) == ""
