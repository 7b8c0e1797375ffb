"""A team server's people log in as themselves: ``inspectors.db_role`` is each one's PostgreSQL
login (the grants, group roles and triggers are applied after every upgrade by
``inspector.db.team.ensure``, so they also cover tables added later).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("inspectors", sa.Column("db_role", sa.String(63), nullable=True))
    op.create_index("uq_inspectors_db_role", "inspectors", ["db_role"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_inspectors_db_role", table_name="inspectors")
    with op.batch_alter_table("inspectors") as batch:
        batch.drop_column("db_role")
