"""Run service calls off the GUI thread; hand DTOs and Changes back on it.

A view builds an operation and never waits for it:

    ops.run(lambda uow: hazards.assign(uow, ops.actor, hazard_id, dept_id), on_done=...)

The function runs on a worker thread inside one unit of work and commits itself (services
do); its result, and the `Changes` it committed, come back on the GUI thread through a queued
signal. Widgets are never touched from a worker.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, Signal, Slot
from sqlalchemy.exc import OperationalError

from desktop.data.engine import Database, DatabaseError
from desktop.data.feed import Changes
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError
from desktop.domain.progress import Cancelled, Progress

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress updates a second reach the GUI


class _TrackedUnitOfWork(UnitOfWork):
    """Keeps every commit's Changes, should a function commit more than once."""

    def __init__(self, db: Database, *, write: bool = True) -> None:
        super().__init__(db, write=write)
        self.committed: list[Changes] = []

    def __enter__(self) -> _TrackedUnitOfWork:
        super().__enter__()
        return self

    def commit(self) -> Changes:
        changes = super().commit()
        self.committed.append(changes)
        return changes

    def all_changes(self) -> Changes:
        return Changes(tuple(c for changes in self.committed for c in changes.items))


@dataclass
class _Work:
    """What the worker gets: never the callbacks, which may belong to widgets."""

    id: int
    fn: Callable[..., Any] | None
    write: bool
    progress: Progress | None


@dataclass
class _Job:
    """The GUI side's record of a job in flight; dropped on the GUI thread at delivery, so the
    last reference to whatever `fn` and the callbacks hold goes away there, not on a worker."""

    work: _Work
    fn: Callable[..., Any]
    on_done: Callback | None
    on_error: Callback | None

    @property
    def progress(self) -> Progress | None:
        return self.work.progress


@dataclass(frozen=True)
class _Outcome:
    job_id: int
    result: Any = None
    changes: Changes = field(default_factory=Changes)
    error: BaseException | None = None
    unexpected: bool = False


class _Relay(QObject):
    """Workers emit these; the queued connection carries the call over to the GUI thread."""

    finished = Signal(object)    # _Outcome
    progressed = Signal(object)  # (job_id, done, total, text)


class _Runner:
    """The worker side. Holds no reference to Ops, so the last reference to the QObject (and
    its thread pool) is never dropped on a pool thread."""

    def __init__(self, db: Database, relay: _Relay) -> None:
        self.db = db
        self.relay = relay
        # SQLite has one writer at a time anyway; queueing here beats spinning on busy_timeout.
        self.write_lock = threading.Lock() if db.is_sqlite else None

    def writer(self, write: bool) -> AbstractContextManager[object]:
        return self.write_lock if (write and self.write_lock is not None) else nullcontext()

    def unavailable(self, exc: OperationalError) -> DatabaseError:
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc).__name__
        return DatabaseError(f"the database {self.db.describe()} is unavailable: {reason}")

    def execute(self, work: _Work) -> None:
        outcome = self.perform(work)
        try:
            self.relay.finished.emit(outcome)
        except RuntimeError:  # Ops was destroyed with work in flight (shutdown without wait_idle)
            log.warning("operation %d finished after its Ops was destroyed", work.id)

    def perform(self, work: _Work) -> _Outcome:
        fn, work.fn = work.fn, None
        assert fn is not None, "a job runs once"
        uow = _TrackedUnitOfWork(self.db, write=work.write)
        try:
            with self.writer(work.write), uow:
                result = fn(uow) if work.progress is None else fn(uow, work.progress)
            return _Outcome(work.id, result, uow.all_changes())
        except DomainError as exc:
            return _Outcome(work.id, changes=uow.all_changes(), error=exc)
        except OperationalError as exc:  # the server went away, the file is locked...
            log.warning("operation %d: database unavailable: %s", work.id, exc)
            return _Outcome(work.id, changes=uow.all_changes(), error=self.unavailable(exc))
        except BaseException as exc:  # never let a worker die silently: report it
            log.exception("operation %d failed unexpectedly", work.id)
            return _Outcome(work.id, changes=uow.all_changes(), error=exc, unexpected=True)

    def progress_listener(self, job_id: int) -> Callable[[int, int, str], None]:
        last = 0.0

        def listener(done: int, total: int, text: str) -> None:
            nonlocal last
            now = time.monotonic()
            # Throttle so a million-row import does not flood the event loop; always
            # pass the first and the last step.
            if 0 < done < total and now - last < PROGRESS_INTERVAL_S:
                return
            last = now
            self.relay.progressed.emit((job_id, done, total, text))

        return listener


