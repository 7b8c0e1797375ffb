"""检查计划 page: plans and campaigns set up through their dialogs show what the core counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import delete

from inspector.core.audit import SYSTEM, Actor
from inspector.core.campaigns import CampaignInput
from inspector.core.context import Services
from inspector.core.demo import generate
from inspector.core.enums import CoverageState, InspectorRole
from inspector.core.plans import EDIT_REFUSAL
from inspector.core.targets import TargetSet
from inspector.db.engine import Database
from inspector.db.models import Campaign, InspectionPlan, PlanItem
from inspector.ui import ops
from inspector.ui.campaign_view import MISSING
from inspector.ui.main_window import MainWindow
from inspector.ui.plan_page import COL_RATE, RATE_ROLE, PlanPage
from inspector.ui.settings import Settings

TODAY = date(2026, 11, 20)


@pytest.fixture
def demo(sqlite_db: Database) -> Services:
    generate(sqlite_db, enterprises=80, hazards=150, seed=5, today=TODAY)
    with sqlite_db.transaction() as s:  # the demo's own plan and campaign: these tests make their own
        for table in (Campaign, PlanItem, InspectionPlan):
            s.execute(delete(table))
    return Services.on(sqlite_db, clock=lambda: TODAY)


def _page(qtbot: Any, services: Services, actor: Actor = SYSTEM) -> PlanPage:
    page = PlanPage(services, lambda: actor, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitUntil(lambda: page.loads >= 2)
    return page


def _fill_two_items(dialog: Any) -> None:
    dialog.title.setText("2026年度安全生产监督检查计划")
    ed = dialog.editor
    ed.title.setText("涉爆粉尘企业监督检查")
    ed.target.categories["涉爆粉尘"].setChecked(True)
    ed.frequency.setValue(1)
    ed.cap.setValue(3)
    dialog.add_button.click()
    assert dialog.table.rowCount() == 2 and dialog.table.currentRow() == 1
    ed.title.setText("燃气企业检查")
    ed.target.categories["燃气"].setChecked(True)
    ed.frequency.setValue(1)
    for month in (9, 10, 11):
        ed.months[month - 1].setChecked(True)


def test_a_plan_with_two_items_made_in_the_dialog_shows_the_cores_progress(
    qtbot: Any, demo: Services, qtmodeltester: Any
) -> None:
    page = _page(qtbot, demo)
    assert page.item_model.rowCount() == 0
    dialog = page.new_plan()
    assert dialog is not None
    _fill_two_items(dialog)
    loads = page.loads
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: page.loads > loads and page.item_model.rowCount() == 2)

    (plan,) = demo.plans.plans(2026)
    assert page.current_plan() == plan
    expected = demo.plans.progress(plan.id, TODAY)
    assert [p.title for p in expected] == ["涉爆粉尘企业监督检查", "燃气企业检查"]
    assert expected[0].targets > 0 and expected[1].months == (9, 10, 11)
    model = page.item_model
    for row, p in enumerate(expected):
        texts = [model.index(row, c).data() for c in range(model.columnCount())]
        assert texts[1] == p.title
        assert texts[3] == p.target.describe()
        assert (texts[7], texts[8]) == (str(p.targets), str(p.done))
        assert model.index(row, COL_RATE).data(RATE_ROLE) == p.rate
    assert model.index(0, 4).data() == "1次/年，上限3次"
    assert model.index(1, 5).data() == "9月、10月、11月"
    # per 属地 of the selected item
    page.items.selectRow(1)
    shown = {
        page.places.item(r, 0).text(): (
            int(page.places.item(r, 1).text()),
            int(page.places.item(r, 2).text()),
        )
        for r in range(page.places.rowCount())
    }
    assert shown == {j: (t, d) for j, t, d in expected[1].by_jurisdiction}
    qtmodeltester.check(model)


def test_a_field_error_lands_on_its_item(qtbot: Any, demo: Services) -> None:
    page = _page(qtbot, demo)
    dialog = page.new_plan()
    assert dialog is not None
    _fill_two_items(dialog)
    dialog.editor.frequency.setValue(0)  # item 2: 检查频次 0 is refused by the core
    dialog.table.setCurrentCell(0, 1)  # and the user looks at item 1 when saving
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert demo.plans.plans(2026) == []
    assert dialog.table.currentRow() == 1  # brought to the item in error
    assert set(dialog.drafts[1].errors) == {"frequency"} and not dialog.drafts[0].errors
    label = dialog.editor.errors["frequency"]
    assert not label.isHidden() and "检查频次" in label.text() and not label.text().startswith("第2项")
    assert dialog.editor.errors["title"].isHidden()
    assert "第2项事项" in dialog.summary_label.text()
    assert not dialog.table.item(1, 0).icon().isNull() and dialog.table.item(0, 0).icon().isNull()
    # the typed content survived the refusal and the row switches
    dialog.table.setCurrentCell(0, 1)
    assert (
        dialog.editor.title.text() == "涉爆粉尘企业监督检查" and dialog.editor.errors["frequency"].isHidden()
    )
    dialog.table.setCurrentCell(1, 1)
    dialog.editor.frequency.setValue(2)
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    (plan,) = demo.plans.plans(2026)
    data, _version = demo.plans.get(plan.id)
    assert [(i.title, i.frequency, i.cap) for i in data.items] == [
        ("涉爆粉尘企业监督检查", 1, 3),
        ("燃气企业检查", 2, None),
    ]


def test_an_item_moved_up_is_saved_in_its_new_place(qtbot: Any, demo: Services) -> None:
    page = _page(qtbot, demo)
    dialog = page.new_plan()
    assert dialog is not None
    _fill_two_items(dialog)
    dialog.up_button.click()
    assert dialog.table.item(0, 1).text() == "燃气企业检查"
    assert dialog.editor.title.text() == "燃气企业检查"
    dialog.save_button.click()
    (plan,) = demo.plans.plans(2026)
    data, _version = demo.plans.get(plan.id)
    assert [i.title for i in data.items] == ["燃气企业检查", "涉爆粉尘企业监督检查"]
    assert data.items[0].months == (9, 10, 11)


def test_a_non_supervisors_refusal_is_shown(qtbot: Any, demo: Services, messages: Any) -> None:
    staff = demo.inspectors.list()
    assert any(i.role == InspectorRole.SUPERVISOR.value for i in staff)  # the demo office has one
    clerk = next(i.id for i in staff if i.role == InspectorRole.INSPECTOR.value)
    page = _page(qtbot, demo, demo.inspectors.actor_for(clerk))
    dialog = page.new_plan()
    assert dialog is not None
    _fill_two_items(dialog)
    dialog.save_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert EDIT_REFUSAL in messages.texts("warning")
    assert demo.plans.plans(2026) == []


def _campaign_through_dialog(qtbot: Any, page: PlanPage, deadline: date) -> int:
    dialog = page.new_campaign()
    assert dialog is not None
    dialog.title.setText("涉爆粉尘企业全覆盖检查")
    dialog.basis.setPlainText("对涉爆粉尘企业开展全覆盖检查")
    dialog.target.categories["涉爆粉尘"].setChecked(True)
    dialog.starts_on.set_value(date(2026, 9, 1))
    dialog.deadline.set_value(deadline)
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.campaign_id is not None
    cid = dialog.campaign_id
    view = page.coverage
    qtbot.waitUntil(lambda: view.coverage is not None and view.coverage.campaign_id == cid)
    return cid


def test_a_campaign_made_in_the_dialog_shows_the_cores_coverage(qtbot: Any, demo: Services) -> None:
    page = _page(qtbot, demo)
    cid = _campaign_through_dialog(qtbot, page, date(2026, 11, 10))  # deadline passed
    cov = demo.campaigns.coverage(cid)
    assert cov.counts[CoverageState.OVERDUE] > 0 and cov.covered > 0
    view = page.coverage
    for state, label in view.count_labels.items():
        assert label.text().endswith(f" {cov.counts[state]}"), state
    assert view.model.rowCount() == cov.total
    assert page.campaigns.rowCount() == 1
    assert page.campaigns.item(0, 3).text() == f"{cov.covered}/{cov.total}"
    assert page.campaigns.item(0, 5).text() == str(cov.counts[CoverageState.OVERDUE])
    places = {
        view.places.item(r, 0).text(): int(view.places.item(r, 1).text())
        for r in range(view.places.rowCount())
    }
    assert places == {j: sum(c.values()) for j, c in cov.by_jurisdiction}
    # the missing ones only
    view.state_filter.setCurrentIndex(view.state_filter.findData(MISSING))
    missing = demo.campaigns.missing(cid)
    assert view.model.rowCount() == len(missing) == cov.missing
    assert [view.model.row_at(i).enterprise_id for i in range(len(missing))] == [
        r.enterprise_id for r in missing
    ]


def test_visit_from_a_missing_row_opens_the_visit_form_for_it(
    qtbot: Any, demo: Services, tmp_path: Path
) -> None:
    dust = TargetSet(categories=("涉爆粉尘",))
    first = demo.campaigns.rows(
        demo.campaigns.create(
            SYSTEM, CampaignInput(title="探路", target=dust, starts_on=TODAY, deadline=date(2026, 12, 31))
        ),
        limit=1,
    )[0]
    offered = [c.code for c in demo.checklists.offered(first.enterprise_id)]
    code = offered[-1]  # not the one the visit form would show first
    demo.campaigns.create(
        SYSTEM,
        CampaignInput(
            title="涉爆粉尘专项",
            target=dust,
            starts_on=TODAY,
            deadline=date(2026, 12, 31),
            checklist_code=code,
        ),
    )
    window = MainWindow(demo, SYSTEM, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.show_page("plans")
    page = window.plan_page
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.loads >= 2 and page.coverage.coverage is not None)
    page.campaigns.setCurrentCell(
        next(r for r, (c, _) in enumerate(page.campaign_rows) if c.checklist_code), 0
    )
    view = page.coverage
    qtbot.waitUntil(lambda: view.coverage is not None and view.coverage.title == "涉爆粉尘专项")
    view.state_filter.setCurrentIndex(view.state_filter.findData(MISSING))
    view.select_row(0)
    row = view.selected_row()
    assert row is not None and row.state in (CoverageState.PENDING, CoverageState.OVERDUE)
    view.visit_button.click()
    dialog = window.visit_dialog
    assert dialog is not None
    assert dialog.header.picker.enterprise_id() == row.enterprise_id
    qtbot.waitUntil(lambda: dialog.checklist.chooser.count() > 0)
    assert dialog.checklist.chooser.currentData() == code
    dialog.reject()


def test_export_writes_the_coverage_workbook(
    qtbot: Any, demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(qtbot, demo)
    cid = _campaign_through_dialog(qtbot, page, date(2026, 11, 10))
    target = tmp_path / "覆盖情况"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    path = page.coverage.export()
    ops.wait_idle()
    assert path == target.with_name("覆盖情况.xlsx") and path.exists()
    ws = load_workbook(path)["企业名单"]
    names = [r[2] for r in ws.iter_rows(min_row=4, values_only=True)]
    assert names == [r.name for r in demo.campaigns.rows(cid)]


def test_a_campaign_reminder_on_the_home_page_opens_that_campaign(
    qtbot: Any, demo: Services, tmp_path: Path
) -> None:
    dust = TargetSet(categories=("涉爆粉尘",))
    ids = [
        demo.campaigns.create(
            SYSTEM, CampaignInput(title=title, target=dust, starts_on=TODAY, deadline=date(2026, 12, 31))
        )
        for title in ("第一项", "第二项")
    ]
    window = MainWindow(demo, SYSTEM, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    window.home_page.campaign_requested.emit(ids[1])
    assert window.current_page_key() == "plans"
    page = window.plan_page
    qtbot.waitUntil(lambda: page.current_campaign() is not None and page.coverage.coverage is not None)
    assert page.tabs.currentIndex() == 1
    assert page.current_campaign().title == "第二项"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.coverage.coverage is not None and page.coverage.coverage.title == "第二项")


def test_a_scheme_is_drafted_for_a_missing_enterprise_of_a_campaign(qtbot: Any, demo: Services) -> None:
    dust = TargetSet(categories=("涉爆粉尘",))
    cid = demo.campaigns.create(
        SYSTEM, CampaignInput(title="涉爆粉尘专项", target=dust, starts_on=TODAY, deadline=date(2026, 12, 31))
    )
    page = _page(qtbot, demo)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["年度计划", "专项行动", "双随机抽查"]
    page.select_campaign(cid)
    view = page.coverage
    qtbot.waitUntil(lambda: view.coverage is not None and view.model.rowCount() > 0)
    assert not view.scheme_button.isEnabled()
    view.state_filter.setCurrentIndex(view.state_filter.findData(MISSING))
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    view.select_row(0)
    row = view.selected_row()
    assert row is not None and view.scheme_button.isEnabled()
    view.scheme_button.click()
    dialog = page.scheme_dialog
    assert dialog is not None
    data = dialog.data()
    assert data.enterprise_id == row.enterprise_id and data.campaign_id == cid
    dialog.reject()
