"""Demo data (演示数据): a realistic district ledger for trying the app and for measuring it.

Generation writes with Core bulk inserts, chunk by chunk, one transaction per chunk, with explicit
ids so child rows reference parents without round-trips. That is what makes a million hazards take
minutes rather than hours. Each chunk is self-contained (inspections with all their hazards, plans,
re-inspections, supervisions), so a cancelled run leaves a consistent database behind.

Hazards follow a simulated life (``hazards``), cut at ``today``, so every state and the overdue
cases arise naturally. Hazard numbers are drawn from the ``sequences`` counter in blocks
(``numbers``), so numbers the app issues later never collide. The words (places, names, hazard
templates) are data: resources/demo/names.toml, read by ``names``.

Run it only on a database nobody else is writing to at the same time: ids are allocated from the
current maxima.
"""

from inspector.core.demo.runner import Progress, generate
from inspector.core.demo.state import DemoSummary

__all__ = ["DemoSummary", "Progress", "generate"]
