"""The live situation at a glance (态势看板): every dashboard figure in one read, and a refresh
that recomputes only what a change touched.

    figures = load(uow, Period.last(30))               # the whole dashboard
    figures = refresh(uow, figures, Touched.of(feed))  # after changes: only the touched parts

A change to hazards recounts the open and major figures (index-only counts), the overdue count
of the streets those tickets lie in, and the per-day figures of the days they touch (found,
closed, and every deadline they ever had: the current one and those in their assign /
failed re-inspection events). Incidents, the squad and the registers (grids, enterprises,
rules) are recomputed only when they changed. A new district day reloads everything.

Definitions: days and weeks are district calendar days (UTC+8), weeks start on Monday. The
on-time rectification rate of a week: tickets whose deadline fell on a past day of that week and
were closed off (销号) by the end of their deadline day / all tickets due on those days (the
current deadline counts: a failed re-inspection sets a new one). The five completes: see
`dashboard_five`. Qt-free; Drill says which list a clicked figure stands for.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select

from desktop.data.feed import Change
from desktop.data.tables_hazards import Hazard, HazardEvent
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_flow import HazardAction
from desktop.domain.hazard_terms import OPEN_STATUSES, HazardStatus, Severity, district_today, local_time
from desktop.services.dashboard_figures import (
    DayCount,
    IncidentFigures,
    IncidentPoint,
    SquadAvailability,
    StreetCount,
    day_counts,
    incident_figures,
    major_open,
    open_by_status,
    overdue_by_street,
    squad_availability,
    streets,
)
from desktop.services.dashboard_five import Ratio, Structure, structure
from desktop.services.enterprises import NO_LEAD, EnterpriseFilter
from desktop.services.hazard_filters import HazardQuery, HazardSort

RANGES = (7, 30, 90, 365)   # the time-range selector's choices, in days
MAX_DAYS = 3 * 366          # a custom range longer than this is refused
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """District calendar days start..end, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("period", "the range ends before it starts")
        if (self.end - self.start).days + 1 > MAX_DAYS:
            raise ValidationError("period", f"at most {MAX_DAYS} days")

    @classmethod
    def last(cls, days: int, today: date | None = None) -> Period:
        end = today or district_today()
        return cls(end - timedelta(days=days - 1), end)

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.length)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class WeekRate:
    week: date      # its Monday
    due: int        # tickets due on a past day of this week (inside the period)
    on_time: int    # of them, closed off by the end of their deadline day

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class FiveCompletes:
    area_covered: Ratio            # 监管区域全覆盖
    grids_with_officer: Ratio      #   (beside it: staffed sub-community grids)
    enterprises_supervised: Ratio  # 生产经营单位全监管
    key_included: Ratio            # 重点监管内容全纳入
    tasks_done: Ratio              # 日常监管任务全完成
    inspections_recorded: Ratio    # 检查信息全记录


@dataclass(frozen=True)
class Figures:
    period: Period
    today: date
    at: datetime                                   # when these were read
    open_by_status: tuple[tuple[HazardStatus, int], ...]
    major_open: int
    streets: tuple[StreetCount, ...]               # every street/park in code order, zeros included
    days: tuple[DayCount, ...]                     # every day of the period, oldest first
    incidents: IncidentFigures
    squad: tuple[SquadAvailability, ...]
    structure: Structure

    @property
    def open_total(self) -> int:
        return sum(n for _, n in self.open_by_status)

    @property
    def overdue_total(self) -> int:
        return sum(s.overdue for s in self.streets)

    @property
    def squad_available(self) -> Ratio:
        return Ratio(sum(s.available for s in self.squad), sum(s.total for s in self.squad))

    @property
    def vehicles_available(self) -> Ratio:
        return Ratio(sum(s.vehicles_available for s in self.squad), sum(s.vehicles for s in self.squad))

    def judged_days(self) -> list[DayCount]:
        """The days whose deadlines have passed (before today)."""
        return [d for d in self.days if d.day < self.today]

    def weeks(self) -> tuple[WeekRate, ...]:
        weeks: dict[date, list[int]] = {}
        for d in self.judged_days():
            acc = weeks.setdefault(d.day - timedelta(days=d.day.weekday()), [0, 0])
            acc[0] += d.due
            acc[1] += d.due_on_time
        return tuple(WeekRate(w, due, ok) for w, (due, ok) in sorted(weeks.items()))

    @property
    def five(self) -> FiveCompletes:
        judged = self.judged_days()
        st = self.structure
        return FiveCompletes(
            st.area_covered, st.grids_with_officer, st.enterprises_supervised, st.key_included,
            Ratio(sum(d.due_on_time for d in judged), sum(d.due for d in judged)),
            Ratio(sum(d.closed_recorded for d in self.days), sum(d.closed for d in self.days)))


