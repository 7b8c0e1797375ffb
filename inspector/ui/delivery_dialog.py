"""登记送达: which documents of a visit were handed over, when, how, where and to whom.

The dialog collects a ``DeliveryInput``; ``try_submit`` makes the one service call through an op
(recording the deliveries and issuing the 文书送达回执) and keeps the receipt. A refusal stays in
the dialog — field errors under their fields, mapped by ``FieldError.field`` (the
``DeliveryInput`` attribute) — so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.documents import DeliveryInput, DocumentRow, IssuedDocument
from inspector.core.documents.delivery import LABELS, MAX_ROWS
from inspector.core.enums import DeliveryMethod
from inspector.core.errors import DomainError, ValidationError
from inspector.core.inspectors import InspectorRow
from inspector.ui.action_dialogs import ActionDialog
from inspector.ui.date_field import DateField
from inspector.ui.ops import Op
from inspector.ui.terms import term


class DeliveryDialog(ActionDialog):
    """Pick up to five undelivered documents of one visit and record their 送达."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        documents: Sequence[DocumentRow],
        inspectors: Sequence[InspectorRow],
        *,
        place: str = "",
        recipient: str = "",
        servers: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        # Not self.tr: the QObject does not exist before its __init__.
        super().__init__(
            QCoreApplication.translate("DeliveryDialog", "登记送达"), lambda _c, _p, _f: False, parent
        )
        self.services = services
        self.actor = actor
        self.receipt: IssuedDocument | None = None
        self.set_intro(
            self.tr("选择本次一并送达的文书（最多{n}份），登记后打印《文书送达回执》请收件人签名。").format(
                n=MAX_ROWS
            )
        )
        self.document_list = QListWidget()
        self.document_list.setObjectName("document_list")
        pending = [d for d in documents if d.delivered_on is None]
        for d in pending:
            item = QListWidgetItem(
                self.tr("{kind}　{number}（{day}）").format(
                    kind=d.kind, number=d.number, day=d.issued_on.strftime("%Y-%m-%d")
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if len(pending) <= MAX_ROWS else Qt.CheckState.Unchecked)
            self.document_list.addItem(item)
        line = self.document_list.fontMetrics().lineSpacing() + 8
        self.document_list.setFixedHeight(min(max(len(pending), 2), 6) * line + 6)
        self.add_field(term(LABELS["documents"]), self.document_list, required=True, field="document_ids")

        latest = max((d.issued_on for d in pending), default=None)
        self.date_edit = DateField(latest or self.today, allow_empty=False, today=self.today)
        self.date_edit.setObjectName("delivered_on")
        self.add_field(term(LABELS["delivered_on"]), self.date_edit, required=True, field="delivered_on")
        self.method_box = QComboBox()
        self.method_box.setObjectName("method")
        for m in DeliveryMethod:
            self.method_box.addItem(term(m.value), m.value)
        self.add_field(term(LABELS["method"]), self.method_box, required=True, field="method")
        self.place_edit = QLineEdit(place)
        self.place_edit.setObjectName("place")
        self.add_field(term(LABELS["place"]), self.place_edit, required=True, field="place")
        self.recipient_edit = QLineEdit(recipient)
        self.recipient_edit.setObjectName("recipient")
        self.add_field(
            term(LABELS["recipient"]),
            self.recipient_edit,
            required=True,
            hint=self.tr("签收文书的人"),
            field="recipient",
        )

        pair = QWidget()
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        self.server_boxes: list[QComboBox] = []
        chosen: list[int | None] = [*servers, None, None]
        for n in range(2):
            box = QComboBox()
            box.setObjectName(f"server{n + 1}")
            box.addItem(self.tr("（请选择）"), None)
            for person in inspectors:
                box.addItem(person.name, person.id)
            index = box.findData(chosen[n])
            box.setCurrentIndex(max(index, 0))
            row.addWidget(box, 1)
            self.server_boxes.append(box)
        self.add_field(
            term(LABELS["servers"]), pair, required=True, hint=self.tr("两名执法人员"), field="server_ids"
        )
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.add_field(term(LABELS["note"]), self.note_edit, field="note")
        self.setMinimumWidth(560)

    def selected_ids(self) -> list[int]:
        out = []
        for i in range(self.document_list.count()):
            item = self.document_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def delivery_input(self) -> DeliveryInput:
        servers = [box.currentData() for box in self.server_boxes]
        return DeliveryInput(
            document_ids=self.selected_ids(),
            delivered_on=self.date_edit.value(),
            method=self.method_box.currentData(),
            place=self.place_edit.text(),
            recipient=self.recipient_edit.text(),
            server_ids=[int(s) for s in servers if s is not None],
            note=self.note_edit.text(),
        )

    def try_submit(self) -> bool:
        """Record the delivery; close only when the core accepted it."""
        self.clear_errors()
        data = self.delivery_input()
        actor = self.actor
        outcome = (
            Op(self, self.services, lambda s: s.documents.deliver(actor, data), title=self.windowTitle())
            .fields(self.show_field_errors)
            .failure(self._refused)
            .run()
        )
        if outcome.value is None:
            return False
        self.receipt = outcome.value
        self.accept()
        return True

    def _refused(self, error: BaseException) -> bool:
        """A refusal not about a field also stays at the bottom; the default message tells it."""
        if isinstance(error, DomainError) and not isinstance(error, ValidationError):
            self.show_message(error.message)
        return False
