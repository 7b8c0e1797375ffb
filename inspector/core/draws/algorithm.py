"""The 双随机 draw itself: pure, seeded, and explainable to anyone who asks how it was done.

How a draw is made (what an office tells the public or an auditor):

1. **The pools are written down first.** The enterprise pool (ids of every enterprise in the
   draw's scope, ascending) and the inspector pool (ids of every active inspector holding a
   执法证号, ascending) are stored with the draw, together with the seed (随机数种子, any text up
   to 40 characters, typically the date and time of the draw).
2. **Enterprises.** For every enterprise id ``e`` of the pool, compute
   ``SHA-256("<seed>|企业|<e>")`` as a hexadecimal string; sort the pool by that value (then by
   id); the first N are drawn, in that order.
3. **Inspectors.** For every drawn enterprise ``e``, set aside the inspectors who may not check it
   (an active 回避, and — if the office asked — the inspectors of its latest inspection; both lists
   are stored with the draw). For every remaining inspector ``i`` compute
   ``SHA-256("<seed>|检查人员|<e>|<i>")``; the two with the smallest values are its inspectors.
   An enterprise with fewer than two left stops the draw (nothing is stored).
4. **Fingerprint.** ``SHA-256`` of the canonical JSON of pools, seed, count and options (keys
   sorted, no spaces, non-ASCII kept) is the draw's 摘要 (digest): anyone holding the stored
   facts can recompute it, and redo steps 2–3 with any SHA-256 tool to get the same list.

SHA-256 and the text of the inputs are all there is: the result does not depend on the Python
version, the platform or the order the database returns rows (unlike ``random.sample``, whose
internals may change between versions). Nobody can steer the draw without changing the seed or
a pool, and both are published with it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

ENTERPRISE_TAG = "企业"
INSPECTOR_TAG = "检查人员"
INSPECTORS_PER_ENTERPRISE = 2


def rank_key(seed: str, *parts: object) -> str:
    """The hexadecimal SHA-256 of ``seed|part|part…`` (UTF-8): the sort key of steps 2 and 3."""
    text = "|".join([seed, *(str(p) for p in parts)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def count_for_percent(pool_size: int, percent: Decimal) -> int:
    """How many enterprises ``percent`` % of the pool is: rounded up (向上取整), at least one of a
    pool that is not empty; 30 % of 1,000 is 300, 30 % of 7 is 3 (2.1 rounded up)."""
    if pool_size <= 0:
        return 0
    exact = Decimal(pool_size) * percent / Decimal(100)
    return max(1, min(pool_size, int(exact.to_integral_value(rounding=ROUND_CEILING))))


def choose_enterprises(pool: Sequence[int], seed: str, count: int) -> list[int]:
    """Step 2: the first ``count`` of the pool ordered by ``rank_key(seed, 企业, id)``."""
    ranked = sorted(set(pool), key=lambda e: (rank_key(seed, ENTERPRISE_TAG, e), e))
    return ranked[:count]


def choose_inspectors(
    enterprise_id: int, inspectors: Sequence[int], seed: str, excluded: set[int]
) -> list[int]:
    """Step 3 for one enterprise: its eligible inspectors ordered by their key (may be < 2)."""
    eligible = [i for i in sorted(set(inspectors)) if i not in excluded]
    eligible.sort(key=lambda i: (rank_key(seed, INSPECTOR_TAG, enterprise_id, i), i))
    return eligible[:INSPECTORS_PER_ENTERPRISE]


@dataclass(frozen=True)
class Assignment:
    enterprise_id: int
    inspector1_id: int
    inspector2_id: int


class ShortOfInspectors(Exception):
    """Enterprise ``enterprise_id`` has fewer than two inspectors left after the exclusions."""

    def __init__(self, enterprise_id: int, left: int) -> None:
        super().__init__(enterprise_id, left)
        self.enterprise_id = enterprise_id
        self.left = left


def assign(
    pool: Sequence[int],
    inspectors: Sequence[int],
    seed: str,
    count: int,
    excluded: Mapping[int, set[int]],
) -> list[Assignment]:
    """Steps 2 and 3: the drawn enterprises in drawn order, each with its two inspectors."""
    out = []
    for e in choose_enterprises(pool, seed, count):
        pair = choose_inspectors(e, inspectors, seed, excluded.get(e, set()))
        if len(pair) < INSPECTORS_PER_ENTERPRISE:
            raise ShortOfInspectors(e, len(pair))
        out.append(Assignment(e, pair[0], pair[1]))
    return out


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: the same facts always give the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(
    pool: Sequence[int], inspectors: Sequence[int], seed: str, count: int, options: Mapping[str, Any]
) -> str:
    """Step 4: the fingerprint of everything the draw was made from."""
    facts = {
        "pool": list(pool),
        "inspector_pool": list(inspectors),
        "seed": seed,
        "count": count,
        "options": dict(options),
    }
    return hashlib.sha256(canonical(facts).encode("utf-8")).hexdigest()


def exclusions(options: Mapping[str, Any]) -> dict[int, set[int]]:
    """Enterprise id → inspectors set aside, from the stored options (回避 and 上次检查)."""
    out: dict[int, set[int]] = {}
    for key in ("conflicts", "last_inspectors"):
        for eid, ids in (options.get(key) or {}).items():
            out.setdefault(int(eid), set()).update(int(i) for i in ids)
    return out
