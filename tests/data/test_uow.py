"""Unit of work: audit and feed rows commit with the data, or not at all; stale edits conflict."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from desktop.data.engine import Database
from desktop.data.feed import head
from desktop.data.tables import AuditEntry, ChangeFeedEntry, Department
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import ConflictError


def _add_department(db: Database, code: str = "AJ") -> int:
    with UnitOfWork(db) as uow:
        dept = Department(code=code, name=f"Dept {code}", name_en=f"Dept {code}")
        uow.session.add(dept)
        uow.flush()
        uow.record("alice", "department", dept.id, "created", f"added {code}")
        uow.commit()
        return dept.id


def _count(db: Database, model) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_commit_writes_audit_and_feed_rows(db: Database) -> None:
    with UnitOfWork(db) as uow:
        dept = Department(code="AJ", name="应急管理局", name_en="Emergency Management")
        uow.session.add(dept)
        uow.flush()
        uow.record("alice", "department", dept.id, "created", "added AJ")
        uow.record("alice", "department", dept.id, "updated", "renamed AJ")
        changes = uow.commit()

    assert [(c.entity, c.entity_id, c.action, c.actor) for c in changes.items] == [
        ("department", str(dept.id), "created", "alice"),
        ("department", str(dept.id), "updated", "alice"),
    ]
    seqs = [c.seq for c in changes.items]
    assert seqs[0] > 0 and seqs[1] == seqs[0] + 1
    assert changes.last_seq == seqs[1]
    with db.engine.connect() as conn:
        audit = conn.execute(select(AuditEntry.actor, AuditEntry.action, AuditEntry.summary)).all()
        feed = conn.execute(select(ChangeFeedEntry.seq, ChangeFeedEntry.entity_id)).all()
        assert head(conn) == seqs[1]
    assert sorted(audit) == [("alice", "created", "added AJ"), ("alice", "updated", "renamed AJ")]
    assert feed == [(seqs[0], str(dept.id)), (seqs[1], str(dept.id))]


def test_commit_without_record_writes_no_feed_row(db: Database) -> None:
    with UnitOfWork(db) as uow:
        uow.session.add(Department(code="ZJ", name="住建局"))
        changes = uow.commit()
    assert not changes
    assert _count(db, Department) == 1
    assert _count(db, ChangeFeedEntry) == 0


def test_leaving_without_commit_rolls_everything_back(db: Database) -> None:
    with UnitOfWork(db) as uow:
        dept = Department(code="AJ", name="应急管理局")
        uow.session.add(dept)
        uow.flush()
        uow.record("alice", "department", dept.id, "created", "added AJ")
    assert _count(db, Department) == 0
    assert _count(db, AuditEntry) == 0
    assert _count(db, ChangeFeedEntry) == 0


def test_an_exception_rolls_back(db: Database) -> None:
    with pytest.raises(RuntimeError), UnitOfWork(db) as uow:
        uow.session.add(Department(code="AJ", name="应急管理局"))
        uow.flush()
        uow.record("alice", "department", 1, "created", "added AJ")
        raise RuntimeError("boom")
    assert _count(db, Department) == 0
    assert _count(db, ChangeFeedEntry) == 0


def test_a_stale_edit_raises_conflict_and_writes_nothing(db: Database, reopen) -> None:
    """A dialog read the row earlier; meanwhile another workstation saved it."""
    dept_id = _add_department(db)
    with UnitOfWork(db, write=False) as uow:
        stale = uow.session.get(Department, dept_id)
        uow.session.expunge(stale)  # keep it as read (leaving the uow expires what it holds)
    assert stale is not None and stale.version == 1

    other = reopen(db)
    with UnitOfWork(other) as uow:
        uow.session.get(Department, dept_id).name = "Renamed elsewhere"
        uow.record("bob", "department", dept_id, "updated", "renamed")
        uow.commit()

    before = _count(db, ChangeFeedEntry)
    with UnitOfWork(db) as uow:
        uow.session.add(stale)  # re-attached as read: the UPDATE will say "version = 1"
        stale.name = "Renamed here"
        uow.record("alice", "department", dept_id, "updated", "renamed")
        with pytest.raises(ConflictError):
            uow.commit()

    with db.engine.connect() as conn:
        name, version = conn.execute(
            select(Department.name, Department.version).where(Department.id == dept_id)
        ).one()
    assert (name, version) == ("Renamed elsewhere", 2)
    assert _count(db, ChangeFeedEntry) == before


@pytest.mark.pg
def test_two_open_sessions_editing_one_row_conflict_on_postgres(pg_db: Database, reopen) -> None:
    """On PostgreSQL two write sessions may overlap; the second to save loses."""
    dept_id = _add_department(pg_db)
    other = reopen(pg_db)
    with UnitOfWork(pg_db) as first, UnitOfWork(other) as second:
        mine = first.session.get(Department, dept_id)
        theirs = second.session.get(Department, dept_id)
        theirs.name = "Theirs"
        second.record("bob", "department", dept_id, "updated", "renamed")
        second.commit()

        mine.name = "Mine"
        first.record("alice", "department", dept_id, "updated", "renamed")
        with pytest.raises(ConflictError):
            first.commit()
    with pg_db.engine.connect() as conn:
        assert conn.execute(select(Department.name).where(Department.id == dept_id)).scalar() == "Theirs"


@pytest.mark.pg
def test_pg_fixture_gives_each_test_its_own_schema(pg_db: Database, pg_url: str) -> None:
    schema = make_url(pg_url).query["options"].split("search_path=")[1]
    assert schema.startswith("sg_")
    with pg_db.engine.connect() as conn:
        assert conn.execute(text("SELECT current_schema()")).scalar() == schema
        tables = set(
            conn.execute(
                text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s"),
                {"s": schema},
            ).scalars()
        )
    assert {"alembic_version", "change_feed", "audit_log", "departments"} <= tables
