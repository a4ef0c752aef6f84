"""Live positions: storing tracker reports, the tracker-device mapping, and what the map reads.

A report from a device mapped to a member or vehicle is stored in `position_reports`; when it is
the newest fix for that unit it also becomes the unit's current position (with the grids at every
level) and writes a change-feed row ("squad_member" | "vehicle", id, "moved") — no audit row, the
report table is the record.

For the map: `member_positions` / `vehicle_positions` (everyone), `unit_positions` (the ids a
change names), `track` (a unit's recent trail).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.data.tables import SquadMember, SubSquad
from desktop.data.tables_dispatch import CurrentPosition, MemberState, PositionReport, Tracker, Vehicle
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.enums import GridLevel
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.incident import incident_code
from desktop.domain.position import PositionFix, device_id_problem
from desktop.domain.squad import MemberStatus, SquadUnitKind
from desktop.services.common import Actor, Permission, clean_text, get_or_404, require
from desktop.services.locate import GridLocator

TRACKER_ACTOR = "tracker"


class UnknownDevice(DomainError):
    """The device id is not mapped to a member or vehicle (or its mapping is switched off)."""

    def __init__(self, device_id: str) -> None:
        super().__init__(f"unknown tracker device {device_id[:64]!r}")
        self.device_id = device_id


class StaleFix(DomainError):
    """The fix is stamped too far in the future to be believed."""


@dataclass(frozen=True)
class StoredReport:
    report_id: int
    kind: SquadUnitKind
    unit_id: int
    lon: float
    lat: float
    at: datetime
    current: bool   # it became the unit's current position (False: an older fix, history only)


@dataclass(frozen=True)
class MemberPosition:
    id: int
    name: str
    call_sign: str
    sub_squad_id: int
    sub_squad: str
    status: MemberStatus
    lon: float | None
    lat: float | None
    updated_at: datetime | None     # the fix time
    source: str | None              # home | tracker | simulated | manual
    incident_id: int | None
    incident_code: str | None


@dataclass(frozen=True)
class VehiclePosition:
    id: int
    name: str
    sub_squad_id: int
    sub_squad: str
    status: str
    lon: float | None
    lat: float | None
    updated_at: datetime | None
    source: str | None
    incident_id: int | None
    incident_code: str | None


@dataclass(frozen=True)
class TrackPoint:
    at: datetime
    lon: float
    lat: float
    speed_kmh: float | None


@dataclass(frozen=True)
class TrackerRow:
    id: int
    device_id: str
    kind: SquadUnitKind
    unit_id: int
    unit_name: str
    label: str
    active: bool
    last_report_at: datetime | None
    version: int


def record_fix(uow: UnitOfWork, fix: PositionFix, *, locator: GridLocator, now: datetime | None = None,
               max_future_s: float = 600.0) -> StoredReport:
    """Store one report from a mapped device (UnknownDevice otherwise) and commit."""
    s = uow.session
    now = now or utcnow()
    tracker = s.scalars(select(Tracker).where(Tracker.device_id == fix.device_id, Tracker.active.is_(True))).first()
    if tracker is None:
        raise UnknownDevice(fix.device_id)
    at = fix.at or now
    if at > now + timedelta(seconds=max_future_s):
        raise StaleFix(f"fix time {at.isoformat()} is in the future")
    source = "simulated" if fix.simulated else "tracker"
    report = PositionReport(device_id=fix.device_id, member_id=tracker.member_id, vehicle_id=tracker.vehicle_id,
                            at=at, received_at=now, lon=fix.lon, lat=fix.lat, speed_kmh=fix.speed_kmh,
                            bearing=fix.bearing, accuracy_m=fix.accuracy_m, altitude_m=fix.altitude_m,
                            battery_pct=fix.battery_pct, source=source)
    s.add(report)
    col = CurrentPosition.member_id if tracker.member_id is not None else CurrentPosition.vehicle_id
    unit_id = tracker.member_id if tracker.member_id is not None else tracker.vehicle_id
    kind = SquadUnitKind.MEMBER if tracker.member_id is not None else SquadUnitKind.VEHICLE
    cur = s.scalars(select(CurrentPosition).where(col == unit_id)).first()
    newest = cur is None or cur.source == "home" or at >= cur.at
    if newest:
        grids = locator.locate(fix.lon, fix.lat)
        if cur is None:
            cur = CurrentPosition(member_id=tracker.member_id, vehicle_id=tracker.vehicle_id)
            s.add(cur)
        cur.lon, cur.lat, cur.at, cur.received_at = fix.lon, fix.lat, at, now
        cur.speed_kmh, cur.bearing, cur.battery_pct, cur.source = fix.speed_kmh, fix.bearing, fix.battery_pct, source
        cur.street_id = grids.get(GridLevel.STREET)
        cur.community_id = grids.get(GridLevel.COMMUNITY)
        cur.sub_community_id = grids.get(GridLevel.SUB_COMMUNITY)
    s.flush()
    if newest:
        entity = "squad_member" if kind is SquadUnitKind.MEMBER else "vehicle"
        uow.record(f"{TRACKER_ACTOR}:{fix.device_id}"[:64], entity, unit_id, "moved",
                   f"{fix.lat:.6f},{fix.lon:.6f}", audit=False)
    uow.commit()
    return StoredReport(report.id, kind, unit_id, fix.lon, fix.lat, at, newest)


def _incident(incident_id: int | None) -> str | None:
    return incident_code(incident_id) if incident_id else None


def member_positions(uow: UnitOfWork, ids: Iterable[int] | None = None) -> list[MemberPosition]:
    """Every member (or the given ids) with status and current position; lon/lat None when unknown."""
    s = uow.session
    q = (select(SquadMember, SubSquad.name, MemberState.status, MemberState.incident_id, CurrentPosition)
         .join(SubSquad, SquadMember.sub_squad_id == SubSquad.id)
         .outerjoin(MemberState, MemberState.member_id == SquadMember.id)
         .outerjoin(CurrentPosition, CurrentPosition.member_id == SquadMember.id))
    if ids is not None:
        q = q.where(SquadMember.id.in_(list(ids)))
    out = []
    for m, squad, status, incident_id, p in s.execute(q.order_by(SquadMember.sub_squad_id, SquadMember.call_sign)):
        out.append(MemberPosition(m.id, m.name, m.call_sign, m.sub_squad_id, squad,
                                  MemberStatus(status or MemberStatus.AVAILABLE),
                                  p.lon if p else None, p.lat if p else None, p.at if p else None,
                                  p.source if p else None, incident_id, _incident(incident_id)))
    return out


def vehicle_positions(uow: UnitOfWork, ids: Iterable[int] | None = None) -> list[VehiclePosition]:
    s = uow.session
    q = (select(Vehicle, SubSquad.name, CurrentPosition).join(SubSquad, Vehicle.sub_squad_id == SubSquad.id)
         .outerjoin(CurrentPosition, CurrentPosition.vehicle_id == Vehicle.id))
    if ids is not None:
        q = q.where(Vehicle.id.in_(list(ids)))
    return [VehiclePosition(v.id, v.name, v.sub_squad_id, squad, v.status, p.lon if p else None,
                            p.lat if p else None, p.at if p else None, p.source if p else None,
                            v.incident_id, _incident(v.incident_id))
            for v, squad, p in s.execute(q.order_by(Vehicle.name))]


def track(uow: UnitOfWork, kind: SquadUnitKind | str, unit_id: int, *, since: datetime,
          until: datetime | None = None, limit: int = 2000) -> list[TrackPoint]:
    """A unit's reported positions in [since, until), oldest first (a trail on the map)."""
    col = PositionReport.member_id if SquadUnitKind(kind) is SquadUnitKind.MEMBER else PositionReport.vehicle_id
    q = select(PositionReport.at, PositionReport.lon, PositionReport.lat, PositionReport.speed_kmh).where(
        col == unit_id, PositionReport.at >= since)
    if until is not None:
        q = q.where(PositionReport.at < until)
    rows = uow.session.execute(q.order_by(PositionReport.at.desc()).limit(limit)).all()
    return [TrackPoint(*r) for r in reversed(rows)]


