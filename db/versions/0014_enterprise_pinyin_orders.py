"""The tracker sorts 企业 and 属地 in pinyin order, as the registry and the ledger do.

Migration 0011 indexed the tracker's enterprise sorts by the names' code points; those orders are
gone, and so are their indexes. One 属地 order is used everywhere now: 属地 by pinyin, then the
names by pinyin (homophones by text, then id). The 0012 index on (属地 pinyin, 属地, id) is its
prefix and is replaced by one that carries the names too, so a sorted page walks it instead of
sorting. Indexes only: the file's data is untouched.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

PLACE_ORDER = ["jurisdiction_pinyin", "jurisdiction", "name_pinyin", "name", "id"]
OLD: tuple[tuple[str, list[str]], ...] = (
    ("ix_enterprises_name_id", ["name", "id"]),
    ("ix_enterprises_jurisdiction_name_id", ["jurisdiction", "name", "id"]),
    ("ix_enterprises_jurisdiction_pinyin", ["jurisdiction_pinyin", "jurisdiction", "id"]),
)


def upgrade() -> None:
    op.create_index("ix_enterprises_place_order", "enterprises", PLACE_ORDER)
    for name, _columns in OLD:
        op.drop_index(name, table_name="enterprises")


def downgrade() -> None:
    for name, columns in reversed(OLD):
        op.create_index(name, "enterprises", columns)
    op.drop_index("ix_enterprises_place_order", table_name="enterprises")
