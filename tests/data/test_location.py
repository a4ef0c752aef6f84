"""Finding the database and glancing at it before SQLAlchemy has loaded (the launch's first steps)."""

from __future__ import annotations

import sqlite3

from desktop.data.location import database_key, glance, resolve_url, sqlite_file
from desktop.data.uow import UnitOfWork


def test_a_bare_path_is_a_sqlite_url_and_one_file_has_one_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = resolve_url("demo.db")
    assert url == f"sqlite:///{tmp_path / 'demo.db'}"
    assert sqlite_file(url) == tmp_path / "demo.db"
    assert database_key(url) == database_key("sqlite:///demo.db") == f"sqlite:{tmp_path / 'demo.db'}"
    assert sqlite_file("postgresql://h/db") is None and sqlite_file("sqlite:///:memory:") is None


def test_a_key_never_holds_a_password():
    key = database_key("postgresql+psycopg://duty:s3cret@db.example:5432/safegrid")
    assert "s3cret" not in key and key == "postgresql+psycopg://duty:***@db.example:5432/safegrid"


def test_glance_reads_demo_flag_and_feed_head(demo_sqlite):
    url = f"sqlite:///{demo_sqlite.url.database}"
    before = glance(url)
    assert before is not None and before.demo
    with UnitOfWork(demo_sqlite) as uow:
        uow.record("test", "grid", 1, "updated", "touched")
        uow.commit()
    assert glance(url).feed_head == before.feed_head + 1


def test_glance_is_none_for_what_it_cannot_read(sqlite_db, tmp_path):
    assert glance(f"sqlite:///{sqlite_db.url.database}").demo is False  # a SafeGrid file, not the demo
    assert glance(f"sqlite:///{tmp_path / 'missing.db'}") is None
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    assert glance(f"sqlite:///{other}") is None
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 10)
    assert glance(f"sqlite:///{tmp_path / 'junk.db'}") is None
    assert glance("postgresql://localhost/test") is None
    assert not (tmp_path / "missing.db").exists()  # a glance never creates the file
