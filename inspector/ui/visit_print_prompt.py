"""After a visit is saved: offer its documents for printing at once.

Inspectors print the 现场检查记录 (and, when hazards were found, the 责令限期整改指令书) right after
the visit, to sign on site; before, they had to find the visit again. The prompt only asks: each
打印 button hands (kind, inspection id) to the window's usual print path, and stays open so the
second document can follow the first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.enums import DocumentKind
from inspector.core.inspections import RecordedInspection
from inspector.ui.style import MUTED_COLOUR, icon, text_style

PrintFn = Callable[[str, int], object]  # (DocumentKind value, inspection id), as MainWindow.print_document


class VisitPrintPrompt(QDialog):
    """「检查记录已保存」 with one 打印 button per document of the visit; 以后再说 closes."""

    def __init__(
        self, summary: str, recorded: RecordedInspection, print_fn: PrintFn, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visit_print_prompt")
        self.setWindowTitle(self.tr("检查记录已保存"))
        self.recorded = recorded
        self._print = print_fn
        root = QVBoxLayout(self)
        root.setSpacing(10)
        text = QLabel(summary)
        text.setObjectName("visit_summary")
        text.setWordWrap(True)
        root.addWidget(text)
        ask = QLabel(self.tr("现在打印本次检查的文书吗？也可以以后在检查记录中打印。"))
        ask.setWordWrap(True)
        ask.setStyleSheet(text_style(MUTED_COLOUR))
        root.addWidget(ask)
        row = QHBoxLayout()
        self.buttons: dict[DocumentKind, QPushButton] = {}
        kinds = [DocumentKind.INSPECTION_RECORD]
        if recorded.hazards:
            kinds.append(DocumentKind.RECTIFICATION_ORDER)
        for kind in kinds:
            label = (
                self.tr("打印现场检查记录")
                if kind == DocumentKind.INSPECTION_RECORD
                else self.tr("打印责令限期整改指令书")
            )
            button = QPushButton(icon("print"), label)
            button.setObjectName(f"print_{kind.name.lower()}")
            button.clicked.connect(lambda _c=False, k=kind: self.print_one(k))
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)
        root.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("以后再说"))
        close.rejected.connect(self.reject)
        root.addWidget(close)
        self.setMinimumWidth(440)
        self.buttons[DocumentKind.INSPECTION_RECORD].setFocus(Qt.FocusReason.OtherFocusReason)

    def print_one(self, kind: DocumentKind) -> None:
        """Print through the window's path; the button then says it was done (printing twice
        would only reprint the same numbered document)."""
        self._print(kind.value, self.recorded.id)
        button = self.buttons[kind]
        button.setText(button.text() + " ✓")
        if all(b.text().endswith("✓") for b in self.buttons.values()):
            self.close_button.setText(self.tr("关闭"))
