"""The foundation's layers: grids by level, enterprises by risk, cameras (视频定位).

Grid geometry goes to the page as the GeoJSON text the database holds; a label point (a point
surely inside the polygon) is computed here once so the page never has to.
"""

from __future__ import annotations

import shapely
from sqlalchemy import select

from desktop.data.map_tables import Camera
from desktop.data.tables import Enterprise, Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, RiskLevel
from desktop.maps.layers import POINTS, POLYGONS, QT_TRANSLATE_NOOP, Feature, Features, Layer, Points, Update

RISK_COLOURS = {
    RiskLevel.RED: "#d7263d",
    RiskLevel.ORANGE: "#f46036",
    RiskLevel.YELLOW: "#e8c547",
    RiskLevel.BLUE: "#2e86de",
}

# Per level: stroke, weight, fill, fill opacity, dash, shown from zoom, labels from zoom.
GRID_STYLES: dict[GridLevel, dict] = {
    # Streets are drawn last (on top of their communities' edges) as outlines: a click inside a
    # street lands on the community beneath; a click on the thick border selects the street.
    GridLevel.STREET: {"color": "#c62828", "weight": 3.2, "fill": False, "minZoom": 0,
                       "labelMinZoom": 11, "labelClass": "sg-label-street"},
    GridLevel.COMMUNITY: {"color": "#1565c0", "weight": 1.2, "fillColor": "#e3f2fd", "fillOpacity": 0.25,
                          "minZoom": 0, "labelMinZoom": 14.5, "labelClass": "sg-label-community"},
    GridLevel.SUB_COMMUNITY: {"color": "#546e7a", "weight": 0.8, "dashArray": "4 3", "fillColor": "#90a4ae",
                              "fillOpacity": 0.02, "minZoom": 14, "labelMinZoom": 16,
                              "labelClass": "sg-label-sub"},
    GridLevel.ENTERPRISE: {"color": "#6a1b9a", "weight": 1.2, "fillColor": "#ce93d8", "fillOpacity": 0.35,
                           "minZoom": 14, "labelMinZoom": 17, "labelClass": "sg-label-enterprise"},
}

GRID_TITLES = {
    GridLevel.STREET: QT_TRANSLATE_NOOP("MapLayers", "Street / park grids"),
    GridLevel.COMMUNITY: QT_TRANSLATE_NOOP("MapLayers", "Community grids"),
    GridLevel.SUB_COMMUNITY: QT_TRANSLATE_NOOP("MapLayers", "Sub-community grids"),
    GridLevel.ENTERPRISE: QT_TRANSLATE_NOOP("MapLayers", "Enterprise grids"),
}


def grid_layer_id(level: GridLevel) -> str:
    return f"grids_{level.value}"


def _grid_features(uow: UnitOfWork, level: GridLevel, ids: set[int] | None = None) -> list[Feature]:
    q = (select(Grid.id, Grid.code, Grid.name, Grid.geometry, GridOfficer.name.label("officer"))
         .outerjoin(GridOfficer, Grid.officer_id == GridOfficer.id)
         .where(Grid.level == level, Grid.geometry.is_not(None)).order_by(Grid.code))
    if ids is not None:
        q = q.where(Grid.id.in_(ids))
    rows = uow.session.execute(q).all()
    if not rows:
        return []
    points = shapely.point_on_surface(shapely.from_geojson([r.geometry for r in rows]))
    return [
        Feature(r.id, {"n": r.name, "c": r.code, "o": r.officer or "",
                       "lp": [round(p.x, 6), round(p.y, 6)]}, r.geometry)
        for r, p in zip(rows, points, strict=True)
    ]


def grid_layer(level: GridLevel) -> Layer:
    def build(uow: UnitOfWork) -> Features:
        return Features(_grid_features(uow, level))

    def update(uow: UnitOfWork, ids: set[str]) -> Update:
        wanted = {int(i) for i in ids if i.isdigit()}
        fresh = _grid_features(uow, level, wanted)
        found = {int(f.id) for f in fresh}
        # A grid that left this level (or was deleted) is removed; one that is not ours is ignored.
        return Update(Features(fresh), tuple(str(i) for i in sorted(wanted - found)))

    style = {**GRID_STYLES[level], "level": level.value,
             "legend": [[GRID_STYLES[level]["color"], GRID_TITLES[level]]], "legendKind": "line"}
    return Layer(
        id=grid_layer_id(level), title=GRID_TITLES[level], kind=POLYGONS, build=build, style=style,
        entities=frozenset({"grid"}), update=update, group="grids", searchable=True,
    )


