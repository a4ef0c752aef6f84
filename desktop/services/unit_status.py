"""Status changes of members and vehicles with their effect on the incident they serve.

Shared by the squad board (manual status changes), the dispatch service (closing an incident sends
its units home) and the simulator. Nothing here commits: the caller records and commits once, so a
member's status, the dispatch row and the incident change in one transaction.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from desktop.data.tables import SquadMember
from desktop.data.tables_dispatch import Dispatch, Incident, IncidentEvent, MemberState, Vehicle
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import ConflictError, NotFound, ValidationError
from desktop.domain.incident import EventKind, IncidentStatus
from desktop.domain.squad import (
    ENGAGED,
    VEHICLE_ENGAGED,
    MemberStatus,
    SquadUnitKind,
    VehicleStatus,
    check_member_transition,
    check_vehicle_transition,
)

MAX_NOTE = 200


def add_event(uow: UnitOfWork, incident_id: int, at: datetime, actor: str, kind: EventKind, text: str, *,
              data: dict | None = None, member_id: int | None = None, vehicle_id: int | None = None) -> None:
    """A timeline entry: `text` in English (or the author's own words), `data` the values a
    localised rendering needs (see incident_queries.TimelineEntry)."""
    uow.session.add(IncidentEvent(incident_id=incident_id, at=at, actor=actor, kind=kind, text=text,
                                  data=json.dumps(data, ensure_ascii=False, default=str) if data else "",
                                  member_id=member_id, vehicle_id=vehicle_id))


def check_row_version(row, expected: int | None, entity: str, key: object) -> None:
    if expected is not None and row.version != expected:
        raise ConflictError(entity, key, f"now at version {row.version}")


def member_state(uow: UnitOfWork, member_id: int, now: datetime, *, lock: bool = False) -> MemberState:
    """The member's state row, created as available when the roster has a member without one.
    `lock` takes a row lock on PostgreSQL so two dispatchers queue instead of racing."""
    s = uow.session
    if s.get(SquadMember, member_id) is None:
        raise NotFound("squad member", member_id)
    q = select(MemberState).where(MemberState.member_id == member_id)
    if lock:
        q = q.with_for_update().execution_options(populate_existing=True)
    state = s.scalars(q).first()
    if state is None:
        state = MemberState(member_id=member_id, status=MemberStatus.AVAILABLE, status_since=now,
                            status_note="", travel_mode="ebike")
        s.add(state)
        s.flush()
    return state


def vehicle_row(uow: UnitOfWork, vehicle_id: int, *, lock: bool = False) -> Vehicle:
    q = select(Vehicle).where(Vehicle.id == vehicle_id)
    if lock:
        q = q.with_for_update().execution_options(populate_existing=True)
    v = uow.session.scalars(q).first()
    if v is None:
        raise NotFound("vehicle", vehicle_id)
    return v


def active_dispatch(uow: UnitOfWork, kind: SquadUnitKind, unit_id: int) -> Dispatch | None:
    col = Dispatch.member_id if kind is SquadUnitKind.MEMBER else Dispatch.vehicle_id
    return uow.session.scalars(select(Dispatch).where(col == unit_id, Dispatch.released_at.is_(None))).first()


def change_status(uow: UnitOfWork, actor: str, kind: SquadUnitKind, unit_id: int, new: str, *,
                  expected_version: int | None, note: str, now: datetime) -> int | None:
    """Move a member or vehicle to `new`, with the effects on its incident. Returns the id of the
    incident it touched (for the change feed), or None."""
    s = uow.session
    if len(note or "") > MAX_NOTE:
        raise ValidationError("note", f"is {len(note)} characters long; at most {MAX_NOTE} allowed")
    note = (note or "").strip()
    if kind is SquadUnitKind.MEMBER:
        try:
            new = MemberStatus(new)
        except ValueError:
            raise ValidationError("status", f"unknown member status {new!r}") from None
        row = member_state(uow, unit_id, now, lock=True)
        check_row_version(row, expected_version, "squad member", unit_id)
        if new is MemberStatus.DISPATCHED:
            raise ValidationError("status", "a member is dispatched through an incident's dispatch")
        current = MemberStatus(row.status)
        check_member_transition(current, new)
        engaged, label = ENGAGED, s.get(SquadMember, unit_id).name
    else:
        try:
            new = VehicleStatus(new)
        except ValueError:
            raise ValidationError("status", f"unknown vehicle status {new!r}") from None
        row = vehicle_row(uow, unit_id, lock=True)
        check_row_version(row, expected_version, "vehicle", unit_id)
        if new is VehicleStatus.DISPATCHED:
            raise ValidationError("status", "a vehicle is dispatched through an incident's dispatch")
        current = VehicleStatus(row.status)
        check_vehicle_transition(current, new)
        engaged, label = VEHICLE_ENGAGED, row.name
    incident_id = row.incident_id
    ids = {"member_id": unit_id} if kind is SquadUnitKind.MEMBER else {"vehicle_id": unit_id}
    if current in engaged and incident_id is not None:
        d = active_dispatch(uow, kind, unit_id)
        incident = s.get(Incident, incident_id)
        if new in (MemberStatus.ON_SCENE, VehicleStatus.ON_SCENE):
            if d is not None and d.arrived_at is None:
                d.arrived_at = now
            if incident.arrived_at is None:
                incident.arrived_at = now
            if incident.status == IncidentStatus.DISPATCHED:
                incident.status = IncidentStatus.ON_SCENE
                add_event(uow, incident.id, now, actor, EventKind.STATUS,
                          f"{IncidentStatus.DISPATCHED} → {IncidentStatus.ON_SCENE}: first arrival ({label})",
                          data={"from": IncidentStatus.DISPATCHED, "to": IncidentStatus.ON_SCENE,
                                "first_arrival": label})
        if new not in engaged:  # back: the dispatch ends
            if d is not None:
                d.released_at = now
            row.incident_id = None
        text = f"{label}: {current} → {new}" + (f" ({note})" if note else "")
        add_event(uow, incident.id, now, actor, EventKind.MEMBER, text, **ids,
                  data={"unit_kind": kind, "unit_id": unit_id, "name": label, "from": current, "to": new,
                        "note": note})
        s.flush()
    row.status = new
    row.status_since = now
    if kind is SquadUnitKind.MEMBER:
        row.status_note = note
    s.flush()
    return incident_id

