"""Point-in-grid: every point of the district lies in exactly one grid at every level."""

from __future__ import annotations

import random

import shapely
from sqlalchemy import select

from desktop.data.tables import Enterprise, Grid
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.services.locate import GridLocator


def test_sampled_points_resolve_to_the_grid_that_contains_them(demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        locator = GridLocator.from_session(uow.session)
        geoms = {g.id: (GridLevel(g.level), shapely.from_geojson(g.geometry))
                 for g in uow.session.scalars(select(Grid).where(Grid.geometry.is_not(None)))}
        parent = {r.id: r.parent_id for r in uow.session.execute(select(Grid.id, Grid.parent_id))}
    rng = random.Random(5)
    minx, miny, maxx, maxy = locator.bounds()
    inside = 0
    while inside < 500:
        lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if not locator.in_district(lon, lat):
            assert locator.locate(lon, lat) == {}
            continue
        inside += 1
        found = locator.locate(lon, lat)
        for level in (GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.SUB_COMMUNITY):
            gid = found[level]
            assert geoms[gid][0] == level and geoms[gid][1].covers(shapely.Point(lon, lat))
        assert parent[found[GridLevel.SUB_COMMUNITY]] == found[GridLevel.COMMUNITY]
        assert parent[found[GridLevel.COMMUNITY]] == found[GridLevel.STREET]


def test_every_enterprise_is_located_in_its_own_grid_chain(demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        locator = GridLocator.from_session(uow.session)
        rows = uow.session.execute(select(Enterprise.lon, Enterprise.lat, Enterprise.grid_id,
                                          Enterprise.street_id, Enterprise.community_id)).all()
        own = set(uow.session.scalars(select(Grid.id).where(Grid.level == GridLevel.ENTERPRISE)))
    for lon, lat, grid_id, street_id, community_id in rows:
        found = locator.locate(lon, lat)
        assert found[GridLevel.STREET] == street_id and found[GridLevel.COMMUNITY] == community_id
        if grid_id in own:
            assert found[GridLevel.ENTERPRISE] == grid_id
        else:
            assert found[GridLevel.SUB_COMMUNITY] == grid_id
