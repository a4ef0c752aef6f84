"""User-imported GeoJSON overlays: one map layer per overlay, defined from the database rows."""

from __future__ import annotations

import json

from desktop.data.map_tables import MapOverlay
from desktop.data.uow import UnitOfWork
from desktop.maps.layers import POLYGONS, Feature, Features, Layer
from desktop.services.overlays import NAME_KEYS, OverlayInfo


def overlay_layer_id(overlay_id: int) -> str:
    return f"overlay_{overlay_id}"


def overlay_features(uow: UnitOfWork, overlay_id: int) -> Features:
    row = uow.session.get(MapOverlay, overlay_id)
    if row is None:
        return Features([])
    doc = json.loads(row.geojson)
    feats = []
    for i, f in enumerate(doc["features"]):
        props = f.get("properties") or {}
        name = next((str(props[k]) for k in NAME_KEYS if props.get(k)), "")
        shown = {k: v for k, v in props.items() if isinstance(v, str | int | float)}
        feats.append(Feature(f"{overlay_id}:{i}", {"n": name or row.name, "p": shown},
                             json.dumps(f["geometry"], separators=(",", ":"))))
    return Features(feats)


def overlay_layer(info: OverlayInfo) -> Layer:
    """The layer of one overlay: its own colour; a re-import or deletion rebuilds it whole."""
    return Layer(
        id=overlay_layer_id(info.id), title=info.name, kind=POLYGONS,
        build=lambda uow: overlay_features(uow, info.id),
        style={"color": info.colour, "weight": 2, "fillColor": info.colour, "fillOpacity": 0.25,
               "radius": 7, "minZoom": 0, "labelMinZoom": 15, "labelClass": "sg-label-overlay",
               "legend": [[info.colour, info.name]], "legendKind": "square", "popupProps": True},
        entities=frozenset(), group="overlays", searchable=True,
    )
