"""Keyword matching in SQL, written once: the LIKE pattern and each back-end's rule for case."""

from __future__ import annotations

from sqlalchemy import ColumnElement, SQLColumnExpression


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards taken literally (``100%`` finds 100%, not 100 and more)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def has_case(text: str) -> bool:
    """Whether ``text`` holds letters with an upper and a lower case (Latin, not Chinese)."""
    return text.lower() != text.upper()


def contains(col: SQLColumnExpression[str], keyword: str, *, sqlite: bool) -> ColumnElement[bool]:
    """``col`` contains ``keyword``, whatever the case of its Latin letters.

    SQLite's LIKE already ignores ASCII case. PostgreSQL's needs ILIKE, which is about five times
    slower on Chinese text (粉尘 over 100,000 hazards: 182 ms against 34 ms), and a keyword without
    letters that have case matches the same either way; so ILIKE only where it can matter.
    """
    pattern = f"%{escape_like(keyword)}%"
    if sqlite or not has_case(keyword):
        return col.like(pattern, escape="\\")
    return col.ilike(pattern, escape="\\")


__all__ = ["contains", "escape_like", "has_case"]
