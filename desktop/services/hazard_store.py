"""What every hazard action shares: loading a ticket (locked, version-checked: a stale view is
refused with a message naming what changed), the row ⇄ domain state mapping, writing one event
row with its files, and recording the change (audit + change feed) in the same commit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from desktop.data.tables import BoundaryRule, Department, Enterprise, Setting
from desktop.data.tables_hazards import Hazard, HazardEvent
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain import hazard_flow as flow
from desktop.domain.enums import Tier
from desktop.domain.errors import ConflictError, NotFound, ValidationError
from desktop.domain.escalation import level_name
from desktop.domain.hazard_flow import ADDITIVE_ACTIONS, FlowEvent, HazardAction, HazardState
from desktop.domain.hazard_policy import SETTINGS_KEY, HazardPolicy
from desktop.domain.hazard_routing import EnterpriseFacts, Route, override_route, route_hazard
from desktop.domain.hazard_terms import (
    STATUS_ZH,
    Category,
    HazardStatus,
    Reinspection,
    Severity,
    district_today,
    local_time,
)
from desktop.services.common import Actor
from desktop.services.hazard_files import PreparedFile, store
from desktop.services.hazard_query import hazard_code


class HazardConflict(ConflictError):
    """A colleague changed the ticket since this user read it; names the change."""

    def __init__(self, hazard_id: int, detail: str, status: HazardStatus, changed_by: str,
                 changed_at: datetime | None) -> None:
        super().__init__("hazard", hazard_id, detail)
        self.status = status
        self.changed_by = changed_by
        self.changed_at = changed_at


@dataclass(frozen=True)
class RouteOverride:
    """The classifier's own route, with the reason (mandatory)."""

    department_id: int | None
    tier: Tier
    reason: str


def policy(uow: UnitOfWork) -> HazardPolicy:
    row = uow.session.get(Setting, SETTINGS_KEY)
    return HazardPolicy.from_json(row.value if row else None)


def state_of(h: Hazard) -> HazardState:
    return HazardState(
        status=HazardStatus(h.status), severity=Severity(h.severity), category=Category(h.category),
        department_id=h.department_id, tier=Tier(h.tier), unrouted=bool(h.unrouted), responsible=h.responsible,
        deadline=h.deadline, rectifier=h.rectifier, reinspection=Reinspection(h.reinspection),
        return_count=h.return_count, escalation_level=h.escalation_level, has_plan=bool(h.has_plan),
        round_evidence=h.round_evidence,
    )


def write_state(h: Hazard, state: HazardState) -> None:
    h.status, h.severity, h.category = state.status.value, state.severity.value, state.category.value
    h.department_id, h.tier, h.unrouted = state.department_id, state.tier.value, int(state.unrouted)
    h.responsible, h.deadline, h.rectifier = state.responsible, state.deadline, state.rectifier
    h.reinspection, h.return_count = state.reinspection.value, state.return_count
    h.escalation_level, h.has_plan = state.escalation_level, int(state.has_plan)
    h.round_evidence, h.overdue_able = state.round_evidence, int(state.overdue_able)


def _when(at: datetime) -> str:
    local, today = local_time(at), district_today()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


_CHANGE_TEXT = {
    HazardAction.CLASSIFY: "it was classified again",
    HazardAction.ASSIGN: "it was re-assigned",
}


def _conflict(uow: UnitOfWork, h: Hazard, expected: int) -> None:
    """Raise HazardConflict unless everything since `expected` was additive (notes, files,
    escalation), which leaves the user's view of the ticket valid."""
    later = uow.session.scalars(select(HazardEvent).where(HazardEvent.hazard_id == h.id,
                                                          HazardEvent.version > expected)
                                .order_by(HazardEvent.id)).all()
    decisive = [e for e in later if HazardAction(e.action) not in ADDITIVE_ACTIONS]
    if later and not decisive and expected < h.version:
        return
    status = HazardStatus(h.status)
    if not decisive:
        raise HazardConflict(h.id, f"it is now at version {h.version}", status, "", None)
    last = decisive[-1]
    who = f"changed by {last.actor_name or last.actor} at {_when(last.at)}"
    if decisive[0].from_status != h.status:
        detail = f"status is now {STATUS_ZH[status]} ({who})"
    else:
        detail = f"{_CHANGE_TEXT.get(HazardAction(last.action), 'it was changed')} ({who})"
    raise HazardConflict(h.id, detail, status, last.actor_name or last.actor, last.at)


