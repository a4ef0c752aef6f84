"""The squad board: the three sub-squads at a glance, each member's status and place, vehicles,
stale-status flags, and status changes.

Change feed: a status change writes ("squad_member" | "vehicle", id, "updated") and, when the unit
serves an incident, ("incident", id, "updated"). Position reports write action "moved".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from desktop.data.tables import Grid, SquadMember, SubSquad
from desktop.data.tables_dispatch import (
    Certification,
    CurrentPosition,
    Equipment,
    MemberState,
    Shift,
    Tracker,
    Vehicle,
    VehicleCrew,
)
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.enums import SquadRole
from desktop.domain.incident import EventKind, incident_code
from desktop.domain.squad import (
    ENGAGED,
    VEHICLE_ENGAGED,
    EquipmentState,
    MemberStatus,
    SquadUnitKind,
    TravelMode,
    VehicleStatus,
    cert_state,
    is_stale,
)
from desktop.services.common import Actor, Permission, require
from desktop.services.dispatch_settings import get_dispatch_settings
from desktop.services.unit_status import add_event, change_status, member_state


@dataclass(frozen=True)
class Place:
    """Where a unit is now: its position and the grids containing it ("" when unknown)."""

    lon: float | None
    lat: float | None
    at: datetime | None
    source: str | None          # home | tracker | simulated | manual
    street: str = ""
    community: str = ""
    sub_community: str = ""
    sub_community_id: int | None = None


@dataclass(frozen=True)
class MemberRow:
    id: int
    name: str
    sub_squad_id: int
    sub_squad: str
    role: SquadRole
    phone: str
    call_sign: str
    status: MemberStatus
    status_since: datetime | None
    status_note: str
    stale: bool                 # engaged, no status change for the configured minutes
    engaged: bool
    incident_id: int | None
    incident_code: str | None
    home_grid_id: int | None
    home_grid: str
    place: Place
    travel_mode: TravelMode
    tracker: str | None         # device id
    vehicle_id: int | None      # crew of this vehicle
    on_shift: bool | None       # None: no shift roster recorded
    shift: str | None           # the current shift's kind (day | night | standby)
    certs_expiring: int
    certs_expired: int
    version: int | None         # member state version (expected_version for status changes)


@dataclass(frozen=True)
class CrewMember:
    member_id: int
    name: str
    role: str  # driver | crew


@dataclass(frozen=True)
class VehicleRow:
    id: int
    name: str
    plate: str
    sub_squad_id: int
    sub_squad: str
    status: VehicleStatus
    status_since: datetime
    stale: bool
    engaged: bool
    incident_id: int | None
    incident_code: str | None
    place: Place
    crew: tuple[CrewMember, ...]
    equipment_ready: dict[str, int]
    tracker: str | None
    version: int


@dataclass(frozen=True)
class SubSquadSummary:
    id: int
    number: int
    name: str
    captain: str
    total: int
    available: int
    engaged: int
    off_duty: int
    training: int
    leave: int
    stale: int
    below_min_free: bool        # fewer available than the configured minimum
    equipment_ready: dict[str, int]
    vehicles: int


@dataclass(frozen=True)
class BoardFilter:
    sub_squad_id: int | None = None
    statuses: frozenset[str] | None = None
    text: str = ""              # name, call sign or phone contains
    only_stale: bool = False


@dataclass(frozen=True)
class BoardSnapshot:
    at: datetime
    stale_minutes: float
    min_free: int
    sub_squads: tuple[SubSquadSummary, ...]
    members: tuple[MemberRow, ...]   # after the filter
    vehicles: tuple[VehicleRow, ...]
    counts: dict[str, int] = field(default_factory=dict)  # status -> members (whole squad)


def _grid_names(uow: UnitOfWork, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(uow.session.execute(select(Grid.id, Grid.name).where(Grid.id.in_(wanted))).all())


def _place(pos: CurrentPosition | None, names: dict[int, str]) -> Place:
    if pos is None:
        return Place(None, None, None, None)
    return Place(pos.lon, pos.lat, pos.at, pos.source, names.get(pos.street_id, ""),
                 names.get(pos.community_id, ""), names.get(pos.sub_community_id, ""), pos.sub_community_id)


def _shifts_now(uow: UnitOfWork, now: datetime) -> tuple[bool, dict[int, str], dict[int, str]]:
    rows = uow.session.scalars(select(Shift).where(Shift.starts_at <= now, Shift.ends_at > now)).all()
    any_shift = uow.session.scalar(select(Shift.id).limit(1)) is not None
    by_squad = {r.sub_squad_id: r.kind for r in rows if r.sub_squad_id is not None}
    by_member = {r.member_id: r.kind for r in rows if r.member_id is not None}
    return any_shift, by_squad, by_member


def member_rows(uow: UnitOfWork, ids: Iterable[int] | None = None, *, now: datetime | None = None) -> list[MemberRow]:
    """Members (all, or the given ids) as the board shows them, by sub-squad and call sign."""
    s = uow.session
    now = now or utcnow()
    settings = get_dispatch_settings(uow)
    q = select(SquadMember, SubSquad).join(SubSquad, SquadMember.sub_squad_id == SubSquad.id)
    if ids is not None:
        ids = set(ids)
        if not ids:
            return []
        q = q.where(SquadMember.id.in_(ids))
    rows = s.execute(q.order_by(SubSquad.number, SquadMember.call_sign)).all()
    mids = [m.id for m, _ in rows]
    states = {st.member_id: st for st in s.scalars(select(MemberState).where(MemberState.member_id.in_(mids)))}
    positions = {p.member_id: p for p in s.scalars(select(CurrentPosition).where(CurrentPosition.member_id.in_(mids)))}
    trackers = dict(s.execute(select(Tracker.member_id, Tracker.device_id).where(Tracker.member_id.in_(mids))).all())
    crew = dict(s.execute(select(VehicleCrew.member_id, VehicleCrew.vehicle_id).where(VehicleCrew.member_id.in_(mids))).all())
    today = now.date()
    expiring: Counter[int] = Counter()
    expired: Counter[int] = Counter()
    for c in s.scalars(select(Certification).where(Certification.member_id.in_(mids))):
        state = cert_state(c.expires_on, today, settings.cert_warning_days)
        if state == "expired":
            expired[c.member_id] += 1
        elif state == "expiring":
            expiring[c.member_id] += 1
    any_shift, squad_shift, member_shift = _shifts_now(uow, now)
    names = _grid_names(uow, [m.home_grid_id for m, _ in rows] + [
        g for p in positions.values() for g in (p.street_id, p.community_id, p.sub_community_id)])
    out = []
    for m, sq in rows:
        st = states.get(m.id)
        status = MemberStatus(st.status) if st else MemberStatus.AVAILABLE
        since = st.status_since if st else None
        incident_id = st.incident_id if st else None
        shift = member_shift.get(m.id) or squad_shift.get(m.sub_squad_id)
        out.append(MemberRow(
            id=m.id, name=m.name, sub_squad_id=sq.id, sub_squad=sq.name, role=SquadRole(m.role), phone=m.phone,
            call_sign=m.call_sign, status=status, status_since=since, status_note=st.status_note if st else "",
            stale=is_stale(status, since, now, settings.stale_minutes), engaged=status in ENGAGED,
            incident_id=incident_id, incident_code=incident_code(incident_id) if incident_id else None,
            home_grid_id=m.home_grid_id, home_grid=names.get(m.home_grid_id, ""),
            place=_place(positions.get(m.id), names),
            travel_mode=TravelMode(st.travel_mode) if st else TravelMode.EBIKE,
            tracker=trackers.get(m.id), vehicle_id=crew.get(m.id),
            on_shift=(shift is not None) if any_shift else None, shift=shift,
            certs_expiring=expiring[m.id], certs_expired=expired[m.id], version=st.version if st else None,
        ))
    return out


def ready_equipment(uow: UnitOfWork) -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """Ready counts per sub-squad and per vehicle."""
    by_squad: dict[int, dict[str, int]] = defaultdict(dict)
    by_vehicle: dict[int, dict[str, int]] = defaultdict(dict)
    for e in uow.session.scalars(select(Equipment).where(Equipment.state == EquipmentState.READY)):
        target = by_squad[e.sub_squad_id] if e.sub_squad_id is not None else by_vehicle[e.vehicle_id]
        target[e.kind] = target.get(e.kind, 0) + e.count
    return by_squad, by_vehicle


def vehicle_rows(uow: UnitOfWork, ids: Iterable[int] | None = None, *, now: datetime | None = None) -> list[VehicleRow]:
    s = uow.session
    now = now or utcnow()
    settings = get_dispatch_settings(uow)
    q = select(Vehicle, SubSquad).join(SubSquad, Vehicle.sub_squad_id == SubSquad.id)
    if ids is not None:
        ids = set(ids)
        if not ids:
            return []
        q = q.where(Vehicle.id.in_(ids))
    rows = s.execute(q.order_by(Vehicle.name)).all()
    vids = [v.id for v, _ in rows]
    positions = {p.vehicle_id: p for p in s.scalars(select(CurrentPosition).where(CurrentPosition.vehicle_id.in_(vids)))}
    trackers = dict(s.execute(select(Tracker.vehicle_id, Tracker.device_id).where(Tracker.vehicle_id.in_(vids))).all())
    crew: dict[int, list[CrewMember]] = defaultdict(list)
    for vc, name in s.execute(select(VehicleCrew, SquadMember.name).join(SquadMember, VehicleCrew.member_id == SquadMember.id)
                              .where(VehicleCrew.vehicle_id.in_(vids)).order_by(VehicleCrew.role, SquadMember.name)):
        crew[vc.vehicle_id].append(CrewMember(vc.member_id, name, vc.role))
    _, ready = ready_equipment(uow)
    names = _grid_names(uow, [g for p in positions.values() for g in (p.street_id, p.community_id, p.sub_community_id)])
    return [VehicleRow(
        id=v.id, name=v.name, plate=v.plate, sub_squad_id=sq.id, sub_squad=sq.name, status=VehicleStatus(v.status),
        status_since=v.status_since, stale=is_stale(v.status, v.status_since, now, settings.stale_minutes),
        engaged=v.status in VEHICLE_ENGAGED, incident_id=v.incident_id,
        incident_code=incident_code(v.incident_id) if v.incident_id else None,
        place=_place(positions.get(v.id), names), crew=tuple(crew[v.id]), equipment_ready=dict(ready.get(v.id, {})),
        tracker=trackers.get(v.id), version=v.version,
    ) for v, sq in rows]


def _matches(r: MemberRow, f: BoardFilter) -> bool:
    if f.sub_squad_id is not None and r.sub_squad_id != f.sub_squad_id:
        return False
    if f.statuses is not None and r.status not in f.statuses:
        return False
    if f.only_stale and not r.stale:
        return False
    t = f.text.strip()
    return not t or t in r.name or t in r.call_sign or t in r.phone


def board_snapshot(uow: UnitOfWork, flt: BoardFilter | None = None, *, now: datetime | None = None) -> BoardSnapshot:
    """Everything the squad board shows, in one read."""
    now = now or utcnow()
    settings = get_dispatch_settings(uow)
    members = member_rows(uow, now=now)
    vehicles = vehicle_rows(uow, now=now)
    ready, _ = ready_equipment(uow)
    summaries = []
    for sq in uow.session.scalars(select(SubSquad).order_by(SubSquad.number)):
        mine = [m for m in members if m.sub_squad_id == sq.id]
        by = Counter(m.status for m in mine)
        captain = next((m.name for m in mine if m.role == SquadRole.CAPTAIN), "")
        available = by[MemberStatus.AVAILABLE]
        summaries.append(SubSquadSummary(
            sq.id, sq.number, sq.name, captain, len(mine), available, sum(by[s] for s in ENGAGED),
            by[MemberStatus.OFF_DUTY], by[MemberStatus.TRAINING], by[MemberStatus.LEAVE],
            sum(1 for m in mine if m.stale), available < settings.min_free_per_sub_squad,
            dict(ready.get(sq.id, {})), sum(1 for v in vehicles if v.sub_squad_id == sq.id)))
    f = flt or BoardFilter()
    shown = tuple(m for m in members if _matches(m, f))
    return BoardSnapshot(now, settings.stale_minutes, settings.min_free_per_sub_squad, tuple(summaries), shown,
                         tuple(vehicles), dict(Counter(str(m.status) for m in members)))


def stale_units(uow: UnitOfWork, *, now: datetime | None = None) -> tuple[list[MemberRow], list[VehicleRow]]:
    """Engaged members and vehicles whose status has not changed for the configured time."""
    now = now or utcnow()
    return ([m for m in member_rows(uow, now=now) if m.stale], [v for v in vehicle_rows(uow, now=now) if v.stale])


def set_member_status(uow: UnitOfWork, actor: Actor, member_id: int, status: MemberStatus | str, *,
                      expected_version: int | None = None, note: str = "",
                      now: datetime | None = None) -> MemberRow:
    """Change a member's status (not to dispatched: that is `dispatch.dispatch`). On scene records
    the arrival (the incident's first arrival moves it to on scene); available / off duty after
    an incident ends the member's dispatch."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    incident_id = change_status(uow, actor.username, SquadUnitKind.MEMBER, member_id, status,
                                expected_version=expected_version, note=note, now=now)
    uow.record(actor.username, "squad_member", member_id, "updated", f"member {member_id} status {status}")
    if incident_id is not None:
        uow.record(actor.username, "incident", incident_id, "updated", f"{incident_code(incident_id)}: member {member_id} {status}")
    uow.commit()
    return member_rows(uow, [member_id], now=now)[0]


