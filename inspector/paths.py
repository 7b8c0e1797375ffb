"""Where resources, migrations and user data live — Qt-free so the CLI and core can use it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Inspector"
_PKG = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


def resources_dir() -> Path:
    """resources/ of a checkout, or its copy inside an installed wheel."""
    return _first_existing(_PKG / "_resources", _PKG.parent / "resources")


def migrations_dir() -> Path:
    """Alembic scripts: db/ in a checkout, inspector/_migrations in a wheel."""
    return _first_existing(_PKG / "_migrations", _PKG.parent / "db")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def fonts_dir() -> Path:
    """The bundled TrueType faces: the UI font and the PDF faces (resources/fonts/README.md)."""
    return resource("fonts")


def font_path(file: str = "wqy-microhei.ttf") -> Path:
    """A bundled font file; by default the UI font, WenQuanYi Micro Hei (the PDFs use reports.fonts)."""
    return fonts_dir() / file


def data_dir() -> Path:
    """The per-user data folder, following each platform's convention.

    Mirrors QStandardPaths.AppDataLocation without importing Qt; INSPECTOR_DATA_DIR overrides it
    (tests, portable installs).
    """
    override = os.environ.get("INSPECTOR_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_db_path() -> Path:
    return data_dir() / "inspector.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"


def default_db_url() -> str:
    return os.environ.get("INSPECTOR_DB_URL") or f"sqlite:///{default_db_path()}"


def logs_dir() -> Path:
    return data_dir() / "logs"


def log_file() -> Path:
    """The program's log: what a user sends when something went wrong (rotated, see inspector.logs)."""
    return logs_dir() / "inspector.log"
