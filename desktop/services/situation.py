"""The situation of the district for a day or a duty shift (值班日报), gathered in one read: hazard
figures against the previous day or shift, open hazards by street, the 7-day trend, the major
hazards open, the incidents with their dispatches and response times, the squad now, and the
district's outline with hazards and incidents placed on it.

    s = situation(uow, actor, date(2026, 11, 28), ShiftKind.DAY)

Each part is its own small function over a `Period`, so a dashboard can take just what it shows.
Qt-free; everything returned is a frozen dataclass.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import shapely
from sqlalchemy import func, select

from desktop.data.tables import Grid
from desktop.data.tables_dispatch import Incident
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import DISTRICT_TZ, Severity
from desktop.domain.incident import ResponseSummary
from desktop.domain.squad import ShiftKind
from desktop.services.common import Actor, Permission, require
from desktop.services.hazard_history import HazardAt, closed_count, daily_counts, day_of, found_count, open_at
from desktop.services.hazard_query import HazardRow, rows_by_ids
from desktop.services.incident_queries import (
    DispatchRow,
    IncidentFilter,
    IncidentRow,
    dispatch_rows,
    list_incidents,
    response_summary,
)
from desktop.services.squad import SubSquadSummary, VehicleRow, board_snapshot

SHIFT_HOURS = {ShiftKind.DAY: (8, 20), ShiftKind.NIGHT: (20, 32)}  # local hours; night ends 08:00 next day
TREND_DAYS = 7


@dataclass(frozen=True)
class Period:
    """A whole district day, or one duty shift of it (白班 08:00-20:00, 夜班 20:00-08:00)."""

    day: date
    shift: ShiftKind | None
    start: datetime               # aware, district time
    end: datetime

    def previous(self) -> Period:
        """The period the previous report covered: the day before, or the shift before."""
        if self.shift is None:
            return report_period(self.day - timedelta(days=1))
        if self.shift is ShiftKind.DAY:
            return report_period(self.day - timedelta(days=1), ShiftKind.NIGHT)
        return report_period(self.day, ShiftKind.DAY)


def report_period(day: date, shift: ShiftKind | str | None = None) -> Period:
    kind = ShiftKind(shift) if shift else None
    midnight = datetime.combine(day, time.min, DISTRICT_TZ)
    if kind is None:
        return Period(day, None, midnight, midnight + timedelta(days=1))
    if kind not in SHIFT_HOURS:
        raise ValidationError("shift", f"{shift!r} is not a duty shift (day or night)")
    first, last = SHIFT_HOURS[kind]
    return Period(day, kind, midnight + timedelta(hours=first), midnight + timedelta(hours=last))


@dataclass(frozen=True)
class HazardFigures:
    found: int          # found in the period
    closed: int         # closed off in the period
    open: int           # open at the end of the period (or now)
    overdue: int        # of those, past their deadline under rectification
    major_open: int     # of those, major hazards (重大隐患)


@dataclass(frozen=True)
class StreetCount:
    street_id: int
    name: str
    open: int
    overdue: int
    found: int          # in the period


@dataclass(frozen=True)
class DayCount:
    day: date
    found: int
    closed: int


@dataclass(frozen=True)
class MajorHazard:
    row: HazardRow              # the ticket as it is now (code, place, street, department, ...)
    at: HazardAt                # its status and deadline at the end of the period
    overdue_days: int


@dataclass(frozen=True)
class IncidentLine:
    row: IncidentRow
    dispatches: tuple[DispatchRow, ...]
    handed_over_to: str
    handed_over_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class StreetShape:
    id: int
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]   # outer rings (lon, lat), one per part
    label: tuple[float, float]                           # a point surely inside, for the name


@dataclass(frozen=True)
class MapHazard:
    lon: float
    lat: float
    major: bool
    overdue: bool
    new: bool                   # found in the period
    open: bool                  # open at the end of the period (a new one may be closed off already)


@dataclass(frozen=True)
class MapIncident:
    lon: float
    lat: float
    code: str


@dataclass(frozen=True)
class Situation:
    period: Period
    previous: Period
    as_at: datetime             # the end of the period, or now while it runs
    generated_at: datetime
    hazards: HazardFigures
    hazards_before: HazardFigures
    by_street: tuple[StreetCount, ...]
    trend: tuple[DayCount, ...]               # TREND_DAYS days ending on the period's day
    majors: tuple[MajorHazard, ...]           # most overdue first
    incidents: tuple[IncidentLine, ...]       # oldest call first; merged duplicates left out
    merged: int                               # duplicate calls merged into others
    incidents_before: int
    response: ResponseSummary
    squad: tuple[SubSquadSummary, ...]        # now, not at the period's end
    vehicles: tuple[VehicleRow, ...]
    streets: tuple[StreetShape, ...]
    map_hazards: tuple[MapHazard, ...]
    map_incidents: tuple[MapIncident, ...]

    @property
    def quiet(self) -> bool:
        """Nothing happened: no hazard found or closed off, no call."""
        return not (self.hazards.found or self.hazards.closed or self.incidents or self.merged)


def hazard_figures(uow: UnitOfWork, period: Period, open_then: list[HazardAt], day: date) -> HazardFigures:
    """Found and closed off in the period; open, overdue on `day` and major among `open_then`."""
    return HazardFigures(
        found=found_count(uow, period.start, period.end),
        closed=closed_count(uow, period.start, period.end),
        open=len(open_then),
        overdue=sum(h.overdue_on(day) for h in open_then),
        major_open=sum(h.severity is Severity.MAJOR for h in open_then),
    )


def streets(uow: UnitOfWork) -> list[tuple[int, str, str | None]]:
    """(id, name, GeoJSON) of the street and park grids, in code order."""
    q = select(Grid.id, Grid.name, Grid.geometry).where(Grid.level == GridLevel.STREET).order_by(Grid.code)
    return [tuple(r) for r in uow.session.execute(q)]


def street_shapes(rows: list[tuple[int, str, str | None]]) -> tuple[StreetShape, ...]:
    """The streets' outlines from their GeoJSON (holes left out: a street has none)."""
    out = []
    for street_id, name, geometry in rows:
        if not geometry:
            continue
        geo = json.loads(geometry)
        polygons = geo["coordinates"] if geo["type"] == "MultiPolygon" else [geo["coordinates"]]
        rings = tuple(tuple((float(x), float(y)) for x, y, *_ in poly[0]) for poly in polygons)
        p = shapely.from_geojson(geometry).representative_point()
        out.append(StreetShape(street_id, name, rings, (p.x, p.y)))
    return tuple(out)


