"""Start-up: the window paints before the day's backup is copied; the first-paint exit switch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from inspector.core.audit import SYSTEM
from inspector.core.context import Services, open_database
from inspector.core.maintenance import MaintenanceService
from inspector.ui.app import FirstPaint, create_main_window, take_daily_backup
from tests.factories import enterprise_input


def _file_with_data(tmp_path: Path) -> Path:
    path = tmp_path / "inspector.sqlite3"
    db = open_database(f"sqlite:///{path}")
    Services.on(db).enterprises.create(SYSTEM, enterprise_input(1))
    db.dispose()
    return path


def test_the_days_backup_waits_for_the_first_paint(qtbot: Any, tmp_path: Path) -> None:
    path = _file_with_data(tmp_path)
    backups = tmp_path / "backups"
    db = open_database(f"sqlite:///{path}", daily_backup=False)  # as the app opens it
    assert not backups.exists() or not list(backups.iterdir())
    services = Services.on(db)
    services.maintenance = MaintenanceService(db, backups)
    window = create_main_window(services)
    qtbot.addWidget(window)
    painted: list[bool] = []
    FirstPaint(window, lambda: (painted.append(True), take_daily_backup(window)))
    window.show()
    qtbot.waitUntil(lambda: bool(painted))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("已完成今天的自动备份"))
    assert len(list(backups.glob("*.sqlite3"))) == 1
    assert services.maintenance.daily_backup() is None  # one a day: not due again
    db.dispose()


def test_exit_after_first_paint_quits_with_success(tmp_path: Path) -> None:
    _file_with_data(tmp_path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_DATA_DIR": str(tmp_path),
        "INSPECTOR_EXIT_AFTER_FIRST_PAINT": "1",
    }
    env.pop("INSPECTOR_DB_URL", None)
    done = subprocess.run([sys.executable, "-m", "inspector"], env=env, timeout=120, capture_output=True)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())
