"""Filter boxes that come back as they were left: each page names its boxes once, here they are
restored at start and stored whenever the user picks something (Settings.page_value).

Only what the user chose is stored (``activated``, not a refill or a program's change). A stored
value the page no longer offers — a 属地 still loading, or one that has gone — is added for now;
the page's next refill of the box (``widgets.refill_choices``) drops it if it is really gone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from datetime import date

from PySide6.QtWidgets import QComboBox

from inspector.ui.date_field import DateField
from inspector.ui.settings import Settings
from inspector.ui.terms import term


def restore_choice(combo: QComboBox, stored: object) -> None:
    """Select ``stored`` in ``combo`` (by item data); anything but text or a number is ignored."""
    if isinstance(stored, bool) or not isinstance(stored, str | int):
        return
    index = combo.findData(stored)
    if index < 0 and isinstance(stored, str) and combo.count() and combo.itemData(0) is None:
        combo.addItem(term(stored), stored)  # a 全部-first filter box whose values load later
        index = combo.count() - 1
    if index >= 0:
        combo.setCurrentIndex(index)


def remember_choices(settings: Settings | None, page: str, combos: Mapping[str, QComboBox]) -> None:
    """Restore each box from ``settings`` and keep storing the user's choices."""
    if settings is None:
        return
    for key, combo in combos.items():
        restore_choice(combo, settings.page_value(page, key))

        def store(_index: int, key: str = key, combo: QComboBox = combo) -> None:
            settings.set_page_value(page, key, combo.currentData())

        combo.activated.connect(store)


def remember_dates(settings: Settings | None, page: str, fields: Mapping[str, DateField]) -> None:
    """Restore each date field (stored as 2026-12-12) and store it again on every edit that is a
    day or empty; a half-typed text is not stored, the last day stays until the text is one."""
    if settings is None:
        return
    for key, field in fields.items():
        stored = settings.page_value(page, key)
        if isinstance(stored, str):
            with suppress(ValueError):  # a hand-edited value: the field stays as it was
                field.set_value(date.fromisoformat(stored))

        def store(key: str = key, field: DateField = field) -> None:
            if field.problem() is None:
                day = field.value()
                settings.set_page_value(page, key, day.isoformat() if day is not None else None)

        field.changed.connect(store)


def forget(settings: Settings | None, page: str, keys: Iterable[str]) -> None:
    """清除筛选: the stored values go with the shown ones."""
    if settings is not None:
        for key in keys:
            settings.set_page_value(page, key, None)


__all__ = ["forget", "remember_choices", "remember_dates", "restore_choice"]
