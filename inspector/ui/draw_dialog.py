"""双随机抽取 (检查 → 双随机抽取…): choose a pool, draw, print the result and export the 一公开 list.

``DrawPanel`` is the whole use case as one widget, so a plans page can show it as a tab later;
``DrawDialog`` only frames it. Left, the earlier draws (click one to reopen it); right, the form
(pool: a 双随机 plan item, or the registry by 监管类别 / 属地; N enterprises or x %; the seed,
prefilled from the date and time; 排除上次检查该企业的人员) and the result table with 打印结果
(PDF), 导出一公开 (Excel) and 校验 (recompute the stored draw). Every database call is an ``Op``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.draws import DrawnEntry, DrawRequest, DrawResult, DrawRow, PlanItemChoice
from inspector.core.enums import CategoryKind
from inspector.core.errors import FieldError
from inspector.core.targets import TargetSet
from inspector.reports.draws import draw_pdf, export_public
from inspector.ui import print_actions
from inspector.ui.ops import Op
from inspector.ui.save_dialog import ask_save_path
from inspector.ui.style import MUTED_TEXT_STYLE
from inspector.ui.terms import term
from inspector.ui.widgets import error_label, field_cell, place_field_errors

COLUMNS = (  # str(): the stub types the no-op as object
    str(QT_TRANSLATE_NOOP("DrawPanel", "序号")),
    str(QT_TRANSLATE_NOOP("DrawPanel", "企业名称")),
    str(QT_TRANSLATE_NOOP("DrawPanel", "统一社会信用代码")),
    str(QT_TRANSLATE_NOOP("DrawPanel", "属地")),
    str(QT_TRANSLATE_NOOP("DrawPanel", "检查人员")),
    str(QT_TRANSLATE_NOOP("DrawPanel", "检查人员")),
)
POOL_ALL, POOL_FILTER, POOL_ITEM = "all", "filter", "item"


def default_seed(now: datetime | None = None) -> str:
    """The date and time of the draw, to the second: 20261122-093015."""
    return (now or datetime.now()).strftime("%Y%m%d-%H%M%S")


class DrawPanel(QWidget):
    """The draw form, its result and the earlier draws; ``drawn`` carries a new draw's id."""

    drawn = Signal(int)
    visit_requested = Signal(int)  # enterprise id of the selected drawn entry: 登记检查
    scheme_requested = Signal(int, int)  # enterprise id, draw entry id: 起草检查方案

    def __init__(self, services: Services, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.result: DrawResult | None = None
        self._items: list[PlanItemChoice] = []

        outer = QHBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel(self.tr("以往抽取")))
        self.history = QListWidget()
        self.history.setObjectName("draw_history")
        self.history.itemClicked.connect(self._reopen)
        ll.addWidget(self.history)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.pool = QComboBox()
        self.pool.setObjectName("draw_pool")
        self.pool.currentIndexChanged.connect(self._pool_changed)
        self.category = QComboBox()
        self.category.addItem(self.tr("全部类别"), None)
        for kind in CategoryKind:
            self.category.addItem(term(kind.value), kind.value)
        self.town = QComboBox()
        self.town.addItem(self.tr("全部属地"), None)
        for combo in (self.category, self.town):
            combo.currentIndexChanged.connect(self._count_pool)
        filters = QWidget()
        fl = QHBoxLayout(filters)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.category)
        fl.addWidget(self.town)
        self.pool_size = QLabel()
        self.pool_size.setObjectName("draw_pool_size")
        self.pool_size.setStyleSheet(MUTED_TEXT_STYLE)
        self.errors = {name: error_label(name) for name in ("target", "count", "percent", "seed")}
        form.addRow(self.tr("抽取范围"), field_cell(self.pool, self.errors["target"], self.pool_size))
        form.addRow(self.tr("筛选条件"), filters)

        self.by_count = QRadioButton(self.tr("按数量"))
        self.by_percent = QRadioButton(self.tr("按比例"))
        self.by_percent.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_count)
        group.addButton(self.by_percent)
        self.count = QSpinBox()
        self.count.setRange(1, 100_000)
        self.count.setValue(10)
        self.count.setSuffix(self.tr(" 家"))
        self.percent = QDoubleSpinBox()
        self.percent.setRange(0.01, 100)
        self.percent.setDecimals(2)
        self.percent.setValue(30)
        self.percent.setSuffix(" %")
        how = QWidget()
        hl = QHBoxLayout(how)
        hl.setContentsMargins(0, 0, 0, 0)
        for w in (self.by_count, self.count, self.by_percent, self.percent):
            hl.addWidget(w)
        hl.addStretch(1)
        hint = QLabel(self.tr("按比例抽取时向上取整，至少抽取1家"))
        hint.setStyleSheet(MUTED_TEXT_STYLE)
        form.addRow(self.tr("抽取数量"), field_cell(how, self.errors["count"], hint))
        form.addRow("", self.errors["percent"])
        self.seed = QLineEdit(default_seed())
        self.seed.setObjectName("draw_seed")
        self.seed.setMaxLength(40)
        self.seed.setToolTip(
            self.tr("同一抽取范围、同一随机数种子，抽取结果相同；可改为公开抽取时商定的数字")
        )
        form.addRow(self.tr("随机数种子"), field_cell(self.seed, self.errors["seed"]))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("不填则用计划事项名称或抽取范围"))
        form.addRow(self.tr("抽查事项"), self.title_edit)
        self.exclude_last = QCheckBox(self.tr("排除上次检查该企业的人员"))
        form.addRow("", self.exclude_last)
        rl.addLayout(form)

        self.draw_button = QPushButton(self.tr("抽取"))
        self.draw_button.setObjectName("draw_button")
        self.draw_button.setDefault(True)
        self.draw_button.clicked.connect(self.draw)
        bar = QHBoxLayout()
        bar.addWidget(self.draw_button)
        bar.addStretch(1)
        rl.addLayout(bar)

        self.facts = QLabel(self.tr("尚未抽取"))
        self.facts.setObjectName("draw_facts")
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.facts)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("draw_table")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("DrawPanel", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        rl.addWidget(self.table, 1)
        out = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印结果…"))
        self.print_button.clicked.connect(self.print_result)
        self.public_button = QPushButton(self.tr("导出一公开…"))
        self.public_button.clicked.connect(self.export_public)
        self.verify_button = QPushButton(self.tr("校验"))
        self.verify_button.setToolTip(self.tr("按保存的抽取资料重新计算，核对结果是否一致"))
        self.verify_button.clicked.connect(self.verify)
        for b in (self.print_button, self.public_button, self.verify_button):
            out.addWidget(b)
        out.addStretch(1)
        self.scheme_button = QPushButton(self.tr("起草检查方案…"))
        self.scheme_button.setObjectName("draw_scheme")
        self.scheme_button.setToolTip(self.tr("为所选的抽中企业起草现场检查方案"))
        self.scheme_button.clicked.connect(self._draft_scheme)
        self.entry_visit_button = QPushButton(self.tr("登记检查…"))
        self.entry_visit_button.setObjectName("draw_visit")
        self.entry_visit_button.setToolTip(self.tr("为所选的抽中企业登记一次检查"))
        self.entry_visit_button.clicked.connect(self._record_visit)
        self.table.itemSelectionChanged.connect(self._update_entry_buttons)
        for b in (self.scheme_button, self.entry_visit_button):
            out.addWidget(b)
        rl.addLayout(out)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 760])
        self._show(None)
        self.load()

    # -- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the pool choices, 属地 and the earlier draws."""
        outcome = Op(
            self,
            self.services,
            lambda s: (s.draws.plan_items(), s.enterprises.jurisdictions(), s.draws.list()),
        ).run()
        if outcome.value is None:
            return
        items, towns, rows = outcome.value
        self._items = items
        self.pool.blockSignals(True)
        self.pool.clear()
        self.pool.addItem(self.tr("全部在产企业"), (POOL_ALL, None))
        self.pool.addItem(self.tr("按监管类别、属地筛选"), (POOL_FILTER, None))
        for item in items:
            self.pool.addItem(self.tr("计划事项：{0}").format(item.label), (POOL_ITEM, item.id))
        self.pool.blockSignals(False)
        for town in towns:
            self.town.addItem(town, town)
        self._fill_history(rows)
        self._pool_changed()

    def _fill_history(self, rows: list[DrawRow]) -> None:
        self.history.clear()
        for r in rows:
            item = QListWidgetItem(
                self.tr("{0}  {1}\n{2}家／{3}家  种子 {4}").format(
                    f"{r.drawn_at:%Y-%m-%d %H:%M}", r.title, r.count, r.pool_size, r.seed
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(self.tr("{0}\n抽取记录ID {1}，抽取人：{2}").format(r.title, r.id, r.drawn_by))
            self.history.addItem(item)

    def _choice(self) -> tuple[str, int | None]:
        data = self.pool.currentData()
        return data if isinstance(data, tuple) else (POOL_ALL, None)

    def _target(self) -> TargetSet:
        kind, _ = self._choice()
        if kind != POOL_FILTER:
            return TargetSet()
        category, town = self.category.currentData(), self.town.currentData()
        return TargetSet(categories=(category,) if category else (), jurisdictions=(town,) if town else ())

    def _pool_changed(self) -> None:
        kind, item_id = self._choice()
        for combo in (self.category, self.town):
            combo.setEnabled(kind == POOL_FILTER)
        chosen = next((i for i in self._items if i.id == item_id), None)
        if chosen is not None and chosen.percent is not None:
            self.by_percent.setChecked(True)
            self.percent.setValue(float(chosen.percent))
        elif chosen is not None and chosen.count is not None:
            self.by_count.setChecked(True)
            self.count.setValue(chosen.count)
        self._count_pool()

    def _count_pool(self) -> None:
        _kind, item_id = self._choice()
        target = self._target()
        Op(self, self.services, lambda s: s.draws.pool_size(item_id, target)).success(
            lambda n: self.pool_size.setText(self.tr("范围内企业：{0} 家").format(n))
        ).start()

    # -- drawing -----------------------------------------------------------------------------

    def request(self) -> DrawRequest:
        kind, item_id = self._choice()
        by_count = self.by_count.isChecked()
        return DrawRequest(
            seed=self.seed.text(),
            count=self.count.value() if by_count else None,
            percent=None if by_count else Decimal(str(round(self.percent.value(), 2))),
            plan_item_id=item_id if kind == POOL_ITEM else None,
            target=self._target(),
            exclude_last=self.exclude_last.isChecked(),
            title=self.title_edit.text(),
        )

    def draw(self) -> None:
        for label in self.errors.values():
            label.hide()
        request = self.request()
        actor = self.actor()
        outcome = (
            Op(self, self.services, lambda s: s.draws.draw(actor, request), title=self.tr("双随机抽取"))
            .fields(self._field_errors)
            .run()
        )
        if outcome.value is None:
            return
        self._show(outcome.value)
        Op(self, self.services, lambda s: s.draws.list()).success(self._fill_history).start()
        self.seed.setText(default_seed())
        self.drawn.emit(outcome.value.id)

    def _field_errors(self, errors: list[FieldError]) -> None:
        other = place_field_errors(errors, self.errors)
        if other:
            QMessageBox.warning(self, self.tr("双随机抽取"), "\n".join(other))

    def _reopen(self, item: QListWidgetItem) -> None:
        draw_id = int(item.data(Qt.ItemDataRole.UserRole))
        Op(self, self.services, lambda s: s.draws.get(draw_id)).success(self._show).run()

    def selected_entry(self) -> DrawnEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if self.result is None or not rows or not 0 <= rows[0].row() < len(self.result.entries):
            return None
        return self.result.entries[rows[0].row()]

    def _update_entry_buttons(self) -> None:
        ok = self.selected_entry() is not None
        self.scheme_button.setEnabled(ok)
        self.entry_visit_button.setEnabled(ok)

    def _draft_scheme(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.scheme_requested.emit(entry.enterprise_id, entry.entry_id)

    def _record_visit(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.visit_requested.emit(entry.enterprise_id)

    def _show(self, result: DrawResult | None) -> None:
        self.result = result
        for b in (self.print_button, self.public_button, self.verify_button):
            b.setEnabled(result is not None)
        self.table.setRowCount(0)
        self._update_entry_buttons()
        if result is None:
            self.facts.setText(self.tr("尚未抽取"))
            return
        self.facts.setText(
            self.tr(
                "抽取记录ID {0}：{1}\n抽取范围：{2}；{3}，企业库 {4} 家，检查人员库 {5} 名；"
                "随机数种子 {6}；{7} {8}\n摘要：{9}"
            ).format(
                result.id,
                result.title,
                result.scope,
                result.asked,
                result.pool_size,
                result.inspector_pool_size,
                result.seed,
                f"{result.drawn_at:%Y-%m-%d %H:%M}",
                result.drawn_by,
                result.digest,
            )
        )
        self.table.setRowCount(len(result.entries))
        for r, e in enumerate(result.entries):
            values = (
                str(e.position),
                e.enterprise_name,
                e.credit_code,
                e.jurisdiction,
                e.inspector1,
                e.inspector2,
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    # -- outputs -----------------------------------------------------------------------------

    def _save_path(self, title: str, name: str, filter_text: str) -> Path | None:
        suffix = Path(name).suffix.lower()
        return ask_save_path(self, "draws", title, name, filter_text, suffix)

    def print_result(self) -> None:
        result = self.result
        if result is None:
            return
        path = self._save_path(
            self.tr("打印抽取结果"),
            print_actions.safe_file_name(f"双随机抽查结果_{result.id}") + ".pdf",
            self.tr("PDF 文件 (*.pdf)"),
        )
        if path is None:
            return

        def write(s: Services) -> Path:
            path.write_bytes(draw_pdf(s.draws.get(result.id), s.office.get().authority))
            return path

        outcome = Op(self, self.services, write, title=self.tr("打印抽取结果")).run()
        if outcome.ok:
            print_actions.show_status(self, self.tr("已保存抽取结果：{0}").format(path))
            print_actions.open_file(path)

    def export_public(self) -> None:
        result = self.result
        if result is None:
            return
        path = self._save_path(
            self.tr("导出一公开"),
            print_actions.safe_file_name(f"双随机抽查结果公示_{result.id}") + ".xlsx",
            self.tr("Excel 文件 (*.xlsx)"),
        )
        if path is None:
            return
        outcome = Op(
            self,
            self.services,
            lambda s: export_public(s.draws.public_list(result.id), path, s.office.get().authority),
            title=self.tr("导出一公开"),
        ).run()
        if outcome.ok:
            print_actions.show_status(self, self.tr("已导出抽查结果公示表：{0}").format(path))

    def verify(self) -> None:
        result = self.result
        if result is None:
            return
        outcome = Op(self, self.services, lambda s: s.draws.verify(result.id)).run()
        if outcome.value is None:
            return
        check = outcome.value
        box = QMessageBox.information if check.ok else QMessageBox.warning
        text = self.tr("校验通过：重新计算的结果与保存的抽取结果一致") if check.ok else check.message
        box(self, self.tr("校验抽取结果"), text)


class DrawDialog(QDialog):
    def __init__(self, services: Services, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("双随机抽取"))
        self.resize(1080, 680)
        lay = QVBoxLayout(self)
        self.panel = DrawPanel(services, actor, self)
        lay.addWidget(self.panel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)


def open_dialog(parent: QWidget, services: Services, actor: Callable[[], Actor]) -> DrawDialog:
    """Open the dialog window-modal (检查 → 双随机抽取…); it deletes itself when closed."""
    dialog = DrawDialog(services, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
