"""The schema comes from migrations: an empty file upgrades, re-running is a no-op, backups are kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from inspector.core.audit import SYSTEM
from inspector.core.context import Services, open_database
from inspector.core.enterprises import EnterpriseFilter
from inspector.db import backups as backups_module
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.models import Base
from inspector.db.tallies import TABLE_NAME as TALLIES
from tests.factories import enterprise_input


def test_empty_file_upgrades_to_head_and_rerun_is_noop(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    db = open_database(url)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    tables = set(inspect(db.engine).get_table_names())
    assert {"enterprises", "hazards", "rectification_plans", "documents", "audit_events"} <= tables
    db.dispose()
    again = open_database(url)
    assert migrate.current_revision(again.engine) == migrate.head_revision()
    again.dispose()


def test_migrated_schema_matches_models(db: Database) -> None:
    """Autogenerate finds nothing to do: no model change was left without a migration."""
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, type_, parents: (
                    not (name and ("_fts" in name or name.endswith("_trgm") or name == TALLIES))
                )
            },
        )
        assert compare_metadata(ctx, Base.metadata) == []


def test_sqlite_pragmas(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_existing_file_is_backed_up_before_upgrade_and_old_backups_pruned(tmp_path: Path) -> None:
    path = tmp_path / "inspector.sqlite3"
    backups = tmp_path / "backups"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, backup_dir=backups)  # new file: nothing to back up
    assert not backups.exists() or not list(backups.iterdir())
    Services.on(db).enterprises.create(SYSTEM, enterprise_input(1))
    for _ in range(backups_module.KEEP_BACKUPS + 3):
        backups_module.take_backup(path, backups)
    files = sorted(backups.glob("*.sqlite3"))
    assert len(files) == backups_module.KEEP_BACKUPS
    # A backup is a complete, readable database with the user's data in it.
    with sqlite3.connect(files[-1]) as conn:
        assert conn.execute("select name from enterprises").fetchone()[0].startswith("常州市新北区")
    conn.close()
    db.dispose()


def test_pending_migration_triggers_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "inspector.sqlite3"
    backups = tmp_path / "backups"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, backup_dir=backups)
    Services.on(db).enterprises.create(SYSTEM, enterprise_input(1))
    monkeypatch.setattr(migrate, "head_revision", lambda: "a-newer-revision")
    monkeypatch.setattr(command, "upgrade", lambda cfg, rev: None)
    made = migrate.upgrade(db, backup_dir=backups).backup
    assert made is not None and made.exists()
    db.dispose()


def test_real_old_database_files_upgrade_with_data_intact(tmp_path: Path) -> None:
    """Each committed snapshot (tests/data/db-REV.sqlite3) upgrades to head and keeps its rows."""
    snapshots = sorted(Path(__file__).parent.parent.joinpath("data").glob("db-*.sqlite3"))
    assert snapshots
    for snap in snapshots:
        path = tmp_path / snap.name
        path.write_bytes(snap.read_bytes())
        db = open_database(f"sqlite:///{path}")
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        names = [r.name for r in Services.on(db).enterprises.page(EnterpriseFilter(), 0, 10)]
        assert len(names) == 3
        db.dispose()


def test_the_cheap_head_and_current_revision_agree_with_alembic(db: Database) -> None:
    """Start-up reads the head from the scripts' text and the current one from alembic_version,
    without importing alembic: both must say what alembic itself says."""
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    with db.engine.connect() as conn:
        assert migrate.current_revision(db.engine) == MigrationContext.configure(conn).get_current_revision()


def test_a_new_file_has_no_revision_yet(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert migrate.current_revision(db.engine) is None
    db.dispose()
