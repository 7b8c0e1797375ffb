"""The main window's commands: its pages (sidebar, Ctrl+1…7), its actions and the menu bar.

Apart from ``main_window`` so the shell module holds the window's behaviour (pages, state, slots)
and this one only what the user can choose and where it sits: one place to look for a shortcut.
The actions stay attributes of the window (``window.import_action`` …), declared there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from inspector.ui.style import icon

if TYPE_CHECKING:
    from inspector.ui.main_window import MainWindow


@dataclass(frozen=True)
class PageInfo:
    key: str  # stable id, stored in settings
    title: str
    icon: str


def _ui(name: str) -> ModuleType:
    """A dialog's module, imported when its command is first used (start-up does not need it)."""
    return import_module(f"inspector.ui.{name}")


def page_infos() -> list[PageInfo]:
    """The sidebar's pages, in order (translated when the window is built)."""
    return [
        PageInfo("home", QCoreApplication.translate("MainWindow", "工作台"), "home"),
        PageInfo("enterprises", QCoreApplication.translate("MainWindow", "企业台账"), "enterprise"),
        PageInfo("inspections", QCoreApplication.translate("MainWindow", "检查记录"), "inspection"),
        PageInfo("hazards", QCoreApplication.translate("MainWindow", "隐患整改"), "hazard"),
        PageInfo("ledger", QCoreApplication.translate("MainWindow", "月度台账"), "ledger"),
        PageInfo("statistics", QCoreApplication.translate("MainWindow", "统计"), "statistics"),
        PageInfo("plans", QCoreApplication.translate("MainWindow", "检查计划"), "plan"),
    ]


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | str | None = None,
    icon_name: str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon_name:
        action.setIcon(icon(icon_name))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def _open_help(w: MainWindow) -> None:
    from inspector.ui import help_window  # on first F1: the first paint does not need the guide

    help_window.open_help(w, w.current_page_key())


def build_actions(w: MainWindow) -> None:
    """Every command of the window, as ``w.<name>_action``."""
    w.import_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "导入企业名录…"),
        w.import_enterprises,
        "Ctrl+I",
        "import",
        QCoreApplication.translate("MainWindow", "从 Excel 批量导入企业"),
    )
    w.template_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "下载导入模板…"),
        w.save_import_template,
        tip=QCoreApplication.translate("MainWindow", "保存企业名录导入模板（Excel）"),
    )
    w.enforcement_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "导出执法统计报表…"),
        lambda: _ui("enforcement_dialog").open_dialog(w, w.services, w.current_actor, w.settings),
        icon_name="statistics",
        tip=QCoreApplication.translate(
            "MainWindow", "按月、季、年统计各属地的检查、执法文书、隐患整改和挂牌督办，导出 Excel 报表"
        ),
    )
    w.office_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "机关设置…"),
        w.edit_office,
        tip=QCoreApplication.translate("MainWindow", "执法机关名称、文号、复议机关和法院、台账填报单位等"),
    )
    w.backup_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "立即备份"),
        w.backup_now,
        tip=QCoreApplication.translate("MainWindow", "把数据库备份到数据文件夹的 backups/ 中"),
    )
    w.restore_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "恢复备份…"),
        w.restore_backup,
        tip=QCoreApplication.translate("MainWindow", "用以前的备份替换当前数据（先另存当前数据）"),
    )
    w.quit_action = _action(w, QCoreApplication.translate("MainWindow", "退出"), w.close, "Ctrl+Q")
    w.new_action = _action(
        w, QCoreApplication.translate("MainWindow", "新增企业"), w.new_enterprise, "Ctrl+N", "add"
    )
    w.edit_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "编辑"),
        w.edit_enterprise,
        "Ctrl+E",
        "edit",
        QCoreApplication.translate("MainWindow", "编辑所选企业（也可双击或按回车）"),
    )
    w.file_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "企业档案"),
        w.open_enterprise_file,
        "Ctrl+D",
        "archive",
        QCoreApplication.translate("MainWindow", "查看所选企业的一企一档"),
    )
    w.find_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "查找"),
        w.search,
        "Ctrl+F",
        tip=QCoreApplication.translate("MainWindow", "搜索企业"),
    )
    w.refresh_action = _action(
        w, QCoreApplication.translate("MainWindow", "刷新"), w.refresh, "F5", "refresh"
    )
    w.visit_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "登记检查…"),
        lambda: w.new_visit(),
        "Ctrl+Shift+N",
        "inspection",
        QCoreApplication.translate("MainWindow", "记录一次现场检查及发现的隐患"),
    )
    w.inspectors_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "检查人员管理…"),
        w.manage_inspectors,
        icon_name="person",
        tip=QCoreApplication.translate("MainWindow", "登记、修改、停用检查人员"),
    )
    w.switch_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "切换当前检查人员…"),
        w.switch_inspector,
        "Ctrl+Shift+U",
        tip=QCoreApplication.translate("MainWindow", "选择以谁的身份办理业务"),
    )
    w.help_action = _action(
        w,
        QCoreApplication.translate("MainWindow", "使用帮助"),
        lambda: _open_help(w),
        "F1",
        tip=QCoreApplication.translate("MainWindow", "打开当前页面的使用说明（F1）"),
    )
    w.about_action = _action(w, QCoreApplication.translate("MainWindow", "关于"), w.about)
    w.page_actions = [
        _action(w, info.title, lambda _c=False, k=info.key: w.show_page(k), f"Ctrl+{i + 1}", info.icon)
        for i, info in enumerate(w.infos)
    ]


