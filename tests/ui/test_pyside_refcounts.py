"""Guard against the PySide6 6.12.0 bug in PITFALLS.md.

On Python 3.11, 6.12.0 drops a reference to None on every void Qt call and to True/False on
every Signal.emit; after a few thousand calls the interpreter aborts (none_dealloc). If someone
bumps the pin, this test crashes or fails instead of the app crashing in an inspector's hands.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

CALLS = 20_000


class Emitter(QObject):
    flag = Signal(bool)
    nothing = Signal()


def test_void_setter_and_signal_emit_keep_refcounts(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    received: list[bool] = []
    emitter = Emitter()
    emitter.flag.connect(received.append)
    emitter.nothing.connect(lambda: None)

    none_before = sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    false_before = sys.getrefcount(False)
    for i in range(CALLS):
        label.setText("检查" if i % 2 else "隐患")
        emitter.flag.emit(i % 2 == 0)
        emitter.nothing.emit()
    del received[:]

    assert label.text() == "检查"
    # A leak loses one reference per call (20,000); allow for unrelated noise.
    assert sys.getrefcount(None) > none_before - 1_000
    assert sys.getrefcount(True) > true_before - 1_000
    assert sys.getrefcount(False) > false_before - 1_000
