"""A hazard's descriptive fields (部位, 描述, 类别, 依据, 来源) and its 现场处理措施, checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from inspector.core.enums import HAZARD_SUBCATEGORIES, HazardCategory, HazardSource, OnsiteMeasure
from inspector.core.errors import FieldError, ValidationError
from inspector.core.validation import Collector, choice_error, listed, max_length_error, required_error
from inspector.db.models import Hazard
from inspector.i18n import QT_TRANSLATE_NOOP, say

DETAIL_LABELS: dict[str, str] = {
    "location": "隐患部位",
    "description": "隐患描述",
    "category": "隐患类别",
    "subcategory": "隐患子类",
    "level": "隐患等级",
    "legal_basis": "依据",
    "source": "隐患来源",
}


@dataclass(frozen=True)
class HazardDetails:
    """The descriptive fields of a hazard (not its level or lifecycle)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = DETAIL_LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "location": 200,
        "description": 2000,
        "category": 10,
        "subcategory": 30,
        "legal_basis": 500,
        "source": 10,
    }

    location: str = ""
    description: str = ""
    category: str = ""
    subcategory: str = ""
    legal_basis: str = ""
    source: str = HazardSource.INSPECTION.value

    def cleaned(self) -> HazardDetails:
        return HazardDetails(
            *(
                v.strip()
                for v in (
                    self.location,
                    self.description,
                    self.category,
                    self.subcategory,
                    self.legal_basis,
                    self.source,
                )
            )
        )


def details_errors(d: HazardDetails) -> Collector:
    d = d.cleaned()
    c = Collector()
    L = DETAIL_LABELS
    c.check(
        "location",
        required_error(d.location, L["location"]) or max_length_error(d.location, L["location"], 200),
    )
    c.check("description", required_error(d.description, L["description"]))
    c.check(
        "category",
        required_error(d.category, L["category"]) or choice_error(d.category, L["category"], HazardCategory),
    )
    if d.subcategory and d.category in HAZARD_SUBCATEGORIES:
        subs = HAZARD_SUBCATEGORIES[HazardCategory(d.category)]
        c.check("subcategory", choice_error(d.subcategory, L["subcategory"], subs))
    c.check(
        "source",
        required_error(d.source, L["source"]) or choice_error(d.source, L["source"], HazardSource),
    )
    return c


def _one(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


MEASURE_SEPARATOR = "；"  # the measures themselves contain 、 (停止使用相关设施、设备)


def onsite_measures_of(h: Hazard) -> tuple[str, ...]:
    return tuple(m for m in (h.onsite_measures or "").split(MEASURE_SEPARATOR) if m)


def clean_onsite_measures(measures: Any) -> tuple[str, ...]:
    """Known measures in their standard order; anything else is a ValidationError."""
    label = "现场处理措施"
    if isinstance(measures, str):
        measures = measures.replace(";", MEASURE_SEPARATOR).split(MEASURE_SEPARATOR)
    if not isinstance(measures, list | tuple | set | frozenset):
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}应为以下之一或几项：{options}"),
            label=label,
            options=listed(OnsiteMeasure),
        )
        raise _one("measures", message)
    chosen = {str(m).strip() for m in measures if str(m).strip()}
    unknown = sorted(chosen - {m.value for m in OnsiteMeasure})
    if unknown:
        message = say(
            QT_TRANSLATE_NOOP("core", "{label}“{value}”无效，可选：{options}"),
            label=label,
            value=listed(unknown),
            options=listed(OnsiteMeasure),
        )
        raise _one("measures", message)
    return tuple(m.value for m in OnsiteMeasure if m.value in chosen)