class Ops(QObject):
    """Runs `fn(uow)` (or `fn(uow, progress)`) on its own thread pool, one unit of work each."""

    committed = Signal(object)                     # Changes of every successful write
    failed = Signal(str)                           # a message for the status bar / a dialog
    progress_changed = Signal(int, int, int, str)  # job_id, done, total, text
    busy_changed = Signal(bool)                    # jobs in flight: none -> some, some -> none

    def __init__(
        self,
        db: Database,
        actor: Callable[[], str],
        *,
        max_threads: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        # Owned by the application, not by this object: were Python's garbage collector to
        # destroy the pool (holding the GIL) while a worker still needs the GIL to drop its
        # runnable, the two would wait for each other for ever.
        self._pool = QThreadPool(QCoreApplication.instance() or self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        relay = _Relay(self)
        relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._runner = _Runner(db, relay)

    @property
    def db(self) -> Database:
        return self._db

    @property
    def actor(self) -> str:
        """The signed-in user's name, for services' `actor` argument."""
        return self._actor()
    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        *,
        write: bool = True,
        progress: bool = False,
    ) -> int:
        """Start `fn(uow)` on a worker; returns the job id (for `cancel` and progress_changed).

        With `progress=True` the function is called as `fn(uow, progress)` with a `Progress`.
        `on_done(result)` / `on_error(DomainError)` are called on the GUI thread. Without
        `on_error`, a refusal is shown through `failed`; unexpected errors always go there, and
        also to `on_error` (as a DomainError) so the view knows the job ended.
        """
        job_id = next(self._ids)
        runner = self._runner
        prog = Progress(runner.progress_listener(job_id)) if progress else None
        work = _Work(job_id, fn, write, prog)
        was_idle = not self._jobs
        self._jobs[job_id] = _Job(work, fn, on_done, on_error)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(lambda: runner.execute(work))
        return job_id

    def call(self, fn: Callable[..., Any], *, write: bool = True, progress: Progress | None = None) -> Any:
        """Run `fn(uow)` in the calling thread (headless code, tests); errors propagate."""
        uow = _TrackedUnitOfWork(self._db, write=write)
        try:
            with self._runner.writer(write), uow:
                result = fn(uow) if progress is None else fn(uow, progress)
        except OperationalError as exc:
            raise self._runner.unavailable(exc) from exc
        finally:
            changes = uow.all_changes()
            if changes:
                self.committed.emit(changes)
        return result

    def cancel(self, job_id: int) -> bool:
        """Ask a job started with `progress=True` to stop; it ends with `Cancelled`."""
        job = self._jobs.get(job_id)
        if job is None or job.progress is None:
            return False
        job.progress.cancel()
        return True

    def cancel_all(self) -> None:
        for job_id in list(self._jobs):
            self.cancel(job_id)

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Block until every job has finished and been delivered (shutdown, tests)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._jobs:
            remaining_ms = int((deadline - time.monotonic()) * 1000)
            if remaining_ms <= 0:
                return False
            self._pool.waitForDone(min(remaining_ms, 50))
            # Results wait as posted calls on this object: deliver them without a full event loop.
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        # Let the pool threads finish dropping their runnables (and what those reference).
        return self._pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000)))

    # -- GUI side ------------------------------------------------------------------------

    @Slot(object)
    def _on_progress(self, args: tuple[int, int, int, str]) -> None:
        if args[0] in self._jobs:
            self.progress_changed.emit(*args)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        job = self._jobs.pop(outcome.job_id, None)
        try:
            if outcome.changes:
                self.committed.emit(outcome.changes)
            if job is None:
                return
            error = outcome.error
            if error is None:
                self._callback(job.on_done, outcome.result)
            elif isinstance(error, DomainError) and not outcome.unexpected:
                if job.on_error is not None:
                    self._callback(job.on_error, error)
                elif not isinstance(error, Cancelled):  # the user asked for it: no message
                    self.failed.emit(error.message)
            else:
                message = self.tr("Unexpected error: {0}").format(_describe(error))
                self.failed.emit(message)
                # The view still learns its job ended (a form re-enables, "loading…" clears).
                self._callback(job.on_error, DomainError(message))
        finally:
            if not self._jobs and job is not None:
                self.busy_changed.emit(False)

    def _callback(self, fn: Callback | None, value: Any) -> None:
        if fn is None:
            return
        try:
            fn(value)
        except Exception as exc:  # a broken slot must not take the app down
            log.exception("callback %r failed", fn)
            self.failed.emit(self.tr("Unexpected error: {0}").format(_describe(exc)))


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
