"""工作台: what needs doing today, in four numbers and a short list.

The tiles are ``services.dashboard.tiles()``: the same filter that counts a tile opens the hazard
list when it is clicked (``tile_clicked`` carries it), so the list always shows the number the
tile showed. Nothing here is cached across ``refresh()``: every refresh asks the services again, in
one ``Op`` on the database worker that reads the 属地, the tiles and both short lists together (so
they agree with each other); it waits for the answer, so right after a save the numbers are the new
ones, while the window keeps painting.

The start-up overdue notice uses the same tile counts, so the number in the notice, on the tile
and in the list agree; ``overdue_notice_text`` is the one place that decides whether to speak.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
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

from inspector.core.audit import Actor
from inspector.core.context import Services
from inspector.core.dashboard import DUE_SOON_DAYS, Tile
from inspector.core.enums import HazardLevel
from inspector.core.hazards import HazardFilter, HazardRow
from inspector.core.reminders import Reminder
from inspector.ui.home_charts import HomeCharts
from inspector.ui.home_tiles import TileButton
from inspector.ui.ops import Op
from inspector.ui.reminder_panel import ReminderPanel
from inspector.ui.settings import Settings
from inspector.ui.style import (
    CALM_EMPTY_STYLE,
    DUE_SOON_COLOUR,
    ERROR_COLOUR,
    LINK_TEXT,
    MAJOR_COLOUR,
    MUTED_TEXT,
    SECTION_HEADING,
    icon,
)
from inspector.ui.widgets import refill_choices

URGENT_ROWS = 10
REFRESH_ON_SHOW_AFTER_S = 60.0  # coming back after a while re-counts (others write on a team server)

WEEKDAYS = (
    QT_TRANSLATE_NOOP("HomePage", "星期一"),
    QT_TRANSLATE_NOOP("HomePage", "星期二"),
    QT_TRANSLATE_NOOP("HomePage", "星期三"),
    QT_TRANSLATE_NOOP("HomePage", "星期四"),
    QT_TRANSLATE_NOOP("HomePage", "星期五"),
    QT_TRANSLATE_NOOP("HomePage", "星期六"),
    QT_TRANSLATE_NOOP("HomePage", "星期日"),
)


def chinese_date(d: date) -> str:
    """2026年12月2日 星期三."""
    weekday = QCoreApplication.translate("HomePage", str(WEEKDAYS[d.weekday()]))
    return QCoreApplication.translate("HomePage", "{y}年{m}月{d}日 {weekday}").format(
        y=d.year, m=d.month, d=d.day, weekday=weekday
    )


def overdue_notice_text(tiles: Sequence[Tile], major_overdue: int = 0) -> str | None:
    """The start-up reminder, or None when nothing is overdue (the one rule for showing it).

    ``major_overdue`` is how many of the overdue hazards are 重大隐患.
    """
    overdue = next((t for t in tiles if t.key == "overdue"), None)
    if overdue is None or overdue.count <= 0:
        return None
    text = QCoreApplication.translate("HomePage", "有 {n} 条隐患已超过整改时限仍未销号").format(
        n=overdue.count
    )
    if major_overdue > 0:
        text += QCoreApplication.translate("HomePage", "，其中重大隐患 {m} 条").format(m=major_overdue)
    return text + QCoreApplication.translate("HomePage", "。")


def major_overdue_filter(tiles: Sequence[Tile]) -> HazardFilter | None:
    """The overdue tile's own filter narrowed to 重大隐患 (same query builder, same rule)."""
    overdue = next((t for t in tiles if t.key == "overdue"), None)
    if overdue is None:
        return None
    return replace(overdue.filter, level=HazardLevel.MAJOR.value)


