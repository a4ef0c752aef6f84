"""Shared fixtures: databases on both backends, and the Qt environment for GUI tests.

PostgreSQL tests use the server named by SAFEGRID_TEST_PG_URL, each test in a fresh schema.
Unset: they skip and say why. Set but unreachable: they fail (CI must not skip silently).
"""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt: headless, and QtWebEngine usable as root without a GPU.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# Caches (the map page, grid layers) and Qt settings go to a throw-away folder, not $HOME.
os.environ.setdefault("SAFEGRID_CACHE_DIR", tempfile.mkdtemp(prefix="safegrid-test-cache-"))
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="safegrid-test-config-"))
# The shipped CJK font as a system font, as the app has it (desktop.app.prepare_environment).
os.environ.setdefault("FONTCONFIG_FILE", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "resources", "fonts", "fonts.conf")))

import itertools
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.widgets.map_scheme import register_map_schemes

pytest_plugins = ["tests.demo_fixtures", "tests.squad_world", "tests.gui.hazard_env"]

register_map_schemes()  # the map's tile scheme (LocalScheme) must exist before the QApplication

PG_ENV = "SAFEGRID_TEST_PG_URL"


def url_string(db: Database) -> str:
    """The URL (password included) another engine or process needs to open the same data."""
    return db.url.render_as_string(hide_password=False)


# -- SQLite ------------------------------------------------------------------------------


@pytest.fixture
def sqlite_db(tmp_path) -> Iterator[Database]:
    """A migrated SQLite database in a temporary file."""
    db = open_database(f"sqlite:///{tmp_path / 'safegrid.db'}")
    upgrade(db)
    yield db
    db.dispose()


# -- PostgreSQL --------------------------------------------------------------------------


@dataclass
class PgServer:
    """The test server: an admin engine outside any test schema, and schema names to hand out."""

    base_url: URL
    admin: Engine
    _counter: Iterator[int] = field(default_factory=itertools.count)

    def new_schema_name(self) -> str:
        return f"sg_{os.getpid()}_{next(self._counter)}_{secrets.token_hex(3)}"

    def url_for_schema(self, schema: str) -> URL:
        """Every connection of the URL gets `search_path=<schema>` (psycopg `options`)."""
        options = self.base_url.query.get("options", "")
        options = (options if isinstance(options, str) else " ".join(options)).strip()
        extra = f"-csearch_path={schema}"
        return self.base_url.update_query_dict(
            {"options": f"{options} {extra}".strip(), "application_name": schema}
        )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    raw = os.environ.get(PG_ENV)
    if not raw:
        pytest.skip(f"{PG_ENV} not set: PostgreSQL tests skipped")
    url = make_url(raw)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        admin.dispose()
        pytest.fail(
            f"{PG_ENV} is set but the server is unreachable "
            f"({url.render_as_string(hide_password=True)}): {exc.orig or exc}",
            pytrace=False,
        )
    yield PgServer(url, admin)
    admin.dispose()


@pytest.fixture
def pg_db(pg_server: PgServer) -> Iterator[Database]:
    """A migrated PostgreSQL database in a fresh schema, dropped afterwards."""
    schema = pg_server.new_schema_name()
    with pg_server.admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = open_database(pg_server.url_for_schema(schema).render_as_string(hide_password=False))
    try:
        upgrade(db)
        yield db
    finally:
        db.dispose()
        with pg_server.admin.connect() as conn:
            # A connection a test left open would block the DROP: end it (they are tagged
            # with the schema name as application_name).
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = :s AND pid <> pg_backend_pid()"
                ),
                {"s": schema},
            )
            conn.execute(text("SET lock_timeout = '10s'"))
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture
def pg_url(pg_db: Database) -> str:
    """The URL string of `pg_db`'s schema, for a subprocess or a second engine."""
    return url_string(pg_db)


# -- either backend ----------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db(request) -> Database:
    """Runs the test once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_db")


@pytest.fixture
def reopen() -> Iterator[Callable[[Database], Database]]:
    """`reopen(db)`: a second Database (own engine and pool) on the same data, like a second
    workstation; disposed at teardown."""
    opened: list[Database] = []

    def _reopen(db: Database) -> Database:
        other = open_database(url_string(db))
        opened.append(other)
        return other

    yield _reopen
    for other in opened:
        other.dispose()


@pytest.fixture(scope="session", autouse=True)
def _delete_widgets_before_exit():
    """Web views must die before the QApplication and their profile: at interpreter exit Python
    frees objects in no useful order, and a QWebEnginePage outliving its profile crashes."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    for _ in range(3):  # a view's destruction schedules its profile's: flush a few rounds
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
