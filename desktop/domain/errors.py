"""Errors the services raise; each names what the user must fix."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal the user can act on. `message` is English; the GUI translates known fields."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input: `field` names the form field (or the row, for imports)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class NotFound(DomainError):
    def __init__(self, entity: str, key: object) -> None:
        super().__init__(f"{entity} {key!r} does not exist")
        self.entity = entity
        self.key = key


class PermissionDenied(DomainError):
    """The signed-in user's role may not do this (or the sign-in itself failed)."""


class ConflictError(DomainError):
    """Someone else changed the row since it was read: nothing was written."""

    def __init__(self, entity: str, key: object, detail: str = "") -> None:
        text = f"{entity} {key!r} was changed by someone else since you opened it"
        super().__init__(text + (f": {detail}" if detail else ""))
        self.entity = entity
        self.key = key
        self.detail = detail
