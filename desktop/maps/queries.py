"""What the map asks the database besides its layers: "what is here", a department's focus."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.data.tables import Enterprise, Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import TERRITORIAL_LEVELS, GridLevel
from desktop.maps.core_layers import grid_layer_id
from desktop.services.locate import GridLocator


@dataclass(frozen=True)
class PlaceHit:
    level: GridLevel
    grid_id: int
    code: str
    name: str
    officer: str
    phone: str


@dataclass(frozen=True)
class WhatIsHere:
    lon: float
    lat: float
    hits: tuple[PlaceHit, ...]   # street first, down to the enterprise grid (levels with none left out)
    in_district: bool


def what_is_here(uow: UnitOfWork, locator: GridLocator, lon: float, lat: float) -> WhatIsHere:
    """Every territorial grid containing the point, with its officer (一格一员)."""
    found = locator.locate(lon, lat)
    rows = {}
    if found:
        q = (select(Grid.id, Grid.code, Grid.name, GridOfficer.name.label("officer"), GridOfficer.phone)
             .outerjoin(GridOfficer, Grid.officer_id == GridOfficer.id)
             .where(Grid.id.in_(found.values())))
        rows = {r.id: r for r in uow.session.execute(q)}
    hits = tuple(
        PlaceHit(level, gid, rows[gid].code, rows[gid].name, rows[gid].officer or "", rows[gid].phone or "")
        for level in TERRITORIAL_LEVELS
        if (gid := found.get(level)) is not None and gid in rows
    )
    return WhatIsHere(lon, lat, hits, locator.in_district(lon, lat))


def department_focus(uow: UnitOfWork, department_id: int) -> dict:
    """What a department supervises, as the page's focus: its enterprises (by the boundary rules)
    and the grids they sit in (enterprise-exclusive grids, else their sub-community grid)."""
    rows = uow.session.execute(
        select(Enterprise.id, Enterprise.grid_id, Grid.level)
        .join(Grid, Enterprise.grid_id == Grid.id)
        .where(Enterprise.lead_department_id == department_id)
    ).all()
    by_level: dict[str, list[str]] = {}
    for r in rows:
        by_level.setdefault(grid_layer_id(GridLevel(r.level)), []).append(str(r.grid_id))
    return {"layers": {"enterprises": [str(r.id) for r in rows], **by_level}, "dim": ["enterprises"]}
