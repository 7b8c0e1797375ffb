"""回避登记: declared by anyone registered, withdrawn by a 科室负责人, never deleted, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector.core.conflicts import ConflictInput
from inspector.core.context import Services
from inspector.core.errors import DuplicateError, PermissionDenied, ValidationError
from inspector.db.engine import Database
from inspector.db.models import AuditEvent
from tests.core.draw_cases import DAY, office


@pytest.fixture
def svc(db: Database) -> Services:
    return Services.on(db, clock=lambda: DAY)


def test_declare_list_and_withdraw(svc: Services) -> None:
    o = office(svc, enterprises=3, inspectors=3)
    clerk = svc.inspectors.actor_for(o.certified[1])
    cid = svc.conflicts.declare(
        clerk, ConflictInput(o.certified[2], o.enterprises[0], "  配偶任该企业安全总监 ")
    )
    rows = svc.conflicts.list()
    assert [(r.inspector_name, r.enterprise_name, r.reason, r.declared_on, r.recorded_by) for r in rows] == [
        ("检查员3", "常州市新北区测试化工有限公司1", "配偶任该企业安全总监", DAY, "检查员2")
    ]
    assert svc.conflicts.list(inspector_id=o.certified[1]) == []
    assert [r.id for r in svc.conflicts.list(enterprise_id=o.enterprises[0])] == [cid]
    with pytest.raises(DuplicateError):
        svc.conflicts.declare(clerk, ConflictInput(o.certified[2], o.enterprises[0], "再次登记"))
    with pytest.raises(PermissionDenied, match="科室负责人"):
        svc.conflicts.withdraw(clerk, cid)
    svc.conflicts.withdraw(o.boss, cid)
    assert svc.conflicts.list() == []
    kept = svc.conflicts.list(include_withdrawn=True)
    assert len(kept) == 1 and kept[0].withdrawn_on == DAY and not kept[0].active
    with svc.db.reading() as s:
        actions = list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.entity_type == "inspector_conflict")
                .order_by(AuditEvent.id)
            )
        )
    assert actions == ["declare", "withdraw"]
    # once withdrawn, the same pair may be declared again
    svc.conflicts.declare(o.boss, ConflictInput(o.certified[2], o.enterprises[0], "新的事由"))


def test_every_missing_field_is_named(svc: Services) -> None:
    office(svc, enterprises=1)
    with pytest.raises(ValidationError) as e:
        svc.conflicts.declare(svc.inspectors.actor_for(1), ConflictInput(None, None, " "))
    assert {x.field for x in e.value.errors} == {"inspector_id", "enterprise_id", "reason"}
