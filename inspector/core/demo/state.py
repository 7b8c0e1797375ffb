"""What one generation run holds: the seeded random source, the id counters, what is taken.

Every step (inspectors, enterprises, hazards, numbers) draws from the one ``Run``, in a fixed
order, so a seed always produces the same ledger.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import TypeVar

from sqlalchemy import Table

from inspector.core.demo.names import HazardTemplate, Vocabulary, vocabulary
from inspector.core.demo.tables import IndexTrigger
from inspector.core.enums import HazardState
from inspector.core.validation import CREDIT_CODE_CHARS, credit_code_check_char

DAYS_BACK = 540  # found dates spread over the last ~18 months

_T = TypeVar("_T")


@dataclass
class DemoSummary:
    """What was generated; ``str()`` is the Chinese line the CLI prints."""

    seed: int
    enterprises: int = 0
    inspectors: int = 0
    inspections: int = 0
    hazards: int = 0
    states: Counter[str] = field(default_factory=Counter)
    majors: int = 0
    overdue: int = 0
    seconds: float = 0.0
    cancelled: bool = False

    def __str__(self) -> str:
        head = "演示数据生成已取消，已写入部分" if self.cancelled else "已生成演示数据"
        states = "、".join(f"{s.value}{self.states.get(s.value, 0)}" for s in HazardState)
        return (
            f"{head}（随机种子 {self.seed}，用时 {self.seconds:.1f} 秒）：企业 {self.enterprises} 家，"
            f"新增检查人员 {self.inspectors} 名，检查记录 {self.inspections} 条，隐患 {self.hazards} 条"
            f"（{states}；重大隐患 {self.majors} 条，逾期 {self.overdue} 条）"
        )


TemplatePools = tuple[tuple[HazardTemplate, ...], tuple[HazardTemplate, ...]]
"""(general, major) hazard templates that fit an enterprise's categories."""


class Run:
    """The random source, id counters and look-ups of one generation run."""

    def __init__(self, rng: random.Random, today: date, chunk_size: int) -> None:
        self.rng = rng
        self.words: Vocabulary = vocabulary()
        self.today_o = today.toordinal()
        self.chunk = max(1, chunk_size)
        self.next_id: dict[str, int] = {}
        self.floor_checked: set[int] = set()
        self.index_triggers: list[IndexTrigger] = []
        self.codes: set[str] = set()
        self.names: set[str] = set()
        self.town_officer: dict[str, int] = {}
        self.district_ids: list[int] = []
        self.supervisor_ids: list[int] = []
        self.pools: dict[frozenset[str], TemplatePools] = {}
        self.jur_names = tuple(self.words.jurisdictions)
        self.jur_cum = cumulative(w for w, _ in self.words.jurisdictions.values())
        self.prof_cum = cumulative(p.weight for p in self.words.profiles)
        self._surname_cum = cumulative(self.words.surname_weights)

    def new_id(self, table: Table) -> int:
        value = self.next_id[table.name]
        self.next_id[table.name] = value + 1
        return value

    def pick(self, items: tuple[_T, ...], cum: tuple[int, ...]) -> _T:
        """One of ``items`` by the cumulative weights ``cum``."""
        return items[pick_index(cum, self.rng.random() * cum[-1])]

    def person(self) -> str:
        rng = self.rng
        w = self.words
        surname = w.surnames[pick_index(self._surname_cum, rng.random() * self._surname_cum[-1])]
        given = rng.choice(w.given_chars)
        if rng.random() < 0.7:
            given += rng.choice(w.given_chars)
        return surname + given

    def phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return rng.choice(self.words.mobile_prefixes) + f"{rng.randrange(10**8):08d}"
        return rng.choice(self.words.landline_prefixes) + f"{rng.randrange(10**6):06d}"

    def credit_code(self) -> str:
        """GB 32100 code: 91 + region + organisation code (with GB 11714 check) + check char."""
        rng = self.rng
        while True:
            region = "320411" if rng.random() < 0.85 else rng.choice(("320400", "320412", "320402"))
            if rng.random() < 0.55:  # codes issued since 2015 start with MA
                body = "MA" + rng.choice("123") + "".join(rng.choice(_ORG_CHARS) for _ in range(5))
            else:
                body = rng.choice("567") + "".join(rng.choice("0123456789") for _ in range(7))
            first17 = f"91{region}{body}{_org_check(body)}"
            code = first17 + credit_code_check_char(first17)
            if code not in self.codes:
                self.codes.add(code)
                return code


_ORG_CHARS = "".join(c for c in CREDIT_CODE_CHARS if c.isalnum())
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code."""
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def cumulative(weights: Iterable[int]) -> tuple[int, ...]:
    """Cumulative weights for ``pick_index``: one random() per weighted pick, cheaper than choices()."""
    return tuple(accumulate(weights))


def pick_index(cum: tuple[int, ...], x: float) -> int:
    return bisect_right(cum, x)
