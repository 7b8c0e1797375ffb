"""Demo data must look like a real ledger *and* keep every invariant the services rely on.

The checks are SQL over what was written, so they hold for any generator implementation.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from inspector.core.audit import SYSTEM
from inspector.core.demo import DemoSummary, generate
from inspector.core.enterprises import EnterpriseFilter, EnterpriseService
from inspector.core.enums import CategoryKind, HazardState, InspectionKind, InspectorRole
from inspector.core.errors import ValidationError
from inspector.core.numbering import next_hazard_number
from inspector.core.validation import credit_code_error, phone_error
from inspector.db.engine import Database
from inspector.db.models import Base, Hazard
from tests.factories import enterprise_input

TODAY = date(2026, 11, 20)
N_ENT, N_HAZ = 30, 500

OPEN = ("待整改", "整改中", "待复查")


def _make(db: Database, seed: int = 7, **kw: Any) -> DemoSummary:
    args: dict[str, Any] = {"enterprises": N_ENT, "hazards": N_HAZ, "seed": seed, "today": TODAY} | kw
    return generate(db, **args)


def _rows(db: Database, sql: str, **params: Any) -> list[Any]:
    with db.engine.connect() as c:
        return list(c.execute(text(sql), params))


def _one(db: Database, sql: str, **params: Any) -> Any:
    return _rows(db, sql, **params)[0][0]


@pytest.fixture
def demo(db: Database) -> tuple[Database, DemoSummary]:
    return db, _make(db)


def test_summary_matches_what_was_written(demo: tuple[Database, DemoSummary]) -> None:
    db, s = demo
    assert (s.enterprises, s.hazards, s.cancelled) == (N_ENT, N_HAZ, False)
    assert _one(db, "SELECT count(*) FROM enterprises") == N_ENT
    assert _one(db, "SELECT count(*) FROM hazards") == N_HAZ
    assert _one(db, "SELECT count(*) FROM inspections") == s.inspections
    assert dict(_rows(db, "SELECT state, count(*) FROM hazards GROUP BY state")) == dict(s.states)
    assert "企业 30 家" in str(s) and "隐患 500 条" in str(s)
    # One summary audit event, not one per row (plus the sample plan and campaign, made through
    # their services).
    assert _one(db, "SELECT count(*) FROM audit_events WHERE entity_type NOT IN ('plan', 'campaign')") == 1
    assert "生成演示数据" in _one(db, "SELECT summary FROM audit_events ORDER BY id LIMIT 1")
    assert (
        _one(db, "SELECT count(*) FROM inspection_plans") == _one(db, "SELECT count(*) FROM campaigns") == 1
    )


def test_enterprises_are_valid_and_unique(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    rows = _rows(db, "SELECT credit_code, phone, name, jurisdiction, address, status FROM enterprises")
    codes = [r[0] for r in rows]
    assert all(credit_code_error(c) is None for c in codes), [c for c in codes if credit_code_error(c)]
    assert len(set(codes)) == len(codes)
    assert all(c.startswith("913204") for c in codes)  # 常州 region codes
    assert all(phone_error(r[1]) is None and r[1] for r in rows)
    assert all(r[2].endswith("公司") and r[4].startswith("江苏省常州市新北区" + r[3]) for r in rows)
    assert {r[5] for r in rows} <= {"在产", "停产", "关闭"}
    assert sum(r[5] == "在产" for r in rows) > len(rows) / 2
    # Every enterprise has a supervision category; dust ones carry dust kind and workers.
    assert (
        _one(
            db,
            "SELECT count(*) FROM enterprises e WHERE NOT EXISTS "
            "(SELECT 1 FROM enterprise_categories c WHERE c.enterprise_id = e.id)",
        )
        == 0
    )
    kinds = {r[0] for r in _rows(db, "SELECT kind FROM enterprise_categories")}
    assert kinds <= {k.value for k in CategoryKind}
    assert (
        _one(
            db,
            "SELECT count(*) FROM enterprises e JOIN enterprise_categories c ON c.enterprise_id = e.id "
            "WHERE c.kind = '涉爆粉尘' AND (e.dust_kind IS NULL OR e.dust_workers IS NULL)",
        )
        == 0
    )


def test_inspectors_and_inspections(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    roles = dict(_rows(db, "SELECT role, count(*) FROM inspectors GROUP BY role"))
    assert (
        roles.get(InspectorRole.SUPERVISOR.value, 0) >= 1 and roles.get(InspectorRole.INSPECTOR.value, 0) >= 1
    )
    assert all(
        re.fullmatch(r"32041120\d{3}", r[0]) for r in _rows(db, "SELECT certificate_no FROM inspectors")
    )
    teams = _rows(
        db,
        "SELECT i.kind, count(*) FROM inspections i JOIN inspection_inspectors x "
        "ON x.inspection_id = i.id GROUP BY i.id, i.kind",
    )
    assert _one(db, "SELECT count(*) FROM inspections") == len(teams)  # every inspection has inspectors
    assert all(1 <= n <= 3 for _, n in teams)
    assert all(n >= 2 for kind, n in teams if kind == InspectionKind.ENFORCEMENT.value)
    assert {k for k, _ in teams} <= {k.value for k in InspectionKind}
    # A hazard found in an inspection belongs to that enterprise and that day.
    assert (
        _one(
            db,
            "SELECT count(*) FROM hazards h JOIN inspections i ON i.id = h.inspection_id "
            "WHERE i.enterprise_id != h.enterprise_id OR i.inspected_on != h.found_on",
        )
        == 0
    )
    assert _one(db, "SELECT count(*) FROM inspections WHERE end_time <= start_time") == 0
    assert (
        _one(db, "SELECT count(*) FROM inspections WHERE checklist IS NOT NULL") == 0
    )  # SQL NULL, not 'null'


def test_hazards_cover_every_state_and_keep_lifecycle_invariants(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    assert {r[0] for r in _rows(db, "SELECT DISTINCT state FROM hazards")} == {s.value for s in HazardState}
    with db.reading() as s:
        first, last = s.execute(select(func.min(Hazard.found_on), func.max(Hazard.found_on))).one()
    assert TODAY - timedelta(days=560) <= first and last <= TODAY
    assert _one(db, "SELECT count(*) FROM hazards WHERE deadline IS NULL OR deadline < found_on") == 0
    # 已销号 ⇒ closed on a date on/after found and after the enterprise reported it done.
    assert (
        _one(
            db,
            "SELECT count(*) FROM hazards WHERE state = '已销号' AND (closed_on IS NULL "
            "OR closed_on < found_on OR reported_done_on IS NULL OR reported_done_on > closed_on)",
        )
        == 0
    )
    assert _one(db, "SELECT count(*) FROM hazards WHERE state != '已销号' AND closed_on IS NOT NULL") == 0
    assert _one(db, "SELECT count(*) FROM hazards WHERE state = '待复查' AND reported_done_on IS NULL") == 0
    assert (
        _one(
            db,
            "SELECT count(*) FROM hazards WHERE state IN ('待整改', '整改中') "
            "AND reported_done_on IS NOT NULL",
        )
        == 0
    )
    # 整改中 and beyond ⇒ the five-in-place plan is complete (deadline is on the hazard).
    incomplete = _one(
        db,
        """
        SELECT count(*) FROM hazards h LEFT JOIN rectification_plans p ON p.hazard_id = h.id
        WHERE h.state IN ('整改中', '待复查', '已销号') AND (p.id IS NULL OR p.responsible_unit = ''
          OR p.responsible_person = '' OR p.measures = '' OR p.funds IS NULL OR p.contingency = ''
          OR h.deadline IS NULL)""",
    )
    assert incomplete == 0
    # 立查立改 only for general hazards, closed the same day.
    assert (
        _one(
            db,
            "SELECT count(*) FROM hazards WHERE rectified_on_spot = :t AND (level != '一般隐患' "
            "OR state != '已销号' OR closed_on != found_on)",
            t=True,
        )
        == 0
    )
    assert _one(db, "SELECT count(*) FROM hazards WHERE rectified_on_spot = :t", t=True) > 0
    # Closed after review ⇒ the last re-inspection passed on the closing day.
    assert (
        _one(
            db,
            """
        SELECT count(*) FROM hazards h WHERE h.state = '已销号' AND h.rectified_on_spot = :f
          AND NOT EXISTS (SELECT 1 FROM reinspections r WHERE r.hazard_id = h.id AND r.result = '合格'
                          AND r.reviewed_on = h.closed_on)""",
            f=False,
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM reinspections r JOIN hazards h ON h.id = r.hazard_id "
            "WHERE r.reviewed_on < h.found_on OR r.reviewed_on > :today",
            today=TODAY,
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM reinspections WHERE result = '不合格' "
            "AND (new_deadline IS NULL OR new_deadline <= reviewed_on)",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM reinspections WHERE result = '合格' "
            "AND (new_deadline IS NOT NULL OR previous_deadline IS NOT NULL)",
        )
        == 0
    )
    # A failure keeps the deadline it replaced; the next deadline is the hazard's (or a later review's).
    assert (
        _one(db, "SELECT count(*) FROM reinspections WHERE result = '不合格' AND previous_deadline IS NULL")
        == 0
    )
    assert (
        _one(
            db,
            """
        SELECT count(*) FROM hazards h JOIN reinspections r ON r.hazard_id = h.id
        WHERE h.state != '已销号' AND r.result = '不合格' AND r.id = (SELECT max(id) FROM reinspections x
              WHERE x.hazard_id = h.id) AND r.new_deadline != h.deadline""",
        )
        == 0
    )
    # Failed and then passed re-inspections both occur; every review has inspectors.
    assert (
        _one(
            db,
            """
        SELECT count(*) FROM hazards h WHERE h.state = '已销号'
          AND EXISTS (SELECT 1 FROM reinspections r WHERE r.hazard_id = h.id AND r.result = '不合格')""",
        )
        > 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM reinspections r WHERE NOT EXISTS "
            "(SELECT 1 FROM reinspection_inspectors x WHERE x.reinspection_id = r.id)",
        )
        == 0
    )
    # Some open hazards are overdue (derived: open and past the deadline).
    assert (
        _one(db, "SELECT count(*) FROM hazards WHERE state != '已销号' AND deadline < :today", today=TODAY)
        > 0
    )
    # Extensions keep the old deadline, move it later and give a reason.
    assert _one(db, "SELECT count(*) FROM deadline_extensions") > 0
    assert (
        _one(db, "SELECT count(*) FROM deadline_extensions WHERE new_deadline <= old_deadline OR reason = ''")
        == 0
    )


def test_major_hazards_are_supervised_and_delisted_on_closing(demo: tuple[Database, DemoSummary]) -> None:
    db, s = demo
    majors = _one(db, "SELECT count(*) FROM hazards WHERE level = '重大隐患'")
    assert majors == s.majors and 0 < majors < N_HAZ * 0.1
    assert (
        _one(
            db,
            "SELECT count(*) FROM hazards h WHERE h.level = '重大隐患' AND NOT EXISTS "
            "(SELECT 1 FROM supervisions v WHERE v.hazard_id = h.id)",
        )
        == 0
    )
    assert (
        _one(
            db,
            "SELECT count(*) FROM supervisions v JOIN hazards h ON h.id = v.hazard_id "
            "WHERE h.level != '重大隐患'",
        )
        == 0
    )
    wrong = _one(
        db,
        """
        SELECT count(*) FROM supervisions v JOIN hazards h ON h.id = v.hazard_id
        WHERE v.listed_on < h.found_on
           OR (h.state = '已销号' AND (v.delisted_on IS NULL OR v.delisted_on != h.closed_on))
           OR (h.state != '已销号' AND v.delisted_on IS NOT NULL)""",
    )
    assert wrong == 0


def test_hazard_numbers_follow_the_format_and_the_counter_is_past_them(
    demo: tuple[Database, DemoSummary],
) -> None:
    db, _ = demo
    with db.reading() as s:
        rows = list(s.execute(select(Hazard.number, Hazard.found_on).order_by(Hazard.id)))
    numbers = [r[0] for r in rows]
    assert len(set(numbers)) == len(numbers)
    for number, found in rows:
        assert re.fullmatch(r"YH\d{4}-\d{6}", number)
        assert number[2:6] == str(found.year)
    years = {found.year for _, found in rows}
    with db.transaction() as s:
        fresh = {year: next_hazard_number(s, year) for year in years}
    for year, number in fresh.items():
        assert number not in numbers
        assert number > max(n for n in numbers if n.startswith(f"YH{year}-"))


def test_same_seed_gives_same_data(db: Database, _sqlite_template: Path, tmp_path: Path) -> None:
    other_path = tmp_path / "other.sqlite3"
    shutil.copy(_sqlite_template, other_path)
    other = Database(f"sqlite:///{other_path}")
    try:
        _make(db, seed=11)
        _make(other, seed=11)
        for table in (
            "enterprises",
            "enterprise_categories",
            "inspections",
            "hazards",
            "rectification_plans",
            "reinspections",
            "supervisions",
            "deadline_extensions",
            "sequences",
        ):
            t = Base.metadata.tables[table]
            order = list(t.primary_key.columns)
            with db.engine.connect() as a, other.engine.connect() as b:
                assert list(a.execute(select(t).order_by(*order))) == list(
                    b.execute(select(t).order_by(*order))
                ), table
    finally:
        other.dispose()


def test_different_seed_gives_different_data(db: Database) -> None:
    _make(db, seed=1, hazards=0)
    first = _rows(db, "SELECT name FROM enterprises ORDER BY id")
    _make(db, seed=2, hazards=0)
    second = _rows(db, "SELECT name FROM enterprises ORDER BY id")[len(first) :]
    assert first != second


def test_second_run_appends_without_collisions(db: Database) -> None:
    _make(db)
    s2 = _make(db)  # same seed on purpose: the most likely way to collide
    assert s2.inspectors == 0  # the demo roster is reused, not duplicated
    assert _one(db, "SELECT count(*) FROM inspectors") == 20
    assert _one(db, "SELECT count(*) FROM enterprises") == 2 * N_ENT
    assert _one(db, "SELECT count(DISTINCT credit_code) FROM enterprises") == 2 * N_ENT
    assert _one(db, "SELECT count(*) FROM hazards") == 2 * N_HAZ
    assert _one(db, "SELECT count(DISTINCT number) FROM hazards") == 2 * N_HAZ
    # Hazards of the second run were attached to the second run's enterprises.
    assert _one(db, "SELECT count(DISTINCT enterprise_id) FROM hazards WHERE id > :n", n=N_HAZ) > 0
    assert _one(db, "SELECT min(enterprise_id) FROM hazards WHERE id > :n", n=N_HAZ) > N_ENT
    numbers = {r[0] for r in _rows(db, "SELECT number FROM hazards")}
    with db.transaction() as s:
        assert next_hazard_number(s, TODAY.year) not in numbers


def test_appending_respects_numbers_the_counter_never_issued(db: Database) -> None:
    """An imported hazard numbered ahead of the counter must not be drawn again."""
    eid = EnterpriseService(db).create(SYSTEM, enterprise_input(99))
    with db.transaction() as s:
        s.add(
            Hazard(
                number=f"YH{TODAY.year}-000400",
                enterprise_id=eid,
                location="仓库",
                description="导入的隐患",
                category="现场管理",
                found_on=TODAY,
            )
        )
    _make(db)
    numbers = [r[0] for r in _rows(db, "SELECT number FROM hazards")]
    assert len(numbers) == len(set(numbers)) == N_HAZ + 1
    imported = f"YH{TODAY.year}-000400"
    assert min(n for n in numbers if n.startswith(f"YH{TODAY.year}-") and n != imported) > imported


def test_app_can_add_records_after_demo_data(db: Database) -> None:
    """Explicit ids must not break later inserts (PostgreSQL serials are re-synced)."""
    _make(db, hazards=50)
    new_id = EnterpriseService(db).create(SYSTEM, enterprise_input(12345))
    assert new_id > N_ENT
    with db.transaction() as s:
        h = Hazard(
            number=next_hazard_number(s, TODAY.year),
            enterprise_id=new_id,
            location="仓库",
            description="新登记的隐患",
            category="现场管理",
            found_on=TODAY,
        )
        s.add(h)
        s.flush()
        assert h.id > 50


def test_enterprise_list_queries_see_demo_data(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    svc = EnterpriseService(db)
    assert svc.count(EnterpriseFilter()) == N_ENT
    jurisdictions = svc.jurisdictions()
    assert len(jurisdictions) > 3
    total = sum(svc.count(EnterpriseFilter(jurisdiction=j)) for j in jurisdictions)
    assert total == N_ENT
    assert svc.count(EnterpriseFilter(text="有限公司")) == N_ENT
    page = svc.page(EnterpriseFilter(), offset=N_ENT - 5, limit=10)
    assert len(page) == 5 and all(row.categories for row in page)


def test_progress_is_reported_and_cancel_stops_cleanly(db: Database) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < N_ENT + 200  # cancel once 200 hazards are in

    s = _make(db, progress=progress, chunk_size=100)
    assert s.cancelled and "取消" in str(s)
    assert calls[0] == (N_ENT, N_ENT + N_HAZ)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    written = _one(db, "SELECT count(*) FROM hazards")
    assert written == s.hazards == calls[-1][0] - N_ENT == 200
    # What was committed is whole: every inspection's hazards and every major's supervision.
    assert (
        _one(
            db,
            "SELECT count(*) FROM hazards h WHERE h.level = '重大隐患' AND NOT EXISTS "
            "(SELECT 1 FROM supervisions v WHERE v.hazard_id = h.id)",
        )
        == 0
    )
    with db.transaction() as sess:
        top = sess.scalar(select(func.max(Hazard.number)))
        assert next_hazard_number(sess, int(top[2:6])) > top


def test_hazards_only_go_to_existing_enterprises(db: Database) -> None:
    _make(db, enterprises=5, hazards=0)
    s = _make(db, enterprises=0, hazards=40, seed=3)
    assert s.hazards == 40
    assert _one(db, "SELECT count(*) FROM hazards WHERE enterprise_id > 5") == 0


def test_hazards_without_enterprises_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="企业"):
        _make(db, enterprises=0, hazards=10)
    with pytest.raises(ValidationError, match="不能为负数"):
        _make(db, enterprises=-1)


def test_demo_hazards_are_found_by_keyword_search(sqlite_db: Database) -> None:
    """Bulk inserts go through the FTS triggers of the SQLite schema, so search works on demo data."""
    _make(sqlite_db)
    has_fts = _one(sqlite_db, "SELECT count(*) FROM sqlite_master WHERE name = 'hazards_fts'")
    if not has_fts:
        pytest.skip("schema without hazards_fts")
    triggers_before = _rows(
        sqlite_db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    )

    def found(word: str) -> tuple[int, int]:
        like = _one(sqlite_db, f"SELECT count(*) FROM hazards WHERE description LIKE '%{word}%'")
        fts = _one(
            sqlite_db, f"SELECT count(*) FROM hazards_fts WHERE hazards_fts MATCH 'description : \"{word}\"'"
        )
        return like, fts

    like, fts = found("除尘系统")
    assert fts == like > 0
    # Generation leaves the schema's triggers as they were, so the app's own inserts are indexed too.
    _make(sqlite_db, enterprises=3, hazards=20)
    assert (
        _rows(sqlite_db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        == triggers_before
    )
    with sqlite_db.transaction() as s:
        s.add(
            Hazard(
                number="YH2026-900001",
                enterprise_id=1,
                location="仓库",
                description="独一无二的描述文字",
                category="现场管理",
                found_on=TODAY,
            )
        )
    assert found("独一无二的描述") == (1, 1)
