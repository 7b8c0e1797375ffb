"""Backups and restores of the laptop's SQLite file, done so that neither can lose data.

- A backup is written with SQLite's online backup API to a temporary name, checked with
  ``integrity_check``, then renamed: a full disk or a kill leaves no half file that would count as
  the latest backup. Leftover temporary files are removed by the next backup.
- A restore never copies a file over the database: a stale ``-wal`` beside it would be replayed into
  the restored data (PITFALLS.md: a 20-hazard backup came back with 50). It writes the backup into
  the live file through a connection, after making sure no other process has it open (switching a
  WAL database to another journal mode needs the only connection) and after backing up the
  current file first.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from inspector.i18n import QT_TRANSLATE_NOOP, say

log = logging.getLogger(__name__)

KEEP_BACKUPS = 10
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")
COUNTED = (("enterprises", "企业"), ("inspections", "检查记录"), ("hazards", "隐患"), ("documents", "文书"))


class BackupError(Exception):
    """A backup or restore that could not be done; ``str(e)`` is the Chinese reason."""


class DatabaseInUse(BackupError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int
    counts: dict[str, int]  # table → rows, for the tables in COUNTED that exist
    readable: bool = True

    def describe(self) -> str:
        """The time it was taken, a full-width space, then what it holds (the restore dialog splits
        the two at that space)."""
        if not self.readable:
            return f"{self.taken_at:%Y-%m-%d %H:%M:%S}　" + say(QT_TRANSLATE_NOOP("core", "（无法读取）"))
        return f"{self.taken_at:%Y-%m-%d %H:%M:%S}　{_counted(self.counts)}"


def _counted(counts: dict[str, int]) -> str:
    """企业12，检查记录3, …: the rows of the tables in COUNTED, in the user's language."""
    return say(QT_TRANSLATE_NOOP("core", "，")).join(
        say(QT_TRANSLATE_NOOP("core", "{table}{count}"), table=label, count=counts[t])
        for t, label in COUNTED
        if t in counts
    )


def _checked(conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchone()
    if not result or result[0] != "ok":
        found = result[0] if result else say(QT_TRANSLATE_NOOP("core", "无结果"))
        raise BackupError(say(QT_TRANSLATE_NOOP("core", "数据库完整性检查未通过：{result}"), result=found))


def _prune(dest_dir: Path, stem: str, keep: int) -> None:
    backups = sorted(p for p in dest_dir.glob(f"{stem}-*.sqlite3") if _NAME.match(p.name))
    for old in backups[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    for part in dest_dir.glob(f".{stem}-*.part"):  # a backup that was killed or ran out of disk
        part.unlink(missing_ok=True)


def take_backup(src: Path, dest_dir: Path, keep: int = KEEP_BACKUPS) -> Path:
    """Copy the live database (WAL writers may be active) into ``dest_dir``; returns the file.

    Raises ``BackupError`` (or OSError for the folder) and leaves no partial file behind.
    """
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = f"{src.stem}-{datetime.now().strftime(_STAMP)}.sqlite3"
    final = dest_dir / name
    part = dest_dir / f".{name}.part"
    try:
        # The source opens read-write: a read-only connection cannot recover a WAL left by a crash.
        with closing(sqlite3.connect(src)) as s, closing(sqlite3.connect(part)) as d:
            s.backup(d)
            d.execute("PRAGMA journal_mode=DELETE")
            _checked(d)
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(part, final)
    except (sqlite3.Error, OSError) as e:
        part.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise
        raise BackupError(say(QT_TRANSLATE_NOOP("core", "备份失败：{reason}"), reason=str(e))) from e
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    _prune(dest_dir, src.stem, keep)
    return final


def _counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {
            t: int(c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t, _l in COUNTED if t in tables
        }


def backup_info(path: Path) -> BackupInfo:
    """When a backup was taken (from its name, else the file time) and what it holds."""
    m = _NAME.match(path.name)
    taken = datetime.strptime(m["stamp"], _STAMP) if m else datetime.fromtimestamp(path.stat().st_mtime)
    try:
        return BackupInfo(path, taken, path.stat().st_size, _counts(path))
    except sqlite3.Error:
        return BackupInfo(path, taken, path.stat().st_size, {}, readable=False)


def list_backups(dest_dir: Path, stem: str) -> list[BackupInfo]:
    """The backups of one database, newest first, with what each holds."""
    paths = [
        p
        for p in (dest_dir.glob(f"{stem}-*.sqlite3") if dest_dir.exists() else [])
        if (m := _NAME.match(p.name)) is not None and m["stem"] == stem
    ]
    return sorted((backup_info(p) for p in paths), key=lambda b: b.taken_at, reverse=True)


@contextmanager
def exclusive(target: Path) -> Iterator[sqlite3.Connection]:
    """A connection to ``target`` that is provably the only one (else ``DatabaseInUse``)."""
    conn = sqlite3.connect(target, timeout=0.2, isolation_level=None)
    try:
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError as e:
            raise DatabaseInUse(
                say(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "数据库正被其他程序使用（可能是另一个打开的窗口），请先关闭所有使用该数据库的程序后再恢复",
                    )
                )
            ) from e
        if mode.lower() != "delete":
            raise DatabaseInUse(
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "数据库正被其他程序使用，请先关闭所有使用该数据库的程序后再恢复"
                    )
                )
            )
        yield conn
    finally:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_backup: Path | None  # the current file, saved first
    before: dict[str, int]
    after: dict[str, int]

    def describe(self) -> str:
        if self.safety_backup is None:
            return say(
                QT_TRANSLATE_NOOP("core", "已恢复 {taken:%Y-%m-%d %H:%M:%S} 的备份（{after}）"),
                taken=self.restored.taken_at,
                after=_counted(self.after),
            )
        return say(
            QT_TRANSLATE_NOOP(
                "core",
                "已恢复 {taken:%Y-%m-%d %H:%M:%S} 的备份（{after}）；恢复前的数据（{before}）已另存为 {path}",
            ),
            taken=self.restored.taken_at,
            after=_counted(self.after),
            before=_counted(self.before),
            path=str(self.safety_backup),
        )


def restore(backup: Path, target: Path, dest_dir: Path) -> RestoreResult:
    """Put ``backup`` in place of the database at ``target`` (see the module docstring)."""
    if not backup.is_file():
        raise BackupError(say(QT_TRANSLATE_NOOP("core", "找不到备份文件：{path}"), path=str(backup)))
    try:
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src:
            _checked(src)
    except sqlite3.Error as e:
        raise BackupError(
            say(
                QT_TRANSLATE_NOOP("core", "备份文件无法读取，未作任何改动：{path}（{reason}）"),
                path=str(backup),
                reason=str(e),
            )
        ) from e
    info = backup_info(backup)
    safety: Path | None = None
    before: dict[str, int] = {}
    with exclusive(target) as conn:
        if target.exists() and target.stat().st_size > 0:
            before = _counts(target)
            safety = take_backup(target, dest_dir, keep=KEEP_BACKUPS + 1)
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src:
            src.backup(conn)
        _checked(conn)
    after = _counts(target)
    log.info("restored %s into %s (safety copy %s)", backup, target, safety)
    return RestoreResult(info, safety, before, after)
