"""The team server's own rules: PostgreSQL roles, grants and triggers that no client can bypass.

Each person logs in with an own PostgreSQL role, a member of one of two group roles:

- ``inspector_staff`` (检查员) may read everything and record the day's work, but may only *add*
  to the audit trail, issued documents, their hazard lists and deliveries — never change or
  delete them — and may not touch the registry or the 机关设置;
- ``inspector_supervisor`` (科室负责人) is staff plus the registry and the 机关设置.

Triggers refuse closing (销号) a major hazard and delisting (摘牌) it, and the 审核/审批 of a
现场检查方案, for anyone who is not a supervisor, so even a ``psql`` session with a 检查员 login cannot do it. The database owner (who
runs the upgrades and ``inspector team add-user``) keeps every right: it is the administrator.

``ensure`` is idempotent and runs after every upgrade on PostgreSQL, so tables added by later
migrations get their grants too. The program maps ``current_user`` to ``inspectors.db_role``.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from inspector.i18n import QT_TRANSLATE_NOOP, say

STAFF = "inspector_staff"
SUPERVISOR = "inspector_supervisor"
MAJOR_CLOSE_REFUSAL = "重大隐患须由科室负责人复查销号"

# table → what a 检查员 may do besides SELECT
STAFF_GRANTS: dict[str, str] = {
    "enterprises": "INSERT, UPDATE",
    "enterprise_categories": "INSERT, UPDATE, DELETE",
    "inspections": "INSERT, UPDATE",
    "inspection_inspectors": "INSERT",
    "hazards": "INSERT, UPDATE",
    "rectification_plans": "INSERT, UPDATE",
    "deadline_extensions": "INSERT",
    "reinspections": "INSERT",
    "reinspection_inspectors": "INSERT",
    "supervisions": "INSERT, UPDATE",
    "photo_blobs": "INSERT",
    "photos": "INSERT",
    "sequences": "INSERT, UPDATE",
    "documents": "INSERT",
    "document_hazards": "INSERT",
    "deliveries": "INSERT",
    "audit_events": "INSERT",
    # Versions are append-only: staff store a new edition of the shipped criteria the first time
    # a visit uses it, and record results; office lists are edited by 科室负责人 (checked in core).
    "checklists": "INSERT",
    "checklist_versions": "INSERT",
    "checklist_items": "INSERT",
    "checklist_results": "INSERT",
    "checklist_photos": "INSERT",
    # Plans and campaigns are the office's (科室负责人); a draw is stored once and never changed
    # by anyone; a 方案's 审核/审批 columns are guarded by a trigger; warnings are append-only.
    "inspection_plans": "",
    "plan_items": "",
    "campaigns": "",
    "inspector_conflicts": "INSERT",
    "draws": "INSERT",
    "draw_entries": "INSERT",
    "inspection_schemes": "INSERT, UPDATE",
    "visit_warnings": "INSERT",
    "inspectors": "",
    "settings": "",
    "alembic_version": "",
}
SUPERVISOR_GRANTS: dict[str, str] = {
    "inspectors": "INSERT, UPDATE",
    "settings": "INSERT, UPDATE",
    "inspection_plans": "INSERT, UPDATE, DELETE",
    "plan_items": "INSERT, UPDATE, DELETE",
    "campaigns": "INSERT, UPDATE, DELETE",
    "inspector_conflicts": "UPDATE",
}

_GUARD = f"""
CREATE OR REPLACE FUNCTION inspector_guard_major() RETURNS trigger AS $$
DECLARE
    privileged boolean := pg_has_role(current_user, '{SUPERVISOR}', 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
        OR current_user = (SELECT tableowner FROM pg_tables WHERE tablename = TG_TABLE_NAME LIMIT 1);
BEGIN
    IF TG_TABLE_NAME = 'hazards' THEN
        IF NEW.level = '重大隐患' AND NEW.state = '已销号' AND OLD.state IS DISTINCT FROM '已销号'
           AND NOT privileged THEN
            RAISE EXCEPTION '{MAJOR_CLOSE_REFUSAL}' USING ERRCODE = '42501';
        END IF;
    ELSIF NEW.delisted_on IS NOT NULL AND OLD.delisted_on IS NULL AND NOT privileged THEN
        RAISE EXCEPTION '重大隐患须由科室负责人销号摘牌' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


SCHEME_REFUSAL = "现场检查方案须由科室负责人审核、审批"

# 现场检查方案 (core.schemes): a 检查员's login may draft, edit, submit and link a visit, but never
# write an opinion, a reviewer or an approver, move a 方案 on to 待审批/已批准/已退回, draw its
# number, or change an approved one (only the visit logged from it may be filled in). Clearing an
# earlier round's opinions on resubmission stays allowed.
_GUARD_SCHEME = f"""
CREATE OR REPLACE FUNCTION inspector_guard_scheme() RETURNS trigger AS $$
DECLARE
    privileged boolean := pg_has_role(current_user, '{SUPERVISOR}', 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
        OR current_user = (SELECT tableowner FROM pg_tables WHERE tablename = TG_TABLE_NAME LIMIT 1);
BEGIN
    IF privileged THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state NOT IN ('草稿') OR NEW.reviewed_by_id IS NOT NULL OR NEW.approved_by_id IS NOT NULL
           OR NEW.reviewed_on IS NOT NULL OR NEW.approved_on IS NOT NULL OR NEW.doc_serial IS NOT NULL
           OR coalesce(NEW.review_opinion, '') <> '' OR coalesce(NEW.approval_opinion, '') <> '' THEN
            RAISE EXCEPTION '{SCHEME_REFUSAL}' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.state IN ('待审批', '已批准', '已退回') AND NEW.state IS DISTINCT FROM OLD.state)
       OR (NEW.reviewed_by_id IS NOT NULL AND NEW.reviewed_by_id IS DISTINCT FROM OLD.reviewed_by_id)
       OR (NEW.approved_by_id IS NOT NULL AND NEW.approved_by_id IS DISTINCT FROM OLD.approved_by_id)
       OR (NEW.reviewed_on IS NOT NULL AND NEW.reviewed_on IS DISTINCT FROM OLD.reviewed_on)
       OR (NEW.approved_on IS NOT NULL AND NEW.approved_on IS DISTINCT FROM OLD.approved_on)
       OR (coalesce(NEW.review_opinion, '') <> '' AND NEW.review_opinion IS DISTINCT FROM OLD.review_opinion)
       OR (coalesce(NEW.approval_opinion, '') <> ''
           AND NEW.approval_opinion IS DISTINCT FROM OLD.approval_opinion)
       OR (NEW.doc_year, NEW.doc_serial) IS DISTINCT FROM (OLD.doc_year, OLD.doc_serial)
       OR (OLD.state = '已批准' AND (NEW.enterprise_id, NEW.planned_on, NEW.contact, NEW.inspector1_id,
           NEW.inspector2_id, NEW.content, NEW.method, NEW.remarks, NEW.state, NEW.review_opinion,
           NEW.approval_opinion) IS DISTINCT FROM (OLD.enterprise_id, OLD.planned_on, OLD.contact,
           OLD.inspector1_id, OLD.inspector2_id, OLD.content, OLD.method, OLD.remarks, OLD.state,
           OLD.review_opinion, OLD.approval_opinion)) THEN
        RAISE EXCEPTION '{SCHEME_REFUSAL}' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
"""


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar())


