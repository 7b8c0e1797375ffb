"""Indexes whose order serves each sort of the 隐患 tracker, with id as the tie-break.

Every tracker sort ends in ``id`` (so a keyset page boundary is exact). Without (column, id)
indexes, sorting 全部 by 状态/等级/类别 sorted a whole value group per page (TEMP B-TREE) and
keyset paging could not seek. ``state`` trails where the 未销号 view filters by it, so the filter
is answered from the index while it is walked in sort order (no table look-up per skipped row).
``ix_hazards_stats`` covers the 统计 page and the ledger. Indexes only: the file's data is untouched.

Revision ID: 0011
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("ix_hazards_state_id", ["state", "id"]),
    ("ix_hazards_level_id_state", ["level", "id", "state"]),
    ("ix_hazards_category_id_state", ["category", "id", "state"]),
    ("ix_hazards_found_on_id_state", ["found_on", "id", "state"]),
    ("ix_hazards_deadline_id_state", ["deadline", "id", "state"]),
    ("ix_hazards_number_state", ["number", "state"]),
    ("ix_hazards_enterprise_id_state", ["enterprise_id", "id", "state"]),
    # 统计 and the ledger group one enterprise's hazards by 类别 over a period: every column they
    # read is in the index, so the plan never visits the table rows.
    ("ix_hazards_stats", ["enterprise_id", "category", "found_on", "closed_on", "level", "state"]),
)
ENTERPRISE_INDEXES: tuple[tuple[str, list[str]], ...] = (
    ("ix_enterprises_name_id", ["name", "id"]),
    ("ix_enterprises_jurisdiction_name_id", ["jurisdiction", "name", "id"]),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "hazards", columns)
    for name, columns in ENTERPRISE_INDEXES:
        op.create_index(name, "enterprises", columns)


def downgrade() -> None:
    for name, _columns in reversed(ENTERPRISE_INDEXES):
        op.drop_index(name, table_name="enterprises")
    for name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name="hazards")