def by_street(uow: UnitOfWork, period: Period, street_rows: list, open_then: list[HazardAt], day: date
              ) -> tuple[StreetCount, ...]:
    """Per street (code order, none left out): open and overdue among `open_then`, found in the period."""
    found = dict(uow.session.execute(
        select(Hazard.street_id, func.count()).where(Hazard.created_at >= period.start, Hazard.created_at < period.end)
        .group_by(Hazard.street_id)).all())
    opened = Counter(h.street_id for h in open_then)
    late = Counter(h.street_id for h in open_then if h.overdue_on(day))
    return tuple(StreetCount(i, name, opened[i], late[i], found.get(i, 0)) for i, name, _ in street_rows)


def major_hazards(uow: UnitOfWork, open_then: list[HazardAt], day: date) -> tuple[MajorHazard, ...]:
    """The major hazards among `open_then`, most overdue (on `day`) first, then by deadline."""
    majors = {h.id: h for h in open_then if h.severity is Severity.MAJOR}
    rows = rows_by_ids(uow, majors)
    out = [MajorHazard(r, majors[r.id], (day - majors[r.id].deadline).days if majors[r.id].overdue_on(day) else 0)
           for r in rows]
    out.sort(key=lambda m: (-m.overdue_days, m.at.deadline or date.max, m.row.id))
    return tuple(out)