# -- enterprises -------------------------------------------------------------------------------

ENTERPRISE_COLUMNS = ("id", "lon", "lat", "name", "risk", "tier", "grid", "dept")


def _enterprise_rows(uow: UnitOfWork, ids: set[int] | None = None) -> list[list]:
    q = select(Enterprise.id, Enterprise.lon, Enterprise.lat, Enterprise.name, Enterprise.risk,
               Enterprise.tier, Enterprise.grid_id, Enterprise.lead_department_id).order_by(Enterprise.id)
    if ids is not None:
        q = q.where(Enterprise.id.in_(ids))
    return [[str(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7]] for r in uow.session.execute(q)]


def enterprise_points(uow: UnitOfWork) -> Points:
    return Points(ENTERPRISE_COLUMNS, _enterprise_rows(uow))


def enterprise_update(uow: UnitOfWork, ids: set[str]) -> Update:
    wanted = {int(i) for i in ids if i.isdigit()}
    rows = _enterprise_rows(uow, wanted)
    gone = wanted - {int(r[0]) for r in rows}
    return Update(Points(ENTERPRISE_COLUMNS, rows), tuple(str(i) for i in sorted(gone)))


ENTERPRISES = Layer(
    id="enterprises",
    title=QT_TRANSLATE_NOOP("MapLayers", "Enterprises by risk"),
    kind=POINTS,
    build=enterprise_points,
    update=enterprise_update,
    # A rule change re-routes enterprises (their lead department): the feed names the industry,
    # so that rebuilds the layer whole (420 points, cheap).
    entities=frozenset({"enterprise"}),
    searchable=True,
    style={
        "shape": "circle", "radius": 6, "colorBy": "risk", "colors": {k.value: v for k, v in RISK_COLOURS.items()},
        "order": ["red", "orange", "yellow", "blue"],  # drawn last = on top: red above the rest
        "cluster": {"disableAtZoom": 15, "maxRadius": 45},
        "tooltip": "name",
        "legend": [
            [RISK_COLOURS[RiskLevel.RED], QT_TRANSLATE_NOOP("MapLayers", "Red risk (major)")],
            [RISK_COLOURS[RiskLevel.ORANGE], QT_TRANSLATE_NOOP("MapLayers", "Orange risk (high)")],
            [RISK_COLOURS[RiskLevel.YELLOW], QT_TRANSLATE_NOOP("MapLayers", "Yellow risk (moderate)")],
            [RISK_COLOURS[RiskLevel.BLUE], QT_TRANSLATE_NOOP("MapLayers", "Blue risk (low)")],
        ],
    },
)


# -- cameras -----------------------------------------------------------------------------------

CAMERA_COLUMNS = ("id", "lon", "lat", "name", "code", "stream")


def _camera_rows(uow: UnitOfWork, ids: set[int] | None = None) -> list[list]:
    q = select(Camera.id, Camera.lon, Camera.lat, Camera.name, Camera.code, Camera.stream_url).order_by(Camera.id)
    if ids is not None:
        q = q.where(Camera.id.in_(ids))
    return [[str(r[0]), r[1], r[2], r[3], r[4], r[5]] for r in uow.session.execute(q)]


def camera_update(uow: UnitOfWork, ids: set[str]) -> Update:
    wanted = {int(i) for i in ids if i.isdigit()}
    rows = _camera_rows(uow, wanted)
    gone = wanted - {int(r[0]) for r in rows}
    return Update(Points(CAMERA_COLUMNS, rows), tuple(str(i) for i in sorted(gone)))


CAMERAS = Layer(
    id="cameras",
    title=QT_TRANSLATE_NOOP("MapLayers", "Video points"),
    kind=POINTS,
    build=lambda uow: Points(CAMERA_COLUMNS, _camera_rows(uow)),
    update=camera_update,
    entities=frozenset({"camera"}),
    searchable=True,
    style={
        "shape": "icon", "iconClass": "sg-camera", "text": "", "color": "#263238", "tooltip": "name",
        "minZoom": 14,
        "popup": [["code", QT_TRANSLATE_NOOP("MapLayers", "Camera code")],
                  ["stream", QT_TRANSLATE_NOOP("MapLayers", "Stream address")]],
        "legend": [["#263238", QT_TRANSLATE_NOOP("MapLayers", "Video point (视频定位)")]],
        "legendKind": "square",
    },
)
