"""The 月度台账 page's number cards (隐患总数, 本月新发现 …).

Kept apart from ``ledger_page`` so that module stays a page (choice, preview, exports); the
preview itself is computed by an ``Op`` on the database worker (see ``ledger_page``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from inspector.ui.style import SUMMARY_CARD_STYLE, text_colour

CARD_STYLE = SUMMARY_CARD_STYLE  # the page sets it once for all its cards


class SummaryCard(QFrame):
    """One big number with its caption; ``colour`` (a name from ``style``) tints the number."""

    def __init__(self, caption: str, tooltip: str = "", colour: str | None = None) -> None:
        super().__init__()
        self.setObjectName("SummaryCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("CardValue")
        if colour:
            self.value_label.setStyleSheet(text_colour(colour))
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("CardCaption")
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        if tooltip:
            self.setToolTip(tooltip)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)
