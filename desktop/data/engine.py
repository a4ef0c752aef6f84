"""Engines per backend: SQLite (embedded default) and PostgreSQL (shared duty room)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop.domain.errors import DomainError

SQLITE_BUSY_MS = 15_000
NOTIFY_CHANNEL = "safegrid_changes"


class DatabaseError(DomainError):
    """The database cannot be used (unreachable, refused, wrong URL, wrong schema)."""


@dataclass(frozen=True)
class Database:
    """One engine per process; `write_engine` takes SQLite's write lock at BEGIN."""

    url: URL
    engine: Engine
    write_engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    def describe(self) -> str:
        """What the status bar shows: the SQLite file, or PostgreSQL host/db."""
        if self.is_sqlite:
            return f"SQLite {self.url.database or ':memory:'}"
        host = self.url.host or "localhost"
        port = f":{self.url.port}" if self.url.port else ""
        return f"PostgreSQL {host}{port}/{self.url.database or ''}"

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: URL, **kw) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000}, **kw)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writers take the lock up front so two workstations never deadlock on upgrade
        # from a read lock; readers stay deferred and never block anyone under WAL.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def open_database(url: str, *, echo: bool = False) -> Database:
    """Build the engine (never at import time). Raises DatabaseError for a bad URL."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(parsed, echo=echo)
        write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    elif backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(
            parsed, echo=echo, pool_pre_ping=True, connect_args={"connect_timeout": 5}
        )
        write_engine = engine
    else:
        raise DatabaseError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")
    return Database(url=parsed, engine=engine, write_engine=write_engine)
