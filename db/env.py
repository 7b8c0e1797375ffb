"""Alembic environment: used by the app at start-up and by `alembic` during development."""

from __future__ import annotations

from alembic import context

from inspector.db.models import Base
from inspector.db.tallies import TABLE_NAME as TALLIES

config = context.config
target_metadata = Base.metadata


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    # Search indexes and the 统计 tallies are written by hand (SQLite FTS5 tables, PostgreSQL
    # trigram indexes, migration 0013), not by autogenerate: they have no model.
    if type_ == "table" and name and ("_fts" in name or name == TALLIES):
        return False
    return not (type_ == "index" and name and name.endswith("_trgm"))


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from inspector.db.engine import make_engine
        from inspector.paths import default_db_url

        engine = make_engine(config.get_main_option("sqlalchemy.url") or default_db_url())
    with engine.connect() as connection:
        # Each migration in its own transaction, on SQLite too: SQLite's DDL is transactional (the
        # engine emits BEGIN itself, see inspector.db.engine), so a failure or a kill mid-upgrade
        # leaves the previous revision intact instead of half-created columns and indexes.
        # (A future batch migration that must switch foreign keys off has to do so outside.)
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            include_name=include_name,
            transactional_ddl=True,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
