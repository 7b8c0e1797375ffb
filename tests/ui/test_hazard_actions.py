"""The hazard pane's action bar: exactly the offered actions, in the bar's order, four a row
(fewer where the bar is too narrow for its buttons' words)."""

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
    bar.resize(bar.sizeHint())  # the width its buttons take four a row
    shown = [a for a, b in bar.buttons.items() if b.isVisible()]
    assert shown == [Action.START, Action.REPORT_DONE, Action.EXTEND, Action.RAISE_TO_MAJOR, Action.ADD_NOTE]
    assert places(bar, shown) == [(n // BAR_COLUMNS, n % BAR_COLUMNS) for n in range(len(shown))]
    with qtbot.waitSignal(bar.triggered) as signal:
        bar.buttons[Action.EXTEND].click()
    assert signal.args == [Action.EXTEND]
    bar.show_offered([Action.ADD_NOTE])
    assert places(bar, [Action.ADD_NOTE]) == [(0, 0)]
    assert [a for a, b in bar.buttons.items() if b.isVisible()] == [Action.ADD_NOTE]


def test_a_bar_too_narrow_for_four_takes_fewer_columns_and_cuts_no_button(qtbot: QtBot) -> None:
    bar = ActionBar()
    qtbot.addWidget(bar)
    bar.show()
    shown = [Action.START, Action.RECTIFY_ON_SPOT, Action.EXTEND, Action.RAISE_TO_MAJOR, Action.ADD_NOTE]
    bar.show_offered(shown)
    bar.resize(bar.width_for(2) + 10, bar.sizeHint().height())
    qtbot.waitUntil(lambda: bar.columns == 2)
    assert places(bar, shown) == [(n // 2, n % 2) for n in range(len(shown))]
    assert bar.minimumSizeHint().width() == max(bar.buttons[a].sizeHint().width() for a in shown)
    qtbot.waitUntil(lambda: all(bar.buttons[a].geometry().right() < bar.width() for a in shown))
    assert all(bar.buttons[a].width() >= bar.buttons[a].sizeHint().width() for a in shown)
    bar.resize(bar.width_for(BAR_COLUMNS), bar.height())
    qtbot.waitUntil(lambda: bar.columns == BAR_COLUMNS)


def places(bar: ActionBar, actions: list[Action]) -> list[tuple[int, int]]:
    return [tuple(bar.grid.getItemPosition(bar.grid.indexOf(bar.buttons[a]))[:2]) for a in actions]