# -- reading -------------------------------------------------------------------------------------


def _streets(uow: UnitOfWork, today: date) -> tuple[StreetCount, ...]:
    counts = overdue_by_street(uow, today)
    return tuple(StreetCount(i, name, park, counts.get(i, 0)) for i, name, park in streets(uow))


def load(uow: UnitOfWork, period: Period, *, today: date | None = None, now: datetime | None = None) -> Figures:
    """Every figure of the dashboard for `period`."""
    today = today or district_today()
    counts = day_counts(uow, period.days())
    return Figures(
        period=period, today=today, at=now or utcnow(),
        open_by_status=tuple(open_by_status(uow).items()), major_open=major_open(uow),
        streets=_streets(uow, today), days=tuple(counts[d] for d in period.days()),
        incidents=incident_figures(uow, period.start, period.end, today),
        squad=squad_availability(uow), structure=structure(uow))


@dataclass(frozen=True)
class Touched:
    """What a batch of changes touched, as far as the dashboard cares."""

    hazard_ids: frozenset[int] = frozenset()
    incidents: bool = False
    squad: bool = False
    structure: bool = False     # grids, enterprises, boundary rules
    everything: bool = False    # the district was reloaded, or an id we cannot read

    @classmethod
    def of(cls, changes: Iterable[Change]) -> Touched:
        ids: set[int] = set()
        flags = dict(incidents=False, squad=False, structure=False, everything=False)
        for c in changes:
            if c.entity == "hazard":
                try:
                    ids.add(int(c.entity_id))
                except ValueError:
                    flags["everything"] = True
            elif c.entity == "incident" or c.entity == "setting":  # settings: the response targets
                flags["incidents"] = True
            elif c.entity in ("squad_member", "vehicle") and c.action != "moved":  # positions don't count
                flags["squad"] = True
            elif c.entity in ("enterprise", "grid", "boundary_rule"):
                flags["structure"] = True
            elif c.entity == "district":
                flags["everything"] = True
        return cls(frozenset(ids), **flags)

    def __or__(self, other: Touched) -> Touched:
        return Touched(self.hazard_ids | other.hazard_ids, self.incidents or other.incidents,
                       self.squad or other.squad, self.structure or other.structure,
                       self.everything or other.everything)

    def __bool__(self) -> bool:
        return bool(self.hazard_ids) or self.incidents or self.squad or self.structure or self.everything


@dataclass(frozen=True)
class HazardKeys:
    """Where some tickets count: the district days they touch and their streets."""

    days: frozenset[date] = field(default_factory=frozenset)
    streets: frozenset[int] = field(default_factory=frozenset)


_DEADLINE_ACTIONS = (HazardAction.ASSIGN.value, HazardAction.REINSPECT_FAIL.value)


def hazard_keys(uow: UnitOfWork, ids: Iterable[int]) -> HazardKeys:
    """The days (found, closed, every deadline they had) and streets of these tickets."""
    wanted = sorted(set(ids))
    days: set[date] = set()
    street_ids: set[int] = set()
    s = uow.session
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        for created, closed, deadline, street in s.execute(select(
                Hazard.created_at, Hazard.closed_at, Hazard.deadline, Hazard.street_id).where(Hazard.id.in_(chunk))):
            days.add(local_time(created).date())
            if closed is not None:
                days.add(local_time(closed).date())
            if deadline is not None:
                days.add(deadline)
            street_ids.add(street)
        for data in s.scalars(select(HazardEvent.data).where(HazardEvent.hazard_id.in_(chunk),
                                                             HazardEvent.action.in_(_DEADLINE_ACTIONS))):
            deadline = _deadline(data)
            if deadline is not None:
                days.add(deadline)
    return HazardKeys(frozenset(days), frozenset(street_ids))


