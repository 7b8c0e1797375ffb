"""A visit the plan's rules question (a repeat check by another team) asks for a reason in the
real dialog; going back writes nothing, a typed reason is kept with the visit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from inspector.core.inspections import InspectionFilter, InspectionInput
from inspector.db.models import VisitWarning
from inspector.ui.visit_reason import ReasonDialog
from tests.ui.conftest import Messages
from tests.ui.test_visit_dialog import World, click, open_dialog, world  # noqa: F401  (fixture)


def _answer_reason(qtbot: QtBot, text: str | None, seen: list[str]) -> None:
    """When the reason dialog opens: note what it says, then type ``text`` and confirm (or cancel)."""

    def act() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, ReasonDialog) and w.isVisible()), None
        )
        if dialog is None:
            QTimer.singleShot(20, act)
            return
        seen.append(dialog.layout().itemAt(0).widget().text())  # type: ignore[union-attr]
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if text is None:
            dialog.reject()
            return
        seen.append(f"enabled before typing: {ok.isEnabled()}")
        dialog.reason.setPlainText(text)
        seen.append(f"enabled after typing: {ok.isEnabled()}")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_repeat_check_asks_for_a_reason_and_keeps_it(qtbot: QtBot, world: World, messages: Messages) -> None:  # noqa: F811
    s = world.services
    s.office.update(world.actor.__class__(None, "管理员"), repeat_days=30)
    earlier = date.today().replace(day=1) if date.today().day > 1 else date.today()
    s.inspections.record(
        world.actor,
        InspectionInput(
            enterprise_id=world.enterprise_ids[0],
            inspected_on=earlier,
            inspector_ids=[world.inspector_ids[0]],
            start_time="09:00",
            end_time="10:00",
        ),
    )
    dlg = open_dialog(qtbot, world, world.enterprise_ids[0])
    click(qtbot, dlg.header.inspector_boxes[world.inspector_ids[2]])  # 张检查 + 李检查: another team
    seen: list[str] = []
    _answer_reason(qtbot, None, seen)
    click(qtbot, dlg.save_button)
    assert seen and seen[0].startswith("短期内重复检查：该企业已于") and "赵科长" in seen[0]
    assert s.inspections.count(InspectionFilter()) == 1 and dlg.isVisible()  # went back: nothing written

    _answer_reason(qtbot, "上级交办：复核群众举报", seen)
    click(qtbot, dlg.save_button)
    assert seen[-2:] == ["enabled before typing: False", "enabled after typing: True"]  # no reason, no saving
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert s.inspections.count(InspectionFilter()) == 2
    with s.db.reading() as session:
        assert session.execute(select(VisitWarning.kind, VisitWarning.reason)).all() == [
            ("短期内重复检查", "上级交办：复核群众举报")
        ]
    assert messages.texts("warning") == []
