"""The log file a user can send: where it is, that it is written, that it rotates."""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.logs import MAX_BYTES, current_log_file, setup_logging, stop_logging


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    yield
    stop_logging()


def test_records_reach_the_log_file_in_the_data_folder(tmp_path: Path) -> None:
    path = setup_logging(console=False)
    assert path == tmp_path / "data" / "logs" / "inspector.log"
    assert current_log_file() == path
    logging.getLogger("inspector.test").warning("隐患 %s 保存失败", "XB-2026-0001")
    stop_logging()  # closes (flushes) the file
    assert "隐患 XB-2026-0001 保存失败" in path.read_text(encoding="utf-8")


def test_the_log_rotates_instead_of_growing(tmp_path: Path) -> None:
    path = setup_logging(console=False, path=tmp_path / "logs" / "inspector.log")
    assert path is not None
    for i in range(3 * MAX_BYTES // 100):
        logging.getLogger("inspector.test").info("%05d %s", i, "x" * 90)
    sizes = [p.stat().st_size for p in path.parent.iterdir()]
    assert len(sizes) >= 3 and max(sizes) <= MAX_BYTES


def test_an_unwritable_folder_does_not_stop_the_program(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert setup_logging(console=False, path=blocker / "logs" / "inspector.log") is None
    assert current_log_file() is None
    logging.getLogger("inspector.test").error("still running")


def test_where_names_the_log_file(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "inspector", "where"], capture_output=True, text=True, check=True
    ).stdout
    assert f"日志文件：{tmp_path / 'data' / 'logs' / 'inspector.log'}" in out


def test_help_is_chinese() -> None:
    done = subprocess.run([sys.executable, "-m", "inspector", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.startswith("用法：inspector")
    assert "显示本帮助并退出" in done.stdout and "usage" not in done.stdout
    bad = subprocess.run([sys.executable, "-m", "inspector", "ledger"], capture_output=True, text=True)
    assert bad.returncode == 2 and "错误：缺少必需的参数：--month" in bad.stderr
