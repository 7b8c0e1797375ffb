"""Composition root of the core: open (and migrate) a database and build the services on it."""

from __future__ import annotations

from dataclasses import dataclass

from inspector.core.dashboard import DashboardService
from inspector.core.documents import DocumentService
from inspector.core.enterprises import EnterpriseService
from inspector.core.errors import DatabaseUnavailable
from inspector.core.hazards import HazardService
from inspector.core.inspections import InspectionService
from inspector.core.inspectors import InspectorService
from inspector.core.maintenance import MaintenanceService
from inspector.core.office import OfficeService
from inspector.core.photos import PhotoService
from inspector.core.statistics import StatisticsService
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

    @classmethod
    def on(cls, db: Database) -> Services:
        return cls(
            db=db,
            enterprises=EnterpriseService(db),
            inspectors=InspectorService(db),
            inspections=InspectionService(db),
            hazards=HazardService(db),
            photos=PhotoService(db),
            dashboard=DashboardService(db),
            documents=DocumentService(db),
            office=OfficeService(db),
            maintenance=MaintenanceService(db),
            statistics=StatisticsService(db),
        )


def open_database(
    url: str | None = None, *, upgrade: bool = True, warnings: list[str] | None = None
) -> Database:
    """The database chosen by --db / INSPECTOR_DB_URL / the default file, brought up to date.

    A damaged file or a failed upgrade is a ``DatabaseUnavailable`` with the reason in Chinese;
    ``warnings`` collects what the user should know but need not stop for (a backup that failed).
    """
    db = Database(url or default_db_url())
    if upgrade:
        try:
            report = migrate.upgrade(db)
        except DatabaseProblem as e:
            db.dispose()
            raise DatabaseUnavailable(e.message) from e
        if warnings is not None:
            warnings.extend(report.warnings)
    return db
