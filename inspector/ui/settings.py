"""Typed UI preferences (window geometry, last page, column widths) in one INI file.

The file lives in the data folder (inspector.paths.data_dir, which INSPECTOR_DATA_DIR overrides),
next to the database: a portable install carries its settings along, and tests — which point
INSPECTOR_DATA_DIR at a temp dir — never touch the real user's preferences.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from inspector.paths import data_dir

SETTINGS_VERSION = 1


def settings_path() -> Path:
    return data_dir() / "settings.ini"


class Settings:
    """The only place that knows key names; everything else asks for typed values."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._qs.value("meta/version") is None:
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    # main window
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("main_window/geometry")

    def set_window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("main_window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("main_window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("main_window/state", value)

    def last_page(self) -> str | None:
        value = self._qs.value("main_window/last_page")
        return str(value) if value else None

    def set_last_page(self, key: str) -> None:
        self._qs.setValue("main_window/last_page", key)

    # tables: header state (column widths, order) per table name
    def header_state(self, table: str) -> QByteArray | None:
        return self._bytes(f"tables/{table}/header")

    def set_header_state(self, table: str, value: QByteArray) -> None:
        self._qs.setValue(f"tables/{table}/header", value)

    # who works at this computer (the chooser at start-up pre-selects and, unless asked, reuses it)
    def current_inspector_id(self) -> int | None:
        value = self._qs.value("session/current_inspector_id")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def set_current_inspector_id(self, inspector_id: int | None) -> None:
        if inspector_id is None:
            self._qs.remove("session/current_inspector_id")
        else:
            self._qs.setValue("session/current_inspector_id", int(inspector_id))
        self._qs.sync()

    # the folder last used for a kind of file ("ledger", "exports"), if it still exists
    def last_folder(self, purpose: str) -> Path | None:
        value = self._qs.value(f"folders/{purpose}")
        return Path(str(value)) if value and Path(str(value)).is_dir() else None

    def set_last_folder(self, purpose: str, folder: Path) -> None:
        self._qs.setValue(f"folders/{purpose}", str(folder))

    # what a page remembers between starts (its filters, a folder…), one JSON value per key
    def page_value(self, page: str, key: str, default: Any = None) -> Any:
        """The value ``set_page_value`` stored for this page and key, or ``default`` when there is
        none or it cannot be read (a hand-edited file must not stop the page from opening)."""
        raw = self._qs.value(f"pages/{page}/{key}")
        if raw in (None, ""):
            return default
        try:
            return json.loads(str(raw))
        except ValueError:
            return default

    def set_page_value(self, page: str, key: str, value: Any) -> None:
        """Remember a JSON-able value (None forgets it); written at once, so a crash keeps it."""
        name = f"pages/{page}/{key}"
        if value is None:
            self._qs.remove(name)
        else:
            self._qs.setValue(name, json.dumps(value, ensure_ascii=False, sort_keys=True))
        self._qs.sync()

    def sync(self) -> None:
        self._qs.sync()
