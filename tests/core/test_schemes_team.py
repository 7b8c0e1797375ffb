"""On a team server PostgreSQL itself keeps the 方案's 审核/审批 to 科室负责人: a 检查员's login
drafts and submits through the program, and is refused from plain SQL too."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from inspector.core.audit import SYSTEM
from inspector.core.context import Services
from inspector.core.errors import PermissionDenied
from inspector.core.inspectors import InspectorInput
from inspector.core.schemes import SchemeDecision
from inspector.core.team import TeamService
from inspector.db.engine import Database
from inspector.db.team import SCHEME_REFUSAL
from tests.factories import enterprise_input

AGREE = SchemeDecision(True, "同意。")


@pytest.fixture
def logins(db: Database) -> Iterator[dict[str, Database]]:
    if db.is_sqlite:
        pytest.skip("team server rules are PostgreSQL's")
    team = TeamService(db)
    team.add_user("zhangming", "s3cret-zhang", InspectorInput("张明", "32041100001"))
    team.add_user("liqiang", "s3cret-liqi", InspectorInput("李强", "32041100002"))
    team.add_user("zhaoke", "s3cret-zhao", InspectorInput("赵科长", "32041100009"), supervisor=True)
    team.add_user("qianke", "s3cret-qian", InspectorInput("钱科长", "32041100010"), supervisor=True)
    out = {}
    for login, password in (
        ("zhangming", "s3cret-zhang"),
        ("zhaoke", "s3cret-zhao"),
        ("qianke", "s3cret-qian"),
    ):
        url = make_url(db.url).set(username=login, password=password)
        out[login] = Database(url.render_as_string(hide_password=False))
    yield out
    for d in out.values():
        d.dispose()


def test_a_staff_login_drafts_and_submits_but_the_server_refuses_its_review(
    db: Database, logins: dict[str, Database]
) -> None:
    eid = Services.on(db).enterprises.create(SYSTEM, enterprise_input(1))
    zhang = Services.on(logins["zhangming"])
    me = zhang.inspectors.login_actor()
    assert me is not None
    people = {r.name: r.id for r in zhang.inspectors.list()}
    data = replace(
        zhang.schemes.propose(eid, planned_on=date.today() + timedelta(days=3)),
        inspector1_id=people["张明"],
        inspector2_id=people["李强"],
    )
    sid = zhang.schemes.create(me, data)
    zhang.schemes.submit(me, sid)
    with pytest.raises(PermissionDenied):
        zhang.schemes.review(me, sid, AGREE)

    engine = logins["zhangming"].engine
    for sql in (
        "UPDATE inspection_schemes SET state = '待审批' WHERE id = :s",
        "UPDATE inspection_schemes SET review_opinion = '同意', reviewed_by_id = :me WHERE id = :s",
        "UPDATE inspection_schemes SET approved_on = CURRENT_DATE WHERE id = :s",
        "UPDATE inspection_schemes SET doc_year = 2026, doc_serial = 99 WHERE id = :s",
        "INSERT INTO inspection_schemes (enterprise_id, planned_on, inspector1_id, inspector2_id, state)"
        " SELECT enterprise_id, planned_on, inspector1_id, inspector2_id, '已批准'"
        " FROM inspection_schemes WHERE id = :s",
    ):
        with pytest.raises(DBAPIError, match=SCHEME_REFUSAL), engine.begin() as conn:
            conn.execute(text(sql), {"s": sid, "me": me.id})

    boss = Services.on(logins["zhaoke"])
    boss_actor = boss.inspectors.login_actor()
    assert boss_actor is not None
    boss.schemes.review(boss_actor, sid, AGREE)
    other = Services.on(logins["qianke"])
    other_actor = other.inspectors.login_actor()
    assert other_actor is not None
    issued = other.schemes.approve(other_actor, sid, AGREE)
    assert issued is not None and issued.number.startswith("（新北）应急检查〔")
    with pytest.raises(DBAPIError, match=SCHEME_REFUSAL), engine.begin() as conn:  # approved: frozen
        conn.execute(text("UPDATE inspection_schemes SET content = '改过了' WHERE id = :s"), {"s": sid})
