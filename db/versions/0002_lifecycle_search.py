"""lifecycle: query indexes, previous deadline on re-inspections, hazard keyword search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 22:21:10.442785

SQLite only: ``hazards_fts`` is an FTS5 trigram index over hazards (number, location, description),
an external-content table kept in sync by three triggers. PostgreSQL gets nothing extra (the
service uses ILIKE there). The FTS objects are excluded from autogenerate by env.py (``*_fts*``).
If a later migration recreates ``hazards`` in batch mode (table copy), SQLite drops the triggers
with the old table: that migration must run ``create_hazards_fts_triggers`` again.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

FTS_TRIGGERS = (
    """CREATE TRIGGER hazards_fts_ai AFTER INSERT ON hazards BEGIN
        INSERT INTO hazards_fts(rowid, number, location, description)
        VALUES (new.id, new.number, new.location, new.description);
    END""",
    """CREATE TRIGGER hazards_fts_ad AFTER DELETE ON hazards BEGIN
        INSERT INTO hazards_fts(hazards_fts, rowid, number, location, description)
        VALUES ('delete', old.id, old.number, old.location, old.description);
    END""",
    """CREATE TRIGGER hazards_fts_au AFTER UPDATE OF number, location, description ON hazards BEGIN
        INSERT INTO hazards_fts(hazards_fts, rowid, number, location, description)
        VALUES ('delete', old.id, old.number, old.location, old.description);
        INSERT INTO hazards_fts(rowid, number, location, description)
        VALUES (new.id, new.number, new.location, new.description);
    END""",
)


def create_hazards_fts_triggers() -> None:
    for sql in FTS_TRIGGERS:
        op.execute(sql)


def upgrade() -> None:
    with op.batch_alter_table('hazards', schema=None) as batch_op:
        batch_op.create_index('ix_hazards_category_subcategory', ['category', 'subcategory'], unique=False)
        batch_op.create_index('ix_hazards_deadline', ['deadline'], unique=False)

    with op.batch_alter_table('inspection_inspectors', schema=None) as batch_op:
        batch_op.create_index('ix_inspection_inspectors_inspector_id', ['inspector_id'], unique=False)

    with op.batch_alter_table('reinspection_inspectors', schema=None) as batch_op:
        batch_op.create_index('ix_reinspection_inspectors_inspector_id', ['inspector_id'], unique=False)

    with op.batch_alter_table('reinspections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_deadline', sa.Date(), nullable=True))

    if op.get_bind().dialect.name == 'sqlite':
        op.execute(
            "CREATE VIRTUAL TABLE hazards_fts USING fts5("
            "number, location, description, content='hazards', content_rowid='id', tokenize='trigram')"
        )
        create_hazards_fts_triggers()
        op.execute("INSERT INTO hazards_fts(hazards_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for name in ('hazards_fts_au', 'hazards_fts_ad', 'hazards_fts_ai'):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS hazards_fts")

    with op.batch_alter_table('reinspections', schema=None) as batch_op:
        batch_op.drop_column('previous_deadline')

    with op.batch_alter_table('reinspection_inspectors', schema=None) as batch_op:
        batch_op.drop_index('ix_reinspection_inspectors_inspector_id')

    with op.batch_alter_table('inspection_inspectors', schema=None) as batch_op:
        batch_op.drop_index('ix_inspection_inspectors_inspector_id')

    with op.batch_alter_table('hazards', schema=None) as batch_op:
        batch_op.drop_index('ix_hazards_deadline')
        batch_op.drop_index('ix_hazards_category_subcategory')
