"""Shared fixtures: a migrated database per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Assertions are on the source (Chinese) strings; a machine whose locale is English must not flip
# the app to its English translation (tests/ui/test_english.py asks for English explicitly).
os.environ["INSPECTOR_LANG"] = "zh_CN"

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.office import KEY_PREFIX, demo_office
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.models import Base, Setting

PG_URL = os.environ.get("INSPECTOR_TEST_PG_URL")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder or a real INSPECTOR_DB_URL."""
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("INSPECTOR_DB_URL", raising=False)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrate once, then copy the file per test: fast and still the real migrated schema."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, backup_dir=path.parent / "backups")
    configure_office(db)
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def configure_office(database: Database) -> None:
    """Every test database starts as an office that has filled in its 机关设置 (the sample 新北 one);
    tests of the first start clear it with ``clear_office``.

    The repeat-check question (``repeat_days``) is off: tests of other features log visits by
    several teams close together; tests/core/test_plan_rules.py switches it on."""
    office = dataclasses.replace(demo_office(), repeat_days=0)
    with database.transaction() as s:  # written directly: a fresh test database has no audit events
        for key, value in office.values().items():
            s.add(Setting(key=KEY_PREFIX + key, value=str(value)))


def clear_office(database: Database) -> None:
    with database.transaction() as s:
        s.execute(text("DELETE FROM settings WHERE key LIKE 'office.%'"))


def _sqlite_db(template: Path, tmp_path: Path) -> Database:
    path = tmp_path / "inspector.sqlite3"
    shutil.copy(template, path)
    return Database(f"sqlite:///{path}")


@pytest.fixture(scope="session")
def _pg_migrated() -> Iterator[Database | None]:
    if not PG_URL:
        yield None
        return
    db = Database(PG_URL)
    with db.engine.begin() as c:
        c.exec_driver_sql("DROP SCHEMA public CASCADE")
        c.exec_driver_sql("CREATE SCHEMA public")
    migrate.upgrade(db)
    yield db
    db.dispose()


def _truncate_pg(db: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with db.engine.begin() as c:
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, _sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty database; core tests run on both back-ends."""
    if request.param == "postgresql":
        pg = request.getfixturevalue("_pg_migrated")
        if pg is None:
            pytest.skip("INSPECTOR_TEST_PG_URL not set")
        _truncate_pg(pg)
        configure_office(pg)
        yield pg
        return
    database = _sqlite_db(_sqlite_template, tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(_sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """SQLite only: for GUI tests and file-level behaviour (backups)."""
    database = _sqlite_db(_sqlite_template, tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def services(db: Database) -> Services:
    return Services.on(db)


@pytest.fixture
def actor() -> Actor:
    return Actor(id=None, name="张检查")
