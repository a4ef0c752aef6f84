"""Incidents: intake with the similar-incident warning and merge, notes, edits, and the lifecycle
(on scene, hand-over to the fire and rescue service, close). Reads are in `incident_queries`.

Every write records ("incident", id, "created" | "updated"); units sent home by a close also
record ("squad_member" | "vehicle", id, "updated").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from desktop.data.tables_dispatch import Dispatch, Incident
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.domain.incident import (
    OPEN,
    EventKind,
    IncidentRefused,
    IncidentStatus,
    IncidentType,
    Severity,
    check_incident_transition,
    incident_code,
)
from desktop.domain.squad import MemberStatus, SquadUnitKind, VehicleStatus
from desktop.domain.travel import distance_m
from desktop.services.common import Actor, Permission, clean_text, get_or_404, require
from desktop.services.dispatch_settings import get_dispatch_settings
from desktop.services.incident_location import LocationInput, ResolvedLocation, resolve_location
from desktop.services.incident_queries import IncidentDetail, TimelineEntry, incident_detail, timeline
from desktop.services.locate import GridLocator
from desktop.services.unit_status import (
    add_event,
    change_status,
    check_row_version,
    member_state,
    vehicle_row,
)

MAX_DESCRIPTION = 2000
MAX_NOTE = 2000
BACKDATE_LIMIT = timedelta(days=30)   # a call logged afterwards, at most this long ago
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class IncidentInput:
    type: IncidentType | str
    severity: Severity | str
    location: LocationInput
    caller: str = ""
    phone: str = ""
    description: str = ""
    address: str = ""                  # empty: taken from the enterprise / grid / coordinates
    reported_at: datetime | None = None  # the call's time; default now


@dataclass(frozen=True)
class SimilarIncident:
    id: int
    code: str
    type: IncidentType
    status: IncidentStatus
    reported_at: datetime
    distance_m: float
    minutes_apart: float
    address: str


@dataclass(frozen=True)
class LocationPreview:
    """What the intake form shows once a location is chosen, before anything is saved."""

    lon: float
    lat: float
    grids: dict[GridLevel, int]
    enterprise_id: int | None
    address: str
    similar: tuple[SimilarIncident, ...]


@dataclass(frozen=True)
class IntakeResult:
    incident: IncidentDetail
    similar: tuple[SimilarIncident, ...]  # non-empty: warn and offer `merge_incident`


def _phone(value: str) -> str:
    phone = clean_text("phone", value, 32)
    if phone and (not all(ch.isdigit() or ch in "-+ ()" for ch in phone) or sum(ch.isdigit() for ch in phone) < 3):
        raise ValidationError("phone", f"{phone!r} is not a phone number")
    return phone


def _enum(field: str, enum: type, value):
    try:
        return enum(value)
    except ValueError:
        raise ValidationError(field, f"unknown {field} {value!r}; one of {', '.join(enum)}") from None


def similar_incidents(uow: UnitOfWork, lon: float, lat: float, at: datetime | None = None, *,
                      exclude_id: int | None = None) -> list[SimilarIncident]:
    """Incidents reported within the duplicate radius and time window of (lon, lat, at), nearest
    first; reports already merged elsewhere are left out."""
    st = get_dispatch_settings(uow)
    at = at or utcnow()
    window = timedelta(minutes=st.duplicate_window_min)
    dlat = st.duplicate_radius_m / 111_000 * 1.5  # a generous box; the exact distance decides
    dlon = dlat * 1.5
    q = select(Incident).where(
        Incident.reported_at >= at - window, Incident.reported_at <= at + window,
        Incident.lat.between(lat - dlat, lat + dlat), Incident.lon.between(lon - dlon, lon + dlon),
        Incident.merged_into_id.is_(None))
    if exclude_id is not None:
        q = q.where(Incident.id != exclude_id)
    out = []
    for i in uow.session.scalars(q):
        d = distance_m(lon, lat, i.lon, i.lat)
        if d <= st.duplicate_radius_m:
            out.append(SimilarIncident(i.id, incident_code(i.id), IncidentType(i.type), IncidentStatus(i.status),
                                       i.reported_at, round(d, 1), abs((at - i.reported_at).total_seconds()) / 60,
                                       i.address))
    out.sort(key=lambda x: (x.distance_m, -x.reported_at.timestamp()))
    return out


def preview_location(uow: UnitOfWork, loc: LocationInput, *, at: datetime | None = None,
                     locator: GridLocator | None = None) -> LocationPreview:
    """Resolve a location for the intake form (grids, address) and list similar incidents."""
    r = resolve_location(uow, loc, locator)
    return LocationPreview(r.lon, r.lat, r.grids, r.enterprise_id, r.address,
                           tuple(similar_incidents(uow, r.lon, r.lat, at)))


def report_incident(uow: UnitOfWork, actor: Actor, data: IncidentInput, *, locator: GridLocator | None = None,
                    now: datetime | None = None) -> IntakeResult:
    """Log a call. Every field is checked first (ValidationError names it; nothing is written)."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    itype = _enum("type", IncidentType, data.type)
    severity = _enum("severity", Severity, data.severity)
    caller = clean_text("caller", data.caller, 80)
    if any(ord(ch) < 32 for ch in caller):
        raise ValidationError("caller", "must not contain control characters")
    phone = _phone(data.phone)
    description = clean_text("description", data.description, MAX_DESCRIPTION)
    address = clean_text("address", data.address, 300)
    reported_at = data.reported_at or now
    if reported_at.tzinfo is None:
        raise ValidationError("reported_at", "needs a time zone")
    if reported_at > now + CLOCK_SKEW:
        raise ValidationError("reported_at", "is in the future")
    if reported_at < now - BACKDATE_LIMIT:
        raise ValidationError("reported_at", f"is more than {BACKDATE_LIMIT.days} days ago")
    where: ResolvedLocation = resolve_location(uow, data.location, locator)
    similar = tuple(similar_incidents(uow, where.lon, where.lat, reported_at))
    g = where.grids
    i = Incident(type=itype, severity=severity, status=IncidentStatus.REPORTED, lon=where.lon, lat=where.lat,
                 street_id=g[GridLevel.STREET], community_id=g[GridLevel.COMMUNITY],
                 sub_community_id=g[GridLevel.SUB_COMMUNITY], enterprise_grid_id=g.get(GridLevel.ENTERPRISE),
                 enterprise_id=where.enterprise_id, address=address or where.address, caller=caller, phone=phone,
                 description=description, reported_at=reported_at, created_by=actor.username,
                 handed_over_to="", close_reason="")
    s = uow.session
    s.add(i)
    s.flush()
    code = incident_code(i.id)
    text = f"{itype} ({severity}) at {i.address}" + (f", caller {caller}" if caller else "")
    add_event(uow, i.id, now, actor.username, EventKind.REPORTED, text,
              data={"type": itype, "severity": severity, "address": i.address, "caller": caller})
    if similar:
        add_event(uow, i.id, now, actor.username, EventKind.NOTE,
                  "similar incidents nearby: " + ", ".join(x.code for x in similar),
                  data={"similar": [x.code for x in similar]})
    uow.record(actor.username, "incident", i.id, "created", f"{code}: {text}")
    uow.commit()
    return IntakeResult(incident_detail(uow, i.id), similar)


