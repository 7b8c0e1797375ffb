"""隐患编号 for demo hazards, drawn from the app's own counter in blocks so numbers never collide."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from inspector.core.demo.state import Run
from inspector.core.demo.tables import HAZARDS, SEQUENCES
from inspector.core.numbering import HAZARD_SEQUENCE, hazard_number, hazard_number_prefix


def number_hazards(run: Run, conn: Connection, hazards: list[dict[str, Any]]) -> None:
    """Give the chunk's hazards their numbers (numbering.hazard_number), reserving counter blocks."""
    per_year = Counter(h["found_on"].year for h in hazards)
    nxt = {year: _reserve(run, conn, year, k) for year, k in sorted(per_year.items())}
    for h in hazards:
        year = h["found_on"].year
        h["number"] = hazard_number(year, nxt[year])
        nxt[year] += 1


def _reserve(run: Run, conn: Connection, year: int, k: int) -> int:
    """First of ``k`` fresh values of the hazard counter for ``year`` (same rule as numbering)."""
    seq = SEQUENCES.c
    where = (seq.name == HAZARD_SEQUENCE, seq.year == year)
    if year not in run.floor_checked:
        # Numbers may exist that the counter never issued (imports): start past them too.
        prefix = hazard_number_prefix(year)
        top = conn.scalar(
            select(HAZARDS.c.number)
            .where(HAZARDS.c.number.like(f"{prefix}%"))
            .order_by(func.length(HAZARDS.c.number).desc(), HAZARDS.c.number.desc())
            .limit(1)
        )
        floor = int(top[len(prefix) :]) if top else 0  # the prefix matched case-blind
        current = conn.scalar(select(seq.value).where(*where))
        if current is None:
            conn.execute(insert(SEQUENCES).values(name=HAZARD_SEQUENCE, year=year, value=floor))
        elif current < floor:
            conn.execute(update(SEQUENCES).where(*where).values(value=floor))
        run.floor_checked.add(year)
    end = conn.execute(
        update(SEQUENCES).where(*where).values(value=seq.value + k).returning(seq.value)
    ).scalar_one()
    return int(end) - k + 1
