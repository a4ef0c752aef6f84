"""Schema upgrades in place (Alembic), and the checks the app and CLI make before use.

Features add their tables on branches of their own from the foundation (0001); the schema is
current when the database is at every head. The check at start-up reads the revision graph
from the migration files' own `revision` / `down_revision` lines, so Alembic (slow to import)
is loaded only when there is something to upgrade.
"""

from __future__ import annotations

import ast
from enum import Enum
from functools import cache
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from desktop.data.engine import Database, DatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaState(Enum):
    EMPTY = "empty"        # no SafeGrid tables yet
    BEHIND = "behind"      # an older schema: upgrade in place
    CURRENT = "current"
    NEWER = "newer"        # written by a newer SafeGrid: refuse to touch it


@cache
def _graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, read from the version files without importing them."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if node.targets[0].id in ("revision", "down_revision"):
                    values[node.targets[0].id] = ast.literal_eval(node.value)
        if "revision" in values:
            down = values.get("down_revision")
            graph[str(values["revision"])] = tuple(down) if isinstance(down, tuple | list) else (
                (down,) if down else ())
    return graph


def script_heads() -> tuple[str, ...]:
    graph = _graph()
    parents = {p for downs in graph.values() for p in downs}
    return tuple(sorted(r for r in graph if r not in parents))


def head_revision() -> str:
    return ",".join(script_heads())


def current_heads(db: Database) -> tuple[str, ...]:
    try:
        with db.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return ()
            return tuple(sorted(conn.execute(text("SELECT version_num FROM alembic_version")).scalars()))
    except (OperationalError, SADatabaseError) as exc:
        raise DatabaseError(f"cannot reach the database {db.describe()}: {_reason(exc)}") from exc


def current_revision(db: Database) -> str | None:
    heads = current_heads(db)
    return ",".join(heads) if heads else None


def schema_state(db: Database) -> SchemaState:
    heads = current_heads(db)
    if not heads:
        return SchemaState.EMPTY
    if set(heads) == set(script_heads()):
        return SchemaState.CURRENT
    if any(rev not in _graph() for rev in heads):
        return SchemaState.NEWER
    return SchemaState.BEHIND


def upgrade(db: Database) -> SchemaState:
    """Bring the schema to every head in place. Refuses a database from a newer SafeGrid."""
    state = schema_state(db)
    if state is SchemaState.NEWER:
        raise DatabaseError(
            f"the database {db.describe()} has schema {current_revision(db)}, newer than this "
            "SafeGrid knows; install the newer SafeGrid"
        )
    if state is not SchemaState.CURRENT:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with db.write_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
    return state


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
