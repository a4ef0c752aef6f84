"""ChangeSync: every feed row is emitted once, in order, whether this or another workstation
wrote it; on PostgreSQL through NOTIFY, and after a lost connection by catching up."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from desktop.data.engine import Database
from desktop.data.feed import Changes
from desktop.data.uow import UnitOfWork
from desktop.ops import Ops
from desktop.sync import ChangeSync, listener_params

pytestmark = pytest.mark.gui

SyncFactory = Callable[..., ChangeSync]


@pytest.fixture
def make_sync(qapp) -> Iterator[SyncFactory]:
    """Builds started ChangeSyncs (with an Ops each) and stops them cleanly afterwards."""
    made: list[tuple[ChangeSync, Ops]] = []

    def _make(db: Database, ops: Ops | None = None, **kw) -> ChangeSync:
        ops = ops or Ops(db, lambda: "alice")
        sync = ChangeSync(db, ops, **kw)
        made.append((sync, ops))
        return sync

    yield _make
    for sync, ops in made:
        sync.stop()
        assert ops.wait_idle(10_000)
        assert sync.listener_pid is None


class Recorder:
    """Collects every emitted seq, to check "once each, in order"."""

    def __init__(self, sync: ChangeSync) -> None:
        self.batches: list[Changes] = []
        sync.changes_committed.connect(self.batches.append)

    @property
    def seqs(self) -> list[int]:
        return [c.seq for b in self.batches for c in b.items]

    def has(self, *entity_ids: str) -> bool:
        got = {c.entity_id for b in self.batches for c in b.items}
        return set(entity_ids) <= got


def _commit(db: Database, entity_id: str, actor: str = "bob") -> int:
    with UnitOfWork(db) as uow:
        uow.record(actor, "grid", entity_id, "updated", f"touched {entity_id}")
        return uow.commit().last_seq


def _started(qtbot, sync: ChangeSync) -> ChangeSync:
    with qtbot.waitSignal(sync.connection_state_changed, timeout=10_000) as sig:
        sync.start()
    assert sig.args == [True] and sync.connected
    return sync


def test_history_before_start_is_not_replayed(qtbot, db: Database, make_sync) -> None:
    old = _commit(db, "old")
    sync = _started(qtbot, make_sync(db, poll_ms=20))
    assert sync.cursor == old
    rec = Recorder(sync)
    new = _commit(db, "new")
    qtbot.waitUntil(lambda: rec.has("new"), timeout=5_000)
    assert rec.seqs == [new]


def test_a_commit_through_another_engine_is_seen(qtbot, db: Database, reopen, make_sync) -> None:
    sync = _started(qtbot, make_sync(db, poll_ms=20))
    rec = Recorder(sync)
    other = reopen(db)
    with qtbot.waitSignal(sync.changes_committed, timeout=5_000) as sig:
        seq = _commit(other, "remote-1")
    assert [(c.seq, c.entity_id, c.actor) for c in sig.args[0].items] == [(seq, "remote-1", "bob")]
    seqs = [_commit(other, f"remote-{i}") for i in range(2, 6)]
    qtbot.waitUntil(lambda: rec.has("remote-5"), timeout=5_000)
    assert rec.seqs == [seq, *seqs]


def test_a_local_commit_is_emitted_once(qtbot, db: Database, make_sync) -> None:
    ops = Ops(db, lambda: "alice")
    sync = _started(qtbot, make_sync(db, ops, poll_ms=60_000, safety_poll_ms=60_000))
    rec = Recorder(sync)
    with qtbot.waitCallback() as done:
        ops.run(lambda uow: _commit_in(uow, "local"), done)
    assert rec.seqs == [done.args[0]]  # emitted with the commit, before on_done, no poll needed
    sync.refresh()  # the follower reads the same row from the table...
    assert sync.wait_idle(5_000)
    assert rec.seqs == [done.args[0]]  # ...and does not emit it again


def _commit_in(uow: UnitOfWork, entity_id: str) -> int:
    uow.record("alice", "grid", entity_id, "updated", "local")
    return uow.commit().last_seq


def test_local_and_remote_commits_interleave_in_seq_order(qtbot, db: Database, reopen,
                                                          make_sync) -> None:
    ops = Ops(db, lambda: "alice")
    sync = _started(qtbot, make_sync(db, ops, poll_ms=60_000, safety_poll_ms=60_000))
    rec = Recorder(sync)
    other = reopen(db)
    remote = _commit(other, "remote")  # not read yet (no poll soon; on PG a NOTIFY is coming)
    with qtbot.waitCallback() as done:
        ops.run(lambda uow: _commit_in(uow, "local"), done)
    # The local commit follows a row nobody has read: it waits for a catch-up, then both go.
    qtbot.waitUntil(lambda: rec.has("remote", "local"), timeout=5_000)
    assert rec.seqs == [remote, done.args[0]]


def test_many_writers_each_seq_once_in_order(qtbot, db: Database, reopen, make_sync) -> None:
    ops = Ops(db, lambda: "alice")
    sync = _started(qtbot, make_sync(db, ops, poll_ms=5))
    rec = Recorder(sync)
    other = reopen(db)
    expected: list[int] = []
    for i in range(10):
        expected.append(_commit(other, f"r{i}"))
        ops.run(lambda uow, i=i: _commit_in(uow, f"l{i}"), expected.append)
    assert ops.wait_idle(10_000)
    qtbot.waitUntil(lambda: len(rec.seqs) >= 20, timeout=5_000)
    qtbot.wait(50)
    assert rec.seqs == sorted(expected)


def test_a_backlog_is_read_in_batches(qtbot, db: Database, reopen, make_sync) -> None:
    sync = _started(qtbot, make_sync(db, poll_ms=60_000, safety_poll_ms=60_000, batch=2))
    rec = Recorder(sync)
    other = reopen(db)
    seqs = [_commit(other, f"r{i}") for i in range(5)]
    sync.refresh()
    qtbot.waitUntil(lambda: rec.has("r4"), timeout=5_000)
    assert rec.seqs == seqs
    assert [len(b.items) for b in rec.batches] == [2, 2, 1]


# -- PostgreSQL only ---------------------------------------------------------------------


@pytest.mark.pg
def test_listener_params_keep_the_schema_options(pg_db: Database) -> None:
    params = listener_params(pg_db.url)
    assert params["options"].endswith(f"search_path={pg_db.url.query['application_name']}")
    assert params["dbname"] == pg_db.url.database
    assert params["host"] == pg_db.url.host


@pytest.mark.pg
def test_notify_wakes_the_follower_without_polling(qtbot, pg_db: Database, reopen,
                                                   make_sync) -> None:
    sync = _started(qtbot, make_sync(pg_db, safety_poll_ms=60_000))
    with qtbot.waitSignal(sync.changes_committed, timeout=5_000) as sig:
        seq = _commit(reopen(pg_db), "remote")
    assert [c.seq for c in sig.args[0].items] == [seq]


@pytest.mark.pg
def test_a_commit_from_another_process_arrives_by_notify(qtbot, pg_db: Database, pg_url: str,
                                                         make_sync) -> None:
    sync = _started(qtbot, make_sync(pg_db, safety_poll_ms=60_000))
    rec = Recorder(sync)
    script = textwrap.dedent(
        """
        import sys
        from desktop.data.engine import open_database
        from desktop.data.uow import UnitOfWork
        db = open_database(sys.argv[1])
        with UnitOfWork(db) as uow:
            uow.record("carol", "hazard", 7, "created", "from another workstation")
            print(uow.commit().last_seq)
        db.dispose()
        """
    )
    with qtbot.waitSignal(sync.changes_committed, timeout=15_000) as sig:
        out = subprocess.run([sys.executable, "-c", script, pg_url], capture_output=True,
                             text=True, timeout=60, check=True)
    seq = int(out.stdout.strip())
    assert [(c.seq, c.entity, c.entity_id, c.actor) for c in sig.args[0].items] == [
        (seq, "hazard", "7", "carol")
    ]
    qtbot.wait(100)
    assert rec.seqs == [seq]


@pytest.mark.pg
def test_after_a_lost_connection_it_reconnects_and_catches_up(qtbot, pg_db: Database, reopen,
                                                              make_sync) -> None:
    sync = _started(qtbot, make_sync(pg_db, safety_poll_ms=60_000, retry_ms=300))
    rec = Recorder(sync)
    other = reopen(pg_db)
    before = _commit(other, "before")
    qtbot.waitUntil(lambda: rec.has("before"), timeout=5_000)

    pid = sync.listener_pid
    assert pid is not None
    with qtbot.waitSignal(sync.connection_state_changed, timeout=10_000) as down:
        with other.engine.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    assert down.args == [False] and not sync.connected

    # Committed while nobody listens: its NOTIFY is lost; only the catch-up can bring it.
    during = _commit(other, "during")
    with qtbot.waitSignal(sync.connection_state_changed, timeout=10_000) as up:
        pass
    assert up.args == [True] and sync.connected
    assert sync.listener_pid not in (None, pid)
    qtbot.waitUntil(lambda: rec.has("during"), timeout=5_000)

    after = _commit(other, "after")  # and NOTIFY works again on the new connection
    qtbot.waitUntil(lambda: rec.has("after"), timeout=5_000)
    qtbot.wait(100)
    assert rec.seqs == [before, during, after]


@pytest.mark.pg
def test_stop_closes_the_listen_connection(qtbot, pg_db: Database, reopen, make_sync) -> None:
    sync = _started(qtbot, make_sync(pg_db))
    pid = sync.listener_pid
    sync.stop()
    assert sync.listener_pid is None
    with reopen(pg_db).engine.connect() as conn:
        qtbot.waitUntil(
            lambda: not conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE pid = :p"), {"p": pid}
            ).scalar(),
            timeout=5_000,
        )
