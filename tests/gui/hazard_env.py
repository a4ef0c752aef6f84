"""What the hazard screen tests share: one demo district per module and backend (the demo loader
adds ~3,000 hazards), screens on it as several workstations, and a second engine for writes
that come from elsewhere. Tests write on the shared data, so each picks or makes its own tickets.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select, text

from desktop.app import build_context
from desktop.context import AppContext
from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.tables import Enterprise
from desktop.data.uow import UnitOfWork
from desktop.demo.load import load_demo
from desktop.domain.enums import Role
from desktop.domain.hazard_terms import Category, Severity
from desktop.services import hazards as hz
from desktop.services.common import Actor
from desktop.views.hazards import HazardsScreen

WAIT_MS = 15_000
DUTY = Actor("duty", "值班员", Role.DUTY, 2)
LINA = Actor("lina", "李娜", Role.DUTY, 4)
ZHANG = Actor("zhangwei", "张伟", Role.DUTY, 3)
ADMIN = Actor("admin", "系统管理员", Role.ADMIN, 1)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def hdb(request, tmp_path_factory) -> Iterator[Database]:
    """The demo district, once per module on each backend, shared by the module's tests."""
    if request.param == "sqlite":
        template = request.getfixturevalue("demo_template")
        path = tmp_path_factory.mktemp("hazards") / "demo.db"
        shutil.copyfile(template, path)
        db = open_database(f"sqlite:///{path}")
        yield db
        db.dispose()
        return
    server = request.getfixturevalue("pg_server")
    schema = server.new_schema_name()
    with server.admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = open_database(server.url_for_schema(schema).render_as_string(hide_password=False))
    try:
        upgrade(db)
        load_demo(db)
        yield db
    finally:
        db.dispose()
        with server.admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name = :s AND pid <> pg_backend_pid()"), {"s": schema})
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="module")
def sqlite_hdb(demo_template, tmp_path_factory) -> Iterator[Database]:
    """The demo district on SQLite only (for what does not depend on the backend)."""
    path = tmp_path_factory.mktemp("hazards_sqlite") / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture
def second_engine(reopen) -> Callable[[Database], Database]:
    """A second engine on the same data: another workstation's writes."""
    return reopen


@pytest.fixture
def hazard_screen(qtbot) -> Iterator[Callable[..., HazardsScreen]]:
    """`hazard_screen(db, actor)`: a hazard screen as that user's workstation, loaded and shown."""
    contexts: list[AppContext] = []

    def make(db: Database, actor: Actor = DUTY, *, show: bool = True) -> HazardsScreen:
        ctx = build_context(db, actor)
        contexts.append(ctx)
        screen = HazardsScreen(ctx, escalation=False)
        qtbot.addWidget(screen)
        screen.resize(1600, 900)
        if show:
            screen.show()
        qtbot.waitUntil(lambda: screen.model.rowCount() > 0 and screen.model.total is not None
                        and screen.refs is not None and screen.queues.counts is not None, timeout=WAIT_MS)
        return screen

    yield make
    for ctx in contexts:
        ctx.sync.stop()
        ctx.ops.cancel_all()
        ctx.ops.wait_idle(10_000)


def read(db: Database, fn: Callable[[UnitOfWork], Any]) -> Any:
    with UnitOfWork(db, write=False) as uow:
        return fn(uow)


def act(db: Database, fn: Callable[[UnitOfWork], Any]) -> Any:
    with UnitOfWork(db) as uow:
        return fn(uow)


def png_file(path, colour: str = "orange", size: tuple[int, int] = (320, 240)) -> str:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    return str(path)


def routed_enterprise(db: Database, offset: int = 0) -> int:
    """An enterprise whose industry has a boundary rule (its hazards can be assigned)."""
    return read(db, lambda u: u.session.scalars(select(Enterprise.id).where(
        Enterprise.lead_department_id.is_not(None)).order_by(Enterprise.id).offset(offset).limit(1)).one())


def reported(db: Database, actor: Actor = ZHANG, *, description: str = "配电箱周边堆放可燃物",
             enterprise_offset: int = 0) -> hz.HazardRow:
    """A new ticket, found at a routed enterprise, written by another workstation."""
    eid = routed_enterprise(db, enterprise_offset)
    return act(db, lambda u: hz.report(u, actor, hz.HazardReport(category=Category.FIRE, description=description,
                                                                severity=Severity.GENERAL, enterprise_id=eid)))


def classified(db: Database, actor: Actor = ZHANG, **kw: Any) -> hz.HazardRow:
    row = reported(db, actor, **kw)
    return act(db, lambda u: hz.classify(u, actor, row.id, severity=Severity.GENERAL, expected_version=row.version))


def shown_ids(screen: HazardsScreen) -> list[int]:
    return screen.model.ids()


def wait_loaded(qtbot, screen: HazardsScreen) -> None:
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total is not None, timeout=WAIT_MS)


def choose(combo, value) -> None:
    """Pick the item holding `value` (findData cannot compare Python objects such as sets)."""
    index = next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)
    assert index >= 0, f"{value!r} not offered"
    combo.setCurrentIndex(index)