def can_manage_roles(conn: Connection) -> bool:
    row = conn.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    return bool(row)


def ensure(conn: Connection) -> list[str]:
    """Create the group roles (if allowed), grants and triggers; returns warnings (Chinese).

    Only the owner of the tables (or a superuser) can; for anyone else this does nothing."""
    warnings: list[str] = []
    owner = conn.execute(
        text(
            "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
            " OR current_user = (SELECT tableowner FROM pg_tables WHERE tablename = 'hazards' LIMIT 1)"
        )
    ).scalar()
    if not owner:
        return warnings
    if can_manage_roles(conn):
        for role in (STAFF, SUPERVISOR):
            if not _role_exists(conn, role):
                conn.execute(text(f'CREATE ROLE "{role}" NOLOGIN'))
        conn.execute(text(f'GRANT "{STAFF}" TO "{SUPERVISOR}"'))
    elif not (_role_exists(conn, STAFF) and _role_exists(conn, SUPERVISOR)):
        warnings.append(
            say(
                QT_TRANSLATE_NOOP(
                    "core",
                    "数据库用户没有 CREATEROLE 权限，未能创建检查员/科室负责人角色；"
                    "团队服务器的权限规则未生效，请由有该权限的管理员运行一次 inspector migrate",
                )
            )
        )
        return warnings
    tables = set(
        conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars()
    )
    conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{STAFF}"'))
    for table in sorted(tables):
        conn.execute(text(f'REVOKE ALL ON "{table}" FROM "{STAFF}", "{SUPERVISOR}"'))
        extra = STAFF_GRANTS.get(table, "")
        conn.execute(text(f'GRANT SELECT{", " + extra if extra else ""} ON "{table}" TO "{STAFF}"'))
        if SUPERVISOR_GRANTS.get(table):
            conn.execute(text(f'GRANT {SUPERVISOR_GRANTS[table]} ON "{table}" TO "{SUPERVISOR}"'))
    conn.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{STAFF}"'))
    conn.exec_driver_sql(_GUARD)
    for table in ("hazards", "supervisions"):
        conn.execute(text(f"DROP TRIGGER IF EXISTS inspector_guard_major ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER inspector_guard_major BEFORE UPDATE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION inspector_guard_major()"
            )
        )
    if "inspection_schemes" in tables:
        conn.exec_driver_sql(_GUARD_SCHEME)
        conn.execute(text("DROP TRIGGER IF EXISTS inspector_guard_scheme ON inspection_schemes"))
        conn.execute(
            text(
                "CREATE TRIGGER inspector_guard_scheme BEFORE INSERT OR UPDATE ON inspection_schemes "
                "FOR EACH ROW EXECUTE FUNCTION inspector_guard_scheme()"
            )
        )
    return warnings


def add_login(conn: Connection, login: str, password: str, supervisor: bool) -> None:
    """A person's own login, member of the right group (run by the owner or an administrator)."""
    if not can_manage_roles(conn):
        raise PermissionError(
            say(QT_TRANSLATE_NOOP("core", "当前数据库用户没有 CREATEROLE 权限，不能创建登录用户"))
        )
    quoted = login.replace('"', '""')
    secret = "'" + password.replace("'", "''") + "'"  # DDL takes no bound parameters
    verb = "ALTER" if _role_exists(conn, login) else "CREATE"
    conn.exec_driver_sql(f'{verb} ROLE "{quoted}" LOGIN PASSWORD {secret}')
    conn.execute(text(f'GRANT "{STAFF}" TO "{quoted}"'))
    if supervisor:
        conn.execute(text(f'GRANT "{SUPERVISOR}" TO "{quoted}"'))
    else:
        conn.execute(text(f'REVOKE "{SUPERVISOR}" FROM "{quoted}"'))
