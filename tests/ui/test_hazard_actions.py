"""The hazard pane's action bar: exactly the offered actions, in the bar's order, four a row."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from inspector.core.lifecycle import Action
from inspector.ui.hazard_actions import BAR_COLUMNS, ActionBar


def test_only_offered_actions_show_in_order_and_a_press_names_its_action(qtbot: QtBot) -> None:
    bar = ActionBar()
    qtbot.addWidget(bar)
    bar.show()
    offered = [
        Action.ADD_NOTE,
        Action.EXTEND,
        Action.START,
        Action.SAVE_PLAN,
        Action.RAISE_TO_MAJOR,
        Action.REPORT_DONE,
    ]
    bar.show_offered(offered)
    shown = [a for a, b in bar.buttons.items() if b.isVisible()]
    assert shown == [Action.START, Action.REPORT_DONE, Action.EXTEND, Action.RAISE_TO_MAJOR, Action.ADD_NOTE]
    places = [bar.grid.getItemPosition(bar.grid.indexOf(bar.buttons[a]))[:2] for a in shown]
    assert places == [(n // BAR_COLUMNS, n % BAR_COLUMNS) for n in range(len(shown))]
    with qtbot.waitSignal(bar.triggered) as signal:
        bar.buttons[Action.EXTEND].click()
    assert signal.args == [Action.EXTEND]
    bar.show_offered([Action.ADD_NOTE])
    assert [a for a, b in bar.buttons.items() if b.isVisible()] == [Action.ADD_NOTE]
