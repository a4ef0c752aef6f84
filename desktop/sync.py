"""Turn the change feed into Qt signals, for local and remote commits alike.

`ChangeSync` keeps a cursor: every feed row up to it has been emitted (or predates start-up).
Rows past it are emitted once each, in sequence order, whoever wrote them:

* local commits arrive from `Ops.committed` and are emitted at once when they follow the cursor;
* other workstations' commits are read from the feed table off the GUI thread, woken by a QTimer
  poll on SQLite, or by LISTEN/NOTIFY on PostgreSQL (a QSocketNotifier on a dedicated autocommit
  connection) with a slow safety poll. NOTIFY is only a wake-up: after any reconnect we catch up
  from the table by sequence number, since notifications sent meanwhile are lost.

Feed rows commit in sequence order (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL),
so once seq n is visible nothing below n can still appear: reading `seq > cursor` never skips.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from desktop.data.engine import NOTIFY_CHANNEL, Database, DatabaseError
from desktop.data.feed import Change, Changes, head, read_since
from desktop.data.uow import UnitOfWork
from desktop.ops import Ops

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)


def listener_params(url: URL) -> dict[str, Any]:
    """psycopg.connect() keywords for the same server, database, user and options as `url`."""
    params: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
    for key, value in url.query.items():  # options=-csearch_path=..., sslmode, host=/socket...
        params[key] = value if isinstance(value, str) else value[-1]
    params.setdefault("connect_timeout", 5)
    # Let the kernel notice a peer that vanished without a word (cable, VPN), so the socket
    # wakes us with an error instead of staying silent forever.
    params.setdefault("keepalives", 1)
    params.setdefault("keepalives_idle", 30)
    params.setdefault("keepalives_interval", 10)
    params.setdefault("keepalives_count", 3)
    params.setdefault("application_name", "safegrid-sync")
    return params


def _open_listener(params: dict[str, Any]) -> psycopg.Connection:
    import psycopg  # PostgreSQL only: an SQLite workstation never loads it
    from psycopg import sql

    try:
        conn = psycopg.connect(**params, autocommit=True)
        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(NOTIFY_CHANNEL)))
    except psycopg.Error as exc:
        raise DatabaseError(f"cannot listen for changes: {str(exc).strip()}") from exc
    except Exception as exc:  # a bug must not end the retry loop: log it, keep trying
        log.exception("opening the change listener failed")
        raise DatabaseError(f"cannot listen for changes: {exc}") from exc
    return conn


def _payload_seq(payload: bytes) -> int:
    """The feed seq a NOTIFY carries; a payload we cannot parse means "go and look"."""
    try:
        return int(payload)
    except ValueError:
        return 1 << 62


def _read(uow: UnitOfWork, since: int, limit: int) -> list[Change]:
    # Every failure becomes a DatabaseError so the follower always hears back and reads again.
    try:
        return read_since(uow.session.connection(), since, limit)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot read the change feed: {exc}") from exc
    except Exception as exc:
        log.exception("reading the change feed failed")
        raise DatabaseError(f"cannot read the change feed: {exc}") from exc


class ChangeSync(QObject):
    """Emits `changes_committed(Changes)` once per feed seq, in seq order. Call `start()`."""

    changes_committed = Signal(object)     # Changes
    connection_state_changed = Signal(bool)

    def __init__(
        self,
        db: Database,
        ops: Ops,
        *,
        poll_ms: int = 500,
        safety_poll_ms: int = 10_000,
        retry_ms: int = 3_000,
        batch: int = 5_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._ops = ops
        # Reads and reconnects get their own small pool: the poll must not flicker the app's
        # busy indicator, nor wait behind a long report on the shared one.
        self._reader = Ops(db, lambda: "", max_threads=2, parent=self)  # reads only
        self._reader.failed.connect(lambda msg: log.warning("change sync: %s", msg))
        self._batch = batch
        self._running = False
        self._cursor = 0
        self._held: dict[int, Change] = {}  # local commits waiting for an earlier seq
        self._reading = False
        self._read_again = False
        self._connected = False
        self._connecting = False
        self._listen: psycopg.Connection | None = None
        self._notifier: QSocketNotifier | None = None

        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms if db.is_sqlite else safety_poll_ms)
        self._poll.timeout.connect(self._on_poll)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._connect_listener)

    @property
    def connected(self) -> bool:
        """PostgreSQL: the listen connection is up. SQLite: the last poll succeeded."""
        return self._connected

    @property
    def cursor(self) -> int:
        """Every feed seq up to this one has been emitted (or predates `start`)."""
        return self._cursor

    @property
    def listener_pid(self) -> int | None:
        """The server process of the LISTEN connection (diagnostics, tests)."""
        return self._listen.info.backend_pid if self._listen is not None else None

    def start(self) -> None:
        """Begin at the feed's head (old history is not replayed) and start following."""
        if self._running:
            return
        self._cursor = self._ops.call(lambda uow: head(uow.session.connection()), write=False)
        self._running = True
        self._ops.committed.connect(self._on_local)
        self._poll.start()
        if self._db.is_postgres:
            self._connect_listener()
        else:
            self._set_connected(True)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Stop timers, close the listen connection, wait for reads (or connects) in flight."""
        if not self._running:
            return
        self._running = False
        self._poll.stop()
        self._retry.stop()
        with contextlib.suppress(RuntimeError, TypeError):  # already gone with its owner
            self._ops.committed.disconnect(self._on_local)
        self._close_listener()
        self._held.clear()
        self._reader.wait_idle(timeout_ms)  # a connection opened meanwhile is closed on delivery

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until reads in flight have been delivered (tests, shutdown)."""
        return self._reader.wait_idle(timeout_ms)

    def refresh(self) -> None:
        """Catch up from the table now (after a wake-up, a reconnect, a gap)."""
        if not self._running:
            return
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        since, limit = self._cursor, self._batch
        waiting = set(self._held)  # committed before this read starts: it must see them
        self._reader.run(
            lambda uow: _read(uow, since, limit),
            lambda rows: self._on_read(rows, waiting),
            self._on_read_failed,
            write=False,
        )

    # -- emitting ------------------------------------------------------------------------

    def _emit(self, items: list[Change]) -> None:
        if not items:
            return
        self._cursor = items[-1].seq  # before emitting: a slot may commit (re-entrancy)
        self.changes_committed.emit(Changes(tuple(items)))

    def _flush_held(self) -> None:
        for seq in [s for s in self._held if s <= self._cursor]:
            del self._held[seq]
        run: list[Change] = []
        while (nxt := self._held.pop(self._cursor + 1 + len(run), None)) is not None:
            run.append(nxt)
        self._emit(run)

    @Slot(object)
    def _on_local(self, changes: Changes) -> None:
        if not self._running:
            return
        items = sorted((c for c in changes.items if c.seq > self._cursor), key=lambda c: c.seq)
        if not items:
            return  # a read got there first
        if items[0].seq == self._cursor + 1:
            self._emit(items)
            self._flush_held()
        else:  # someone else's commit sits in between and we have not read it yet
            self._held.update((c.seq, c) for c in items)
            self.refresh()

    def _on_read(self, rows: list[Change], waiting: set[int]) -> None:
        self._reading = False
        if not self._running:
            return
        if self._db.is_sqlite:
            self._set_connected(True)
        self._emit([c for c in rows if c.seq > self._cursor])
        complete = len(rows) < self._batch
        if complete:
            # Safety net: a local commit this read should have seen but did not (a pruned feed
            # row?) is emitted now rather than held forever.
            self._emit(sorted((self._held[s] for s in waiting if s in self._held and s > self._cursor),
                              key=lambda c: c.seq))
        self._flush_held()
        if not complete or self._read_again or self._held:
            self._read_again = False
            self.refresh()

    def _on_read_failed(self, err: Exception) -> None:
        self._reading = False
        log.info("change feed read failed: %s", err)
        if self._running and self._db.is_sqlite:
            self._set_connected(False)
        # No retry loop here: the poll, or the listener's reconnect, reads again.
        self._read_again = False

    @Slot()
    def _on_poll(self) -> None:
        if not self._reading:
            self.refresh()

    # -- PostgreSQL LISTEN ---------------------------------------------------------------

    def _set_connected(self, up: bool) -> None:
        if up != self._connected:
            self._connected = up
            self.connection_state_changed.emit(up)

    @Slot()
    def _connect_listener(self) -> None:
        if not self._running or self._connecting or self._listen is not None:
            return
        self._connecting = True
        params = listener_params(self._db.url)
        # Connecting can take seconds when the server is unreachable: not on the GUI thread.
        self._reader.run(
            lambda _uow: _open_listener(params), self._on_listener_ready, self._on_listener_failed,
            write=False,
        )

    def _on_listener_ready(self, conn: psycopg.Connection) -> None:
        self._connecting = False
        if not self._running:
            conn.close()
            return
        self._listen = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)
        self._set_connected(True)
        self.refresh()  # anything committed while we were not listening

    def _on_listener_failed(self, err: Exception) -> None:
        self._connecting = False
        log.info("change listener: %s; retrying", err)
        if self._running:
            self._set_connected(False)
            self._retry.start()

    @Slot()
    def _on_readable(self) -> None:
        conn = self._listen
        if conn is None:
            return
        import psycopg  # loaded with the listener already: this only names it

        newest = 0
        try:
            # Connection.notifies(timeout=0) returns nothing on a connection the server closed
            # (measured with psycopg 3.3) instead of raising, so read the socket through the
            # libpq wrapper: consume_input() raises once the peer is gone.
            pg = conn.pgconn
            pg.consume_input()
            while (note := pg.notifies()) is not None:
                newest = max(newest, _payload_seq(note.extra))
        except psycopg.Error as exc:
            log.warning("change listener lost: %s", str(exc).strip())
            self._close_listener()
            self._set_connected(False)
            if self._running:
                self._retry.start()
            return
        if newest > self._cursor:  # our own commits wake us too: nothing to read for those
            self.refresh()

    def _close_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.activated.disconnect(self._on_readable)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listen is not None:
            self._listen.close()
            self._listen = None
