"""Incidents: types, severity, the lifecycle, and response-time figures against targets.

Lifecycle: reported → dispatched → on scene → handed over (移交, to the fire and rescue service)
→ closed. An incident may be closed before hand-over (a false alarm, handled by the squad alone,
merged into another report), but only with a stated reason.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.errors import DomainError, ValidationError


class IncidentType(StrEnum):
    FIRE = "fire"                        # 火灾
    GAS_LEAK = "gas_leak"                # 燃气泄漏
    HAZMAT = "hazardous_chemicals"       # 危化品
    COLLAPSE = "collapse"                # 坍塌
    TRAFFIC = "traffic"                  # 交通事故
    FLOODING = "flooding"                # 内涝
    OTHER = "other"                      # 其他


class Severity(StrEnum):
    """Chinese emergency grading, lowest first (一般 / 较大 / 重大 / 特别重大)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class IncidentStatus(StrEnum):
    REPORTED = "reported"        # 已接警
    DISPATCHED = "dispatched"    # 已调度
    ON_SCENE = "on_scene"        # 已到场
    HANDED_OVER = "handed_over"  # 已移交
    CLOSED = "closed"            # 已结案


class EventKind(StrEnum):
    """What a timeline entry records."""

    REPORTED = "reported"
    STATUS = "status"          # the incident's own status changed
    DISPATCH = "dispatch"      # a member or vehicle was dispatched
    MEMBER = "member"          # a dispatched member's / vehicle's status changed
    NOTE = "note"
    EDIT = "edit"
    MERGE = "merge"            # another report was merged into this one (or this into another)


OPEN = frozenset({IncidentStatus.REPORTED, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE,
                  IncidentStatus.HANDED_OVER})
DISPATCHABLE = frozenset({IncidentStatus.REPORTED, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE})

INCIDENT_TRANSITIONS: dict[IncidentStatus, frozenset[IncidentStatus]] = {
    IncidentStatus.REPORTED: frozenset({IncidentStatus.DISPATCHED, IncidentStatus.CLOSED}),
    IncidentStatus.DISPATCHED: frozenset({IncidentStatus.ON_SCENE, IncidentStatus.HANDED_OVER,
                                          IncidentStatus.CLOSED}),
    IncidentStatus.ON_SCENE: frozenset({IncidentStatus.HANDED_OVER, IncidentStatus.CLOSED}),
    IncidentStatus.HANDED_OVER: frozenset({IncidentStatus.CLOSED}),
    IncidentStatus.CLOSED: frozenset(),
}

MAX_REASON = 500


class IncidentRefused(DomainError):
    def __init__(self, current: str, new: str, hint: str = "") -> None:
        text = f"an incident cannot go from {current} to {new}"
        super().__init__(text + (f": {hint}" if hint else ""))
        self.current = current
        self.new = new


def check_incident_transition(current: IncidentStatus | str, new: IncidentStatus | str,
                              reason: str = "") -> str:
    """Refuse a move the lifecycle does not allow; returns the cleaned close reason.

    Closing an incident that was never handed over needs a stated reason (field "reason").
    """
    cur, nxt = IncidentStatus(current), IncidentStatus(new)
    if nxt not in INCIDENT_TRANSITIONS[cur]:
        hint = "it is closed" if cur is IncidentStatus.CLOSED else ""
        raise IncidentRefused(cur, nxt, hint)
    text = (reason or "").strip()
    if len(text) > MAX_REASON:
        raise ValidationError("reason", f"is {len(text)} characters long; at most {MAX_REASON} allowed")
    if nxt is IncidentStatus.CLOSED and cur is not IncidentStatus.HANDED_OVER and not text:
        raise ValidationError("reason", "closing an incident that was not handed over needs a reason")
    return text


def can_dispatch(status: IncidentStatus | str) -> bool:
    return IncidentStatus(status) in DISPATCHABLE


# -- response times ------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponseTimes:
    """Per incident: call → first dispatch, first dispatch → first arrival (seconds)."""

    call_to_dispatch_s: float | None
    dispatch_to_arrival_s: float | None
    call_to_arrival_s: float | None
    dispatch_target_s: float
    arrival_target_s: float

    @property
    def dispatch_met(self) -> bool | None:
        if self.call_to_dispatch_s is None:
            return None
        return self.call_to_dispatch_s <= self.dispatch_target_s

    @property
    def arrival_met(self) -> bool | None:
        if self.dispatch_to_arrival_s is None:
            return None
        return self.dispatch_to_arrival_s <= self.arrival_target_s


def response_times(reported_at: datetime, dispatched_at: datetime | None, arrived_at: datetime | None,
                   dispatch_target_s: float, arrival_target_s: float) -> ResponseTimes:
    def span(a: datetime | None, b: datetime | None) -> float | None:
        return None if a is None or b is None else max(0.0, (b - a).total_seconds())

    return ResponseTimes(span(reported_at, dispatched_at), span(dispatched_at, arrived_at),
                         span(reported_at, arrived_at), dispatch_target_s, arrival_target_s)


@dataclass(frozen=True)
class ResponseSummary:
    """Figures over many incidents, for the dashboard (None where nothing was measured)."""

    incidents: int
    dispatched: int
    arrived: int
    median_call_to_dispatch_s: float | None
    p90_call_to_dispatch_s: float | None
    dispatch_within_target: float | None   # share 0..1
    median_dispatch_to_arrival_s: float | None
    p90_dispatch_to_arrival_s: float | None
    arrival_within_target: float | None    # share 0..1
    dispatch_target_s: float
    arrival_target_s: float


def _p90(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    # Nearest-rank percentile: the value 90 % of incidents did not exceed.
    index = max(0, -(-9 * len(ordered) // 10) - 1)
    return ordered[index]


def summarize(items: Iterable[ResponseTimes], dispatch_target_s: float,
              arrival_target_s: float) -> ResponseSummary:
    items = list(items)
    cd = [t.call_to_dispatch_s for t in items if t.call_to_dispatch_s is not None]
    da = [t.dispatch_to_arrival_s for t in items if t.dispatch_to_arrival_s is not None]
    return ResponseSummary(
        incidents=len(items),
        dispatched=len(cd),
        arrived=len(da),
        median_call_to_dispatch_s=statistics.median(cd) if cd else None,
        p90_call_to_dispatch_s=_p90(cd),
        dispatch_within_target=sum(v <= dispatch_target_s for v in cd) / len(cd) if cd else None,
        median_dispatch_to_arrival_s=statistics.median(da) if da else None,
        p90_dispatch_to_arrival_s=_p90(da),
        arrival_within_target=sum(v <= arrival_target_s for v in da) / len(da) if da else None,
        dispatch_target_s=dispatch_target_s,
        arrival_target_s=arrival_target_s,
    )


def incident_code(incident_id: int) -> str:
    """The number the duty room quotes on the radio (警情编号): JQ000123."""
    return f"JQ{incident_id:06d}"
