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


LAYERS = {"db": 0, "core": 1, "reports": 2, "ui": 3}


def _imported_layers(path: Path) -> set[str]:
    """The inspector.<layer> packages a module imports (at any depth: lazy imports count too)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
        for name in names:
            parts = name.split(".")
            if len(parts) > 1 and parts[0] == "inspector" and parts[1] in LAYERS:
                found.add(parts[1])
    return found


def test_layers_import_downwards_only() -> None:
    """db ← core ← reports ← ui: a layer never imports one above it."""
    upward = [
        f"{p.relative_to(ROOT)} imports inspector.{other}"
        for layer, rank in LAYERS.items()
        for p in (ROOT / "inspector" / layer).rglob("*.py")
        for other in _imported_layers(p)
        if LAYERS[other] > rank
    ]
    assert upward == []
