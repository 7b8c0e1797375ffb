"""检查 → 检查方案…: the 现场检查方案 list, its lifecycle buttons, printing, and 按方案登记检查.

The buttons follow the selected 方案's state and whether the current inspector is a 科室负责人
(asked from the registry when the list opens); the core decides every step again. A 科室负责人
opens on 待我处理 (待审核 and 待审批). Logging the visit opens the usual 登记检查 dialog, prefilled
with the 方案's enterprise and people, that records the visit with the 方案 (its serial).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import DocumentKind, InspectionKind, SchemeState
from inspector.core.errors import Cancelled
from inspector.core.inspections import InspectionInput
from inspector.core.schemes import SchemeDetail, SchemeFilter, SchemeRow
from inspector.reports.documents import render_inspection_scheme, write_atomically
from inspector.ui import print_actions
from inspector.ui.ops import LongOp, Op, Progress
from inspector.ui.scheme_dialog import DecisionDialog, SchemeDialog, open_new_scheme
from inspector.ui.style import MUTED_TEXT
from inspector.ui.terms import term
from inspector.ui.visit_dialog import VisitDialog

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("SchemeTableModel", "检查时间"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "被检查单位"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "属地"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "执法人员"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "状态"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "文号"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "来源"),
    QT_TRANSLATE_NOOP("SchemeTableModel", "拟定人"),
)
# (label, filter): the list's choices; 待我处理 is what waits for a 科室负责人.
FILTERS: tuple[tuple[str, SchemeFilter], ...] = (
    (str(QT_TRANSLATE_NOOP("SchemeListDialog", "全部")), SchemeFilter()),
    (str(QT_TRANSLATE_NOOP("SchemeListDialog", "待我处理（待审核、待审批）")), SchemeFilter(waiting=True)),
    (str(QT_TRANSLATE_NOOP("SchemeListDialog", "可按方案登记检查")), SchemeFilter(usable=True)),
)
STATE_FILTERS = tuple((s.value, SchemeFilter(state=s.value)) for s in SchemeState)  # labels via term()


class SchemeTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SchemeRow] = []

    def set_rows(self, rows: list[SchemeRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(COLUMNS[section])) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            used = self.tr("（已登记检查）") if r.inspection_id is not None else ""
            values = (
                r.planned_on.isoformat(),
                r.enterprise_name,
                r.jurisdiction,
                r.officers,
                term(r.state) + used,
                r.number,
                r.source,
                r.drafted_by,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class SchemeVisitDialog(VisitDialog):
    """登记检查 from an approved 方案: its enterprise, its two people and 执法检查 preset; the
    visit is recorded with the 方案, so it takes the 方案's serial."""

    def __init__(self, services: Services, actor: Actor, detail: SchemeDetail, parent: QWidget | None = None):
        super().__init__(services, actor, detail.data.enterprise_id, parent=parent)
        self.scheme_id = detail.id
        people = {detail.data.inspector1_id, detail.data.inspector2_id}
        for iid, box in self.header.inspector_boxes.items():
            box.setChecked(iid in people)
        kind = self.header.kind.findData(InspectionKind.ENFORCEMENT.value)
        if kind >= 0:
            self.header.kind.setCurrentIndex(kind)
        self.setWindowTitle(self.tr("按方案登记检查：{number}").format(number=detail.number))
        self._initial = self.header.snapshot()

    def data(self) -> InspectionInput:
        data = super().data()
        data.scheme_id = self.scheme_id
        return data


