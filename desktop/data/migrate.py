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


# Features add their tables on branches of their own from the foundation (0001); the schema is
# current when the database is at every head.


def head_revision() -> str:
    return ",".join(sorted(ScriptDirectory.from_config(_config()).get_heads()))


def current_heads(db: Database) -> tuple[str, ...]:
    try:
        with db.engine.connect() as conn:
            return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))
    except (OperationalError, SADatabaseError) as exc:
        raise DatabaseError(f"cannot reach the database {db.describe()}: {_reason(exc)}") from exc


def current_revision(db: Database) -> str | None:
    heads = current_heads(db)
    return ",".join(heads) if heads else None


def schema_state(db: Database) -> SchemaState:
    heads = current_heads(db)
    if not heads:
        return SchemaState.EMPTY
    script = ScriptDirectory.from_config(_config())
    if set(heads) == set(script.get_heads()):
        return SchemaState.CURRENT
    for rev in heads:
        try:
            if script.get_revision(rev) is None:
                return SchemaState.NEWER
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
            command.upgrade(cfg, "heads")
    return state


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
