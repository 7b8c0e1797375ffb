"""检查表管理 (检查 → 检查表管理…): every checklist, a chosen one's items, and the office's own lists.

Left, the catalogue: the published standards shipped with the program (with their 文号, marked
待核实 wherever their text is not verified — never presented as official then) and the office's
own lists (with their current version). Right, the chosen list: its facts, a version choice for an
office list (every version stays listed: visits keep the one they used) and its items.

A 科室负责人 creates and edits the office's lists (``ChecklistEditor``; editing makes a new
version) and imports one from Excel — as a new list, or as the next version of the chosen one
(导入新版本…: the file is compared with the current version first and the changes asked about);
anyone exports any list to Excel. Shipped standards are
read-only. The core decides who may edit; the dialog asks it only to grey out buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit import Actor
from inspector.core.checklists import Checklist, ChecklistSource, OfficeItemInput, VersionRow
from inspector.core.checklists.excel import (
    ChecklistFileError,
    VersionPreview,
    export_checklist,
    import_checklist,
    preview_version,
)
from inspector.core.checklists.model import UNVERIFIED_MARK, categories_text
from inspector.core.context import Services
from inspector.ui import print_actions
from inspector.ui.checklist_editor import ChecklistEditor
from inspector.ui.ops import LongOp, Op
from inspector.ui.settings import Settings
from inspector.ui.style import (
    CHECKLIST_NOTE_STYLE,
    CHECKLIST_TITLE_STYLE,
    EMPTY_HINT_STYLE,
    MAJOR_COLOUR,
    MUTED_TEXT_STYLE,
    UNVERIFIED_COLOUR,
    UNVERIFIED_NOTE_STYLE,
    icon,
)
from inspector.ui.terms import term
from inspector.ui.widgets import user_documents_folder

FOLDER_PURPOSE = "checklists"
ITEM_COLUMNS = ("number", "category", "content", "basis", "major", "status")
ITEM_WIDTHS = (96, 90, 360, 260, 96, 90)


@dataclass(frozen=True)
class _Catalogue:
    lists: list[Checklist]
    may_edit: bool


def _read(s: Services, actor: Actor) -> _Catalogue:
    return _Catalogue(s.checklists.catalogue(), s.checklists.can_edit(actor))


class ChecklistDialog(QDialog):
    """``changed`` fires after a list was created, edited or imported."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ChecklistDialog")
        self.services = services
        self.actor = actor
        self.settings = settings
        self.lists: list[Checklist] = []
        self.may_edit = False
        self.shown: Checklist | None = None  # the version whose items are on the right
        self.version_rows: list[VersionRow] = []
        self.editor: ChecklistEditor | None = None
        self.setWindowTitle(self.tr("检查表管理"))
        self.setModal(True)
        self._build()
        self.resize(1240, 680)
        self.reload()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setSpacing(8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("检查表"))
        heading.setObjectName("PageTitle")
        lv.addWidget(heading)
        self.list = QListWidget()
        self.list.setObjectName("checklist_list")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.currentRowChanged.connect(self._chosen)
        lv.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(icon("add"), self.tr("新建…"))
        self.new_button.setObjectName("new_button")
        self.new_button.setToolTip(self.tr("新建一张本机关检查表"))
        self.import_button = QPushButton(icon("import"), self.tr("从 Excel 导入…"))
        self.import_button.setObjectName("import_button")
        self.import_button.setToolTip(
            self.tr("每行一项：类别、检查内容、检查依据、是否重大隐患判定项（可先导出一张表作为模板）")
        )
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.import_button.clicked.connect(self.import_file)
        lv.addLayout(buttons)
        splitter.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("title_label")
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet(CHECKLIST_TITLE_STYLE)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.title_label, 1)
        self.edit_button = QPushButton(icon("edit"), self.tr("修改…"))
        self.edit_button.setObjectName("edit_button")
        self.export_button = QPushButton(self.tr("导出到 Excel…"))
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(
            self.tr("把所显示的版本导出为 Excel，可在 Excel 中修改后再导入为本机关检查表")
        )
        self.import_version_button = QPushButton(icon("import"), self.tr("导入新版本…"))
        self.import_version_button.setObjectName("import_version_button")
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.import_version_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        self.import_version_button.clicked.connect(self.import_version)
        self.edit_button.clicked.connect(self.edit_current)
        self.export_button.clicked.connect(self.export_shown)
        rv.addLayout(top)

        facts = QHBoxLayout()
        self.facts_label = QLabel()
        self.facts_label.setObjectName("facts_label")
        self.facts_label.setWordWrap(True)
        self.facts_label.setStyleSheet(MUTED_TEXT_STYLE)
        facts.addWidget(self.facts_label, 1)
        self.version_caption = QLabel(self.tr("版本："))
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("version_combo")
        self.version_combo.setMinimumWidth(260)
        self.version_combo.activated.connect(self._version_chosen)
        facts.addWidget(self.version_caption)
        facts.addWidget(self.version_combo)
        rv.addLayout(facts)

        self.status_note = QLabel()
        self.status_note.setObjectName("status_note")
        self.status_note.setWordWrap(True)
        rv.addWidget(self.status_note)

        labels = OfficeItemInput.FIELD_LABELS
        headers = [
            self.tr("条款/序号"),
            term(labels["category"]),
            term(labels["content"]),
            term(labels["basis"]),
            self.tr("重大隐患判定项"),
            self.tr("核实状态"),
        ]
        self.items_table = QTableWidget(0, len(headers))
        self.items_table.setObjectName("item_table")
        self.items_table.setHorizontalHeaderLabels(headers)
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setAlternatingRowColors(True)
        self.items_table.setWordWrap(True)
        self.items_table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.items_table.verticalHeader().setVisible(False)
        hh = self.items_table.horizontalHeader()
        for c, width in enumerate(ITEM_WIDTHS):
            hh.resizeSection(c, width)
        hh.setSectionResizeMode(ITEM_COLUMNS.index("content"), QHeaderView.ResizeMode.Stretch)
        # Wrapped rows are measured at the columns' real widths: again whenever a column resizes
        # (the first layout, the splitter, the user), once the resizing has settled.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.items_table.resizeRowsToContents)
        hh.sectionResized.connect(lambda *_a: self._fit_rows.start())
        rv.addWidget(self.items_table, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(EMPTY_HINT_STYLE)
        self.empty_label.hide()
        rv.addWidget(self.empty_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 900])
        root.addWidget(splitter, 1)

        self.note_label = QLabel()
        self.note_label.setObjectName("note_label")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(CHECKLIST_NOTE_STYLE)
        root.addWidget(self.note_label)
        bottom = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(MUTED_TEXT_STYLE)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.status_label, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        root.addLayout(bottom)

    # -- the catalogue --------------------------------------------------------------------------
    def reload(self, select_code: str | None = None) -> None:
        """Re-read every list; ``select_code`` (or the chosen list) stays chosen."""
        chosen = self.current()
        keep = select_code or (chosen.code if chosen is not None else None)
        actor = self.actor
        Op(self, self.services, lambda s: _read(s, actor), title=self.tr("检查表管理")).success(
            lambda c: self._show_catalogue(c, keep)
        ).run()

    def _show_catalogue(self, catalogue: _Catalogue, keep: str | None) -> None:
        self.lists = catalogue.lists
        self.may_edit = catalogue.may_edit
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for c in self.lists:
                item = QListWidgetItem(self.list_text(c))
                item.setToolTip(self.list_tip(c))
                if c.source is ChecklistSource.STANDARD and c.label != c.title:
                    item.setForeground(QColor(UNVERIFIED_COLOUR))
                self.list.addItem(item)
            row = next((n for n, c in enumerate(self.lists) if c.code == keep), 0 if self.lists else -1)
            self.list.setCurrentRow(row)
        finally:
            self.list.blockSignals(False)
        self._chosen(row)  # once, whether or not the row changed
        office = sum(1 for c in self.lists if c.source is ChecklistSource.OFFICE)
        note = self.tr(
            "判定标准随程序发布，只读；标“待核实”的条目其条文尚未与现行版本核对，不作为正式条文。"
            "修改本机关检查表会生成新版本：已登记的检查保留其使用的版本，打印的检查记录不变。"
        )
        if not self.may_edit:
            note += self.tr(
                "本机关检查表须由科室负责人新建、修改或导入；您（{name}）可以查看和导出。"
            ).format(name=self.actor.name)
        self.note_label.setText(note)
        self.list.setAccessibleDescription(
            self.tr("判定标准 {s} 张，本机关检查表 {o} 张").format(s=len(self.lists) - office, o=office)
        )
        self._update_buttons()

    def list_text(self, c: Checklist) -> str:
        """How the catalogue names a list: the standard's title (待核实 marked) and 文号, or the
        office list's name and current version."""
        if c.source is ChecklistSource.STANDARD:
            second = self.tr("判定标准 · {number} · {n}项").format(
                number=c.number or self.tr("无文号"), n=len(c.items)
            )
            return f"{c.label}\n{second}"
        second = self.tr("本机关 · 第{v}版 · {n}项").format(v=c.version or 1, n=len(c.items))
        return f"{c.title}\n{second}"

    def list_tip(self, c: Checklist) -> str:
        return self.tr("适用：{kinds}").format(kinds=self._kinds(c))

    def current(self) -> Checklist | None:
        row = self.list.currentRow()
        return self.lists[row] if 0 <= row < len(self.lists) else None

    def _chosen(self, row: int) -> None:
        c = self.lists[row] if 0 <= row < len(self.lists) else None
        self.version_rows = []
        self.version_combo.clear()
        if c is not None and c.source is ChecklistSource.OFFICE:
            code = c.code
            outcome = Op(self, self.services, lambda s: s.checklists.versions(code)).run()
            self.version_rows = list(outcome.value or [])
            for v in reversed(self.version_rows):
                text = self.tr("第{v}版（{day}，{n}项）").format(
                    v=v.version, day=f"{v.created_on:%Y-%m-%d}", n=v.items
                )
                if v.version == c.version:
                    text += self.tr(" 当前")
                self.version_combo.addItem(text, v.version_id)
        visible = bool(self.version_rows)
        self.version_caption.setVisible(visible)
        self.version_combo.setVisible(visible)
        self.show_checklist(c)

    def _version_chosen(self, index: int) -> None:
        version_id = self.version_combo.itemData(index)
        current = self.current()
        if version_id is None or current is None:
            return
        if version_id == current.version_id:
            self.show_checklist(current)
            return
        Op(self, self.services, lambda s: s.checklists.get(version_id)).success(self.show_checklist).run()

    def choose_version(self, version: int) -> bool:
        """Show version ``version`` of the chosen office list (as picking it in the box does)."""
        for i in range(self.version_combo.count()):
            row = next((v for v in self.version_rows if v.version_id == self.version_combo.itemData(i)), None)
            if row is not None and row.version == version:
                self.version_combo.setCurrentIndex(i)
                self._version_chosen(i)
                return True
        return False

    # -- the chosen list ------------------------------------------------------------------------
    def _kinds(self, c: Checklist) -> str:
        text = categories_text(c.applies_to)
        return "、".join(term(k) for k in text.split("、")) if text else self.tr("全部监管类别")

    def show_checklist(self, c: Checklist | None) -> None:
        self.shown = c
        t = self.items_table
        t.setRowCount(0)
        if c is None:
            self.title_label.setText(self.tr("（没有检查表）"))
            self.facts_label.clear()
            self.status_note.hide()
            self._update_buttons()
            return
        self.title_label.setText(c.label if c.source is ChecklistSource.STANDARD else c.title)
        if c.source is ChecklistSource.STANDARD:
            parts = [self.tr("判定标准（随程序发布，只读）")]
            if c.number:
                parts.append(self.tr("文号：{number}").format(number=c.number))
            if c.in_force is not None:
                parts.append(self.tr("施行日期：{day}").format(day=f"{c.in_force:%Y-%m-%d}"))
        else:
            parts = [self.tr("本机关检查表 · 第{v}版").format(v=c.version or 1)]
        parts.append(self.tr("适用：{kinds}").format(kinds=self._kinds(c)))
        parts.append(self.tr("共{n}项").format(n=len(c.items)))
        self.facts_label.setText("　".join(parts))

        unverified = sum(1 for i in c.items if not i.verified)
        if c.source is ChecklistSource.STANDARD and (unverified or not c.items):
            if not c.items:
                text = self.tr("本标准的条文待核实，暂未收录检查项：请以正式发布的文本为准。")
            else:
                text = self.tr(
                    "{n}项条文待核实（标为“待核实”）：尚未与现行版本的原文核对，不是正式条文，引用前请核对原文。"
                ).format(n=unverified)
            self.status_note.setText(text)
            self.status_note.setStyleSheet(UNVERIFIED_NOTE_STYLE)
            self.status_note.show()
        elif (
            c.source is ChecklistSource.OFFICE
            and self.version_rows
            and c.version != max(v.version for v in self.version_rows)
        ):
            self.status_note.setText(
                self.tr("这是以前的第{v}版：用它登记的检查仍按此版显示和打印；新的检查使用当前版本。").format(
                    v=c.version
                )
            )
            self.status_note.setStyleSheet(CHECKLIST_NOTE_STYLE)
            self.status_note.show()
        else:
            self.status_note.hide()

        t.setRowCount(len(c.items))
        for r, item in enumerate(c.items):
            values = (
                item.number,
                item.category,
                item.content,
                item.basis + ("" if item.verified or not item.basis else UNVERIFIED_MARK),
                self.tr("是") if item.major else "",
                term(item.status_label) if item.status_label else "",
            )
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                cell.setTextAlignment(
                    Qt.AlignmentFlag.AlignTop
                    | (Qt.AlignmentFlag.AlignHCenter if col in (4, 5) else Qt.AlignmentFlag.AlignLeft)
                )
                if col == 4 and item.major:
                    cell.setForeground(QColor(MAJOR_COLOUR))
                if not item.verified and col in (2, 3, 5):
                    cell.setForeground(QColor(UNVERIFIED_COLOUR))
                t.setItem(r, col, cell)
        t.setColumnHidden(ITEM_COLUMNS.index("category"), not any(i.category for i in c.items))
        t.resizeRowsToContents()
        self._fit_rows.start()
        self.empty_label.setVisible(not c.items)
        self.empty_label.setText(self.tr("这张检查表还没有检查项。") if not c.items else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        c = self.current()
        office = c is not None and c.source is ChecklistSource.OFFICE
        self.new_button.setEnabled(self.may_edit)
        self.import_button.setEnabled(self.may_edit)
        self.edit_button.setEnabled(self.may_edit and office)
        self.import_version_button.setEnabled(self.may_edit and office)
        self.import_version_button.setVisible(office)
        self.import_version_button.setToolTip(
            self.tr("用 Excel 文件（可先导出本表再修改）生成本表的下一版；已登记的检查保留原版本")
            if self.may_edit
            else self.tr("本机关检查表须由科室负责人修改")
        )
        self.export_button.setEnabled(self.shown is not None and bool(self.shown.items))
        if c is not None and not office:
            self.edit_button.setToolTip(
                self.tr("判定标准随程序发布，不能修改；可导出后在 Excel 中修改，再导入为本机关检查表")
            )
        elif not self.may_edit:
            self.edit_button.setToolTip(self.tr("本机关检查表须由科室负责人修改"))
        else:
            self.edit_button.setToolTip(self.tr("修改后生成新版本；已登记的检查保留原版本"))

    # -- create and edit ------------------------------------------------------------------------
    def edit_current(self) -> ChecklistEditor | None:
        c = self.current()
        if c is None or c.source is not ChecklistSource.OFFICE:
            return None
        return self.open_editor(c)

    def open_editor(self, base: Checklist | None) -> ChecklistEditor:
        """The editor, window-modal and non-blocking (open(), not exec())."""
        editor = ChecklistEditor(self.services, self.actor, base, parent=self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._after_save)
        editor.finished.connect(lambda _r: setattr(self, "editor", None))
        self.editor = editor
        editor.open()
        return editor

    def _after_save(self, c: Checklist) -> None:
        self.reload(select_code=c.code)
        self.status_label.setText(self.tr("已保存“{title}”第{v}版。").format(title=c.title, v=c.version or 1))
        self.changed.emit()

    # -- Excel ----------------------------------------------------------------------------------
    def _folder(self) -> Path:
        folder = self.settings.last_folder(FOLDER_PURPOSE) if self.settings is not None else None
        return folder or user_documents_folder()

    def _remember(self, path: Path) -> None:
        if self.settings is not None:
            self.settings.set_last_folder(FOLDER_PURPOSE, path.parent)
            self.settings.sync()

    def export_shown(self) -> Path | None:
        """导出到 Excel…: the version on screen, on the database worker."""
        c = self.shown
        if c is None:
            return None
        version = self.tr("（第{v}版）").format(v=c.version) if c.source is ChecklistSource.OFFICE else ""
        name = "".join(ch for ch in f"{c.title}{version}" if ch not in '\\/:*?"<>|') + ".xlsx"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出检查表"), str(self._folder() / name), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._remember(path)
        outcome = LongOp(
            self,
            self.services,
            lambda _s, _progress: export_checklist(c, path),
            title=self.tr("导出检查表"),
            label=lambda _d, _n: self.tr("正在写入检查表……"),
        ).run()
        if not outcome.ok:
            return None
        message = self.tr("已导出“{title}”：{path}").format(title=c.title, path=path)
        self.status_label.setText(message)
        print_actions.show_status(self.parentWidget(), message)
        return path

    def import_file(self) -> Checklist | None:
        """从 Excel 导入…: a new office list from the file; nothing is written while a row is wrong
        (the message names each Excel row and column)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("导入检查表"), str(self._folder()), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._remember(path)
        actor = self.actor
        outcome = LongOp(
            self,
            self.services,
            lambda s, _progress: import_checklist(s.checklists, actor, path),
            title=self.tr("导入检查表"),
            label=lambda _d, _n: self.tr("正在读取检查表……"),
        ).run()
        c = outcome.value
        if c is None:
            return None
        self.reload(select_code=c.code)
        self.status_label.setText(
            self.tr("已从 {file} 导入“{title}”（第{v}版，{n}项）。").format(
                file=path.name, title=c.title, v=c.version or 1, n=len(c.items)
            )
        )
        self.changed.emit()
        return c

    def import_version(self) -> Checklist | None:
        """导入新版本…: the file as the next version of the chosen office list, after showing what
        it changes; a file with bad rows is refused with each row named, nothing written."""
        c = self.current()
        if c is None or c.source is not ChecklistSource.OFFICE:
            return None
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("导入为“{title}”的新版本").format(title=c.title),
            str(self._folder()),
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._remember(path)
        code, actor = c.code, self.actor
        title = self.tr("导入新版本")
        preview = (
            LongOp(
                self,
                self.services,
                lambda s, _progress: preview_version(s.checklists, code, path),
                title=title,
                label=lambda _d, _n: self.tr("正在读取检查表……"),
            )
            .run()
            .value
        )
        if preview is None:
            return None
        if preview.errors:
            refusal = ChecklistFileError(
                self.tr("检查表文件有{n}处错误，未导入：").format(n=len(preview.errors)), preview.errors
            )
            QMessageBox.warning(self, title, str(refusal))
            return None
        if preview.unchanged:
            QMessageBox.information(
                self,
                title,
                self.tr("{file} 的内容与“{title}”当前第{v}版相同，未生成新版本。").format(
                    file=path.name, title=c.title, v=preview.version
                ),
            )
            return None
        asked = QMessageBox.question(
            self,
            title,
            self.preview_text(preview),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if asked != QMessageBox.StandardButton.Yes:
            return None
        new_title = preview.title
        outcome = LongOp(
            self,
            self.services,
            lambda s, _progress: import_checklist(s.checklists, actor, path, name=new_title, code=code),
            title=title,
            label=lambda _d, _n: self.tr("正在导入检查表……"),
        ).run()
        imported = outcome.value
        if imported is None:
            return None
        self.reload(select_code=code)
        self.status_label.setText(
            self.tr("已从 {file} 导入“{title}”第{v}版（{n}项），原第{old}版保留。").format(
                file=path.name,
                title=imported.title,
                v=imported.version or 1,
                n=len(imported.items),
                old=preview.version,
            )
        )
        self.changed.emit()
        return imported

    def preview_text(self, p: VersionPreview) -> str:
        lines = [
            self.tr("将“{title}”由第{v}版（{before}项）更新为第{next}版（{after}项）：").format(
                title=p.title, v=p.version, before=p.items_before, next=p.version + 1, after=p.items_after
            ),
            self.tr("新增 {a} 项，删除 {r} 项，修改 {c} 项。").format(a=p.added, r=p.removed, c=p.changed),
        ]
        if p.renamed:
            lines.append(self.tr("检查表名称改为“{title}”。").format(title=p.title))
        if p.categories_changed:
            lines.append(self.tr("适用监管类别有变化。"))
        lines.append(self.tr("已登记的检查保留其使用的版本，打印的检查记录不变。确定导入吗？"))
        return "\n".join(lines)


def open_dialog(
    parent: QWidget, services: Services, actor: Actor, settings: Settings | None = None
) -> ChecklistDialog:
    """Open the dialog window-modal (检查 → 检查表管理…); it deletes itself when closed."""
    dialog = ChecklistDialog(services, actor, settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
