"""执法文书 of one hazard in its pane: the print buttons and the documents already issued.

Its own module because it only shows what it is given (the hazard and its ``DocumentRow`` list,
read by the pane's load op) and asks for printing by signal; the main window prints.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from inspector.core.documents import DocumentRow
from inspector.core.hazards import HazardDetail as HazardDetailData
from inspector.ui.hazard_timeline import escape
from inspector.ui.style import ERROR_COLOUR, MUTED_COLOUR, text_style
from inspector.ui.terms import term
from inspector.ui.widgets import Section


class HazardDocuments(Section):
    """``print_order`` for the visit's 整改指令书, ``print_review`` for the latest 复查意见书."""

    print_order = Signal()
    print_review = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("执法文书"), "print_box", parent)
        row = QHBoxLayout()
        self.order_button = QPushButton(self.tr("打印整改指令书"))
        self.order_button.setObjectName("print_order_button")
        self.order_button.setToolTip(self.tr("责令限期整改指令书（本次检查发现的隐患）"))
        self.order_button.clicked.connect(self.print_order)
        self.review_button = QPushButton(self.tr("打印复查意见书"))
        self.review_button.setObjectName("print_review_button")
        self.review_button.setToolTip(self.tr("整改复查意见书（最近一次复查）"))
        self.review_button.clicked.connect(self.print_review)
        row.addWidget(self.order_button)
        row.addWidget(self.review_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.documents_label = QLabel()
        self.documents_label.setObjectName("documents_label")
        self.documents_label.setWordWrap(True)
        self.documents_label.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.documents_label)
        self.hint = QLabel()
        self.hint.setStyleSheet(text_style(MUTED_COLOUR))
        self.hint.setWordWrap(True)
        self.body.addWidget(self.hint)

    def show_hazard(self, d: HazardDetailData, documents: Sequence[DocumentRow]) -> None:
        lines = []
        for doc in documents:
            delivered = (
                escape(
                    self.tr("{day} {how}").format(
                        day=f"{doc.delivered_on:%Y-%m-%d}", how=term(doc.delivery_method)
                    )
                )
                if doc.delivered_on
                else f"<span style='color:{ERROR_COLOUR}'>{escape(self.tr('未送达'))}</span>"
            )
            lines.append(
                f"{escape(term(doc.kind))}　{escape(doc.number)}　"
                f"<span style='color:{MUTED_COLOUR}'>{doc.issued_on:%Y-%m-%d}</span>　{delivered}"
            )
        self.documents_label.setText("<br>".join(lines))
        self.documents_label.setVisible(bool(lines))
        self.order_button.setEnabled(d.inspection_id is not None)
        self.review_button.setEnabled(bool(d.reinspections))
        hints = []
        if d.inspection_id is None:
            hints.append(self.tr("该隐患不是检查中发现的，没有整改指令书。"))
        if not d.reinspections:
            hints.append(self.tr("登记复查结果后可出具复查意见书。"))
        self.hint.setText("".join(hints))
        self.hint.setVisible(bool(hints))
