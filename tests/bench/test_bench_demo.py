"""How long demo generation takes: the CLI promises a million hazards in minutes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector.core.demo import generate
from inspector.db.engine import Database
from tests.bench.conftest import BENCH_TODAY


def test_generate_1k_enterprises_20k_hazards(benchmark: Any, fresh_sqlite: Callable[[], Database]) -> None:
    def setup() -> tuple[tuple[Database], dict[str, Any]]:
        return (fresh_sqlite(),), {"enterprises": 1_000, "hazards": 20_000, "seed": 1, "today": BENCH_TODAY}

    summary = benchmark.pedantic(generate, setup=setup, rounds=3, iterations=1)
    assert summary.hazards == 20_000 and not summary.cancelled
