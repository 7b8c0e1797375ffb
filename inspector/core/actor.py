"""Who is acting, as a plain value: apart from the audit trail so the window's shell can name the
user before SQLAlchemy is imported (the first paint does not wait for the database layer)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """Who is acting: the current inspector (or the system for imports and demo data)."""

    id: int | None
    name: str
    is_supervisor: bool = False


SYSTEM = Actor(id=None, name="系统")
