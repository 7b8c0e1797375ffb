"""Numbers that are never reused: 隐患编号 and 执法文书 numbers.

Each counter is one row per (name, year), advanced with a single UPDATE … RETURNING so two
inspectors on one team server (or two processes on one SQLite file) never draw the same value.
The caller's transaction holds the row until it commits; a rolled-back action gives its number back
only because nothing was issued with it.

Document numbers follow DOCUMENTS.md: a visit's documents share one serial, drawn from the
``chain`` counter of the visit's year when its first document is issued, and each kind puts in its
own word: （新北）应急检记〔2026〕12号, （新北）应急责改〔2026〕12号. A second document of one kind
in the same chain (the opinion of a later 复查, another 送达回执) takes a sub-number: 〔2026〕12-2号.
"""

from __future__ import annotations

import re

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.core.enums import DocumentKind
from inspector.core.office import OfficeSettings
from inspector.db.models import Document, Inspection, Sequence

HAZARD_SEQUENCE = "hazard"
CHAIN_SEQUENCE = "chain"


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


HAZARD_NUMBER_PATTERN = re.compile(r"YH\d{4}-\d{6}", re.IGNORECASE)  # a whole 隐患编号


def hazard_number_prefix(year: int) -> str:
    """What every 隐患编号 of ``year`` starts with (YH2026-)."""
    return f"YH{year}-"


def hazard_number(year: int, serial: int) -> str:
    """隐患编号 like YH2026-000123: year + sequence, readable over the phone. The one spelling."""
    return f"{hazard_number_prefix(year)}{serial:06d}"


def next_hazard_number(session: Session, year: int) -> str:
    """The next 隐患编号 of ``year``, drawn from its sequence."""
    return hazard_number(year, next_value(session, HAZARD_SEQUENCE, year))


def format_document_number(prefix: str, word: str, year: int, serial: int, sub: int = 1) -> str:
    """（新北）应急责改〔2026〕12号, or 〔2026〕12-2号 for the second of a kind in one chain."""
    tail = f"{serial}" if sub <= 1 else f"{serial}-{sub}"
    return f"（{prefix}）{word}〔{year}〕{tail}号"


def chain_serial(session: Session, inspection: Inspection) -> tuple[int, int]:
    """(year, serial) shared by the visit's documents; drawn once, with the visit's year."""
    if inspection.doc_serial is None or inspection.doc_year is None:
        year = inspection.inspected_on.year
        inspection.doc_year = year
        inspection.doc_serial = next_value(session, CHAIN_SEQUENCE, year)
        session.flush()
    return inspection.doc_year, inspection.doc_serial


def next_document_number(
    session: Session, office: OfficeSettings, kind: DocumentKind, year: int, serial: int
) -> tuple[int, int, str]:
    """(seq, sub, number) for a new document of ``kind`` in the chain (``year``, ``serial``).

    ``seq`` counts the kind's documents in the year; ``sub`` is 1 for the first of its kind in the
    chain. A number already printed (an older office prefix, numbers from before chains) is skipped.
    """
    seq = next_value(session, f"doc:{kind.value}", year)
    sub = 1 + int(
        session.scalar(
            select(func.coalesce(func.max(Document.sub), 0)).where(
                Document.kind == kind.value, Document.year == year, Document.serial == serial
            )
        )
        or 0
    )
    while True:
        number = format_document_number(office.prefix, office.word(kind), year, serial, sub)
        if session.scalar(select(Document.id).where(Document.number == number)) is None:
            return seq, sub, number
        sub += 1
