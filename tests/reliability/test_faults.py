"""The reliability suite: kills during writes and upgrades, broken roster files, ten processes
numbering documents, lost updates, restores after a crash — each counted and its figures printed.

Every test runs a short version in the normal test run (CI); ``make soak`` sets INSPECTOR_SOAK=1
for the full counts (100 kills, 2,000 files, 500 rounds) and shows the figures (-s).
"""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from contextlib import closing, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from inspector.__main__ import main
from inspector.core.audit import SYSTEM
from inspector.core.context import Services, open_database
from inspector.core.enterprises import EnterpriseFilter
from inspector.core.errors import ConcurrentEditError
from inspector.core.roster import write_template
from inspector.db import backups, migrate
from inspector.db.engine import Database
from inspector.db.models import Document, Enterprise
from tests.factories import credit_code, enterprise_input
from tests.reports import builders as b

pytestmark = pytest.mark.soak
ROOT = Path(__file__).resolve().parents[2]
FULL = os.environ.get("INSPECTOR_SOAK") == "1"


def count(short: int, full: int) -> int:
    return full if FULL else short


def figures(name: str, **values: object) -> None:
    print(f"\n[soak] {name}: " + ", ".join(f"{k}={v}" for k, v in values.items()))


WRITER = textwrap.dedent(
    """
    import sys
    from inspector.core.audit import SYSTEM
    from inspector.core.context import Services
    from inspector.db.engine import Database
    from tests.factories import enterprise_input
    db = Database(sys.argv[1])
    s = Services.on(db)
    n = int(sys.argv[2])
    while True:
        n += 1
        s.enterprises.create(SYSTEM, enterprise_input(n))
        print(n, flush=True)  # only after the commit returned
    """
)


def test_kills_during_writes_lose_no_committed_row(tmp_path: Path) -> None:
    path = tmp_path / "inspector.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    url = f"sqlite:///{path}"
    rounds, lost, unopenable, committed = count(5, 100), 0, 0, 0
    start = 1
    rng = random.Random(7)
    for _ in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(start)], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the writer is running and has committed once
        time.sleep(rng.random() * 0.3)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        reported = [int(x) for x in (first + out).split()]
        committed += len(reported)
        try:
            db = Database(url)
            with db.reading() as s:
                codes = set(s.scalars(select(Enterprise.credit_code)))
            db.dispose()
        except Exception:
            unopenable += 1
            continue
        lost += sum(1 for n in reported if credit_code(n) not in codes)
        start = max(reported, default=start) + 1000
    with closing(sqlite3.connect(path)) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    figures("kills during writes", rounds=rounds, committed=committed, lost=lost, unopenable=unopenable)
    assert (lost, unopenable) == (0, 0)


UPGRADER = textwrap.dedent(
    """
    import sys
    from inspector.core.context import open_database
    print("upgrading", flush=True)
    open_database(sys.argv[1]).dispose()
    """
)


def _old_database(path: Path, rows: int) -> None:
    """A database at revision 0004 (before this release's migrations) holding ``rows`` enterprises."""
    db = Database(f"sqlite:///{path}")
    command.upgrade(migrate.alembic_config(db.engine), "0004")
    db.dispose()
    with closing(sqlite3.connect(path)) as c:
        c.executemany(
            "INSERT INTO enterprises (name, credit_code, address, jurisdiction, industry, legal_representative,"
            " principal, safety_director, phone, status, hazardous_processes, plant_in_plant, notes, version)"
            " VALUES (?, ?, '', '春江镇', '', '', '', '', '', '在产', '', 0, '', 1)",
            [(f"企业{n}", f"CODE{n:014d}") for n in range(rows)],
        )
        c.commit()


