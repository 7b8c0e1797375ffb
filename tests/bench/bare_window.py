"""The start-up peer: a bare PySide6 window with a table, quitting after its first paint.

Run as a script by test_bench_startup, in the same run as the app, so the ratio compares the
two on the same machine at the same moment.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class _QuitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    model = QStandardItemModel(50, 6)
    for r in range(50):
        for c in range(6):
            model.setItem(r, c, QStandardItem(f"{r}-{c}"))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 720)
    quitter = _QuitOnPaint(window)
    window.installEventFilter(quitter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
