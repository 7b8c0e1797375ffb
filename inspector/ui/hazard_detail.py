"""The hazard detail pane: header, facts, 五到位 plan, actions, photos, timeline and printing.

It sits right of the hazard list (隐患台账) and carries one hazard through the closed loop
(闭环管理). Everything it shows comes from ``HazardService.detail``; every button is one service
call (one transaction) with the version shown, so a change someone else saved first is refused
(ConcurrentEditError) and the pane reloads. The buttons offered are exactly
``HazardService.actions(id, actor)``: the rules live in the core, the pane only shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor, AuditEntry
from inspector.core.context import Services
from inspector.core.enums import DocumentKind, HazardLevel, HazardState, PhotoPhase, ReviewResult
from inspector.core.errors import ConcurrentEditError, DomainError, ValidationError
from inspector.core.hazards import HazardDetail as HazardDetailData
from inspector.core.lifecycle import (
    FIVE_IN_PLACE,
    PLAN_LABELS,
    Action,
    Command,
    Due,
    PlanIncompleteError,
    PlanInput,
    SavePlan,
    StartRectification,
    due,
    five_in_place,
    may_close,
)
from inspector.core.photos import PhotoInput
from inspector.ui.action_dialogs import (
    ActionDialog,
    AddNoteDialog,
    EditDetailsDialog,
    ExtendDialog,
    OnsiteMeasuresDialog,
    OptionalDateEdit,
    RaiseToMajorDialog,
    RectifyOnSpotDialog,
    ReportDoneDialog,
    ReviewDialog,
    action_label,
    text_edit,
)
from inspector.ui.photo_strip import PhotoStrip
from inspector.ui.style import (
    DUE_SOON_COLOUR,
    ERROR_COLOUR,
    HAZARD_STATE_COLOURS,
    MAJOR_COLOUR,
    MUTED_COLOUR,
    OK_COLOUR,
    icon,
)

PANE_MIN_WIDTH = 460
PANE_WIDTH = 520

GENERAL_COLOUR = "#5c6b7a"

PLAN_FIELDS = ("responsible_unit", "responsible_person", "measures", "funds", "deadline", "contingency")

# Short words for the timeline; the event's own summary says the rest.
EVENT_WORDS: dict[str, str] = {
    "create": "登记隐患",
    Action.SAVE_PLAN.value: "保存整改方案",
    Action.START.value: "开始整改",
    Action.REPORT_DONE.value: "整改完成",
    Action.REVIEW.value: "复查",
    Action.RECTIFY_ON_SPOT.value: "立查立改",
    Action.EXTEND.value: "延期",
    Action.RAISE_TO_MAJOR.value: "挂牌督办",
    Action.EDIT.value: "修改信息",
    Action.ONSITE_MEASURES.value: "现场处理措施",
    Action.ADD_NOTE.value: "追加说明",
    Action.ADD_PHOTOS.value: "添加照片",
}
# Actions shown in the action bar (the others have their own place: plan box, facts, photos).
BAR_ACTIONS: tuple[Action, ...] = (
    Action.START,
    Action.REPORT_DONE,
    Action.REVIEW,
    Action.RECTIFY_ON_SPOT,
    Action.EXTEND,
    Action.RAISE_TO_MAJOR,
    Action.ADD_NOTE,
)
PRIMARY_ACTIONS = frozenset({Action.START, Action.REPORT_DONE, Action.REVIEW})
BAR_COLUMNS = 4


def _t(text: str) -> str:
    return QCoreApplication.translate("HazardDetail", text)


def chip(text: str, background: str, foreground: str = "#ffffff", name: str = "") -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setStyleSheet(
        f"background:{background}; color:{foreground}; border-radius:9px; padding:1px 9px; font-weight:bold;"
    )
    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


def money_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def due_text(d: HazardDetailData) -> tuple[str, str]:
    """(text, colour) of the deadline line: 逾期 N 天 / 今天到期 / 剩余 N 天 / 已销号."""
    if d.state == HazardState.CLOSED:
        how = _t("立查立改，") if d.rectified_on_spot else ""
        day = d.closed_on.isoformat() if d.closed_on else ""
        return _t("{how}已于 {day} 销号").format(how=how, day=day), OK_COLOUR
    if d.deadline is None:
        return _t("尚未确定整改时限"), MUTED_COLOUR
    deadline = d.deadline.isoformat()
    left = d.days_left if d.days_left is not None else 0
    kind = due(d.days_left)
    if kind == Due.OVERDUE:
        return _t("已逾期 {n} 天（整改时限 {day}）").format(n=-left, day=deadline), ERROR_COLOUR
    if kind == Due.TODAY:
        return _t("今天到期（整改时限 {day}）").format(day=deadline), DUE_SOON_COLOUR
    colour = DUE_SOON_COLOUR if left <= 3 else "#374151"
    return _t("剩余 {n} 天（整改时限 {day}）").format(n=left, day=deadline), colour


def event_text(entry: AuditEntry, number: str) -> tuple[str, str]:
    """(short word, details) of one audit event, without the repeated 隐患编号."""
    summary = entry.summary.removeprefix(number).strip()
    after = entry.after or {}
    if isinstance(after.get("note"), str) and after["note"]:
        summary += _t("；说明：{note}").format(note=after["note"])
    review = after.get("review")
    if isinstance(review, dict) and review.get("opinion"):
        summary += _t("；复查意见：{opinion}").format(opinion=review["opinion"])
    word = EVENT_WORDS.get(entry.action, entry.action)
    return _t(word), summary


class _Section(QGroupBox):
    """A titled group box with a vertical layout."""

    def __init__(self, title: str, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 10)
        self.body.setSpacing(6)


class HazardDetail(QWidget):
    """One hazard and its closed loop. Call ``show_hazard(id)``; ``None`` shows a placeholder.

    Signals: ``changed(hazard_id)`` after any successful action (the list refreshes its rows);
    ``print_requested(kind_value, target_id)`` for 整改指令书 (inspection id) and 复查意见书
    (hazard id), with DocumentKind values — the main window does the printing.
    """

    changed = Signal(int)
    print_requested = Signal(str, int)
    print_review_requested = Signal(int, int)  # hazard id, re-inspection id

    def __init__(self, services: Services, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.hazard_id: int | None = None
        self.data: HazardDetailData | None = None
        self.actions: list[Action] = []
        self.dialog: ActionDialog | None = None
        self._plan_dirty = False
        self._loading = False
        self._inspection_cache: dict[int, str] = {}
        self.plan_inputs: dict[str, QWidget] = {}
        self.plan_errors: dict[str, QLabel] = {}
        self.element_chips: dict[str, QLabel] = {}
        self.action_buttons: dict[Action, QPushButton] = {}
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
            _t("在左侧列表中选择一个隐患，\n这里显示它的整改方案、处理按钮和全过程记录。")
        )
        self.placeholder.setObjectName("PlaceholderText")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("hazard_detail_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget()
        content.setObjectName("hazard_detail_content")
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(12, 10, 12, 12)
        self.content_layout.setSpacing(10)
        self.scroll.setWidget(content)
        self.stack.addWidget(self.scroll)

        self.content_layout.addWidget(self._header())
        self.content_layout.addWidget(self._action_bar())
        self.content_layout.addWidget(self._facts_box())
        self.content_layout.addWidget(self._plan_box())
        self.content_layout.addWidget(self._photos_box())
        self.content_layout.addWidget(self._reviews_box())
        self.content_layout.addWidget(self._timeline_box())
        self.content_layout.addWidget(self._print_row())
        self.content_layout.addStretch(1)

    def _header(self) -> QWidget:
        box = QFrame()
        box.setObjectName("hazard_header")
        box.setStyleSheet(
            "QFrame#hazard_header { background:#f5f7fa; border:1px solid #e1e5ea; border-radius:6px; }"
        )
        lay = QVBoxLayout(box)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.number_label = QLabel()
        self.number_label.setObjectName("number_label")
        self.number_label.setStyleSheet("font-size:15pt; font-weight:bold; color:#1f2d3d;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.number_label)
        self.state_chip = chip("", "#888", name="state_chip")
        self.level_chip = chip("", GENERAL_COLOUR, name="level_chip")
        self.supervised_chip = chip(_t("挂牌督办"), "#fff0f0", MAJOR_COLOUR, name="supervised_chip")
        self.supervised_chip.setStyleSheet(
            self.supervised_chip.styleSheet() + f"border:1px solid {MAJOR_COLOUR};"
        )
        for c in (self.state_chip, self.level_chip, self.supervised_chip):
            top.addWidget(c)
        top.addStretch(1)
        lay.addLayout(top)
        self.due_label = QLabel()
        self.due_label.setObjectName("due_label")
        lay.addWidget(self.due_label)
        self.enterprise_label = QLabel()
        self.enterprise_label.setObjectName("enterprise_label")
        self.enterprise_label.setWordWrap(True)
        self.enterprise_label.setStyleSheet("font-weight:bold; color:#1f2d3d;")
        lay.addWidget(self.enterprise_label)
        self.found_label = QLabel()
        self.found_label.setObjectName("found_label")
        self.found_label.setWordWrap(True)
        self.found_label.setStyleSheet(f"color:{MUTED_COLOUR};")
        lay.addWidget(self.found_label)
        self.supervision_label = QLabel()
        self.supervision_label.setObjectName("supervision_label")
        self.supervision_label.setWordWrap(True)
        self.supervision_label.setStyleSheet(f"color:{MAJOR_COLOUR};")
        lay.addWidget(self.supervision_label)
        return box

    def _action_bar(self) -> QWidget:
        box = QWidget()
        box.setObjectName("action_bar")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self._action_grid = grid
        for column in range(BAR_COLUMNS):  # equal columns even when a row is not full
            grid.setColumnStretch(column, 1)
            grid.setColumnMinimumWidth(column, 1)
        for action in BAR_ACTIONS:
            button = QPushButton(action_label(action))
            button.setObjectName(f"action_{action.value}")
            if action in PRIMARY_ACTIONS:
                button.setStyleSheet(
                    "QPushButton { background:#1f6fd1; color:white; border:1px solid #1a5fb4;"
                    " border-radius:4px; padding:5px 12px; font-weight:bold; }"
                    "QPushButton:hover { background:#1a5fb4; }"
                )
            button.clicked.connect(lambda _c=False, a=action: self.run_action(a))
            self.action_buttons[action] = button
        tips = {
            Action.START: _t("按下方五到位整改方案进入“整改中”"),
            Action.REPORT_DONE: _t("企业报告整改完成，转为“待复查”"),
            Action.REVIEW: _t("复查合格销号，或不合格退回整改并重定时限"),
            Action.RECTIFY_ON_SPOT: _t("一般隐患当场整改完毕，直接销号"),
            Action.EXTEND: _t("说明理由，推迟整改时限（原时限留档）"),
            Action.RAISE_TO_MAJOR: _t("升级为重大事故隐患并挂牌督办"),
            Action.ADD_NOTE: _t("追加一条说明，记入备注和操作记录"),
        }
        for action, tip in tips.items():
            self.action_buttons[action].setToolTip(tip)
        return box

    def _layout_action_bar(self) -> None:
        grid = self._action_grid
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
        shown = [a for a in BAR_ACTIONS if a in self.actions]
        for n, action in enumerate(shown):
            button = self.action_buttons[action]
            grid.addWidget(button, n // BAR_COLUMNS, n % BAR_COLUMNS)
            button.show()
        for action in BAR_ACTIONS:
            if action not in shown:
                self.action_buttons[action].hide()

    def _facts_box(self) -> QWidget:
        box = _Section(_t("隐患信息"), "facts_box")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.fact_labels: dict[str, QLabel] = {}
        for row, (key, caption) in enumerate(
            (
                ("location", _t("隐患部位")),
                ("description", _t("隐患描述")),
                ("category", _t("隐患类别")),
                ("legal_basis", _t("依据")),
                ("source", _t("隐患来源")),
                ("onsite", _t("现场处理措施")),
                ("notes", _t("备注")),
            )
        ):
            name = QLabel(caption)
            name.setStyleSheet(f"color:{MUTED_COLOUR};")
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
        row = QHBoxLayout()
        row.addStretch(1)
        self.onsite_button = QPushButton(action_label(Action.ONSITE_MEASURES) + "…")
        self.onsite_button.setObjectName("onsite_button")
        self.onsite_button.setToolTip(
            _t("撤出作业人员、暂时停产停业或停止使用设施设备（现场处理措施决定书）")
        )
        self.onsite_button.clicked.connect(lambda: self.run_action(Action.ONSITE_MEASURES))
        row.addWidget(self.onsite_button)
        self.edit_button = QPushButton(icon("edit"), action_label(Action.EDIT))
        self.edit_button.setObjectName("edit_button")
        self.edit_button.clicked.connect(lambda: self.run_action(Action.EDIT))
        row.addWidget(self.edit_button)
        box.body.addLayout(row)
        return box

    def _plan_box(self) -> QWidget:
        box = _Section(_t("整改方案（五到位）"), "plan_box")
        self.plan_box = box
        chips_row = QWidget()
        chips = QHBoxLayout(chips_row)
        chips.setContentsMargins(0, 0, 0, 0)
        chips.setSpacing(6)
        self.element_row = chips_row
        for element in (e.name for e in FIVE_IN_PLACE):
            c = QLabel()
            c.setObjectName(f"element_{element}")
            c.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            chips.addWidget(c)
            self.element_chips[element] = c
        chips.addStretch(1)
        self.plan_status = QLabel()
        self.plan_status.setObjectName("plan_status")
        chips.addWidget(self.plan_status)
        box.body.addWidget(chips_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        unit = QLineEdit()
        unit.setMaxLength(200)
        unit.setPlaceholderText(_t("如：生产部"))
        person = QLineEdit()
        person.setMaxLength(50)
        person.setPlaceholderText(_t("姓名"))
        measures = text_edit(3, _t("具体整改措施"))
        funds = QLineEdit()
        funds.setPlaceholderText(_t("无需资金填 0"))
        funds.setMaximumWidth(160)
        deadline = OptionalDateEdit()
        contingency = text_edit(2, _t("整改完成前的应急预案或临时防范措施"))
        widgets: dict[str, QWidget] = {
            "responsible_unit": unit,
            "responsible_person": person,
            "measures": measures,
            "funds": funds,
            "deadline": deadline,
            "contingency": contingency,
        }
        row = 0
        for key in PLAN_FIELDS:
            widget = widgets[key]
            widget.setObjectName(f"plan_{key}")
            caption = QLabel(PLAN_LABELS[key])
            caption.setBuddy(widget)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if key == "funds":
                cell = QWidget()
                lay = QHBoxLayout(cell)
                lay.setContentsMargins(0, 0, 0, 0)
                lay.addWidget(widget)
                lay.addWidget(QLabel(_t("元")))
                lay.addStretch(1)
                field: QWidget = cell
            elif key == "deadline":
                cell = QWidget()
                lay = QHBoxLayout(cell)
                lay.setContentsMargins(0, 0, 0, 0)
                lay.addWidget(widget)
                self.deadline_hint = QLabel(_t("整改中变更时限请用“延期”"))
                self.deadline_hint.setStyleSheet(f"color:{MUTED_COLOUR};")
                lay.addWidget(self.deadline_hint)
                lay.addStretch(1)
                field = cell
            else:
                field = widget
            if isinstance(widget, QPlainTextEdit):
                caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                caption.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
            error = QLabel()
            error.setObjectName(f"plan_error_{key}")
            error.setWordWrap(True)
            error.setStyleSheet(f"color:{ERROR_COLOUR};")
            error.hide()
            grid.addWidget(error, row + 1, 1)
            self.plan_inputs[key] = widget
            self.plan_errors[key] = error
            row += 2
        box.body.addLayout(grid)
        self._placeholders = {
            key: w.placeholderText()
            for key, w in widgets.items()
            if isinstance(w, QLineEdit | QPlainTextEdit)
        }
        for w in (unit, person, funds):
            assert isinstance(w, QLineEdit)
            w.textChanged.connect(self._plan_edited)
        for t in (measures, contingency):
            assert isinstance(t, QPlainTextEdit)
            t.textChanged.connect(self._plan_edited)
        deadline.dateChanged.connect(self._plan_edited)

        self.plan_message = QLabel()
        self.plan_message.setObjectName("plan_message")
        self.plan_message.setWordWrap(True)
        self.plan_message.setStyleSheet(f"color:{ERROR_COLOUR};")
        self.plan_message.hide()
        box.body.addWidget(self.plan_message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_plan_button = QPushButton(_t("撤销修改"))
        self.revert_plan_button.setObjectName("revert_plan_button")
        self.revert_plan_button.clicked.connect(self._revert_plan)
        buttons.addWidget(self.revert_plan_button)
        self.save_plan_button = QPushButton(_t("保存整改方案"))
        self.save_plan_button.setObjectName("save_plan_button")
        self.save_plan_button.clicked.connect(self.save_plan)
        buttons.addWidget(self.save_plan_button)
        box.body.addLayout(buttons)
        return box

    def _photos_box(self) -> QWidget:
        box = _Section(_t("隐患照片"), "photos_box")
        self.photo_strips: dict[str, PhotoStrip] = {}
        for phase in (PhotoPhase.BEFORE.value, PhotoPhase.AFTER.value):
            caption = QLabel(phase)
            caption.setStyleSheet("font-weight:bold; color:#374151;")
            box.body.addWidget(caption)
            strip = PhotoStrip(phase, editable=True)
            strip.setObjectName(f"photos_{phase}")
            strip.changed.connect(self._photos_edited)
            box.body.addWidget(strip)
            self.photo_strips[phase] = strip
        row = QHBoxLayout()
        self.photos_hint = QLabel()
        self.photos_hint.setStyleSheet(f"color:{MUTED_COLOUR};")
        row.addWidget(self.photos_hint, 1)
        self.save_photos_button = QPushButton(_t("保存新照片"))
        self.save_photos_button.setObjectName("save_photos_button")
        self.save_photos_button.clicked.connect(self.save_photos)
        row.addWidget(self.save_photos_button)
        box.body.addLayout(row)
        return box

    def _reviews_box(self) -> QWidget:
        box = _Section(_t("复查与延期"), "reviews_box")
        self.reviews_box = box
        self.reviews_label = QLabel()
        self.reviews_label.setObjectName("reviews_label")
        self.reviews_label.setWordWrap(True)
        self.reviews_label.setTextFormat(Qt.TextFormat.RichText)
        self.reviews_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.reviews_label.linkActivated.connect(self._review_link)
        box.body.addWidget(self.reviews_label)
        return box

    def _timeline_box(self) -> QWidget:
        box = _Section(_t("处理记录（最新在前）"), "timeline_box")
        self.timeline_layout = QVBoxLayout()
        self.timeline_layout.setSpacing(0)
        box.body.addLayout(self.timeline_layout)
        self.timeline_labels: list[QLabel] = []
        return box

    def _print_row(self) -> QWidget:
        box = _Section(_t("执法文书"), "print_box")
        row = QHBoxLayout()
        self.print_order_button = QPushButton(_t("打印整改指令书"))
        self.print_order_button.setObjectName("print_order_button")
        self.print_order_button.setToolTip(_t("责令限期整改指令书（本次检查发现的隐患）"))
        self.print_order_button.clicked.connect(self._print_order)
        self.print_review_button = QPushButton(_t("打印复查意见书"))
        self.print_review_button.setObjectName("print_review_button")
        self.print_review_button.setToolTip(_t("整改复查意见书（最近一次复查）"))
        self.print_review_button.clicked.connect(self._print_review)
        row.addWidget(self.print_order_button)
        row.addWidget(self.print_review_button)
        row.addStretch(1)
        box.body.addLayout(row)
        self.documents_label = QLabel()
        self.documents_label.setObjectName("documents_label")
        self.documents_label.setWordWrap(True)
        self.documents_label.setTextFormat(Qt.TextFormat.RichText)
        box.body.addWidget(self.documents_label)
        self.print_hint = QLabel()
        self.print_hint.setStyleSheet(f"color:{MUTED_COLOUR};")
        self.print_hint.setWordWrap(True)
        box.body.addWidget(self.print_hint)
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
        if hazard_id != self.hazard_id:
            self._plan_dirty = False
            previous = None
            for strip in self.photo_strips.values():
                strip.clear_pending()
            self._clear_plan_errors()
        self.hazard_id = hazard_id
        if hazard_id is None:
            self.data = None
            self.actions = []
            self.stack.setCurrentWidget(self.placeholder)
            return
        try:
            self.data = self.services.hazards.detail(hazard_id)
            self.actions = self.services.hazards.actions(hazard_id, self.actor())
        except DomainError as e:  # e.g. deleted on the team server meanwhile
            self.hazard_id, self.data, self.actions = None, None, []
            self.stack.setCurrentWidget(self.placeholder)
            QMessageBox.warning(self, _t("隐患详情"), e.message)
            return
        self._fill(previous)
        self.stack.setCurrentWidget(self.scroll)
        # Lay out now, not on the next event loop pass: buttons shown just now get their size
        # at once (a click or a screenshot right after an action sees the finished pane).
        self.content_layout.activate()

    def reload(self) -> None:
        """Fetch the shown hazard again (after an action, or someone else's change)."""
        scroll = self.scroll.verticalScrollBar().value()
        self.show_hazard(self.hazard_id)
        self.scroll.verticalScrollBar().setValue(scroll)

    def has_unsaved_changes(self) -> bool:
        """Typed plan edits or photos not yet saved (the main window may ask before switching)."""
        return self._plan_dirty or any(s.pending_count() for s in self.photo_strips.values())

    def confirm_discard(self) -> bool:
        """Before showing another hazard: True when nothing is unsaved or the user agrees to drop it."""
        if self.data is None or not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self,
            _t("未保存的修改"),
            _t("隐患 {number} 的整改方案或照片尚未保存，是否放弃这些修改？").format(number=self.data.number),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _fill(self, previous: HazardDetailData | None = None) -> None:
        d = self.data
        assert d is not None
        self._loading = True
        try:
            self._fill_header(d)
            self._layout_action_bar()
            self._fill_facts(d)
            if not self._plan_dirty:
                self._fill_plan(d)
            elif previous is not None and previous.deadline != d.deadline:
                self._date().set_value(d.deadline)  # moved by 延期 / 复查: the typed rest stays
            self._update_plan_state()
            self._fill_photos(d)
            self._fill_reviews(d)
            self._fill_timeline(d)
            self._fill_print(d)
        finally:
            self._loading = False

    def _fill_header(self, d: HazardDetailData) -> None:
        self.number_label.setText(d.number)
        colour = HAZARD_STATE_COLOURS.get(d.state, "#868e96")
        self.state_chip.setText(d.state)
        self.state_chip.setStyleSheet(
            f"background:{colour}; color:white; border-radius:9px; padding:1px 9px; font-weight:bold;"
        )
        major = d.level == HazardLevel.MAJOR
        self.level_chip.setText(d.level)
        self.level_chip.setStyleSheet(
            f"background:{MAJOR_COLOUR if major else '#e9ecef'}; color:{'white' if major else '#495057'};"
            " border-radius:9px; padding:1px 9px; font-weight:bold;"
        )
        listed = d.supervision is not None and d.supervision.delisted_on is None
        self.supervised_chip.setVisible(listed)
        text, colour = due_text(d)
        self.due_label.setText(text)
        self.due_label.setStyleSheet(f"color:{colour}; font-weight:bold;")
        self.enterprise_label.setText(
            f"{d.enterprise_name}（{d.jurisdiction}）" if d.jurisdiction else d.enterprise_name
        )
        parts = [_t("发现日期 {day}").format(day=d.found_on.isoformat()), d.source]
        if d.inspection_id is not None:
            parts.append(self._inspection_text(d.inspection_id))
        self.found_label.setText(" · ".join(p for p in parts if p))
        sup = d.supervision
        if sup is None:
            self.supervision_label.hide()
        else:
            text = _t("督办单位：{unit}，{listed} 挂牌").format(
                unit=sup.unit, listed=sup.listed_on.isoformat()
            )
            if sup.delisted_on is not None:
                text += _t("，{day} 摘牌").format(day=sup.delisted_on.isoformat())
            self.supervision_label.setText(text)
            self.supervision_label.show()

    def _inspection_text(self, inspection_id: int) -> str:
        """检查：date kind（inspectors）, cached: an inspection never changes under its hazards."""
        if inspection_id not in self._inspection_cache:
            try:
                i = self.services.inspections.get(inspection_id)
            except DomainError:
                return ""
            names = "、".join(p.name for p in i.inspectors)
            self._inspection_cache[inspection_id] = _t("检查：{day} {kind}（{names}）").format(
                day=i.inspected_on.isoformat(), kind=i.kind, names=names
            )
        return self._inspection_cache[inspection_id]

    def _fill_facts(self, d: HazardDetailData) -> None:
        f = self.fact_labels
        f["location"].setText(d.location)
        f["description"].setText(d.description)
        f["category"].setText(f"{d.category} / {d.subcategory}" if d.subcategory else d.category)
        f["legal_basis"].setText(d.legal_basis or _t("（未填写）"))
        f["source"].setText(d.source)
        f["onsite"].setText("；".join(d.onsite_measures))
        f["onsite"].setVisible(bool(d.onsite_measures))
        f["onsite_caption"].setVisible(bool(d.onsite_measures))
        f["notes"].setText(d.notes)
        f["notes"].setVisible(bool(d.notes))
        f["notes_caption"].setVisible(bool(d.notes))
        self.edit_button.setVisible(Action.EDIT in self.actions)
        self.onsite_button.setVisible(Action.ONSITE_MEASURES in self.actions)

    def _fill_plan(self, d: HazardDetailData) -> None:
        p = d.plan_input()
        self._line("responsible_unit").setText(p.responsible_unit)
        self._line("responsible_person").setText(p.responsible_person)
        self._text("measures").setPlainText(p.measures)
        funds = p.funds if isinstance(p.funds, Decimal) or p.funds is None else Decimal(str(p.funds))
        self._line("funds").setText(money_text(funds))
        self._date().set_value(d.deadline)
        self._text("contingency").setPlainText(p.contingency)
        self._clear_plan_errors()

    def _fill_photos(self, d: HazardDetailData) -> None:
        editable = Action.ADD_PHOTOS in self.actions
        for phase, strip in self.photo_strips.items():
            strip.set_saved([m for m in d.photos if m.phase == phase], self.services)
            strip.set_editable(editable)
        self._photos_edited()

    def _fill_reviews(self, d: HazardDetailData) -> None:
        """Re-inspections and extensions, in the order they happened (the timeline has them too,
        but here the results and deadlines are read at a glance)."""
        lines: list[tuple[str, str]] = []
        for r in d.reinspections:
            colour = OK_COLOUR if r.result == ReviewResult.PASSED else ERROR_COLOUR
            line = _t("<b>{day} 复查 <span style='color:{colour}'>{result}</span></b>（{names}）").format(
                day=r.reviewed_on.isoformat(),
                colour=colour,
                result=r.result,
                names=_escape("、".join(r.inspectors)),
            )
            if r.new_deadline is not None:
                old = r.previous_deadline.isoformat() if r.previous_deadline else "—"
                line += _t("，整改时限 {old} → {new}").format(old=old, new=r.new_deadline.isoformat())
            if r.opinion:
                line += _t("<br><span style='color:#4b5563'>复查意见：{text}</span>").format(
                    text=_escape(r.opinion)
                )
            if d.inspection_id is not None:
                line += _t("　<a href='review:{id}'>打印该次复查意见书</a>").format(id=r.id)
            lines.append((r.reviewed_on.isoformat(), line))
        for e in d.extensions:
            old = e.old_deadline.isoformat() if e.old_deadline else "—"
            who = f"（{_escape(e.by_name)}）" if e.by_name else ""
            line = _t("<b>{day} 延期</b>{who}，整改时限 {old} → {new}").format(
                day=f"{e.at:%Y-%m-%d}", who=who, old=old, new=e.new_deadline.isoformat()
            )
            line += _t("<br><span style='color:#4b5563'>理由：{text}</span>").format(text=_escape(e.reason))
            lines.append((f"{e.at:%Y-%m-%d}", line))
        lines.sort(key=lambda pair: pair[0])  # stable: same day keeps reviews before extensions
        self.reviews_label.setText("<br><br>".join(line for _day, line in lines))
        self.reviews_box.setVisible(bool(lines))

    def _fill_timeline(self, d: HazardDetailData) -> None:
        while self.timeline_layout.count():
            item = self.timeline_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.timeline_labels = []
        entries = list(reversed(d.timeline))
        for n, entry in enumerate(entries):
            word, summary = event_text(entry, d.number)
            label = QLabel()
            label.setObjectName("timeline_entry")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            dot = "#1f6fd1" if n == 0 else "#adb5bd"
            label.setText(
                f"<span style='color:{dot}'>●</span> "
                f"<span style='color:{MUTED_COLOUR}'>{entry.at:%Y-%m-%d %H:%M} · {_escape(entry.actor_name)}</span>"
                f"<br><b>{_escape(word)}</b>　{_escape(summary)}"
            )
            border = "" if n == len(entries) - 1 else "border-bottom:1px solid #eef0f3;"
            label.setStyleSheet(f"QLabel {{ padding:5px 2px; {border} }}")
            label.setProperty("plain", f"{word} {summary}")
            self.timeline_layout.addWidget(label)
            self.timeline_labels.append(label)

    def _fill_print(self, d: HazardDetailData) -> None:
        docs = self.services.documents.of_hazard(d.id)
        lines = []
        for doc in docs:
            delivered = (
                _t("{day} {how}送达").format(day=f"{doc.delivered_on:%Y-%m-%d}", how=doc.delivery_method)
                if doc.delivered_on
                else f"<span style='color:{ERROR_COLOUR}'>{_t('未送达')}</span>"
            )
            lines.append(
                f"{_escape(doc.kind)}　{_escape(doc.number)}　"
                f"<span style='color:{MUTED_COLOUR}'>{doc.issued_on:%Y-%m-%d}</span>　{delivered}"
            )
        self.documents_label.setText("<br>".join(lines))
        self.documents_label.setVisible(bool(lines))
        self.print_order_button.setEnabled(d.inspection_id is not None)
        self.print_review_button.setEnabled(bool(d.reinspections))
        hints = []
        if d.inspection_id is None:
            hints.append(_t("该隐患不是检查中发现的，没有整改指令书。"))
        if not d.reinspections:
            hints.append(_t("登记复查结果后可出具复查意见书。"))
        self.print_hint.setText("".join(hints))
        self.print_hint.setVisible(bool(hints))

    # -- the five-in-place form ----------------------------------------------------------------
    def _line(self, key: str) -> QLineEdit:
        w = self.plan_inputs[key]
        assert isinstance(w, QLineEdit)
        return w

    def _text(self, key: str) -> QPlainTextEdit:
        w = self.plan_inputs[key]
        assert isinstance(w, QPlainTextEdit)
        return w

    def _date(self) -> OptionalDateEdit:
        w = self.plan_inputs["deadline"]
        assert isinstance(w, OptionalDateEdit)
        return w

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

    def _plan_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._plan_dirty = True
        self._update_plan_state()

    def _revert_plan(self) -> None:
        self._plan_dirty = False
        if self.data is not None:
            self._loading = True
            self._fill_plan(self.data)
            self._loading = False
        self._update_plan_state()

    def _update_plan_state(self) -> None:
        """Chips ✓/✗ per element from the core's ``five_in_place``; editability per state."""
        states = five_in_place(self.plan_input())
        missing = [label for st in states for label in st.missing]
        for st in states:
            element, lacking = st.name, st.missing
            c = self.element_chips[element]
            if lacking:
                c.setText(f"✗ {element}")
                c.setToolTip(_t("{fields}未填写").format(fields="、".join(lacking)))
                c.setStyleSheet(
                    f"background:#fdecec; color:{ERROR_COLOUR}; border-radius:9px; padding:1px 8px; font-weight:bold;"
                )
            else:
                c.setText(f"✓ {element}")
                c.setToolTip(_t("已落实"))
                c.setStyleSheet(
                    f"background:#e6f4ea; color:{OK_COLOUR}; border-radius:9px; padding:1px 8px; font-weight:bold;"
                )
            c.setProperty("complete", not lacking)
        self.plan_status.setText(
            _t("五到位齐全") if not missing else _t("尚缺 {n} 项").format(n=len(missing))
        )
        self.plan_status.setStyleSheet(f"color:{OK_COLOUR if not missing else MUTED_COLOUR};")
        on_spot = self.data is not None and self.data.rectified_on_spot
        for c in self.element_chips.values():
            c.setVisible(not on_spot)
        if on_spot:
            self.plan_status.setText(_t("立查立改：当场整改销号，无需制定整改方案"))
            self.plan_status.setStyleSheet(f"color:{OK_COLOUR};")
        editable = Action.SAVE_PLAN in self.actions
        rectifying = self.data is not None and self.data.state == HazardState.RECTIFYING
        for key, w in self.plan_inputs.items():
            if isinstance(w, QLineEdit | QPlainTextEdit):
                w.setReadOnly(not editable)
                w.setPlaceholderText(self._placeholders.get(key, "") if editable else "")
            else:
                w.setEnabled(editable and not (key == "deadline" and rectifying))
        self.deadline_hint.setVisible(editable and rectifying)
        self.save_plan_button.setVisible(editable)
        self.save_plan_button.setEnabled(self._plan_dirty)
        self.revert_plan_button.setVisible(editable and self._plan_dirty)

    def _clear_plan_errors(self) -> None:
        for label in self.plan_errors.values():
            label.clear()
            label.hide()
        self.plan_message.clear()
        self.plan_message.hide()

    def _show_plan_error(self, error: DomainError) -> None:
        """Field errors under the fields, the rest (e.g. 五到位 missing) above the buttons."""
        if isinstance(error, ValidationError):
            rest = []
            for e in error.errors:
                label = self.plan_errors.get(e.field)
                if label is None:
                    rest.append(e.message)
                else:
                    label.setText(e.message)
                    label.show()
            message = "\n".join(rest)
        else:
            message = error.message
            if isinstance(error, PlanIncompleteError):
                for field, label in zip(error.fields, error.missing, strict=True):
                    if field in self.plan_errors:
                        self.plan_errors[field].setText(_t("{field}未填写").format(field=label))
                        self.plan_errors[field].show()
        if message:
            self.plan_message.setText(message)
            self.plan_message.show()
        self.scroll.ensureWidgetVisible(self.plan_box)

    def save_plan(self) -> bool:
        """保存整改方案 (SavePlan): a partial plan is fine while 待整改."""
        self._clear_plan_errors()
        return self._plan_command(SavePlan(self.plan_input()))

    def start_rectification(self) -> bool:
        """开始整改 with the plan as shown in the form (saved first by the core)."""
        self._clear_plan_errors()
        return self._plan_command(StartRectification(self.plan_input()))

    def _plan_command(self, command: Command) -> bool:
        try:
            self.perform(command)
        except ConcurrentEditError as e:
            QMessageBox.warning(self, _t("隐患已被修改"), e.message)
            return False
        except DomainError as e:
            self._show_plan_error(e)
            return False
        return True

    # -- actions --------------------------------------------------------------------------------
    def perform(self, command: Command, photos: Sequence[PhotoInput] = ()) -> None:
        """The one service call of an action, with the version shown. On success the pane
        reloads and ``changed`` fires; a concurrent edit reloads the pane and re-raises, so the
        dialog (kept open) tells the user and the next try uses the fresh version."""
        d = self.data
        assert d is not None
        plan_command = command.action in (Action.SAVE_PLAN, Action.START)
        try:
            self.services.hazards.act_with_photos(self.actor(), d.id, command, list(photos), d.version)
        except ConcurrentEditError:
            self.reload()
            raise
        if plan_command:
            self._plan_dirty = False
        self.reload()
        self.changed.emit(d.id)

    def make_dialog(self, action: Action) -> ActionDialog | None:
        """The dialog collecting the input of ``action`` (None: the action needs none)."""
        d = self.data
        assert d is not None
        submit = self.perform
        if action == Action.REPORT_DONE:
            return ReportDoneDialog(d.number, submit, self)
        if action == Action.REVIEW:
            actor = self.actor()
            return ReviewDialog(
                d.number,
                self.services.inspectors.list(),
                actor.id,
                may_close(d.facts, actor),
                submit,
                d.reported_done_on,
                self,
            )
        if action == Action.EXTEND:
            return ExtendDialog(d.number, d.deadline, submit, self)
        if action == Action.RECTIFY_ON_SPOT:
            return RectifyOnSpotDialog(d.number, submit, self)
        if action == Action.RAISE_TO_MAJOR:
            return RaiseToMajorDialog(d.number, submit, self)
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
            self.start_rectification()
            return
        if action == Action.SAVE_PLAN:
            self.save_plan()
            return
        if action == Action.ADD_PHOTOS:
            self.save_photos()
            return
        self.dialog = self.make_dialog(action)
        if self.dialog is None:
            return
        try:
            self.dialog.exec()
        finally:
            self.dialog.deleteLater()
            self.dialog = None

    # -- photos ---------------------------------------------------------------------------------
    def _photos_edited(self) -> None:
        pending = sum(s.pending_count() for s in self.photo_strips.values())
        self.save_photos_button.setVisible(Action.ADD_PHOTOS in self.actions)
        self.save_photos_button.setEnabled(pending > 0)
        self.photos_hint.setText(_t("{n} 张新照片尚未保存").format(n=pending) if pending else "")

    def save_photos(self) -> bool:
        """保存新照片: the pending photos of both strips, one add_photos call."""
        d = self.data
        if d is None:
            return False
        photos = [p for s in self.photo_strips.values() for p in s.pending()]
        if not photos:
            return False
        try:
            self.services.hazards.add_photos(self.actor(), d.id, photos, d.version)
        except ConcurrentEditError as e:
            QMessageBox.warning(self, _t("隐患已被修改"), e.message)
            self.reload()  # the pending photos stay in the strips for another try
            return False
        except DomainError as e:
            QMessageBox.warning(self, _t("保存照片"), e.message)
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

    def _review_link(self, link: str) -> None:
        """打印该次复查意见书: the opinion of one particular 复查 (failed ones too)."""
        if self.data is not None and link.startswith("review:"):
            self.print_review_requested.emit(self.data.id, int(link.split(":", 1)[1]))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


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
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_t("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(0, 0, 12, 0)
        lay.addWidget(buttons)
        self.detail.show_hazard(hazard_id)
        number = self.detail.data.number if self.detail.data is not None else ""
        self.setWindowTitle(_t("隐患详情 — {number}").format(number=number))
        self.resize(PANE_WIDTH + 40, 780)
