"""What the demo hazard generator needs from the loaded district: enterprises, public-area points
per sub-community grid, each grid's officer, and the boundary rules."""

from __future__ import annotations

import random
from dataclasses import dataclass

import shapely
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.data.tables import BoundaryRule, Department, Enterprise, Grid, GridOfficer, Industry
from desktop.domain.enums import GridLevel, Tier

POINTS_PER_GRID = 12
GAP_DEPARTMENT = "区文体旅局"  # who the duty room routes the new business forms to, by hand


@dataclass(frozen=True)
class Site:
    id: int
    name: str
    lon: float
    lat: float
    grid_id: int
    street_id: int
    community_id: int
    tier: Tier
    industry_id: int
    industry_code: str


@dataclass(frozen=True)
class Spot:
    grid_id: int
    street_id: int
    community_id: int
    street_name: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Refs:
    sites: tuple[Site, ...]
    spots: tuple[Spot, ...]
    officers: dict[int, tuple[str, str]]   # grid id → (user name, display name) of its officer
    rules: dict[int, int]                  # industry id → lead department id
    gap_department: int | None


def _points(rng: random.Random, geometry: str) -> tuple[tuple[float, float], ...]:
    poly = shapely.from_geojson(geometry)
    shapely.prepare(poly)
    minx, miny, maxx, maxy = poly.bounds
    out: list[tuple[float, float]] = []
    for _ in range(POINTS_PER_GRID * 40):
        p = (round(rng.uniform(minx, maxx), 6), round(rng.uniform(miny, maxy), 6))
        if poly.contains(shapely.Point(p)):
            out.append(p)
            if len(out) == POINTS_PER_GRID:
                break
    if not out:
        c = poly.representative_point()
        out.append((round(c.x, 6), round(c.y, 6)))
    return tuple(out)


def read_refs(session: Session, seed: int) -> Refs:
    rng = random.Random(f"{seed}:hazard-spots")
    grids = session.execute(select(Grid.id, Grid.level, Grid.parent_id, Grid.name, Grid.geometry, Grid.officer_id,
                                   GridOfficer.name.label("officer"))
                            .outerjoin(GridOfficer, GridOfficer.id == Grid.officer_id).order_by(Grid.id)).all()
    by_id = {g.id: g for g in grids}
    officers = {g.id: (f"wg{g.officer_id or 0:04d}", g.officer or "网格员") for g in grids}
    spots = []
    for g in grids:
        if g.level != GridLevel.SUB_COMMUNITY or not g.geometry:
            continue
        community = by_id[g.parent_id]
        street = by_id[community.parent_id]
        spots.append(Spot(g.id, street.id, community.id, street.name, _points(rng, g.geometry)))
    codes = dict(session.execute(select(Industry.id, Industry.code)).all())
    sites = tuple(
        Site(e.id, e.name, e.lon, e.lat, e.grid_id, e.street_id, e.community_id, Tier(e.tier), e.industry_id,
             codes[e.industry_id])
        for e in session.scalars(select(Enterprise).order_by(Enterprise.id)))
    rules = dict(session.execute(select(BoundaryRule.industry_id, BoundaryRule.department_id)).all())
    gap = session.scalar(select(Department.id).where(Department.name == GAP_DEPARTMENT))
    if gap is None:
        gap = session.scalar(select(Department.id).order_by(Department.id))
    return Refs(sites, tuple(spots), officers, rules, gap)