def _locked(uow: UnitOfWork, incident_id: int, expected_version: int | None) -> Incident:
    i = uow.session.scalars(select(Incident).where(Incident.id == incident_id).with_for_update()
                            .execution_options(populate_existing=True)).first()
    if i is None:
        get_or_404(uow.session, Incident, incident_id, "incident")
    check_row_version(i, expected_version, "incident", incident_id)
    return i


def _status(uow: UnitOfWork, actor: Actor, i: Incident, new: IncidentStatus, now: datetime, text: str,
            **data) -> None:
    old = i.status
    i.status = new
    add_event(uow, i.id, now, actor.username, EventKind.STATUS, f"{old} → {new}" + (f": {text}" if text else ""),
              data={"from": old, "to": new, **data})


def add_note(uow: UnitOfWork, actor: Actor, incident_id: int, text: str, *,
             now: datetime | None = None) -> TimelineEntry:
    """Append a note to the timeline (author and time recorded); closed incidents take notes too."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    body = clean_text("text", text, MAX_NOTE)
    if not body:
        raise ValidationError("text", "must not be empty")
    get_or_404(uow.session, Incident, incident_id, "incident")
    add_event(uow, incident_id, now, actor.username, EventKind.NOTE, body)
    uow.session.flush()
    uow.record(actor.username, "incident", incident_id, "updated", f"{incident_code(incident_id)}: note")
    uow.commit()
    return timeline(uow, incident_id)[-1]


def update_incident(uow: UnitOfWork, actor: Actor, incident_id: int, *, expected_version: int | None,
                    type: str | None = None, severity: str | None = None, caller: str | None = None,
                    phone: str | None = None, description: str | None = None, address: str | None = None,
                    now: datetime | None = None) -> IncidentDetail:
    """Correct an open incident's details (None leaves a field as it is)."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    i = _locked(uow, incident_id, expected_version)
    if i.status not in OPEN:
        raise IncidentRefused(i.status, i.status, "a closed incident is not edited; add a note instead")
    changes = {}
    if type is not None:
        changes["type"] = _enum("type", IncidentType, type)
    if severity is not None:
        changes["severity"] = _enum("severity", Severity, severity)
    if caller is not None:
        changes["caller"] = clean_text("caller", caller, 80)
    if phone is not None:
        changes["phone"] = _phone(phone)
    if description is not None:
        changes["description"] = clean_text("description", description, MAX_DESCRIPTION)
    if address is not None:
        changes["address"] = clean_text("address", address, 300)
    changed = {k: v for k, v in changes.items() if getattr(i, k) != v}
    if changed:
        for k, v in changed.items():
            setattr(i, k, v)
        add_event(uow, i.id, now, actor.username, EventKind.EDIT, "edited: " + ", ".join(sorted(changed)),
                  data={"fields": sorted(changed)})
        uow.session.flush()
        uow.record(actor.username, "incident", i.id, "updated", f"{incident_code(i.id)} edited")
        uow.commit()
    return incident_detail(uow, i.id)


