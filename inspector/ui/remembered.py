"""Filter boxes that come back as they were left: each page names its boxes once, here they are
restored at start and stored whenever the user picks something (Settings.page_value).

Only what the user chose is stored (``activated``, not a refill or a program's change). A stored
value the page no longer offers — a 属地 still loading, or one that has gone — is added for now;
the page's next refill of the box (``widgets.refill_choices``) drops it if it is really gone.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox

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


__all__ = ["remember_choices", "restore_choice"]
