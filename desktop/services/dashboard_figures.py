"""The dashboard's figures as SQL aggregates, one small function each (see `dashboard` for the whole).

Every figure is answered by indexes alone on a million tickets (checked with EXPLAIN in
tests/services/test_dashboard.py; migration 0004_dashboard adds the three it needs):

* open by status, major open: `ix_hazards_status`, `ix_hazards_severity_status`;
* overdue by street/park: the overdue range of `ix_hazards_open_deadline` (the street is grouped
  as `street_id + 0`, else SQLite walks the whole street index to get its groups in order);
* per-day series: one statement whose rows are the days (a VALUES list of day bounds in UTC) and
  whose columns are correlated counts, each one index range: `ix_hazards_created` (new),
  `ix_hazards_closed_day` (closed, and closed with re-inspection and evidence), `ix_hazards_due`
  (due that day, and closed by the end of that day). Days are district calendar days (UTC+8).

The per-day function takes any list of days, so a change recounts only the days it touches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Date, column, func, select, values
from sqlalchemy.sql.elements import ColumnElement

from desktop.data.tables import Grid, SquadMember, SubSquad, UTCDateTime
from desktop.data.tables_dispatch import Incident, MemberState, Vehicle
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, StreetKind
from desktop.domain.hazard_terms import DISTRICT_TZ, OPEN_STATUSES, HazardStatus, Reinspection, Severity
from desktop.domain.incident import OPEN as OPEN_INCIDENTS
from desktop.domain.incident import ResponseSummary, response_times, summarize
from desktop.domain.squad import ENGAGED, MemberStatus, VehicleStatus
from desktop.services.dispatch_settings import get_dispatch_settings

DAY = timedelta(days=1)
_OPEN = sorted(s.value for s in OPEN_STATUSES)
_CHUNK = 400  # days per statement: 5 bound values each, far below every backend's limit


def day_start(day: date) -> datetime:
    """The first instant of a district calendar day (aware)."""
    return datetime.combine(day, time.min, DISTRICT_TZ)


@dataclass(frozen=True)
class DayCount:
    """One district day: tickets found, closed (销号), closed with a re-inspection and evidence,
    due (rectification deadline on that day) and closed by the end of their deadline day."""

    day: date
    new: int = 0
    closed: int = 0
    closed_recorded: int = 0
    due: int = 0
    due_on_time: int = 0


@dataclass(frozen=True)
class StreetCount:
    street_id: int
    name: str
    park: bool
    overdue: int


@dataclass(frozen=True)
class SquadAvailability:
    sub_squad_id: int
    name: str
    total: int
    available: int
    engaged: int            # dispatched, en route, on scene, returning
    off: int                # off duty, training, leave
    vehicles: int
    vehicles_available: int


@dataclass(frozen=True)
class IncidentPoint:
    id: int
    reported_at: datetime
    call_to_dispatch_s: float | None
    dispatch_to_arrival_s: float | None


@dataclass(frozen=True)
class IncidentFigures:
    today: int                      # called in today (district day), duplicates merged away
    open_now: int                   # reported .. handed over
    points: tuple[IncidentPoint, ...]  # every incident of the period, oldest first
    summary: ResponseSummary        # the period's response times against the targets


# -- hazards -------------------------------------------------------------------------------------


def open_by_status(uow: UnitOfWork) -> dict[HazardStatus, int]:
    """Open tickets (found .. awaiting re-inspection) per status, zeros included."""
    rows = uow.session.execute(select(Hazard.status, func.count()).where(Hazard.status.in_(_OPEN))
                               .group_by(Hazard.status)).all()
    got = {HazardStatus(s): int(n) for s, n in rows}
    return {s: got.get(s, 0) for s in OPEN_STATUSES}


def major_open(uow: UnitOfWork) -> int:
    """Open major hazards (重大隐患)."""
    return int(uow.session.scalar(select(func.count()).select_from(Hazard).where(
        Hazard.severity == Severity.MAJOR.value, Hazard.status.in_(_OPEN))))


def overdue_condition(today: date) -> list[ColumnElement]:
    """Past the deadline while rectifying: exactly the hazard table's "overdue" filter."""
    return [Hazard.overdue_able == 1, Hazard.deadline < today]


