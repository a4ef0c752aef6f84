"""Hazard figures over time, for situation reports and dashboards: tickets found or closed off in a
span, and the tickets open at a past moment with their status and deadline *then*.

A ticket's row holds only its present state, so "what was open and overdue at 24:00 yesterday"
is answered by replaying the event log of the few tickets that may have been open then (found by
then, and not closed off or dismissed before it). For a moment not in the past, the rows
themselves are the answer, exactly as the hazard screen's overdue queue counts them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select

from desktop.data.tables_hazards import Hazard, HazardEvent
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain.hazard_terms import DISTRICT_TZ, OPEN_STATUSES, HazardStatus, Severity

_CHUNK = 500


@dataclass(frozen=True)
class HazardAt:
    """One ticket as it stood at a moment."""

    id: int
    status: HazardStatus
    severity: Severity
    deadline: date | None
    street_id: int
    lon: float
    lat: float

    def overdue_on(self, day: date) -> bool:
        """Past its deadline while under rectification (the overdue queue's rule)."""
        return self.status is HazardStatus.RECTIFYING and self.deadline is not None and self.deadline < day


def day_of(at: datetime) -> date:
    """The district calendar day a moment closes: 24:00 belongs to the day it ends."""
    return (at - timedelta(microseconds=1)).astimezone(DISTRICT_TZ).date()


def found_count(uow: UnitOfWork, start: datetime, end: datetime) -> int:
    """Tickets found (reported) in [start, end)."""
    return uow.session.scalar(select(func.count()).select_from(Hazard).where(
        Hazard.created_at >= start, Hazard.created_at < end)) or 0


def closed_count(uow: UnitOfWork, start: datetime, end: datetime) -> int:
    """Tickets closed off (销号) in [start, end)."""
    return uow.session.scalar(select(func.count()).select_from(Hazard).where(
        Hazard.closed_at >= start, Hazard.closed_at < end)) or 0


def daily_counts(uow: UnitOfWork, first: date, last: date) -> list[tuple[date, int, int]]:
    """(day, found, closed off) for each district day from `first` to `last`, in order: one
    query per column over the whole span, bucketed here (the district day is UTC+8)."""
    start = datetime.combine(first, datetime.min.time(), DISTRICT_TZ)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), DISTRICT_TZ)
    found: Counter[date] = Counter()
    closed: Counter[date] = Counter()
    for column, bucket in ((Hazard.created_at, found), (Hazard.closed_at, closed)):
        for (at,) in uow.session.execute(select(column).where(column >= start, column < end)):
            bucket[at.astimezone(DISTRICT_TZ).date()] += 1
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [(d, found[d], closed[d]) for d in days]


def open_at(uow: UnitOfWork, at: datetime, *, now: datetime | None = None, replay: bool = False
            ) -> list[HazardAt]:
    """Every ticket open at `at`, as it stood then, in id order. `at` not in the past: the rows
    as they are (`replay=True` replays the log anyway, which must agree)."""
    now = now or utcnow()
    if at >= now and not replay:
        return _open_now(uow)
    return _replayed(uow, at)


def _open_now(uow: UnitOfWork) -> list[HazardAt]:
    q = (select(Hazard.id, Hazard.status, Hazard.severity, Hazard.deadline, Hazard.street_id, Hazard.lon,
                Hazard.lat)
         .where(Hazard.status.in_([s.value for s in OPEN_STATUSES])).order_by(Hazard.id))
    return [HazardAt(r.id, HazardStatus(r.status), Severity(r.severity), r.deadline, r.street_id, r.lon, r.lat)
            for r in uow.session.execute(q)]


def _candidates(uow: UnitOfWork, at: datetime) -> list:
    """Tickets found by `at` that were maybe still open then: open now, closed off after it, or
    dismissed (their last change after it; the log decides)."""
    q = (select(Hazard.id, Hazard.severity, Hazard.street_id, Hazard.lon, Hazard.lat)
         .where(Hazard.created_at <= at, or_(
             Hazard.status.in_([s.value for s in OPEN_STATUSES]),
             and_(Hazard.status == HazardStatus.CLOSED.value, Hazard.closed_at > at),
             and_(Hazard.status == HazardStatus.DISMISSED.value, Hazard.updated_at > at)))
         .order_by(Hazard.id))
    return list(uow.session.execute(q))


def _replayed(uow: UnitOfWork, at: datetime) -> list[HazardAt]:
    rows = _candidates(uow, at)
    out: list[HazardAt] = []
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start:start + _CHUNK]
        states = _states(uow, [r.id for r in chunk], at)
        for r in chunk:
            status, severity, deadline = states.get(r.id, (None, None, None))
            if status is None or not status.is_open:
                continue
            out.append(HazardAt(r.id, status, severity or Severity(r.severity), deadline, r.street_id, r.lon, r.lat))
    return out


def _states(uow: UnitOfWork, ids: Iterable[int], at: datetime
            ) -> dict[int, tuple[HazardStatus, Severity | None, date | None]]:
    """Status, severity and deadline of each ticket after its last event at or before `at`."""
    q = (select(HazardEvent.hazard_id, HazardEvent.to_status, HazardEvent.data)
         .where(HazardEvent.hazard_id.in_(list(ids)), HazardEvent.at <= at)
         .order_by(HazardEvent.hazard_id, HazardEvent.id))
    out: dict[int, tuple[HazardStatus, Severity | None, date | None]] = {}
    for hazard_id, to_status, data in uow.session.execute(q):
        _, severity, deadline = out.get(hazard_id, (None, None, None))
        if data and ('"severity"' in data or '"deadline"' in data):
            values = json.loads(data)
            if values.get("severity"):
                severity = Severity(values["severity"])
            if values.get("deadline"):
                deadline = date.fromisoformat(values["deadline"])
        out[hazard_id] = (HazardStatus(to_status), severity, deadline)
    return out
