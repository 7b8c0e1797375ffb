"""批量延期: one new deadline and one reason for several hazards.

The dialog runs ``HazardService.extend_eligible`` itself (an Op) when OK is pressed: hazards whose
state refuses 延期 (待复查, 已销号) are skipped and listed afterwards (``skipped``); a refusal of
what was typed (a date not after some hazard's deadline, a missing reason, or nothing eligible)
is shown in place, by the field it names, nothing is saved and the date and reason stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.errors import FieldError
from inspector.core.hazards import HazardRow, SkippedHazard
from inspector.ui.date_field import DateField
from inspector.ui.ops import Op
from inspector.ui.style import ERROR_COLOUR, MUTED_COLOUR, text_style

DATE_FIELD = QT_TRANSLATE_NOOP("BatchExtendDialog", "新整改时限")
REASON_FIELD = QT_TRANSLATE_NOOP("BatchExtendDialog", "延期理由")
# The ExtendDeadline attributes the core keys its field errors by.
DATE_ATTRIBUTE, REASON_ATTRIBUTE = "new_deadline", "reason"
DEFAULT_EXTENSION_DAYS = 15
LISTED_NUMBERS = 6


def suggested_deadline(rows: Sequence[HazardRow], today: date) -> date:
    """A date the core will accept for every row: after the latest deadline and not before today."""
    latest = max((r.deadline for r in rows if r.deadline is not None), default=None)
    base = max(latest, today) if latest is not None else today
    return base + timedelta(days=DEFAULT_EXTENSION_DAYS)


class BatchExtendDialog(QDialog):
    """Modal form; after ``exec()`` returns Accepted, ``extended`` is how many hazards changed."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        rows: Sequence[HazardRow],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.rows = list(rows)
        self.today = today
        self.extended = 0
        self.skipped: tuple[SkippedHazard, ...] = ()
        self.setWindowTitle(self.tr("批量延期"))
        self.setMinimumWidth(480)
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(10)
        n = len(self.rows)
        numbers = "、".join(r.number for r in self.rows[:LISTED_NUMBERS])
        if n > LISTED_NUMBERS:
            numbers += self.tr(" 等")
        self.summary_label = QLabel(
            self.tr("为所选 {n} 条隐患延长整改时限：{numbers}").format(n=n, numbers=numbers)
        )
        self.summary_label.setWordWrap(True)
        root.addWidget(self.summary_label)
        deadlines = sorted({r.deadline for r in self.rows if r.deadline is not None})
        if deadlines:
            if len(deadlines) == 1:
                text = self.tr("原整改时限：{d}").format(d=deadlines[0].isoformat())
            else:
                text = self.tr("原整改时限：{a} 至 {b}").format(
                    a=deadlines[0].isoformat(), b=deadlines[-1].isoformat()
                )
            self.current_label = QLabel(text)
        else:
            self.current_label = QLabel(self.tr("所选隐患尚无整改时限"))
        self.current_label.setStyleSheet(text_style(MUTED_COLOUR))
        root.addWidget(self.current_label)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        self.date_edit = DateField(
            suggested_deadline(self.rows, self.today), allow_empty=False, today=self.today
        )
        self.date_edit.setObjectName("new_deadline")
        self.date_error = self._error_label()
        self.date_edit.edit.textEdited.connect(lambda _t: self._show(self.date_error, ""))
        form.addRow(self._field_label(DATE_FIELD), self._with_error(self.date_edit, self.date_error))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("如：设备采购周期长，企业已提交延期申请"))
        self.reason_edit.setFixedHeight(72)
        self.reason_error = self._error_label()
        form.addRow(self._field_label(REASON_FIELD), self._with_error(self.reason_edit, self.reason_error))
        root.addLayout(form)

        self.general_error = self._error_label()
        self.general_error.setObjectName("general_error")
        root.addWidget(self.general_error)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("延期"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)

    @staticmethod
    def _field_label(text: object) -> QLabel:
        label = QLabel(QCoreApplication.translate("BatchExtendDialog", str(text)))
        label.setContentsMargins(0, 4, 0, 0)  # level with the first line of the field
        return label

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        """A field with its error line right under it (no gap while there is no error)."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(field)
        lay.addWidget(error)
        return box

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(text_style(ERROR_COLOUR))
        label.setVisible(False)
        return label

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def new_deadline(self) -> date | None:
        """The day typed or picked (None while it is no day: ``save`` says why)."""
        return self.date_edit.value()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _show_errors(self, errors: list[FieldError]) -> None:
        """Put each refusal next to the field it is about.

        batch_extend reports per hazard ("YH2026-000002：延期须说明理由"): a reason message is the
        same for all, so it is shown once under 延期理由; date messages name each hazard's old
        deadline, so they keep the number; anything else (a closed hazard) goes below the form.
        """
        date_lines: list[str] = []
        reason_lines: list[str] = []
        other: list[str] = []
        for err in errors:
            bare = err.message
            for r in self.rows:
                bare = bare.removeprefix(f"{r.number}：")
            if err.field == REASON_ATTRIBUTE:
                target, text = reason_lines, bare
            elif err.field == DATE_ATTRIBUTE:
                target, text = date_lines, err.message
            else:
                target, text = other, err.message
            if text not in target:
                target.append(text)
        self._show(self.date_error, "\n".join(date_lines))
        self._show(self.reason_error, "\n".join(reason_lines))
        self._show(self.general_error, "\n".join(other))

    def save(self) -> None:
        """One op for the whole selection; on refusal keep everything the user typed."""
        for label in (self.date_error, self.reason_error, self.general_error):
            self._show(label, "")
        problem = self.date_edit.problem()
        if problem is not None:  # a typed text that is no day is not sent as "no date"
            field = QCoreApplication.translate("BatchExtendDialog", str(DATE_FIELD))
            self._show(self.date_error, f"{field}：{problem}")
            self.date_edit.edit.setFocus()
            return
        ids = [r.id for r in self.rows]
        actor, new_deadline, reason = self.actor, self.new_deadline(), self.reason()
        assert new_deadline is not None
        outcome = (
            Op(self, self.services, lambda s: s.hazards.extend_eligible(actor, ids, new_deadline, reason))
            .fields(self._refused)
            .run()
        )
        if outcome.value is None:
            return
        self.extended = len(outcome.value.extended)
        self.skipped = outcome.value.skipped
        self.accept()

    def _refused(self, errors: list[FieldError]) -> None:
        self._show_errors(errors)
        focus = self.date_edit if self.date_error.isVisible() else self.reason_edit
        focus.setFocus()
