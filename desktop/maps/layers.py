"""The layer mechanism: what a map layer is, its payloads, and the registry the map screen reads.

A layer is data plus a style, never Qt and never folium:

    Layer(
        id="hazards",                                        # unique, also the JS key
        title=QT_TRANSLATE_NOOP("MapLayers", "Open hazards"),  # English; the Qt side translates
        kind=POINTS,                                         # POINTS (compact rows) or POLYGONS (GeoJSON)
        build=hazard_points,                                 # fn(uow) -> Points | Features (all of it)
        style=PointStyle(...).as_dict(),                     # how the page draws it (see below)
        entities=frozenset({"hazard"}),                      # change-feed entities that touch it
        update=hazard_points_update,                         # fn(uow, ids) -> Update  (optional)
    )

The map screen builds every layer off the GUI thread, caches the payload (as JSON text) until a
change-feed row of one of `entities` arrives, then calls `update(uow, ids)` with the entity ids
of that batch and pushes the small result to the page (add / update / remove by id: the view and
open popup stay). A layer without `update` is rebuilt whole on such a change.

Payloads are compact: `Points` are rows of a fixed column list whose first three columns are
always id, lon, lat; `Features` are GeoJSON features (geometry kept as the JSON text the database
holds, so 1,273 grids cost no parse). Ids are strings in the page.

Styles are plain dicts the page understands (resources/map/safegrid-map.js documents every key).
User-visible texts in them (titles, legend labels) are English wrapped in QT_TRANSLATE_NOOP with
the context "MapLayers": lupdate collects them and the Qt side translates them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.data.feed import Changes
from desktop.data.uow import UnitOfWork

POINTS = "points"
POLYGONS = "polygons"
# Change-feed entities after which every layer is rebuilt whole (a demo district loaded over the data).
REBUILD_ALL = frozenset({"district"})


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation without Qt: lupdate collects it, the Qt side translates it."""
    return text


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Points:
    """Rows of `columns`; columns[:3] == ("id", "lon", "lat")."""

    columns: tuple[str, ...]
    rows: list[list[Any]]

    def __post_init__(self) -> None:
        if tuple(self.columns[:3]) != ("id", "lon", "lat"):
            raise ValueError(f"point columns must start with id, lon, lat, not {self.columns[:3]}")

    def __len__(self) -> int:
        return len(self.rows)

    def json(self) -> str:
        return _dumps({"kind": POINTS, "columns": list(self.columns), "rows": self.rows})


@dataclass(frozen=True)
class Feature:
    id: int | str
    properties: Mapping[str, Any]
    geometry: str  # GeoJSON geometry as JSON text

    def json(self) -> str:
        return (f'{{"type":"Feature","id":{_dumps(str(self.id))},'
                f'"properties":{_dumps(dict(self.properties))},"geometry":{self.geometry}}}')


@dataclass(frozen=True)
class Features:
    """GeoJSON features (mostly polygons; imported overlays may hold points and lines too)."""

    features: list[Feature]

    def __len__(self) -> int:
        return len(self.features)

    def json(self) -> str:
        return '{"kind":"polygons","features":[' + ",".join(f.json() for f in self.features) + "]}"


Payload = Points | Features


@dataclass(frozen=True)
class Update:
    """A small change to a layer: rows/features to add or replace (by id), ids to remove."""

    upsert: Points | Features | None = None
    remove: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.remove) or (self.upsert is not None and len(self.upsert) > 0)

    def json(self) -> str:
        up = self.upsert.json() if self.upsert is not None else "null"
        return f'{{"upsert":{up},"remove":{_dumps([str(i) for i in self.remove])}}}'


@dataclass(frozen=True)
class Layer:
    id: str
    title: str
    kind: str
    build: Callable[[UnitOfWork], Payload]
    style: Mapping[str, Any]
    entities: frozenset[str] = frozenset()
    update: Callable[[UnitOfWork, set[str]], Update] | None = None
    visible: bool = True          # shown when the map opens
    group: str = "points"         # "grids", "points" or "overlays": where the layer panel lists it
    searchable: bool = False      # the map's search box looks in it (by name)

    def __post_init__(self) -> None:
        if self.kind not in (POINTS, POLYGONS):
            raise ValueError(f"layer {self.id}: kind must be {POINTS!r} or {POLYGONS!r}")

    def definition(self, translate: Callable[[str], str] = lambda s: s) -> dict[str, Any]:
        """What the page needs to set the layer up (titles and legend labels translated)."""
        style = dict(self.style)
        if "legend" in style:
            style["legend"] = [[colour, translate(text)] for colour, text in style["legend"]]
        if "popup" in style:  # the popup's row captions are QT_TRANSLATE_NOOP texts too
            style["popup"] = [[column, translate(text)] for column, text in style["popup"]]
        return {"id": self.id, "title": translate(self.title), "kind": self.kind, "style": style,
                "visible": self.visible, "group": self.group, "searchable": self.searchable}


@dataclass
class LayerRegistry:
    """The map's layers in drawing order (first drawn lowest)."""

    _layers: dict[str, Layer] = field(default_factory=dict)

    def add(self, layer: Layer) -> Layer:
        if layer.id in self._layers:
            raise ValueError(f"a map layer {layer.id!r} is already registered")
        self._layers[layer.id] = layer
        return layer

    def extend(self, layers: Iterable[Layer]) -> None:
        for layer in layers:
            self.add(layer)

    def remove(self, layer_id: str) -> None:
        self._layers.pop(layer_id, None)

    def get(self, layer_id: str) -> Layer:
        return self._layers[layer_id]

    def __contains__(self, layer_id: object) -> bool:
        return layer_id in self._layers

    def __iter__(self) -> Iterator[Layer]:
        return iter(list(self._layers.values()))

    def __len__(self) -> int:
        return len(self._layers)

    def ids(self) -> list[str]:
        return list(self._layers)

    def affected(self, changes: Changes) -> dict[str, set[str] | None]:
        """Layer id -> the entity ids to update incrementally, or None to rebuild it whole."""
        out: dict[str, set[str] | None] = {}
        if changes.touches(*REBUILD_ALL):
            return {layer.id: None for layer in self}
        for layer in self:
            hits = [c for c in changes.items if c.entity in layer.entities]
            if not hits:
                continue
            out[layer.id] = {c.entity_id for c in hits} if layer.update is not None else None
        return out


def build_payloads(uow: UnitOfWork, layers: Sequence[Layer]) -> dict[str, str]:
    """Every layer's full payload as JSON text, in one unit of work (run it on a worker)."""
    return {layer.id: layer.build(uow).json() for layer in layers}
