"""Which grid, at every territorial level, contains a point (shapely STRtree)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import shapely
from shapely import STRtree
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.data.tables import Grid
from desktop.domain.enums import TERRITORIAL_LEVELS, GridLevel


@dataclass(frozen=True)
class _LevelIndex:
    ids: tuple[int, ...]
    geoms: tuple
    tree: STRtree


class GridLocator:
    """Built once from the grids' GeoJSON; answers a lookup in microseconds."""

    def __init__(self, rows: Iterable[tuple[int, str, str]]) -> None:
        by_level: dict[GridLevel, list[tuple[int, str]]] = {lv: [] for lv in TERRITORIAL_LEVELS}
        for grid_id, level, geometry in rows:
            lv = GridLevel(level)
            if lv in by_level and geometry:
                by_level[lv].append((grid_id, geometry))
        self._levels: dict[GridLevel, _LevelIndex] = {}
        for lv, items in by_level.items():
            items.sort()
            geoms = tuple(shapely.from_geojson([g for _, g in items])) if items else ()
            for g in geoms:
                shapely.prepare(g)
            self._levels[lv] = _LevelIndex(tuple(i for i, _ in items), geoms, STRtree(geoms))
        streets = self._levels[GridLevel.STREET].geoms
        self.district = shapely.union_all(streets) if streets else shapely.Polygon()
        shapely.prepare(self.district)

    @classmethod
    def from_session(cls, session: Session) -> GridLocator:
        rows = session.execute(
            select(Grid.id, Grid.level, Grid.geometry).where(Grid.geometry.is_not(None))
        )
        return cls(tuple(r) for r in rows)

    def grid_at(self, level: GridLevel, lon: float, lat: float) -> int | None:
        """The grid of `level` containing the point; on a shared edge the lowest id wins."""
        index = self._levels.get(level)
        if index is None or not index.ids:
            return None
        point = shapely.Point(lon, lat)
        hits = index.tree.query(point, predicate="intersects")
        if len(hits) == 0:
            return None
        return min(index.ids[i] for i in hits)

    def locate(self, lon: float, lat: float) -> dict[GridLevel, int]:
        """Every territorial level's grid at the point (levels with none are left out)."""
        found = {}
        for level in TERRITORIAL_LEVELS:
            grid_id = self.grid_at(level, lon, lat)
            if grid_id is not None:
                found[level] = grid_id
        return found

    def in_district(self, lon: float, lat: float) -> bool:
        return bool(self.district.intersects(shapely.Point(lon, lat)))

    def bounds(self) -> tuple[float, float, float, float]:
        return tuple(self.district.bounds)  # type: ignore[return-value]