def overdue_notice_box(
    parent: QWidget | None, text: str | None, reminders: Sequence[Reminder] = ()
) -> tuple[QMessageBox, QPushButton | None]:
    """The start-up box and its 查看 button (None when nothing is overdue); built apart so tests
    can press the button. ``text`` is the overdue sentence; ``reminders`` follow it as a list."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if text else QMessageBox.Icon.Information)
    box.setWindowTitle(
        QCoreApplication.translate("HomePage", "逾期隐患提醒")
        if text
        else QCoreApplication.translate("HomePage", "今日提醒")
    )
    lines = "\n".join(f"• {r.text}" for r in reminders)
    box.setText(text or lines)
    hint = QCoreApplication.translate("HomePage", "点击“查看”打开逾期隐患清单，督促企业限期整改。")
    if text:
        box.setInformativeText(f"{lines}\n\n{hint}" if lines else hint)
        shown = box.addButton(
            QCoreApplication.translate("HomePage", "查看"), QMessageBox.ButtonRole.AcceptRole
        )
        later = box.addButton(
            QCoreApplication.translate("HomePage", "稍后"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(shown)
        view: QPushButton | None = shown
    else:
        view = None
        later = box.addButton(
            QCoreApplication.translate("HomePage", "知道了"), QMessageBox.ButtonRole.AcceptRole
        )
    box.setEscapeButton(later)
    return box, view


def show_overdue_notice_once(parent: QWidget | None, services: Services) -> bool:
    """At start-up: one box if anything is overdue or reminded (campaign deadlines, hazards due
    soon, 复查 owed). True when the user chose 查看 (overdue only).

    The caller then opens the hazard list with the overdue tile's filter
    (``HazardFilter(overdue_only=True)``).
    """
    counted = Op(
        parent,
        services,
        _overdue_counts,
        title=QCoreApplication.translate("HomePage", "逾期隐患提醒"),
    ).run()
    if counted.value is None:
        return False
    tiles, major, reminders = counted.value
    text = overdue_notice_text(tiles, major)
    if text is None and not reminders:
        return False
    box, view = overdue_notice_box(parent, text, reminders)
    try:
        box.exec()
        return view is not None and box.clickedButton() is view
    finally:
        box.deleteLater()


def _overdue_counts(s: Services) -> tuple[list[Tile], int, list[Reminder]]:
    """The tiles, how many overdue hazards are 重大隐患 (asked only when any is overdue), and the
    day's reminders."""
    tiles = s.dashboard.tiles()
    reminders = s.reminders.today()
    major_filter = major_overdue_filter(tiles)
    if overdue_notice_text(tiles) is None or major_filter is None:
        return tiles, 0, reminders
    return tiles, s.hazards.count(major_filter), reminders


@dataclass(frozen=True)
class _Snapshot:
    """What one refresh reads, together: the 属地 in use, the tiles, both short lists, the unit."""

    jurisdictions: list[str]
    tiles: list[Tile]
    urgent: dict[str, list[HazardRow]]
    unit: str
    reminders: list[Reminder]


def _read_snapshot(s: Services, actor: Actor, jurisdiction: str | None) -> _Snapshot:
    names = s.enterprises.jurisdictions()
    if jurisdiction not in names:
        jurisdiction = None  # the chosen 属地 has gone: the combo falls back to 全区
    tiles = s.dashboard.tiles(jurisdiction=jurisdiction)
    urgent = {
        t.key: s.hazards.page(t.filter, 0, URGENT_ROWS, sort="deadline", descending=False)
        for t in tiles
        if t.key in ("overdue", "due_soon")
    }
    unit = ""
    if actor.id is not None:  # a deleted inspector has no unit to show, and that is no error
        unit = next((r.unit for r in s.inspectors.list(active_only=False) if r.id == actor.id), "")
    return _Snapshot(names, tiles, urgent, unit, s.reminders.today())