def mark_on_scene(uow: UnitOfWork, actor: Actor, incident_id: int, *, expected_version: int | None,
                  now: datetime | None = None) -> IncidentDetail:
    """First arrival reported by phone rather than by a member's status."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    i = _locked(uow, incident_id, expected_version)
    check_incident_transition(i.status, IncidentStatus.ON_SCENE)
    if i.arrived_at is None:
        i.arrived_at = now
    _status(uow, actor, i, IncidentStatus.ON_SCENE, now, "")
    uow.session.flush()
    uow.record(actor.username, "incident", i.id, "updated", f"{incident_code(i.id)} on scene")
    uow.commit()
    return incident_detail(uow, i.id)


def hand_over(uow: UnitOfWork, actor: Actor, incident_id: int, *, to: str, expected_version: int | None,
              note: str = "", now: datetime | None = None) -> IncidentDetail:
    """移交: the fire and rescue service takes command. `to` names who took over."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    receiver = clean_text("to", to, 200)
    if not receiver:
        raise ValidationError("to", "name who took over (e.g. the fire and rescue station)")
    i = _locked(uow, incident_id, expected_version)
    check_incident_transition(i.status, IncidentStatus.HANDED_OVER)
    i.handed_over_at, i.handed_over_to = now, receiver
    _status(uow, actor, i, IncidentStatus.HANDED_OVER, now,
            f"to {receiver}" + (f"; {note.strip()}" if note.strip() else ""), to_whom=receiver, note=note.strip())
    uow.session.flush()
    uow.record(actor.username, "incident", i.id, "updated", f"{incident_code(i.id)} handed over to {receiver}")
    uow.commit()
    return incident_detail(uow, i.id)


