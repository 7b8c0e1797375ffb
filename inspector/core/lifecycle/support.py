"""What the lifecycle shares with hazard registration: the audited snapshot, 挂牌督办, issued documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core import audit
from inspector.core.enums import DocumentKind
from inspector.db.models import Document, Hazard, Supervision, document_hazards

_SNAP_FIELDS = (
    "state",
    "level",
    "location",
    "description",
    "category",
    "subcategory",
    "legal_basis",
    "source",
    "deadline",
    "rectified_on_spot",
    "onsite_measures",
    "reported_done_on",
    "closed_on",
    "notes",
)
_PLAN_FIELDS = ("responsible_unit", "responsible_person", "measures", "funds", "contingency")


def hazard_snapshot(h: Hazard) -> dict[str, Any]:
    """The audited view of a hazard: its fields, the plan and the supervision."""
    snap = audit.snapshot(h, _SNAP_FIELDS)
    if h.plan is not None:
        snap.update({f"plan.{k}": v for k, v in audit.snapshot(h.plan, _PLAN_FIELDS).items()})
    if h.supervision is not None:
        snap.update(
            {
                f"supervision.{k}": v
                for k, v in audit.snapshot(h.supervision, ("listed_on", "unit", "delisted_on")).items()
            }
        )
    return snap


def list_for_supervision(h: Hazard, on: date, unit: str) -> None:
    """挂牌督办; a hazard has at most one supervision row, kept after 摘牌 as the record."""
    if h.supervision is None:
        h.supervision = Supervision(listed_on=on, unit=unit)
    else:  # raised again after a correction: re-list on the same record
        h.supervision.listed_on, h.supervision.unit, h.supervision.delisted_on = on, unit, None


def issued_number(session: Session, hazard_id: int, kind: DocumentKind) -> str | None:
    """The number of the first document of ``kind`` that lists the hazard, if one was issued."""
    return session.scalar(
        select(Document.number)
        .join(document_hazards, document_hazards.c.document_id == Document.id)
        .where(document_hazards.c.hazard_id == hazard_id, Document.kind == kind.value)
        .order_by(Document.id)
        .limit(1)
    )