class SchemeListDialog(QDialog):
    """The 方案 list. ``visit_recorded`` carries the inspection logged from a 方案."""

    visit_recorded = Signal(object)  # RecordedInspection

    def __init__(self, services: Services, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.detail: SchemeDetail | None = None
        who = actor()
        decider = Op(parent, services, lambda s: s.schemes.may_decide(who), title=self.tr("检查方案")).run()
        self.supervisor = bool(decider.value)
        self._build()
        self.filter.setCurrentIndex(1 if self.supervisor else 0)
        self.refresh()

    def _build(self) -> None:
        self.setObjectName("SchemeListDialog")
        self.setWindowTitle(self.tr("现场检查方案"))
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("显示：")))
        self.filter = QComboBox()
        self.filter.setObjectName("state_filter")
        for label, _f in FILTERS:
            self.filter.addItem(self.tr(label))
        for label, _f in STATE_FILTERS:
            self.filter.addItem(term(label))
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.filter)
        top.addStretch(1)
        root.addLayout(top)

        self.model = SchemeTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("scheme_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._load_detail())
        self.table.doubleClicked.connect(lambda _i: self.edit())
        root.addWidget(self.table, 1)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("detail_label")
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet(MUTED_TEXT)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.detail_label)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("new", self.tr("新建方案…"), self.new),
            ("edit", self.tr("修改…"), self.edit),
            ("submit", self.tr("提交审核"), self.submit),
            ("review", self.tr("审核…"), self.review),
            ("approve", self.tr("审批…"), self.approve),
            ("print", self.tr("打印"), self.print_scheme),
            ("visit", self.tr("按方案登记检查…"), self.log_visit),
        ):
            b = QPushButton(text)
            b.setObjectName(f"{name}_button")
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            self.buttons[name] = b
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        root.addLayout(buttons)
        if not self.supervisor:
            for name in ("review", "approve"):
                self.buttons[name].setToolTip(self.tr("须由科室负责人审核、审批"))
        self.resize(1080, 560)

    # -- reading --------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        f = (*FILTERS, *STATE_FILTERS)[max(self.filter.currentIndex(), 0)][1]
        keep = select_id if select_id is not None else (self.detail.id if self.detail else None)
        outcome = Op(self, self.services, lambda s: s.schemes.rows(f), title=self.windowTitle()).run()
        self.model.set_rows(outcome.value or [])
        ids = [r.id for r in self.model.rows]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._load_detail()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()].id
            if index.isValid() and index.row() < len(self.model.rows)
            else None
        )

    def _load_detail(self) -> None:
        sid = self.selected_id()
        self.detail = None
        if sid is not None:
            self.detail = (
                Op(self, self.services, lambda s: s.schemes.get(sid), title=self.windowTitle()).run().value
            )
        self._show_detail()

    def _show_detail(self) -> None:
        d = self.detail
        state = d.state if d else None
        editable = state in (SchemeState.DRAFT.value, SchemeState.RETURNED.value)
        self.buttons["edit"].setEnabled(editable)
        self.buttons["submit"].setEnabled(editable)
        self.buttons["review"].setEnabled(self.supervisor and state == SchemeState.SUBMITTED.value)
        self.buttons["approve"].setEnabled(self.supervisor and state == SchemeState.REVIEWED.value)
        self.buttons["print"].setEnabled(d is not None)
        self.buttons["visit"].setEnabled(
            d is not None and state == SchemeState.APPROVED.value and d.inspection_id is None
        )
        if d is None:
            self.detail_label.setText(self.tr("没有选中的方案"))
            return
        parts = [self.tr("{name}：{state}").format(name=d.enterprise_name, state=term(d.state))]
        if d.review_opinion:
            parts.append(self.tr("审核意见（{who}）：{text}").format(who=d.reviewer, text=d.review_opinion))
        if d.approval_opinion:
            parts.append(self.tr("审批意见（{who}）：{text}").format(who=d.approver, text=d.approval_opinion))
        if d.number:
            parts.append(self.tr("文号：{number}").format(number=d.number))
        self.detail_label.setText("　".join(parts))

    # -- steps ----------------------------------------------------------------------------------
    def new(self) -> SchemeDialog | None:
        dialog = open_new_scheme(self, self.services, self.actor())
        if dialog is not None:
            dialog.saved.connect(lambda sid: self.refresh(sid))
        return dialog

    def edit(self) -> SchemeDialog | None:
        d = self.detail
        if d is None or d.state not in (SchemeState.DRAFT.value, SchemeState.RETURNED.value):
            return None
        dialog = SchemeDialog(
            self.services, self.actor(), d.data, scheme_id=d.id, version=d.version, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda sid: self.refresh(sid))
        dialog.open()
        return dialog

    def submit(self) -> None:
        d, actor = self.detail, self.actor()
        if d is None:
            return
        outcome = Op(
            self, self.services, lambda s: s.schemes.submit(actor, d.id, d.version), title=self.tr("提交审核")
        ).run()
        if outcome.ok:
            self.refresh(d.id)

    def _decide(self, approving: bool) -> DecisionDialog | None:
        d, actor = self.detail, self.actor()
        if d is None:
            return None
        title = self.tr("审批现场检查方案") if approving else self.tr("审核现场检查方案")
        summary = self.tr("{name}，检查时间 {day}，执法人员 {people}").format(
            name=d.enterprise_name, day=f"{d.data.planned_on}", people="、".join(d.officers)
        )
        if approving:
            summary += "\n" + self.tr("审核意见（{who}）：{text}").format(
                who=d.reviewer, text=d.review_opinion
            )
            opinion = self.tr("同意按此方案实施检查。")

            def decide(s: Services, decision: Any) -> object:
                return s.schemes.approve(actor, d.id, decision, d.version)
        else:
            opinion = self.tr("同意。")

            def decide(s: Services, decision: Any) -> object:
                s.schemes.review(actor, d.id, decision, d.version)
                return True

        dialog = DecisionDialog(self.services, title, summary, opinion, decide, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.refresh(d.id))
        dialog.open()
        return dialog

    def review(self) -> DecisionDialog | None:
        return self._decide(approving=False)

    def approve(self) -> DecisionDialog | None:
        return self._decide(approving=True)

    def print_scheme(self) -> object:
        """The issued 方案 again (same number and text), or a draft marked 草稿."""
        d, actor = self.detail, self.actor()
        if d is None:
            return None
        if d.document_id is not None:
            return print_actions.reprint_document(
                self, self.services, actor, d.document_id, DocumentKind.INSPECTION_PLAN
            )
        folder = print_actions.documents_folder()
        name = print_actions.safe_file_name(self.tr("现场检查方案（草稿）_{id}").format(id=d.id)) + ".pdf"
        path = folder / name

        def job(s: Services, progress: Progress) -> object:
            if not progress(0, 0):
                raise Cancelled(self.tr("已取消打印"))
            folder.mkdir(parents=True, exist_ok=True)
            return write_atomically(render_inspection_scheme(s.schemes.preview(d.id)), path)

        outcome = LongOp(self, self.services, job, title=self.tr("打印现场检查方案草稿")).run()
        if outcome.ok:
            print_actions.show_status(self, self.tr("已保存方案草稿（未编号）：{path}").format(path=path))
            print_actions.open_file(path)
        return outcome.value

    def log_visit(self) -> SchemeVisitDialog | None:
        d = self.detail
        if d is None or d.state != SchemeState.APPROVED.value or d.inspection_id is not None:
            return None
        dialog = SchemeVisitDialog(self.services, self.actor(), d, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.visit_recorded.emit)
        dialog.saved.connect(lambda _r: self.refresh(d.id))
        dialog.open()
        return dialog


def open_dialog(parent: QWidget, services: Services, actor: Callable[[], Actor]) -> SchemeListDialog:
    """检查 → 检查方案… (window-modal); it deletes itself when closed."""
    dialog = SchemeListDialog(services, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
