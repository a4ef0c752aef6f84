"""Reading incidents: the list, rows for live refresh, the detail with its dispatches and timeline,
the open incidents for the map, and response-time figures for the dashboard."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from desktop.data.tables import Enterprise, Grid, SquadMember, SubSquad
from desktop.data.tables_dispatch import Dispatch, Incident, IncidentEvent, MemberState, Vehicle
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.dispatch_settings import DispatchSettings
from desktop.domain.enums import GridLevel
from desktop.domain.incident import (
    DISPATCHABLE,
    OPEN,
    EventKind,
    IncidentStatus,
    IncidentType,
    ResponseSummary,
    ResponseTimes,
    Severity,
    incident_code,
    response_times,
    summarize,
)
from desktop.domain.squad import SquadUnitKind
from desktop.services.common import get_or_404
from desktop.services.dispatch_settings import get_dispatch_settings


@dataclass(frozen=True)
class IncidentRow:
    id: int
    code: str                     # JQ000123
    type: IncidentType
    severity: Severity
    status: IncidentStatus
    reported_at: datetime         # the call
    address: str
    street_id: int
    street: str
    community: str
    sub_community: str
    lon: float
    lat: float
    caller: str
    units_active: int             # members and vehicles dispatched and not yet released
    response: ResponseTimes       # call → dispatch, dispatch → first arrival, against the targets
    merged_into_id: int | None
    version: int


@dataclass(frozen=True)
class IncidentFilter:
    open_only: bool = False
    statuses: frozenset[str] | None = None
    type: str | None = None
    street_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str = ""                # code (JQ000123), address, caller, phone or description contains
    limit: int = 500
    before: tuple[datetime, int] | None = None  # keyset paging: (reported_at, id) of the last row shown


@dataclass(frozen=True)
class GridRef:
    level: GridLevel
    id: int
    name: str


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: datetime
    actor: str
    kind: EventKind
    text: str                     # English, or the author's note (kind "note" without data)
    data: dict                    # values for a localised text; keys by kind:
    # reported: type, severity, address, caller · status: from, to (+ first_arrival | to_whom, note |
    # reason | merged_into) · dispatch: unit_kind, unit_id, name, distance_m, eta_s, override_off_duty,
    # reason · member: unit_kind, unit_id, name, from, to, note · edit: fields · merge: merged,
    # reported_at, caller, phone, description · note: {} (a person's note) | similar | override_min_free
    member_id: int | None
    vehicle_id: int | None


@dataclass(frozen=True)
class DispatchRow:
    id: int
    kind: SquadUnitKind
    unit_id: int
    name: str
    call_sign: str                # vehicles: their plate
    sub_squad: str
    dispatched_at: datetime
    dispatched_by: str
    arrived_at: datetime | None
    released_at: datetime | None
    distance_m: float | None      # at dispatch
    eta_s: float | None           # at dispatch
    override_off_duty: bool
    override_min_free: bool
    override_reason: str
    unit_status: str              # the member's / vehicle's status now
    active: bool


@dataclass(frozen=True)
class IncidentDetail:
    row: IncidentRow
    description: str
    phone: str
    grids: tuple[GridRef, ...]    # street, community, sub-community (, enterprise grid)
    enterprise_id: int | None
    enterprise: str
    dispatched_at: datetime | None
    arrived_at: datetime | None
    handed_over_at: datetime | None
    handed_over_to: str
    closed_at: datetime | None
    close_reason: str
    merged_into_code: str | None
    merged_from: tuple[str, ...]  # codes of reports merged into this one
    created_by: str
    dispatches: tuple[DispatchRow, ...]
    timeline: tuple[TimelineEntry, ...]
    allowed: frozenset[str]       # dispatch | on_scene | hand_over | close | note | edit | merge


@dataclass(frozen=True)
class IncidentMapPoint:
    id: int
    code: str
    type: IncidentType
    severity: Severity
    status: IncidentStatus
    lon: float
    lat: float
    reported_at: datetime
    address: str
    units_active: int


def _row_query():
    street, comm, sub = aliased(Grid), aliased(Grid), aliased(Grid)
    return (select(Incident, street.name.label("street"), comm.name.label("community"), sub.name.label("sub"))
            .join(street, Incident.street_id == street.id)
            .join(comm, Incident.community_id == comm.id)
            .join(sub, Incident.sub_community_id == sub.id))


def _active_counts(uow: UnitOfWork, ids: list[int]) -> Counter[int]:
    if not ids:
        return Counter()
    rows = uow.session.execute(select(Dispatch.incident_id, func.count()).where(
        Dispatch.incident_id.in_(ids), Dispatch.released_at.is_(None)).group_by(Dispatch.incident_id))
    return Counter(dict(rows.all()))


def _times(i: Incident, st: DispatchSettings) -> ResponseTimes:
    return response_times(i.reported_at, i.dispatched_at, i.arrived_at, st.dispatch_target_s, st.arrival_target_s)


def _rows(uow: UnitOfWork, q) -> list[IncidentRow]:
    st = get_dispatch_settings(uow)
    result = uow.session.execute(q).all()
    active = _active_counts(uow, [r[0].id for r in result])
    return [IncidentRow(i.id, incident_code(i.id), IncidentType(i.type), Severity(i.severity),
                        IncidentStatus(i.status), i.reported_at, i.address, i.street_id, street, comm, sub,
                        i.lon, i.lat, i.caller, active[i.id], _times(i, st), i.merged_into_id, i.version)
            for i, street, comm, sub in result]


def _code_id(text: str) -> int | None:
    t = text.strip().upper()
    if t.startswith("JQ") and t[2:].isdigit():
        return int(t[2:])
    return None


def list_incidents(uow: UnitOfWork, flt: IncidentFilter | None = None) -> list[IncidentRow]:
    """Newest call first; filters and keyset paging in SQL."""
    f = flt or IncidentFilter()
    q = _row_query()
    if f.open_only:
        q = q.where(Incident.status.in_([s.value for s in OPEN]))
    if f.statuses is not None:
        q = q.where(Incident.status.in_(list(f.statuses)))
    if f.type is not None:
        q = q.where(Incident.type == f.type)
    if f.street_id is not None:
        q = q.where(Incident.street_id == f.street_id)
    if f.since is not None:
        q = q.where(Incident.reported_at >= f.since)
    if f.until is not None:
        q = q.where(Incident.reported_at < f.until)
    text = f.text.strip()
    if text:
        code = _code_id(text)
        q = q.where(Incident.id == code) if code is not None else q.where(or_(
            Incident.address.contains(text, autoescape=True), Incident.caller.contains(text, autoescape=True),
            Incident.phone.contains(text, autoescape=True), Incident.description.contains(text, autoescape=True)))
    if f.before is not None:
        at, last_id = f.before
        q = q.where(or_(Incident.reported_at < at, and_(Incident.reported_at == at, Incident.id < last_id)))
    q = q.order_by(Incident.reported_at.desc(), Incident.id.desc()).limit(max(1, min(f.limit, 5000)))
    return _rows(uow, q)


def incident_rows(uow: UnitOfWork, ids: Iterable[int]) -> list[IncidentRow]:
    """Fresh rows for the given ids (a live update refreshes only these)."""
    ids = list(set(ids))
    if not ids:
        return []
    return _rows(uow, _row_query().where(Incident.id.in_(ids)))


def timeline(uow: UnitOfWork, incident_id: int) -> list[TimelineEntry]:
    rows = uow.session.scalars(select(IncidentEvent).where(IncidentEvent.incident_id == incident_id)
                               .order_by(IncidentEvent.at, IncidentEvent.id))
    return [TimelineEntry(e.id, e.at, e.actor, EventKind(e.kind), e.text, _data(e.data), e.member_id, e.vehicle_id)
            for e in rows]


def _data(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def dispatch_rows(uow: UnitOfWork, incident_id: int) -> list[DispatchRow]:
    s = uow.session
    out: list[DispatchRow] = []
    for d, m, sq, st in s.execute(
            select(Dispatch, SquadMember, SubSquad, MemberState.status)
            .join(SquadMember, Dispatch.member_id == SquadMember.id)
            .join(SubSquad, SquadMember.sub_squad_id == SubSquad.id)
            .outerjoin(MemberState, MemberState.member_id == SquadMember.id)
            .where(Dispatch.incident_id == incident_id)):
        out.append(DispatchRow(d.id, SquadUnitKind.MEMBER, m.id, m.name, m.call_sign, sq.name, d.dispatched_at,
                               d.dispatched_by, d.arrived_at, d.released_at, d.distance_m, d.eta_s,
                               d.override_off_duty, d.override_min_free, d.override_reason, st or "available",
                               d.released_at is None))
    for d, v, sq in s.execute(
            select(Dispatch, Vehicle, SubSquad).join(Vehicle, Dispatch.vehicle_id == Vehicle.id)
            .join(SubSquad, Vehicle.sub_squad_id == SubSquad.id).where(Dispatch.incident_id == incident_id)):
        out.append(DispatchRow(d.id, SquadUnitKind.VEHICLE, v.id, v.name, v.plate, sq.name, d.dispatched_at,
                               d.dispatched_by, d.arrived_at, d.released_at, d.distance_m, d.eta_s, False, False,
                               d.override_reason, v.status, d.released_at is None))
    out.sort(key=lambda r: (r.dispatched_at, r.kind, r.name))
    return out


def _allowed(status: IncidentStatus) -> frozenset[str]:
    acts = {"note"}
    if status in DISPATCHABLE:
        acts |= {"dispatch", "edit", "merge"}
    if status == IncidentStatus.DISPATCHED:
        acts.add("on_scene")
    if status in (IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE):
        acts.add("hand_over")
    if status in OPEN:
        acts.add("close")
    return frozenset(acts)


def incident_detail(uow: UnitOfWork, incident_id: int) -> IncidentDetail:
    s = uow.session
    i: Incident = get_or_404(s, Incident, incident_id, "incident")
    row = incident_rows(uow, [i.id])[0]
    levels = [(GridLevel.STREET, i.street_id), (GridLevel.COMMUNITY, i.community_id),
              (GridLevel.SUB_COMMUNITY, i.sub_community_id)]
    if i.enterprise_grid_id:
        levels.append((GridLevel.ENTERPRISE, i.enterprise_grid_id))
    names = dict(s.execute(select(Grid.id, Grid.name).where(Grid.id.in_([g for _, g in levels]))).all())
    enterprise = s.get(Enterprise, i.enterprise_id).name if i.enterprise_id else ""
    merged_from = tuple(incident_code(x) for x in s.scalars(
        select(Incident.id).where(Incident.merged_into_id == i.id).order_by(Incident.id)))
    return IncidentDetail(
        row, i.description, i.phone, tuple(GridRef(lv, g, names.get(g, "")) for lv, g in levels),
        i.enterprise_id, enterprise, i.dispatched_at, i.arrived_at, i.handed_over_at, i.handed_over_to,
        i.closed_at, i.close_reason, incident_code(i.merged_into_id) if i.merged_into_id else None, merged_from,
        i.created_by, tuple(dispatch_rows(uow, i.id)), tuple(timeline(uow, i.id)), _allowed(IncidentStatus(i.status)))


def open_incidents_for_map(uow: UnitOfWork) -> list[IncidentMapPoint]:
    """Every open incident (reported .. handed over) as a map point, newest first."""
    q = (select(Incident).where(Incident.status.in_([s.value for s in OPEN]))
         .order_by(Incident.reported_at.desc(), Incident.id.desc()))
    rows = uow.session.scalars(q).all()
    active = _active_counts(uow, [i.id for i in rows])
    return [IncidentMapPoint(i.id, incident_code(i.id), IncidentType(i.type), Severity(i.severity),
                             IncidentStatus(i.status), i.lon, i.lat, i.reported_at, i.address, active[i.id])
            for i in rows]


def incident_map_points(uow: UnitOfWork, ids: Iterable[int]) -> list[IncidentMapPoint]:
    """The given incidents as map points, open or not (a closed one: remove its marker)."""
    ids = list(set(ids))
    if not ids:
        return []
    rows = uow.session.scalars(select(Incident).where(Incident.id.in_(ids))).all()
    active = _active_counts(uow, ids)
    return [IncidentMapPoint(i.id, incident_code(i.id), IncidentType(i.type), Severity(i.severity),
                             IncidentStatus(i.status), i.lon, i.lat, i.reported_at, i.address, active[i.id])
            for i in rows]


# -- response times for the dashboard ------------------------------------------------------------


def response_summary(uow: UnitOfWork, since: datetime, until: datetime, *, street_id: int | None = None,
                     incident_type: str | None = None) -> ResponseSummary:
    """Response figures over incidents called in [since, until), merged duplicates left out."""
    st = get_dispatch_settings(uow)
    q = select(Incident.reported_at, Incident.dispatched_at, Incident.arrived_at).where(
        Incident.reported_at >= since, Incident.reported_at < until, Incident.merged_into_id.is_(None))
    if street_id is not None:
        q = q.where(Incident.street_id == street_id)
    if incident_type is not None:
        q = q.where(Incident.type == incident_type)
    times = [response_times(r, d, a, st.dispatch_target_s, st.arrival_target_s)
             for r, d, a in uow.session.execute(q)]
    return summarize(times, st.dispatch_target_s, st.arrival_target_s)


@dataclass(frozen=True)
class MonthlyResponse:
    year: int
    month: int
    summary: ResponseSummary


def response_by_month(uow: UnitOfWork, *, months: int = 12, now: datetime | None = None) -> list[MonthlyResponse]:
    """The last `months` calendar months (UTC), oldest first, the current month included."""
    now = now or utcnow()
    st = get_dispatch_settings(uow)
    y, m = now.year, now.month
    spans = []
    for _ in range(months):
        spans.append((y, m))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    spans.reverse()
    first = now.replace(year=spans[0][0], month=spans[0][1], day=1, hour=0, minute=0, second=0, microsecond=0)
    buckets: dict[tuple[int, int], list[ResponseTimes]] = {k: [] for k in spans}
    for r, d, a in uow.session.execute(select(Incident.reported_at, Incident.dispatched_at, Incident.arrived_at)
                                       .where(Incident.reported_at >= first, Incident.merged_into_id.is_(None))):
        key = (r.year, r.month)
        if key in buckets:
            buckets[key].append(response_times(r, d, a, st.dispatch_target_s, st.arrival_target_s))
    return [MonthlyResponse(yy, mm, summarize(buckets[(yy, mm)], st.dispatch_target_s, st.arrival_target_s))
            for yy, mm in spans]
