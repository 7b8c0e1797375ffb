"""制定 / 修改检查计划: a year's plan and its items (事项), saved in one go.

The items are listed on the left (add, remove, move up and down); the right shows the current
item's form — one form for every item, so a plan of 40 items is 40 rows, not 40 forms. Moving
to another row keeps what was typed in the item left. Saving goes through ``PlanService.create``
or ``update`` in one ``Op``; a refusal keeps everything typed: field errors land under their
field, those about an item (``FieldError.item``, 1-based) in that item's form, its row marked,
and all of them are listed under the table. A refusal that is not about a field (a 检查员 when a
科室负责人 is registered, a plan edited meanwhile) is the default message.

One room past 600 lines: the plan, its items' table and the item form share one draft list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enums import PlanMode
from inspector.core.errors import FieldError
from inspector.core.plans import ITEM_PREFIX, MAX_FREQUENCY, PlanInput, PlanItemInput
from inspector.i18n import say
from inspector.ui.ops import Op
from inspector.ui.style import ERROR_TEXT, MUTED_TEXT, icon
from inspector.ui.target_editor import TargetEditor
from inspector.ui.terms import term
from inspector.ui.widgets import error_label, field_cell, place_field_errors, text_edit

ITEM_COLUMNS = (
    QT_TRANSLATE_NOOP("PlanDialog", "序号"),
    QT_TRANSLATE_NOOP("PlanDialog", "检查事项"),
    QT_TRANSLATE_NOOP("PlanDialog", "检查方式"),
)


@dataclass
class PlanStart:
    """What the dialog needs, read in one op: the plan (None: a new one), the choices."""

    data: PlanInput
    version: int | None
    jurisdictions: list[str]
    checklists: list[tuple[str, str]]  # (code, title)
    names: dict[int, tuple[str, str]] = field(default_factory=dict)  # hand-picked enterprises


def load_start(s: Services, plan_id: int | None, year: int) -> PlanStart:
    if plan_id is None:
        data, version = PlanInput(year=year, unit=s.office.get().authority), None
    else:
        data, version = s.plans.get(plan_id)
    picked = tuple(i for it in data.items for i in it.target.enterprise_ids)
    return PlanStart(
        data,
        version,
        s.enterprises.jurisdictions(),
        [(c.code, c.title) for c in s.checklists.catalogue()],
        s.plans.names(picked) if picked else {},
    )


@dataclass
class _Draft:
    item: PlanItemInput
    errors: dict[str, str] = field(default_factory=dict)
    empty_pick: bool = False  # 指定企业 chosen with nobody picked


class ItemEditor(QWidget):
    """The form of one plan item."""

    FIELDS = ("title", "basis", "mode", "frequency", "cap", "months", "unit", "draw_percent", "draw_count")

    def __init__(self, services: Services, start: PlanStart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = {name: error_label(name) for name in self.FIELDS}
        self._item = PlanItemInput()
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # the form keeps its height; spare room goes below it
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title = QLineEdit()
        self.title.setObjectName("item_title")
        self.title.setPlaceholderText(self.tr("如：涉爆粉尘企业监督检查"))
        form.addRow(self.tr("检查事项"), field_cell(self.title, self.errors["title"]))
        self.basis = text_edit(2, self.tr("法律法规、上级文件或工作要求"))
        self.basis.setObjectName("item_basis")
        form.addRow(self.tr("检查依据"), field_cell(self.basis, self.errors["basis"]))

        mode_row = QWidget()
        mode_lay = QHBoxLayout(mode_row)
        mode_lay.setContentsMargins(0, 0, 0, 0)
        self.mode = QComboBox()
        self.mode.setObjectName("item_mode")
        for mode in PlanMode:
            self.mode.addItem(term(mode.value), mode.value)
        mode_lay.addWidget(self.mode)
        self.by_percent = QRadioButton(self.tr("抽取比例"))
        self.percent = QDoubleSpinBox()
        self.percent.setObjectName("item_percent")
        self.percent.setRange(0.1, 100)
        self.percent.setDecimals(1)
        self.percent.setSuffix(" %")
        self.percent.setValue(10)
        self.by_count = QRadioButton(self.tr("抽取家数"))
        self.count = QSpinBox()
        self.count.setObjectName("item_count")
        self.count.setRange(1, 100_000)
        self.count.setValue(10)
        self.by_percent.setChecked(True)
        self.draw_widgets = [self.by_percent, self.percent, self.by_count, self.count]
        for w in self.draw_widgets:
            mode_lay.addWidget(w)
        mode_lay.addStretch(1)
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_shown())
        form.addRow(
            self.tr("检查方式"),
            field_cell(
                mode_row,
                self.errors["mode"],
                _stacked(self.errors["draw_percent"], self.errors["draw_count"]),
            ),
        )

        self.target = TargetEditor(services, start.jurisdictions)
        self.target.setObjectName("item_target")
        form.addRow(self.tr("目标企业"), self.target)

        often = QWidget()
        often_lay = QHBoxLayout(often)
        often_lay.setContentsMargins(0, 0, 0, 0)
        self.frequency = QSpinBox()
        self.frequency.setObjectName("item_frequency")
        self.frequency.setRange(0, MAX_FREQUENCY)
        self.frequency.setSuffix(self.tr(" 次/年"))
        often_lay.addWidget(QLabel(self.tr("每家企业检查")))
        often_lay.addWidget(self.frequency)
        often_lay.addSpacing(16)
        often_lay.addWidget(QLabel(self.tr("上限")))
        self.cap = QSpinBox()
        self.cap.setObjectName("item_cap")
        self.cap.setRange(0, MAX_FREQUENCY)
        self.cap.setSpecialValueText(self.tr("不限"))
        self.cap.setSuffix(self.tr(" 次/年"))
        self.cap.setToolTip(self.tr("涉企行政检查频次上限：超过时登记检查须说明理由"))
        often_lay.addWidget(self.cap)
        often_lay.addStretch(1)
        form.addRow(self.tr("检查频次"), field_cell(often, self.errors["frequency"], self.errors["cap"]))

        months = QWidget()
        grid = QGridLayout(months)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.months: list[QCheckBox] = []
        for n in range(1, 13):
            box = QCheckBox(self.tr("{n}月").format(n=n))
            box.setObjectName(f"month_{n}")
            self.months.append(box)
            grid.addWidget(box, (n - 1) // 6, (n - 1) % 6)
        hint = QLabel(self.tr("不勾选即全年"))
        hint.setStyleSheet(MUTED_TEXT)
        grid.addWidget(hint, 0, 6)
        form.addRow(self.tr("实施月份"), field_cell(months, self.errors["months"]))

        self.unit = QLineEdit()
        self.unit.setObjectName("item_unit")
        form.addRow(self.tr("责任单位"), field_cell(self.unit, self.errors["unit"]))
        self.checklist = QComboBox()
        self.checklist.setObjectName("item_checklist")
        self.checklist.addItem(self.tr("不指定"), None)
        for code, title in start.checklists:
            self.checklist.addItem(title, code)
        form.addRow(self.tr("检查表"), self.checklist)
        self.names = start.names
        self._mode_shown()

    def _mode_shown(self) -> None:
        random = self.mode.currentData() == PlanMode.RANDOM.value
        for w in self.draw_widgets:
            w.setVisible(random)

    def set_item(self, item: PlanItemInput) -> None:
        self._item = item
        self.title.setText(item.title)
        self.basis.setPlainText(item.basis)
        self.mode.setCurrentIndex(max(self.mode.findData(item.mode), 0))
        if item.draw_count is not None:
            self.by_count.setChecked(True)
            self.count.setValue(item.draw_count)
        else:
            self.by_percent.setChecked(True)
            if item.draw_percent is not None:
                self.percent.setValue(float(item.draw_percent))
        self.target.set_target(item.target, self.names)
        self.frequency.setValue(item.frequency)
        self.cap.setValue(item.cap or 0)
        for n, box in enumerate(self.months, start=1):
            box.setChecked(n in item.months)
        self.unit.setText(item.unit)
        self.checklist.setCurrentIndex(max(self.checklist.findData(item.checklist_code), 0))
        self._mode_shown()

    def item(self) -> PlanItemInput:
        random = self.mode.currentData() == PlanMode.RANDOM.value
        return replace(
            self._item,
            title=self.title.text(),
            basis=self.basis.toPlainText(),
            mode=str(self.mode.currentData()),
            target=self.target.target(),
            frequency=self.frequency.value(),
            cap=self.cap.value() or None,
            months=tuple(n for n, b in enumerate(self.months, start=1) if b.isChecked()),
            unit=self.unit.text(),
            draw_percent=Decimal(str(round(self.percent.value(), 1)))
            if random and self.by_percent.isChecked()
            else None,
            draw_count=self.count.value() if random and self.by_count.isChecked() else None,
            checklist_code=self.checklist.currentData(),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for label in self.errors.values():
            label.hide()
        self.target.show_error(errors.get("target", ""))
        place_field_errors([FieldError(k, v) for k, v in errors.items() if k != "target"], self.errors)

    def focus_error(self, errors: dict[str, str]) -> None:
        widgets: dict[str, QWidget] = {
            "title": self.title,
            "basis": self.basis,
            "mode": self.mode,
            "target": self.target,
            "frequency": self.frequency,
            "cap": self.cap,
            "months": self.months[0],
            "unit": self.unit,
            "draw_percent": self.percent,
            "draw_count": self.count,
        }
        for name in ("title", "basis", "mode", "draw_percent", "draw_count", "target", "frequency", "cap"):
            if name in errors:
                widgets[name].setFocus()
                return


def _stacked(*labels: QLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    for label in labels:
        lay.addWidget(label)
    return box


class PlanDialog(QDialog):
    """制定检查计划 (``plan_id`` None) or 修改 it. After ``accepted``: ``plan_id``."""

    TOP_FIELDS = ("year", "title", "basis", "unit", "notes", "items")

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        start: PlanStart,
        plan_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.plan_id = plan_id
        self.version = start.version
        self.drafts = [_Draft(i) for i in start.data.items]
        self._current = -1
        self.setObjectName("PlanDialog")
        self.setWindowTitle(self.tr("修改检查计划") if plan_id else self.tr("制定检查计划"))
        self.setSizeGripEnabled(True)
        self._build(start)
        self._fill_top(start.data)
        if not self.drafts:
            self.add_item()
        else:
            self._fill_table()
            self.table.setCurrentCell(0, 1)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1180, 760
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 50)
        self.resize(width, height)

    @classmethod
    def load(
        cls,
        parent: QWidget,
        services: Services,
        actor: Callable[[], Actor],
        plan_id: int | None,
        year: int,
    ) -> PlanDialog | None:
        """Read the start data (None when refused: the default message said why)."""
        start = Op(
            parent,
            services,
            lambda s: load_start(s, plan_id, year),
            title=QCoreApplication.translate("PlanDialog", "检查计划"),
        ).run()
        if start.value is None:
            return None
        return cls(services, actor, start.value, plan_id, parent)

    # -- building -----------------------------------------------------------------------------
    def _build(self, start: PlanStart) -> None:
        root = QVBoxLayout(self)
        self.top_errors = {name: error_label(name) for name in self.TOP_FIELDS}
        top = QGridLayout()
        top.setHorizontalSpacing(8)
        top.setVerticalSpacing(2)
        self.year = QSpinBox()
        self.year.setObjectName("plan_year")
        this_year = date.today().year
        self.year.setRange(this_year - 5, this_year + 5)
        self.year.setSuffix(self.tr(" 年"))
        self.title = QLineEdit()
        self.title.setObjectName("plan_title")
        self.title.setPlaceholderText(self.tr("如：2026年度安全生产监督检查计划"))
        self.unit = QLineEdit()
        self.unit.setObjectName("plan_unit")
        self.basis = QLineEdit()
        self.basis.setObjectName("plan_basis")
        self.notes = QLineEdit()
        self.notes.setObjectName("plan_notes")
        top.addWidget(QLabel(self.tr("年度")), 0, 0)
        top.addWidget(field_cell(self.year, self.top_errors["year"]), 0, 1)
        top.addWidget(QLabel(self.tr("计划名称")), 0, 2)
        top.addWidget(field_cell(self.title, self.top_errors["title"]), 0, 3)
        top.addWidget(QLabel(self.tr("编制单位")), 0, 4)
        top.addWidget(field_cell(self.unit, self.top_errors["unit"]), 0, 5)
        top.addWidget(QLabel(self.tr("编制依据")), 1, 0)
        top.addWidget(field_cell(self.basis, self.top_errors["basis"]), 1, 1, 1, 3)
        top.addWidget(QLabel(self.tr("备注")), 1, 4)
        top.addWidget(field_cell(self.notes, self.top_errors["notes"]), 1, 5)
        top.setColumnStretch(3, 3)
        top.setColumnStretch(5, 2)
        root.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(ITEM_COLUMNS))
        self.table.setObjectName("item_table")
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in ITEM_COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_a: self._show_item(row))
        left_lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(icon("add"), self.tr("添加事项"))
        self.add_button.setObjectName("add_item")
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(icon("photo_remove"), self.tr("删除"))
        self.remove_button.setObjectName("remove_item")
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button = QPushButton(self.tr("上移"))
        self.up_button.setObjectName("item_up")
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton(self.tr("下移"))
        self.down_button.setObjectName("item_down")
        self.down_button.clicked.connect(lambda: self.move_item(1))
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left_lay.addLayout(buttons)
        left_lay.addWidget(self.top_errors["items"])
        split.addWidget(left)

        self.editor = ItemEditor(self.services, start)
        self.editor.setObjectName("item_editor")
        self.editor.title.textEdited.connect(lambda _t: self._refresh_row(self._current))
        self.editor.mode.currentIndexChanged.connect(lambda _i: self._refresh_row(self._current))
        self.editor.target.changed.connect(lambda: self._refresh_row(self._current))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.editor)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split.addWidget(scroll)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([300, 850])
        root.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(ERROR_TEXT)
        bottom.addWidget(self.summary_label, 1)
        self.save_button = QPushButton(icon("inspection"), self.tr("保存计划"))
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        root.addLayout(bottom)
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)

    def _fill_top(self, data: PlanInput) -> None:
        self.year.setValue(data.year or date.today().year)
        self.title.setText(data.title)
        self.unit.setText(data.unit)
        self.basis.setText(data.basis)
        self.notes.setText(data.notes)

    # -- the items ------------------------------------------------------------------------------
    def _commit(self) -> None:
        """The form's content back into the item it shows."""
        if 0 <= self._current < len(self.drafts):
            draft = self.drafts[self._current]
            draft.item = self.editor.item()
            draft.empty_pick = self.editor.target.empty_pick()

    def _show_item(self, row: int) -> None:
        if row == self._current:
            return
        self._commit()
        self._current = row
        has = 0 <= row < len(self.drafts)
        self.editor.setEnabled(has)
        if has:
            self.editor.set_item(self.drafts[row].item)
            self.editor.show_errors(self.drafts[row].errors)
            self._refresh_row(row)  # the form's signals fired while it was half filled
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setEnabled(has)

    def _fill_table(self) -> None:
        blocker = QSignalBlocker(self.table)
        self.table.setRowCount(len(self.drafts))
        for row in range(len(self.drafts)):
            self._refresh_row(row)
        del blocker

    def _refresh_row(self, row: int) -> None:
        if not 0 <= row < len(self.drafts):
            return
        draft = self.drafts[row]
        item = self.editor.item() if row == self._current else draft.item
        values = [str(row + 1), item.title.strip() or self.tr("（未填写）"), term(item.mode)]
        tip = self.tr("目标企业：{target}").format(target=item.target.describe())
        for col, text in enumerate(values):
            cell = self.table.item(row, col)
            if cell is None:
                cell = QTableWidgetItem()
                self.table.setItem(row, col, cell)
            cell.setText(text)
            cell.setToolTip(f"{text}\n{tip}" if col == 1 else tip)
        bad = bool(draft.errors) or (row != self._current and draft.empty_pick)
        first = self.table.item(row, 0)
        assert first is not None  # filled just above
        first.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical) if bad else QIcon()
        )

    def add_item(self) -> None:
        self._commit()
        unit = self.unit.text().strip()
        self.drafts.append(_Draft(PlanItemInput(unit=unit)))
        self._fill_table()
        self.table.setCurrentCell(len(self.drafts) - 1, 1)
        self.editor.title.setFocus()

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        del self.drafts[row]
        self._current = -1
        self._fill_table()
        if self.drafts:
            self.table.setCurrentCell(min(row, len(self.drafts) - 1), 1)
            self._show_item(self.table.currentRow())
        else:
            self._show_item(-1)

    def move_item(self, step: int) -> None:
        row = self.table.currentRow()
        to = row + step
        if not (0 <= row < len(self.drafts) and 0 <= to < len(self.drafts)):
            return
        self._commit()
        self.drafts[row], self.drafts[to] = self.drafts[to], self.drafts[row]
        self._current = to  # the form keeps showing the item that moved
        self._fill_table()
        with QSignalBlocker(self.table):
            self.table.setCurrentCell(to, 1)

    # -- saving ---------------------------------------------------------------------------------
    def data(self) -> PlanInput:
        self._commit()
        return PlanInput(
            year=self.year.value(),
            title=self.title.text(),
            basis=self.basis.text(),
            unit=self.unit.text(),
            notes=self.notes.text(),
            items=[d.item for d in self.drafts],
        )

    def save(self) -> bool:
        data = self.data()
        self._clear_errors()
        empty = [
            FieldError("target", say(ITEM_PREFIX, n=n) + self.tr("请至少指定一家企业"), n)
            for n, d in enumerate(self.drafts, start=1)
            if d.empty_pick
        ]
        if empty:
            self._show_field_errors(empty)
            return False
        actor = self._actor()
        plan_id, version = self.plan_id, self.version
        if plan_id is None:
            op = Op(self, self.services, lambda s: s.plans.create(actor, data), title=self.tr("保存计划"))
        else:
            assert version is not None

            def update(s: Services) -> int:
                s.plans.update(actor, plan_id, data, version)
                return plan_id

            op = Op(self, self.services, update, title=self.tr("保存计划"))
        outcome = op.fields(self._show_field_errors).run()
        if outcome.value is None:
            return False
        self.plan_id = outcome.value
        self.accept()
        return True

    def _clear_errors(self) -> None:
        for label in self.top_errors.values():
            label.hide()
        for d in self.drafts:
            d.errors = {}
        self.editor.show_errors({})
        self.summary_label.clear()
        for row in range(len(self.drafts)):
            self._refresh_row(row)

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        lines: list[str] = []
        top = [e for e in errors if e.item is None]
        lines += place_field_errors(top, self.top_errors)
        lines += [e.message for e in top if e.field in self.top_errors]
        for e in errors:
            if e.item is None or not 1 <= e.item <= len(self.drafts):
                continue
            message = e.message.removeprefix(say(ITEM_PREFIX, n=e.item))
            errs = self.drafts[e.item - 1].errors
            errs[e.field] = f"{errs[e.field]}；{message}" if e.field in errs else message
            lines.append(e.message)
        bad = [n for n, d in enumerate(self.drafts) if d.errors]
        for row in range(len(self.drafts)):
            self._refresh_row(row)
        self.summary_label.setText(
            self.tr("未保存，请修改：") + "；".join(lines[:6]) + ("……" if len(lines) > 6 else "")
        )
        if bad:
            first = bad[0]
            if first == self._current:
                self.editor.show_errors(self.drafts[first].errors)
            else:
                self.table.setCurrentCell(first, 1)
            self.editor.focus_error(self.drafts[first].errors)
