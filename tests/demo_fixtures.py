"""Fixtures holding the full demo district, on SQLite (a copied template) and on PostgreSQL."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.demo.load import load_demo


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> str:
    """The demo district loaded once into a SQLite file; tests get copies."""
    path = tmp_path_factory.mktemp("demo") / "template.db"
    db = open_database(f"sqlite:///{path}")
    upgrade(db)
    load_demo(db)
    with db.engine.connect() as conn:  # fold the WAL into the file so one copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return str(path)


@pytest.fixture
def demo_sqlite(tmp_path, demo_template) -> Iterator[Database]:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def demo_pg_template(pg_server) -> Iterator[str]:
    """The demo district loaded once into a database of its own; tests get clones of it
    (CREATE DATABASE ... TEMPLATE copies it in a fraction of a second, a load takes seconds)."""
    name = f"sg_tmpl_{os.getpid()}_{secrets.token_hex(3)}"
    with pg_server.admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(pg_server.base_url.set(database=name).render_as_string(hide_password=False))
    try:
        upgrade(db)
        load_demo(db)
    finally:
        db.dispose()  # a template must have no connections when it is copied
    yield name
    with pg_server.admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def demo_pg(pg_server, demo_pg_template) -> Iterator[Database]:
    name = pg_server.new_schema_name()
    with pg_server.admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{demo_pg_template}"'))
    url = pg_server.base_url.set(database=name).update_query_dict({"application_name": name})
    db = open_database(url.render_as_string(hide_password=False))
    try:
        yield db
    finally:
        db.dispose()
        with pg_server.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def demo_db(request) -> Database:
    """The demo district, once on SQLite and once on PostgreSQL; each test may write."""
    return request.getfixturevalue(f"demo_{request.param}")
