"""Pinyin keys of enterprise names and 属地: sorting by pinyin, finding 常州华科 by ``czhk``.

- ``enterprises.name_initials`` / ``name_pinyin`` / ``jurisdiction_pinyin``, filled here for every
  existing enterprise with the function the services use when they write a name
  (inspector.core.pinyin), in batches inside this migration's one transaction;
- indexes for the pinyin sort (key, name, id) and the prefix searches. On PostgreSQL the keys have
  the ``C`` collation, so the same btree indexes serve the sort and the prefix range scans.

Columns are added in place (no table is rebuilt), and the downgrade drops them in place too
(SQLite ≥ 3.35), so no enterprise row is copied and the FTS triggers on ``hazards`` stay.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from inspector.core.pinyin import pinyin_keys

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

BATCH = 2_000
COLUMNS = (("name_initials", 200), ("name_pinyin", 1200), ("jurisdiction_pinyin", 300))


def _key_type(length: int) -> sa.types.TypeEngine[str]:
    return sa.String(length).with_variant(postgresql.VARCHAR(length, collation="C"), "postgresql")


def upgrade() -> None:
    for name, length in COLUMNS:
        op.add_column("enterprises", sa.Column(name, _key_type(length), nullable=False, server_default=""))
    _fill_keys()
    op.create_index("ix_enterprises_name_pinyin", "enterprises", ["name_pinyin", "name", "id"])
    op.create_index("ix_enterprises_name_initials", "enterprises", ["name_initials"])
    op.create_index(
        "ix_enterprises_jurisdiction_pinyin", "enterprises", ["jurisdiction_pinyin", "jurisdiction", "id"]
    )


def _fill_keys() -> None:
    """Every existing enterprise gets its keys; each 属地 is converted once."""
    bind = op.get_bind()
    update = sa.text(
        "UPDATE enterprises SET name_initials = :initials, name_pinyin = :full, "
        "jurisdiction_pinyin = :place WHERE id = :id"
    )
    places: dict[str, str] = {}
    last = 0
    while True:
        rows = bind.execute(
            sa.text("SELECT id, name, jurisdiction FROM enterprises WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        params = []
        for eid, name, jurisdiction in rows:
            initials, full = pinyin_keys(name or "")
            if jurisdiction not in places:
                places[jurisdiction] = pinyin_keys(jurisdiction or "")[1]
            params.append({"id": eid, "initials": initials, "full": full, "place": places[jurisdiction]})
        bind.execute(update, params)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_enterprises_jurisdiction_pinyin", table_name="enterprises")
    op.drop_index("ix_enterprises_name_initials", table_name="enterprises")
    op.drop_index("ix_enterprises_name_pinyin", table_name="enterprises")
    for name, _length in reversed(COLUMNS):
        op.drop_column("enterprises", name)
