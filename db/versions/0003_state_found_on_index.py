"""Index hazards by (state, found_on): the tracker's default view, open hazards newest first.

Measured on 1,000,000 demo hazards (SQLite): the first page of 未销号 sorted by 发现日期 went
from 120–216 ms to 6 ms, and 状态=已销号 from 2 s to 7 ms, because the page walks this index
instead of sorting every open hazard.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_hazards_state_found_on", "hazards", ["state", "found_on"])


def downgrade() -> None:
    op.drop_index("ix_hazards_state_found_on", table_name="hazards")
