"""Documents any office can sign: 机关设置 as data, one serial per visit's chain, 送达 records.

- ``inspections.doc_year`` / ``doc_serial``: the serial a visit's documents share (DOCUMENTS.md);
  ``documents.serial`` / ``sub`` say what the printed number uses (〔2026〕12号, 〔2026〕12-2号).
  A visit that already has documents keeps the serial of its first one; the new ``chain`` counter
  of each year starts above every number already issued, so no printed number can repeat.
- ``hazards.onsite_measures`` (现场处理措施决定书) and ``enterprises.head_title`` (职务 on the record).
- ``deliveries``: one row per delivered document, with the 送达回执 that lists it.
- The old settings keys (document_prefix, authority_name, …) move to ``office.*``. A database that
  issued documents under the old built-in 新北 values gets them written down, so it prints as it
  did; one that issued nothing is asked for its office at the next start.

All columns are added in place (no table is rebuilt), so the SQLite FTS triggers on ``hazards``
stay as they are.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD_KEYS = {
    "document_prefix": "prefix",
    "authority_name": "authority",
    "reconsideration_body": "reconsideration_government",
    "court_name": "court",
    "region_name": "region",
}
# What every document printed before this revision said when nothing was set.
OLD_BUILT_IN = {
    "prefix": "新北",
    "authority": "常州市新北区应急管理局",
    "reconsideration_government": "常州市新北区人民政府",
    "court": "常州市新北区人民法院",
    "region": "新北区",
}


def upgrade() -> None:
    op.add_column("enterprises", sa.Column("head_title", sa.String(50), nullable=False, server_default=""))
    op.add_column("inspections", sa.Column("doc_year", sa.Integer(), nullable=True))
    op.add_column("inspections", sa.Column("doc_serial", sa.Integer(), nullable=True))
    op.create_index("uq_inspections_doc_year_serial", "inspections", ["doc_year", "doc_serial"], unique=True)
    op.add_column(
        "hazards", sa.Column("onsite_measures", sa.String(200), nullable=False, server_default="")
    )
    op.add_column("documents", sa.Column("serial", sa.Integer(), nullable=True))
    op.add_column("documents", sa.Column("sub", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("recipient", sa.String(50), nullable=False),
        sa.Column("server1_id", sa.Integer(), nullable=False),
        sa.Column("server2_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_deliveries_document_id_documents"),
        sa.ForeignKeyConstraint(["receipt_id"], ["documents.id"], name="fk_deliveries_receipt_id_documents"),
        sa.ForeignKeyConstraint(["server1_id"], ["inspectors.id"], name="fk_deliveries_server1_id_inspectors"),
        sa.ForeignKeyConstraint(["server2_id"], ["inspectors.id"], name="fk_deliveries_server2_id_inspectors"),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["inspectors.id"], name="fk_deliveries_recorded_by_id_inspectors"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.UniqueConstraint("document_id", name="uq_deliveries_document_id"),
    )
    op.create_index("ix_deliveries_receipt_id", "deliveries", ["receipt_id"])
    _carry_data()


def _carry_data() -> None:
    bind = op.get_bind()
    # Every issued document prints its own old number: its serial is the per-kind counter it drew.
    bind.exec_driver_sql("UPDATE documents SET serial = seq, sub = 1")
    # A visit with documents keeps the serial (and year) of its first document.
    firsts = bind.exec_driver_sql(
        "SELECT d.inspection_id, d.year, d.seq FROM documents d "
        "WHERE d.inspection_id IS NOT NULL AND d.id = "
        "(SELECT MIN(d2.id) FROM documents d2 WHERE d2.inspection_id = d.inspection_id)"
    ).all()
    taken: set[tuple[int, int]] = set()
    for inspection_id, year, seq in firsts:
        if (year, seq) in taken:  # two old visits whose first documents share a number: leave one unset
            continue
        taken.add((year, seq))
        bind.execute(
            sa.text("UPDATE inspections SET doc_year = :y, doc_serial = :s WHERE id = :i"),
            {"y": year, "s": seq, "i": inspection_id},
        )
    # The chain counter of each year starts above every serial already printed.
    for year, top in bind.exec_driver_sql("SELECT year, MAX(seq) FROM documents GROUP BY year").all():
        bind.execute(
            sa.text("INSERT INTO sequences (name, year, value) VALUES ('chain', :y, :v)"),
            {"y": year, "v": top},
        )

    stored = dict(bind.exec_driver_sql("SELECT key, value FROM settings").all())
    moved = {new: stored[old] for old, new in OLD_KEYS.items() if stored.get(old)}
    issued = bind.exec_driver_sql("SELECT COUNT(*) FROM documents").scalar() or 0
    if issued:
        moved = {**OLD_BUILT_IN, **moved}
    for key, value in moved.items():
        bind.execute(
            sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"), {"k": f"office.{key}", "v": value}
        )
    for old in OLD_KEYS:
        bind.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": old})


def downgrade() -> None:
    op.drop_index("ix_deliveries_receipt_id", table_name="deliveries")
    op.drop_table("deliveries")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("sub")
        batch.drop_column("serial")
    op.drop_index("uq_inspections_doc_year_serial", table_name="inspections")
    with op.batch_alter_table("inspections") as batch:
        batch.drop_column("doc_serial")
        batch.drop_column("doc_year")
    with op.batch_alter_table("hazards") as batch:
        batch.drop_column("onsite_measures")
    with op.batch_alter_table("enterprises") as batch:
        batch.drop_column("head_title")
