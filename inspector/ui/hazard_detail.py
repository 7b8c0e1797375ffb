"""The hazard detail pane: one hazard carried through the closed loop (闭环管理).

It sits right of the hazard list (隐患台账). Everything it shows comes from one load op
(``HazardService.detail`` and ``actions``, the hazard's documents, the visit that found it); every
button is one op (one transaction) with the version shown, so a change someone else saved first
is refused (ConcurrentEditError) and the pane reloads. The buttons offered are exactly
``HazardService.actions(id, actor)``: the rules live in the core, the pane only shows them.

The pane composes its sections — ``HazardHeader``, ``ActionBar``, ``PlanEditor`` (五到位), ``ReviewHistory`` and
``HazardTimeline``, ``HazardDocuments`` — and keeps what ties them together: the facts, the
photos and the ops.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.documents import DocumentRow
from inspector.core.enums import DocumentKind, HazardState, PhotoPhase
from inspector.core.errors import ConcurrentEditError, FieldError
from inspector.core.hazards import HazardDetail as HazardDetailData
from inspector.core.inspections import InspectionDetail
from inspector.core.lifecycle import (
    Action,
    Command,
    PlanIncompleteError,
    SavePlan,
    StartRectification,
    UndoStart,
    may_close,
)
from inspector.core.photos import PhotoInput
from inspector.ui.action_dialogs import (
    ActionDialog,
    AddNoteDialog,
    EditDetailsDialog,
    ExtendDialog,
    OnsiteMeasuresDialog,
    RaiseToMajorDialog,
    RectifyOnSpotDialog,
    ReportDoneDialog,
    ReviewDialog,
    ShowFields,
    action_label,
)
from inspector.ui.hazard_actions import ActionBar
from inspector.ui.hazard_documents import HazardDocuments
from inspector.ui.hazard_header import HazardHeader
from inspector.ui.hazard_plan import PlanEditor
from inspector.ui.hazard_timeline import HazardTimeline, ReviewHistory
from inspector.ui.ops import Op
from inspector.ui.photo_strip import PhotoStrip
from inspector.ui.style import BODY_COLOUR, MUTED_COLOUR, icon, text_style
from inspector.ui.terms import term
from inspector.ui.widgets import Section

PANE_MIN_WIDTH = 460
PANE_WIDTH = 520

Refusal = Callable[[BaseException], bool]


@dataclass(frozen=True)
class _Loaded:
    """What one load op reads for the pane (on the database worker)."""

    detail: HazardDetailData
    offered: list[Action]
    documents: list[DocumentRow]
    inspection: InspectionDetail | None  # None: not found on a visit, or already cached


class HazardDetail(QWidget):
    """One hazard and its closed loop. Call ``show_hazard(id)``; ``None`` shows a placeholder.

    Signals: ``changed(hazard_id)`` after any successful action (the list refreshes its rows);
    ``print_requested(kind_value, target_id)`` for 整改指令书 (inspection id) and 复查意见书
    (hazard id), with DocumentKind values — the main window does the printing;
    ``print_review_requested(hazard_id, reinspection_id)`` for one particular 复查.
    """

    changed = Signal(int)
    print_requested = Signal(str, int)
    print_review_requested = Signal(int, int)

    def __init__(self, services: Services, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.hazard_id: int | None = None
        self.data: HazardDetailData | None = None
        self.offered: list[Action] = []
        self.dialog: ActionDialog | None = None  # the action dialog open now
        self._spent_dialog: ActionDialog | None = None
        self._inspection_cache: dict[int, str] = {}
        self._build()
        self.setMinimumWidth(PANE_MIN_WIDTH)
        self.show_hazard(None)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setWidth(PANE_WIDTH)
        return hint

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        root.addWidget(self.stack)

        self.placeholder = QLabel(
            self.tr("在左侧列表中选择一个隐患，\n这里显示它的整改方案、处理按钮和全过程记录。")
        )
        self.placeholder.setObjectName("PlaceholderText")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        shown = QWidget()
        shown_layout = QVBoxLayout(shown)
        shown_layout.setContentsMargins(0, 0, 0, 0)
        shown_layout.setSpacing(0)
        shown_layout.addWidget(self._toolbar())
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("hazard_detail_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("hazard_detail_content")
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(12, 10, 12, 12)
        self.content_layout.setSpacing(10)
        self.scroll_area.setWidget(content)
        shown_layout.addWidget(self.scroll_area, 1)
        self.shown_page = shown
        self.stack.addWidget(shown)

        self.header = HazardHeader()
        self.bar = ActionBar()
        self.bar.triggered.connect(self.run_action)
        self.action_buttons = self.bar.buttons
        self.plan = PlanEditor()
        self.plan.save_requested.connect(self.save_plan)
        self.reviews = ReviewHistory()
        self.reviews.print_review.connect(self._print_one_review)
        self.timeline = HazardTimeline()
        self.documents = HazardDocuments()
        self.documents.print_order.connect(self._print_order)
        self.documents.print_review.connect(self._print_review)
        self.content_layout.addWidget(self.header)
        self.content_layout.addWidget(self.bar)
        self.content_layout.addWidget(self._facts_box())
        self.content_layout.addWidget(self.plan)
        self.content_layout.addWidget(self._photos_box())
        self.content_layout.addWidget(self.reviews)
        self.content_layout.addWidget(self.timeline)
        self.content_layout.addWidget(self.documents)
        self.content_layout.addStretch(1)

    def _toolbar(self) -> QWidget:
        """Always in view above the scrolled sections: the print buttons, and 撤销 right after
        开始整改 (the sections below scroll; these do not)."""
        bar = QWidget()
        bar.setObjectName("hazard_toolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 4)
        row.setSpacing(6)
        self.undo_label = QLabel()
        self.undo_label.setObjectName("undo_label")
        self.undo_label.setStyleSheet(text_style(MUTED_COLOUR))
        self.undo_label.hide()
        row.addWidget(self.undo_label)
        self.undo_button = QPushButton(self.tr("撤销"))
        self.undo_button.setObjectName("undo_start_button")
        self.undo_button.setToolTip(self.tr("退回“待整改”（整改方案保留）"))
        self.undo_button.clicked.connect(self.undo_start)
        self.undo_button.hide()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        self.top_order_button = QPushButton(icon("print"), self.tr("打印整改指令书"))
        self.top_order_button.setObjectName("top_print_order_button")
        self.top_order_button.clicked.connect(self._print_order)
        row.addWidget(self.top_order_button)
        self.top_review_button = QPushButton(icon("print"), self.tr("打印复查意见书"))
        self.top_review_button.setObjectName("top_print_review_button")
        self.top_review_button.clicked.connect(self._print_review)
        row.addWidget(self.top_review_button)
        return bar

    def _facts_box(self) -> QWidget:
        box = Section(self.tr("隐患信息"), "facts_box")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.fact_labels: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(
            (
                ("location", self.tr("隐患部位")),
                ("description", self.tr("隐患描述")),
                ("category", self.tr("隐患类别")),
                ("legal_basis", self.tr("依据")),
                ("source", self.tr("隐患来源")),
                ("onsite", self.tr("现场处理措施")),
                ("notes", self.tr("备注")),
            )
        ):
            name = QLabel(caption)
            name.setStyleSheet(text_style(MUTED_COLOUR))
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.fact_labels[key] = value
            self.fact_labels[f"{key}_caption"] = name
        box.body.addLayout(grid)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.onsite_button = QPushButton(action_label(Action.ONSITE_MEASURES) + "…")
        self.onsite_button.setObjectName("onsite_button")
        self.onsite_button.setToolTip(
            self.tr("撤出作业人员、暂时停产停业或停止使用设施设备（现场处理措施决定书）")
        )
        self.onsite_button.clicked.connect(lambda: self.run_action(Action.ONSITE_MEASURES))
        buttons.addWidget(self.onsite_button)
        self.edit_button = QPushButton(icon("edit"), action_label(Action.EDIT))
        self.edit_button.setObjectName("edit_button")
        self.edit_button.clicked.connect(lambda: self.run_action(Action.EDIT))
        buttons.addWidget(self.edit_button)
        box.body.addLayout(buttons)
        return box

    def _photos_box(self) -> QWidget:
        box = Section(self.tr("隐患照片"), "photos_box")
        self.photo_strips: dict[str, PhotoStrip] = {}
        for phase in (PhotoPhase.BEFORE.value, PhotoPhase.AFTER.value):
            caption = QLabel(term(phase))
            caption.setStyleSheet(text_style(BODY_COLOUR, bold=True))
            box.body.addWidget(caption)
            strip = PhotoStrip(phase, editable=True)
            strip.setObjectName(f"photos_{phase}")
            strip.changed.connect(self._photos_edited)
            box.body.addWidget(strip)
            self.photo_strips[phase] = strip
        row = QHBoxLayout()
        self.photos_hint = QLabel()
        self.photos_hint.setStyleSheet(text_style(MUTED_COLOUR))
        row.addWidget(self.photos_hint, 1)
        self.save_photos_button = QPushButton(self.tr("保存新照片"))
        self.save_photos_button.setObjectName("save_photos_button")
        self.save_photos_button.clicked.connect(self.save_photos)
        row.addWidget(self.save_photos_button)
        box.body.addLayout(row)
        return box

    # -- loading ----------------------------------------------------------------------------------
    def actor(self) -> Actor:
        return self._actor()

    def show_hazard(self, hazard_id: int | None) -> None:
        """Show one hazard (None: the placeholder).

        Unsaved plan edits and photos belong to the hazard they were made for: switching to
        another hazard drops them (call ``confirm_discard`` first to ask the user). Reloading the
        same hazard keeps them.
        """
        previous = self.data
        another = hazard_id != self.hazard_id
        if another:
            self._offer_undo(False)
            self.plan.dirty = False
            previous = None
            for strip in self.photo_strips.values():
                strip.clear_pending()
            self.plan.clear_errors()
        self.hazard_id = hazard_id
        if hazard_id is None:
            self._show_placeholder()
            return
        actor = self.actor()
        cached = self._inspection_cache

        def load(s: Services) -> _Loaded:
            d = s.hazards.detail(hazard_id)
            iid = d.inspection_id
            visit = s.inspections.get(iid) if iid is not None and iid not in cached else None
            return _Loaded(d, s.hazards.actions(hazard_id, actor), s.documents.of_hazard(hazard_id), visit)

        outcome = Op(self, self.services, load, title=self.tr("隐患详情")).failure(self._not_shown).run()
        if outcome.value is None:
            return
        loaded = outcome.value
        if loaded.inspection is not None:
            i = loaded.inspection
            names = "、".join(p.name for p in i.inspectors)
            cached[i.id] = self.tr("检查：{day} {kind}（{names}）").format(
                day=i.inspected_on.isoformat(), kind=term(i.kind), names=names
            )
        self.data, self.offered = loaded.detail, loaded.offered
        self._fill(loaded, previous)
        self.stack.setCurrentWidget(self.shown_page)
        # Lay out now, not on the next event loop pass: buttons shown just now get their size
        # at once (a click or a screenshot right after an action sees the finished pane).
        self.content_layout.activate()
        if another:  # another hazard is read from its top, not at the last one's scroll position
            self.scroll_area.verticalScrollBar().setValue(0)

    def _show_placeholder(self) -> None:
        self.hazard_id, self.data, self.offered = None, None, []
        self.stack.setCurrentWidget(self.placeholder)

    def _not_shown(self, _error: BaseException) -> bool:
        """The hazard could not be read (e.g. deleted on the team server): the placeholder; the
        op's default message says why."""
        self._show_placeholder()
        return False

    def reload(self) -> None:
        """Fetch the shown hazard again (after an action, or someone else's change)."""
        scroll = self.scroll_area.verticalScrollBar().value()
        self.show_hazard(self.hazard_id)
        self.scroll_area.verticalScrollBar().setValue(scroll)

    def has_unsaved_changes(self) -> bool:
        """Typed plan edits or photos not yet saved (the main window may ask before switching)."""
        return self.plan.dirty or any(s.pending_count() for s in self.photo_strips.values())

    def confirm_discard(self) -> bool:
        """Before showing another hazard: True when nothing is unsaved or the user agrees to drop it."""
        if self.data is None or not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("隐患 {number} 的整改方案或照片尚未保存，是否放弃这些修改？").format(
                number=self.data.number
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _fill(self, loaded: _Loaded, previous: HazardDetailData | None) -> None:
        d = loaded.detail
        found_by = self._inspection_cache.get(d.inspection_id, "") if d.inspection_id is not None else ""
        self.header.show_hazard(d, found_by)
        self.bar.show_offered(self.offered)
        self._fill_facts(d)
        if not self.plan.dirty:
            self.plan.fill(d)
        elif previous is not None and previous.deadline != d.deadline:
            self.plan.move_deadline(d.deadline)  # moved by 延期 / 复查: the typed rest stays
        self.plan.set_mode(
            editable=Action.SAVE_PLAN in self.offered,
            rectifying=d.state == HazardState.RECTIFYING,
            on_spot=d.rectified_on_spot,
        )
        self._fill_photos(d)
        self.reviews.show_hazard(d)
        self.timeline.show_hazard(d)
        self.documents.show_hazard(d, loaded.documents)
        for top, below in (
            (self.top_order_button, self.documents.order_button),
            (self.top_review_button, self.documents.review_button),
        ):
            top.setVisible(not below.isHidden())
            top.setEnabled(below.isEnabled())
            top.setToolTip(below.toolTip())

    def _fill_facts(self, d: HazardDetailData) -> None:
        f = self.fact_labels
        f["location"].setText(d.location)
        f["description"].setText(d.description)
        category = term(d.category)
        f["category"].setText(f"{category} / {term(d.subcategory)}" if d.subcategory else category)
        f["legal_basis"].setText(d.legal_basis or self.tr("（未填写）"))
        f["source"].setText(term(d.source))
        f["onsite"].setText(self.tr("；").join(term(m) for m in d.onsite_measures))
        f["onsite"].setVisible(bool(d.onsite_measures))
        f["onsite_caption"].setVisible(bool(d.onsite_measures))
        f["notes"].setText(d.notes)
        f["notes"].setVisible(bool(d.notes))
        f["notes_caption"].setVisible(bool(d.notes))
        self.edit_button.setVisible(Action.EDIT in self.offered)
        self.onsite_button.setVisible(Action.ONSITE_MEASURES in self.offered)

    def _fill_photos(self, d: HazardDetailData) -> None:
        editable = Action.ADD_PHOTOS in self.offered
        for phase, strip in self.photo_strips.items():
            strip.set_saved([m for m in d.photos if m.phase == phase], self.services)
            strip.set_editable(editable)
        self._photos_edited()

    # -- the five-in-place plan ------------------------------------------------------------------
    def save_plan(self) -> bool:
        """保存整改方案 (SavePlan): a partial plan is fine while 待整改."""
        return self._plan_command(SavePlan(self.plan.plan_input()))

    def start_rectification(self) -> bool:
        """开始整改 with the plan as shown in the form (saved first by the core)."""
        return self._plan_command(StartRectification(self.plan.plan_input()))

    def _plan_command(self, command: Command) -> bool:
        self.plan.clear_errors()
        unreadable = self.plan.unreadable()
        if unreadable:  # a deadline typed as no day is said so, not sent as "no deadline"
            self._plan_field_errors(unreadable)
            return False
        return self.perform(command, (), self._plan_field_errors, self._plan_incomplete)

    def confirm_start(self) -> bool:
        """开始整改 changes the hazard's state: asked first, naming the hazard."""
        d = self.data
        assert d is not None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(action_label(Action.START))
        box.setText(
            self.tr("隐患 {number}（{location}）按整改方案进入“整改中”？").format(
                number=d.number, location=d.location
            )
        )
        box.setInformativeText(self.tr("之后如发现有误，可立即撤销。"))
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(action_label(Action.START))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        return box.exec() == int(QMessageBox.StandardButton.Ok.value)

    def undo_start(self) -> bool:
        """撤销 after 开始整改: the core's UndoStart (refused once anything else happened)."""
        if self.data is None:
            return False
        self._offer_undo(False)
        return self.perform(UndoStart())

    def _offer_undo(self, offered: bool) -> None:
        if offered and self.data is not None:
            self.undo_label.setText(self.tr("{number} 已开始整改").format(number=self.data.number))
        self.undo_label.setVisible(offered)
        self.undo_button.setVisible(offered)

    def _plan_field_errors(self, errors: Sequence[FieldError]) -> None:
        self.plan.show_field_errors(errors)
        self.scroll_area.ensureWidgetVisible(self.plan)

    def _plan_incomplete(self, error: BaseException) -> bool:
        """开始整改 without all five in place: marked in the form itself, no message box."""
        if not isinstance(error, PlanIncompleteError):
            return False
        self.plan.show_incomplete(error)
        self.scroll_area.ensureWidgetVisible(self.plan)
        return True

    # -- actions --------------------------------------------------------------------------------
    def perform(
        self,
        command: Command,
        photos: Sequence[PhotoInput] = (),
        fields: ShowFields | None = None,
        refused: Refusal | None = None,
    ) -> bool:
        """The one op of an action, with the version shown; True when the core accepted it.

        On success the pane reloads and ``changed`` fires. Field errors go to ``fields`` (the
        dialog's, or the plan form's); ``refused`` may claim another refusal; a concurrent edit
        reloads the pane and is reported, so a dialog kept open retries on the fresh version.
        """
        d = self.data
        assert d is not None
        actor, chosen, version = self.actor(), list(photos), d.version
        op = Op(
            self,
            self.services,
            lambda s: s.hazards.act_with_photos(actor, d.id, command, chosen, version),
            title=action_label(command.action),
        )
        if fields is not None:
            op.fields(fields)
        if refused is not None:
            op.failure(refused)
        if not op.failure(self._reload_if_stale).run().ok:
            return False
        self._offer_undo(False)  # 撤销 is for the last action only; start_rectification re-offers it
        if command.action in (Action.SAVE_PLAN, Action.START):
            self.plan.dirty = False
        self.reload()
        self.changed.emit(d.id)
        return True

    def _reload_if_stale(self, error: BaseException) -> bool:
        if isinstance(error, ConcurrentEditError):
            self.reload()
        return False  # the op's message still tells the user

    def make_dialog(self, action: Action) -> ActionDialog | None:
        """The dialog collecting the input of ``action`` (None: the action needs none)."""
        d = self.data
        assert d is not None
        submit = self.perform
        today = self.services.clock()  # the default of every date the dialog asks for
        if action == Action.REPORT_DONE:
            return ReportDoneDialog(d.number, submit, self, today)
        if action == Action.REVIEW:
            actor = self.actor()
            found = Op(self, self.services, lambda s: s.inspectors.list(), title=action_label(action)).run()
            if found.value is None:
                return None
            return ReviewDialog(
                d.number,
                found.value,
                actor.id,
                may_close(d.facts, actor),
                submit,
                d.reported_done_on,
                self,
                today,
            )
        if action == Action.EXTEND:
            return ExtendDialog(d.number, d.deadline, submit, self, today)
        if action == Action.RECTIFY_ON_SPOT:
            return RectifyOnSpotDialog(d.number, submit, self, today)
        if action == Action.RAISE_TO_MAJOR:
            return RaiseToMajorDialog(d.number, submit, self, today)
        if action == Action.ADD_NOTE:
            return AddNoteDialog(d.number, submit, self)
        if action == Action.EDIT:
            return EditDetailsDialog(d.number, d.details(), submit, self)
        if action == Action.ONSITE_MEASURES:
            return OnsiteMeasuresDialog(d.number, d.onsite_measures, submit, self)
        return None

    def run_action(self, action: Action) -> None:
        """A button of the action bar (or 修改隐患信息)."""
        if self.data is None:
            return
        if action == Action.START:
            if self.confirm_start() and self.start_rectification():
                self._offer_undo(True)
            return
        if action == Action.SAVE_PLAN:
            self.save_plan()
            return
        if action == Action.ADD_PHOTOS:
            self.save_photos()
            return
        dialog = self.make_dialog(action)
        if dialog is None:
            return
        self.dialog = dialog
        try:
            dialog.exec()
        finally:
            self.dialog = None
            # Deleted when the next one opens, not at once: an op's event loop would delete a
            # dialog still being read (its typed text, a retry) by whoever just closed it.
            if self._spent_dialog is not None:
                self._spent_dialog.deleteLater()
            self._spent_dialog = dialog

    # -- photos ---------------------------------------------------------------------------------
    def _photos_edited(self) -> None:
        pending = sum(s.pending_count() for s in self.photo_strips.values())
        self.save_photos_button.setVisible(Action.ADD_PHOTOS in self.offered)
        self.save_photos_button.setEnabled(pending > 0)
        self.photos_hint.setText(self.tr("{n} 张新照片尚未保存").format(n=pending) if pending else "")

    def save_photos(self) -> bool:
        """保存新照片: the pending photos of both strips, one op; on refusal they stay pending."""
        d = self.data
        if d is None:
            return False
        photos = [p for s in self.photo_strips.values() for p in s.pending()]
        if not photos:
            return False
        actor, version = self.actor(), d.version
        saved = (
            Op(
                self,
                self.services,
                lambda s: s.hazards.add_photos(actor, d.id, photos, version),
                title=self.tr("保存照片"),
            )
            .failure(self._reload_if_stale)
            .run()
        )
        if not saved.ok:
            return False
        for s in self.photo_strips.values():
            s.clear_pending()
        self.reload()
        self.changed.emit(d.id)
        return True

    # -- printing -------------------------------------------------------------------------------
    def _print_order(self) -> None:
        if self.data is not None and self.data.inspection_id is not None:
            self.print_requested.emit(DocumentKind.RECTIFICATION_ORDER.value, self.data.inspection_id)

    def _print_review(self) -> None:
        if self.data is not None and self.data.reinspections:
            self.print_requested.emit(DocumentKind.REVIEW_OPINION.value, self.data.id)

    def _print_one_review(self, reinspection_id: int) -> None:
        """打印该次复查意见书: the opinion of one particular 复查 (failed ones too)."""
        if self.data is not None:
            self.print_review_requested.emit(self.data.id, reinspection_id)


class HazardDetailDialog(QDialog):
    """The detail pane in its own window, for a double-click on a hazard in other pages."""

    changed = Signal(int)
    print_requested = Signal(str, int)
    print_review_requested = Signal(int, int)

    def __init__(
        self, services: Services, actor: Callable[[], Actor], hazard_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HazardDetailDialog")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 8)
        self.detail = HazardDetail(services, actor, self)
        self.detail.changed.connect(self.changed)
        self.detail.print_requested.connect(self.print_requested)
        self.detail.print_review_requested.connect(self.print_review_requested)
        lay.addWidget(self.detail, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(0, 0, 12, 0)
        lay.addWidget(buttons)
        self.detail.show_hazard(hazard_id)
        number = self.detail.data.number if self.detail.data is not None else ""
        self.setWindowTitle(self.tr("隐患详情 — {number}").format(number=number))
        self.resize(PANE_WIDTH + 40, 780)
