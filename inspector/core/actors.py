"""Who acts, as the database says: re-read inside the transaction of every change.

A service is handed an ``Actor`` (the UI's current inspector, the command line's SYSTEM); it
never trusts the ``is_supervisor`` flag or the name on it. ``verify`` re-reads the inspector by id
in the same transaction as the change, so a stale or forged actor, a supervisor demoted on another
machine a minute ago or an inspector deactivated since the window opened are refused or treated as
what the registry says now. An actor without an id is the system (the command line, the first
set-up before anyone is registered): it is never a supervisor.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.audit import SYSTEM, Actor
from inspector.core.enums import InspectorRole
from inspector.core.errors import PermissionDenied
from inspector.db.engine import Database
from inspector.db.models import Inspector
from inspector.i18n import QT_TRANSLATE_NOOP, say

NOT_REGISTERED = QT_TRANSLATE_NOOP(
    "core", "当前检查人员（编号 {id}）不在检查人员名册中，请重新选择当前检查人员"
)
INACTIVE = QT_TRANSLATE_NOOP("core", "检查人员“{name}”已停用，不能办理业务；请重新选择当前检查人员")


NOT_YOURSELF = QT_TRANSLATE_NOOP(
    "core", "团队服务器上只能以本人的数据库登录办理业务：当前登录的是“{login}”（{name}）"
)


def login_inspector(session: Session) -> Inspector | None:
    """On a team server, the inspector whose own PostgreSQL login this session uses."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return session.scalar(select(Inspector).where(Inspector.db_role == func.current_user()))


def verify(session: Session, actor: Actor) -> Actor:
    """The actor as the registry has it now (name, role), or PermissionDenied.

    On a team server where the login belongs to a person, that person is who acts, whatever
    actor the caller hands in (identity comes from PostgreSQL itself, not from the program).
    """
    own = login_inspector(session)
    if own is not None and actor.id != own.id:
        raise PermissionDenied(say(NOT_YOURSELF, login=own.db_role, name=own.name))
    if actor.id is None:
        return Actor(None, actor.name or SYSTEM.name, is_supervisor=False)
    person = session.get(Inspector, actor.id)
    if person is None:
        raise PermissionDenied(say(NOT_REGISTERED, id=actor.id))
    if not person.active:
        raise PermissionDenied(say(INACTIVE, name=person.name))
    return Actor(person.id, person.name, is_supervisor=person.role == InspectorRole.SUPERVISOR.value)


@contextmanager
def acting(db: Database, actor: Actor) -> Iterator[tuple[Session, Actor]]:
    """One user action: a write transaction and the verified actor inside it."""
    with db.transaction() as session:
        yield session, verify(session, actor)


def require_office_role(s: Session, actor: Actor, refusal: str) -> None:
    """What the office sets up (its checklists, plans, campaigns) is a 科室负责人's to change; anyone
    may while no 科室负责人 is registered yet (a one-person laptop), and so may the command line.

    ``actor`` must be the verified one (``verify``/``acting``). ``refusal`` is a message template
    (``QT_TRANSLATE_NOOP``) or text already said; it is said when refused."""
    if actor.id is None or actor.is_supervisor:
        return
    supervisor = s.scalar(
        select(Inspector.id)
        .where(Inspector.active.is_(True), Inspector.role == InspectorRole.SUPERVISOR.value)
        .limit(1)
    )
    if supervisor is not None:
        raise PermissionDenied(say(refusal))