def _send_home(uow: UnitOfWork, actor: Actor, i: Incident, now: datetime) -> list[tuple[str, int]]:
    """Units still dispatched, en route or on scene for `i` start returning."""
    touched = []
    for d in uow.session.scalars(select(Dispatch).where(Dispatch.incident_id == i.id, Dispatch.released_at.is_(None))):
        kind = SquadUnitKind.MEMBER if d.member_id is not None else SquadUnitKind.VEHICLE
        unit_id = d.member_id if d.member_id is not None else d.vehicle_id
        row = member_state(uow, unit_id, now) if kind is SquadUnitKind.MEMBER else vehicle_row(uow, unit_id)
        if row.status in (MemberStatus.RETURNING, VehicleStatus.RETURNING) or row.incident_id != i.id:
            continue
        change_status(uow, actor.username, kind, unit_id,
                      MemberStatus.RETURNING if kind is SquadUnitKind.MEMBER else VehicleStatus.RETURNING,
                      expected_version=None, note="incident closed", now=now)
        touched.append(("squad_member" if kind is SquadUnitKind.MEMBER else "vehicle", unit_id))
    return touched


def close_incident(uow: UnitOfWork, actor: Actor, incident_id: int, *, expected_version: int | None,
                   reason: str = "", now: datetime | None = None) -> IncidentDetail:
    """Close. Without a hand-over a reason is required (false alarm, handled by the squad, ...).
    Units still engaged for it start returning."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    i = _locked(uow, incident_id, expected_version)
    text = check_incident_transition(i.status, IncidentStatus.CLOSED, reason)
    touched = _send_home(uow, actor, i, now)
    i.closed_at, i.close_reason = now, text
    _status(uow, actor, i, IncidentStatus.CLOSED, now, text, reason=text)
    uow.session.flush()
    uow.record(actor.username, "incident", i.id, "updated", f"{incident_code(i.id)} closed" + (f": {text}" if text else ""))
    for entity, unit_id in touched:
        uow.record(actor.username, entity, unit_id, "updated", f"returning from {incident_code(i.id)}")
    uow.commit()
    return incident_detail(uow, i.id)


def merge_incident(uow: UnitOfWork, actor: Actor, duplicate_id: int, into_id: int, *,
                   duplicate_version: int | None, into_version: int | None,
                   now: datetime | None = None) -> IncidentDetail:
    """Merge a duplicate report into the incident it repeats: the duplicate is closed with the
    reason "merged into JQ…", its caller and description go to the target's timeline. A duplicate
    with units still dispatched to it is refused (release or move them first)."""
    require(actor, Permission.DISPATCH)
    now = now or utcnow()
    if duplicate_id == into_id:
        raise ValidationError("into", "an incident cannot be merged into itself")
    # A fixed lock order, so two dispatchers merging in opposite directions never deadlock.
    first, second = sorted([(duplicate_id, duplicate_version), (into_id, into_version)])
    locked = {first[0]: _locked(uow, *first), second[0]: _locked(uow, *second)}
    dup, into = locked[duplicate_id], locked[into_id]
    if into.status not in OPEN:
        raise ValidationError("into", f"{incident_code(into.id)} is closed")
    if into.merged_into_id is not None:
        raise ValidationError("into", f"{incident_code(into.id)} was itself merged")
    active = uow.session.scalar(select(Dispatch.id).where(Dispatch.incident_id == dup.id, Dispatch.released_at.is_(None)))
    if active is not None:
        raise ValidationError("duplicate", f"{incident_code(dup.id)} still has units dispatched")
    reason = f"merged into {incident_code(into.id)}"
    check_incident_transition(dup.status, IncidentStatus.CLOSED, reason)
    dup.merged_into_id, dup.closed_at, dup.close_reason = into.id, now, reason
    _status(uow, actor, dup, IncidentStatus.CLOSED, now, reason, reason=reason, merged_into=incident_code(into.id))
    details = "; ".join(x for x in (dup.caller and f"caller {dup.caller} {dup.phone}".strip(), dup.description) if x)
    add_event(uow, into.id, now, actor.username, EventKind.MERGE,
              f"merged {incident_code(dup.id)} ({dup.reported_at:%H:%M} UTC)" + (f": {details}" if details else ""),
              data={"merged": incident_code(dup.id), "reported_at": dup.reported_at.isoformat(),
                    "caller": dup.caller, "phone": dup.phone, "description": dup.description})
    uow.session.flush()
    uow.record(actor.username, "incident", dup.id, "updated", reason)
    uow.record(actor.username, "incident", into.id, "updated", f"{incident_code(dup.id)} merged in")
    uow.commit()
    return incident_detail(uow, into.id)
