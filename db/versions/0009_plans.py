"""Plans, campaigns, 双随机 draws and 现场检查方案 (issue 12); photos per checklist item (issue 11).

- ``inspection_plans`` / ``plan_items``: the year's 监督检查计划 and its 事项 (target set as JSON,
  frequency, cap, months, 重点 or 双随机);
- ``campaigns``: 专项行动, a target set with a window and a deadline;
- ``inspector_conflicts``: declared 回避 of an inspector for an enterprise;
- ``draws`` / ``draw_entries``: stored 双随机 draws (pool snapshot, seed, who drew, when);
- ``inspection_schemes``: 现场检查方案 with its 审核 and 审批;
- ``visit_warnings``: a visit over the plan's cap or a repeat check, with the reason given;
- ``checklist_photos``: photos taken for a checklist item of a visit.

Only new tables: nothing existing is rebuilt, so the SQLite FTS triggers on ``hazards`` stay.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inspection_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["inspectors.id"], name=op.f("fk_inspection_plans_created_by_id_inspectors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_plans")),
    )
    op.create_index("ix_inspection_plans_year", "inspection_plans", ["year"], unique=False)

    op.create_table(
        "inspector_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspector_id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprises.id"],
            name=op.f("fk_inspector_conflicts_enterprise_id_enterprises"),
        ),
        sa.ForeignKeyConstraint(
            ["inspector_id"], ["inspectors.id"], name=op.f("fk_inspector_conflicts_inspector_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["inspectors.id"],
            name=op.f("fk_inspector_conflicts_recorded_by_id_inspectors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspector_conflicts")),
    )
    op.create_index(
        "ix_inspector_conflicts_enterprise_id", "inspector_conflicts", ["enterprise_id"], unique=False
    )

    op.create_table(
        "plan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("target", sa.JSON(), nullable=False),
        sa.Column("frequency", sa.Integer(), nullable=False),
        sa.Column("cap", sa.Integer(), nullable=True),
        sa.Column("months", sa.String(length=40), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("draw_percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("draw_count", sa.Integer(), nullable=True),
        sa.Column("checklist_code", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["inspection_plans.id"],
            name=op.f("fk_plan_items_plan_id_inspection_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_items")),
        sa.UniqueConstraint("plan_id", "position", name=op.f("uq_plan_items_plan_id")),
    )
    op.create_index("ix_plan_items_plan_id", "plan_items", ["plan_id"], unique=False)

    op.create_table(
        "visit_warnings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_visit_warnings_inspection_id_inspections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["inspectors.id"], name=op.f("fk_visit_warnings_recorded_by_id_inspectors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_warnings")),
    )
    op.create_index("ix_visit_warnings_inspection_id", "visit_warnings", ["inspection_id"], unique=False)

    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("target", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("checklist_code", sa.String(length=40), nullable=True),
        sa.Column("plan_item_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["inspectors.id"], name=op.f("fk_campaigns_created_by_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["plan_item_id"], ["plan_items.id"], name=op.f("fk_campaigns_plan_item_id_plan_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_index("ix_campaigns_deadline", "campaigns", ["deadline"], unique=False)

    op.create_table(
        "draws",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("seed", sa.String(length=40), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("pool", sa.JSON(), nullable=False),
        sa.Column("inspector_pool", sa.JSON(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("drawn_by_id", sa.Integer(), nullable=True),
        sa.Column("drawn_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["drawn_by_id"], ["inspectors.id"], name=op.f("fk_draws_drawn_by_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["plan_item_id"], ["plan_items.id"], name=op.f("fk_draws_plan_item_id_plan_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draws")),
    )
    op.create_index("ix_draws_plan_item_id", "draws", ["plan_item_id"], unique=False)

    op.create_table(
        "checklist_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["checklist_results.id"],
            name=op.f("fk_checklist_photos_result_id_checklist_results"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["photo_blobs.sha256"], name=op.f("fk_checklist_photos_sha256_photo_blobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_photos")),
    )
    op.create_index("ix_checklist_photos_result_id", "checklist_photos", ["result_id"], unique=False)

    op.create_table(
        "draw_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draw_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("inspector1_id", sa.Integer(), nullable=False),
        sa.Column("inspector2_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["draw_id"], ["draws.id"], name=op.f("fk_draw_entries_draw_id_draws"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name=op.f("fk_draw_entries_enterprise_id_enterprises")
        ),
        sa.ForeignKeyConstraint(
            ["inspector1_id"], ["inspectors.id"], name=op.f("fk_draw_entries_inspector1_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["inspector2_id"], ["inspectors.id"], name=op.f("fk_draw_entries_inspector2_id_inspectors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draw_entries")),
        sa.UniqueConstraint("draw_id", "position", name=op.f("uq_draw_entries_draw_id")),
    )
    op.create_index("ix_draw_entries_enterprise_id", "draw_entries", ["enterprise_id"], unique=False)

    op.create_table(
        "inspection_schemes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enterprise_id", sa.Integer(), nullable=False),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("contact", sa.String(length=50), nullable=False),
        sa.Column("inspector1_id", sa.Integer(), nullable=False),
        sa.Column("inspector2_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=6), nullable=False),
        sa.Column("drafted_by_id", sa.Integer(), nullable=True),
        sa.Column("review_opinion", sa.Text(), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("approval_opinion", sa.Text(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("plan_item_id", sa.Integer(), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("draw_entry_id", sa.Integer(), nullable=True),
        sa.Column("inspection_id", sa.Integer(), nullable=True),
        sa.Column("doc_year", sa.Integer(), nullable=True),
        sa.Column("doc_serial", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["inspectors.id"],
            name=op.f("fk_inspection_schemes_approved_by_id_inspectors"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_inspection_schemes_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["drafted_by_id"], ["inspectors.id"], name=op.f("fk_inspection_schemes_drafted_by_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["draw_entry_id"],
            ["draw_entries.id"],
            name=op.f("fk_inspection_schemes_draw_entry_id_draw_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["enterprise_id"],
            ["enterprises.id"],
            name=op.f("fk_inspection_schemes_enterprise_id_enterprises"),
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
            name=op.f("fk_inspection_schemes_inspection_id_inspections"),
        ),
        sa.ForeignKeyConstraint(
            ["inspector1_id"], ["inspectors.id"], name=op.f("fk_inspection_schemes_inspector1_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["inspector2_id"], ["inspectors.id"], name=op.f("fk_inspection_schemes_inspector2_id_inspectors")
        ),
        sa.ForeignKeyConstraint(
            ["plan_item_id"], ["plan_items.id"], name=op.f("fk_inspection_schemes_plan_item_id_plan_items")
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["inspectors.id"],
            name=op.f("fk_inspection_schemes_reviewed_by_id_inspectors"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_schemes")),
        sa.UniqueConstraint("inspection_id", name=op.f("uq_inspection_schemes_inspection_id")),
    )
    op.create_index(
        "ix_inspection_schemes_enterprise_id", "inspection_schemes", ["enterprise_id"], unique=False
    )
    op.create_index("ix_inspection_schemes_planned_on", "inspection_schemes", ["planned_on"], unique=False)
    op.create_index("ix_inspection_schemes_state", "inspection_schemes", ["state"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_inspection_schemes_state", table_name="inspection_schemes")
    op.drop_index("ix_inspection_schemes_planned_on", table_name="inspection_schemes")
    op.drop_index("ix_inspection_schemes_enterprise_id", table_name="inspection_schemes")

    op.drop_table("inspection_schemes")
    op.drop_index("ix_draw_entries_enterprise_id", table_name="draw_entries")

    op.drop_table("draw_entries")
    op.drop_index("ix_checklist_photos_result_id", table_name="checklist_photos")

    op.drop_table("checklist_photos")
    op.drop_index("ix_draws_plan_item_id", table_name="draws")

    op.drop_table("draws")
    op.drop_index("ix_campaigns_deadline", table_name="campaigns")

    op.drop_table("campaigns")
    op.drop_index("ix_visit_warnings_inspection_id", table_name="visit_warnings")

    op.drop_table("visit_warnings")
    op.drop_index("ix_plan_items_plan_id", table_name="plan_items")

    op.drop_table("plan_items")
    op.drop_index("ix_inspector_conflicts_enterprise_id", table_name="inspector_conflicts")

    op.drop_table("inspector_conflicts")
    op.drop_index("ix_inspection_plans_year", table_name="inspection_plans")

    op.drop_table("inspection_plans")