def load(uow: UnitOfWork, hazard_id: int, expected_version: int | None) -> Hazard:
    """The ticket, locked for this transaction on PostgreSQL (SQLite writers are serialised)."""
    stmt = select(Hazard).where(Hazard.id == hazard_id)
    if uow.db.is_postgres:
        stmt = stmt.with_for_update()
    h = uow.session.scalar(stmt)
    if h is None:
        raise NotFound("hazard", hazard_id)
    if expected_version is not None and h.version != expected_version:
        _conflict(uow, h, expected_version)
    return h


def commit_event(uow: UnitOfWork, actor: Actor, h: Hazard, event: FlowEvent, files: Sequence[PreparedFile] = (),
                 summary: str = "", at: datetime | None = None) -> HazardEvent:
    """Apply the event to the row, write the event and its files, and record the change."""
    at = at or utcnow()
    new = flow.apply(state_of(h) if event.from_status is not None else None, event)
    write_state(h, new)
    h.updated_at = at
    if new.status is HazardStatus.CLOSED:
        h.closed_at = at
    if event.from_status is None:
        uow.session.add(h)
    uow.session.flush()  # bumps the version (and checks it: a concurrent writer means a conflict)
    row = HazardEvent(hazard_id=h.id, at=at, actor=actor.username, actor_name=actor.display_name,
                      action=event.action.value, from_status=event.from_status.value if event.from_status else None,
                      to_status=event.to_status.value, note=event.note, data=json.dumps(dict(event.data)),
                      version=h.version)
    uow.session.add(row)
    uow.session.flush()
    if files:
        store(uow.session, h.id, row.id, list(files), actor.username, at)
    uow.record(actor.username, "hazard", h.id, "created" if event.from_status is None else "updated",
               summary or f"hazard {hazard_code(h.id, h.created_at)}: {event.action.value}")
    return row


def auto_route(uow: UnitOfWork, h: Hazard) -> Route:
    facts = None
    rules: dict[int, int] = {}
    if h.enterprise_id is not None:
        e = uow.session.get(Enterprise, h.enterprise_id)
        facts = EnterpriseFacts(e.id, e.industry_id, Tier(e.tier))
        dept = uow.session.scalar(select(BoundaryRule.department_id).where(BoundaryRule.industry_id == e.industry_id))
        if dept is not None:
            rules[e.industry_id] = dept
    return route_hazard(facts, h.street_id, rules)


def classify_route(uow: UnitOfWork, h: Hazard, override: RouteOverride | None) -> Route:
    auto = auto_route(uow, h)
    if override is None:
        return auto
    if override.department_id is not None and uow.session.get(Department, override.department_id) is None:
        raise ValidationError("department", f"unknown department {override.department_id!r}")
    try:
        tier = Tier(override.tier)
    except ValueError:
        raise ValidationError("tier", f"unknown supervising level {override.tier!r}") from None
    return override_route(auto, override.department_id, tier, override.reason)


def check_enum(enum_cls, field: str, value):
    try:
        return enum_cls(value)
    except ValueError:
        raise ValidationError(field, f"unknown {field} {value!r}; one of {', '.join(enum_cls)}") from None


def summary_of(h: Hazard, event: FlowEvent) -> str:
    code = hazard_code(h.id, h.created_at)
    if event.action is HazardAction.ESCALATE:
        return f"hazard {code} escalated to {level_name(int(event.data['to_level']))}"
    if event.from_status is event.to_status:
        return f"hazard {code}: {event.action.value.replace('_', ' ')}"
    return f"hazard {code}: {event.from_status.value if event.from_status else '-'} → {event.to_status.value}"


def default_deadline(uow: UnitOfWork, severity: Severity, today: date | None = None) -> date:
    return policy(uow).default_deadline(severity, today or district_today())

