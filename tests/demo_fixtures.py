"""Fixtures holding the full demo district, on SQLite (a copied template) and on PostgreSQL."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

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


@pytest.fixture
def demo_pg(pg_db: Database) -> Database:
    load_demo(pg_db)
    return pg_db


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def demo_db(request) -> Database:
    """The demo district, once on SQLite and once on PostgreSQL; each test may write."""
    return request.getfixturevalue(f"demo_{request.param}")
