"""The 整改方案 and its five in place (五到位): field checks, what is missing, the five chips.

Completeness is a rule of the lifecycle (a hazard enters 整改中 only with all five), field checks
are the form's; both name fields by their attribute, labels appear only in messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from inspector.core.errors import DomainError, ValidationError
from inspector.core.validation import Collector, listed, max_length_error, parse_date, parse_money
from inspector.db.models import Hazard
from inspector.i18n import QT_TRANSLATE_NOOP, say

PLAN_LABELS: dict[str, str] = {
    "responsible_unit": "整改责任单位",
    "responsible_person": "整改责任人",
    "measures": "整改措施",
    "funds": "整改资金",
    "deadline": "整改时限",
    "contingency": "应急预案",
}


@dataclass(frozen=True)
class PlanInput:
    """整改方案（五到位）. Empty strings / None mean "not filled"; funds may be 0 but must be filled."""

    FIELD_LABELS: ClassVar[dict[str, str]] = PLAN_LABELS
    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "responsible_unit": 200,
        "responsible_person": 50,
        "measures": 2000,
        "funds": 30,
        "deadline": 30,
        "contingency": 2000,
    }

    responsible_unit: str = ""
    responsible_person: str = ""
    measures: str = ""
    funds: Decimal | int | float | str | None = None
    deadline: date | str | None = None
    contingency: str = ""

    @classmethod
    def of(cls, h: Hazard) -> PlanInput:
        p = h.plan
        if p is None:
            return cls(deadline=h.deadline)
        return cls(p.responsible_unit, p.responsible_person, p.measures, p.funds, h.deadline, p.contingency)


@dataclass(frozen=True)
class CleanPlan:
    responsible_unit: str
    responsible_person: str
    measures: str
    funds: Decimal | None
    deadline: date | None
    contingency: str


def clean_plan(plan: PlanInput, found_on: date) -> CleanPlan:
    """Field checks (not completeness): money, dates, lengths. Raises ValidationError."""
    c = Collector()
    L = PLAN_LABELS
    unit, person = plan.responsible_unit.strip(), plan.responsible_person.strip()
    c.check("responsible_unit", max_length_error(unit, L["responsible_unit"], 200))
    c.check("responsible_person", max_length_error(person, L["responsible_person"], 50))
    funds: Decimal | None = None
    if plan.funds is not None and str(plan.funds).strip() != "":
        try:
            funds = parse_money(plan.funds, L["funds"], field="funds")
        except ValidationError as e:
            c.errors.extend(e.errors)
    deadline: date | None = None
    if plan.deadline is not None and str(plan.deadline).strip() != "":
        try:
            deadline = parse_date(plan.deadline, L["deadline"], field="deadline")
        except ValidationError as e:
            c.errors.extend(e.errors)
        else:
            if deadline < found_on:
                message = say(
                    QT_TRANSLATE_NOOP("core", "{label}不能早于发现日期（{found_on}）"),
                    label=L["deadline"],
                    found_on=found_on.isoformat(),
                )
                c.check("deadline", message)
    c.raise_if_any()
    return CleanPlan(unit, person, plan.measures.strip(), funds, deadline, plan.contingency.strip())


def missing_plan_fields(plan: PlanInput | CleanPlan, deadline: date | str | None = None) -> list[str]:
    """Attribute names (PLAN_LABELS keys) of the five-in-place elements not yet filled, in form order."""
    values = {
        "responsible_unit": plan.responsible_unit,
        "responsible_person": plan.responsible_person,
        "measures": plan.measures,
        "funds": plan.funds,
        "deadline": deadline if deadline is not None else plan.deadline,
        "contingency": plan.contingency,
    }
    return [k for k, v in values.items() if v is None or (isinstance(v, str) and not v.strip())]


def missing_plan_elements(plan: PlanInput | CleanPlan, deadline: date | str | None = None) -> list[str]:
    """Chinese labels of the five-in-place elements not yet filled, in form order."""
    return [PLAN_LABELS[k] for k in missing_plan_fields(plan, deadline)]


@dataclass(frozen=True)
class PlanElement:
    """One of the five in place (五到位) and the plan fields it needs."""

    name: str  # 责任, 措施, 资金, 时限, 预案
    fields: tuple[str, ...]  # PLAN_LABELS keys


FIVE_IN_PLACE: tuple[PlanElement, ...] = (
    PlanElement("责任", ("responsible_unit", "responsible_person")),
    PlanElement("措施", ("measures",)),
    PlanElement("资金", ("funds",)),
    PlanElement("时限", ("deadline",)),
    PlanElement("预案", ("contingency",)),
)


@dataclass(frozen=True)
class ElementState:
    """How far one element of the five is in place: the labels of its fields still empty."""

    name: str
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def five_in_place(plan: PlanInput | CleanPlan, deadline: date | str | None = None) -> list[ElementState]:
    """Each of the five elements with what it still lacks, in their usual order (the plan's chips)."""
    missing = set(missing_plan_fields(plan, deadline))
    return [
        ElementState(e.name, tuple(PLAN_LABELS[f] for f in e.fields if f in missing)) for e in FIVE_IN_PLACE
    ]


def missing_elements(states: Sequence[ElementState]) -> int:
    """How many of the five are not in place: the number a form shows beside its ✗ chips (责任
    lacking both unit and person is one element missing, not two)."""
    return sum(1 for st in states if not st.complete)


class PlanIncompleteError(DomainError):
    """Not all five in place; ``fields`` names them so a form can mark its inputs, ``missing``
    holds their labels for the message."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = list(fields)
        self.missing = [PLAN_LABELS[f] for f in self.fields]
        super().__init__(
            say(QT_TRANSLATE_NOOP("core", "{missing}未填写，不能进入整改中"), missing=listed(self.missing))
        )
