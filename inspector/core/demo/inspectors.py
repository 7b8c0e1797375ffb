"""The demo inspectors (检查人员): district staff and one officer per town, and visiting teams."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from inspector.core.demo.state import Run
from inspector.core.demo.tables import INSPECTORS
from inspector.core.enums import InspectorRole

DEMO_CERT_PREFIX = "32041120"


def ensure_inspectors(run: Run, conn: Connection) -> int:
    """Create the demo roster once; a second run reuses it (matched by 执法证号)."""
    w = run.words
    roster: list[dict[str, Any]] = []
    for i, (name, role) in enumerate(w.district_staff, start=1):
        roster.append(
            dict(
                name=name,
                certificate_no=f"{DEMO_CERT_PREFIX}{i:03d}",
                unit=w.district_unit,
                role=role,
                active=True,
                _town=None,
            )
        )
    for i, (town, name) in enumerate(zip(w.jurisdictions, w.town_officers, strict=False), start=101):
        unit = f"{town}安监办" if town.endswith(("镇", "街道")) else f"{town}安全监管局"
        roster.append(
            dict(
                name=name,
                certificate_no=f"{DEMO_CERT_PREFIX}{i:03d}",
                unit=unit,
                role=InspectorRole.INSPECTOR.value,
                active=True,
                _town=town,
            )
        )
    rows = conn.execute(
        select(INSPECTORS.c.certificate_no, INSPECTORS.c.id).where(
            INSPECTORS.c.certificate_no.like(f"{DEMO_CERT_PREFIX}%")
        )
    )
    have: dict[str, int] = {code: iid for code, iid in rows}
    new_rows = []
    for r in roster:
        iid = have.get(r["certificate_no"])
        if iid is None:
            iid = run.new_id(INSPECTORS)
            new_rows.append({k: v for k, v in r.items() if not k.startswith("_")} | {"id": iid})
        if r["_town"]:
            run.town_officer[r["_town"]] = iid
        else:
            run.district_ids.append(iid)
        if r["role"] == InspectorRole.SUPERVISOR.value:
            run.supervisor_ids.append(iid)
    if new_rows:
        conn.execute(insert(INSPECTORS), new_rows)
    return len(new_rows)


def team(run: Run, jurisdiction: str, n: int, need_supervisor: bool = False) -> list[int]:
    """``n`` inspectors for a visit: often the town's officer, a supervisor when one must sign."""
    rng = run.rng
    pool = run.district_ids
    officer = run.town_officer.get(jurisdiction)
    chosen: list[int] = []
    if need_supervisor:
        chosen.append(rng.choice(run.supervisor_ids))
    elif officer is not None and rng.random() < 0.6:
        chosen.append(officer)
    while len(chosen) < n:
        pick = rng.choice(pool)
        if pick not in chosen:
            chosen.append(pick)
    return chosen
