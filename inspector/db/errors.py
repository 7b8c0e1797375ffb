"""Failures of the storage layer that a user can act on; the core re-raises them as DomainErrors.

Their messages are said in the user's language like the core's (``inspector.i18n.say``).
"""

from __future__ import annotations


class DatabaseProblem(Exception):
    """``str(e)`` / ``.message`` is the Chinese text to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UpgradeFailed(DatabaseProblem):
    """The schema upgrade failed and was rolled back; the database is as it was."""


class UnreadableDatabase(DatabaseProblem):
    """The file is not a database this program can open (damaged, or not SQLite)."""


def is_unavailable(exc: BaseException) -> bool:
    """The database could not be reached or used right now (connection lost, server down, file
    locked too long): not a defect, the operation can be tried again."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError)
