"""检查人员 of listed hazards: who took part in the inspection that found each one.

A separate query per shown page (at most a few hundred ids), so the hazard list's own page query
stays as tuned as it is; hazards recorded outside a visit (企业自查, 群众举报) have no inspectors.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from inspector.db.engine import Database
from inspector.db.models import Hazard, Inspector, inspection_inspectors

SEPARATOR = "、"


def inspector_names(db: Database, hazard_ids: Sequence[int]) -> dict[int, str]:
    """``{hazard id: "张检查、李检查"}`` (registry order, the same on every database); ids without inspectors are left out."""
    ids = list(dict.fromkeys(hazard_ids))
    if not ids:
        return {}
    stmt = (
        select(Hazard.id, Inspector.name)
        .join(inspection_inspectors, inspection_inspectors.c.inspection_id == Hazard.inspection_id)
        .join(Inspector, Inspector.id == inspection_inspectors.c.inspector_id)
        .where(Hazard.id.in_(ids))
        .order_by(Hazard.id, Inspector.id)
    )
    names: dict[int, list[str]] = {}
    with db.reading() as s:
        for hazard_id, name in s.execute(stmt):
            names.setdefault(hazard_id, []).append(name)
    return {hid: SEPARATOR.join(n) for hid, n in names.items()}
