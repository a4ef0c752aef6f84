"""`safegrid simulate`: dispatched members and vehicles move toward their incident, returning ones
toward home, and report through the position receiver over HTTP (the OsmAnd protocol, as a phone
would), so the map and the board move as in a real shift.

Units are moved at their travel mode's speed (÷ the road factor, so a trip takes about its ETA),
`speedup` times faster than real time. A dispatched unit starts en route; one within the arrival
radius goes on scene (a returning one, available). Bounded: it stops after `duration_s`, after
`max_reports`, when nobody is moving, or when `stop` is set.
"""

from __future__ import annotations

import random
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from sqlalchemy import select

from desktop.data.engine import Database
from desktop.data.tables import SquadMember
from desktop.data.tables_dispatch import CurrentPosition, Incident, MemberState, Tracker, Vehicle
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import DomainError
from desktop.domain.incident import IncidentType, Severity
from desktop.domain.squad import MemberStatus, SquadUnitKind, TravelMode, VehicleStatus
from desktop.domain.travel import bearing_deg, distance_m, move_toward
from desktop.services import dispatch, incidents, squad
from desktop.services.common import Actor
from desktop.services.dispatch_settings import get_dispatch_settings, get_tracking_settings
from desktop.services.incident_location import LocationInput
from desktop.services.locate import GridLocator
from desktop.tracking.protocol import KNOT_KMH
from desktop.tracking.receiver import PositionReceiver

SIMULATOR = Actor("simulator", "模拟器", Role.DUTY)
MAX_DURATION_S = 3600.0
MAX_REPORTS = 100_000


@dataclass
class SimulationReport:
    url: str
    sent: int = 0
    accepted: int = 0
    refused: int = 0
    arrived: list[str] = field(default_factory=list)
    home: list[str] = field(default_factory=list)
    incident: str | None = None
    seconds: float = 0.0
    stopped: str = ""


@dataclass(frozen=True)
class _Mover:
    kind: SquadUnitKind
    id: int
    name: str
    device: str
    status: str
    lon: float
    lat: float
    to_lon: float
    to_lat: float
    speed_kmh: float


def _movers(db: Database) -> list[_Mover]:
    """Units on their way somewhere, with a tracker: to their incident, or home when returning."""
    with UnitOfWork(db, write=False) as uow:
        s = uow.session
        st = get_dispatch_settings(uow)
        pos = {(p.member_id, p.vehicle_id): p for p in s.scalars(select(CurrentPosition))}
        devices = {(t.member_id, t.vehicle_id): t.device_id for t in s.scalars(select(Tracker).where(Tracker.active))}
        spots = dict((i.id, (i.lon, i.lat)) for i in s.scalars(select(Incident)))
        out = []
        moving = (MemberStatus.DISPATCHED, MemberStatus.EN_ROUTE, MemberStatus.RETURNING)
        for state, name in s.execute(select(MemberState, SquadMember.name).join(
                SquadMember, SquadMember.id == MemberState.member_id).where(MemberState.status.in_(moving))):
            key = (state.member_id, None)
            out += _mover(SquadUnitKind.MEMBER, state.member_id, name, state.status, state.incident_id,
                          (state.home_lon, state.home_lat), pos.get(key), devices.get(key), spots,
                          st.speed(state.travel_mode) / st.road_factor)
        for v in s.scalars(select(Vehicle).where(Vehicle.status.in_(moving))):
            key = (None, v.id)
            out += _mover(SquadUnitKind.VEHICLE, v.id, v.name, v.status, v.incident_id, (v.home_lon, v.home_lat),
                          pos.get(key), devices.get(key), spots, st.speed(TravelMode.VEHICLE) / st.road_factor)
        return out


def _mover(kind, uid, name, status, incident_id, home, pos, device, spots, speed) -> list[_Mover]:
    if device is None:
        return []
    start = (pos.lon, pos.lat) if pos is not None else home
    target = home if status == MemberStatus.RETURNING else spots.get(incident_id)
    if start[0] is None or target is None or target[0] is None:
        return []
    return [_Mover(kind, uid, name, device, status, start[0], start[1], target[0], target[1], speed)]


