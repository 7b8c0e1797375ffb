"""The 整改方案（五到位） form of the hazard pane: the five elements typed in place.

A hazard without all five in place (责任, 措施, 资金, 时限, 预案) cannot be under rectification, so
the form ticks each element as it fills (the core's ``five_in_place`` says which are missing). It
is its own module because it has state the pane has not: typed but unsaved text (``dirty``),
editability by the hazard's state, errors under its fields. It makes no service call: 保存整改方案
asks the pane (``save_requested``), which runs the op and hands back what the core refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from inspector.core.errors import FieldError
from inspector.core.hazards import HazardDetail as HazardDetailData
from inspector.core.lifecycle import (
    FIVE_IN_PLACE,
    PLAN_LABELS,
    PlanIncompleteError,
    PlanInput,
    five_in_place,
    missing_elements,
)
from inspector.core.validation import listed
from inspector.ui.date_field import DateField, date_errors
from inspector.ui.style import (
    DONE_TINT,
    ERROR_COLOUR,
    MISSING_TINT,
    MUTED_COLOUR,
    OK_COLOUR,
    READ_ONLY_FIELDS,
    chip_style,
    text_style,
)
from inspector.ui.terms import term
from inspector.ui.widgets import FlowLayout, Section, place_field_errors, text_edit

PLAN_FIELDS = ("responsible_unit", "responsible_person", "measures", "funds", "deadline", "contingency")


def money_text(value: Decimal | None) -> str:
    """Yuan as typed: 3000, 12.5 (no trailing zeros)."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class PlanEditor(Section):
    """The form; ``inputs``/``errors`` by PlanInput attribute, ``element_chips`` by element name."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("整改方案（五到位）"), "plan_box", parent)
        self.dirty = False  # typed since the last fill: a reload keeps the typing
        self._loading = False
        self._shown: HazardDetailData | None = None
        self._editable = False
        self._rectifying = False
        self._on_spot = False
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.element_chips: dict[str, QLabel] = {}
        self._chips_row()
        self._form()
        self._buttons()
        self.setStyleSheet(READ_ONLY_FIELDS)

    # -- building -------------------------------------------------------------------------------
    def _chips_row(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.chips_box = box = QWidget()  # the chips wrap onto a second line where the pane is too narrow
        chips = FlowLayout(box, spacing=6)
        for element in (e.name for e in FIVE_IN_PLACE):
            c = QLabel()
            c.setObjectName(f"element_{element}")
            c.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            chips.addWidget(c)
            self.element_chips[element] = c
        row.addWidget(box, 1)
        self.status = QLabel()
        self.status.setObjectName("plan_status")
        self.status.setWordWrap(True)  # the 立查立改 line is long; 尚缺 N 项 is kept whole (update_state)
        row.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(row)

    def _form(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        unit = QLineEdit()
        unit.setMaxLength(200)
        unit.setPlaceholderText(self.tr("如：生产部"))
        person = QLineEdit()
        person.setMaxLength(50)
        person.setPlaceholderText(self.tr("姓名"))
        funds = QLineEdit()
        funds.setPlaceholderText(self.tr("无需资金填 0"))
        funds.setMaximumWidth(160)
        measures = text_edit(3, self.tr("具体整改措施"))
        contingency = text_edit(2, self.tr("整改完成前的应急预案或临时防范措施"))
        deadline = DateField()
        widgets: dict[str, QWidget] = {
            "responsible_unit": unit,
            "responsible_person": person,
            "measures": measures,
            "funds": funds,
            "deadline": deadline,
            "contingency": contingency,
        }
        self.deadline_hint = QLabel(self.tr("整改中变更时限请用“延期”"))
        self.deadline_hint.setStyleSheet(text_style(MUTED_COLOUR))
        self.deadline_hint.setWordWrap(True)
        beside = {"funds": QLabel(self.tr("元")), "deadline": self.deadline_hint}
        for n, key in enumerate(PLAN_FIELDS):
            widget = widgets[key]
            widget.setObjectName(f"plan_{key}")
            caption = QLabel(term(PLAN_LABELS[key]))
            caption.setBuddy(widget)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if isinstance(widget, QPlainTextEdit):
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setContentsMargins(0, 4, 0, 0)
            field = widget
            if key in beside:  # a short field with a word after it
                field = QWidget()
                lay = QHBoxLayout(field)
                lay.setContentsMargins(0, 0, 0, 0)
                lay.addWidget(widget)
                lay.addWidget(beside[key])
                lay.addStretch(1)
            error = QLabel()
            error.setObjectName(f"plan_error_{key}")
            error.setWordWrap(True)
            error.setStyleSheet(text_style(ERROR_COLOUR))
            error.hide()
            grid.addWidget(caption, 2 * n, 0)
            grid.addWidget(field, 2 * n, 1)
            grid.addWidget(error, 2 * n + 1, 1)
            self.inputs[key] = widget
            self.errors[key] = error
        self.body.addLayout(grid)
        self._placeholders = {
            k: w.placeholderText() for k, w in widgets.items() if isinstance(w, QLineEdit | QPlainTextEdit)
        }
        for key, line in (("responsible_unit", unit), ("responsible_person", person), ("funds", funds)):
            line.textChanged.connect(lambda _t, k=key: self._edited(k))
        for key, text in (("measures", measures), ("contingency", contingency)):
            text.textChanged.connect(lambda k=key: self._edited(k))
        deadline.changed.connect(lambda: self._edited("deadline"))

    def _buttons(self) -> None:
        self.read_only_note = QLabel(self.tr("该隐患已不能修改整改方案（只读）"))
        self.read_only_note.setObjectName("plan_read_only")
        self.read_only_note.setStyleSheet(text_style(MUTED_COLOUR))
        self.read_only_note.setWordWrap(True)
        self.read_only_note.hide()
        self.body.addWidget(self.read_only_note)
        self.message = QLabel()
        self.message.setObjectName("plan_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(text_style(ERROR_COLOUR))
        self.message.hide()
        self.body.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.revert_button.setObjectName("revert_plan_button")
        self.revert_button.clicked.connect(self.revert)
        buttons.addWidget(self.revert_button)
        self.save_button = QPushButton(self.tr("保存整改方案"))
        self.save_button.setObjectName("save_plan_button")
        self.save_button.clicked.connect(self.save_requested)
        buttons.addWidget(self.save_button)
        self.body.addLayout(buttons)

    # -- typed widgets --------------------------------------------------------------------------
    def _line(self, key: str) -> QLineEdit:
        w = self.inputs[key]
        assert isinstance(w, QLineEdit)
        return w

    def _text(self, key: str) -> QPlainTextEdit:
        w = self.inputs[key]
        assert isinstance(w, QPlainTextEdit)
        return w

    def _date(self) -> DateField:
        w = self.inputs["deadline"]
        assert isinstance(w, DateField)
        return w

    def unreadable(self) -> list[FieldError]:
        """The deadline's text when it is no day (the form is not sent with it)."""
        return date_errors({"deadline": self._date()})

    # -- the plan -------------------------------------------------------------------------------
    def plan_input(self) -> PlanInput:
        """The form as the core's PlanInput (funds as typed: the core parses and names errors)."""
        funds = self._line("funds").text().strip()
        return PlanInput(
            responsible_unit=self._line("responsible_unit").text(),
            responsible_person=self._line("responsible_person").text(),
            measures=self._text("measures").toPlainText(),
            funds=funds or None,
            deadline=self._date().value(),
            contingency=self._text("contingency").toPlainText(),
        )

    def fill(self, d: HazardDetailData) -> None:
        """Show the saved plan of ``d`` (dropping any typing) and no errors."""
        self._shown = d
        p = d.plan_input()
        self._loading = True
        try:
            self._line("responsible_unit").setText(p.responsible_unit)
            self._line("responsible_person").setText(p.responsible_person)
            self._text("measures").setPlainText(p.measures)
            funds = p.funds if isinstance(p.funds, Decimal) or p.funds is None else Decimal(str(p.funds))
            self._line("funds").setText(money_text(funds))
            self._date().set_value(d.deadline)
            self._text("contingency").setPlainText(p.contingency)
        finally:
            self._loading = False
        self.dirty = False
        self.clear_errors()

    def move_deadline(self, deadline: date | None) -> None:
        """The deadline moved (延期, a failed 复查) while the user types: the typed rest stays."""
        self._loading = True
        try:
            self._date().set_value(deadline)
        finally:
            self._loading = False

    def set_mode(self, *, editable: bool, rectifying: bool, on_spot: bool) -> None:
        """Editable while the core offers 保存整改方案; 整改中 moves the deadline only by 延期."""
        self._editable, self._rectifying, self._on_spot = editable, rectifying, on_spot
        self.update_state()

    def revert(self) -> None:
        """撤销修改: back to the saved plan."""
        if self._shown is not None:
            self.fill(self._shown)
        self.dirty = False
        self.update_state()

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.dirty = True
        self._clear_error(key)
        self.update_state()

    def _clear_error(self, key: str) -> None:
        """A field's red message goes once the field is filled again: what it said is stale."""
        label = self.errors[key]
        if label.isVisible() or label.text():
            label.clear()
            label.hide()
        if not any(e.text() for e in self.errors.values()):
            self.show_message("")

    def update_state(self) -> None:
        """Chips ✓/✗ per element from the core's ``five_in_place``; editability per state."""
        states = five_in_place(self.plan_input())
        missing = missing_elements(states)  # the ✗ chips, counted by the core
        for st in states:
            c = self.element_chips[st.name]
            if st.missing:
                c.setText(f"✗ {term(st.name)}")
                c.setToolTip(self.tr("{fields}未填写").format(fields=listed(st.missing)))
                c.setStyleSheet(chip_style(MISSING_TINT, ERROR_COLOUR, narrow=True))
            else:
                c.setText(f"✓ {term(st.name)}")
                c.setToolTip(self.tr("已落实"))
                c.setStyleSheet(chip_style(DONE_TINT, OK_COLOUR, narrow=True))
            c.setProperty("complete", not st.missing)
            c.setVisible(not self._on_spot)
        self.chips_box.setVisible(not self._on_spot)
        if self._on_spot:
            self.status.setText(self.tr("立查立改：当场整改销号，无需制定整改方案"))
        elif missing:
            self.status.setText(self.tr("尚缺 {n} 项").format(n=missing))
        else:
            self.status.setText(self.tr("五到位齐全"))
        self.status.setStyleSheet(text_style(OK_COLOUR if self._on_spot or not missing else MUTED_COLOUR))
        # Beside the chips the status is short and kept on one line; alone it may wrap.
        whole = self.status.fontMetrics().horizontalAdvance(self.status.text()) + 2
        self.status.setMinimumWidth(0 if self._on_spot else whole)
        editable = self._editable
        for key, w in self.inputs.items():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(not editable)
                w.setPlaceholderText(self._placeholders.get(key, "") if editable else "")
            elif isinstance(w, DateField):
                w.set_read_only(not editable or (key == "deadline" and self._rectifying))
        for w in (*self.inputs.values(), self._date().edit):  # read-only fields look read-only
            w.style().unpolish(w)
            w.style().polish(w)
        self.read_only_note.setVisible(not editable and not self._on_spot)
        self.deadline_hint.setVisible(editable and self._rectifying)
        self.save_button.setVisible(editable)
        self.save_button.setEnabled(self.dirty)
        self.revert_button.setVisible(editable and self.dirty)

    # -- what the core said ---------------------------------------------------------------------
    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self.show_message("")

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_field_errors(self, errors: Sequence[FieldError]) -> None:
        """Field errors under their fields, the rest above the buttons."""
        self.show_message("\n".join(place_field_errors(errors, self.errors)))

    def show_incomplete(self, error: PlanIncompleteError) -> None:
        """开始整改 refused: each missing element marked under its field, the reason above the buttons."""
        for field, label in zip(error.fields, error.missing, strict=True):
            if field in self.errors:
                self.errors[field].setText(self.tr("{field}未填写").format(field=term(label)))
                self.errors[field].show()
        self.show_message(error.message)
