"""What the hazard screens show: the detail view with its plan, reviews, extensions, supervision."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from inspector.core.audit import AuditEntry
from inspector.core.enums import HazardState
from inspector.core.lifecycle import (
    HazardDetails,
    HazardFacts,
    PlanInput,
)
from inspector.core.photos import PhotoMeta


@dataclass(frozen=True)
class PlanView:
    responsible_unit: str
    responsible_person: str
    measures: str
    funds: Decimal | None
    deadline: date | None
    contingency: str
    missing: list[str]  # five-in-place elements not yet filled


@dataclass(frozen=True)
class ReviewView:
    id: int
    reviewed_on: date
    result: str
    opinion: str
    inspectors: list[str]
    previous_deadline: date | None
    new_deadline: date | None


@dataclass(frozen=True)
class ExtensionView:
    old_deadline: date | None
    new_deadline: date
    reason: str
    by_name: str
    at: datetime


@dataclass(frozen=True)
class SupervisionView:
    listed_on: date
    unit: str
    delisted_on: date | None


@dataclass(frozen=True)
class HazardDetail:
    """Everything the hazard page shows, including the timeline from the audit trail."""

    id: int
    number: str
    version: int
    enterprise_id: int
    enterprise_name: str
    jurisdiction: str
    inspection_id: int | None
    source: str
    location: str
    description: str
    category: str
    subcategory: str
    level: str
    legal_basis: str
    found_on: date
    state: str
    deadline: date | None
    rectified_on_spot: bool
    reported_done_on: date | None
    closed_on: date | None
    notes: str
    is_overdue: bool
    days_left: int | None
    plan: PlanView | None
    reinspections: list[ReviewView]
    extensions: list[ExtensionView]
    supervision: SupervisionView | None
    photos: list[PhotoMeta]
    timeline: list[AuditEntry]
    onsite_measures: tuple[str, ...] = ()  # 现场处理措施

    @property
    def facts(self) -> HazardFacts:
        return HazardFacts(self.state, self.level, self.deadline, self.inspection_id is not None)

    def plan_input(self) -> PlanInput:
        """The plan as form input (for editing)."""
        p = self.plan
        if p is None:
            return PlanInput(deadline=self.deadline)
        return PlanInput(
            p.responsible_unit, p.responsible_person, p.measures, p.funds, self.deadline, p.contingency
        )

    def details(self) -> HazardDetails:
        return HazardDetails(
            self.location, self.description, self.category, self.subcategory, self.legal_basis, self.source
        )


@dataclass(frozen=True)
class HazardCounts:
    """一企一档 summary: counts per stored state plus the derived ones."""

    by_state: dict[str, int]
    overdue: int
    supervised: int

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @property
    def open(self) -> int:
        return self.total - self.by_state.get(HazardState.CLOSED.value, 0)


@dataclass(frozen=True)
class RecordedHazard:
    id: int
    number: str
