"""A year of demo hazard history: tickets whose events follow the real loop, generated in chunks.

Each ticket is simulated step by step through the domain's own state machine (`hazard_flow.apply`),
so every demo ticket replays to its row: found, classified (a few unrouted for a while: the two
new business forms have no boundary rule), rectifying with a deadline per severity (major ones
with a plan), some late and escalated day by day, re-inspected by someone other than the
rectifier, sometimes failed and sent back, most closed; a few dismissed, the newest still open.
Deterministic for (seed, anchor day); the anchor defaults to today in the district.
"""

from __future__ import annotations

import bisect
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from desktop.demo import hazard_texts as tx
from desktop.demo.hazard_refs import Refs, Site
from desktop.domain.enums import Tier
from desktop.domain.escalation import level_at
from desktop.domain.hazard_flow import FlowEvent, HazardAction, HazardState, apply, target
from desktop.domain.hazard_policy import HazardPolicy
from desktop.domain.hazard_terms import DISTRICT_TZ, AttachmentKind, Category, HazardStatus, Severity, Source

A, S = HazardAction, HazardStatus
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)

_CATEGORY_WEIGHTS = {C: w for C, w in zip(Category, (30, 18, 6, 8, 8, 9, 3, 8, 5, 5), strict=True)}
# Industries lean to their own hazards (industry code → favoured categories).
_FAVOURED = {
    "I01": (Category.HAZCHEM,), "I02": (Category.HAZCHEM,), "I11": (Category.CONSTRUCTION,),
    "I12": (Category.GAS,), "I07": (Category.GAS, Category.FIRE), "I10": (Category.TRANSPORT,),
    "I27": (Category.SPECIAL_EQUIPMENT,), "I06": (Category.CROWDED_PLACE,), "I21": (Category.CROWDED_PLACE,),
    "I30": (Category.HAZCHEM, Category.CONFINED_SPACE), "I23": (Category.SPECIAL_EQUIPMENT, Category.FIRE),
}
_MAJOR_RATE = {Category.HAZCHEM: 0.12, Category.GAS: 0.09, Category.CONSTRUCTION: 0.08,
               Category.SPECIAL_EQUIPMENT: 0.06, Category.CONFINED_SPACE: 0.1}
_SOURCES = (Source.PATROL, Source.INSPECTION, Source.PUBLIC, Source.DEPARTMENT)
_SOURCE_WEIGHTS = (55, 25, 12, 8)


@dataclass
class Ticket:
    """One generated ticket: its row values and its events, attachments as (event index, kind)."""

    row: dict
    events: list[FlowEvent] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    files: list[tuple[int, AttachmentKind]] = field(default_factory=list)
    state: HazardState | None = None


def _local(day: date, hour: float) -> datetime:
    return datetime.combine(day, time.min, DISTRICT_TZ) + timedelta(hours=hour)


def _person(rng: random.Random) -> str:
    return rng.choice(tx.SURNAMES) + rng.choice(tx.GIVEN)


