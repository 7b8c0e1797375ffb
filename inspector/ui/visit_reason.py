"""The question before logging a visit the plan's rules cross (over the cap, a repeat check):
what was crossed, and a reason that is kept with the visit (core.plan_rules)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from inspector.core.plan_rules import MAX_REASON, RuleWarning
from inspector.ui.style import WARNING_TEXT_STYLE
from inspector.ui.terms import term


class ReasonDialog(QDialog):
    def __init__(self, warnings: list[RuleWarning], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("需要填写检查理由"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        for w in warnings:
            line = QLabel(f"{term(w.kind.value)}：{w.message}")
            line.setWordWrap(True)
            line.setStyleSheet(WARNING_TEXT_STYLE)
            layout.addWidget(line)
        hint = QLabel(
            self.tr("如确需检查，请写明理由（如群众举报、事故调查、上级交办），理由随检查记录保存。")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("检查理由"))
        self.reason.setFixedHeight(90)
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("填写理由并保存"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        text = self.reason.toPlainText().strip()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(0 < len(text) <= MAX_REASON)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def ask_reason(parent: QWidget, warnings: list[RuleWarning]) -> str | None:
    """The reason typed, or None when the user goes back to the form."""
    dialog = ReasonDialog(warnings, parent)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
