"""Domain errors: expected failures that carry text fit to show a user.

Anything that is not a DomainError is a bug and goes to the crash dialog / traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """A refusal the user can act on; ``str(e)`` is the Chinese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    field: str  # Chinese field label as the user sees it, e.g. "统一社会信用代码"
    message: str  # full sentence naming the field

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors))

    def for_field(self, field: str) -> str | None:
        for e in self.errors:
            if e.field == field:
                return e.message
        return None


class NotFoundError(DomainError):
    pass


class DuplicateError(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class ConcurrentEditError(DomainError):
    """Someone else saved the same record first (team server)."""


class Cancelled(DomainError):
    """The user pressed 取消 during long work; nothing was written."""


class DatabaseUnavailable(DomainError):
    """The database cannot be opened or upgraded (damaged file, failed upgrade, no server)."""