class Simulator:
    def __init__(self, refs: Refs, seed: int, anchor: date, photos_from: int, policy: HazardPolicy) -> None:
        self.refs = refs
        self.seed = seed
        self.anchor = anchor
        self.now = _local(anchor, 0)           # the history ends at midnight of the anchor day
        self.photos_from = photos_from         # tickets with an index from here on carry photos
        self.policy = policy
        self.total_weight = list(_CATEGORY_WEIGHTS.values())

    def created_times(self, count: int) -> list[datetime]:
        """Found times over the year before the anchor, busier on weekdays and in working hours."""
        rng = random.Random(f"{self.seed}:hazard-times")
        first = self.anchor - timedelta(days=365)
        days = [first + timedelta(days=i) for i in range(365)]
        weights = [(1.0 if d.weekday() < 5 else 0.45) * (0.85 + 0.3 * i / 365) for i, d in enumerate(days)]
        cum = list(_cumulative(weights))
        out = []
        for _ in range(count):
            day = days[bisect.bisect_left(cum, rng.random() * cum[-1])]
            out.append(_local(day, min(23.9, max(0.2, rng.gauss(12.5, 3.2)))))
        out.sort()
        return out

    # -- one ticket ---------------------------------------------------------------------

    def ticket(self, index: int, found: datetime) -> Ticket:
        rng = random.Random(f"{self.seed}:hazard:{index}")
        refs = self.refs
        site: Site | None = refs.sites[rng.randrange(len(refs.sites))] if rng.random() < 0.65 else None
        if site is not None:
            favoured = _FAVOURED.get(site.industry_code)
            category = rng.choice(favoured) if favoured and rng.random() < 0.45 else self._category(rng)
            place, lon, lat = site.name, site.lon, site.lat
            grid, street, community, tier = site.grid_id, site.street_id, site.community_id, site.tier
        else:
            category = self._category(rng)
            spot = refs.spots[rng.randrange(len(refs.spots))]
            lon, lat = spot.points[rng.randrange(len(spot.points))]
            place = f"{spot.street_name}{rng.choice(tx.ROADS)}{rng.choice(tx.PUBLIC_SPOTS)}"
            grid, street, community, tier = spot.grid_id, spot.street_id, spot.community_id, Tier.STREET
        severity = Severity.MAJOR if rng.random() < _MAJOR_RATE.get(category, 0.035) else Severity.GENERAL
        description = rng.choice(tx.DESCRIPTIONS[category]) + rng.choice(tx.WHERE)
        officer = refs.officers[grid]
        t = Ticket(row=dict(
            severity=severity.value, category=category.value, source=rng.choices(_SOURCES, _SOURCE_WEIGHTS)[0].value,
            description=description, place=place, enterprise_id=site.id if site else None, lon=lon, lat=lat,
            street_id=street, community_id=community, grid_id=grid, tier=tier.value, found_by=officer[1],
            reported_by=officer[0], created_at=found.astimezone(UTC), route_note=""))
        photos = index >= self.photos_from
        first_guess = severity if rng.random() > 0.04 else (Severity.GENERAL if severity is Severity.MAJOR
                                                             else Severity.MAJOR)
        at = found + timedelta(minutes=rng.uniform(5, 90))
        if not self._step(t, at, officer, A.REPORT, {"severity": first_guess.value, "category": category.value,
                                                     "tier": tier.value},
                          files=[AttachmentKind.PHOTO] if photos else []):
            return t
        self._lifecycle(t, rng, site, severity, category, at, photos)
        return t

    def _category(self, rng: random.Random) -> Category:
        return rng.choices(list(_CATEGORY_WEIGHTS), self.total_weight)[0]

    def _step(self, t: Ticket, at: datetime, who: tuple[str, str], action: HazardAction, data: dict,
              note: str = "", files: list[AttachmentKind] | None = None) -> bool:
        """Append the event if it happened before the anchor; False when the history stops here."""
        if at >= self.now:
            return False
        if files:
            data = {**data, "attachments": [k.value for k in files]}
        status = t.state.status if t.state else None
        event = FlowEvent(action, who[0], status, target(status, action), note, data)
        t.state = apply(t.state, event)
        for kind in files or ():
            t.files.append((len(t.events), kind))
        t.events.append(event)
        t.times.append(at)
        t.names.append(who[1])
        return True

    def _lifecycle(self, t: Ticket, rng: random.Random, site: Site | None, severity: Severity,
                   category: Category, at: datetime, photos: bool) -> None:
        refs = self.refs
        duty = rng.choice(tx.DUTY_OFFICERS)
        at += timedelta(hours=rng.uniform(0.5, 40))
        if rng.random() < 0.05:
            self._step(t, at, duty, A.DISMISS, {}, rng.choice(tx.DISMISS_NOTES))
            return
        rule = refs.rules.get(site.industry_id) if site else None
        route = dict(severity=severity.value, category=category.value, department_id=rule,
                     tier=(site.tier if site else Tier.STREET).value, unrouted=site is not None and rule is None,
                     overridden=False, reason="")
        if route["unrouted"]:
            route["reason"] = "no boundary rule for the enterprise's industry (监管空白)"
        if not self._step(t, at, duty, A.CLASSIFY, route):
            return
        if route["unrouted"]:  # the gap waits in the unrouted queue until someone routes it by hand
            at += timedelta(days=rng.uniform(1, 25))
            reason = "新业态暂无监管部门，经区安委办协调暂由该部门牵头监管"
            routed = dict(route, department_id=refs.gap_department, unrouted=False, overridden=True, reason=reason)
            if not self._step(t, at, duty, A.CLASSIFY, routed):
                return
        t.row["route_note"] = route_note(t)
        period = self.policy.period(severity)
        at += timedelta(hours=rng.uniform(2, 60))
        deadline = (at.astimezone(DISTRICT_TZ).date() + timedelta(days=period + rng.choice((0, 0, 0, -5, 5, 10))))
        owner = f"{_person(rng)}（{'企业负责人' if site else '属地责任人'}）"
        plan = [AttachmentKind.PLAN] if severity is Severity.MAJOR else []
        if not self._step(t, at, duty, A.ASSIGN, {"responsible": owner, "deadline": deadline.isoformat()},
                          files=plan):
            return
        if rng.random() < 0.08:
            self._step(t, at + timedelta(hours=rng.uniform(1, 30)), tx.LEADER, A.NOTE, {},
                       rng.choice(tx.LEADER_NOTES))
        rectifier = (f"qy{site.id:04d}", f"{site.name}安全员") if site else (f"jd{t.row['street_id']:04d}", "街道安监员")
        inspector = refs.officers[t.row["grid_id"]]
        for attempt in range(3):
            start = at
            late = rng.random() < (0.13 if attempt == 0 else 0.06)
            span = (deadline - start.astimezone(DISTRICT_TZ).date()).days
            done = (_local(deadline, 10) + timedelta(days=rng.uniform(1, 40))) if late else \
                start + timedelta(days=max(0.3, span * rng.uniform(0.25, 0.98)))
            if not self._escalations(t, deadline, start, min(done, self.now)):
                return
            if not self._step(t, done, rectifier, A.REPORT_DONE, {}, rng.choice(tx.DONE_NOTES),
                              files=[AttachmentKind.EVIDENCE] if photos else []):
                return
            at = done + timedelta(days=rng.uniform(0.5, 5))
            if attempt == 2 or rng.random() < 0.89:
                self._step(t, at, inspector, A.REINSPECT_PASS, {}, rng.choice(tx.PASS_NOTES))
                return
            deadline = at.astimezone(DISTRICT_TZ).date() + timedelta(days=max(3, period // 2))
            if not self._step(t, at, inspector, A.REINSPECT_FAIL,
                              {"deadline": deadline.isoformat(), "responsible": owner}, rng.choice(tx.FAIL_NOTES)):
                return

    def _escalations(self, t: Ticket, deadline: date, start: datetime, end: datetime) -> bool:
        """The nightly escalation run's events while the ticket was under rectification."""
        ladder = self.policy.escalation
        day = start.astimezone(DISTRICT_TZ).date() + DAY
        last = end.astimezone(DISTRICT_TZ).date()
        marks = [deadline - timedelta(days=ladder.reminder_days)] + [deadline + timedelta(days=d)
                                                                     for d in ladder.overdue_days]
        for mark in marks:
            run_day = max(mark, day)
            if run_day > last or _local(run_day, 1) >= end:
                break
            level = level_at(deadline, run_day, ladder)
            if level > t.state.escalation_level:
                note = f"escalated to level {level}"
                self._step(t, _local(run_day, 1), ("system", "system"), A.ESCALATE,
                           {"from_level": t.state.escalation_level, "to_level": level}, note)
        return True


def route_note(t: Ticket) -> str:
    for e in reversed(t.events):
        if e.action is A.CLASSIFY:
            return e.data.get("reason", "")
    return ""


def _cumulative(weights: list[float]) -> Iterator[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total


def event_json(event: FlowEvent) -> str:
    return json.dumps(dict(event.data), ensure_ascii=False) if event.data else "{}"
