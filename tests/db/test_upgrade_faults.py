"""Upgrades that cannot brick, backups that are whole, restores that bring back what was saved."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from inspector.core.audit import SYSTEM
from inspector.core.context import Services, open_database
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.errors import DatabaseUnavailable
from inspector.db import backups, migrate
from inspector.db.engine import Database
from inspector.paths import migrations_dir
from tests.factories import enterprise_input

ROOT = Path(__file__).resolve().parents[2]

FAULTY = '''
"""A migration that changes the schema, then fails (or waits to be killed)."""
import os, time
from pathlib import Path
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("hazards", sa.Column("fault_column", sa.Integer(), nullable=True))
    op.create_index("ix_hazards_fault_column", "hazards", ["fault_column"])
    marker = os.environ.get("FAULT_MARKER")
    if marker:
        Path(marker).write_text("started")
        time.sleep(60)
    raise RuntimeError("simulated failure in the middle of an upgrade")


def downgrade() -> None:
    pass
'''


def _scripts_with_fault(tmp_path: Path) -> Path:
    scripts = tmp_path / "scripts"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_fault.py").write_text(FAULTY.format(head=migrate.head_revision()))
    return scripts


def _fresh(tmp_path: Path, name: str = "inspector.sqlite3") -> Path:
    path = tmp_path / name
    db = Database(f"sqlite:///{path}")
    migrate.upgrade(db, backup_dir=tmp_path / "backups")
    Services.on(db).enterprises.create(SYSTEM, enterprise_input(1))
    db.dispose()
    return path


def _columns(path: Path) -> set[str]:
    db = Database(f"sqlite:///{path}")
    try:
        return {c["name"] for c in inspect(db.engine).get_columns("hazards")}
    finally:
        db.dispose()


def test_a_failing_migration_leaves_the_old_schema(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    db = Database(f"sqlite:///{path}")
    with pytest.raises(RuntimeError, match="simulated failure"):
        command.upgrade(migrate.alembic_config(db.engine, _scripts_with_fault(tmp_path)), "head")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    db.dispose()
    assert "fault_column" not in _columns(path)
    again = open_database(f"sqlite:///{path}")  # the next start opens and works
    assert Services.on(again).enterprises.count(EnterpriseFilter()) == 1
    again.dispose()


def test_a_kill_in_the_middle_of_an_upgrade_leaves_a_database_that_opens(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    scripts = _scripts_with_fault(tmp_path)
    marker = tmp_path / "marker"
    code = textwrap.dedent(
        f"""
        from alembic import command
        from inspector.db import migrate
        from inspector.db.engine import Database
        db = Database({f"sqlite:///{path}"!r})
        command.upgrade(migrate.alembic_config(db.engine, {str(scripts)!r}), "head")
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "FAULT_MARKER": str(marker)}
    )
    deadline = time.time() + 60
    while not marker.exists() and time.time() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the upgrade never reached the migration"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert "fault_column" not in _columns(path)
    db = open_database(f"sqlite:///{path}")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert Services.on(db).enterprises.count(EnterpriseFilter()) == 1
    db.dispose()


def test_a_damaged_file_gets_a_message_and_no_backup(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path))
    path = tmp_path / "inspector.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseUnavailable) as err:
        open_database(f"sqlite:///{path}")
    assert "数据库文件无法打开" in err.value.message and "inspector restore" in err.value.message
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_an_unwritable_backup_folder_is_a_warning_not_a_stop(tmp_path: Path, monkeypatch) -> None:
    path = _fresh(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    db = Database(f"sqlite:///{path}")
    monkeypatch.setattr(migrate, "head_revision", lambda: "newer")  # an upgrade is due
    monkeypatch.setattr(command, "upgrade", lambda cfg, rev: None)
    report = migrate.upgrade(db, backup_dir=blocked / "backups")
    assert report.backup is None
    assert report.warnings and "未能备份数据库" in report.warnings[0]
    db.dispose()


def test_a_backup_that_fails_half_way_leaves_no_file_behind(tmp_path: Path, monkeypatch) -> None:
    path = _fresh(tmp_path)
    dest = tmp_path / "backups"
    good = backups.take_backup(path, dest)

    def disk_full(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.os, "fsync", disk_full)
    with pytest.raises(OSError):
        backups.take_backup(path, dest)
    assert sorted(p.name for p in dest.iterdir()) == [good.name]
    assert backups.list_backups(dest, "inspector")[0].path == good


def test_restore_brings_back_the_backup_even_with_a_stale_wal_beside_the_file(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    dest = tmp_path / "backups"
    saved = backups.take_backup(path, dest)
    # More work after the backup, by a process that is killed before it checkpoints: a -wal stays.
    code = textwrap.dedent(
        f"""
        import os
        from inspector.core.audit import SYSTEM
        from inspector.core.context import Services
        from inspector.db.engine import Database
        from tests.factories import enterprise_input
        db = Database({f"sqlite:///{path}"!r})
        s = Services.on(db)
        for n in range(2, 32):
            s.enterprises.create(SYSTEM, enterprise_input(n))
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    assert Path(f"{path}-wal").exists()

    result = backups.restore(saved, path, dest)
    assert result.after["enterprises"] == 1 and result.before["enterprises"] == 31
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert "已恢复" in result.describe()
    db = open_database(f"sqlite:///{path}")
    assert Services.on(db).enterprises.count(EnterpriseFilter()) == 1
    db.dispose()
    with closing(sqlite3.connect(result.safety_backup)) as c:  # nothing typed after the backup is lost
        assert c.execute("SELECT COUNT(*) FROM enterprises").fetchone()[0] == 31


def test_restore_refuses_while_another_process_has_the_database_open(tmp_path: Path) -> None:
    path = _fresh(tmp_path)
    saved = backups.take_backup(path, tmp_path / "backups")
    code = f"import sqlite3, time; c = sqlite3.connect({str(path)!r}); c.execute('select 1 from enterprises').fetchall(); print('open', flush=True); time.sleep(30)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        with pytest.raises(backups.DatabaseInUse):
            backups.restore(saved, path, tmp_path / "backups")
    finally:
        proc.kill()
        proc.wait()
    assert len(backups.list_backups(tmp_path / "backups", "inspector")) == 1  # refused before any copy
