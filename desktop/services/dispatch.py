"""Recommendation and one-click dispatch (一键调度).

`recommend_for_incident` ranks the squad for an incident with reasons and proposes a team;
`dispatch` sends a team (the proposal, or the dispatcher's edit of it) in one transaction: the
dispatch rows, every member's and vehicle's status, the incident's status and first-dispatch time,
the timeline, and the change-feed rows ("incident", "squad_member", "vehicle") commit together, so
every workstation's board and map move at once. A unit already engaged is refused (the database
also refuses a second active dispatch of the same unit); an off-duty member needs an explicit
override, recorded on the dispatch row and in the timeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.data.tables import Grid, SquadMember, SubSquad
from desktop.data.tables_dispatch import CurrentPosition, Dispatch, Incident, MemberState, Vehicle
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.incident import EventKind, IncidentRefused, IncidentStatus, can_dispatch, incident_code
from desktop.domain.recommend import Recommendation, Spot, Unit, recommend
from desktop.domain.squad import (
    ENGAGED,
    VEHICLE_ENGAGED,
    MemberStatus,
    SquadUnitKind,
    TravelMode,
    VehicleStatus,
)
from desktop.domain.travel import distance_m, eta_s
from desktop.services.common import Actor, Permission, get_or_404, require
from desktop.services.dispatch_settings import get_dispatch_settings
from desktop.services.squad import ready_equipment
from desktop.services.unit_status import add_event, check_row_version, member_state, vehicle_row

MAX_OVERRIDE_REASON = 300


class AlreadyEngaged(DomainError):
    """The unit is already dispatched (or returning) for an incident: never dispatched twice."""

    def __init__(self, name: str, incident_id: int | None) -> None:
        where = f" to {incident_code(incident_id)}" if incident_id else ""
        super().__init__(f"{name} is already dispatched{where}")
        self.name = name
        self.incident_id = incident_id


@dataclass(frozen=True)
class DispatchPlan:
    """The recommendation for one incident, with what the dispatch form needs around it."""

    incident_id: int
    incident_code: str
    incident_version: int          # pass back as expected_version to `dispatch`
    incident_status: IncidentStatus
    recommendation: Recommendation
    sub_squads: dict[int, str]     # id -> name
    call_signs: dict[int, str]     # member id -> call sign


@dataclass(frozen=True)
class DispatchResult:
    incident_id: int
    incident_code: str
    incident_version: int
    incident_status: IncidentStatus
    dispatch_ids: tuple[int, ...]
    member_ids: tuple[int, ...]
    vehicle_ids: tuple[int, ...]


def _grid_chain(uow: UnitOfWork, sub_ids: Iterable[int | None]) -> dict[int, tuple[int | None, int | None]]:
    """sub-community grid id -> (community id, street id)."""
    wanted = {i for i in sub_ids if i is not None}
    if not wanted:
        return {}
    parent = dict(uow.session.execute(select(Grid.id, Grid.parent_id).where(Grid.id.in_(wanted))).all())
    comms = {p for p in parent.values() if p is not None}
    street = dict(uow.session.execute(select(Grid.id, Grid.parent_id).where(Grid.id.in_(comms))).all()) if comms else {}
    return {g: (parent.get(g), street.get(parent.get(g))) for g in wanted}


def squad_units(uow: UnitOfWork) -> tuple[list[Unit], dict[int, dict[str, int]]]:
    """Every member and vehicle as the recommender sees them, and the ready stock per sub-squad.

    Position: the current position (tracker, or home as loaded); failing that the home position in
    the home grid."""
    s = uow.session
    positions = {(p.member_id, p.vehicle_id): p for p in s.scalars(select(CurrentPosition))}
    states = {st.member_id: st for st in s.scalars(select(MemberState))}
    members = s.execute(select(SquadMember.id, SquadMember.name, SquadMember.sub_squad_id,
                               SquadMember.home_grid_id)).all()
    chain = _grid_chain(uow, [m.home_grid_id for m in members])
    stock, vehicle_kit = ready_equipment(uow)
    units: list[Unit] = []
    for m in members:
        st = states.get(m.id)
        pos = positions.get((m.id, None))
        status = st.status if st else MemberStatus.AVAILABLE
        mode = st.travel_mode if st else TravelMode.EBIKE
        if pos is not None:
            where = (pos.lon, pos.lat, pos.sub_community_id, pos.community_id, pos.street_id)
        else:
            comm, street = chain.get(m.home_grid_id, (None, None))
            where = (st.home_lon if st else None, st.home_lat if st else None, m.home_grid_id, comm, street)
        units.append(Unit(SquadUnitKind.MEMBER, m.id, m.name, status, m.sub_squad_id, *where, mode=mode))
    for v in s.scalars(select(Vehicle)):
        pos = positions.get((None, v.id))
        where = ((pos.lon, pos.lat, pos.sub_community_id, pos.community_id, pos.street_id) if pos
                 else (v.home_lon, v.home_lat, None, None, None))
        units.append(Unit(SquadUnitKind.VEHICLE, v.id, v.name, v.status, v.sub_squad_id, *where,
                          mode=TravelMode.VEHICLE, equipment=vehicle_kit.get(v.id, {})))
    return units, stock


def _spot(i: Incident) -> Spot:
    return Spot(i.lon, i.lat, i.sub_community_id, i.community_id, i.street_id, i.type, i.severity)


def recommend_for_incident(uow: UnitOfWork, incident_id: int, *, allow_off_duty: bool = False,
                           override_min_free: bool = False) -> DispatchPlan:
    """Ranked candidates with reasons and a proposed team (read-only)."""
    incident: Incident = get_or_404(uow.session, Incident, incident_id, "incident")
    units, stock = squad_units(uow)
    rec = recommend(_spot(incident), units, get_dispatch_settings(uow), stock=stock,
                    allow_off_duty=allow_off_duty, override_min_free=override_min_free)
    squads = dict(uow.session.execute(select(SubSquad.id, SubSquad.name)).all())
    calls = dict(uow.session.execute(select(SquadMember.id, SquadMember.call_sign)).all())
    return DispatchPlan(incident.id, incident_code(incident.id), incident.version, IncidentStatus(incident.status),
                        rec, squads, calls)


def dispatch(uow: UnitOfWork, actor: Actor, incident_id: int, *, member_ids: Iterable[int] = (),
             vehicle_ids: Iterable[int] = (), expected_version: int | None,
             override_off_duty: bool = False, override_min_free: bool = False, override_reason: str = "",
             now: datetime | None = None) -> DispatchResult:
    """Dispatch a team to an incident in one transaction (see the module docstring).

    Refusals (nothing written): the incident is closed or handed over; it changed since it was
    read (`expected_version`, ConflictError); a unit is already engaged (AlreadyEngaged); a member
    on leave or in training; an off-duty member without `override_off_duty`; a dispatch that would
    leave a sub-squad with fewer free members than the minimum, without `override_min_free`."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    s = uow.session
    member_ids = list(dict.fromkeys(member_ids))
    vehicle_ids = list(dict.fromkeys(vehicle_ids))
    if not member_ids and not vehicle_ids:
        raise ValidationError("team", "choose at least one member or vehicle")
    reason = (override_reason or "").strip()
    if len(reason) > MAX_OVERRIDE_REASON:
        raise ValidationError("override_reason", f"at most {MAX_OVERRIDE_REASON} characters")
    # populate_existing: a row already read in this unit of work is refreshed from the locked read.
    q = select(Incident).where(Incident.id == incident_id).with_for_update().execution_options(populate_existing=True)
    incident = s.scalars(q).first()
    if incident is None:
        get_or_404(s, Incident, incident_id, "incident")
    check_row_version(incident, expected_version, "incident", incident_id)
    if not can_dispatch(incident.status):
        raise IncidentRefused(incident.status, IncidentStatus.DISPATCHED, "only a reported, dispatched or "
                              "on-scene incident takes more units")
    settings = get_dispatch_settings(uow)
    names = dict(s.execute(select(SquadMember.id, SquadMember.name).where(SquadMember.id.in_(member_ids))).all())
    states = []
    for mid in sorted(member_ids):  # a fixed lock order: two dispatchers never deadlock
        st = member_state(uow, mid, now, lock=True)
        name = names[mid]
        if st.status in ENGAGED:
            raise AlreadyEngaged(name, st.incident_id)
        if st.status in (MemberStatus.LEAVE, MemberStatus.TRAINING):
            raise ValidationError("team", f"{name} is {'on leave' if st.status == MemberStatus.LEAVE else 'in training'}")
        if st.status == MemberStatus.OFF_DUTY and not override_off_duty:
            raise ValidationError("override_off_duty", f"{name} is off duty: dispatching needs an override")
        states.append(st)
    vehicles = []
    for vid in sorted(vehicle_ids):
        v = vehicle_row(uow, vid, lock=True)
        if v.status in VEHICLE_ENGAGED:
            raise AlreadyEngaged(v.name, v.incident_id)
        if v.status != VehicleStatus.AVAILABLE:
            raise ValidationError("team", f"{v.name} is {v.status}")
        vehicles.append(v)
    _check_min_free(uow, states, settings.min_free_per_sub_squad, override_min_free)

    pos = {(p.member_id, p.vehicle_id): p for p in s.scalars(select(CurrentPosition).where(
        CurrentPosition.member_id.in_(member_ids) | CurrentPosition.vehicle_id.in_(vehicle_ids)))}
    if incident.status == IncidentStatus.REPORTED:
        incident.status = IncidentStatus.DISPATCHED
        add_event(uow, incident.id, now, actor.username, EventKind.STATUS,
                  f"{IncidentStatus.REPORTED} → {IncidentStatus.DISPATCHED}",
                  data={"from": IncidentStatus.REPORTED, "to": IncidentStatus.DISPATCHED})
    dispatches: list[Dispatch] = []
    for unit_kind, row, key, label, mode in (
            [(SquadUnitKind.MEMBER, st, (st.member_id, None), names[st.member_id], st.travel_mode) for st in states]
            + [(SquadUnitKind.VEHICLE, v, (None, v.id), v.name, TravelMode.VEHICLE) for v in vehicles]):
        p = pos.get(key)
        dist = distance_m(p.lon, p.lat, incident.lon, incident.lat) if p else None
        eta = eta_s(dist, settings.road_factor, settings.speed(mode)) if dist is not None else None
        off = unit_kind is SquadUnitKind.MEMBER and row.status == MemberStatus.OFF_DUTY
        d = Dispatch(incident_id=incident.id, member_id=key[0], vehicle_id=key[1], dispatched_at=now,
                     dispatched_by=actor.username, override_off_duty=off,
                     override_min_free=override_min_free, override_reason=reason if (off or override_min_free) else "",
                     distance_m=dist, eta_s=eta)
        s.add(d)
        dispatches.append(d)
        row.status = MemberStatus.DISPATCHED if unit_kind is SquadUnitKind.MEMBER else VehicleStatus.DISPATCHED
        row.status_since = now
        row.incident_id = incident.id
        if unit_kind is SquadUnitKind.MEMBER:
            row.status_note = ""
        text = f"dispatched {label}" + (f", about {eta / 60:.0f} min away" if eta is not None else "")
        if off:
            text += " (off duty: override" + (f", {reason}" if reason else "") + ")"
        add_event(uow, incident.id, now, actor.username, EventKind.DISPATCH, text, member_id=key[0],
                  vehicle_id=key[1], data={"unit_kind": unit_kind, "unit_id": _row_id(unit_kind, row), "name": label,
                                           "distance_m": dist, "eta_s": eta, "override_off_duty": off,
                                           "reason": reason if off else ""})
    if override_min_free:
        add_event(uow, incident.id, now, actor.username, EventKind.NOTE,
                  "minimum free members per sub-squad overridden" + (f": {reason}" if reason else ""),
                  data={"override_min_free": True, "reason": reason})
    if incident.dispatched_at is None:
        incident.dispatched_at = now
    s.flush()
    code = incident_code(incident.id)
    uow.record(actor.username, "incident", incident.id, "updated",
               f"{code}: dispatched {len(states)} members, {len(vehicles)} vehicles")
    for st in states:
        uow.record(actor.username, "squad_member", st.member_id, "updated", f"dispatched to {code}")
    for v in vehicles:
        uow.record(actor.username, "vehicle", v.id, "updated", f"dispatched to {code}")
    uow.commit()
    return DispatchResult(incident.id, code, incident.version, IncidentStatus(incident.status),
                          tuple(d.id for d in dispatches), tuple(st.member_id for st in states),
                          tuple(v.id for v in vehicles))


