"""Build hook: compile the translations (resources/i18n/*.ts) to the .qm files Qt loads.

The .ts sources are what translators edit and what is committed; the compiled .qm is a build
product (gitignored), made here for every wheel and editable install with PySide6's lrelease.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def lrelease() -> list[str]:
    """PySide6's lrelease in this (build) environment: installed with PySide6-Essentials."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).exists():
            return [str(folder / name)]
    raise RuntimeError(f"PySide6's lrelease not found in {folder}: the translations cannot be compiled")


def compile_translations(root: Path) -> list[Path]:
    out = []
    for ts in sorted((root / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]  # hatchling's generic config
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        # Written next to the .ts before hatch walks resources/ (force-included whole), so the
        # wheel carries it; an editable install reads it there in place.
        compile_translations(Path(self.root))
