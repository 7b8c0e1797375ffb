"""Migration 0012 (pinyin keys) fills the keys of enterprises registered before it, and goes back."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from inspector.core.context import Services
from inspector.core.enterprises import EnterpriseFilter
from inspector.db import migrate
from inspector.db.engine import Database
from tests.factories import credit_code

KEYS = {"name_initials", "name_pinyin", "jurisdiction_pinyin"}
NAMES = [
    ("常州华科精细化工有限公司", "薛家镇"),
    ("安徽华星化工有限公司", "春江镇"),
    ("重庆长安化工有限公司", "春江镇"),
]


def test_0012_fills_the_keys_of_existing_enterprises_and_downgrades(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = migrate.alembic_config(db.engine)
    command.upgrade(cfg, "0011")
    with db.engine.begin() as c:  # rows as an 0011 program wrote them: no keys
        for n, (name, place) in enumerate(NAMES, start=1):
            c.execute(
                text(
                    "INSERT INTO enterprises (name, credit_code, address, jurisdiction, industry,"
                    " legal_representative, principal, safety_director, phone, head_title, status,"
                    " hazardous_processes, plant_in_plant, notes, version)"
                    " VALUES (:name, :code, '', :place, '', '', '', '', '', '', '在产', '', 0, '', 1)"
                ),
                {"name": name, "code": credit_code(n), "place": place},
            )
    command.upgrade(cfg, "head")
    with db.engine.connect() as c:
        keys = c.exec_driver_sql(
            "SELECT name_initials, name_pinyin, jurisdiction_pinyin FROM enterprises ORDER BY id"
        ).all()
    assert [tuple(k) for k in keys] == [
        ("czhkjxhgyxgs", "changzhouhuakejingxihuagongyouxiangongsi", "xuejiazhen"),
        ("ahhxhgyxgs", "anhuihuaxinghuagongyouxiangongsi", "chunjiangzhen"),
        ("cqcahgyxgs", "chongqingchanganhuagongyouxiangongsi", "chunjiangzhen"),
    ]
    es = Services.on(db).enterprises
    assert [r.name for r in es.page(EnterpriseFilter(), 0, 10)] == [NAMES[1][0], NAMES[0][0], NAMES[2][0]]
    assert [name for _id, name, _code in es.search_names("czhk")] == [NAMES[0][0]]

    command.downgrade(cfg, "0011")
    columns = {c["name"] for c in inspect(db.engine).get_columns("enterprises")}
    assert not KEYS & columns
    with db.engine.connect() as c:  # dropped in place: every row is still there
        assert c.exec_driver_sql("SELECT COUNT(*) FROM enterprises").scalar() == 3
    command.upgrade(cfg, "head")
    assert [name for _id, name, _code in es.search_names("ahhx")] == [NAMES[1][0]]
    db.dispose()
