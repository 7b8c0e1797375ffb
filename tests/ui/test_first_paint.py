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


def _app_exiting_after(tmp_path: Path, switch: str) -> subprocess.CompletedProcess[bytes]:
    """`inspector` on the data folder ``tmp_path`` with INSPECTOR_EXIT_AFTER_FIRST_PAINT=switch."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_DATA_DIR": str(tmp_path),
        "INSPECTOR_EXIT_AFTER_FIRST_PAINT": switch,
    }
    env.pop("INSPECTOR_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "inspector"], env=env, timeout=120, capture_output=True)


def test_exit_after_first_paint_quits_with_success(tmp_path: Path) -> None:
    _file_with_data(tmp_path)
    done = _app_exiting_after(tmp_path, "1")
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


def test_the_shell_paints_before_the_database_layer_is_imported() -> None:
    """What the window needs for its first paint must not pull in SQLAlchemy (0.3 s of imports)."""
    probe = (
        "import sys, inspector.__main__ as m, inspector.ui.app;"
        "assert m.app_arguments(['--db', 'sqlite:///x']) is not None;"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('sqlalchemy', 'alembic', 'openpyxl')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], timeout=60, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_shell_is_inert_until_the_database_is_attached(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from inspector.ui.main_window import MainWindow

    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    opening = window.stack.currentWidget()
    assert isinstance(opening, QLabel) and opening.text() == "正在打开数据库…"
    assert not window.sidebar.isEnabled() and not window.menuBar().isEnabled()
    assert not window.new_action.isEnabled() and not window.visit_action.isEnabled()
    window.show_page("hazards")  # a remembered page: nothing is built before the database is open
    assert window.pages == {}

    path = _file_with_data(tmp_path)
    db = open_database(f"sqlite:///{path}")
    window.attach(Services.on(db))
    assert window.new_action.isEnabled() and window.sidebar.isEnabled()
    assert window.current_page_key() == "hazards" and window.stack.currentWidget() is window.pages["hazards"]
    assert str(path) in window.db_status.text()
    qtbot.waitUntil(lambda: window.count_status.text() == "已登记企业 1 家")
    db.dispose()


def test_exit_once_the_home_page_has_painted_on_the_open_database(tmp_path: Path) -> None:
    _file_with_data(tmp_path)
    done = _app_exiting_after(tmp_path, "home")
    assert done.returncode == 0, done.stderr.decode(errors="replace")


def test_a_database_that_will_not_open_after_the_shell_painted_ends_with_code_2(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INSPECTOR_DATA_DIR": str(tmp_path)}
    env["INSPECTOR_DB_URL"] = "nosuchdb://x"
    probe = (
        "import sys; from PySide6.QtWidgets import QMessageBox;"
        "QMessageBox.exec = lambda self: print('dialog:', self.windowTitle()) or 0;"
        "from inspector.ui.app import run; sys.exit(run(None))"
    )
    done = subprocess.run([sys.executable, "-c", probe], env=env, timeout=120, capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "dialog: 无法打开数据库" in done.stdout
