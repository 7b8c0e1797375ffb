"""Backups and restores of the laptop's database, as use cases the UI and the CLI share.

The work is in ``inspector.db.backups``; this turns its failures into DomainErrors with the
Chinese reason and closes the program's own connections before a restore (a restore refuses
while any connection to the file is open, the program's own included).
"""

from __future__ import annotations

from pathlib import Path

from inspector.core.errors import DomainError
from inspector.db import backups
from inspector.db.backups import BackupInfo, RestoreResult
from inspector.db.engine import Database, sqlite_file
from inspector.i18n import QT_TRANSLATE_NOOP, say
from inspector.paths import backups_dir

__all__ = ["TEAM_SERVER", "BackupInfo", "MaintenanceService", "RestoreResult"]

TEAM_SERVER = QT_TRANSLATE_NOOP(
    "core", "团队服务器（PostgreSQL）的数据由服务器管理员用 pg_dump / pg_restore 备份和恢复"
)


class MaintenanceService:
    def __init__(self, db: Database, folder: Path | None = None) -> None:
        self.db = db
        self.folder = folder

    @property
    def backup_folder(self) -> Path:
        return self.folder or backups_dir()

    def _file(self) -> Path:
        path = sqlite_file(self.db.url)
        if path is None:
            raise DomainError(say(TEAM_SERVER))
        return path

    @property
    def available(self) -> bool:
        """Backups and restores are for a SQLite file, not for a team server."""
        return sqlite_file(self.db.url) is not None

    def backups(self) -> list[BackupInfo]:
        return backups.list_backups(self.backup_folder, self._file().stem)

    def backup_now(self) -> Path:
        try:
            return backups.take_backup(self._file(), self.backup_folder)
        except (backups.BackupError, OSError) as e:
            raise DomainError(say(QT_TRANSLATE_NOOP("core", "备份失败：{reason}"), reason=str(e))) from e

    def daily_backup(self) -> Path | None:
        """The day's backup if none was taken in the last day (None: not due, or a team server).

        The app runs it after its first paint on the database worker: copying a 1.4 GB file takes
        seconds, which the window should not wait for."""
        if not self.available:
            return None
        from inspector.db.migrate import backup_due

        if not backup_due(self._file(), self.backup_folder):
            return None
        return self.backup_now()

    def restore(self, backup: Path) -> RestoreResult:
        """Replace the database by ``backup`` (the current data is backed up first)."""
        path = self._file()
        self.db.dispose()  # our own pooled connections would count as "another program"
        try:
            return backups.restore(backup, path, self.backup_folder)
        except backups.BackupError as e:
            raise DomainError(str(e)) from e