def overdue_by_street(uow: UnitOfWork, today: date, street_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Overdue tickets per street/park id (streets without any are left out); with `street_ids`,
    only those streets are counted (a change recounts the streets it touches)."""
    street = (Hazard.street_id + 0).label("street")
    q = select(street, func.count()).where(*overdue_condition(today))
    if street_ids is not None:
        wanted = sorted(set(street_ids))
        if not wanted:
            return {}
        q = q.where(street.in_(wanted))
    return {int(s): int(n) for s, n in uow.session.execute(q.group_by(street)).all()}


def streets(uow: UnitOfWork) -> list[tuple[int, str, bool]]:
    """(id, name, is a park) of every street/park grid, in code order."""
    rows = uow.session.execute(select(Grid.id, Grid.name, Grid.street_kind).where(
        Grid.level == GridLevel.STREET.value).order_by(Grid.code)).all()
    return [(i, name, kind == StreetKind.PARK.value) for i, name, kind in rows]


def day_counts(uow: UnitOfWork, days: Iterable[date]) -> dict[date, DayCount]:
    """The per-day figures of the given district days (any set of them)."""
    wanted = sorted(set(days))
    out: dict[date, DayCount] = {}
    for i in range(0, len(wanted), _CHUNK):
        out.update(_day_chunk(uow, wanted[i:i + _CHUNK]))
    return out


def _day_chunk(uow: UnitOfWork, days: list[date]) -> dict[date, DayCount]:
    b = values(column("d", Date), column("lo", UTCDateTime()), column("hi", UTCDateTime()), name="b").data(
        [(d, day_start(d), day_start(d + DAY)) for d in days]).cte("b")

    def n(*where: ColumnElement):
        return select(func.count()).select_from(Hazard).where(*where).scalar_subquery()

    closed = (Hazard.closed_at >= b.c.lo, Hazard.closed_at < b.c.hi)
    stmt = select(
        b.c.d,
        n(Hazard.created_at >= b.c.lo, Hazard.created_at < b.c.hi),
        n(*closed),
        n(*closed, Hazard.reinspection == Reinspection.PASSED.value, Hazard.round_evidence > 0),
        n(Hazard.deadline == b.c.d),
        n(Hazard.deadline == b.c.d, Hazard.closed_at < b.c.hi),
    )
    return {d: DayCount(d, *map(int, rest)) for d, *rest in uow.session.execute(stmt).all()}


# -- incidents and the squad -------------------------------------------------------------------------


def incident_figures(uow: UnitOfWork, start: date, end: date, today: date) -> IncidentFigures:
    """Incidents today and now, and every response time of the days start..end (inclusive)."""
    s = uow.session
    live = Incident.merged_into_id.is_(None)
    n_today = s.scalar(select(func.count()).select_from(Incident).where(
        live, Incident.reported_at >= day_start(today), Incident.reported_at < day_start(today + DAY)))
    n_open = s.scalar(select(func.count()).select_from(Incident).where(
        Incident.status.in_(sorted(OPEN_INCIDENTS))))
    st = get_dispatch_settings(uow)
    points, times = [], []
    for ident, reported, dispatched, arrived in s.execute(
            select(Incident.id, Incident.reported_at, Incident.dispatched_at, Incident.arrived_at)
            .where(live, Incident.reported_at >= day_start(start), Incident.reported_at < day_start(end + DAY))
            .order_by(Incident.reported_at, Incident.id)):
        t = response_times(reported, dispatched, arrived, st.dispatch_target_s, st.arrival_target_s)
        times.append(t)
        points.append(IncidentPoint(ident, reported, t.call_to_dispatch_s, t.dispatch_to_arrival_s))
    return IncidentFigures(int(n_today), int(n_open), tuple(points),
                           summarize(times, st.dispatch_target_s, st.arrival_target_s))


def squad_availability(uow: UnitOfWork) -> tuple[SquadAvailability, ...]:
    """Members and vehicles per sub-squad by what they can do now (a member without a state row
    is available, as on the squad board)."""
    s = uow.session
    status = func.coalesce(MemberState.status, MemberStatus.AVAILABLE.value)
    members: dict[int, Counter[str]] = {}
    for sq, st, n in s.execute(select(SquadMember.sub_squad_id, status, func.count())
                               .outerjoin(MemberState, MemberState.member_id == SquadMember.id)
                               .group_by(SquadMember.sub_squad_id, status)):
        members.setdefault(sq, Counter())[st] += n
    vehicles: dict[int, Counter[str]] = {}
    for sq, st, n in s.execute(select(Vehicle.sub_squad_id, Vehicle.status, func.count())
                               .group_by(Vehicle.sub_squad_id, Vehicle.status)):
        vehicles.setdefault(sq, Counter())[st] += n
    engaged = {str(x) for x in ENGAGED}
    out = []
    for sq_id, name in s.execute(select(SubSquad.id, SubSquad.name).order_by(SubSquad.number)):
        m, v = members.get(sq_id, Counter()), vehicles.get(sq_id, Counter())
        available = m[MemberStatus.AVAILABLE.value]
        busy = sum(c for k, c in m.items() if k in engaged)
        total = sum(m.values())
        out.append(SquadAvailability(sq_id, name, total, available, busy, total - available - busy,
                                     sum(v.values()), v[VehicleStatus.AVAILABLE.value]))
    return tuple(out)
