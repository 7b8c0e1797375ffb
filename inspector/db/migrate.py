"""Bring a database to the current schema at start-up, backing up an existing SQLite file first.

An upgrade cannot leave a half-changed schema: each migration runs in its own transaction on
SQLite too (``db/env.py``), so a failure or a kill rolls it back and the next start tries again on
the old schema. A file that does not open as a database is never backed up (it would push the good
backups out) and gets a clear message instead of a traceback; a backup folder that cannot be
written is a warning, not a reason to stop.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from inspector.db.backups import BackupError, take_backup
from inspector.db.engine import Database, sqlite_file
from inspector.db.errors import UnreadableDatabase, UpgradeFailed
from inspector.i18n import QT_TRANSLATE_NOOP, say
from inspector.paths import backups_dir, migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
# alembic takes a fifth of a second to import; a start on an up-to-date schema (nearly every start)
# decides that from the scripts' text and the alembic_version row, and imports it only to upgrade.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w-]+)['\"]?", re.M)

BACKUP_EVERY = timedelta(hours=24)


@dataclass
class UpgradeReport:
    backup: Path | None = None
    warnings: list[str] = field(default_factory=list)


def alembic_config(engine: Engine | None = None, script_location: Path | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    """The newest migration: the one revision no script names as its down_revision."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (migrations_dir() / "versions").glob("*.py"):
        for key, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (revisions if key == "revision" else parents).add(value)
    heads = revisions - parents
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # a branch or merge: alembic's own reading

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_due(src: Path, dest_dir: Path) -> bool:
    """No backup of ``src`` in ``dest_dir`` yet, or the newest is older than a day."""
    backups = sorted(dest_dir.glob(f"{src.stem}-*.sqlite3")) if dest_dir.exists() else []
    if not backups:
        return True
    age = datetime.now() - datetime.fromtimestamp(backups[-1].stat().st_mtime)
    return age > BACKUP_EVERY


def check_readable(path: Path) -> None:
    """Refuse a file that is not an SQLite database, before anything touches it.

    Only the header and the schema are read (a full ``quick_check`` would read every page of a
    1.4 GB file at each start); backups are fully checked when they are written.
    """
    try:
        with closing(sqlite3.connect(path)) as c:  # read-write: it may recover a crash's WAL
            c.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise UnreadableDatabase(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "数据库文件无法打开：{path}（{reason}）。文件可能已损坏或不是本程序的数据库；"
                    "可用“inspector restore”恢复备份。",
                ),
                path=str(path),
                reason=str(e),
            )
        ) from e


def upgrade(db: Database, backup_dir: Path | None = None, *, daily_backup: bool = True) -> UpgradeReport:
    """Upgrade to head; an existing SQLite file is backed up before a pending migration and
    otherwise at most once a day (``daily_backup=False``: the caller takes that one later, as the
    app does after its first paint). Raises UpgradeFailed / UnreadableDatabase with Chinese text."""
    report = UpgradeReport()
    path = sqlite_file(db.url)
    existing = path is not None and path.exists() and path.stat().st_size > 0
    if path is not None and existing:
        check_readable(path)
    # Connecting happens here: an unreachable server fails as itself, not as a failed upgrade.
    pending = current_revision(db.engine) != head_revision()
    if path is not None and existing:
        dest_dir = backup_dir or backups_dir()
        if pending or (daily_backup and backup_due(path, dest_dir)):
            try:
                report.backup = take_backup(path, dest_dir)
                log.info("backed up %s to %s", path, report.backup)
            except (OSError, BackupError) as e:
                reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                report.warnings.append(
                    say(
                        QT_TRANSLATE_NOOP(
                            "core", "未能备份数据库到 {folder}：{reason}。请检查磁盘空间和文件夹权限。"
                        ),
                        folder=str(dest_dir),
                        reason=reason,
                    )
                )
                log.warning("backup of %s failed: %s", path, e)
    if pending:
        _run_upgrade(db, report)
    if db.engine.dialect.name == "postgresql":
        report.warnings += _team_rules(db)
    return report


def _team_rules(db: Database) -> list[str]:
    """The server-enforced roles, grants and triggers (db.team); only the owner may set them."""
    from inspector.db import team

    try:
        with db.engine.begin() as conn:
            return team.ensure(conn)
    except Exception as e:  # a login without rights to grant: the owner's next start applies them
        log.info("team rules not applied: %s", e)
        return []


def _run_upgrade(db: Database, report: UpgradeReport) -> None:
    try:
        from alembic import command

        command.upgrade(alembic_config(db.engine), "head")
    except Exception as e:
        log.exception("schema upgrade failed")
        if "permission denied" in str(e).lower() or "must be owner" in str(e).lower():
            raise UpgradeFailed(
                say(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "数据库结构需要升级，但当前登录没有权限：请服务器管理员先用自己的登录运行 inspector migrate",
                    )
                )
            ) from e
        error = f"{type(e).__name__}: {e}"
        if report.backup:
            raise UpgradeFailed(
                say(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "数据库结构升级失败，已撤销本次升级，数据库保持原样（{error}）；升级前的备份：{backup}",
                    ),
                    error=error,
                    backup=str(report.backup),
                )
            ) from e
        raise UpgradeFailed(
            say(
                QT_TRANSLATE_NOOP("core", "数据库结构升级失败，已撤销本次升级，数据库保持原样（{error}）"),
                error=error,
            )
        ) from e
