"""User-imported GeoJSON overlays (key facilities, evacuation sites): validated, all or nothing.

An import either stores the whole file as one overlay or refuses it with a ValidationError that
names the field and the problem ("feature 12 (“中心小学”): polygon is not valid: Self-intersection").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import shapely
from sqlalchemy import func, select

from desktop.data.map_tables import MapOverlay
from desktop.data.tables import Grid
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.services.common import Actor, Permission, clean_name, get_or_404, require

MAX_BYTES = 8 * 1024 * 1024
MAX_FEATURES = 10_000
GEOMETRY_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
NAME_KEYS = ("name", "名称", "NAME", "Name", "title", "mc")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
NEAR_DEG = 0.5  # an overlay must lie within ~50 km of the district


@dataclass(frozen=True)
class OverlayInfo:
    id: int
    name: str
    colour: str
    feature_count: int
    source_name: str
    version: int


def _describe(i: int, feature: dict) -> str:
    props = feature.get("properties") or {}
    label = next((str(props[k]) for k in NAME_KEYS if isinstance(props, dict) and props.get(k)), "")
    return f"feature {i + 1}" + (f" (“{label[:40]}”)" if label else "")


def _features(doc: object) -> list[dict]:
    if not isinstance(doc, dict) or "type" not in doc:
        raise ValidationError("file", "is not GeoJSON: expected an object with a \"type\"")
    kind = doc["type"]
    if kind == "FeatureCollection":
        feats = doc.get("features")
        if not isinstance(feats, list):
            raise ValidationError("file", "the FeatureCollection has no \"features\" list")
        return feats
    if kind == "Feature":
        return [doc]
    if kind in GEOMETRY_TYPES:
        return [{"type": "Feature", "properties": {}, "geometry": doc}]
    raise ValidationError("file", f"unsupported GeoJSON type {kind!r}")


def _district_box(uow: UnitOfWork) -> tuple[float, float, float, float] | None:
    rows = uow.session.scalars(select(Grid.geometry).where(Grid.level == GridLevel.STREET,
                                                           Grid.geometry.is_not(None))).all()
    if not rows:
        return None
    return tuple(shapely.total_bounds(shapely.from_geojson(list(rows))))  # type: ignore[return-value]


def validate_geojson(text: str | bytes, district_box: tuple[float, float, float, float] | None = None
                     ) -> tuple[str, int]:
    """The file as a compact FeatureCollection and its feature count; ValidationError on any fault."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise ValidationError("file", f"is {len(text) / 1e6:.1f} MB; at most {MAX_BYTES // 2**20} MB")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError("file", f"is not UTF-8 text (byte {exc.start})") from None
    if len(text) > MAX_BYTES:
        raise ValidationError("file", f"is {len(text) / 1e6:.1f} MB; at most {MAX_BYTES // 2**20} MB")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError("file", f"is not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    feats = _features(doc)
    if not feats:
        raise ValidationError("file", "holds no features")
    if len(feats) > MAX_FEATURES:
        raise ValidationError("file", f"holds {len(feats)} features; at most {MAX_FEATURES}")
    clean: list[dict] = []
    for i, f in enumerate(feats):
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise ValidationError("file", f"feature {i + 1} is not a GeoJSON Feature")
        what = _describe(i, f)
        geom = f.get("geometry")
        if not isinstance(geom, dict) or geom.get("type") not in GEOMETRY_TYPES:
            kind = geom.get("type") if isinstance(geom, dict) else geom
            raise ValidationError("file", f"{what}: geometry type {kind!r} is not supported "
                                          f"({', '.join(GEOMETRY_TYPES)})")
        try:
            shape = shapely.from_geojson(json.dumps(geom))
        except Exception as exc:  # GEOSException for broken rings, missing coordinates...
            raise ValidationError("file", f"{what}: broken geometry: {exc}") from None
        if shape.is_empty:
            raise ValidationError("file", f"{what}: the geometry is empty")
        minx, miny, maxx, maxy = shape.bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise ValidationError("file", f"{what}: coordinates ({minx:g}, {miny:g}) are not longitude/"
                                          "latitude; export the file in WGS-84 (EPSG:4326)")
        if not shape.is_valid:
            raise ValidationError("file", f"{what}: {geom['type']} is not valid: "
                                          f"{shapely.is_valid_reason(shape)}")
        if district_box is not None:
            bx0, by0, bx1, by1 = district_box
            if maxx < bx0 - NEAR_DEG or minx > bx1 + NEAR_DEG or maxy < by0 - NEAR_DEG or miny > by1 + NEAR_DEG:
                raise ValidationError("file", f"{what} lies at ({minx:.4f}, {miny:.4f}), far outside the "
                                              "district; is it in WGS-84 longitude/latitude?")
        props = f.get("properties")
        clean.append({"type": "Feature", "properties": props if isinstance(props, dict) else {},
                      "geometry": geom})
    out = json.dumps({"type": "FeatureCollection", "features": clean}, ensure_ascii=False,
                     separators=(",", ":"))
    return out, len(clean)


def import_overlay(uow: UnitOfWork, actor: Actor, name: str, colour: str, text: str | bytes,
                   source_name: str = "") -> int:
    """Store a GeoJSON file as a named, coloured overlay. Nothing is written unless all is valid."""
    require(actor, Permission.EDIT_REFERENCE)
    clean = clean_name("name", name, 80)
    colour = (colour or "").strip()
    if not COLOUR.match(colour):
        raise ValidationError("colour", f"{colour!r} is not a colour like #1f77b4")
    s = uow.session
    if s.scalar(select(func.count()).select_from(MapOverlay).where(MapOverlay.name == clean)):
        raise ValidationError("name", f"an overlay named {clean} already exists")
    geojson, count = validate_geojson(text, _district_box(uow))
    row = MapOverlay(name=clean, colour=colour.lower(), geojson=geojson, feature_count=count,
                     source_name=source_name[-260:], created_at=utcnow(), created_by=actor.username)
    s.add(row)
    uow.flush()
    uow.record(actor.username, "map_overlay", row.id, "created",
               f"overlay {clean} ({count} features) from {source_name or 'a file'}")
    uow.commit()
    return row.id


def list_overlays(uow: UnitOfWork) -> list[OverlayInfo]:
    rows = uow.session.execute(select(MapOverlay.id, MapOverlay.name, MapOverlay.colour,
                                      MapOverlay.feature_count, MapOverlay.source_name,
                                      MapOverlay.version).order_by(MapOverlay.name))
    return [OverlayInfo(*r) for r in rows]


def delete_overlay(uow: UnitOfWork, actor: Actor, overlay_id: int) -> None:
    require(actor, Permission.EDIT_REFERENCE)
    row = get_or_404(uow.session, MapOverlay, overlay_id, "map overlay")
    uow.session.delete(row)
    uow.record(actor.username, "map_overlay", overlay_id, "deleted", f"overlay {row.name}")
    uow.commit()
