"""The change feed: read by sequence number, and sequence numbers commit in order."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event, text

from desktop.data.engine import Database
from desktop.data.feed import head, read_since
from desktop.data.uow import UnitOfWork


def _commit(db: Database, entity_id: object, actor: str = "alice") -> list[int]:
    with UnitOfWork(db) as uow:
        uow.record(actor, "grid", entity_id, "updated", f"touched {entity_id}")
        return [c.seq for c in uow.commit().items]


def test_read_since_returns_later_rows_in_order(db: Database) -> None:
    seqs = [s for i in range(5) for s in _commit(db, i)]
    with db.engine.connect() as conn:
        assert head(conn) == seqs[-1]
        everything = read_since(conn, 0)
        assert [c.seq for c in everything] == seqs
        assert [c.entity_id for c in everything] == ["0", "1", "2", "3", "4"]
        assert [c.seq for c in read_since(conn, seqs[1])] == seqs[2:]
        assert [c.seq for c in read_since(conn, seqs[1], limit=2)] == seqs[2:4]
        assert read_since(conn, seqs[-1]) == []


def test_head_of_an_empty_feed_is_zero(db: Database) -> None:
    with db.engine.connect() as conn:
        assert head(conn) == 0
        assert read_since(conn, 0) == []


def _follow(db: Database, stop: threading.Event, seen: list[int]) -> None:
    """A workstation following the feed as fast as it can, by cursor."""
    cursor = 0
    while True:
        last_round = stop.is_set()
        with db.engine.connect() as conn:
            for change in read_since(conn, cursor):
                seen.append(change.seq)
                cursor = change.seq
        if last_round:
            return


def test_concurrent_writers_never_let_a_follower_skip_a_row(db: Database, reopen) -> None:
    engines = [db, reopen(db), reopen(db)]
    stop = threading.Event()
    seen: list[int] = []
    follower = threading.Thread(target=_follow, args=(reopen(db), stop, seen))
    follower.start()
    committed: list[int] = []
    lock = threading.Lock()

    def write(target: Database, n: int) -> None:
        for i in range(15):
            seqs = _commit(target, f"{n}-{i}")
            with lock:
                committed.extend(seqs)

    writers = [threading.Thread(target=write, args=(e, n)) for n, e in enumerate(engines)]
    for w in writers:
        w.start()
    for w in writers:
        w.join(30)
    stop.set()
    follower.join(30)
    assert not follower.is_alive()
    assert seen == sorted(committed)  # every row, once, in order: no row skipped


@pytest.mark.pg
def test_a_later_seq_waits_for_an_earlier_uncommitted_one(pg_db: Database, reopen) -> None:
    """Transaction A has taken seq n and not committed; B must not commit n+1 before it,
    or a follower reading "seq > cursor" would move past n and lose it for ever."""
    a_holding = threading.Event()
    a_release = threading.Event()
    results: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def run_a() -> None:
        try:
            with UnitOfWork(pg_db) as uow:
                uow.record("alice", "grid", "A", "updated", "A")

                @event.listens_for(uow.session, "before_commit")
                def _hold(_session) -> None:  # feed row flushed, seq taken, lock held
                    a_holding.set()
                    assert a_release.wait(20)

                results["a"] = [c.seq for c in uow.commit().items]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            a_holding.set()

    def run_b() -> None:
        try:
            results["b"] = _commit(reopen_b, "B", actor="bob")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    reopen_b = reopen(pg_db)
    thread_a = threading.Thread(target=run_a)
    thread_a.start()
    assert a_holding.wait(20)
    thread_b = threading.Thread(target=run_b)
    thread_b.start()

    follower = reopen(pg_db)
    with follower.engine.connect() as conn:
        # B is queued on the feed lock, not committed (checked on the server, not by timing).
        deadline = time.monotonic() + 20
        waiting_on_lock = text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = :app "
            "AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
        )
        app = pg_db.url.query["application_name"]  # the fixture tags this test's connections
        while not conn.execute(waiting_on_lock, {"app": app}).scalar():
            # pg_stat_activity is a snapshot per transaction: end it to see B's progress.
            conn.commit()
            if time.monotonic() >= deadline:
                pytest.fail("B never queued on the feed lock")
            time.sleep(0.01)
        conn.commit()
        assert read_since(conn, 0) == []  # neither is visible yet
        conn.commit()

    a_release.set()
    thread_a.join(20)
    thread_b.join(20)
    assert not errors, errors
    assert results["b"][0] == results["a"][0] + 1
    with follower.engine.connect() as conn:
        assert [c.entity_id for c in read_since(conn, 0)] == ["A", "B"]
