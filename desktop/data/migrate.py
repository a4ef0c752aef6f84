"""Schema upgrades in place (Alembic), and the checks the app and CLI make before use."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from desktop.data.engine import Database, DatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaState(Enum):
    EMPTY = "empty"        # no SafeGrid tables yet
    BEHIND = "behind"      # an older schema: upgrade in place
    CURRENT = "current"
    NEWER = "newer"        # written by a newer SafeGrid: refuse to touch it


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(db: Database) -> str | None:
    try:
        with db.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except (OperationalError, SADatabaseError) as exc:
        raise DatabaseError(f"cannot reach the database {db.describe()}: {_reason(exc)}") from exc


def schema_state(db: Database) -> SchemaState:
    rev = current_revision(db)
    if rev is None:
        return SchemaState.EMPTY
    script = ScriptDirectory.from_config(_config())
    if rev == script.get_current_head():
        return SchemaState.CURRENT
    try:
        script.get_revision(rev)
    except Exception:  # alembic raises several kinds for an unknown id
        return SchemaState.NEWER
    return SchemaState.BEHIND


def upgrade(db: Database) -> SchemaState:
    """Bring the schema to head in place. Refuses a database from a newer SafeGrid."""
    state = schema_state(db)
    if state is SchemaState.NEWER:
        raise DatabaseError(
            f"the database {db.describe()} has schema {current_revision(db)}, newer than this "
            "SafeGrid knows; install the newer SafeGrid"
        )
    if state is not SchemaState.CURRENT:
        cfg = _config()
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return state


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
