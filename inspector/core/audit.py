"""The audit trail (执法全过程记录): every service change writes one event in its own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.actor import SYSTEM as SYSTEM  # re-exported: the services import them from here
from inspector.core.actor import Actor as Actor
from inspector.db.models import AuditEvent


def jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: jsonable(getattr(obj, f)) for f in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, so the trail says what was edited, not the whole record."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def stamp(today: date | None = None) -> datetime:
    """Now, to the second, on the services' day (``Services.on(db, clock)``).

    The clock gives the day; the time of day is the wall clock's. With the real clock this is
    simply now; with a test's or a demo's fixed day, the trail is dated on that day too.
    """
    now = datetime.now().replace(microsecond=0)
    return now if today is None or today == now.date() else datetime.combine(today, now.time())


def record(
    session: Session,
    actor: Actor,
    entity_type: str,
    entity_id: int,
    action: str,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    today: date | None = None,
) -> AuditEvent:
    """One event, stamped on ``today`` (the caller's clock) at the current time of day."""
    event = AuditEvent(
        at=stamp(today),
        actor_id=actor.id,
        actor_name=actor.name,
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        summary=summary,
        before=jsonable(before) if before is not None else None,
        after=jsonable(after) if after is not None else None,
    )
    session.add(event)
    return event


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor_name: str
    action: str
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def history(session: Session, entity_type: str, entity_id: int) -> list[AuditEntry]:
    rows = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id)
    )
    return [AuditEntry(e.at, e.actor_name, e.action, e.summary, e.before, e.after) for e in rows]
