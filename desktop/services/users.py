"""Users, roles and sign-in (argon2id password hashes)."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from desktop.data.tables import Department, User
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.services.common import Actor, Permission, clean_name, require

MIN_PASSWORD = 8


def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher().hash(password)


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool


def add_user(uow: UnitOfWork, actor: Actor, username: str, display_name: str, role: Role | str,
             password: str, department_id: int | None = None) -> int:
    require(actor, Permission.MANAGE_USERS)
    s = uow.session
    username = clean_name("username", username, 64).lower()
    if not all(ch.isalnum() or ch in "._-" for ch in username):
        raise ValidationError("username", "use letters, digits, '.', '_' or '-' only")
    if s.scalar(select(User.id).where(func.lower(User.username) == username)) is not None:
        raise ValidationError("username", f"{username!r} already exists")
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError("role", f"unknown role {role!r}; one of {', '.join(Role)}") from None
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError("password", f"must be at least {MIN_PASSWORD} characters")
    if department_id is not None and s.get(Department, department_id) is None:
        raise ValidationError("department", f"unknown department {department_id!r}")
    user = User(username=username, display_name=clean_name("display_name", display_name or username, 80),
                role=role, password_hash=hash_password(password), department_id=department_id,
                active=True)
    s.add(user)
    s.flush()
    uow.record(actor.username, "user", user.id, "created", f"user {username} ({role})")
    uow.commit()
    return user.id


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The signed-in Actor, or PermissionDenied with one message for every failure."""
    s = uow.session
    user = s.scalar(select(User).where(func.lower(User.username) == (username or "").strip().lower()))
    denied = PermissionDenied("wrong username or password")
    if user is None or not user.active:
        _hasher().hash("timing-equaliser")  # no user-enumeration by response time
        raise denied
    try:
        _hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise denied from None
    return Actor(user.username, user.display_name, Role(user.role), user.id, user.department_id)


def actor_for(uow: UnitOfWork, username: str) -> Actor:
    """The Actor of an active user without a password check: only for the demo district,
    which signs in by itself (see desktop.app)."""
    user = uow.session.scalar(select(User).where(func.lower(User.username) == username.lower()))
    if user is None or not user.active:
        raise PermissionDenied(f"no active user {username!r}")
    return Actor(user.username, user.display_name, Role(user.role), user.id, user.department_id)


def list_users(uow: UnitOfWork) -> list[UserRow]:
    return [UserRow(u.id, u.username, u.display_name, Role(u.role), u.active)
            for u in uow.session.scalars(select(User).order_by(User.username))]
