"""Users: argon2id hashes, sign-in, and refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.data.tables import User
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.services import users
from desktop.services.common import SYSTEM, Actor


def test_add_and_sign_in(db):
    with UnitOfWork(db) as uow:
        users.add_user(uow, SYSTEM, "Zhang.Wei", "张伟", Role.DUTY, "correct horse")
    with UnitOfWork(db, write=False) as uow:
        stored = uow.session.scalar(select(User.password_hash).where(User.username == "zhang.wei"))
        actor = users.authenticate(uow, "ZHANG.WEI", "correct horse")
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert actor.role == Role.DUTY and actor.display_name == "张伟"


def test_wrong_password_and_unknown_user_get_the_same_answer(db):
    with UnitOfWork(db) as uow:
        users.add_user(uow, SYSTEM, "li", "李", Role.VIEWER, "password1")
    with UnitOfWork(db, write=False) as uow:
        with pytest.raises(PermissionDenied) as wrong:
            users.authenticate(uow, "li", "password2")
        with pytest.raises(PermissionDenied) as unknown:
            users.authenticate(uow, "nobody", "password1")
    assert wrong.value.message == unknown.value.message


@pytest.mark.parametrize(
    ("username", "role", "password", "field"),
    [("", "duty", "password1", "username"), ("a b", "duty", "password1", "username"),
     ("ok", "boss", "password1", "role"), ("ok", "duty", "short", "password")],
)
def test_bad_user_input_is_refused(sqlite_db, username, role, password, field):
    with UnitOfWork(sqlite_db) as uow, pytest.raises(ValidationError) as err:
        users.add_user(uow, SYSTEM, username, "x", role, password)
    assert err.value.field == field
    with UnitOfWork(sqlite_db, write=False) as uow:
        assert users.list_users(uow) == []


def test_duplicate_username_and_non_admin_are_refused(sqlite_db):
    with UnitOfWork(sqlite_db) as uow:
        users.add_user(uow, SYSTEM, "wang", "王", Role.ADMIN, "password1")
    with UnitOfWork(sqlite_db) as uow, pytest.raises(ValidationError):
        users.add_user(uow, SYSTEM, "WANG", "王", Role.ADMIN, "password1")
    with UnitOfWork(sqlite_db) as uow, pytest.raises(PermissionDenied):
        users.add_user(uow, Actor("d", "d", Role.DUTY), "zhao", "赵", Role.ADMIN, "password1")
