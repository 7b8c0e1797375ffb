"""The action bar of the hazard pane: one button per lifecycle action the core offers.

Which buttons show is exactly ``HazardService.actions(id, actor)`` (the pane passes it in); the bar
only lays them out in equal columns and says which was pressed. Its own module so the pane's
class keeps to composing sections and running ops.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

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
BAR_COLUMNS = 4


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
        for column in range(BAR_COLUMNS):  # equal columns even when a row is not full
            self.grid.setColumnStretch(column, 1)
            self.grid.setColumnMinimumWidth(column, 1)
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
        while self.grid.count():  # the buttons stay: they are only taken out of the grid
            self.grid.takeAt(0)
        shown = [a for a in BAR_ACTIONS if a in offered]
        for n, action in enumerate(shown):
            self.grid.addWidget(self.buttons[action], n // BAR_COLUMNS, n % BAR_COLUMNS)
        for action, button in self.buttons.items():
            button.setVisible(action in shown)
