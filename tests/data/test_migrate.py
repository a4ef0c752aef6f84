"""Schema upgrades: in place, to every head, and the fast check agrees with Alembic's own graph."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.data import migrate
from desktop.data.engine import open_database


def test_fast_graph_matches_alembic():
    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    assert set(migrate.script_heads()) == set(script.get_heads())
    assert set(migrate._graph()) == {r.revision for r in script.walk_revisions()}


def test_empty_then_current_and_data_survives_a_second_upgrade(db):
    assert migrate.schema_state(db) is migrate.SchemaState.CURRENT
    with db.write_engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value, version) VALUES ('probe', '1', 1)"))
    assert migrate.upgrade(db) is migrate.SchemaState.CURRENT
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM settings WHERE key = 'probe'")).scalar() == "1"


def test_an_older_schema_is_upgraded_in_place(tmp_path):
    db = open_database(f"sqlite:///{tmp_path / 'old.db'}")
    from alembic import command

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS))
    with db.write_engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO settings (key, value, version) VALUES ('kept', '\"yes\"', 1)"))
    expected = migrate.SchemaState.BEHIND if migrate.script_heads() != ("0001",) else migrate.SchemaState.CURRENT
    assert migrate.schema_state(db) is expected
    migrate.upgrade(db)
    assert migrate.schema_state(db) is migrate.SchemaState.CURRENT
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM settings WHERE key = 'kept'")).scalar() == '"yes"'
    db.dispose()
