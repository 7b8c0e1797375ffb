"""检查表 in 登记检查: the checklists offered for the enterprise's 监管类别, each item answered
合格 / 不合格 / 不适用 with an optional note and photos.

Built for the keyboard: the table has the focus, 1 / 2 / 3 answer the current item and move to the
next, 4 (or 「其余合格」) answers every item still open as 合格, P picks photos for the current item
and Ctrl+V pastes a screenshot to it. A 不合格 asks the dialog for a
hazard pre-filled from the item (``failed``); taking the 不合格 back lets the dialog drop that
hazard if nobody typed in it (``unfailed``). The panel holds no database call: the dialog loads the
lists through ops and passes them in.

Photos: under the table, the current item's ``PhotoStrip`` (the hazard editor's strip: the same
checks, paste and drag-and-drop; an image dropped on a row goes to that row's item). A strip is made
for an item only once it gets a photo — one spare strip serves every item without — so a 500-item
list costs no 500 widgets. The 照片 column marks the items with photos; a failed item's photos are
saved as its hazard's 整改前 photos too (the core does it with the visit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.checklists.model import Checklist, ChecklistItem, ItemResult
from inspector.core.checklists.visits import ChecklistResultInput
from inspector.core.enums import PhotoPhase
from inspector.core.errors import FieldError
from inspector.core.photos import PhotoInput
from inspector.ui.photo_strip import PhotoStrip, choose_photo_files
from inspector.ui.style import (
    ERROR_COLOUR,
    ERROR_TEXT,
    MUTED_COLOUR,
    MUTED_TEXT,
    OK_COLOUR,
    SUBHEADING_TEXT,
    icon,
)
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
COL_NUMBER, COL_CONTENT, COL_RESULT, COL_NOTE, COL_PHOTOS = range(5)


@dataclass
class Answer:
    """One item's answer; ``hazard`` is the dialog's editor registered for a 不合格 (opaque here);
    ``photos`` the photos attached to the item (checked and reduced already, saved with the visit)."""

    item: ChecklistItem
    result: str = ""
    note: str = ""
    hazard: object | None = None
    photos: list[PhotoInput] = field(default_factory=list)


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
        self._strips: dict[int, PhotoStrip] = {}  # item id -> its strip, once it got a photo
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

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("checklist_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("条款"), self.tr("检查内容"), self.tr("结果"), self.tr("说明（可选）"), self.tr("照片")]
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
        header.setSectionResizeMode(COL_PHOTOS, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())  # wrap to the width
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)  # images dropped on a row
        self.table.viewport().setAcceptDrops(True)
        self.table.itemChanged.connect(self._note_edited)
        self.table.currentCellChanged.connect(lambda *_a: self._show_photos())
        root.addWidget(self.table, 1)

        self.photo_heading = QLabel()
        self.photo_heading.setObjectName("checklist_photo_heading")
        self.photo_heading.setStyleSheet(SUBHEADING_TEXT)
        self.photo_heading.setWordWrap(True)
        root.addWidget(self.photo_heading)
        self.photo_stack = QStackedWidget()
        self.photo_stack.setObjectName("checklist_photos")
        self._spare = self._new_strip()
        root.addWidget(self.photo_stack)

        self.hint = QLabel(
            self.tr(
                "按 1 合格、2 不合格、3 不适用（自动跳到下一项），4 其余合格，P 为本项添加照片"
                "（也可 Ctrl+V 粘贴截图，或把图片拖到该项上）；"
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
        for item_id in [k for k in self._strips if k not in offered]:
            strip = self._strips.pop(item_id)
            self.photo_stack.removeWidget(strip)
            strip.deleteLater()
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
            photos = QTableWidgetItem()
            photos.setFlags(photos.flags() & ~Qt.ItemFlag.ItemIsEditable)
            photos.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, COL_PHOTOS, photos)
            self._paint(row)
        blocker.unblock()
        self.table.resizeRowsToContents()
        if self._rows:
            self.table.setCurrentCell(0, COL_CONTENT)
        self.rest_button.setEnabled(bool(self._rows))
        self._update_progress()
        self._show_photos()

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
            photos = self.table.item(row, COL_PHOTOS)
            if photos is not None:
                n = len(answer.photos) if answer else 0
                photos.setText(str(n) if n else "")
                photos.setIcon(icon("photo_add") if n else QIcon())
                photos.setToolTip(self.tr("本项有 {n} 张照片").format(n=n) if n else "")

    def _update_progress(self) -> None:
        c = self.current()
        if c is None:
            self.progress.setText(self.tr("未选择企业或该企业的监管类别无对应检查表"))
            return
        done = sum(1 for i in c.items if i.id in self.answers and self.answers[i.id].result)
        failed = sum(
            1 for i in c.items if i.id in self.answers and self.answers[i.id].result == ItemResult.FAILED
        )
        self._show_photos()  # its heading says whether the photos go to a hazard
        self.progress.setText(
            self.tr("已检查 {done}/{n} 项，不合格 {failed} 项").format(
                done=done, n=len(c.items), failed=failed
            )
        )

    # -- answering ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
            QEvent.Type.Drop,
        ):
            return self._drag_on_row(event)
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_P and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.choose_photos()
                return True
            if event.matches(QKeySequence.StandardKey.Paste):
                self._strip().paste()
                return True
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

    # -- photos -----------------------------------------------------------------------------------
    def _new_strip(self) -> PhotoStrip:
        strip = PhotoStrip(PhotoPhase.BEFORE.value)
        strip.list.empty_text = self.tr(
            "本项暂无照片 — 按 P 或点击“添加照片…”，也可粘贴截图（Ctrl+V）或把图片拖到该项上"
        )
        strip.add_button.clicked.disconnect()  # the panel's picker: its title names the item
        strip.add_button.clicked.connect(self.choose_photos)
        strip.add_button.setToolTip(self.tr("为本项选择一张或多张 JPEG/PNG 照片（P）"))
        strip.changed.connect(partial(self._photos_changed, strip))
        self.photo_stack.addWidget(strip)
        return strip

    def _current_item(self) -> ChecklistItem | None:
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _strip(self) -> PhotoStrip:
        """The strip of the current item (the spare one while it has none)."""
        item = self._current_item()
        return self._strips.get(item.id or 0, self._spare) if item is not None else self._spare

    def _show_photos(self) -> None:
        item = self._current_item()
        strip = self._strip()
        self.photo_stack.setCurrentWidget(strip)
        strip.setEnabled(item is not None)
        if item is None:
            self.photo_heading.setText(self.tr("本项照片"))
            return
        answer = self.answers.get(item.id or 0)
        text = self.tr("本项照片 — {number}").format(number=item.number)
        if answer is not None and answer.result == ItemResult.FAILED:
            text += self.tr("（不合格：保存时同时作为隐患的整改前照片）")
        self.photo_heading.setText(text)

    def _photos_changed(self, strip: PhotoStrip) -> None:
        if strip is self._spare:
            item = self._current_item()
            if item is None or item.id is None or not strip.pending_count():
                return
            self._strips[item.id] = strip  # this item keeps the strip; the next one gets a new spare
            self._spare = self._new_strip()
        else:
            owner = next((i for i, s in self._strips.items() if s is strip), None)
            if owner is None or owner not in self.answers:
                return  # a strip of an item no longer offered
            item = self.answers[owner].item
        assert item.id is not None
        answer = self.answers.setdefault(item.id, Answer(item))
        answer.photos = strip.pending()
        self._repaint(item)
        self.changed.emit()

    def choose_photos(self) -> None:
        """Pick photos for the current item (P)."""
        item = self._current_item()
        if item is None:
            return
        paths = choose_photo_files(self, self.tr("为检查项“{number}”添加照片").format(number=item.number))
        if paths:
            self.attach_files(paths)
        self.table.setFocus()

    def attach_files(self, paths: Sequence[str | Path]) -> list[str]:
        """Add image files to the current item; a refused file is named in one warning."""
        refused = self._strip().add_files(paths)
        if refused:
            QMessageBox.warning(self, self.tr("照片未添加"), "\n".join(refused))
        return refused

    def photos_of(self, item: ChecklistItem) -> list[PhotoInput]:
        answer = self.answers.get(item.id or 0)
        return list(answer.photos) if answer else []

    def _drag_on_row(self, event: QEvent) -> bool:
        """An image dragged over a row goes to that row's item (its strip does the checks)."""
        assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
        mime = event.mimeData()
        if not (mime.hasUrls() or mime.hasImage()):
            event.ignore()
            return True
        row = self.table.rowAt(event.position().toPoint().y())
        if not 0 <= row < len(self._rows):
            event.ignore()
            return True
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            self.table.setCurrentCell(row, COL_CONTENT)
            self._strip().dropEvent(event)
            self.table.setFocus()
        else:
            event.acceptProposedAction()
        return True

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
        """Answered items in list order (the numbers of the core's errors count these). An item
        with photos but no answer is kept too: the core then asks for its result, by the item's
        name, rather than the photos being lost without a word."""
        out = []
        for c in self.checklists:
            for i in c.items:
                a = self.answers.get(i.id or 0)
                if a is not None and (a.result or a.photos):
                    out.append(a)
        return out

    def results(self, hazard_number: Callable[[object], int | None]) -> list[ChecklistResultInput]:
        return [
            ChecklistResultInput(
                item_id=a.item.id,
                result=a.result,
                note=a.note,
                hazard=hazard_number(a.hazard) if a.hazard is not None else None,
                photos=list(a.photos),
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
