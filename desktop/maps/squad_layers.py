"""The dispatch feature's map layers: micro fire engines and open incidents (issue 5).

Vehicles stand at their live position (tracker fix, or home) coloured by status; a status change
("vehicle" updated) or a position report ("vehicle" moved) re-sends that one vehicle. Incidents
are the open ones (reported .. handed over) coloured by status, ringed red while no unit is on
its way; an "incident" change re-sends those ids, and a closed (or merged) one is removed.
"""

from __future__ import annotations

from desktop.data.uow import UnitOfWork
from desktop.domain.incident import OPEN, IncidentStatus
from desktop.domain.squad import VehicleStatus
from desktop.maps.layers import POINTS, QT_TRANSLATE_NOOP, Layer, Points, Update
from desktop.services import incident_queries, positions

V = VehicleStatus
VEHICLE_COLOURS = {
    V.AVAILABLE: "#1b5e20", V.DISPATCHED: "#b71c1c", V.EN_ROUTE: "#e65100", V.ON_SCENE: "#6a1b9a",
    V.RETURNING: "#01579b", V.MAINTENANCE: "#607d8b",
}
VEHICLE_TITLES = {
    V.AVAILABLE: QT_TRANSLATE_NOOP("MapLayers", "Fire engine: available"),
    V.DISPATCHED: QT_TRANSLATE_NOOP("MapLayers", "Fire engine: dispatched"),
    V.EN_ROUTE: QT_TRANSLATE_NOOP("MapLayers", "Fire engine: en route"),
    V.ON_SCENE: QT_TRANSLATE_NOOP("MapLayers", "Fire engine: on scene"),
    V.RETURNING: QT_TRANSLATE_NOOP("MapLayers", "Fire engine: returning"),
    V.MAINTENANCE: QT_TRANSLATE_NOOP("MapLayers", "Fire engine: maintenance"),
}

I = IncidentStatus  # noqa: E741 - a short alias for the table below
# Same hues as the incident list's status badges (desktop/labels.py INCIDENT_STATUS_COLOURS).
INCIDENT_COLOURS = {I.REPORTED: "#d50000", I.DISPATCHED: "#ff6d00", I.ON_SCENE: "#aa00ff",
                    I.HANDED_OVER: "#2962ff"}
INCIDENT_TITLES = {
    I.REPORTED: QT_TRANSLATE_NOOP("MapLayers", "Incident: reported, awaiting dispatch"),
    I.DISPATCHED: QT_TRANSLATE_NOOP("MapLayers", "Incident: squad dispatched"),
    I.ON_SCENE: QT_TRANSLATE_NOOP("MapLayers", "Incident: squad on scene"),
    I.HANDED_OVER: QT_TRANSLATE_NOOP("MapLayers", "Incident: handed over to fire and rescue"),
}

VEHICLE_COLUMNS = ("id", "lon", "lat", "name", "plate", "squad", "status", "incident")


def _vehicle_rows(uow: UnitOfWork, ids: set[int] | None = None) -> list[list]:
    return [[str(v.id), v.lon, v.lat, v.name, _plate(v.name), v.sub_squad, str(v.status), v.incident_code or ""]
            for v in positions.vehicle_positions(uow, ids) if v.lon is not None and v.lat is not None]


def _plate(name: str) -> str:
    """The badge text: the engine's number ("微型消防车2号" -> "2"), else its name."""
    digits = "".join(ch for ch in name if ch.isdigit())
    return digits or name


def vehicle_update(uow: UnitOfWork, ids: set[str]) -> Update:
    wanted = {int(i) for i in ids if i.isdigit()}
    rows = _vehicle_rows(uow, wanted)
    gone = wanted - {int(r[0]) for r in rows}
    return Update(Points(VEHICLE_COLUMNS, rows), tuple(str(i) for i in sorted(gone)))


VEHICLES = Layer(
    id="vehicles",
    title=QT_TRANSLATE_NOOP("MapLayers", "Micro fire engines"),
    kind=POINTS,
    build=lambda uow: Points(VEHICLE_COLUMNS, _vehicle_rows(uow)),
    update=vehicle_update,
    entities=frozenset({"vehicle"}),
    searchable=True,
    style={
        "shape": "icon", "iconClass": "sg-vehicle", "text": "plate", "colorBy": "status",
        "colors": {str(k): v for k, v in VEHICLE_COLOURS.items()}, "tooltip": "name",
        "popup": [["squad", QT_TRANSLATE_NOOP("MapLayers", "Sub-squad")],
                  ["incident", QT_TRANSLATE_NOOP("MapLayers", "Incident")]],
        "legend": [[VEHICLE_COLOURS[s], VEHICLE_TITLES[s]] for s in VEHICLE_COLOURS],
        "legendKind": "square",
    },
)

INCIDENT_COLUMNS = ("id", "lon", "lat", "name", "code", "status", "type", "severity", "address",
                    "units", "waiting")


def _incident_rows(points: list[incident_queries.IncidentMapPoint]) -> list[list]:
    return [[str(p.id), p.lon, p.lat, f"{p.code} {p.address}", p.code, str(p.status), str(p.type),
             str(p.severity), p.address, p.units_active, int(p.units_active == 0)] for p in points]


def incident_points(uow: UnitOfWork) -> Points:
    return Points(INCIDENT_COLUMNS, _incident_rows(incident_queries.open_incidents_for_map(uow)))


def incident_update(uow: UnitOfWork, ids: set[str]) -> Update:
    wanted = {int(i) for i in ids if i.isdigit()}
    fresh = [p for p in incident_queries.incident_map_points(uow, wanted) if p.status in OPEN]
    gone = wanted - {p.id for p in fresh}  # closed, merged or deleted: off the map
    return Update(Points(INCIDENT_COLUMNS, _incident_rows(fresh)), tuple(str(i) for i in sorted(gone)))


INCIDENTS = Layer(
    id="incidents",
    title=QT_TRANSLATE_NOOP("MapLayers", "Open incidents"),
    kind=POINTS,
    build=incident_points,
    update=incident_update,
    entities=frozenset({"incident"}),
    searchable=True,
    style={
        "shape": "icon", "iconClass": "sg-incident", "text": "code", "colorBy": "status",
        "colors": {str(k): v for k, v in INCIDENT_COLOURS.items()}, "flag": "waiting", "tooltip": "name",
        "popup": [["code", QT_TRANSLATE_NOOP("MapLayers", "Incident number")],
                  ["address", QT_TRANSLATE_NOOP("MapLayers", "Address")],
                  ["units", QT_TRANSLATE_NOOP("MapLayers", "Units engaged")]],
        "legend": [[INCIDENT_COLOURS[s], INCIDENT_TITLES[s]] for s in INCIDENT_COLOURS],
        "legendKind": "square",
    },
)
