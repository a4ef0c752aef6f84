"""What every service shares: the acting user, permissions, and field checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError

MAX_NAME = 200


class Permission(Enum):
    READ = "read"
    EDIT_REFERENCE = "edit_reference"   # grids, officers, enterprises
    EDIT_RULES = "edit_rules"           # responsibility boundaries
    MANAGE_USERS = "manage_users"
    DISPATCH = "dispatch"               # incidents, dispatch, squad statuses
    MANAGE_SQUAD = "manage_squad"       # roster details, equipment, trackers, training
    CONFIGURE = "configure"             # dispatch and tracking settings


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.READ}),
    Role.DUTY: frozenset({Permission.READ, Permission.EDIT_REFERENCE, Permission.DISPATCH,
                          Permission.MANAGE_SQUAD}),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user (or `system` for headless commands)."""

    username: str
    display_name: str
    role: Role
    user_id: int | None = None
    department_id: int | None = None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


SYSTEM = Actor("system", "system", Role.ADMIN)


def require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise PermissionDenied(f"user {actor.username!r} ({actor.role}) may not {permission.value}")


def clean_name(field: str, value: str | None, max_len: int = MAX_NAME) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "must not be empty")
    if len(text) > max_len:
        raise ValidationError(field, f"is {len(text)} characters long; at most {max_len} allowed")
    if any(ord(ch) < 32 for ch in text):
        raise ValidationError(field, "must not contain control characters")
    return text


def clean_text(field: str, value: str | None, max_len: int) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise ValidationError(field, f"is {len(text)} characters long; at most {max_len} allowed")
    return text


def get_or_404(session, cls, key, entity: str):
    row = session.get(cls, key)
    if row is None:
        raise NotFound(entity, key)
    return row


def check_version(row, expected: int | None, entity: str, describe: str = "") -> None:
    """A stale form (opened before a colleague saved) must not overwrite their work."""
    if expected is not None and row.version != expected:
        raise ConflictError(entity, row.id, describe or f"now at version {row.version}")