def dispatch_recommended(uow: UnitOfWork, actor: Actor, incident_id: int, *, expected_version: int | None,
                         now: datetime | None = None) -> DispatchResult:
    """一键调度: dispatch the proposed team as it stands (no overrides)."""
    plan = recommend_for_incident(uow, incident_id)
    team = plan.recommendation.team
    members = [int(k.split(":")[1]) for k in team if k.startswith(SquadUnitKind.MEMBER + ":")]
    vehicles = [int(k.split(":")[1]) for k in team if k.startswith(SquadUnitKind.VEHICLE + ":")]
    return dispatch(uow, actor, incident_id, member_ids=members, vehicle_ids=vehicles,
                    expected_version=expected_version, now=now)


def _row_id(kind: SquadUnitKind, row) -> int:
    return row.member_id if kind is SquadUnitKind.MEMBER else row.id


def _check_min_free(uow: UnitOfWork, states: list[MemberState], minimum: int, override: bool) -> None:
    taking = Counter()
    squad_of = dict(uow.session.execute(select(SquadMember.id, SquadMember.sub_squad_id)).all())
    for st in states:
        if st.status == MemberStatus.AVAILABLE:
            taking[squad_of[st.member_id]] += 1
    if override or not taking:
        return
    free = Counter()
    known = set()
    for mid, status in uow.session.execute(select(MemberState.member_id, MemberState.status)):
        known.add(mid)
        if status == MemberStatus.AVAILABLE:
            free[squad_of[mid]] += 1
    for mid, sq in squad_of.items():  # members without a state row count as available
        if mid not in known:
            free[sq] += 1
    for sq, n in taking.items():
        left = free[sq] - n
        if left < minimum:
            name = uow.session.get(SubSquad, sq).name
            raise ValidationError("override_min_free", f"this leaves {name} with {max(left, 0)} free members "
                                                       f"(minimum {minimum}): override to dispatch anyway")
