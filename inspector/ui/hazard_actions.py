"""The action bar of the hazard pane: one button per lifecycle action the core offers.

Which buttons show is exactly ``HazardService.actions(id, actor)`` (the pane passes it in); the bar
only lays them out in equal columns (four, or fewer where the pane is too narrow for the
buttons' words) and says which was pressed. Its own module so the pane's class keeps to
composing sections and running ops.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QPushButton, QWidget

from inspector.core.lifecycle import Action
from inspector.ui.action_dialogs import action_label
from inspector.ui.style import PRIMARY_BUTTON_STYLE

# Actions shown in the bar (the others have their own place: plan box, facts, photos).
BAR_ACTIONS: tuple[Action, ...] = (
    Action.START,
    Action.REPORT_DONE,
    Action.REVIEW,
    Action.RECTIFY_ON_SPOT,
    Action.EXTEND,
    Action.RAISE_TO_MAJOR,
    Action.ADD_NOTE,
)
PRIMARY_ACTIONS = frozenset({Action.START, Action.REPORT_DONE, Action.REVIEW})
BAR_COLUMNS = 4  # at most; fewer when the buttons would not fit the bar's width


class ActionBar(QWidget):
    """``buttons`` by action; ``triggered(action)`` when one is pressed."""

    triggered = Signal(object)  # an Action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_bar")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(6)
        # The bar's size comes from its own hints below, not the grid's (which the columns change).
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.shown: list[Action] = []
        self.columns = BAR_COLUMNS
        tips = {
            Action.START: self.tr("按下方五到位整改方案进入“整改中”"),
            Action.REPORT_DONE: self.tr("企业报告整改完成，转为“待复查”"),
            Action.REVIEW: self.tr("复查合格销号，或不合格退回整改并重定时限"),
            Action.RECTIFY_ON_SPOT: self.tr("一般隐患当场整改完毕，直接销号"),
            Action.EXTEND: self.tr("说明理由，推迟整改时限（原时限留档）"),
            Action.RAISE_TO_MAJOR: self.tr("升级为重大事故隐患并挂牌督办"),
            Action.ADD_NOTE: self.tr("追加一条说明，记入备注和操作记录"),
        }
        self.buttons: dict[Action, QPushButton] = {}
        for action in BAR_ACTIONS:
            button = QPushButton(action_label(action), self)
            button.setObjectName(f"action_{action.value}")
            button.setToolTip(tips[action])
            if action in PRIMARY_ACTIONS:
                button.setStyleSheet(PRIMARY_BUTTON_STYLE)
            button.clicked.connect(lambda _c=False, a=action: self.triggered.emit(a))
            button.hide()
            self.buttons[action] = button

    def show_offered(self, offered: Sequence[Action]) -> None:
        """Lay out the offered actions' buttons, in the bar's order, and hide the rest."""
        self.shown = [a for a in BAR_ACTIONS if a in offered]
        self._lay_out(self.fitting_columns(self.width()))
        for action, button in self.buttons.items():
            button.setVisible(action in self.shown)

    def _lay_out(self, columns: int) -> None:
        while self.grid.count():  # the buttons stay: they are only taken out of the grid
            self.grid.takeAt(0)
        self.columns = columns
        for column in range(BAR_COLUMNS):  # equal columns even when a row is not full
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
            self.grid.setColumnMinimumWidth(column, 1 if column < columns else 0)
        for n, action in enumerate(self.shown):
            self.grid.addWidget(self.buttons[action], n // columns, n % columns)
        self.updateGeometry()

    def width_for(self, columns: int) -> int:
        """How wide the shown buttons are in ``columns`` columns (each column its widest button)."""
        widths = [self.buttons[a].sizeHint().width() for a in self.shown]
        if not widths:
            return 0
        used = min(columns, len(widths))
        widest = [max(widths[c::columns]) for c in range(used)]
        return sum(widest) + self.grid.horizontalSpacing() * (used - 1)

    def fitting_columns(self, width: int) -> int:
        """The most columns (up to BAR_COLUMNS) whose buttons fit in ``width``; at least one."""
        for columns in range(BAR_COLUMNS, 1, -1):
            if self.width_for(columns) <= width:
                return columns
        return 1

    def _height_for(self, columns: int) -> int:
        if not self.shown:
            return 0
        rows = -(-len(self.shown) // columns)
        height = max(self.buttons[a].sizeHint().height() for a in self.shown)
        return rows * height + self.grid.verticalSpacing() * (rows - 1)

    # The height follows the columns laid out now; a resize to another width re-lays them out.
    def sizeHint(self) -> QSize:
        return QSize(self.width_for(BAR_COLUMNS), self._height_for(self.columns))

    def minimumSizeHint(self) -> QSize:
        """One column wide, the widest button: the bar narrows by taking fewer columns."""
        return QSize(self.width_for(1), self._height_for(self.columns))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        columns = self.fitting_columns(event.size().width())
        if columns != self.columns:
            self._lay_out(columns)