def set_vehicle_status(uow: UnitOfWork, actor: Actor, vehicle_id: int, status: VehicleStatus | str, *,
                       expected_version: int | None = None, note: str = "",
                       now: datetime | None = None) -> VehicleRow:
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    incident_id = change_status(uow, actor.username, SquadUnitKind.VEHICLE, vehicle_id, status,
                                expected_version=expected_version, note=note, now=now)
    uow.record(actor.username, "vehicle", vehicle_id, "updated", f"vehicle {vehicle_id} status {status}")
    if incident_id is not None:
        uow.record(actor.username, "incident", incident_id, "updated", f"{incident_code(incident_id)}: vehicle {vehicle_id} {status}")
    uow.commit()
    return vehicle_rows(uow, [vehicle_id], now=now)[0]


def check_in(uow: UnitOfWork, actor: Actor, member_id: int, *, note: str = "",
             now: datetime | None = None) -> MemberRow:
    """The duty officer reached an engaged member (radio check): restarts the stale-status clock
    without changing the status."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    state = member_state(uow, member_id, now, lock=True)
    state.status_since = now
    state.status_note = (note or "check-in").strip()[:200]
    if state.incident_id is not None:
        name = uow.session.get(SquadMember, member_id).name
        add_event(uow, state.incident_id, now, actor.username, EventKind.MEMBER, f"{name}: check-in ({state.status})",
                  member_id=member_id, data={"unit_kind": SquadUnitKind.MEMBER, "unit_id": member_id, "name": name,
                                             "from": state.status, "to": state.status, "note": "check-in"})
        uow.record(actor.username, "incident", state.incident_id, "updated", f"member {member_id} checked in")
    uow.session.flush()
    uow.record(actor.username, "squad_member", member_id, "updated", f"member {member_id} checked in")
    uow.commit()
    return member_rows(uow, [member_id], now=now)[0]
