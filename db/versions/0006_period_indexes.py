"""Index the dates the 安全生产行政执法统计 counts by period: documents issued, majors listed/delisted.

Without them every period's return read the whole documents table (70–290 ms on 294 k documents)
and, on PostgreSQL, the supervisions join read all hazards.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_issued_on", "documents", ["issued_on"])
    op.create_index("ix_supervisions_listed_on", "supervisions", ["listed_on"])
    op.create_index("ix_supervisions_delisted_on", "supervisions", ["delisted_on"])


def downgrade() -> None:
    op.drop_index("ix_supervisions_delisted_on", table_name="supervisions")
    op.drop_index("ix_supervisions_listed_on", table_name="supervisions")
    op.drop_index("ix_documents_issued_on", table_name="documents")
