"""Squad members on the map. ONE function decides where they are: `member_positions(uow, ids)`.

A member stands at their live position (the newest tracker fix, or the home position the roster
loaded) from `desktop.services.positions`, coloured by status. A member with no position at all
stands at the representative point of their home grid (members sharing a grid are fanned out
~40 m apart so each stays clickable). A status change ("squad_member" updated) or a position
report ("squad_member" moved) re-sends only that member: the page moves and recolours one marker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from sqlalchemy import select

from desktop.data.tables import Grid, SquadMember
from desktop.data.uow import UnitOfWork
from desktop.domain.squad import MemberStatus
from desktop.maps.layers import POINTS, QT_TRANSLATE_NOOP, Layer, Points, Update
from desktop.services import positions

S = MemberStatus
# Same hues as the board's status badges (desktop/labels.py MEMBER_STATUS_COLOURS).
STATUS_COLOURS = {
    S.AVAILABLE: "#2e7d32", S.DISPATCHED: "#d32f2f", S.EN_ROUTE: "#f57c00", S.ON_SCENE: "#8e24aa",
    S.RETURNING: "#0288d1", S.OFF_DUTY: "#78909c", S.TRAINING: "#00897b", S.LEAVE: "#b0bec5",
}
STATUS_TITLES = {
    S.AVAILABLE: QT_TRANSLATE_NOOP("MapLayers", "Member: available"),
    S.DISPATCHED: QT_TRANSLATE_NOOP("MapLayers", "Member: dispatched"),
    S.EN_ROUTE: QT_TRANSLATE_NOOP("MapLayers", "Member: en route"),
    S.ON_SCENE: QT_TRANSLATE_NOOP("MapLayers", "Member: on scene"),
    S.RETURNING: QT_TRANSLATE_NOOP("MapLayers", "Member: returning"),
    S.OFF_DUTY: QT_TRANSLATE_NOOP("MapLayers", "Member: off duty"),
    S.TRAINING: QT_TRANSLATE_NOOP("MapLayers", "Member: training"),
    S.LEAVE: QT_TRANSLATE_NOOP("MapLayers", "Member: on leave"),
}


@dataclass(frozen=True)
class MemberPosition:
    id: int
    name: str
    call_sign: str
    sub_squad: str
    role: str
    phone: str
    lon: float
    lat: float
    status: str = S.AVAILABLE
    source: str = "home_grid"    # tracker | simulated | home | manual | home_grid (no position known)
    incident: str = ""           # the incident code while engaged


def _home_grid_points(uow: UnitOfWork, wanted: set[int]) -> dict[int, tuple[float, float]]:
    """Fallback places for members without any position: their home grid, fanned out."""
    rows = uow.session.execute(select(SquadMember.id, SquadMember.home_grid_id, Grid.geometry)
                               .outerjoin(Grid, SquadMember.home_grid_id == Grid.id)
                               .order_by(SquadMember.id)).all()
    # The fan-out index counts over all members, so a partial update places a member where the
    # full build does.
    sharing: dict[int | None, list[int]] = {}
    for r in rows:
        sharing.setdefault(r.home_grid_id, []).append(r.id)
    out = {}
    for r in rows:
        if r.id not in wanted or not r.geometry:
            continue
        p = shapely.from_geojson(r.geometry).representative_point()
        k = sharing[r.home_grid_id].index(r.id)
        angle, dist = k * 2.4, 0.0004 * math.sqrt(k)  # golden-angle spiral: neighbours never stack
        out[r.id] = (round(p.x + dist * math.cos(angle), 6), round(p.y + dist * math.sin(angle), 6))
    return out


def member_positions(uow: UnitOfWork, ids: set[int] | None = None) -> list[MemberPosition]:
    """Where every squad member (or those in `ids`) is now, and their status. THE source of the
    member layer; members with neither a position nor a home grid are not drawn."""
    live = positions.member_positions(uow, ids)
    if not live:
        return []
    found = [m.id for m in live]
    extra = {r.id: (r.role, r.phone) for r in uow.session.execute(
        select(SquadMember.id, SquadMember.role, SquadMember.phone).where(SquadMember.id.in_(found)))}
    unplaced = {m.id for m in live if m.lon is None or m.lat is None}
    homes = _home_grid_points(uow, unplaced) if unplaced else {}
    out = []
    for m in sorted(live, key=lambda p: p.id):
        if m.id in unplaced:
            if m.id not in homes:
                continue
            (lon, lat), source = homes[m.id], "home_grid"
        else:
            lon, lat, source = m.lon, m.lat, m.source or "home"
        role, phone = extra.get(m.id, ("", ""))
        out.append(MemberPosition(m.id, m.name, m.call_sign, m.sub_squad, role, phone, lon, lat,
                                  str(m.status), source, m.incident_code or ""))
    return out


MEMBER_COLUMNS = ("id", "lon", "lat", "name", "call_sign", "squad", "role", "phone", "status", "incident")


def _rows(items: list[MemberPosition]) -> list[list]:
    return [[str(m.id), m.lon, m.lat, m.name, m.call_sign, m.sub_squad, m.role, m.phone, m.status, m.incident]
            for m in items]


def member_points(uow: UnitOfWork) -> Points:
    return Points(MEMBER_COLUMNS, _rows(member_positions(uow)))


def member_update(uow: UnitOfWork, ids: set[str]) -> Update:
    wanted = {int(i) for i in ids if i.isdigit()}
    fresh = member_positions(uow, wanted)
    gone = wanted - {m.id for m in fresh}
    return Update(Points(MEMBER_COLUMNS, _rows(fresh)), tuple(str(i) for i in sorted(gone)))


MEMBERS = Layer(
    id="members",
    title=QT_TRANSLATE_NOOP("MapLayers", "Squad members"),
    kind=POINTS,
    build=member_points,
    update=member_update,
    # "updated": a status change; "moved": a position report (desktop/services/positions.py).
    entities=frozenset({"squad_member"}),
    searchable=True,
    style={
        "shape": "icon", "iconClass": "sg-member", "text": "call_sign", "colorBy": "status",
        "colors": {str(k): v for k, v in STATUS_COLOURS.items()}, "tooltip": "name",
        "popup": [["call_sign", QT_TRANSLATE_NOOP("MapLayers", "Call sign")],
                  ["squad", QT_TRANSLATE_NOOP("MapLayers", "Sub-squad")],
                  ["phone", QT_TRANSLATE_NOOP("MapLayers", "Phone")],
                  ["incident", QT_TRANSLATE_NOOP("MapLayers", "Incident")]],
        "legend": [[STATUS_COLOURS[s], STATUS_TITLES[s]] for s in STATUS_COLOURS],
        "legendKind": "square",
    },
)
