"""新增检查人员 / 编辑检查人员: the form in a dialog that saves through one op.

The dialog stays open with everything typed when the core refuses: its field messages appear
under the fields, a taken 执法证号 under that field and in a warning.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.inspectors import InspectorInput
from inspector.ui.inspector_form import InspectorForm, registry_units
from inspector.ui.ops import Op


def _load(s: Services, inspector_id: int | None) -> tuple[list[str], InspectorInput | None]:
    units = registry_units(s)
    return units, s.inspectors.get(inspector_id) if inspector_id is not None else None


class InspectorEditDialog(QDialog):
    """``saved(id)`` after a successful save; ``loaded`` is False when the person could not be read
    (the reason was already shown) and the dialog should not be opened."""

    saved = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        inspector_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.inspector_id = inspector_id
        self.setModal(True)
        title = self.tr("新增检查人员") if inspector_id is None else self.tr("编辑检查人员")
        self.setWindowTitle(title)
        outcome = Op(parent, services, lambda s: _load(s, inspector_id), title=title).run()
        self.loaded = outcome.ok
        units, data = outcome.value if outcome.value is not None else ([], None)

        root = QVBoxLayout(self)
        root.setSpacing(12)
        self.form = InspectorForm(units)
        root.addWidget(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        if data is not None:
            self.form.load(data)
            self.setWindowTitle(self.tr("编辑检查人员 — {name}").format(name=data.name))
        self.save_button.setEnabled(self.loaded)
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())

    def _save(self) -> None:
        if self.form.show_all():
            return
        data = self.form.data()
        actor, inspector_id = self.actor, self.inspector_id

        def save(s: Services) -> int:
            if inspector_id is None:
                return s.inspectors.create(actor, data)
            s.inspectors.update(actor, inspector_id, data)
            return inspector_id

        outcome = (
            Op(self, self.services, save)
            .fields(self.form.show_field_errors)
            .failure(self.form.show_duplicate)
            .run()
        )
        if outcome.value is None:
            return
        self.inspector_id = outcome.value
        self.saved.emit(outcome.value)
        self.accept()
