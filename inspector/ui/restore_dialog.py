"""文件 → 恢复备份: choose a backup by its date and what it holds, restore it, start again.

The restore itself is ``MaintenanceService.restore`` (it backs up the current data first and
refuses while another window has the database open). Afterwards the program starts again, so
every page reads the restored data from the beginning.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from inspector.core.errors import DomainError
from inspector.core.maintenance import BackupInfo, MaintenanceService, RestoreResult
from inspector.ui.style import MUTED_COLOUR


def _t(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


def relaunch() -> None:
    """Start the program again and leave this one (a module function so tests can replace it)."""
    QProcess.startDetached(sys.executable, [*sys.orig_argv[1:]] if hasattr(sys, "orig_argv") else sys.argv)
    app = QApplication.instance()
    if app is not None:
        app.quit()


class RestoreDialog(QDialog):
    """The backups, newest first; ``restored`` says what was restored once it was."""

    def __init__(self, maintenance: MaintenanceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("恢复备份"))
        self.maintenance = maintenance
        self.restored: RestoreResult | None = None
        root = QVBoxLayout(self)
        intro = QLabel(
            _t(
                "选择要恢复的备份。恢复前会先把当前数据另存为一个新备份，恢复后程序将重新启动。"
                "请先关闭其他打开本数据库的窗口。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color:{MUTED_COLOUR};")
        root.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        self.backups: list[BackupInfo] = maintenance.backups()
        for b in self.backups:
            item = QListWidgetItem(b.describe())
            item.setToolTip(str(b.path))
            if not b.readable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        root.addWidget(self.list, 1)
        self.empty = QLabel(_t("备份文件夹中没有备份：{folder}").format(folder=maintenance.backup_folder))
        self.empty.setVisible(not self.backups)
        root.addWidget(self.empty)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(_t("恢复所选备份…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        buttons.addButton(_t("关闭"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(row >= 0))
        root.addWidget(buttons)
        self.resize(620, 380)

    def restore_selected(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self.backups):
            return False
        chosen = self.backups[row]
        answer = QMessageBox.question(
            self,
            _t("恢复备份"),
            _t("用 {when} 的备份（{what}）替换当前数据？\n当前数据会先另存为新备份。").format(
                when=f"{chosen.taken_at:%Y-%m-%d %H:%M:%S}", what=chosen.describe().split("　", 1)[-1]
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.restored = self.maintenance.restore(chosen.path)
        except DomainError as e:
            QMessageBox.warning(self, _t("无法恢复备份"), e.message)
            return False
        QMessageBox.information(self, _t("已恢复备份"), self.restored.describe() + _t("\n\n程序将重新启动。"))
        self.accept()
        return True
