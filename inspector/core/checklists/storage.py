"""Checklist versions in the database: stored once, never changed, read back as ``Checklist``.

A version's rows are written in the caller's transaction. The shipped criteria are stored the
first time they are needed (a list is offered, a visit records results): a new edition of the
file (its content digest differs) becomes the next version of the same code, and the versions
visits used stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from inspector.core.checklists.loading import shipped_checklists
from inspector.core.checklists.model import (
    Checklist,
    ChecklistItem,
    ChecklistSource,
    Verification,
    categories_from_text,
    categories_text,
)
from inspector.db import models as m
from inspector.db.engine import Database


def to_value(v: m.ChecklistVersion) -> Checklist:
    return Checklist(
        code=v.checklist.code,
        source=ChecklistSource(v.checklist.source),
        title=v.title,
        number=v.number,
        in_force=v.in_force,
        status=Verification(v.status),
        applies_to=categories_from_text(v.applies_to),
        items=tuple(item_value(i) for i in v.items),
        note=v.note,
        version=v.version,
        version_id=v.id,
        checklist_id=v.checklist_id,
    )


def item_value(i: m.ChecklistItem) -> ChecklistItem:
    return ChecklistItem(
        position=i.position,
        number=i.number,
        article=i.article,
        item_no=i.item_no,
        category=i.category,
        content=i.content,
        basis=i.basis,
        major=i.major,
        status=Verification(i.status),
        applies_to=categories_from_text(i.applies_to),
        id=i.id,
    )


def store_version(
    s: Session, row: m.Checklist, c: Checklist, created_by_id: int | None = None
) -> m.ChecklistVersion:
    """The next version of ``row`` with the content of ``c`` (flushed: ids are set)."""
    latest = s.scalar(
        select(func.max(m.ChecklistVersion.version)).where(m.ChecklistVersion.checklist_id == row.id)
    )
    v = m.ChecklistVersion(
        checklist_id=row.id,
        version=(latest or 0) + 1,
        title=c.title,
        number=c.number,
        in_force=c.in_force,
        status=c.status.value,
        applies_to=categories_text(c.applies_to),
        note=c.note,
        digest=c.digest,
        created_by_id=created_by_id,
        items=[
            m.ChecklistItem(
                position=i.position,
                number=i.number,
                article=i.article,
                item_no=i.item_no,
                category=i.category,
                content=i.content,
                basis=i.basis,
                major=i.major,
                status=i.status.value,
                applies_to=categories_text(i.applies_to),
            )
            for i in c.items
        ],
    )
    s.add(v)
    s.flush()
    return v


def load_versions(s: Session, version_ids: Iterable[int]) -> dict[int, Checklist]:
    ids = list(version_ids)
    if not ids:
        return {}
    rows = s.scalars(
        select(m.ChecklistVersion)
        .where(m.ChecklistVersion.id.in_(ids))
        .options(selectinload(m.ChecklistVersion.items), selectinload(m.ChecklistVersion.checklist))
    )
    return {v.id: to_value(v) for v in rows}


def _shipped_version_ids(s: Session) -> dict[str, int]:
    """code → id of the stored version matching the shipped file's text, for those stored, in the
    file's order."""
    wanted = {c.code: c.digest for c in shipped_checklists()}
    found = s.execute(
        select(m.Checklist.code, m.ChecklistVersion.digest, m.ChecklistVersion.id)
        .join(m.ChecklistVersion, m.ChecklistVersion.checklist_id == m.Checklist.id)
        .where(m.Checklist.code.in_(list(wanted)))
    )
    have = {code: vid for code, digest, vid in found if wanted[code] == digest}
    return {code: have[code] for code in wanted if code in have}  # in the file's order


def store_shipped(s: Session) -> dict[str, int]:
    """Store (in ``s``'s transaction) the shipped lists not yet in the database; code → version id."""
    have = _shipped_version_ids(s)
    for c in shipped_checklists():
        if c.code in have:
            continue
        row = s.scalar(select(m.Checklist).where(m.Checklist.code == c.code))
        if row is None:
            row = m.Checklist(code=c.code, source=ChecklistSource.STANDARD.value)
            s.add(row)
            s.flush()
        have[c.code] = store_version(s, row, c).id
    return {c.code: have[c.code] for c in shipped_checklists()}


def ensure_shipped(db: Database) -> dict[str, int]:
    """The shipped lists' version ids, storing them first if this edition is new to the database.

    Reads only, once they are stored. Two programs storing the same new edition at once: one
    wins the unique (checklist, version), the other reads what it stored.
    """
    with db.reading() as s:
        have = _shipped_version_ids(s)
    if len(have) == len(shipped_checklists()):
        return have
    try:
        with db.transaction() as s:
            return store_shipped(s)
    except IntegrityError:
        with db.reading() as s:
            return _shipped_version_ids(s)
