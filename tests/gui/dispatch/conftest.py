"""Fixtures of the dispatch screen tests: the demo district on PostgreSQL once per module, and
the screen opened (and shut down) per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.demo.load import load_demo
from tests.gui.dispatch.support import Opened


@pytest.fixture(scope="module")
def pg_demo_module(pg_server) -> Iterator[Database]:
    """The demo district on PostgreSQL, loaded once for the module (tests share it: each one picks
    members and incidents nobody else in the module touches)."""
    schema = pg_server.new_schema_name()
    with pg_server.admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = open_database(pg_server.url_for_schema(schema).render_as_string(hide_password=False))
    upgrade(db)
    load_demo(db)
    yield db
    db.dispose()
    with pg_server.admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = :s AND pid <> pg_backend_pid()"), {"s": schema})
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def open_dispatch(qtbot) -> Iterator[Callable[..., Opened]]:
    opened: list[Opened] = []

    def make(db: Database, username: str = "duty") -> Opened:
        o = Opened(qtbot, db, username)
        opened.append(o)
        return o

    yield make
    for o in opened:
        o.close()
