"""Bring a database to the current schema at start-up, backing up an existing SQLite file first."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from inspector.db.engine import Database, sqlite_file
from inspector.paths import backups_dir, migrations_dir

log = logging.getLogger(__name__)

KEEP_BACKUPS = 10
BACKUP_EVERY = timedelta(hours=24)


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite(src: Path, dest_dir: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy a live SQLite file with the online backup API (safe while WAL writers are active)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = dest_dir / f"{src.stem}-{stamp}.sqlite3"
    with sqlite3.connect(src) as s, sqlite3.connect(dest) as d:
        s.backup(d)
    s.close()
    d.close()
    backups = sorted(dest_dir.glob(f"{src.stem}-*.sqlite3"))
    for old in backups[:-keep]:
        old.unlink(missing_ok=True)
    return dest


def _backup_due(src: Path, dest_dir: Path) -> bool:
    backups = sorted(dest_dir.glob(f"{src.stem}-*.sqlite3"))
    if not backups:
        return True
    age = datetime.now() - datetime.fromtimestamp(backups[-1].stat().st_mtime)
    return age > BACKUP_EVERY


def upgrade(db: Database, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to head. Returns the backup made, if any.

    An existing SQLite file is backed up before any pending migration, and otherwise at most once a
    day, so a bad upgrade or a bad day can always be rolled back by copying a file.
    """
    made: Path | None = None
    path = sqlite_file(db.url)
    if path is not None and path.exists() and path.stat().st_size > 0:
        dest_dir = backup_dir or backups_dir()
        pending = current_revision(db.engine) != head_revision()
        if pending or _backup_due(path, dest_dir):
            made = backup_sqlite(path, dest_dir)
            log.info("backed up %s to %s", path, made)
    command.upgrade(alembic_config(db.engine), "head")
    return made
