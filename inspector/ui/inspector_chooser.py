"""选择当前检查人员: who is working now, asked at start-up and under 切换检查人员.

The choice is remembered in the settings file, so a returning inspector is not asked again; a
newcomer with an empty registry registers right in the chooser (its first-run page) and starts
working in one step. On a team server whose login belongs to a person, that person works: no
chooser at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import SYSTEM, Actor
from inspector.core.context import Services
from inspector.core.errors import NotFoundError, PermissionDenied
from inspector.core.inspectors import LABELS, InspectorRow
from inspector.ui.inspector_form import InspectorForm, registry_units
from inspector.ui.inspector_registry import InspectorRegistryDialog
from inspector.ui.inspector_table import person_cells, person_table
from inspector.ui.ops import Op
from inspector.ui.settings import Settings
from inspector.ui.style import MUTED_TEXT_STYLE, icon
from inspector.ui.terms import term


def _gone(error: BaseException) -> bool:
    """A remembered inspector removed or deactivated since: not an error, just ask again."""
    return isinstance(error, (NotFoundError, PermissionDenied))


@dataclass(frozen=True)
class _Roster:
    active: list[InspectorRow]
    any_inactive: bool
    units: list[str]


def _read(s: Services) -> _Roster:
    everyone = s.inspectors.list(active_only=False)
    return _Roster(
        [row for row in everyone if row.active],
        any(not row.active for row in everyone),
        registry_units(s),
    )


class ChooseInspectorDialog(QDialog):
    """After ``accepted``, ``chosen_id`` is the inspector who is working now.

    With no active inspector in the registry it shows a first-run form instead of an empty list.
    """

    LIST_PAGE = 0
    FIRST_RUN_PAGE = 1

    def __init__(self, services: Services, remembered_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.remembered_id = remembered_id
        self.chosen_id: int = 0
        self.registry: InspectorRegistryDialog | None = None
        self._rows: list[InspectorRow] = []
        self.setWindowTitle(self.tr("选择当前检查人员"))
        self.setModal(True)
        self._build()
        self.reload()
        if self.is_first_run():  # a short form: no empty half-window under it
            self.resize(620, self.sizeHint().height() + 20)
        else:
            self.resize(640, 440)

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(10)
        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)

        # page 0: choose from the list
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        heading = QLabel(self.tr("请选择您本人"))
        heading.setObjectName("PageTitle")
        lay.addWidget(heading)
        explain = QLabel(
            self.tr("检查记录、隐患整改和执法文书都会记在所选人员名下。双击姓名或选中后点“确定”。")
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(MUTED_TEXT_STYLE)
        lay.addWidget(explain)
        self.table = person_table(
            [term(LABELS["name"]), term(LABELS["certificate_no"]), term(LABELS["unit"]), term(LABELS["role"])]
        )
        self.table.setObjectName("chooser_table")
        hh = self.table.horizontalHeader()
        for i, width in enumerate((100, 150, 200, 100)):
            hh.resizeSection(i, width)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _i: self._choose())
        lay.addWidget(self.table, 1)
        self.stack.addWidget(page)

        # page 1: first run, register oneself
        first = QWidget()
        flay = QVBoxLayout(first)
        flay.setContentsMargins(0, 0, 0, 0)
        flay.setSpacing(10)
        welcome = QLabel(self.tr("欢迎使用！请先登记您本人"))
        welcome.setObjectName("PageTitle")
        flay.addWidget(welcome)
        self.first_run_note = QLabel()
        self.first_run_note.setWordWrap(True)
        self.first_run_note.setStyleSheet(MUTED_TEXT_STYLE)
        flay.addWidget(self.first_run_note)
        self.first_form = InspectorForm()
        self.first_form.setObjectName("first_run_form")
        self.first_form.changed.connect(self._update_buttons)
        flay.addWidget(self.first_form)
        flay.addStretch(1)
        self.stack.addWidget(first)

        bottom = QHBoxLayout()
        self.manage_button = QPushButton(self.tr("管理检查人员…"))
        self.manage_button.setObjectName("manage_button")
        self.manage_button.clicked.connect(self.open_registry)
        bottom.addWidget(self.manage_button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ok_button.clicked.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        root.addLayout(bottom)

    def reload(self) -> None:
        """Active inspectors, supervisors marked; the remembered (or previous) one selected."""
        keep = self.selected_id() or self.remembered_id
        Op(self, self.services, _read, title=self.windowTitle()).success(
            lambda roster: self._show(roster, keep)
        ).run()

    def _show(self, roster: _Roster, keep: int | None) -> None:
        self._rows = roster.active
        self.table.setRowCount(len(self._rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self._rows):
            cells = person_cells(row, bold)
            cells[0].setIcon(icon("person"))
            for c, item in enumerate(cells):
                self.table.setItem(r, c, item)
        self.table.clearSelection()
        index = next((r for r, row in enumerate(self._rows) if row.id == keep), 0 if self._rows else -1)
        if index >= 0:
            self.table.selectRow(index)
            self.table.setFocus()
        if self._rows:
            self.stack.setCurrentIndex(self.LIST_PAGE)
            self.ok_button.setText(self.tr("确定"))
        else:
            self.stack.setCurrentIndex(self.FIRST_RUN_PAGE)
            self.ok_button.setText(self.tr("登记并开始使用"))
            self._offer_units(roster.units)
            note = self.tr(
                "名册里还没有在岗的检查人员。填写下面几项即可开始使用；以后可在“管理检查人员…”中登记同事。"
            )
            if roster.any_inactive:
                note += self.tr("也可以在“管理检查人员…”中恢复已停用的人员。")
            note += self.tr("登记科室负责人后，名册只能由科室负责人维护。")
            self.first_run_note.setText(note)
            self.first_form.name_edit.setFocus()
        self._update_buttons()

    def _offer_units(self, units: list[str]) -> None:
        """The units of people who have left, as suggestions (what is typed stays)."""
        combo = self.first_form.unit_combo
        text = combo.currentText()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItems(units)
            combo.setCurrentIndex(-1)
            combo.setEditText(text)
        finally:
            combo.blockSignals(False)

    def is_first_run(self) -> bool:
        return self.stack.currentIndex() == self.FIRST_RUN_PAGE

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not (0 <= rows[0].row() < len(self._rows)):
            return None
        return self._rows[rows[0].row()].id

    def select_id(self, inspector_id: int) -> bool:
        for r, row in enumerate(self._rows):
            if row.id == inspector_id:
                self.table.selectRow(r)
                return True
        return False

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(self.is_first_run() or self.selected_id() is not None)

    def _choose(self) -> None:
        if self.is_first_run():
            self._register_self()
            return
        inspector_id = self.selected_id()
        if inspector_id is None:
            return
        # still there and active? (someone may have deactivated them meanwhile)
        outcome = Op(self, self.services, lambda s: s.inspectors.actor_for(inspector_id)).run()
        if not outcome.ok:
            self.reload()
            return
        self.chosen_id = inspector_id
        self.accept()

    def _register_self(self) -> None:
        form = self.first_form
        if form.show_all():
            return
        data = form.data()
        actor = Actor(id=None, name=data.cleaned().name or SYSTEM.name)
        outcome = (
            Op(self, self.services, lambda s: s.inspectors.create(actor, data), title=self.tr("无法登记"))
            .fields(form.show_field_errors)
            .failure(form.show_duplicate)
            .run()
        )
        if outcome.value is None:
            return
        self.chosen_id = outcome.value
        self.accept()

    def registry_actor(self) -> Actor:
        """Who manages the registry from here: the selected inspector (a supervisor may edit)."""
        inspector_id = self.selected_id() or self.remembered_id
        if inspector_id is None:
            return SYSTEM
        outcome = Op(self, self.services, lambda s: s.inspectors.actor_for(inspector_id)).failure(_gone).run()
        return outcome.value if outcome.value is not None else SYSTEM

    def open_registry(self) -> InspectorRegistryDialog:
        """The registry over the chooser; the list is re-read when it closes."""
        dialog = InspectorRegistryDialog(self.services, self.registry_actor(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._registry_closed)
        self.registry = dialog
        dialog.open()
        return dialog

    def _registry_closed(self, _result: int) -> None:
        self.registry = None
        self.reload()


# -- start-up -------------------------------------------------------------------------------------------
def remembered_inspector_id(settings: Settings | None) -> int | None:
    return settings.current_inspector_id() if settings is not None else None


def remember_inspector_id(settings: Settings | None, inspector_id: int) -> None:
    if settings is not None:
        settings.set_current_inspector_id(inspector_id)


def choose_current_inspector(
    parent: QWidget | None, services: Services, settings: Settings | None, ask: bool = False
) -> Actor | None:
    """Who works now: the remembered inspector if still active (unless ``ask``), else the chooser.

    Returns None when the user cancels the chooser; the choice is remembered in ``settings``.
    """
    own = Op(parent, services, lambda s: s.inspectors.login_actor()).run()
    if not own.ok:  # this login's person was deactivated: already said why
        return None
    if own.value is not None:  # a team server login that belongs to a person: that person works
        return own.value
    remembered = remembered_inspector_id(settings)
    if remembered is not None and not ask:
        known = Op(parent, services, lambda s: s.inspectors.actor_for(remembered)).failure(_gone).run()
        if known.value is not None:
            return known.value
    dialog = ChooseInspectorDialog(services, remembered, parent)
    try:
        dialog.exec()
        if dialog.result() != QDialog.DialogCode.Accepted.value or not dialog.chosen_id:
            return None
        chosen = dialog.chosen_id
        outcome = Op(parent, services, lambda s: s.inspectors.actor_for(chosen)).run()
        if outcome.value is None:
            return None
        remember_inspector_id(settings, chosen)
        return outcome.value
    finally:
        dialog.deleteLater()
