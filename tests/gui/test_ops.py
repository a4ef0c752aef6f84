"""Ops: work runs on a worker thread; results, errors and Changes come back on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from sqlalchemy import func, select

from desktop.data.engine import Database, DatabaseError, open_database
from desktop.data.feed import Changes
from desktop.data.tables import Department
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError, NotFound, ValidationError
from desktop.domain.progress import Cancelled, Progress
from desktop.ops import Ops

pytestmark = pytest.mark.gui


@pytest.fixture
def ops(qapp, db: Database) -> Iterator[Ops]:
    ops = Ops(db, lambda: "alice")
    yield ops
    assert ops.wait_idle(10_000)


def _add_department(uow: UnitOfWork, code: str) -> int:
    dept = Department(code=code, name=f"Dept {code}")
    uow.session.add(dept)
    uow.flush()
    uow.record("alice", "department", dept.id, "created", f"added {code}")
    uow.commit()
    return dept.id


def _count_departments(uow: UnitOfWork) -> int:
    return uow.session.execute(select(func.count()).select_from(Department)).scalar_one()


def test_run_delivers_the_result_on_the_gui_thread(qtbot, ops: Ops) -> None:
    gui = QCoreApplication.instance().thread()
    ran_on: list[object] = []
    delivered: list[tuple[object, object]] = []

    def work(uow: UnitOfWork) -> int:
        ran_on.append(QThread.currentThread())
        return _count_departments(uow)

    with qtbot.waitCallback() as done:
        ops.run(lambda uow: work(uow), lambda r: (delivered.append((r, QThread.currentThread())), done(r)),
                write=False)
    assert done.args == [0]
    assert ran_on[0] is not gui
    assert delivered[0][1] is gui


def test_a_write_emits_committed_with_its_changes_before_on_done(qtbot, ops: Ops) -> None:
    order: list[str] = []
    ops.committed.connect(lambda ch: order.append("committed"))
    with qtbot.waitSignal(ops.committed) as sig, qtbot.waitCallback() as done:
        ops.run(lambda uow: _add_department(uow, "AJ"), lambda r: (order.append("done"), done(r)))
    changes = sig.args[0]
    assert isinstance(changes, Changes)
    assert [(c.entity, c.entity_id, c.action) for c in changes.items] == [
        ("department", str(done.args[0]), "created")
    ]
    assert changes.last_seq > 0
    assert order == ["committed", "done"]
    assert ops.call(_count_departments, write=False) == 1


def test_a_read_emits_no_committed(qtbot, ops: Ops) -> None:
    with qtbot.assertNotEmitted(ops.committed), qtbot.waitCallback() as done:
        ops.run(_count_departments, done, write=False)
    assert done.args == [0]


def test_a_domain_error_goes_to_on_error_and_rolls_back(qtbot, ops: Ops) -> None:
    def refuse(uow: UnitOfWork) -> None:
        uow.session.add(Department(code="AJ", name="应急管理局"))
        uow.flush()
        raise ValidationError("code", "already taken")

    gui = QCoreApplication.instance().thread()
    on_error_thread: list[object] = []
    with qtbot.assertNotEmitted(ops.failed), qtbot.waitCallback() as got:
        ops.run(refuse, lambda r: pytest.fail("on_done called"),
                lambda e: (on_error_thread.append(QThread.currentThread()), got(e)))
    assert isinstance(got.args[0], ValidationError)
    assert got.args[0].field == "code"
    assert on_error_thread == [gui]
    assert ops.call(_count_departments, write=False) == 0


def test_a_domain_error_without_on_error_is_shown_through_failed(qtbot, ops: Ops) -> None:
    def missing(uow: UnitOfWork) -> None:
        raise NotFound("grid", 42)

    with qtbot.waitSignal(ops.failed) as sig:
        ops.run(missing)
    assert sig.args == ["grid 42 does not exist"]


def test_an_unexpected_error_is_logged_and_reported_not_raised(qtbot, ops: Ops, caplog) -> None:
    def broken(uow: UnitOfWork) -> None:
        raise ZeroDivisionError("division by zero")

    errors: list[object] = []
    with caplog.at_level(logging.ERROR, logger="desktop.ops"), qtbot.waitSignal(ops.failed) as sig:
        ops.run(broken, on_error=errors.append)
    assert "ZeroDivisionError: division by zero" in sig.args[0]
    # The view hears that its job ended (to re-enable a form), with the same message.
    assert len(errors) == 1 and isinstance(errors[0], DomainError)
    assert errors[0].message == sig.args[0]
    assert "Traceback" in caplog.text and "broken" in caplog.text


def test_a_failing_callback_is_reported_not_raised(qtbot, ops: Ops) -> None:
    def bad_slot(_result: object) -> None:
        raise KeyError("oops")

    with qtbot.waitSignal(ops.failed) as sig:
        ops.run(_count_departments, bad_slot, write=False)
    assert "KeyError" in sig.args[0]


def test_changes_committed_before_an_error_are_still_announced(qtbot, ops: Ops) -> None:
    def commit_then_fail(uow: UnitOfWork) -> None:
        _add_department(uow, "AJ")
        raise ValidationError("name", "second step refused")

    with qtbot.waitSignal(ops.committed) as sig, qtbot.waitCallback() as got:
        ops.run(commit_then_fail, on_error=got)
    assert len(sig.args[0].items) == 1
    assert isinstance(got.args[0], ValidationError)


def test_progress_is_reported_and_cancel_stops_the_work(qtbot, ops: Ops) -> None:
    started = threading.Event()
    proceed = threading.Event()

    def long_work(uow: UnitOfWork, progress: Progress) -> int:
        progress.report(0, 3, "start")
        started.set()
        assert proceed.wait(10)
        for i in range(1, 4):
            progress.check()
            _add_department(uow, f"D{i}")
            progress.report(i, 3, f"step {i}")
        return 3

    reports: list[tuple[int, int, int, str]] = []
    ops.progress_changed.connect(lambda *a: reports.append(a))
    proceed.set()
    with qtbot.waitCallback() as done:
        job = ops.run(long_work, done, write=True, progress=True)
    assert done.args == [3]
    assert reports[0] == (job, 0, 3, "start")
    assert reports[-1] == (job, 3, 3, "step 3")

    started.clear()
    proceed.clear()
    with qtbot.assertNotEmitted(ops.failed), qtbot.waitCallback() as got:
        job = ops.run(long_work, on_error=got, progress=True)
        assert started.wait(10)
        assert ops.cancel(job)
        proceed.set()
    assert isinstance(got.args[0], Cancelled)
    assert ops.call(_count_departments, write=False) == 3  # the cancelled run left nothing


def test_busy_changed_and_wait_idle(qtbot, ops: Ops) -> None:
    states: list[bool] = []
    ops.busy_changed.connect(states.append)
    results: list[int] = []
    for i in range(5):
        ops.run(lambda uow, i=i: _add_department(uow, f"B{i}"), results.append)
    assert ops.busy
    assert ops.wait_idle(10_000)  # also delivers the results, without an event loop
    assert not ops.busy
    assert len(results) == 5
    assert states == [True, False]


def test_call_runs_in_the_calling_thread_and_raises(qtbot, ops: Ops) -> None:
    with qtbot.waitSignal(ops.committed):
        dept_id = ops.call(lambda uow: _add_department(uow, "AJ"))
    assert dept_id > 0
    with pytest.raises(NotFound):
        ops.call(lambda uow: (_ for _ in ()).throw(NotFound("grid", 1)))
    assert ops.actor == "alice"


def test_an_unreachable_database_is_a_refusal_with_a_clear_message(qtbot, qapp, tmp_path) -> None:
    missing = open_database(f"sqlite:///{tmp_path / 'nowhere' / 'x.db'}")
    (tmp_path / "nowhere").rmdir()  # the file cannot be created any more
    ops = Ops(missing, lambda: "alice")
    try:
        with qtbot.waitCallback() as got:
            ops.run(_count_departments, on_error=got, write=False)
        assert isinstance(got.args[0], DatabaseError)
        assert "unavailable" in got.args[0].message
    finally:
        ops.wait_idle()
        missing.dispose()
