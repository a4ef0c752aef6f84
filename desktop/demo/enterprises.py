"""Demo enterprises: names, credit codes, scale and risk by industry, and where they stand.

The highest-risk and largest units get an enterprise-exclusive grid (企业专属网格), a small
rectangle around the site lying wholly inside its sub-community grid; the rest are watched from the
sub-community grid itself.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from desktop.demo import names
from desktop.demo.catalogue import DIVISION, INDUSTRIES, IndustrySpec
from desktop.demo.geometry import KM_PER_DEG_LAT, KM_PER_DEG_LON, to_json
from desktop.demo.rows import EnterpriseRow
from desktop.domain.credit_code import make_code
from desktop.domain.enums import RiskLevel, Scale

_SCALES = (Scale.LARGE, Scale.MEDIUM, Scale.SMALL, Scale.MICRO)
_RISKS = (RiskLevel.RED, RiskLevel.ORANGE, RiskLevel.YELLOW, RiskLevel.BLUE)
# Half-size of an enterprise grid in metres, by scale: a large plant fills more ground.
_HALF_METRES = {Scale.LARGE: (45, 60), Scale.MEDIUM: (32, 48), Scale.SMALL: (24, 34), Scale.MICRO: (20, 26)}
_MIN_SPACING_KM = 0.2  # keeps enterprise grids apart, so no two of them overlap


@dataclass(frozen=True)
class SubSite:
    """A sub-community grid as a place to put enterprises."""

    code: str
    street: str        # street or park name, for the address
    in_park: bool
    polygon: BaseGeometry


@dataclass(frozen=True)
class EnterpriseGrid:
    code: str
    name: str
    parent_code: str
    geometry_json: str


@dataclass
class _Draft:
    spec: IndustrySpec
    scale: Scale
    risk: RiskLevel
    own_grid: bool = False


def _drafts(rng: random.Random, own_grids: int) -> list[_Draft]:
    drafts = [
        _Draft(spec, rng.choices(_SCALES, spec.scale)[0], rng.choices(_RISKS, spec.risk)[0])
        for spec in INDUSTRIES
        for _ in range(spec.count)
    ]
    # "Prefer the high-risk and the large": risk counts double, a random term breaks ties.
    def priority(d: _Draft) -> float:
        return 2 * (3 - _RISKS.index(d.risk)) + (3 - _SCALES.index(d.scale)) + rng.random()

    ranked = sorted(drafts, key=priority, reverse=True)
    for d in ranked[:own_grids]:
        d.own_grid = True
    return drafts


def _unique_name(rng: random.Random, spec: IndustrySpec, used: set[str]) -> str:
    for _ in range(200):
        name = rng.choice(spec.templates).format(b=rng.choice(names.BRANDS))
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError(f"ran out of names for {spec.name}")


def _site_weight(spec: IndustrySpec, site: SubSite) -> float:
    # Industrial units cluster in the parks; shops, schools and clinics follow the residents.
    if spec.industrial:
        return 6.0 if site.in_park else 1.0
    return 0.3 if site.in_park else 1.0


def _place(
    rng: random.Random, draft: _Draft, sites: Sequence[SubSite], placed: list[tuple[float, float]]
) -> tuple[SubSite, float, float, BaseGeometry]:
    """A site, a point (6 decimals) and its enterprise-grid rectangle wholly inside the site."""
    weights = [_site_weight(draft.spec, s) for s in sites]
    lo, hi = _HALF_METRES[draft.scale]
    while True:
        site = rng.choices(sites, weights)[0]
        hx = rng.uniform(lo, hi) / 1000 / KM_PER_DEG_LON
        hy = rng.uniform(lo, hi) / 1000 / KM_PER_DEG_LAT
        minx, miny, maxx, maxy = site.polygon.bounds
        for _ in range(30):
            lon, lat = round(rng.uniform(minx, maxx), 6), round(rng.uniform(miny, maxy), 6)
            rect = box(round(lon - hx, 6), round(lat - hy, 6), round(lon + hx, 6), round(lat + hy, 6))
            if not site.polygon.contains(rect):
                continue
            if any(
                math.hypot((lon - x) * KM_PER_DEG_LON, (lat - y) * KM_PER_DEG_LAT) < _MIN_SPACING_KM
                for x, y in placed
            ):
                continue
            placed.append((lon, lat))
            return site, lon, lat, rect


def make_enterprises(
    rng: random.Random, sites: Sequence[SubSite], own_grids: int
) -> tuple[list[EnterpriseRow], list[EnterpriseGrid]]:
    """All demo enterprises, and the enterprise grids of the `own_grids` with their own grid."""
    used_names: set[str] = set()
    used_codes: set[str] = set()
    placed: list[tuple[float, float]] = []
    per_site: dict[str, int] = {}
    rows: list[EnterpriseRow] = []
    grids: list[EnterpriseGrid] = []
    for draft in _drafts(rng, own_grids):
        name = _unique_name(rng, draft.spec, used_names)
        code = make_code(rng, DIVISION)
        while code in used_codes:
            code = make_code(rng, DIVISION)
        used_codes.add(code)
        site, lon, lat, rect = _place(rng, draft, sites, placed)
        grid_code = site.code
        if draft.own_grid:
            per_site[site.code] = per_site.get(site.code, 0) + 1
            grid_code = f"{site.code}-Q{per_site[site.code]}"
            grids.append(EnterpriseGrid(grid_code, name + "专属网格", site.code, to_json(rect)))
        rows.append(
            EnterpriseRow(
                name=name,
                credit_code=code,
                address=names.address(rng, site.street),
                lon=lon,
                lat=lat,
                industry_code=draft.spec.code,
                scale=draft.scale,
                risk=draft.risk,
                grid_code=grid_code,
                own_grid=draft.own_grid,
            )
        )
    return rows, grids
