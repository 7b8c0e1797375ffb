"""Ten processes printing the same visit at once get one document and no repeated number.

The guard is the write lock taken at BEGIN on SQLite (``Database.transaction``) and the row lock on
PostgreSQL; this runs real processes against one file / one server, as ten laptops or windows would.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import func, select

from inspector.db.models import Document
from tests.reports import builders as b

PROCESSES = 10

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from inspector.core.audit import SYSTEM
    from inspector.core.documents import DocumentService
    from inspector.db.engine import Database
    url, inspection_id, start = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    db = Database(url)
    while time.time() < start:
        time.sleep(0.001)
    docs = DocumentService(db)
    order = docs.issue_rectification_order(SYSTEM, inspection_id)
    record = docs.issue_inspection_record(SYSTEM, inspection_id)
    print(order.number, record.number)
    """
)


def test_ten_processes_printing_one_visit_get_one_order_and_one_record(db, tmp_path: Path) -> None:
    import time

    with db.transaction() as s:
        case = b.order_case(s, n_hazards=2)
        b.order_case(s, n_hazards=1, n=2)  # a second visit, so a wrong serial would show
    url = db.url if not db.is_sqlite else str(db.engine.url)
    start = time.time() + 3.0  # every process is imported and waiting before the first issues
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, url, str(case.inspection_id), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
        )
        for _ in range(PROCESSES)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    failures = [err for (_out, err), p in zip(outputs, procs, strict=True) if p.returncode != 0]
    assert failures == []
    lines = {out.strip() for out, _err in outputs}
    assert lines == {"（新北）应急责改〔2026〕1号 （新北）应急检记〔2026〕1号"}
    with db.reading() as s:
        assert s.scalar(select(func.count(Document.id))) == 2
        numbers = list(s.scalars(select(Document.number)))
    assert len(numbers) == len(set(numbers))