def _item(text: str, data: object = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if text:
        item.setToolTip(text)
    return item


class HazardShortList(QWidget):
    """A titled list of at most ``URGENT_ROWS`` hazards, with a link to the full list.

    ``kind`` is "overdue" (last column: days past the deadline) or "due_soon" (days left).
    """

    activated = Signal(int)
    more_clicked = Signal()
    COLUMNS = (
        QT_TRANSLATE_NOOP("HazardShortList", "企业名称"),
        QT_TRANSLATE_NOOP("HazardShortList", "隐患描述"),
        QT_TRANSLATE_NOOP("HazardShortList", "等级"),
        QT_TRANSLATE_NOOP("HazardShortList", "整改时限"),
    )

    def __init__(self, kind: str, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.base_title = title
        self.empty_text = empty_text
        self.rows: list[HazardRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel(title)
        self.title.setObjectName(f"{kind}_title")
        self.title.setStyleSheet(SECTION_HEADING)
        head.addWidget(self.title)
        head.addStretch(1)
        self.more_button = QPushButton(self.tr("全部 ›"))
        self.more_button.setObjectName(f"{kind}_more_button")
        self.more_button.setFlat(True)
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.setStyleSheet(LINK_TEXT)
        self.more_button.clicked.connect(self.more_clicked)
        head.addWidget(self.more_button)
        lay.addLayout(head)

        self.stack = QStackedWidget()
        last = self.tr("逾期") if kind == "overdue" else self.tr("剩余")
        t = QTableWidget(0, len(self.COLUMNS) + 1)
        t.setObjectName(f"{kind}_table")
        t.setHorizontalHeaderLabels([self.tr(str(c)) for c in self.COLUMNS] + [last])
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(30)
        hh = t.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, width in enumerate((190, 200, 48, 92, 64)):
            hh.resizeSection(i, width)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names and texts share the room
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        t.itemActivated.connect(self._row_activated)
        self.table = t
        self.stack.addWidget(t)
        self.empty_label = QLabel()
        self.empty_label.setObjectName(f"{kind}_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(CALM_EMPTY_STYLE)
        self.stack.addWidget(self.empty_label)
        lay.addWidget(self.stack, 1)

    def set_rows(self, rows: list[HazardRow], total: int, where: str) -> None:
        """Show ``rows`` (the first of ``total``); ``where`` names the 属地 for the empty text."""
        self.rows = rows
        if total > len(rows):
            self.title.setText(
                self.tr("{title}（前 {n} 条，共 {total} 条）").format(
                    title=self.base_title, n=len(rows), total=total
                )
            )
        elif total:
            self.title.setText(self.tr("{title}（{total} 条）").format(title=self.base_title, total=total))
        else:
            self.title.setText(self.base_title)
        self.more_button.setVisible(total > 0)
        t = self.table
        t.setRowCount(len(rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            major = row.level == HazardLevel.MAJOR.value
            days = row.days_left if row.days_left is not None else 0
            if self.kind == "overdue":
                last = self.tr("{n} 天").format(n=-days)
                last_colour = ERROR_COLOUR
            else:
                last = self.tr("今天到期") if days == 0 else self.tr("{n} 天").format(n=days)
                last_colour = DUE_SOON_COLOUR
            cells = [
                _item(row.enterprise_name, row.id),
                _item(f"{row.location}：{row.description}" if row.location else row.description),
                _item(self.tr("重大") if major else self.tr("一般")),
                _item(row.deadline.isoformat() if row.deadline else ""),
                _item(last),
            ]
            tip = self.tr(
                "{number}　{jurisdiction}　{level}\n{enterprise}\n{location}：{description}"
            ).format(
                number=row.number,
                jurisdiction=row.jurisdiction,
                level=row.level,
                enterprise=row.enterprise_name,
                location=row.location,
                description=row.description,
            )
            for cell in cells:
                cell.setToolTip(tip)
            if major:
                cells[2].setForeground(QColor(MAJOR_COLOUR))
                cells[2].setFont(bold)
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            cells[4].setForeground(QColor(last_colour))
            cells[4].setFont(bold)
            cells[4].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for c, item in enumerate(cells):
                t.setItem(r, c, item)
        if rows:
            self.stack.setCurrentWidget(t)
        else:
            self.empty_label.setText(self.empty_text.format(where=where))
            self.stack.setCurrentWidget(self.empty_label)

    def _row_activated(self, item: QTableWidgetItem) -> None:
        r = item.row()
        if 0 <= r < len(self.rows):
            self.activated.emit(self.rows[r].id)


class HomePage(QWidget):
    """The start page. Signals: ``tile_clicked(HazardFilter)``, ``hazard_activated(hazard id)``,
    ``new_visit_requested()``, ``new_enterprise_requested()``; call ``refresh()`` after changes."""

    tile_clicked = Signal(object)
    hazard_activated = Signal(int)
    new_visit_requested = Signal()
    new_enterprise_requested = Signal()
    campaign_requested = Signal(int)

    def __init__(
        self,
        services: Services,
        actor: Callable[[], Actor],
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        paint_first: bool = False,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._actor = actor
        self.settings = settings
        self.tiles: list[Tile] = []
        self.tile_buttons: dict[str, TileButton] = {}
        self._last_refresh = 0.0
        self._build()
        if paint_first:  # the start page of the window: its first paint does not wait for counts
            self.refresh(wait=False)
        else:
            self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setObjectName("HomePage")
        root = QVBoxLayout(self)
        root.setContentsMargins(20, 16, 20, 12)
        root.setSpacing(14)

        head = QHBoxLayout()
        head.setSpacing(10)
        greeting_box = QVBoxLayout()
        greeting_box.setSpacing(2)
        self.greeting_label = QLabel()
        self.greeting_label.setObjectName("PageTitle")
        greeting_box.addWidget(self.greeting_label)
        self.date_label = QLabel()
        self.date_label.setObjectName("CountLabel")
        greeting_box.addWidget(self.date_label)
        head.addLayout(greeting_box, 1)

        head.addWidget(QLabel(self.tr("属地")), 0, Qt.AlignmentFlag.AlignVCenter)
        self.jurisdiction_combo = QComboBox()
        self.jurisdiction_combo.setObjectName("jurisdiction_combo")
        self.jurisdiction_combo.setToolTip(self.tr("只统计所选园区、镇或街道的企业"))
        self.jurisdiction_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.jurisdiction_combo.setMinimumContentsLength(8)
        self.jurisdiction_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        head.addWidget(self.jurisdiction_combo, 0, Qt.AlignmentFlag.AlignVCenter)
        self.refresh_button = QPushButton(icon("refresh"), self.tr("刷新"))
        self.refresh_button.setToolTip(self.tr("重新统计（F5）"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        head.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addSpacing(12)
        self.new_visit_button = QPushButton(icon("inspection"), self.tr("登记检查"))
        self.new_visit_button.setObjectName("new_visit_button")
        self.new_visit_button.setToolTip(self.tr("登记一次现场检查及发现的隐患"))
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        self.new_enterprise_button = QPushButton(icon("enterprise"), self.tr("新增企业"))
        self.new_enterprise_button.setObjectName("new_enterprise_button")
        self.new_enterprise_button.setToolTip(self.tr("把一家企业登记到企业台账"))
        self.new_enterprise_button.clicked.connect(self.new_enterprise_requested)
        for b in (self.new_visit_button, self.new_enterprise_button):
            b.setMinimumWidth(104)
            b.setMinimumHeight(34)
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignVCenter)
        root.addLayout(head)

        grid = QGridLayout()
        grid.setSpacing(14)
        for i, key in enumerate(("open", "overdue", "due_soon", "supervised")):
            button = TileButton(key)
            button.clicked.connect(lambda _c=False, k=key: self._tile_clicked(k))
            self.tile_buttons[key] = button
            grid.addWidget(button, 0, i)
        root.addLayout(grid)
        self.reminder_panel = ReminderPanel()
        self.reminder_panel.campaign_clicked.connect(self.campaign_requested)
        self.reminder_panel.filter_clicked.connect(self.tile_clicked)
        root.addWidget(self.reminder_panel)
        self.charts = HomeCharts()
        root.addWidget(self.charts)

        lists = QHBoxLayout()
        lists.setSpacing(14)
        self.overdue_list = HazardShortList(
            "overdue", self.tr("逾期最久的隐患"), self.tr("✔ {where}目前没有逾期的隐患")
        )
        self.due_list = HazardShortList(
            "due_soon",
            self.tr("即将到期的隐患"),
            self.tr("✔ {where}未来 {n} 日内没有到期的隐患").format(where="{where}", n=DUE_SOON_DAYS),
        )
        self.overdue_list.more_clicked.connect(lambda: self._tile_clicked("overdue"))
        self.due_list.more_clicked.connect(lambda: self._tile_clicked("due_soon"))
        for short in (self.overdue_list, self.due_list):
            short.activated.connect(self.hazard_activated)
            lists.addWidget(short, 1)
        root.addLayout(lists, 1)
        self.hint_label = QLabel(
            self.tr("提示：点击上方数字打开对应的隐患清单；双击列表中的一行查看隐患详情。")
        )
        self.hint_label.setStyleSheet(MUTED_TEXT)
        root.addWidget(self.hint_label)

    # -- data -----------------------------------------------------------------------------------
    def today(self) -> date:
        """The services' one clock (the dashboard's), so the date shown matches what is overdue."""
        return self.services.clock()

    def jurisdiction(self) -> str | None:
        value = self.jurisdiction_combo.currentData()
        return str(value) if value else None

    def refresh(self, wait: bool = True) -> None:
        """Ask the services again: greeting, 属地 list, the four counts and the urgent lists
        (``wait=False``: shown when counted, the window meanwhile painted and usable)."""
        self._last_refresh = time.monotonic()
        actor, jurisdiction = self._actor(), self.jurisdiction()
        op = Op(
            self, self.services, lambda s: _read_snapshot(s, actor, jurisdiction), title=self.tr("工作台")
        ).success(lambda snapshot: self._show(actor, snapshot))
        if wait:
            op.run()
        else:
            op.start()
        self.charts.refresh(self.services, self.jurisdiction())

    def _show(self, actor: Actor, snapshot: _Snapshot) -> None:
        refill_choices(self.jurisdiction_combo, snapshot.jurisdictions, self.tr("全区"))
        self._update_greeting(actor, snapshot.unit)
        self.tiles = snapshot.tiles
        self.reminder_panel.set_reminders(snapshot.reminders)
        for tile in self.tiles:
            button = self.tile_buttons.get(tile.key)
            if button is not None:
                button.set_tile(tile)
        where = self.jurisdiction() or self.tr("全区")
        for short, key in ((self.overdue_list, "overdue"), (self.due_list, "due_soon")):
            counted = next((t for t in self.tiles if t.key == key), None)
            if counted is not None:
                short.set_rows(snapshot.urgent.get(key, []), counted.count, where)

    def _update_greeting(self, actor: Actor, unit: str) -> None:
        if actor.id is None:  # no inspector chosen (the system actor): no name to greet
            self.greeting_label.setText(self.tr("您好"))
        else:
            self.greeting_label.setText(self.tr("{name}，您好").format(name=actor.name))
        parts = [self.tr("今天是 {date}").format(date=chinese_date(self.today())), unit]
        parts.append(
            self.tr("科室负责人")
            if actor.is_supervisor
            else self.tr("检查员")
            if actor.id is not None
            else ""
        )
        self.date_label.setText("　·　".join(p for p in parts if p))

    # -- user actions ---------------------------------------------------------------------------
    def _tile_clicked(self, key: str) -> None:
        tile = next((t for t in self.tiles if t.key == key), None)
        if tile is not None:
            self.tile_clicked.emit(tile.filter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if time.monotonic() - self._last_refresh > REFRESH_ON_SHOW_AFTER_S:
            self.refresh()