def incident_lines(uow: UnitOfWork, period: Period) -> tuple[tuple[IncidentLine, ...], int]:
    """The calls of the period, oldest first, with their dispatches; and how many duplicates
    were merged into other incidents (left out of the list and of the response figures)."""
    rows = list_incidents(uow, IncidentFilter(since=period.start, until=period.end, limit=5000))
    kept = sorted((r for r in rows if r.merged_into_id is None), key=lambda r: (r.reported_at, r.id))
    extra = {i.id: i for i in uow.session.scalars(select(Incident).where(Incident.id.in_([r.id for r in kept])))}
    lines = tuple(IncidentLine(r, tuple(dispatch_rows(uow, r.id)), extra[r.id].handed_over_to,
                               extra[r.id].handed_over_at, extra[r.id].closed_at) for r in kept)
    return lines, len(rows) - len(kept)


def incident_count(uow: UnitOfWork, period: Period) -> int:
    """Calls in the period, merged duplicates left out."""
    return uow.session.scalar(select(func.count()).select_from(Incident).where(
        Incident.reported_at >= period.start, Incident.reported_at < period.end,
        Incident.merged_into_id.is_(None))) or 0


def map_hazards(uow: UnitOfWork, period: Period, open_then: list[HazardAt], day: date) -> tuple[MapHazard, ...]:
    """Open hazards at the end of the period, and those found in it (closed since or not)."""
    new = {r.id: r for r in uow.session.execute(
        select(Hazard.id, Hazard.lon, Hazard.lat, Hazard.severity)
        .where(Hazard.created_at >= period.start, Hazard.created_at < period.end))}
    out = [MapHazard(h.lon, h.lat, h.severity is Severity.MAJOR, h.overdue_on(day), h.id in new, True)
           for h in open_then]
    seen = {h.id for h in open_then}
    out += [MapHazard(r.lon, r.lat, r.severity == Severity.MAJOR, False, True, False)
            for i, r in new.items() if i not in seen]
    return tuple(out)


def situation(uow: UnitOfWork, actor: Actor, day: date, shift: ShiftKind | str | None = None, *,
              now: datetime | None = None) -> Situation:
    """Everything the duty daily shows for `day` (or one shift of it). A period still running is
    reported as at now; one that has not begun is refused (field "date")."""
    require(actor, Permission.READ)
    now = now or utcnow()
    period = report_period(day, shift)
    if period.start > now:
        raise ValidationError("date", f"{day.isoformat()} has not begun yet")
    previous = period.previous()
    as_at, before_at = min(period.end, now), min(previous.end, now)
    day_then = day_of(as_at)
    open_then = open_at(uow, as_at, now=now)
    open_before = open_at(uow, before_at, now=now)
    street_rows = streets(uow)
    incidents, merged = incident_lines(uow, period)
    board = board_snapshot(uow, now=now)
    trend = daily_counts(uow, day - timedelta(days=TREND_DAYS - 1), day)
    return Situation(
        period=period, previous=previous, as_at=as_at, generated_at=now,
        hazards=hazard_figures(uow, period, open_then, day_then),
        hazards_before=hazard_figures(uow, previous, open_before, day_of(before_at)),
        by_street=by_street(uow, period, street_rows, open_then, day_then),
        trend=tuple(DayCount(*t) for t in trend),
        majors=major_hazards(uow, open_then, day_then),
        incidents=incidents, merged=merged, incidents_before=incident_count(uow, previous),
        response=response_summary(uow, period.start, period.end),
        squad=board.sub_squads, vehicles=board.vehicles,
        streets=street_shapes(street_rows),
        map_hazards=map_hazards(uow, period, open_then, day_then),
        map_incidents=tuple(MapIncident(i.row.lon, i.row.lat, i.row.code) for i in incidents),
    )