def _deadline(data: str) -> date | None:
    try:
        return date.fromisoformat(json.loads(data or "{}")["deadline"])
    except (ValueError, KeyError, TypeError):
        return None


def refresh(uow: UnitOfWork, previous: Figures, touched: Touched, *, today: date | None = None,
            now: datetime | None = None) -> Figures:
    """`previous` with the figures `touched` recomputed (a new district day: everything)."""
    today = today or district_today()
    if touched.everything or today != previous.today:
        return load(uow, previous.period, today=today, now=now)
    figs = replace(previous, at=now or utcnow())
    if touched.hazard_ids:
        keys = hazard_keys(uow, touched.hazard_ids)
        counts = day_counts(uow, [d for d in keys.days if d in previous.period])
        recount = overdue_by_street(uow, today, keys.streets)
        figs = replace(
            figs, open_by_status=tuple(open_by_status(uow).items()), major_open=major_open(uow),
            days=tuple(counts.get(d.day, d) for d in figs.days),
            streets=tuple(replace(s, overdue=recount.get(s.street_id, 0)) if s.street_id in keys.streets else s
                          for s in figs.streets))
    if touched.incidents:
        figs = replace(figs, incidents=incident_figures(uow, figs.period.start, figs.period.end, today))
    if touched.squad:
        figs = replace(figs, squad=squad_availability(uow))
    if touched.structure:  # a grid renamed or added: the street list too
        figs = replace(figs, structure=structure(uow), streets=_streets(uow, today))
    return figs


# -- what a click opens ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Drill:
    """The list behind a clicked figure: which screen, with which filter."""

    screen: str                             # "hazards" | "dispatch" | "enterprises"
    key: str                                # what was clicked: "open", "overdue", "sub_squad", ...
    hazards: HazardQuery | None = None
    enterprises: EnterpriseFilter | None = None
    sub_squad_id: int | None = None


def drill_open(status: HazardStatus | None = None) -> Drill:
    statuses = frozenset({status}) if status is not None else frozenset(OPEN_STATUSES)
    return Drill("hazards", "open", HazardQuery(statuses=statuses, sort=HazardSort.CREATED, descending=True))


def drill_major() -> Drill:
    return Drill("hazards", "major", HazardQuery(statuses=frozenset(OPEN_STATUSES),
                                                 severities=frozenset({Severity.MAJOR})))


def drill_overdue(street_id: int | None = None) -> Drill:
    return Drill("hazards", "overdue", HazardQuery(overdue=True, street_id=street_id, sort=HazardSort.OVERDUE,
                                                   descending=True))


def drill_found_on(day: date) -> Drill:
    return Drill("hazards", "found_on", HazardQuery(created_from=day, created_to=day))


def drill_incidents() -> Drill:
    return Drill("dispatch", "incidents")


def drill_squad(sub_squad_id: int | None = None) -> Drill:
    return Drill("dispatch", "sub_squad" if sub_squad_id is not None else "squad", sub_squad_id=sub_squad_id)


def drill_unsupervised() -> Drill:
    """The enterprises without a lead department (the gap in 生产经营单位全监管)."""
    return Drill("enterprises", "unsupervised", enterprises=EnterpriseFilter(lead_department_id=NO_LEAD))


__all__ = [
    "MAX_DAYS", "RANGES", "DayCount", "Drill", "FiveCompletes", "Figures", "HazardKeys", "IncidentFigures",
    "IncidentPoint", "Period", "Ratio", "SquadAvailability", "StreetCount", "Structure", "Touched", "WeekRate",
    "drill_found_on", "drill_incidents", "drill_major", "drill_open", "drill_overdue", "drill_squad",
    "drill_unsupervised", "hazard_keys", "load", "refresh",
]
