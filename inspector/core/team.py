"""Setting up a team server: one PostgreSQL login per person, mapped to the registry.

``add_user`` is what the server's owner runs (``inspector team add-user``): it creates (or updates)
the person's login with its password, puts it in the 检查员 or 科室负责人 group role, and registers
(or links) the inspector, all in one transaction. The server then enforces the rules for that
login (``inspector.db.team``) and the program acts as that person whenever it connects with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from inspector.core import audit
from inspector.core.audit import SYSTEM
from inspector.core.enums import InspectorRole
from inspector.core.errors import DomainError, FieldError, PermissionDenied, ValidationError
from inspector.core.inspectors import SNAPSHOT_FIELDS, InspectorInput, validate
from inspector.db import team
from inspector.db.engine import Database
from inspector.db.models import Inspector
from inspector.i18n import QT_TRANSLATE_NOOP, say

_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{1,62}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class TeamUser:
    inspector_id: int
    login: str
    created: bool  # a new inspector (else an existing one was linked)


class TeamService:
    def __init__(self, db: Database, clock: Callable[[], date] = date.today) -> None:
        self.db = db
        self.clock = clock

    def add_user(
        self, login: str, password: str, person: InspectorInput, *, supervisor: bool = False
    ) -> TeamUser:
        if self.db.engine.dialect.name != "postgresql":
            raise DomainError(
                say(
                    QT_TRANSLATE_NOOP(
                        "core", "只有团队服务器（PostgreSQL）需要为每人创建数据库登录；本机数据库无需此步"
                    )
                )
            )
        errors = list(validate(person).errors)
        if not _LOGIN.match(login):
            errors.append(
                FieldError(
                    "login",
                    say(
                        QT_TRANSLATE_NOOP(
                            "core", "登录名只用小写字母、数字和下划线，以字母开头，如 zhangming"
                        )
                    ),
                )
            )
        if len(password) < MIN_PASSWORD:
            errors.append(
                FieldError(
                    "password", say(QT_TRANSLATE_NOOP("core", "密码至少{count}位"), count=MIN_PASSWORD)
                )
            )
        if errors:
            raise ValidationError(errors)
        d = person.cleaned()
        role = InspectorRole.SUPERVISOR.value if supervisor else InspectorRole.INSPECTOR.value
        with self.db.transaction() as s:
            conn = s.connection()
            try:
                team.add_login(conn, login, password, supervisor)
            except PermissionError as e:
                raise PermissionDenied(str(e)) from e
            existing = s.scalar(select(Inspector).where(Inspector.db_role == login)) or s.scalar(
                select(Inspector).where(Inspector.name == d.name, Inspector.db_role.is_(None))
            )
            created = existing is None
            person_row = existing or Inspector(name=d.name)
            for field in SNAPSHOT_FIELDS:
                if field != "name" or created:
                    setattr(person_row, field, getattr(d, field))
            person_row.role = role
            person_row.active = True
            person_row.db_role = login
            s.add(person_row)
            s.flush()
            audit.record(
                s,
                SYSTEM,
                "inspector",
                person_row.id,
                "create" if created else "update",
                f"团队服务器登录：{login} → {person_row.name}（{role}）",
                None,
                {**audit.snapshot(person_row, SNAPSHOT_FIELDS), "db_role": login},
                today=self.clock(),
            )
            return TeamUser(person_row.id, login, created)
