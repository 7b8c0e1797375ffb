"""Numbers that are never reused: 隐患编号 and 执法文书 numbers.

Each counter is one row per (name, year), advanced with a single UPDATE … RETURNING so two
inspectors on one team server (or two processes on one SQLite file) never draw the same value.
The caller's transaction holds the row until it commits; a rolled-back action gives its number back
only because nothing was issued with it.
"""

from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.core.enums import DOCUMENT_NUMBER_CODES, DocumentKind
from inspector.db.models import Sequence, Setting

HAZARD_SEQUENCE = "hazard"
DOCUMENT_PREFIX_KEY = "document_prefix"
DEFAULT_DOCUMENT_PREFIX = "新北"


def next_value(session: Session, name: str, year: int) -> int:
    for _ in range(3):
        value = session.scalar(
            update(Sequence)
            .where(Sequence.name == name, Sequence.year == year)
            .values(value=Sequence.value + 1)
            .returning(Sequence.value)
        )
        if value is not None:
            return int(value)
        try:
            with session.begin_nested():
                session.execute(insert(Sequence).values(name=name, year=year, value=1))
            return 1
        except IntegrityError:  # another writer created the row first: take the UPDATE path
            continue
    raise RuntimeError(f"could not advance sequence {name}/{year}")


def next_hazard_number(session: Session, year: int) -> str:
    """隐患编号 like YH2026-000123: year + sequence, readable over the phone."""
    return f"YH{year}-{next_value(session, HAZARD_SEQUENCE, year):06d}"


def document_prefix(session: Session) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == DOCUMENT_PREFIX_KEY))
    return value or DEFAULT_DOCUMENT_PREFIX


def format_document_number(prefix: str, kind: DocumentKind, year: int, seq: int) -> str:
    """（新北）应急责改〔2026〕12号 — the style of 安全生产执法文书."""
    return f"（{prefix}）{DOCUMENT_NUMBER_CODES[kind]}〔{year}〕{seq}号"


def next_document_number(session: Session, kind: DocumentKind, year: int) -> tuple[int, str]:
    """(seq, number) for a new document of this kind and year."""
    seq = next_value(session, f"doc:{kind.value}", year)
    return seq, format_document_number(document_prefix(session), kind, year, seq)
