"""The installed wheel is self-contained: migrations, font and templates ship inside it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    os.environ.get("INSPECTOR_SKIP_WHEEL_TEST") == "1", reason="INSPECTOR_SKIP_WHEEL_TEST=1"
)


def _run(*cmd: str | Path, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True, **kw)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ROOT)
    (whl,) = out.glob("inspector-*.whl")
    return whl


def test_wheel_contains_migrations_and_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "inspector/_migrations/env.py" in names
    assert any(n.startswith("inspector/_migrations/versions/0001_") for n in names)
    for font in ("wqy-microhei.ttf", "uming-cn.ttf", "hanamin-a.ttf", "hanamin-b.ttf"):
        assert f"inspector/_resources/fonts/{font}" in names
    assert "inspector/_resources/templates/企业名录导入模板.xlsx" in names
    assert "inspector/_resources/i18n/inspector_en.qm" in names  # compiled by hatch_build.py
    assert "inspector/_resources/demo/names.toml" in names
    assert "inspector/_resources/checklists/major-hazard-criteria.toml" in names  # issue 11
    assert "inspector/_migrations/versions/0008_checklists.py" in names


def test_installed_wheel_runs_demo_in_a_clean_venv(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    py = venv / "bin" / "python"
    _run(py, "-m", "pip", "install", "-q", wheel)
    env = {**os.environ, "INSPECTOR_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("INSPECTOR_DB_URL", None)
    done = _run(
        venv / "bin" / "inspector", "demo", "--enterprises", "20", "--hazards", "100", cwd=tmp_path, env=env
    )
    assert "20" in done.stdout
    assert (tmp_path / "data" / "inspector.sqlite3").exists()
    listed = _run(venv / "bin" / "inspector", "checklists", "list", cwd=tmp_path, env=env)
    assert "GM-2023" in listed.stdout  # the criteria file ships inside the wheel
    where = _run(venv / "bin" / "inspector", "where", cwd=tmp_path, env=env)
    assert str(tmp_path / "data") in where.stdout
