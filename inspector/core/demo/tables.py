"""The tables demo data is bulk-inserted into, and what writing them fast needs.

Rows go in with Core ``insert`` and ids chosen here, so PostgreSQL serials must be moved past them
afterwards, and SQLite's per-row index triggers are replaced by one copy per chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, text

from inspector.db.models import Base

T = Base.metadata.tables
ENTERPRISES: Table = T["enterprises"]
CATEGORIES: Table = T["enterprise_categories"]
INSPECTORS: Table = T["inspectors"]
INSPECTIONS: Table = T["inspections"]
INSPECTION_INSPECTORS: Table = T["inspection_inspectors"]
HAZARDS: Table = T["hazards"]
PLANS: Table = T["rectification_plans"]
EXTENSIONS: Table = T["deadline_extensions"]
REVIEWS: Table = T["reinspections"]
REVIEW_INSPECTORS: Table = T["reinspection_inspectors"]
SUPERVISIONS: Table = T["supervisions"]
SEQUENCES: Table = T["sequences"]
AUDIT: Table = T["audit_events"]

# Tables whose integer ids we allocate ourselves (PostgreSQL serials are re-synced per chunk).
HAZARD_TABLES = (INSPECTIONS, HAZARDS, PLANS, EXTENSIONS, REVIEWS, SUPERVISIONS)
ID_TABLES = (ENTERPRISES, CATEGORIES, INSPECTORS, AUDIT, *HAZARD_TABLES)


class Batch:
    """Rows of one chunk, per table, in insert order."""

    def __init__(self) -> None:
        self.inspections: list[dict[str, Any]] = []
        self.inspection_inspectors: list[dict[str, Any]] = []
        self.hazards: list[dict[str, Any]] = []
        self.plans: list[dict[str, Any]] = []
        self.extensions: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.review_inspectors: list[dict[str, Any]] = []
        self.supervisions: list[dict[str, Any]] = []


def resync_serials(conn: Connection, tables: tuple[Table, ...]) -> None:
    """PostgreSQL serials do not see explicit ids; move them past the max so app inserts work.

    Done inside every chunk's transaction, so even a killed run leaves the serials right.
    """
    if conn.dialect.name != "postgresql":
        return  # SQLite picks max(rowid) + 1 by itself
    for table in tables:
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )


@dataclass(frozen=True)
class IndexTrigger:
    """An AFTER INSERT trigger that only copies the new row into an index table (SQLite FTS)."""

    name: str
    create_sql: str
    bulk_sql: str  # the same copy for rows :lo..:hi


_COPY_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+\"?(\w+)\"?\s+AFTER\s+INSERT\s+ON\s+\"?(\w+)\"?\s+BEGIN\s+"
    r"INSERT\s+INTO\s+\"?(\w+)\"?\s*\(([\w\s,]+)\)\s*VALUES\s*\(([\w\s,.]+)\)\s*;\s*END\s*",
    re.IGNORECASE,
)


def index_triggers(conn: Connection, table: str) -> list[IndexTrigger]:
    """Triggers on ``table`` of exactly the shape ``INSERT INTO t(cols) VALUES (new.a, new.b…)``.

    Derived from the trigger text itself, so the bulk copy does what the trigger does; a trigger
    of any other shape is left in place and fires per row as usual.
    """
    found = []
    rows = conn.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table}
    )
    for name, sql in rows:
        m = _COPY_TRIGGER.fullmatch(sql or "")
        if not m or m[1] != name or m[2] != table:
            continue
        values = [v.strip() for v in m[5].split(",")]
        if not all(v.lower().startswith("new.") for v in values):
            continue
        cols = ", ".join(v[4:] for v in values)
        bulk = f'INSERT INTO "{m[3]}"({m[4]}) SELECT {cols} FROM "{table}" WHERE id BETWEEN :lo AND :hi'
        found.append(IndexTrigger(name, sql, bulk))
    return found
