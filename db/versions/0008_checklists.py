"""Checklists (issue 11): versioned check sheets and each visit's results on their items.

- ``checklists``: one row per checklist, with a stable ``code`` (a shipped standard's, GM-2023;
  JG-<n> for an office's own list).
- ``checklist_versions`` / ``checklist_items``: a version and its items are never changed once
  written; editing an office checklist adds the next version, a new edition of the shipped
  criteria file adds one the first time it is used. A visit's results keep the version they used.
- ``checklist_results``: per visit and item, 合格/不合格/不适用, a note, whether the criteria
  proposed 重大隐患, and the hazard registered for a failed item.

Only new tables: nothing existing is rebuilt, so the SQLite FTS triggers on ``hazards`` stay.
The unused ``inspections.checklist`` JSON column (0001) is left as it is.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checklists"),
        sa.UniqueConstraint("code", name="uq_checklists_code"),
    )
    op.create_table(
        "checklist_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("checklist_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("number", sa.String(100), nullable=False),
        sa.Column("in_force", sa.Date(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("applies_to", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["checklist_id"], ["checklists.id"], name="fk_checklist_versions_checklist_id_checklists"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["inspectors.id"], name="fk_checklist_versions_created_by_id_inspectors"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_versions"),
        sa.UniqueConstraint("checklist_id", "version", name="uq_checklist_versions_checklist_id"),
    )
    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("article", sa.String(20), nullable=False),
        sa.Column("item_no", sa.String(20), nullable=False),
        sa.Column("category", sa.String(50), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("major", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("applies_to", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["checklist_versions.id"],
            name="fk_checklist_items_version_id_checklist_versions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_items"),
        sa.UniqueConstraint("version_id", "position", name="uq_checklist_items_version_id"),
    )
    op.create_table(
        "checklist_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(6), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("proposed_major", sa.Boolean(), nullable=False),
        sa.Column("hazard_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name="fk_checklist_results_inspection_id_inspections",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["checklist_items.id"], name="fk_checklist_results_item_id_checklist_items"
        ),
        sa.ForeignKeyConstraint(["hazard_id"], ["hazards.id"], name="fk_checklist_results_hazard_id_hazards"),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_results"),
        sa.UniqueConstraint("inspection_id", "item_id", name="uq_checklist_results_inspection_id"),
    )
    op.create_index("ix_checklist_results_item_result", "checklist_results", ["item_id", "result"])
    op.create_index("ix_checklist_results_hazard_id", "checklist_results", ["hazard_id"])


def downgrade() -> None:
    op.drop_index("ix_checklist_results_hazard_id", table_name="checklist_results")
    op.drop_index("ix_checklist_results_item_result", table_name="checklist_results")
    op.drop_table("checklist_results")
    op.drop_table("checklist_items")
    op.drop_table("checklist_versions")
    op.drop_table("checklists")
