"""登记检查: one inspection visit and the hazards found on it, saved in one transaction.

Built for speed on the laptop after a visit: the date, times, the current inspector and the
deadline have defaults; the enterprise is found by typing; each hazard is edited inline (no
sub-dialog), with its photos pasted or picked right there. Saving runs
``InspectionService.check`` first (warnings are confirmed, field errors shown next to their field
— by ``FieldError.field``, and ``.item`` for the hazard — and listed as "第N条隐患：…"), then
``record`` once — all or nothing; both through ``ui.ops``. A refused save keeps every character
and photo in place.

The dialog holds the hazard list and the saving; the 检查信息 form is ``VisitHeader``, one hazard
is a ``HazardEditor``.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.checklists.visits import ChecklistResultInput, draft_hazard
from inspector.core.context import Services
from inspector.core.enums import HazardLevel
from inspector.core.errors import DomainError, FieldError, ValidationError
from inspector.core.hazards import HazardInput
from inspector.core.inspections import LABELS, InspectionInput, RecordedInspection
from inspector.core.inspectors import InspectorRow
from inspector.core.lifecycle import PLAN_LABELS
from inspector.i18n import say
from inspector.ui.date_field import date_errors
from inspector.ui.hazard_editor import HAZARD_ERROR_LINE, HazardEditor
from inspector.ui.ops import Op
from inspector.ui.style import ERROR_COLOUR, ERROR_TEXT, MUTED_COLOUR, MUTED_TEXT, icon
from inspector.ui.terms import term
from inspector.ui.visit_checklist import Answer, ChecklistPanel
from inspector.ui.visit_header import VisitHeader
from inspector.ui.visit_reason import ask_reason


class VisitDialog(QDialog):
    """登记检查. After ``accepted``: ``recorded`` (the inspection id, hazard numbers, warnings)
    and ``result_message()`` — a one-line summary for the status bar."""

    HAZARD_COLUMNS = (  # str(): the stubs type QT_TRANSLATE_NOOP as returning object
        str(QT_TRANSLATE_NOOP("VisitDialog", "序号")),
        str(QT_TRANSLATE_NOOP("VisitDialog", "隐患部位")),
        str(QT_TRANSLATE_NOOP("VisitDialog", "隐患描述")),
        str(QT_TRANSLATE_NOOP("VisitDialog", "等级")),
        str(QT_TRANSLATE_NOOP("VisitDialog", "整改时限")),
        str(QT_TRANSLATE_NOOP("VisitDialog", "照片")),
    )

    saved = Signal(object)  # RecordedInspection, emitted once the transaction committed

    def __init__(
        self,
        services: Services,
        actor: Actor,
        enterprise_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.recorded: RecordedInspection | None = None
        self.editors: list[HazardEditor] = []
        # The ticks for 检查人员 are built once, from the registered inspectors.
        listed = Op(parent, services, lambda s: s.inspectors.list(), title=self.tr("登记检查")).run()
        self._build(listed.value or [])
        if enterprise_id is not None:
            self.header.picker.set_enterprise(enterprise_id)
        self._initial = self.header.snapshot()
        self.setWindowTitle(self.tr("登记检查"))

    # -- building -----------------------------------------------------------------------------
    def _build(self, inspectors: list[InspectorRow]) -> None:
        self.setObjectName("VisitDialog")
        self.setModal(True)
        self.setSizeGripEnabled(True)
        root = QVBoxLayout(self)
        root.setSpacing(8)
        self.header = VisitHeader(self.services, self.actor, inspectors)
        self.header.date_changed.connect(self._date_changed)
        root.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("visit_tabs")
        self.tabs.addTab(self._hazard_group(), icon("hazard"), self.tr("发现隐患"))
        self.checklist = ChecklistPanel()
        self.checklist.failed.connect(self._item_failed)
        self.checklist.unfailed.connect(self._item_unfailed)
        self.checklist.changed.connect(self._update_tab_titles)
        self.tabs.addTab(self.checklist, icon("inspection"), self.tr("检查表"))
        root.addWidget(self.tabs, 1)
        self.header.picker.enterprise_changed.connect(self._load_checklists)

        bottom = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(ERROR_TEXT)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.summary_label, 1)
        hint = QLabel(self.tr("Ctrl+Enter 保存"))
        hint.setStyleSheet(MUTED_TEXT)
        bottom.addWidget(hint)
        # Plain buttons, not a QDialogButtonBox: the box makes 保存 the default button when shown,
        # and then Enter in any field would save a half-typed visit.
        self.save_button = QPushButton(icon("inspection"), self.tr("保存检查记录"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("检查记录和全部隐患一次保存（Ctrl+Enter）"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancel_button")
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        root.addLayout(bottom)

        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(self.save)
        add = QShortcut(QKeySequence("Ctrl+N"), self)
        add.activated.connect(self.add_hazard)
        self._no_enter_buttons()
        self._set_tab_order()
        self.resize(1180, 800)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(1180, screen.width() - 40), min(820, screen.height() - 60))

    def _no_enter_buttons(self) -> None:
        """Enter in a field must never save half a form: no button is a default button."""
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)

    def _hazard_group(self) -> QGroupBox:
        self.hazard_box = QGroupBox()
        lay = QHBoxLayout(self.hazard_box)
        lay.setSpacing(10)

        left = QVBoxLayout()
        self.hazard_table = QTableWidget(0, len(self.HAZARD_COLUMNS))
        self.hazard_table.setObjectName("hazard_table")
        self.hazard_table.setHorizontalHeaderLabels([self.tr(c) for c in self.HAZARD_COLUMNS])
        self.hazard_table.verticalHeader().hide()
        self.hazard_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hazard_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hazard_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hazard_table.setWordWrap(False)
        header = self.hazard_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.hazard_table.setMinimumWidth(400)
        self.hazard_table.currentCellChanged.connect(lambda row, *_: self._show_editor(row))
        left.addWidget(self.hazard_table, 1)
        buttons = QHBoxLayout()
        self.add_hazard_button = QPushButton(icon("add"), self.tr("添加隐患"))
        self.add_hazard_button.setObjectName("add_hazard_button")
        self.add_hazard_button.setToolTip(self.tr("添加一条隐患（Ctrl+N）"))
        self.add_hazard_button.clicked.connect(self.add_hazard)
        self.edit_hazard_button = QPushButton(icon("edit"), self.tr("编辑"))
        self.edit_hazard_button.setObjectName("edit_hazard_button")
        self.edit_hazard_button.clicked.connect(self.edit_hazard)
        self.delete_hazard_button = QPushButton(icon("photo_remove"), self.tr("删除"))
        self.delete_hazard_button.setObjectName("delete_hazard_button")
        self.delete_hazard_button.clicked.connect(self.delete_hazard)
        buttons.addWidget(self.add_hazard_button)
        buttons.addWidget(self.edit_hazard_button)
        buttons.addWidget(self.delete_hazard_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        lay.addLayout(left, 4)

        self.editor_stack = QStackedWidget()
        self.editor_stack.setObjectName("hazard_editors")
        empty = QLabel(
            self.tr("本次检查尚未登记隐患。\n\n未发现隐患可直接保存；发现隐患请点击“添加隐患”（Ctrl+N）。")
        )
        empty.setObjectName("PlaceholderText")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.editor_stack.addWidget(empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.editor_stack)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        lay.addWidget(scroll, 7)
        self._update_hazard_title()
        return self.hazard_box

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.header.tab_chain(),
            self.hazard_table,
            self.add_hazard_button,
            self.edit_hazard_button,
            self.delete_hazard_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- hazards --------------------------------------------------------------------------------
    def add_hazard(self) -> HazardEditor:
        """A new hazard row with its editor shown and 隐患部位 focused (ready to type)."""
        editor = HazardEditor(self.header.found_on() or self.header.inspected_on.today())
        editor.setObjectName(f"hazard_editor_{len(self.editors) + 1}")
        editor.changed.connect(lambda e=editor: self._refresh_row(e))
        for b in editor.findChildren(QPushButton):
            b.setAutoDefault(False)
        self.editors.append(editor)
        self.editor_stack.addWidget(editor)
        row = self.hazard_table.rowCount()
        self.hazard_table.insertRow(row)
        self._refresh_row(editor)
        self.hazard_table.setCurrentCell(row, 0)
        self._show_editor(row)
        self._update_hazard_title()
        editor.focus_first()
        return editor

    def edit_hazard(self) -> None:
        row = self.hazard_table.currentRow()
        if 0 <= row < len(self.editors):
            self._show_editor(row)
            self.editors[row].focus_first()

    def delete_hazard(self) -> None:
        row = self.hazard_table.currentRow()
        if not 0 <= row < len(self.editors):
            return
        editor = self.editors[row]
        if not editor.is_empty():
            answer = QMessageBox.question(
                self,
                self.tr("删除隐患"),
                self.tr("删除第{n}条隐患（{loc}）？已填写的内容和照片将丢失。").format(
                    n=row + 1, loc=editor.location.text().strip() or self.tr("未填写部位")
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._remove_editor(row)

    def _remove_editor(self, row: int) -> None:
        editor = self.editors[row]
        for answer in self.checklist.answers.values():
            if answer.hazard is editor:  # the item stays 不合格 and asks for a hazard again at saving
                answer.hazard = None
        del self.editors[row]
        self.editor_stack.removeWidget(editor)
        editor.deleteLater()
        self.hazard_table.removeRow(row)
        self.checklist.refresh()
        for i, e in enumerate(self.editors):
            self._refresh_row(e)
            e.setObjectName(f"hazard_editor_{i + 1}")
        if self.editors:
            self.hazard_table.setCurrentCell(min(row, len(self.editors) - 1), 0)
        self._show_editor(self.hazard_table.currentRow())
        self._update_hazard_title()

    def _show_editor(self, row: int) -> None:
        if 0 <= row < len(self.editors):
            self.editor_stack.setCurrentWidget(self.editors[row])
        else:
            self.editor_stack.setCurrentIndex(0)
        has = 0 <= row < len(self.editors)
        self.edit_hazard_button.setEnabled(has)
        self.delete_hazard_button.setEnabled(has)

    def _refresh_row(self, editor: HazardEditor) -> None:
        row = self.editors.index(editor)
        error = editor.has_errors()
        d = editor.data()
        if d.rectified_on_spot:
            when = self.tr("立查立改")
        else:
            when = d.deadline.isoformat() if isinstance(d.deadline, date) else ""
        n_photos = len(d.photos)
        values = [
            str(row + 1),
            d.location.strip() or self.tr("（未填写部位）"),
            " ".join(d.description.split()) or self.tr("（未填写描述）"),
            self.tr("重大") if d.level == HazardLevel.MAJOR.value else self.tr("一般"),
            when,
            self.tr("{n}张").format(n=n_photos) if n_photos else "",
        ]
        for col, text in enumerate(values):
            item = self.hazard_table.item(row, col)
            if item is None:
                item = QTableWidgetItem()
                self.hazard_table.setItem(row, col, item)
            item.setText(text)
            if col == 0:
                item.setIcon(self._error_icon() if error else QIcon())
                item.setToolTip(self.tr("这条隐患有内容需要修改") if error else "")
            if col in (1, 2):
                item.setToolTip(text)
            if col in (0, 3, 4, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            red = error or (col == 3 and d.level == HazardLevel.MAJOR.value)
            muted = col in (1, 2) and text.startswith("（")
            colour = ERROR_COLOUR if red else (MUTED_COLOUR if muted else None)
            item.setForeground(QBrush(QColor(colour)) if colour else QBrush())

    def _error_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)

    def _update_hazard_title(self) -> None:
        n = len(self.editors)
        self.hazard_box.setTitle(self.tr("发现隐患（{n}条）").format(n=n) if n else self.tr("发现隐患"))
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        if not hasattr(self, "checklist"):
            return  # still building
        n = len(self.editors)
        self.tabs.setTabText(0, self.tr("发现隐患（{n}）").format(n=n) if n else self.tr("发现隐患"))
        answered = len(self.checklist.ordered_answers())
        offered = sum(len(c.items) for c in self.checklist.checklists)
        self.tabs.setTabText(
            1,
            self.tr("检查表（{done}/{n}）").format(done=answered, n=offered)
            if offered
            else self.tr("检查表"),
        )

    # -- checklists -----------------------------------------------------------------------------
    def _load_checklists(self, enterprise_id: int | None) -> None:
        """The lists for the enterprise's 监管类别 (none until an enterprise is chosen)."""
        if enterprise_id is None:
            self.checklist.set_checklists([])
            return
        Op(
            self, self.services, lambda s: s.checklists.offered(enterprise_id), title=self.tr("检查表")
        ).success(self.checklist.set_checklists).start()

    def _item_failed(self, answer: Answer) -> None:
        """不合格: a hazard pre-filled with the item's text and basis; 重大 only proposed."""
        draft = draft_hazard(answer.item)
        current = self.tabs.currentIndex()
        editor = self.add_hazard()
        editor.prefill(draft.hazard, proposed_major=draft.proposed_major, unverified=draft.unverified)
        self._refresh_row(editor)
        answer.hazard = editor
        self.tabs.setCurrentIndex(current)  # keep answering; the hazard waits in its tab
        self.checklist.table.setFocus()
        self.checklist.refresh()

    def _item_unfailed(self, answer: Answer) -> None:
        """The 不合格 was taken back: its hazard goes if nobody typed in it, else it stays unlinked."""
        editor = answer.hazard
        answer.hazard = None
        if isinstance(editor, HazardEditor) and editor in self.editors and editor.is_untouched_draft():
            self._remove_editor(self.editors.index(editor))
        self.checklist.refresh()

    def _hazard_number(self, editor: object) -> int | None:
        return (
            self.editors.index(editor) + 1
            if isinstance(editor, HazardEditor) and editor in self.editors
            else None
        )

    # -- visit fields ---------------------------------------------------------------------------
    def _date_changed(self, found_on: date) -> None:
        for e in self.editors:
            e.set_found_on(found_on)

    def data(self) -> InspectionInput:
        data = self.header.data([e.data() for e in self.editors])
        data.checklist_results = self.checklist.results(self._hazard_number)
        return data

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        """check → (confirm warnings) → record; on any refusal the dialog stays as typed."""
        if not self.save_button.isEnabled():
            return False
        data = self.data()
        self._clear_errors()
        unreadable = self._date_errors()
        if unreadable:  # a date typed wrong is shown with its reason, not sent as "empty"
            self._show_field_errors(unreadable)
            return False
        title = self.tr("保存检查记录")
        checked = (
            Op(
                self,
                self.services,
                lambda s: (s.inspections.check(data), s.inspections.rule_warnings(data)),
                title=title,
            )
            .fields(self._show_field_errors)
            .failure(self._refused)
            .run()
        )
        if checked.error is not None or checked.value is None:
            return False
        warnings, questioned = checked.value
        if warnings:
            answer = QMessageBox.question(
                self,
                self.tr("请确认"),
                "\n".join(warnings) + "\n\n" + self.tr("仍要保存这条检查记录吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if questioned:
            reason = ask_reason(self, questioned)
            if reason is None:
                return False
            data.reason = reason
        self.save_button.setEnabled(False)
        try:
            outcome = (
                Op(self, self.services, lambda s: s.inspections.record(self.actor, data), title=title)
                .fields(self._show_field_errors)
                .failure(self._refused)
                .run()
            )
        finally:
            self.save_button.setEnabled(True)
        if outcome.value is None:
            return False
        self.recorded = outcome.value
        for editor in self.editors:
            editor.before_photos.clear_pending()
            editor.after_photos.clear_pending()
        self.saved.emit(self.recorded)
        self.accept()
        return True

    def result_message(self) -> str:
        """E.g. "已登记检查记录：某公司，发现隐患3条（2026-0001、…）"."""
        r = self.recorded
        if r is None:
            return ""
        name = self.header.picker.enterprise_name()
        if not r.hazards:
            return self.tr("已登记检查记录：{name}，未发现隐患").format(name=name)
        numbers = "、".join(h.number for h in r.hazards)
        return self.tr("已登记检查记录：{name}，发现隐患{n}条（{numbers}）").format(
            name=name, n=len(r.hazards), numbers=numbers
        )

    def _date_errors(self) -> list[FieldError]:
        """检查日期 and each hazard's 整改时限 that are typed but are no day (or left empty)."""
        found = date_errors({"inspected_on": self.header.inspected_on})
        errors = [FieldError(e.field, f"{term(LABELS['inspected_on'])}：{e.message}") for e in found]
        deadline = term(PLAN_LABELS["deadline"])
        for n, editor in enumerate(self.editors, start=1):
            for e in date_errors({"deadline": editor.deadline}):
                errors.append(FieldError(e.field, f"{deadline}：{e.message}", n))
        return errors

    def _refused(self, error: BaseException) -> bool:
        """A refusal that is not about a field (not found, permission, database unavailable) also
        stays under the form; the default message box still tells it."""
        if isinstance(error, DomainError) and not isinstance(error, ValidationError):
            self.summary_label.setText(error.message)
        return False

    def _clear_errors(self) -> None:
        self.header.clear_errors()
        for e in self.editors:
            e.show_errors({})
            self._refresh_row(e)
        self.summary_label.clear()

    def _show_field_errors(self, errors: list[FieldError]) -> None:
        """Top-form messages under their fields; hazard ones in that hazard's editor, its row red,
        and all of them listed at the bottom as "第N条隐患：…"."""
        top: dict[str, list[str]] = {}
        per_hazard: dict[int, dict[str, list[str]]] = {}
        lines: list[str] = []
        about_results = [
            e for e in errors if e.item is not None and e.field in ChecklistResultInput.FIELD_LABELS
        ]
        if about_results:  # numbered by the answered items, not by the hazards
            self.checklist.show_errors(about_results)
            lines.extend(e.message for e in about_results)
            self.tabs.setCurrentWidget(self.checklist)
        for fe in (e for e in errors if e not in about_results):
            n = fe.item
            if n is None:
                if fe.field in self.header.errors:
                    top.setdefault(fe.field, []).append(fe.message)
                lines.append(fe.message)
            else:
                prefix = say(HazardInput.ITEM_PREFIX, n=n)  # the editor shows its hazard's own words
                message = fe.message.removeprefix(prefix)
                key = HAZARD_ERROR_LINE.get(fe.field, "description")
                per_hazard.setdefault(n, {}).setdefault(key, []).append(message)
                lines.append(self.tr("第{n}条隐患：{message}").format(n=n, message=message))
        for name, messages in top.items():
            self.header.set_error(name, "；".join(messages))
        first_bad: int | None = None
        for n, fields in sorted(per_hazard.items()):
            if 1 <= n <= len(self.editors):
                editor = self.editors[n - 1]
                editor.show_errors({k: "；".join(v) for k, v in fields.items()})
                self._refresh_row(editor)
                first_bad = n - 1 if first_bad is None else first_bad
        self.summary_label.setText(
            self.tr("未保存，请修改：") + "；".join(lines[:6]) + ("……" if len(lines) > 6 else "")
        )
        if first_bad is not None and not top:
            self.hazard_table.setCurrentCell(first_bad, 0)
            self._show_editor(first_bad)
            self.editors[first_bad].focus_error()
        elif top:
            first = next((n for n in LABELS if n in top), next(iter(top)))
            self.header.focus_field(first)

    def is_dirty(self) -> bool:
        return (
            self.header.snapshot() != self._initial
            or any(not e.is_empty() for e in self.editors)
            or not self.checklist.is_empty()
        )

    def reject(self) -> None:
        """Esc / 取消 / closing the window: ask before throwing typed work away."""
        if self.recorded is None and self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("放弃检查记录"),
                self.tr("本次检查记录尚未保存，关闭后已填写的内容和照片将丢失。确定放弃吗？"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
