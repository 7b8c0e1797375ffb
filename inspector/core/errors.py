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
    """One refused field. Forms map it to their widget by ``field`` (and ``item``), never by the
    label, so a reworded message cannot lose its place on the form."""

    field: str  # the attribute of the input dataclass, e.g. "credit_code", "deadline"
    message: str  # full Chinese sentence naming the field as the user sees it
    item: int | None = None  # 1-based number of the hazard inside a visit; None otherwise

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors))

    def for_field(self, field: str, item: int | None = None) -> str | None:
        """The message of the first error on ``field`` (of hazard ``item`` in a visit), if any."""
        for e in self.errors:
            if e.field == field and e.item == item:
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
