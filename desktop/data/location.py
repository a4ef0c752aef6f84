"""Where the database is, and a first glance at a SQLite one: no SQLAlchemy, for the start-up path.

The app opens its map before SQLAlchemy has loaded (see desktop/app.py): it needs the database's
URL, whether it is the demo district (which signs in by itself) and the change feed's head, all
from `sqlite3` alone. Anything unusual (no file, an old schema, a locked file) answers None and the
app simply takes its ordinary path.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path


def default_sqlite_path() -> Path:
    import platformdirs  # only when no database is named

    return Path(platformdirs.user_data_dir("SafeGrid", appauthor=False)) / "safegrid.db"


def resolve_url(cli_url: str | None = None) -> str:
    """--db wins, then SAFEGRID_DB, then the SQLite file in the user data dir."""
    url = cli_url or os.environ.get("SAFEGRID_DB")
    if url:
        if "://" not in url:  # a bare path means a SQLite file
            url = "sqlite:///" + str(Path(url).expanduser().resolve())
        return url
    path = default_sqlite_path()
    return "sqlite:///" + str(path)


def sqlite_file(url: str) -> Path | None:
    """The file of a `sqlite:///path` URL (absolute), None for any other database or `:memory:`."""
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///"):].split("?", 1)[0]
    return Path(path).resolve() if path and path != ":memory:" else None


def database_key(url: str) -> str:
    """One name per database, the same whichever way its URL is spelt; never holds a password."""
    path = sqlite_file(url)
    if path is not None:
        return f"sqlite:{path}"
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


@dataclass(frozen=True)
class Glance:
    demo: bool       # the demo district (signs in as its administrator by itself)
    feed_head: int   # the change feed's highest seq: nothing has been committed since, if unchanged


def glance(url: str) -> Glance | None:
    """A read-only look at a SQLite database, or None (not SQLite, missing, not a SafeGrid file)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            demo = conn.execute("SELECT 1 FROM settings WHERE key = 'demo'").fetchone() is not None
            head = conn.execute("SELECT coalesce(max(seq), 0) FROM change_feed").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return Glance(demo=demo, feed_head=int(head))