def _send(url: str, m: _Mover, lon: float, lat: float, speed_kmh: float, battery: float) -> int:
    query = urlencode({"id": m.device, "lat": f"{lat:.6f}", "lon": f"{lon:.6f}", "timestamp": int(time.time()),
                       "speed": f"{speed_kmh / KNOT_KMH:.1f}", "bearing": f"{bearing_deg(m.lon, m.lat, lon, lat):.0f}",
                       "batt": f"{battery:.0f}", "sim": "1"})
    try:
        with urllib.request.urlopen(f"{url}?{query}", timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def _status(db: Database, m: _Mover, new: str) -> None:
    with UnitOfWork(db) as uow:
        if m.kind is SquadUnitKind.MEMBER:
            squad.set_member_status(uow, SIMULATOR, m.id, new, note="simulated")
        else:
            squad.set_vehicle_status(uow, SIMULATOR, m.id, new, note="simulated")


def _new_incident(db: Database, rng: random.Random) -> str:
    """A simulated call at a random point of the district, dispatched as recommended."""
    with UnitOfWork(db) as uow:
        locator = GridLocator.from_session(uow.session)
        minx, miny, maxx, maxy = locator.bounds()
        while True:
            lon, lat = round(rng.uniform(minx, maxx), 6), round(rng.uniform(miny, maxy), 6)
            if locator.in_district(lon, lat):
                break
        itype = rng.choice([IncidentType.FIRE, IncidentType.TRAFFIC, IncidentType.GAS_LEAK])
        result = incidents.report_incident(uow, SIMULATOR, incidents.IncidentInput(
            itype, Severity.MEDIUM, LocationInput(lon=lon, lat=lat), caller="模拟来电",
            description="模拟演示警情"), locator=locator)
    with UnitOfWork(db) as uow:
        row = result.incident.row
        dispatch.dispatch_recommended(uow, SIMULATOR, row.id, expected_version=row.version)
    return row.code


def simulate(db: Database, *, url: str | None = None, duration_s: float = 120.0, max_reports: int = 2000,
             interval_s: float = 1.0, speedup: float = 10.0, new_incident: bool = False, seed: int | None = None,
             stop: threading.Event | None = None, echo: Callable[[str], None] | None = None) -> SimulationReport:
    if not 0 < duration_s <= MAX_DURATION_S:
        raise DomainError(f"duration must be more than 0 and at most {MAX_DURATION_S:.0f} seconds")
    if not 0 < max_reports <= MAX_REPORTS:
        raise DomainError(f"max reports must be 1..{MAX_REPORTS}")
    if not 0.05 <= interval_s <= 60 or not 1 <= speedup <= 1000:
        raise DomainError("interval must be 0.05..60 s and speedup 1..1000")
    echo = echo or (lambda _text: None)
    stop = stop or threading.Event()
    rng = random.Random(seed)
    receiver = None
    if url is None:
        with UnitOfWork(db, write=False) as uow:
            settings = get_tracking_settings(uow)
        # Loopback and a free port, whatever the configured address: the simulator's own receiver.
        receiver = PositionReceiver(db, settings, host="127.0.0.1", port=0)
        receiver.start()
        url = receiver.url
    report = SimulationReport(url)
    with UnitOfWork(db, write=False) as uow:
        radius = get_dispatch_settings(uow).arrival_radius_m
    started = time.monotonic()
    try:
        if new_incident:
            report.incident = _new_incident(db, rng)
            echo(f"new incident {report.incident}, recommended team dispatched")
        batteries: dict[str, float] = {}
        while True:
            elapsed = time.monotonic() - started
            if elapsed >= duration_s:
                report.stopped = "time limit"
                break
            if report.sent >= max_reports:
                report.stopped = "report limit"
                break
            movers = _movers(db)
            if not movers:
                report.stopped = "nobody is moving"
                break
            for m in movers:
                if report.sent >= max_reports or stop.is_set():
                    break
                if m.status == MemberStatus.DISPATCHED:
                    _status(db, m, MemberStatus.EN_ROUTE if m.kind is SquadUnitKind.MEMBER else VehicleStatus.EN_ROUTE)
                step = m.speed_kmh / 3.6 * interval_s * speedup
                lon, lat = move_toward(m.lon, m.lat, m.to_lon, m.to_lat, step)
                batteries[m.device] = max(5.0, batteries.get(m.device, rng.uniform(60, 100)) - 0.05)
                code = _send(url, m, lon, lat, m.speed_kmh, batteries[m.device])
                report.sent += 1
                if code == 200:
                    report.accepted += 1
                else:
                    report.refused += 1
                    continue
                if distance_m(lon, lat, m.to_lon, m.to_lat) <= radius:
                    if m.status == MemberStatus.RETURNING:
                        _status(db, m, MemberStatus.AVAILABLE)
                        report.home.append(m.name)
                        echo(f"{m.name} is back")
                    else:
                        _status(db, m, MemberStatus.ON_SCENE)
                        report.arrived.append(m.name)
                        echo(f"{m.name} arrived on scene")
            if stop.wait(interval_s):
                report.stopped = "stopped"
                break
    finally:
        report.seconds = time.monotonic() - started
        if receiver is not None:
            receiver.stop()
    return report
