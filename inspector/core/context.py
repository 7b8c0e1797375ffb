"""Composition root of the core: open (and migrate) a database and build the services on it."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.core.enterprises import EnterpriseService
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.paths import default_db_url


@dataclass
class Services:
    db: Database
    enterprises: EnterpriseService

    @classmethod
    def on(cls, db: Database) -> Services:
        return cls(db=db, enterprises=EnterpriseService(db))


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """The database chosen by --db / INSPECTOR_DB_URL / the default file, brought up to date."""
    db = Database(url or default_db_url())
    if upgrade:
        migrate.upgrade(db)
    return db