def test_kills_during_an_upgrade_never_leave_an_unopenable_database(tmp_path: Path) -> None:
    template = tmp_path / "old.sqlite3"
    rows = count(20_000, 200_000)
    _old_database(template, rows)
    rounds, unopenable, upgraded_before_kill = count(3, 100), 0, 0
    rng = random.Random(3)
    for n in range(rounds):
        path = tmp_path / f"round{n}.sqlite3"
        path.write_bytes(template.read_bytes())
        url = f"sqlite:///{path}"
        proc = subprocess.Popen(
            [sys.executable, "-c", UPGRADER, url], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "upgrading"
        time.sleep(rng.random() * 0.4)  # the backup and the migrations take about 0.2 s here
        proc.send_signal(signal.SIGKILL)
        if proc.wait() == 0:
            upgraded_before_kill += 1
        try:
            db = open_database(url)  # the next start upgrades (again) and opens
            assert Services.on(db).enterprises.count(EnterpriseFilter()) == rows
            db.dispose()
        except Exception:
            unopenable += 1
        path.unlink()
    figures(
        "kills during an upgrade",
        rounds=rounds,
        rows=rows,
        finished_first=upgraded_before_kill,
        unopenable=unopenable,
    )
    assert unopenable == 0


def _broken_rosters(folder: Path, n: int, rng: random.Random) -> list[Path]:
    template = folder / "template.xlsx"
    write_template(template)
    good = template.read_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    files = []
    for i in range(n):
        kind = i % 5
        if kind == 0:  # cut short
            data = good[: rng.randrange(1, len(good))]
        elif kind == 1:  # random bytes, some with a zip signature
            data = (b"PK\x03\x04" if rng.random() < 0.5 else b"") + rng.randbytes(rng.randrange(0, 4000))
        elif kind == 2:  # one member's XML mangled
            out = io.BytesIO()
            victim = rng.choice(sorted(members))
            with zipfile.ZipFile(out, "w") as z:
                for name, body in members.items():
                    if name == victim:
                        cut = rng.randrange(0, max(len(body), 1))
                        body = body[:cut] + rng.randbytes(rng.randrange(0, 50)) + body[cut:]
                    z.writestr(name, body)
            data = out.getvalue()
        elif kind == 3:  # a member missing
            out = io.BytesIO()
            dropped = rng.choice(sorted(members))
            with zipfile.ZipFile(out, "w") as z:
                for name, body in members.items():
                    if name != dropped:
                        z.writestr(name, body)
            data = out.getvalue()
        else:  # bytes flipped anywhere
            buf = bytearray(good)
            for _ in range(rng.randrange(1, 20)):
                buf[rng.randrange(len(buf))] = rng.randrange(256)
            data = bytes(buf)
        path = folder / f"broken{i}.xlsx"
        path.write_bytes(data)
        files.append(path)
    return files


def test_broken_roster_files_get_a_message_never_a_traceback(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    files = _broken_rosters(tmp_path, count(40, 2000), random.Random(11))
    tracebacks, codes = 0, {}
    for path in files:
        err, out = io.StringIO(), io.StringIO()
        with redirect_stderr(err), redirect_stdout(out):
            rc = main(["import-enterprises", str(path)])
        codes[rc] = codes.get(rc, 0) + 1
        if "Traceback" in err.getvalue() or rc not in (0, 1):
            tracebacks += 1
    figures("broken roster files", files=len(files), tracebacks=tracebacks, exit_codes=codes)
    assert tracebacks == 0


NUMBERER = textwrap.dedent(
    """
    import sys, time
    from inspector.core.audit import SYSTEM
    from inspector.core.documents import DocumentService
    from inspector.db.engine import Database
    url, start, ids = sys.argv[1], float(sys.argv[2]), [int(x) for x in sys.argv[3].split(",")]
    docs = DocumentService(Database(url))
    while time.time() < start:
        time.sleep(0.001)
    for i in ids:
        docs.issue_rectification_order(SYSTEM, i)
        docs.issue_inspection_record(SYSTEM, i)
    """
)


def test_ten_processes_issue_documents_without_a_duplicate(db, tmp_path: Path) -> None:
    rounds, visits = count(1, 20), 6
    duplicates, extra = 0, 0
    for _ in range(rounds):
        with db.transaction() as s:
            n0 = int(s.scalar(select(func.count(Enterprise.id))) or 0)
            ids = [b.order_case(s, n_hazards=1, n=n0 + k + 2).inspection_id for k in range(visits)]
        start = time.time() + 3
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    NUMBERER,
                    db.engine.url.render_as_string(hide_password=False),
                    str(start),
                    ",".join(map(str, random.Random(p).sample(ids, len(ids)))),
                ],
                cwd=ROOT,
            )
            for p in range(10)
        ]
        assert all(p.wait(timeout=300) == 0 for p in procs)
        with db.reading() as s:
            numbers = list(s.scalars(select(Document.number)))
            per_visit = s.execute(
                select(Document.inspection_id, Document.kind, func.count()).group_by(
                    Document.inspection_id, Document.kind
                )
            ).all()
        duplicates += len(numbers) - len(set(numbers))
        extra += sum(c - 1 for _i, _k, c in per_visit if c > 1)
    figures(
        "10-process numbering",
        backend=db.engine.dialect.name,
        rounds=rounds,
        visits=visits,
        duplicate_numbers=duplicates,
        extra_documents=extra,
    )
    assert (duplicates, extra) == (0, 0)


def test_two_editors_never_overwrite_each_other(services: Services) -> None:
    eid = services.enterprises.create(SYSTEM, enterprise_input(1))
    rounds, lost, refused = count(50, 500), 0, 0
    for n in range(rounds):
        _data, version = services.enterprises.get(eid)
        mine = enterprise_input(1, notes=f"我的修改{n}")
        theirs = enterprise_input(1, notes=f"别人的修改{n}")
        services.enterprises.update(SYSTEM, eid, theirs, version)  # someone else saves first
        try:
            services.enterprises.update(SYSTEM, eid, mine, version)  # my form is stale
        except ConcurrentEditError:
            refused += 1
        now, _v = services.enterprises.get(eid)
        if now.notes != f"别人的修改{n}":
            lost += 1
    figures(
        "lost-update check",
        backend=services.db.engine.dialect.name,
        rounds=rounds,
        refused=refused,
        overwritten=lost,
    )
    assert (lost, refused) == (0, rounds)


def test_restore_after_a_crash_brings_back_exactly_the_backup(tmp_path: Path) -> None:
    rounds, wrong = count(3, 50), 0
    for n in range(rounds):
        path = tmp_path / f"r{n}" / "inspector.sqlite3"
        path.parent.mkdir()
        db = open_database(f"sqlite:///{path}")
        s = Services.on(db)
        for k in range(1, 21):
            s.enterprises.create(SYSTEM, enterprise_input(k))
        db.dispose()
        saved = backups.take_backup(path, path.parent / "backups")
        crash = textwrap.dedent(
            f"""
            import os
            from inspector.core.audit import SYSTEM
            from inspector.core.context import Services
            from inspector.db.engine import Database
            from tests.factories import enterprise_input
            s = Services.on(Database({f"sqlite:///{path}"!r}))
            for k in range(100, 130):
                s.enterprises.create(SYSTEM, enterprise_input(k))
            os._exit(9)  # dies with its WAL not checkpointed
            """
        )
        subprocess.run([sys.executable, "-c", crash], cwd=ROOT)
        backups.restore(saved, path, path.parent / "backups")
        db = open_database(f"sqlite:///{path}")
        if Services.on(db).enterprises.count(EnterpriseFilter()) != 20:
            wrong += 1
        db.dispose()
    figures("restore after a crash", rounds=rounds, wrong=wrong)
    assert wrong == 0
