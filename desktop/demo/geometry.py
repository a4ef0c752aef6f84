"""Plausible, exactly nested grid geometry for the demo district.

Seeds are laid out top-down (streets, then communities inside each street's rough region, then
sub-community seeds inside each community's rough region), but the polygons are built bottom-up:
one Voronoi diagram of all sub-community seeds is noded with the district outline on a 1e-6 degree
grid and polygonised; each sub-community grid is the union of its faces, each community the union of
its sub-community grids, each street the union of its communities. Every level is therefore a
union of the same faces, so neighbouring grids share identical edges at every level: no gaps, no
overlaps, even after the coordinates are written out with 6 decimals.

Seeding works in a local kilometre frame so cells are not stretched by the degree aspect ratio.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Polygon, mapping
from shapely.geometry.base import BaseGeometry

LON0, LAT0 = 117.16, 34.23  # the district's centre
KM_PER_DEG_LON = 111.320 * math.cos(math.radians(LAT0))
KM_PER_DEG_LAT = 110.95
HALF_AXES_KM = (7.0, 6.0)  # about 14 km east-west by 12 km north-south
GRID = 1e-6  # coordinate grid in degrees (about 0.1 m); matches the 6 decimals written out


def to_degrees(geom: BaseGeometry) -> BaseGeometry:
    """Kilometre frame -> lon/lat degrees (an affine map, so straight edges stay straight)."""
    return shapely.transform(geom, lambda xy: xy / (KM_PER_DEG_LON, KM_PER_DEG_LAT) + (LON0, LAT0))


def to_km(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    return np.column_stack(((lon - LON0) * KM_PER_DEG_LON, (lat - LAT0) * KM_PER_DEG_LAT))


def to_json(geom: BaseGeometry) -> str:
    """Compact GeoJSON with coordinates rounded to 6 decimals (they already lie on that grid)."""

    def rounded(value: object) -> object:
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, (tuple, list)):
            return [rounded(v) for v in value]
        return value

    data = mapping(geom)
    return json.dumps({"type": data["type"], "coordinates": rounded(data["coordinates"])},
                      separators=(",", ":"))


def make_outline(rng: random.Random, vertices: int = 96) -> Polygon:
    """An irregular, star-shaped district outline in the kilometre frame.

    A few low harmonics give lobes and bays like a real boundary; a little per-vertex noise keeps
    it from looking drawn with a compass.
    """
    harmonics = [(0.16 / m, m, rng.uniform(0, 2 * math.pi)) for m in (2, 3, 4, 5, 7)]
    ax, ay = HALF_AXES_KM
    points = []
    for k in range(vertices):
        theta = 2 * math.pi * (k + rng.uniform(-0.3, 0.3)) / vertices
        r = 1 + sum(a * math.cos(m * theta + phase) for a, m, phase in harmonics)
        r *= 1 + rng.uniform(-0.025, 0.025)
        points.append((ax * r * math.cos(theta), ay * r * math.sin(theta)))
    return Polygon(points)


def spread_points(
    rng: random.Random, region: BaseGeometry, n: int, existing: np.ndarray, candidates: int = 10
) -> np.ndarray:
    """`n` points in `region`, each the best of a few random candidates (farthest from the points
    already placed, here or in `existing`): evenly spread without looking like a lattice."""
    minx, miny, maxx, maxy = region.bounds
    placed = [p for p in existing]
    out: list[np.ndarray] = []
    for _ in range(n):
        cands: list[tuple[float, float]] = []
        while len(cands) < candidates:
            xs = [rng.uniform(minx, maxx) for _ in range(4 * candidates)]
            ys = [rng.uniform(miny, maxy) for _ in range(4 * candidates)]
            inside = shapely.contains_xy(region, xs, ys)
            cands.extend((x, y) for x, y, ok in zip(xs, ys, inside, strict=True) if ok)
        c = np.array(cands[:candidates])
        if placed:
            dist = np.linalg.norm(c[:, None, :] - np.array(placed)[None, :, :], axis=2).min(axis=1)
            best = c[int(dist.argmax())]
        else:
            best = c[0]
        placed.append(best)
        out.append(best)
    return np.array(out).reshape(-1, 2)


def voronoi_regions(seeds: np.ndarray, clip: BaseGeometry) -> list[BaseGeometry]:
    """Voronoi cells of `seeds` clipped to `clip`, in seed order (rough regions for seeding)."""
    if len(seeds) == 1:
        return [clip]
    cells = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=clip.buffer(1.0), ordered=True)
    return [cell.intersection(clip) for cell in cells.geoms]


def exact_cells(outline_km: Polygon, seeds: np.ndarray) -> tuple[BaseGeometry, list[BaseGeometry]]:
    """(outline, one cell per seed) in degrees, forming an exact polygonal coverage.

    The Voronoi edges and the outline are noded together on the GRID and polygonised, so every
    face has grid coordinates and neighbours share edges exactly. A face belongs to the seed
    nearest to it (the Voronoi property); a cell cut by a bay of the outline keeps all its pieces.
    """
    edges = shapely.voronoi_polygons(MultiPoint(seeds), extend_to=outline_km.buffer(1.0), only_edges=True)
    outline = shapely.set_precision(to_degrees(outline_km), GRID)
    noded = shapely.union_all([to_degrees(edges), outline.boundary], grid_size=GRID)
    faces = [f for f in shapely.polygonize(list(noded.geoms)).geoms if f.area > 0]
    reps = shapely.point_on_surface(faces)
    lon, lat = shapely.get_x(reps), shapely.get_y(reps)
    inside = shapely.contains_xy(outline, lon, lat)
    faces = [f for f, ok in zip(faces, inside, strict=True) if ok]
    rep_km = to_km(lon[inside], lat[inside])
    owner = np.linalg.norm(rep_km[:, None, :] - seeds[None, :, :], axis=2).argmin(axis=1)
    groups: list[list[BaseGeometry]] = [[] for _ in range(len(seeds))]
    for face, k in zip(faces, owner, strict=True):
        groups[int(k)].append(face)
    if any(not g for g in groups):
        raise ValueError("a seed lost its cell; seeds too close together")
    cells = [g[0] if len(g) == 1 else shapely.coverage_union_all(g) for g in groups]
    return shapely.coverage_union_all(cells), cells


def _core(region: BaseGeometry, n: int) -> BaseGeometry:
    """The region minus a margin, where seeds go: a seed near a rough border would give a cell
    reaching into the neighbour, and a community or street broken into pieces."""
    margin = 0.3 * math.sqrt(region.area / n)
    core = region.buffer(-margin)
    return core if core.area > 0.15 * region.area else region


@dataclass(frozen=True)
class Territory:
    """Polygons in degrees: outline; streets[s]; communities[s][c]; subs[s][c][k]."""

    outline: BaseGeometry
    streets: list[BaseGeometry]
    communities: list[list[BaseGeometry]]
    subs: list[list[list[BaseGeometry]]]


def build_territory(
    rng: random.Random,
    street_pos: Sequence[tuple[float, float]],
    sub_counts: Sequence[Sequence[int]],
) -> Territory:
    """Partition a fresh outline into streets (near `street_pos`, fractions of the half-axes),
    `len(sub_counts[s])` communities per street and `sub_counts[s][c]` sub-grids per community."""
    outline_km = make_outline(rng)
    ax, ay = HALF_AXES_KM
    street_seeds = np.array([(x * ax + rng.uniform(-0.3, 0.3), y * ay + rng.uniform(-0.3, 0.3))
                             for x, y in street_pos])
    street_regions = voronoi_regions(street_seeds, outline_km)
    seeds: list[np.ndarray] = []
    owners: list[tuple[int, int]] = []
    community_seeds = np.empty((0, 2))
    for s, region in enumerate(street_regions):
        cseeds = spread_points(rng, region, len(sub_counts[s]), community_seeds)
        community_seeds = np.vstack([community_seeds, cseeds])
        for c, cregion in enumerate(voronoi_regions(cseeds, region)):
            done = np.vstack(seeds) if seeds else np.empty((0, 2))
            seeds.append(spread_points(rng, _core(cregion, sub_counts[s][c]), sub_counts[s][c], done))
            owners.extend((s, c) for _ in range(sub_counts[s][c]))
    outline, cells = exact_cells(outline_km, np.vstack(seeds))
    subs: list[list[list[BaseGeometry]]] = [[[] for _ in counts] for counts in sub_counts]
    for cell, (s, c) in zip(cells, owners, strict=True):
        subs[s][c].append(cell)
    communities = [[shapely.coverage_union_all(k) for k in street] for street in subs]
    streets = [shapely.coverage_union_all(c) for c in communities]
    return Territory(outline, streets, communities, subs)
