"""导入企业名录: pick an .xlsx, preview every row (新增/更新/错误), then import off the GUI thread.

Reading and writing are ``LongOp``s on the database worker with a cancellable progress dialog, so a
roster of 10,000 rows never freezes the window, and ops says why a file could not be used. All
checks and writes are core.roster's; this module only shows them. The refused rows can be saved
as an Excel list (reports.import_errors, through ops) or copied, and the file picker opens in the
folder of the last roster imported (``Settings.last_folder``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core import roster
from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.enterprises import LABELS
from inspector.core.roster import ImportPreview, ImportResult, PreviewRow, RowStatus
from inspector.reports.import_errors import error_text, export_import_errors
from inspector.ui.ops import LongOp, Op
from inspector.ui.settings import Settings
from inspector.ui.style import (
    BOLD_SUMMARY,
    ERROR_COLOUR,
    ERROR_ROW,
    ERROR_TEXT,
    IMPORT_ROW_DETAIL_STYLE,
    MUTED_COLOUR,
    MUTED_TEXT,
    OK_COLOUR,
    UPDATE_COLOUR,
)
from inspector.ui.terms import term
from inspector.ui.widgets import user_documents_folder

TEMPLATE_FILE_NAME = "企业名录导入模板.xlsx"
FOLDER_PURPOSE = "import"  # Settings.last_folder: where the last roster was picked
RESULT_ERROR_LINES = 30  # errors listed in the result box; the preview table has them all


# --------------------------------------------------------------------------------------------
# Preview table
# --------------------------------------------------------------------------------------------

STATUS_COLOURS = {
    RowStatus.NEW: OK_COLOUR,
    RowStatus.UPDATE: UPDATE_COLOUR,
    RowStatus.UNCHANGED: MUTED_COLOUR,
    RowStatus.ERROR: ERROR_COLOUR,
}


class PreviewModel(QAbstractTableModel):
    """The previewed rows: Excel row number, status, name, code, 属地 and what happens / what is wrong."""

    ROW, STATUS, NAME, CODE, JURISDICTION, DETAIL = range(6)

    def __init__(self, rows: list[PreviewRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.headers = [
            self.tr("行号"),
            self.tr("状态"),
            term(LABELS["name"]),
            term(LABELS["credit_code"]),
            term(LABELS["jurisdiction"]),
            self.tr("说明"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _text(self, r: PreviewRow, col: int) -> str:
        if col == self.ROW:
            return str(r.row)
        if col == self.STATUS:
            return r.status.value
        if col == self.NAME:
            return r.name
        if col == self.CODE:
            return r.credit_code
        if col == self.JURISDICTION:
            return r.jurisdiction
        return r.detail

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return r.row if col == self.ROW else self._text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.STATUS or (col == self.DETAIL and r.errors):
                return QColor(STATUS_COLOURS[r.status])
            return None
        if role == Qt.ItemDataRole.BackgroundRole and r.errors:
            return QColor(ERROR_ROW)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.DETAIL and r.detail:
            return "\n".join(str(e) for e in r.errors) if r.errors else r.detail
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.ROW, self.STATUS):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class _ErrorsOnly(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.errors_only = False
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_errors_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.errors_only = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, PreviewModel)
        return not self.errors_only or bool(model.rows[source_row].errors)


# --------------------------------------------------------------------------------------------
# The preview dialog
# --------------------------------------------------------------------------------------------


class ImportPreviewDialog(QDialog):
    """Shows what the import will do; 导入 writes it (all rows, or only the good ones if asked)."""

    imported = Signal(object)  # ImportResult

    def __init__(
        self, services: Services, actor: Actor, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.preview = preview
        self.import_result: ImportResult | None = None  # not `result`: QDialog.result() is the exit code
        self.setWindowTitle(self.tr("导入企业名录 — 预览"))
        self.resize(1040, 640)

        self.summary_label = QLabel(preview.summary_line())
        self.summary_label.setObjectName("ImportSummary")
        self.summary_label.setStyleSheet(BOLD_SUMMARY)
        source = self.tr("文件：{file}　工作表：{sheet}　表头在第{row}行").format(
            file=preview.path.name, sheet=preview.sheet, row=preview.header_row
        )
        self.source_label = QLabel(source)
        self.source_label.setWordWrap(True)
        notes = list(preview.notices)
        if preview.ignored_columns:
            notes.append(self.tr("以下列不导入：{cols}").format(cols="、".join(preview.ignored_columns)))
        self.notes_label = QLabel("\n".join(notes))
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet(MUTED_TEXT)
        self.notes_label.setVisible(bool(notes))

        self.model = PreviewModel(preview.rows, self)
        self.proxy = _ErrorsOnly(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PreviewModel.ROW, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for col, width in (
            (PreviewModel.ROW, 56),
            (PreviewModel.STATUS, 64),
            (PreviewModel.NAME, 250),
            (PreviewModel.CODE, 170),
            (PreviewModel.JURISDICTION, 100),
        ):
            header.resizeSection(col, width)
        header.setSectionResizeMode(PreviewModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        # Long error lists do not fit a table cell: the selected row's full text is shown below.
        self.detail_label = QLabel()
        self.detail_label.setObjectName("ImportRowDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setStyleSheet(IMPORT_ROW_DETAIL_STYLE)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

        has_errors = preview.has_errors
        self.errors_only_box = QCheckBox(self.tr("只显示错误行"))
        self.errors_only_box.setVisible(has_errors)
        self.errors_only_box.toggled.connect(self.proxy.set_errors_only)
        self.skip_errors_box = QCheckBox(self.tr("跳过错误行，只导入正确的行"))
        self.skip_errors_box.setEnabled(has_errors)
        self.skip_errors_box.toggled.connect(self._update_buttons)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(ERROR_TEXT)

        self.save_errors_button = QPushButton(self.tr("导出错误清单…"))
        self.save_errors_button.setToolTip(self.tr("把错误行（行号、字段、错误说明）保存为 Excel 文件"))
        self.save_errors_button.clicked.connect(self.save_errors)
        self.copy_errors_button = QPushButton(self.tr("复制错误"))
        self.copy_errors_button.setToolTip(self.tr("把错误行复制到剪贴板，可粘贴到 Excel 或消息中"))
        self.copy_errors_button.clicked.connect(self.copy_errors)
        for b in (self.save_errors_button, self.copy_errors_button):
            b.setVisible(has_errors)
        self.saved_errors: Path | None = None

        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.errors_only_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_errors_box)
        buttons.addStretch(1)
        buttons.addWidget(self.save_errors_button)
        buttons.addWidget(self.copy_errors_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.source_label)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(buttons)
        self._update_buttons()
        self._select_first_error()

    @Slot()
    def save_errors(self) -> Path | None:
        """导出错误清单…: the refused rows as an Excel file beside the roster (written through ops)."""
        source = self.preview.path
        suggested = source.parent / self.tr("{stem}_错误清单.xlsx").format(stem=source.stem)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("导出错误清单"), str(suggested), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        preview = self.preview
        lines = Op(
            self,
            self.services,
            lambda _s: export_import_errors(preview, target),
            title=self.tr("导出错误清单"),
        ).run()
        if lines.value is None:
            return None
        self.saved_errors = target
        QMessageBox.information(
            self,
            self.tr("已导出"),
            self.tr("已导出 {n} 处错误：\n{path}").format(n=lines.value, path=target),
        )
        return target

    @Slot()
    def copy_errors(self) -> None:
        """复制错误: the same lines, tab-separated, on the clipboard."""
        QApplication.clipboard().setText(error_text(self.preview))
        self.hint_label.setText(
            self.tr("已复制 {n} 处错误。").format(n=sum(len(r.errors) for r in self.preview.rows))
        )
        self.hint_label.setVisible(True)

    @property
    def written(self) -> bool:
        return self.import_result is not None and self.import_result.written

    def _select_first_error(self) -> None:
        for proxy_row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
            if self.model.rows[source.row()].errors:
                self.table.setCurrentIndex(self.proxy.index(proxy_row, 0))
                return
        self._show_detail(QModelIndex())

    @Slot(QModelIndex, QModelIndex)
    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.detail_label.setText(self.tr("选中一行可查看完整说明。"))
            return
        r = self.model.rows[self.proxy.mapToSource(current).row()]
        title = self.tr("第{row}行").format(row=r.row) + (f"（{r.name}）" if r.name else "")
        if r.errors:
            lines = [
                title + self.tr("有{n}处错误：").format(n=len(r.errors)),
                *(f"· {e.short}" for e in r.errors),
            ]
        elif r.status is RowStatus.UPDATE:
            lines = [
                title
                + self.tr("：将更新已登记的企业，变更字段：{fields}").format(fields="、".join(r.changes))
            ]
        elif r.status is RowStatus.UNCHANGED:
            lines = [title + self.tr("：与已登记信息相同，不会写入")]
        else:
            lines = [title + self.tr("：将新增登记")]
        self.detail_label.setText("\n".join(lines))

    def _to_write(self) -> int:
        return self.preview.count(RowStatus.NEW) + self.preview.count(RowStatus.UPDATE)

    @Slot()
    def _update_buttons(self) -> None:
        errors = self.preview.count(RowStatus.ERROR)
        skip = self.skip_errors_box.isChecked()
        if errors and not skip:
            hint = self.tr(
                "有{n}行存在错误：请修正 Excel 后重新导入，或勾选“跳过错误行，只导入正确的行”。"
            ).format(n=errors)
        elif not self._to_write():
            hint = self.tr("没有需要导入的新企业或变更。")
        else:
            hint = ""
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.import_button.setEnabled(not hint)

    @Slot()
    def start_import(self) -> None:
        """Apply on the database worker (input held, 取消 live); a refusal is said by ops."""
        if not self.import_button.isEnabled():
            return
        partial = self.skip_errors_box.isChecked()
        preview, actor = self.preview, self.actor
        result = (
            LongOp(
                self,
                self.services,
                lambda s, progress: roster.apply(s, actor, preview, partial=partial, progress=progress),
                title=self.tr("导入企业名录"),
                label=lambda done, total: self.tr("正在导入：{done}/{total}").format(
                    done=done, total=total or "…"
                ),
            )
            .run()
            .value
        )
        if result is None:
            return
        self.import_result = result
        self.imported.emit(result)
        text = result.summary(limit=RESULT_ERROR_LINES)
        if result.cancelled:
            QMessageBox.information(self, self.tr("已取消"), text)
            return
        if result.ok:
            QMessageBox.information(self, self.tr("导入完成"), text)
            self.accept()
        else:
            QMessageBox.warning(self, self.tr("未导入"), text)


# --------------------------------------------------------------------------------------------
# Entry points for the main window
# --------------------------------------------------------------------------------------------


def load_preview(parent: QWidget | None, services: Services, path: str | Path) -> ImportPreview | None:
    """Read and check the file on the database worker; None if cancelled or unusable (ops said why)."""
    name = Path(path).name
    return (
        LongOp(
            parent,
            services,
            lambda s, progress: roster.preview(s, path, progress),
            title=QCoreApplication.translate("ImportDialog", "读取企业名录"),
            label=lambda done, total: QCoreApplication.translate(
                "ImportDialog", "正在读取 {name}：第{done}行"
            ).format(name=name, done=done),
        )
        .run()
        .value
    )


def run_import_dialog(
    parent: QWidget | None, services: Services, actor: Actor, settings: Settings | None = None
) -> bool:
    """File picker → preview → import. True if any enterprise was created or updated.

    The picker opens where the last roster was picked: ``settings``, or else the parent's own
    (the main window's ``settings``), so the caller need not pass them."""
    if settings is None:
        owned = getattr(parent, "settings", None)
        settings = owned if isinstance(owned, Settings) else None
    folder = settings.last_folder(FOLDER_PURPOSE) if settings is not None else None
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "选择企业名录 Excel 文件"),
        str(folder or user_documents_folder()),
        QCoreApplication.translate("ImportDialog", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)"),
    )
    if not path:
        return False
    if settings is not None:
        settings.set_last_folder(FOLDER_PURPOSE, Path(path).parent)
        settings.sync()
    preview = load_preview(parent, services, path)
    if preview is None:
        return False
    dialog = ImportPreviewDialog(services, actor, preview, parent)
    try:
        dialog.exec()
        return dialog.written
    finally:
        dialog.deleteLater()


def save_template(parent: QWidget | None, services: Services) -> None:
    """Save the import template where the user chooses and say where it went."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "保存企业名录导入模板"),
        str(user_documents_folder() / TEMPLATE_FILE_NAME),
        QCoreApplication.translate("ImportDialog", "Excel 工作簿 (*.xlsx)"),
    )
    if not path:
        return
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    saved = (
        Op(
            parent,
            services,
            lambda _s: roster.write_template(target),
            title=QCoreApplication.translate("ImportDialog", "无法保存模板"),
        )
        .run()
        .value
    )
    if saved is None:
        return
    QMessageBox.information(
        parent,
        QCoreApplication.translate("ImportDialog", "已保存模板"),
        QCoreApplication.translate(
            "ImportDialog", "导入模板已保存到：\n{path}\n\n按“说明”工作表填写后，用“导入企业名录”导入。"
        ).format(path=saved),
    )
