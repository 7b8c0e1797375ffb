"""Composition root of the core: open (and migrate) a database and build the services on it.

Every use case is a method of one of the services wired here, built once from a database and one
clock (``today``), so a test fixes the date in one place: ``Services.on(db, clock=lambda: DAY)``.
Callers reach them as ``services.x.method(...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from inspector.core.campaigns import CampaignService
from inspector.core.checklists.service import ChecklistService
from inspector.core.conflicts import ConflictService
from inspector.core.dashboard import DashboardService
from inspector.core.documents import DocumentService
from inspector.core.draws import DrawService
from inspector.core.enforcement import EnforcementService
from inspector.core.enterprises import EnterpriseService
from inspector.core.errors import DatabaseUnavailable
from inspector.core.hazards import HazardService
from inspector.core.inspections import InspectionService
from inspector.core.inspectors import InspectorService
from inspector.core.ledger import LedgerService
from inspector.core.maintenance import MaintenanceService
from inspector.core.office import OfficeService
from inspector.core.photos import PhotoService
from inspector.core.plans import PlanService
from inspector.core.reminders import ReminderService
from inspector.core.schemes import SchemeService
from inspector.core.statistics import StatisticsService
from inspector.core.team import TeamService
from inspector.db import migrate
from inspector.db.engine import Database
from inspector.db.errors import DatabaseProblem
from inspector.paths import default_db_url


@dataclass
class Services:
    db: Database
    enterprises: EnterpriseService
    inspectors: InspectorService
    inspections: InspectionService
    hazards: HazardService
    photos: PhotoService
    dashboard: DashboardService
    documents: DocumentService
    office: OfficeService
    maintenance: MaintenanceService
    statistics: StatisticsService
    ledger: LedgerService
    enforcement: EnforcementService
    team: TeamService
    checklists: ChecklistService
    plans: PlanService
    campaigns: CampaignService
    reminders: ReminderService
    schemes: SchemeService
    conflicts: ConflictService
    draws: DrawService
    clock: Callable[[], date] = date.today

    @classmethod
    def on(cls, db: Database, clock: Callable[[], date] = date.today) -> Services:
        """Every service on ``db``, all reading the date from ``clock``."""
        return cls(
            db=db,
            enterprises=EnterpriseService(db, clock),
            inspectors=InspectorService(db, clock),
            inspections=InspectionService(db, clock),
            hazards=HazardService(db, clock),
            photos=PhotoService(db),
            dashboard=DashboardService(db, clock),
            documents=DocumentService(db, clock),
            office=OfficeService(db, clock),
            maintenance=MaintenanceService(db),
            statistics=StatisticsService(db, clock),
            ledger=LedgerService(db, clock),
            enforcement=EnforcementService(db, clock),
            team=TeamService(db, clock),
            checklists=ChecklistService(db, clock),
            plans=PlanService(db, clock),
            campaigns=CampaignService(db, clock),
            reminders=ReminderService(db, clock),
            schemes=SchemeService(db, clock),
            conflicts=ConflictService(db, clock),
            draws=DrawService(db, clock),
            clock=clock,
        )


def open_database(
    url: str | None = None,
    *,
    upgrade: bool = True,
    warnings: list[str] | None = None,
    daily_backup: bool = True,
) -> Database:
    """The database chosen by --db / INSPECTOR_DB_URL / the default file, brought up to date.

    A damaged file or a failed upgrade is a ``DatabaseUnavailable`` with the reason in Chinese;
    ``warnings`` collects what the user should know but need not stop for (a backup that failed).
    """
    db = Database(url or default_db_url())
    if upgrade:
        try:
            report = migrate.upgrade(db, daily_backup=daily_backup)
        except DatabaseProblem as e:
            db.dispose()
            raise DatabaseUnavailable(e.message) from e
        if warnings is not None:
            warnings.extend(report.warnings)
    return db
