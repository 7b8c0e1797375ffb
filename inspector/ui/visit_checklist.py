"""检查表 in 登记检查: the checklists offered for the enterprise's 监管类别, each item answered
合格 / 不合格 / 不适用 with an optional note.

Built for the keyboard: the table has the focus, 1 / 2 / 3 answer the current item and move to the
next, 4 (or 「其余合格」) answers every item still open as 合格. A 不合格 asks the dialog for a
hazard pre-filled from the item (``failed``); taking the 不合格 back lets the dialog drop that
hazard if nobody typed in it (``unfailed``). The panel holds no database call: the dialog loads the
lists through ops and passes them in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.checklists.model import Checklist, ChecklistItem, ItemResult
from inspector.core.checklists.visits import ChecklistResultInput
from inspector.core.errors import FieldError
from inspector.ui.style import ERROR_COLOUR, ERROR_TEXT, MUTED_COLOUR, MUTED_TEXT, OK_COLOUR
from inspector.ui.terms import term

KEYS = {
    Qt.Key.Key_1: ItemResult.PASSED,
    Qt.Key.Key_2: ItemResult.FAILED,
    Qt.Key.Key_3: ItemResult.NOT_APPLICABLE,
}
RESULT_COLOURS = {
    ItemResult.PASSED: OK_COLOUR,
    ItemResult.FAILED: ERROR_COLOUR,
    ItemResult.NOT_APPLICABLE: MUTED_COLOUR,
}
COL_NUMBER, COL_CONTENT, COL_RESULT, COL_NOTE = range(4)


@dataclass
class Answer:
    """One item's answer; ``hazard`` is the dialog's editor registered for a 不合格 (opaque here)."""

    item: ChecklistItem
    result: str = ""
    note: str = ""
    hazard: object | None = None


class ChecklistPanel(QWidget):
    """The visit's checklists. ``answers`` holds every answered item of every list offered."""

    failed = Signal(object)  # Answer: register a hazard for it and set answer.hazard
    unfailed = Signal(object)  # Answer whose 不合格 was taken back (answer.hazard still set)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklists: list[Checklist] = []
        self.answers: dict[int, Answer] = {}  # item id -> answer
        self._rows: list[ChecklistItem] = []
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("检查表")))
        self.chooser = QComboBox()
        self.chooser.setObjectName("checklist_chooser")
        self.chooser.currentIndexChanged.connect(lambda _i: self._show_current())
        top.addWidget(self.chooser, 1)
        self.progress = QLabel()
        self.progress.setObjectName("checklist_progress")
        self.progress.setStyleSheet(MUTED_TEXT)
        top.addWidget(self.progress)
        self.rest_button = QPushButton(self.tr("其余合格（4）"))
        self.rest_button.setObjectName("rest_passed_button")
        self.rest_button.setToolTip(self.tr("本检查表中尚未检查的项目全部记为合格"))
        self.rest_button.clicked.connect(self.pass_the_rest)
        top.addWidget(self.rest_button)
        root.addLayout(top)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("checklist_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("条款"), self.tr("检查内容"), self.tr("结果"), self.tr("说明（可选）")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_NOTE, 220)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())  # wrap to the width
        self.table.installEventFilter(self)
        self.table.itemChanged.connect(self._note_edited)
        root.addWidget(self.table, 1)

        self.hint = QLabel(
            self.tr(
                "按 1 合格、2 不合格、3 不适用（自动跳到下一项），4 其余合格；"
                "不合格项自动登记一条隐患，带出检查内容和依据。双击“说明”可补充记录。"
            )
        )
        self.hint.setObjectName("checklist_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(MUTED_TEXT)
        root.addWidget(self.hint)
        self.error_label = QLabel()
        self.error_label.setObjectName("checklist_errors")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_TEXT)
        self.error_label.hide()
        root.addWidget(self.error_label)
        self._show_current()

    # -- the lists ------------------------------------------------------------------------------
    def set_checklists(self, checklists: Sequence[Checklist]) -> None:
        """The lists for the chosen enterprise; answers to items no longer offered are dropped
        (the dialog is told through ``unfailed`` for those that had a hazard)."""
        self.checklists = list(checklists)
        offered = {i.id for c in self.checklists for i in c.items}
        for item_id in [k for k in self.answers if k not in offered]:
            answer = self.answers.pop(item_id)
            if answer.result == ItemResult.FAILED:
                self.unfailed.emit(answer)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for c in self.checklists:
            self.chooser.addItem(self._title(c), c.code)
        self.chooser.blockSignals(False)
        self._show_current()
        self.changed.emit()

    def _title(self, c: Checklist) -> str:
        number = f"（{c.number}）" if c.number else ""
        return f"{c.label}{number}"

    def current(self) -> Checklist | None:
        i = self.chooser.currentIndex()
        return self.checklists[i] if 0 <= i < len(self.checklists) else None

    def _show_current(self) -> None:
        c = self.current()
        self._rows = list(c.items) if c is not None else []
        blocker = QSignalBlocker(self.table)  # filling the cells is not the user editing a note
        self.table.setRowCount(len(self._rows))
        for row, item in enumerate(self._rows):
            number = QTableWidgetItem(item.number)
            number.setFlags(number.flags() & ~Qt.ItemFlag.ItemIsEditable)
            text = (
                item.content
                if item.verified
                else self.tr("{content}（条文待核实）").format(content=item.content)
            )
            content = QTableWidgetItem(text)
            content.setFlags(content.flags() & ~Qt.ItemFlag.ItemIsEditable)
            tip = self.tr("依据：{basis}").format(basis=item.basis)
            if item.major:
                tip += "\n" + self.tr("重大事故隐患判定项：不合格时建议判定为重大隐患（由检查人员确认）")
            tip += "\n" + self.tr("条文状态：{status}").format(status=item.status_label)
            content.setToolTip(tip)
            if not item.verified:
                content.setForeground(QBrush(QColor(MUTED_COLOUR)))
            self.table.setItem(row, COL_NUMBER, number)
            self.table.setItem(row, COL_CONTENT, content)
            result = QTableWidgetItem()
            result.setFlags(result.flags() & ~Qt.ItemFlag.ItemIsEditable)
            result.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, COL_RESULT, result)
            note = QTableWidgetItem()
            self.table.setItem(row, COL_NOTE, note)
            self._paint(row)
        blocker.unblock()
        self.table.resizeRowsToContents()
        if self._rows:
            self.table.setCurrentCell(0, COL_CONTENT)
        self.rest_button.setEnabled(bool(self._rows))
        self._update_progress()

    def _paint(self, row: int) -> None:
        item = self._rows[row]
        answer = self.answers.get(item.id or 0)
        shown = self.table.item(row, COL_RESULT)
        note = self.table.item(row, COL_NOTE)
        if shown is None or note is None:
            return
        result = answer.result if answer else ""
        text = term(result) if result else "—"
        if result == ItemResult.FAILED and answer is not None and answer.hazard is not None:
            text = self.tr("{result}（已登记隐患）").format(result=term(result))
        shown.setText(text)
        colour = RESULT_COLOURS.get(ItemResult(result)) if result else None
        shown.setForeground(QBrush(QColor(colour)) if colour else QBrush())
        with QSignalBlocker(self.table):
            note.setText(answer.note if answer else "")

    def _update_progress(self) -> None:
        c = self.current()
        if c is None:
            self.progress.setText(self.tr("未选择企业或该企业的监管类别无对应检查表"))
            return
        done = sum(1 for i in c.items if i.id in self.answers and self.answers[i.id].result)
        failed = sum(
            1 for i in c.items if i.id in self.answers and self.answers[i.id].result == ItemResult.FAILED
        )
        self.progress.setText(
            self.tr("已检查 {done}/{n} 项，不合格 {failed} 项").format(
                done=done, n=len(c.items), failed=failed
            )
        )

    # -- answering ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and self.table.state() != (QAbstractItemView.State.EditingState)
        ):
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            if key in KEYS:
                self.answer_current(KEYS[key])
                return True
            if key == Qt.Key.Key_4:
                self.pass_the_rest()
                return True
        return super().eventFilter(watched, event)

    def answer_current(self, result: ItemResult) -> None:
        """Answer the selected item and move to the next one."""
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        self.set_result(self._rows[row], result)
        if row + 1 < len(self._rows):
            self.table.setCurrentCell(row + 1, COL_CONTENT)

    def set_result(self, item: ChecklistItem, result: ItemResult) -> None:
        assert item.id is not None
        answer = self.answers.setdefault(item.id, Answer(item))
        before = answer.result
        answer.result = result.value
        if before == ItemResult.FAILED and result != ItemResult.FAILED:
            self.unfailed.emit(answer)
        elif result == ItemResult.FAILED and before != ItemResult.FAILED:
            self.failed.emit(answer)
        self._repaint(item)
        self.error_label.hide()
        self.changed.emit()

    def pass_the_rest(self) -> None:
        for item in self._rows:
            if not (item.id in self.answers and self.answers[item.id].result):
                self.set_result(item, ItemResult.PASSED)

    def _repaint(self, item: ChecklistItem) -> None:
        if item in self._rows:
            self._paint(self._rows.index(item))
        self._update_progress()

    def refresh(self) -> None:
        """Repaint after the dialog linked or unlinked a hazard."""
        for row in range(len(self._rows)):
            self._paint(row)
        self._update_progress()

    def _note_edited(self, cell: QTableWidgetItem) -> None:
        if cell.column() != COL_NOTE:
            return
        item = self._rows[cell.row()]
        assert item.id is not None
        answer = self.answers.setdefault(item.id, Answer(item))
        answer.note = cell.text()
        self.changed.emit()

    # -- for saving -----------------------------------------------------------------------------
    def ordered_answers(self) -> list[Answer]:
        """Answered items in list order (the numbers of the core's errors count these)."""
        out = []
        for c in self.checklists:
            for i in c.items:
                a = self.answers.get(i.id or 0)
                if a is not None and a.result:
                    out.append(a)
        return out

    def results(self, hazard_number: Callable[[object], int | None]) -> list[ChecklistResultInput]:
        return [
            ChecklistResultInput(
                item_id=a.item.id,
                result=a.result,
                note=a.note,
                hazard=hazard_number(a.hazard) if a.hazard is not None else None,
            )
            for a in self.ordered_answers()
        ]

    def is_empty(self) -> bool:
        return not self.ordered_answers()

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        """The core's messages about results (numbered as ``ordered_answers``), their rows marked."""
        answers = self.ordered_answers()
        lines = []
        for fe in errors:
            lines.append(fe.message)
            if fe.item is not None and 1 <= fe.item <= len(answers):
                item = answers[fe.item - 1].item
                if item in self._rows:
                    cell = self.table.item(self._rows.index(item), COL_RESULT)
                    if cell is not None:
                        cell.setForeground(QBrush(QColor(ERROR_COLOUR)))
        self.error_label.setText("\n".join(lines))
        self.error_label.setVisible(bool(lines))
