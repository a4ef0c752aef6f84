"""Where an incident is: a map point, coordinates typed in, a grid, an enterprise, or address text
matched against enterprise addresses and names and grid names. The grid at every level is then
resolved from the point; a point outside the district is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

import shapely
from sqlalchemy import or_, select

from desktop.data.tables import Enterprise, Grid
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import TERRITORIAL_LEVELS, GridLevel
from desktop.domain.errors import ValidationError
from desktop.services.locate import GridLocator

MAX_TEXT = 300
_NUMBER = r"[-+]?\d{1,3}(?:\.\d+)?"
_COORDS = re.compile(rf"^\s*({_NUMBER})\s*[,，;；\s]\s*({_NUMBER})\s*$")


@dataclass(frozen=True)
class LocationInput:
    """One of: lon+lat (map right-click or typed), grid_id, enterprise_id, or text (an address,
    an enterprise or grid name, or "lon, lat"). The first one given in that order wins."""

    lon: float | None = None
    lat: float | None = None
    grid_id: int | None = None
    enterprise_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class LocationCandidate:
    kind: str              # "enterprise" | "grid"
    id: int
    label: str             # enterprise name, or grid name
    address: str           # enterprise address, or the grid's level
    lon: float
    lat: float
    exact: bool            # the text equals the address or name


@dataclass(frozen=True)
class ResolvedLocation:
    lon: float
    lat: float
    grids: dict[GridLevel, int]     # street, community, sub_community (and enterprise, if inside one)
    enterprise_id: int | None
    address: str                    # what to show when the dispatcher typed none


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """"117.18, 34.26" (lon, lat) or "34.26, 117.18" (lat, lon: the order is told by the ranges);
    None when the text is not a coordinate pair."""
    m = _COORDS.match(text or "")
    if not m:
        return None
    a, b = float(m.group(1)), float(m.group(2))
    if abs(a) <= 90 < abs(b) <= 180:
        return b, a
    if abs(b) <= 90 and abs(a) <= 180:
        return a, b
    return None


def _point(geometry: str) -> tuple[float, float]:
    p = shapely.from_geojson(geometry).representative_point()
    return round(p.x, 6), round(p.y, 6)


def location_candidates(uow: UnitOfWork, text: str, limit: int = 10) -> list[LocationCandidate]:
    """Enterprises whose address or name contains the text, then territorial grids whose name
    does; exact matches first. For the intake form's type-ahead."""
    t = (text or "").strip()
    if not t:
        return []
    s = uow.session
    out: list[LocationCandidate] = []
    for e in s.execute(select(Enterprise.id, Enterprise.name, Enterprise.address, Enterprise.lon, Enterprise.lat)
                       .where(or_(Enterprise.address.contains(t, autoescape=True),
                                  Enterprise.name.contains(t, autoescape=True)))
                       .order_by(Enterprise.name).limit(limit * 3)):
        out.append(LocationCandidate("enterprise", e.id, e.name, e.address, e.lon, e.lat,
                                     t in (e.address, e.name)))
    for g in s.execute(select(Grid.id, Grid.name, Grid.level, Grid.geometry)
                       .where(Grid.name.contains(t, autoescape=True), Grid.geometry.is_not(None),
                              Grid.level.in_([lv.value for lv in TERRITORIAL_LEVELS]))
                       .order_by(Grid.code).limit(limit * 3)):
        lon, lat = _point(g.geometry)
        out.append(LocationCandidate("grid", g.id, g.name, g.level, lon, lat, g.name == t))
    out.sort(key=lambda c: (not c.exact, c.kind != "enterprise", len(c.label)))
    return out[:limit]


def resolve_location(uow: UnitOfWork, loc: LocationInput, locator: GridLocator | None = None) -> ResolvedLocation:
    """The point and its grids; ValidationError("location", ...) when nothing usable is given,
    the text is ambiguous or matches nothing, or the point is outside the district."""
    s = uow.session
    enterprise_id = None
    address = ""
    if loc.enterprise_id is not None:
        e = s.get(Enterprise, loc.enterprise_id)
        if e is None:
            raise ValidationError("location", f"unknown enterprise {loc.enterprise_id!r}")
        lon, lat, enterprise_id, address = e.lon, e.lat, e.id, e.address or e.name
    elif loc.lon is not None or loc.lat is not None:
        try:
            lon, lat = float(loc.lon), float(loc.lat)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValidationError("location", "longitude and latitude must both be numbers") from None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValidationError("location", f"({lon}, {lat}) are not coordinates")
    elif loc.grid_id is not None:
        g = s.get(Grid, loc.grid_id)
        if g is None:
            raise ValidationError("location", f"unknown grid {loc.grid_id!r}")
        if not g.geometry:
            raise ValidationError("location", f"grid {g.name} has no area on the map; choose a territorial grid")
        (lon, lat), address = _point(g.geometry), g.name
    elif (loc.text or "").strip():
        text = loc.text.strip()
        if len(text) > MAX_TEXT:
            raise ValidationError("location", f"at most {MAX_TEXT} characters")
        coords = parse_coordinates(text)
        if coords is not None:
            lon, lat = coords
        else:
            found = location_candidates(uow, text, limit=20)
            exact = [c for c in found if c.exact]
            pick = exact if exact else found
            if not pick:
                raise ValidationError("location", f"no enterprise address or grid name matches {text!r}")
            if len(pick) > 1:
                raise ValidationError("location", f"{text!r} matches {len(pick)} places; choose one")
            c = pick[0]
            lon, lat = c.lon, c.lat
            enterprise_id = c.id if c.kind == "enterprise" else None
            address = c.address if c.kind == "enterprise" else c.label
    else:
        raise ValidationError("location", "give a point on the map, coordinates, a grid, an enterprise or an address")
    locator = locator or GridLocator.from_session(s)
    grids = locator.locate(lon, lat)
    if GridLevel.SUB_COMMUNITY not in grids:
        raise ValidationError("location", f"({lon:.6f}, {lat:.6f}) is outside the district")
    return ResolvedLocation(round(lon, 6), round(lat, 6), grids, enterprise_id, address or f"{lon:.6f}, {lat:.6f}")