def build_menus(w: MainWindow) -> None:
    """文件, 企业, 检查, 视图, 帮助 — the actions grouped as an inspector's day goes."""
    bar = w.menuBar()
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "文件(&F)"))
    m.addAction(w.import_action)
    m.addAction(w.template_action)
    m.addSeparator()
    m.addAction(w.enforcement_action)
    m.addSeparator()
    m.addAction(w.office_action)
    m.addSeparator()
    m.addAction(w.backup_action)
    m.addAction(w.restore_action)
    m.addSeparator()
    m.addAction(w.quit_action)
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "企业(&E)"))
    for a in (w.new_action, w.edit_action, w.file_action):
        m.addAction(a)
    m.addSeparator()
    m.addAction(w.find_action)
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "检查(&I)"))
    m.addAction(w.visit_action)
    m.addAction(
        _action(
            w,
            QCoreApplication.translate("MainWindow", "检查方案…"),
            lambda: (
                _ui("scheme_list")
                .open_dialog(w, w.services, w.current_actor)
                .visit_recorded.connect(lambda _r: w.data_changed())
            ),
            icon_name="inspection",
            tip=QCoreApplication.translate(
                "MainWindow", "现场检查方案：拟定、审核、审批、打印，按批准的方案登记检查"
            ),
        )
    )
    m.addAction(
        _action(
            w,
            QCoreApplication.translate("MainWindow", "检查表管理…"),
            lambda: _ui("checklist_dialog").open_dialog(w, w.services, w.current_actor(), w.settings),
            icon_name="inspection",
            tip=QCoreApplication.translate(
                "MainWindow", "查看判定标准检查表；新建、修改、导入、导出本机关检查表"
            ),
        )
    )
    m.addAction(
        _action(
            w,
            QCoreApplication.translate("MainWindow", "双随机抽取…"),
            lambda: _ui("draw_dialog").open_dialog(w, w.services, w.current_actor),
            tip=QCoreApplication.translate(
                "MainWindow", "随机抽取检查企业，并为每家企业随机抽取两名检查人员；打印结果、导出一公开"
            ),
        )
    )
    m.addSeparator()
    m.addAction(w.inspectors_action)
    m.addAction(
        _action(
            w,
            QCoreApplication.translate("MainWindow", "回避登记…"),
            lambda: _ui("conflict_dialog").open_dialog(w, w.services, w.current_actor),
            icon_name="person",
            tip=QCoreApplication.translate(
                "MainWindow", "登记、撤销检查人员对企业的回避（双随机抽取时排除）"
            ),
        )
    )
    m.addAction(w.switch_action)
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "视图(&V)"))
    m.addAction(w.refresh_action)
    m.addSeparator()
    for a in w.page_actions:
        m.addAction(a)
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "帮助(&H)"))
    m.addAction(w.help_action)
    m.addSeparator()
    m.addAction(w.about_action)
