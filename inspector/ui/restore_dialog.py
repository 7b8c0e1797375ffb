"""文件 → 恢复备份: choose a backup by its date and what it holds, restore it, start again.

The list and the restore are ops on ``services.maintenance`` (the restore backs up the current data
first and refuses while another window has the database open; ops says so). Afterwards the program starts again, so
every page reads the restored data from the beginning.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess, Qt
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

from inspector.core.context import Services
from inspector.core.maintenance import BackupInfo, RestoreResult
from inspector.ui.ops import Op
from inspector.ui.style import MUTED_TEXT


def relaunch() -> None:
    """Start the program again and leave this one (a module function so tests can replace it)."""
    QProcess.startDetached(sys.executable, [*sys.orig_argv[1:]] if hasattr(sys, "orig_argv") else sys.argv)
    app = QApplication.instance()
    if app is not None:
        app.quit()


class RestoreDialog(QDialog):
    """The backups, newest first; ``restored`` says what was restored once it was."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复备份"))
        self.services = services
        self.restored: RestoreResult | None = None
        root = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "选择要恢复的备份。恢复前会先把当前数据另存为一个新备份，恢复后程序将重新启动。"
                "请先关闭其他打开本数据库的窗口。"
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(MUTED_TEXT)
        root.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        listed = Op(self, services, lambda s: s.maintenance.backups(), title=self.tr("恢复备份")).run()
        self.backups: list[BackupInfo] = listed.value or []
        for b in self.backups:
            item = QListWidgetItem(b.describe())
            item.setToolTip(str(b.path))
            if not b.readable:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        root.addWidget(self.list, 1)
        self.empty = QLabel(
            self.tr("备份文件夹中没有备份：{folder}").format(folder=services.maintenance.backup_folder)
        )
        self.empty.setVisible(not self.backups)
        root.addWidget(self.empty)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("恢复所选备份…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(False)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
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
            self.tr("恢复备份"),
            self.tr("用 {when} 的备份（{what}）替换当前数据？\n当前数据会先另存为新备份。").format(
                when=f"{chosen.taken_at:%Y-%m-%d %H:%M:%S}", what=chosen.describe().split("　", 1)[-1]
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.restored = (
            Op(
                self,
                self.services,
                lambda s: s.maintenance.restore(chosen.path),
                title=self.tr("无法恢复备份"),
            )
            .run()
            .value
        )
        if self.restored is None:
            return False
        QMessageBox.information(
            self, self.tr("已恢复备份"), self.restored.describe() + self.tr("\n\n程序将重新启动。")
        )
        self.accept()
        return True