# -- tracker devices ---------------------------------------------------------------------------


def list_trackers(uow: UnitOfWork) -> list[TrackerRow]:
    s = uow.session
    names = dict(s.execute(select(SquadMember.id, SquadMember.name)).all())
    vnames = dict(s.execute(select(Vehicle.id, Vehicle.name)).all())
    last: dict[tuple, datetime] = {}
    for cp in s.scalars(select(CurrentPosition).where(CurrentPosition.source != "home")):
        last[(cp.member_id, cp.vehicle_id)] = cp.at
    out = []
    for t in s.scalars(select(Tracker).order_by(Tracker.device_id)):
        kind = SquadUnitKind.MEMBER if t.member_id is not None else SquadUnitKind.VEHICLE
        unit = t.member_id if t.member_id is not None else t.vehicle_id
        name = names.get(unit, "") if kind is SquadUnitKind.MEMBER else vnames.get(unit, "")
        out.append(TrackerRow(t.id, t.device_id, kind, unit, name, t.label, t.active,
                              last.get((t.member_id, t.vehicle_id)), t.version))
    return out


def assign_tracker(uow: UnitOfWork, actor: Actor, device_id: str, *, member_id: int | None = None,
                   vehicle_id: int | None = None, label: str = "") -> int:
    """Map a device id to exactly one member or vehicle (replacing that unit's previous device)."""
    require(actor, Permission.MANAGE_SQUAD)
    s = uow.session
    device = (device_id or "").strip()
    problem = device_id_problem(device)  # the rule the receiver applies
    if problem:
        raise ValidationError("device_id", problem)
    if (member_id is None) == (vehicle_id is None):
        raise ValidationError("unit", "choose one member or one vehicle")
    if member_id is not None:
        get_or_404(s, SquadMember, member_id, "squad member")
    else:
        get_or_404(s, Vehicle, vehicle_id, "vehicle")
    taken = s.scalars(select(Tracker).where(Tracker.device_id == device)).first()
    if taken is not None:
        raise ValidationError("device_id", f"{device} is already mapped")
    col = Tracker.member_id if member_id is not None else Tracker.vehicle_id
    old = s.scalars(select(Tracker).where(col == (member_id if member_id is not None else vehicle_id))).first()
    if old is not None:
        s.delete(old)
        s.flush()
    t = Tracker(device_id=device, member_id=member_id, vehicle_id=vehicle_id,
                label=clean_text("label", label, 80), active=True)
    s.add(t)
    s.flush()
    uow.record(actor.username, "tracker", t.id, "created", f"tracker {device} -> "
               + (f"member {member_id}" if member_id is not None else f"vehicle {vehicle_id}"))
    uow.commit()
    return t.id


def remove_tracker(uow: UnitOfWork, actor: Actor, tracker_id: int) -> None:
    require(actor, Permission.MANAGE_SQUAD)
    t = get_or_404(uow.session, Tracker, tracker_id, "tracker")
    uow.session.delete(t)
    uow.session.flush()
    uow.record(actor.username, "tracker", tracker_id, "deleted", f"tracker {t.device_id} removed")
    uow.commit()
