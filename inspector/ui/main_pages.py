"""The main window's pages, each built the first time it is shown.

Building all seven at start cost most of the first paint (and imported the Excel and PDF writers
the 工作台 does not need), so each page module is imported here, inside the function that builds
that page. ``MainWindow.page(key)`` calls ``make_page`` once per key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

if TYPE_CHECKING:
    from inspector.ui.enterprise_page import EnterprisePage
    from inspector.ui.hazard_detail import HazardDetail
    from inspector.ui.hazard_page import HazardPage
    from inspector.ui.home_page import HomePage
    from inspector.ui.inspection_page import InspectionPage
    from inspector.ui.ledger_page import LedgerPage
    from inspector.ui.main_menus import PageInfo
    from inspector.ui.main_window import MainWindow
    from inspector.ui.plan_page import PlanPage
    from inspector.ui.statistics_page import StatisticsPage


class PageHost:
    """The main window's side of it: ``page(key)`` and one attribute per page, built on demand.

    The stack holds a placeholder per page until then, so indices match the sidebar's rows.
    """

    pages: dict[str, QWidget]  # the pages built so far
    built_detail: HazardDetail | None  # the tracker's detail pane, once the tracker is built
    infos: list[PageInfo]
    stack: QStackedWidget
    sidebar: QListWidget

    def page(self, key: str) -> QWidget:
        """The page ``key``, built and put in its place in the stack the first time it is asked."""
        built = self.pages.get(key)
        if built is not None:
            return built
        index = [i.key for i in self.infos].index(key)
        page = make_page(cast("MainWindow", self), key)
        self.pages[key] = page
        placeholder = self.stack.widget(index)
        assert placeholder is not None
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(max(self.sidebar.currentRow(), 0))
        return page

    @property
    def home_page(self) -> HomePage:
        return cast("HomePage", self.page("home"))

    @property
    def enterprise_page(self) -> EnterprisePage:
        return cast("EnterprisePage", self.page("enterprises"))

    @property
    def inspection_page(self) -> InspectionPage:
        return cast("InspectionPage", self.page("inspections"))

    @property
    def hazard_page(self) -> HazardPage:
        return cast("HazardPage", self.page("hazards"))

    @property
    def hazard_detail(self) -> HazardDetail:
        self.page("hazards")
        assert self.built_detail is not None
        return self.built_detail

    @property
    def ledger_page(self) -> LedgerPage:
        return cast("LedgerPage", self.page("ledger"))

    @property
    def statistics_page(self) -> StatisticsPage:
        return cast("StatisticsPage", self.page("statistics"))

    @property
    def plan_page(self) -> PlanPage:
        return cast("PlanPage", self.page("plans"))


def make_page(w: MainWindow, key: str) -> QWidget:
    """The page ``key`` wired to the window's slots (its signals become the window's actions)."""
    if key == "home":
        return _home(w)
    if key == "enterprises":
        return _enterprises(w)
    if key == "inspections":
        return _inspections(w)
    if key == "hazards":
        return _hazards(w)
    if key == "ledger":
        from inspector.ui.ledger_page import LedgerPage

        return LedgerPage(w.services, w.current_actor, w.settings)
    if key == "statistics":
        from inspector.ui.statistics_page import StatisticsPage

        return StatisticsPage(w.services, w.current_actor, w.settings)
    if key == "plans":
        from inspector.ui import plan_page

        return plan_page.attach(w)
    raise KeyError(key)


def _home(w: MainWindow) -> QWidget:
    from inspector.ui.home_page import HomePage

    home = HomePage(w.services, w.current_actor, w.settings, paint_first=True)
    home.tile_clicked.connect(w.show_hazards)
    home.hazard_activated.connect(w.open_hazard)
    home.new_visit_requested.connect(w.new_visit)
    home.new_enterprise_requested.connect(w.new_enterprise)
    home.campaign_requested.connect(lambda cid: show_campaign(w, cid))
    return home


def show_campaign(w: MainWindow, campaign_id: int) -> None:
    from inspector.ui import plan_page

    plan_page.show_campaign(w, campaign_id)


def _enterprises(w: MainWindow) -> QWidget:
    from inspector.core.hazards import HazardFilter
    from inspector.ui.enterprise_page import EnterprisePage

    page = EnterprisePage(w.services, w.current_actor, w.settings)
    page.changed.connect(lambda *_a: w.update_counts())
    page.changed.connect(lambda: w.data_changed("enterprises"))
    page.model.totalChanged.connect(lambda _n: w.update_counts())
    page.inspection_activated.connect(w.open_inspection)
    page.hazard_activated.connect(w.open_hazard)
    page.new_visit_requested.connect(w.new_visit)
    page.show_hazards_requested.connect(lambda eid: w.show_hazards(HazardFilter(enterprise_id=eid)))
    page.document_activated.connect(w.reprint_document)
    return page


def _inspections(w: MainWindow) -> QWidget:
    from inspector.ui.inspection_page import InspectionPage

    visits = InspectionPage(w.services, w.current_actor, w.settings)
    visits.new_visit_requested.connect(w.new_visit)
    visits.hazard_activated.connect(w.open_hazard)
    visits.documents_changed.connect(lambda: w.data_changed("inspections"))
    return visits


def _hazards(w: MainWindow) -> QWidget:
    from inspector.ui.hazard_detail import HazardDetail
    from inspector.ui.hazard_page import HazardPage

    hazards = HazardPage(w.services, w.current_actor, w.settings)
    detail = HazardDetail(w.services, w.current_actor)
    hazards.set_detail_widget(detail)
    hazards.selection_changed.connect(lambda ids: w.show_in_detail(ids[0] if len(ids) == 1 else None))
    hazards.hazard_activated.connect(w.show_in_detail)
    hazards.changed.connect(lambda: w.data_changed("hazards"))
    hazards.status_message.connect(lambda text: w.statusBar().showMessage(text, 8000))
    detail.changed.connect(lambda _id: w.data_changed("detail"))
    detail.print_requested.connect(w.print_document)
    detail.print_review_requested.connect(w.print_review)
    w.built_detail = detail
    return hazards
