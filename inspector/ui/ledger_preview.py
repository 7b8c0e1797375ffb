"""The 月度台账 page's preview parts: the summary computed on a pool thread, and the number cards.

Kept apart from ``ledger_page`` so that module stays a page (choice, preview, exports).
"""

from __future__ import annotations

import threading
from datetime import date
from typing import ClassVar

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from inspector.core.context import Services
from inspector.core.ledger import LedgerFilter

CARD_STYLE = """
QFrame#SummaryCard { background: #ffffff; border: 1px solid #e1e5ea; border-radius: 6px; }
QLabel#CardValue { font-size: 20pt; font-weight: bold; color: #1f2d3d; }
QLabel#CardCaption { color: #6b7280; }
"""


# -- the preview computation, off the GUI thread --------------------------------------------------


class SummarySignals(QObject):
    finished = Signal(int, object)  # generation, LedgerSummary
    failed = Signal(int, object)  # generation, exception


class SummaryJob(QRunnable):
    """``month_summary(f)`` on a pool thread; stops early once ``cancel`` is set."""

    running: ClassVar[set[SummaryJob]] = set()  # keep Python wrappers alive while the pool runs them

    def __init__(self, services: Services, f: LedgerFilter, generation: int, today: date) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.services = services
        self.filter = f
        self.today = today
        self.generation = generation
        self.cancel = threading.Event()
        self.signals = SummarySignals()

    def run(self) -> None:
        try:
            summary = self.services.ledger.summary(self.filter, self.cancel.is_set, today=self.today)
        except BaseException as e:  # handed to the GUI thread: a bug must not vanish here
            if not self.cancel.is_set():
                self.signals.failed.emit(self.generation, e)
        else:
            if not self.cancel.is_set():
                self.signals.finished.emit(self.generation, summary)
        finally:
            SummaryJob.running.discard(self)


# -- widgets -------------------------------------------------------------------------------------


class SummaryCard(QFrame):
    """One big number with its caption (隐患总数, 本月新发现 …)."""

    def __init__(self, caption: str, tooltip: str = "", colour: str | None = None) -> None:
        super().__init__()
        self.setObjectName("SummaryCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.value_label = QLabel("—")
        self.value_label.setObjectName("CardValue")
        if colour:
            self.value_label.setStyleSheet(f"color: {colour};")
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("CardCaption")
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        if tooltip:
            self.setToolTip(tooltip)

    def set_value(self, text: str) -> None:
        self.value_label.setText(text)
