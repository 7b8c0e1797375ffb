"""双随机 draws: random enterprises from a pool and two random inspectors for each (issue 12).

``algorithm`` is the pure, documented draw (what an office explains to the public); ``service``
stores, reads back, verifies and publishes it. Public API: ``DrawService``, ``DrawRequest``,
``DrawResult``, ``DrawnEntry``, ``DrawRow``, ``Verification``, ``PublicList``, ``PublicRow``,
``PlanItemChoice``.
"""

from inspector.core.draws.service import (
    DrawnEntry,
    DrawRequest,
    DrawResult,
    DrawRow,
    DrawService,
    PlanItemChoice,
    PublicList,
    PublicRow,
    Verification,
)

__all__ = [
    "DrawRequest",
    "DrawResult",
    "DrawRow",
    "DrawService",
    "DrawnEntry",
    "PlanItemChoice",
    "PublicList",
    "PublicRow",
    "Verification",
]
