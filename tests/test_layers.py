"""Layering: everything outside inspector/ui runs without Qt (CLI, team server scripts, tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_core_db_and_reports_import_with_pyside6_blocked() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for pkg in ("core", "db", "reports")
        for p in (ROOT / "inspector" / pkg).rglob("*.py")
        if p.name != "__init__.py"
    )
    assert modules
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is not allowed here: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_pyside6_appears_only_in_the_ui_package() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "inspector").rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8")
        and "ui" not in p.relative_to(ROOT / "inspector").parts[:1]
    ]
    assert offenders == []
