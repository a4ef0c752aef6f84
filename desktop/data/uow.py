"""Unit of work: one Session per user action; audit rows and the change feed commit with it."""

from __future__ import annotations

from datetime import UTC, datetime
from types import TracebackType

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.data.engine import NOTIFY_CHANNEL, Database, DatabaseError
from desktop.data.feed import Change, Changes
from desktop.data.tables import AuditEntry, ChangeFeedEntry
from desktop.domain.errors import ConflictError

# Any constant: serialises feed appends on PostgreSQL so sequence numbers commit in order
# and a follower reading "seq > n" can never skip a row that commits late.
_FEED_LOCK_KEY = 0x5AFE6D1D


def utcnow() -> datetime:
    return datetime.now(UTC)


class UnitOfWork:
    """`with UnitOfWork(db) as uow: ...; uow.commit()` — leaving without commit rolls back."""

    def __init__(self, db: Database, *, write: bool = True) -> None:
        self.db = db
        self.write = write
        self.changes = Changes()
        self._pending: list[tuple[AuditEntry | None, Change]] = []
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        bind = self.db.write_engine if self.write else self.db.engine
        self.session = Session(bind=bind, expire_on_commit=False, autoflush=True)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed and detaches the objects without
        # expiring them, so values read inside the unit of work stay readable after it.
        self.session.close()
        self._pending.clear()

    def record(self, actor: str, entity: str, entity_id: object, action: str, summary: str, *,
               audit: bool = True) -> None:
        """Note a write: an audit row, and a change-feed row, both written at commit.

        `audit=False` writes the change-feed row only: for machine input that keeps its own
        history table (tracker position reports), which would otherwise flood the audit log."""
        at = utcnow()
        eid = str(entity_id)
        row = AuditEntry(
            at=at, actor=actor, entity=entity, entity_id=eid, action=action, summary=summary
        ) if audit else None
        self._pending.append((row, Change(entity, eid, action, actor=actor)))

    def flush(self) -> None:
        try:
            self.session.flush()
        except StaleDataError as exc:
            raise ConflictError("row", "?", "it was changed by another workstation") from exc
        except IntegrityError as exc:  # a unique key another workstation took meanwhile
            raise ConflictError("row", "?", "a unique value is already in use") from exc

    def commit(self) -> Changes:
        self.flush()
        feed_rows: list[ChangeFeedEntry] = []
        if self._pending:
            self.session.add_all(a for a, _ in self._pending if a is not None)
            if self.db.is_postgres:
                self.session.execute(
                    text("SELECT pg_advisory_xact_lock(:k)"), {"k": _FEED_LOCK_KEY}
                )
            at = utcnow()
            for _, c in self._pending:
                row = ChangeFeedEntry(
                    at=at, entity=c.entity, entity_id=c.entity_id, action=c.action, actor=c.actor
                )
                feed_rows.append(row)
            self.session.add_all(feed_rows)
            self.flush()
            if self.db.is_postgres:
                last = max(r.seq for r in feed_rows)
                self.session.execute(
                    select(text("pg_notify(:ch, :payload)")),
                    {"ch": NOTIFY_CHANNEL, "payload": str(last)},
                )
        try:
            self.session.commit()
        except IntegrityError as exc:  # a unique key another workstation took meanwhile
            self.session.rollback()
            raise ConflictError("row", "?", "a unique value is already in use") from exc
        except OperationalError as exc:
            self.session.rollback()
            raise DatabaseError(f"the database refused the write: {exc.orig}") from exc
        self.changes = Changes(
            tuple(
                Change(c.entity, c.entity_id, c.action, seq=r.seq, actor=c.actor)
                for (_, c), r in zip(self._pending, feed_rows, strict=True)
            )
        )
        self._pending.clear()
        return self.changes
