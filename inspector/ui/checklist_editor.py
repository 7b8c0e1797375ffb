"""新建 / 修改本机关检查表: the list's name, the 监管类别 it applies to, and its items.

Saving is one op around ``checklists.create`` or ``checklists.edit``: the core checks the fields
and who may change the office's lists (a 科室负责人). Editing never changes a stored version: the
core adds the next one, and every visit keeps the version it used — the dialog says so before the
user saves. A refused field is shown where it is: the name and categories under their fields, an
item's error on its own row and cell (``FieldError.item`` is the 1-based row).

A 检查内容 or 检查依据 often runs to two or three sentences: those cells are edited in a
multi-line editor (``MultiLineDelegate``: Enter starts a new line, Ctrl+Enter or Tab commits, Esc
cancels) opened taller than the row, and the rows wrap their text at the column's width.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.checklists import Checklist, ChecklistSource, OfficeChecklistInput, OfficeItemInput
from inspector.core.checklists.model import ALL_CATEGORIES
from inspector.core.context import Services
from inspector.core.enums import CategoryKind
from inspector.core.errors import DomainError, FieldError
from inspector.ui.ops import Op
from inspector.ui.style import (
    CHECKLIST_NOTE_STYLE,
    ERROR_COLOUR,
    ERROR_ROW,
    FIELD_ERROR_STYLE,
    MUTED_TEXT_STYLE,
    REQUIRED_MARK,
    icon,
)
from inspector.ui.terms import term
from inspector.ui.widgets import error_label, field_cell, place_field_errors

# The items table's columns: (field of OfficeItemInput or "" for the row number, width).
ITEM_FIELDS: tuple[tuple[str, int], ...] = (
    ("", 44),
    ("category", 110),
    ("content", 330),
    ("basis", 230),
    ("major", 150),
)
COLUMN_OF = {f: c for c, (f, _w) in enumerate(ITEM_FIELDS) if f}
MULTI_LINE_FIELDS = ("content", "basis")
EDITOR_LINES = 5  # the multi-line editor opens this many lines tall (or the row's height)


class MultiLineDelegate(QStyledItemDelegate):
    """A word-wrapping plain-text editor for long cells, opened at least ``EDITOR_LINES`` tall.
    Enter is a new line (Qt leaves it to a QPlainTextEdit); Ctrl+Enter commits, as Tab does."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setObjectName("multi_line_editor")
        editor.setTabChangesFocus(True)
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QPlainTextEdit)
        editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()  # as a one-line cell editor does: typing replaces, a click places the cursor

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QPlainTextEdit)
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect = option.rect
        tall = option.fontMetrics.lineSpacing() * EDITOR_LINES + 12
        rect.setHeight(max(rect.height(), tall))
        parent = editor.parentWidget()
        if parent is not None and rect.bottom() > parent.height():  # a low row: open upwards
            rect.moveTop(max(0, parent.height() - rect.height()))
        editor.setGeometry(rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(watched, event)


class ChecklistEditor(QDialog):
    """New (``base`` None) or the next version of the office list ``base``; ``saved`` fires with
    the stored version."""

    saved = Signal(object)  # the Checklist as stored

    def __init__(
        self, services: Services, actor: Actor, base: Checklist | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if base is not None and base.source is not ChecklistSource.OFFICE:
            raise ValueError("only an office checklist is edited")  # the dialog never offers it
        self.setObjectName("ChecklistEditor")
        self.services = services
        self.actor = actor
        self.base = base
        self.result_checklist: Checklist | None = None
        self.errors: dict[str, QLabel] = {}
        self.setWindowTitle(
            self.tr("新建本机关检查表")
            if base is None
            else self.tr("修改检查表：{title}").format(title=base.title)
        )
        self.setModal(True)
        self._build()
        if base is not None:
            self.load(base)
        else:
            self.add_item()
        self.initial = self.input()  # what 取消 / Esc would lose is compared with this
        self.resize(940, 600)

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(8)
        self.version_note = QLabel()
        self.version_note.setObjectName("version_note")
        self.version_note.setWordWrap(True)
        self.version_note.setStyleSheet(CHECKLIST_NOTE_STYLE)
        if self.base is None:
            self.version_note.setText(
                self.tr(
                    "新建的检查表为第1版。以后修改会生成新版本；已登记的检查保留其当时使用的版本，"
                    "打印的检查记录不变。"
                )
            )
        else:
            self.version_note.setText(
                self.tr(
                    "保存后生成第{next}版，第{current}版仍保留：已用第{current}版登记的检查和打印的"
                    "检查记录不变，此后的检查使用新版本。内容没有改动时不生成新版本。"
                ).format(next=(self.base.version or 0) + 1, current=self.base.version or 1)
            )
        root.addWidget(self.version_note)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        labels = OfficeChecklistInput.FIELD_LABELS
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("field_name")
        self.name_edit.setMaxLength(OfficeChecklistInput.TEXT_LIMITS["name"])
        self.name_edit.setPlaceholderText(self.tr("如 粉尘防爆专项检查表"))
        self.name_edit.textChanged.connect(lambda _t: self._clear_error("name"))
        form.addRow(
            self._label(term(labels["name"]), required=True), self._with_error("name", self.name_edit)
        )

        kinds = QWidget()
        grid = QGridLayout(kinds)
        grid.setContentsMargins(0, 0, 0, 0)
        self.category_boxes: dict[str, QCheckBox] = {}
        for n, kind in enumerate(CategoryKind):
            box = QCheckBox(term(kind.value))
            box.setObjectName(f"category_{n}")
            box.toggled.connect(lambda _c: self._clear_error("applies_to"))
            self.category_boxes[kind.value] = box
            grid.addWidget(box, n // 4, n % 4)
        hint = QLabel(self.tr("都不勾选即适用于全部监管类别；登记检查时只向这些类别的企业提供本表。"))
        hint.setStyleSheet(MUTED_TEXT_STYLE)
        hint.setWordWrap(True)
        grid.addWidget(hint, 2, 0, 1, 4)
        form.addRow(self._label(term(labels["applies_to"])), self._with_error("applies_to", kinds))
        root.addLayout(form)

        bar = QHBoxLayout()
        heading = QLabel(self.tr("检查项"))
        heading.setObjectName("items_heading")
        bar.addWidget(heading)
        bar.addStretch(1)
        self.add_button = QPushButton(icon("add"), self.tr("添加一项"))
        self.add_button.setObjectName("add_item_button")
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.remove_button.setObjectName("remove_item_button")
        self.up_button = QPushButton(self.tr("上移"))
        self.up_button.setObjectName("up_button")
        self.down_button = QPushButton(self.tr("下移"))
        self.down_button.setObjectName("down_button")
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(b)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        root.addLayout(bar)

        item_labels = OfficeItemInput.FIELD_LABELS
        self.table = QTableWidget(0, len(ITEM_FIELDS))
        self.table.setObjectName("item_editor_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("序号")] + [term(item_labels[f]) for f, _w in ITEM_FIELDS[1:]]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        for c, (_f, width) in enumerate(ITEM_FIELDS):
            hh.resizeSection(c, width)
        hh.setSectionResizeMode(COLUMN_OF["content"], QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.multi_line = MultiLineDelegate(self.table)
        for f in MULTI_LINE_FIELDS:
            self.table.setItemDelegateForColumn(COLUMN_OF[f], self.multi_line)
        # Wrapped rows are measured at the columns' real widths, once the resizing settled.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        hh.sectionResized.connect(lambda *_a: self._fit_rows.start())
        self.table.itemChanged.connect(self._item_edited)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        root.addWidget(self._with_error("items", self.table), 1)
        tip = QLabel(
            self.tr(
                "双击单元格或直接输入即可填写；检查内容和检查依据可写多行：回车换行，Ctrl+回车或 Tab 完成。"
                "勾选“重大隐患判定项”表示不合格时提示判定为重大隐患。"
            )
        )
        tip.setStyleSheet(MUTED_TEXT_STYLE)
        tip.setWordWrap(True)
        root.addWidget(tip)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(FIELD_ERROR_STYLE)
        self.message.hide()
        root.addWidget(self.message)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_button")
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_button")
        self.save_button.clicked.connect(self.try_save)
        cancel.clicked.connect(self.reject)
        root.addWidget(buttons)
        self._update_buttons()

    def _label(self, text: str, required: bool = False) -> QLabel:
        label = QLabel(f"{REQUIRED_MARK} {text}" if required else text)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _with_error(self, name: str, widget: QWidget) -> QWidget:
        self.errors[name] = error = error_label(name)
        return field_cell(widget, error)

    # -- the items ------------------------------------------------------------------------------
    def add_item(self, item: OfficeItemInput | None = None) -> int:
        """Append a row (empty, or ``item``) and return its index; the new row is selected."""
        item = item or OfficeItemInput()
        row = self.table.rowCount()
        self.table.blockSignals(True)
        try:
            self.table.insertRow(row)
            self._fill_row(row, item)
        finally:
            self.table.blockSignals(False)
        self._renumber()
        self.table.selectRow(row)
        self._fit_rows.start()
        return row

    def _fill_row(self, row: int, item: OfficeItemInput) -> None:
        number = QTableWidgetItem()
        number.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, 0, number)
        for f in ("category", "content", "basis"):
            cell = QTableWidgetItem(str(getattr(item, f)))
            cell.setToolTip(str(getattr(item, f)))
            self.table.setItem(row, COLUMN_OF[f], cell)
        major = QTableWidgetItem()
        major.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        major.setCheckState(Qt.CheckState.Checked if item.major else Qt.CheckState.Unchecked)
        self.table.setItem(row, COLUMN_OF["major"], major)

    def _row_item(self, row: int) -> OfficeItemInput:
        def text(f: str) -> str:
            cell = self.table.item(row, COLUMN_OF[f])
            return cell.text() if cell is not None else ""

        major = self.table.item(row, COLUMN_OF["major"])
        return OfficeItemInput(
            category=text("category"),
            content=text("content"),
            basis=text("basis"),
            major=major is not None and major.checkState() == Qt.CheckState.Checked,
        )

    def items(self) -> list[OfficeItemInput]:
        return [self._row_item(r) for r in range(self.table.rowCount())]

    def _renumber(self) -> None:
        self.table.blockSignals(True)
        try:
            for r in range(self.table.rowCount()):
                number = self.table.item(r, 0)
                if number is not None:
                    number.setText(str(r + 1))
        finally:
            self.table.blockSignals(False)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self.table.removeRow(row)
        self._renumber()
        if self.table.rowCount():
            self.table.selectRow(min(row, self.table.rowCount() - 1))
        self._clear_row_marks()
        self._update_buttons()

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None or not 0 <= row + step < self.table.rowCount():
            return
        items = self.items()
        items[row], items[row + step] = items[row + step], items[row]
        self.table.blockSignals(True)
        try:
            for r in (row, row + step):
                self._fill_row(r, items[r])
        finally:
            self.table.blockSignals(False)
        self._renumber()
        self._clear_row_marks()
        self.table.selectRow(row + step)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.remove_button.setEnabled(row is not None)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < self.table.rowCount() - 1)

    def _item_edited(self, cell: QTableWidgetItem) -> None:
        cell.setBackground(QBrush())
        cell.setToolTip(cell.text())
        self._clear_error("items")
        self._fit_rows.start()  # a longer text wraps onto more lines

    # -- data -----------------------------------------------------------------------------------
    def load(self, c: Checklist) -> None:
        self.name_edit.setText(c.title)
        chosen = set() if c.applies_to == ALL_CATEGORIES else {k.value for k in c.applies_to}
        for value, box in self.category_boxes.items():
            box.setChecked(value in chosen)
        self.table.setRowCount(0)
        for i in c.items:
            self.add_item(OfficeItemInput(i.category, i.content, i.basis, i.major))
        self.table.clearSelection()
        self._update_buttons()

    def input(self) -> OfficeChecklistInput:
        return OfficeChecklistInput(
            name=self.name_edit.text(),
            applies_to=[v for v, box in self.category_boxes.items() if box.isChecked()],
            items=self.items(),
        )

    def try_save(self) -> bool:
        """Save through the core; a refusal stays in the dialog (fields and rows marked)."""
        self._clear_all()
        actor, data = self.actor, self.input()
        code = self.base.code if self.base is not None else None
        outcome = (
            Op(
                self,
                self.services,
                lambda s: s.checklists.edit(actor, code, data) if code else s.checklists.create(actor, data),
                title=self.windowTitle(),
            )
            .fields(self.show_field_errors)
            .failure(self._refused)
            .run()
        )
        if outcome.value is None:
            return False
        self.result_checklist = outcome.value
        self.saved.emit(outcome.value)
        self.accept()
        return True

    def reject(self) -> None:
        """取消, Esc or the window's close button: ask before throwing away typed items."""
        if self.result_checklist is None and self.input() != self.initial:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("检查表的修改尚未保存。放弃这些修改吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # -- errors ---------------------------------------------------------------------------------
    def show_field_errors(self, errors: list[FieldError]) -> None:
        """The name's and categories' under their fields; an item's on its row's cell (red, with
        the message as its tooltip) and listed under the table."""
        whole = [e for e in errors if e.item is None]
        rows = [e for e in errors if e.item is not None]
        other = place_field_errors(whole, self.errors)
        for e in rows:
            assert e.item is not None
            r = e.item - 1
            column = COLUMN_OF.get(e.field, COLUMN_OF["content"])
            cell = self.table.item(r, column) if 0 <= r < self.table.rowCount() else None
            if cell is None:
                other.append(e.message)
                continue
            self.table.blockSignals(True)
            try:
                cell.setBackground(QBrush(QColor(ERROR_ROW)))
                cell.setToolTip(e.message)
                number = self.table.item(r, 0)
                if number is not None:
                    number.setForeground(QBrush(QColor(ERROR_COLOUR)))
                    number.setToolTip(e.message)
            finally:
                self.table.blockSignals(False)
        if rows:
            first = rows[0]
            assert first.item is not None
            if 0 < first.item <= self.table.rowCount():
                column = COLUMN_OF.get(first.field, COLUMN_OF["content"])
                self.table.setCurrentCell(first.item - 1, column)
                self.table.clearSelection()  # the red cell must show, not the selection's blue
                target = self.table.item(first.item - 1, column)
                if target is not None:
                    self.table.scrollToItem(target)
            other = [e.message for e in rows] + other
        if other:
            self.message.setText("\n".join(other))
            self.message.show()

    def _refused(self, error: BaseException) -> bool:
        """Another refusal (who may change it, the database): kept in view under the form too."""
        if isinstance(error, DomainError):
            self.message.setText(error.message)
            self.message.show()
        return False  # the op's default warning still tells it

    def _clear_error(self, name: str) -> None:
        label = self.errors.get(name)
        if label is not None:
            label.clear()
            label.hide()

    def _clear_row_marks(self) -> None:
        self.table.blockSignals(True)
        try:
            for r in range(self.table.rowCount()):
                for c in range(self.table.columnCount()):
                    cell = self.table.item(r, c)
                    if cell is not None:
                        cell.setBackground(QBrush())
                        if c == 0:
                            cell.setForeground(QBrush())
                            cell.setToolTip("")
        finally:
            self.table.blockSignals(False)

    def _clear_all(self) -> None:
        for name in self.errors:
            self._clear_error(name)
        self.message.clear()
        self.message.hide()
        self._clear_row_marks()
