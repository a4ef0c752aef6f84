"""Hazard transitions: report, classify, dismiss, assign (single and bulk), report done, re-inspect,
note, attach. Each takes the version the user saw (`expected_version`): a ticket a colleague has
moved on is refused with a ConflictError that names the change. Each commits and returns the
ticket's fresh table row. A refused action writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from desktop.data.tables import Enterprise
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork, utcnow
from desktop.domain import hazard_flow as flow
from desktop.domain.enums import GridLevel, Tier
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.hazard_terms import AttachmentKind, Category, Severity, Source, district_today
from desktop.services.common import Actor, clean_name
from desktop.services.hazard_files import NewAttachment, prepare_all
from desktop.services.hazard_query import HazardRow, rows_by_ids
from desktop.services.hazard_store import (
    RouteOverride,
    check_enum,
    classify_route,
    commit_event,
    load,
    policy,
    state_of,
    summary_of,
)
from desktop.services.locate import GridLocator

MAX_DESCRIPTION = 2000


@dataclass(frozen=True)
class HazardReport:
    """A new hazard: at an enterprise (`enterprise_id`), or at a point (`lon`, `lat`, `place`)."""

    category: Category
    description: str
    source: Source = Source.PATROL
    severity: Severity = Severity.GENERAL   # the finder's first assessment; classification confirms it
    enterprise_id: int | None = None
    lon: float | None = None
    lat: float | None = None
    place: str = ""                         # where (required for a point; default: the enterprise)
    found_by: str = ""                      # default: the reporting user
    found_at: datetime | None = None        # default: now
    photos: tuple[NewAttachment, ...] = ()


@dataclass(frozen=True)
class BulkResult:
    done: tuple[int, ...]
    skipped: tuple[tuple[int, str], ...]  # (hazard id, why)


def _fresh(uow: UnitOfWork, hazard_id: int) -> HazardRow:
    return rows_by_ids(uow, [hazard_id])[0]


def report(uow: UnitOfWork, actor: Actor, data: HazardReport, locator: GridLocator | None = None) -> HazardRow:
    """A hazard is found (发现): a new ticket in FOUND, with its photos."""
    flow.check_role(actor.role, flow.HazardAction.REPORT)
    s = uow.session
    category = check_enum(Category, "category", data.category)
    severity = check_enum(Severity, "severity", data.severity)
    source = check_enum(Source, "source", data.source)
    description = clean_name("description", data.description, MAX_DESCRIPTION)
    now = utcnow()
    found_at = data.found_at or now
    if found_at.tzinfo is None:
        raise ValidationError("found_at", "needs a time zone")
    if found_at > now + timedelta(minutes=5):
        raise ValidationError("found_at", "is in the future")
    if data.enterprise_id is not None:
        e = s.get(Enterprise, data.enterprise_id)
        if e is None:
            raise ValidationError("enterprise", f"unknown enterprise {data.enterprise_id!r}")
        place = clean_name("place", data.place or e.name)
        lon, lat, grid_id, street_id, community_id, tier = e.lon, e.lat, e.grid_id, e.street_id, e.community_id, e.tier
    else:
        if data.lon is None or data.lat is None:
            raise ValidationError("location", "give an enterprise or a point on the map")
        place = clean_name("place", data.place)
        lon, lat = float(data.lon), float(data.lat)
        found = (locator or GridLocator.from_session(s)).locate(lon, lat)
        if GridLevel.SUB_COMMUNITY not in found:
            raise ValidationError("location", f"({lon:.6f}, {lat:.6f}) is outside the district")
        grid_id, street_id = found[GridLevel.SUB_COMMUNITY], found[GridLevel.STREET]
        community_id, tier = found[GridLevel.COMMUNITY], Tier.STREET
    files = prepare_all(data.photos)
    event = flow.report(actor.username, actor.role, severity, category, Tier(tier), [f.kind for f in files])
    h = Hazard(source=source.value, description=description, place=place, enterprise_id=data.enterprise_id,
               lon=lon, lat=lat, street_id=street_id, community_id=community_id, grid_id=grid_id, route_note="",
               found_by=clean_name("found_by", data.found_by or actor.display_name, 80),
               reported_by=actor.username, created_at=found_at.astimezone(UTC), closed_at=None)
    commit_event(uow, actor, h, event, files, f"hazard reported at {place}: {category.value}", now)
    uow.commit()
    return _fresh(uow, h.id)


def classify(uow: UnitOfWork, actor: Actor, hazard_id: int, *, severity: Severity, category: Category | None = None,
             override: RouteOverride | None = None, note: str = "", expected_version: int | None) -> HazardRow:
    """分类: confirm severity and category; route automatically (or by the override, with a reason)."""
    h = load(uow, hazard_id, expected_version)
    state = state_of(h)
    severity = check_enum(Severity, "severity", severity)
    category = check_enum(Category, "category", category or state.category)
    flow.check_role(actor.role, flow.HazardAction.CLASSIFY)
    flow.target(state.status, flow.HazardAction.CLASSIFY)
    route = classify_route(uow, h, override)
    event = flow.classify(state, actor.username, actor.role, severity, category, route, note)
    h.route_note = route.reason
    commit_event(uow, actor, h, event, summary=summary_of(h, event))
    uow.commit()
    return _fresh(uow, h.id)


def dismiss(uow: UnitOfWork, actor: Actor, hazard_id: int, reason: str, *, expected_version: int | None) -> HazardRow:
    """不予立案: the report is not a hazard (reason required)."""
    h = load(uow, hazard_id, expected_version)
    event = flow.dismiss(state_of(h), actor.username, actor.role, reason)
    commit_event(uow, actor, h, event, summary=summary_of(h, event))
    uow.commit()
    return _fresh(uow, h.id)


def _assign(uow: UnitOfWork, actor: Actor, h: Hazard, responsible: str, deadline: date | None, note: str,
            files: list, today: date) -> None:
    state = state_of(h)
    deadline = deadline or policy(uow).default_deadline(state.severity, today)
    event = flow.assign(state, actor.username, actor.role, responsible, deadline, today, note, [f.kind for f in files])
    commit_event(uow, actor, h, event, files, summary_of(h, event))


def assign(uow: UnitOfWork, actor: Actor, hazard_id: int, *, responsible: str, deadline: date | None = None,
           note: str = "", plan: NewAttachment | None = None, expected_version: int | None) -> HazardRow:
    """落实整改: responsible party and deadline (default per severity); a major hazard needs a plan
    (attached here or before). Also re-assigns a ticket under rectification."""
    h = load(uow, hazard_id, expected_version)
    files = prepare_all([plan], AttachmentKind.PLAN) if plan is not None else []
    _assign(uow, actor, h, responsible, deadline, note, files, district_today())
    uow.commit()
    return _fresh(uow, h.id)


def bulk_assign(uow: UnitOfWork, actor: Actor, targets: Mapping[int, int | None], *, responsible: str,
                deadline: date | None = None, note: str = "") -> BulkResult:
    """Assign many tickets at once ({hazard id: version seen}); those that cannot be (wrong state,
    major without a plan, changed meanwhile) are skipped with the reason, the rest commit together."""
    if not targets:
        raise ValidationError("selection", "select at least one hazard")
    today = district_today()
    # The form first: the same mistake for every ticket is refused once, before any ticket.
    clean_name("responsible", responsible, flow.MAX_RESPONSIBLE)
    if deadline is not None:
        flow.check_deadline(deadline, today)
    done: list[int] = []
    skipped: list[tuple[int, str]] = []
    for hazard_id in sorted(targets):
        try:
            h = load(uow, hazard_id, targets[hazard_id])
            _assign(uow, actor, h, responsible, deadline, note, [], today)
            done.append(hazard_id)
        except DomainError as exc:
            if isinstance(exc, ValidationError) and exc.field in ("responsible", "deadline", "note"):
                raise  # the same for every ticket: the form is wrong, not the ticket
            skipped.append((hazard_id, exc.message))
    if done:
        uow.commit()
    return BulkResult(tuple(done), tuple(skipped))


def report_done(uow: UnitOfWork, actor: Actor, hazard_id: int, *, note: str,
                evidence: Sequence[NewAttachment] = (), expected_version: int | None) -> HazardRow:
    """整改完成: the rectification is reported done with evidence photos → awaiting re-inspection."""
    h = load(uow, hazard_id, expected_version)
    files = prepare_all(list(evidence), AttachmentKind.EVIDENCE)
    event = flow.report_done(state_of(h), actor.username, actor.role, note, [f.kind for f in files])
    commit_event(uow, actor, h, event, files, summary_of(h, event))
    uow.commit()
    return _fresh(uow, h.id)


def reinspect(uow: UnitOfWork, actor: Actor, hazard_id: int, *, passed: bool, note: str = "",
              new_deadline: date | None = None, responsible: str | None = None,
              photos: Sequence[NewAttachment] = (), expected_version: int | None) -> HazardRow:
    """复查: pass → closed off (销号); fail → back to rectification with a new deadline (default per
    severity) and one more return. Never by the user who reported the rectification done."""
    h = load(uow, hazard_id, expected_version)
    state = state_of(h)
    today = district_today()
    files = prepare_all(list(photos), AttachmentKind.PHOTO)
    if not passed and new_deadline is None:
        new_deadline = policy(uow).default_deadline(state.severity, today)
    event = flow.reinspect(state, actor.username, actor.role, passed, note, today, new_deadline, responsible,
                           [f.kind for f in files])
    commit_event(uow, actor, h, event, files, summary_of(h, event))
    uow.commit()
    return _fresh(uow, h.id)


def add_note(uow: UnitOfWork, actor: Actor, hazard_id: int, text: str, *,
             expected_version: int | None = None) -> HazardRow:
    h = load(uow, hazard_id, expected_version)
    event = flow.add_note(state_of(h), actor.username, actor.role, text)
    commit_event(uow, actor, h, event, summary=summary_of(h, event))
    uow.commit()
    return _fresh(uow, h.id)


def attach(uow: UnitOfWork, actor: Actor, hazard_id: int, files: Sequence[NewAttachment], *, note: str = "",
           expected_version: int | None = None) -> HazardRow:
    """补充材料: photos, a rectification plan, documents (each kind checked: photos must be images)."""
    h = load(uow, hazard_id, expected_version)
    state = state_of(h)
    flow.check_role(actor.role, flow.HazardAction.ATTACH)
    flow.target(state.status, flow.HazardAction.ATTACH)
    prepared = prepare_all(list(files))
    event = flow.attach(state, actor.username, actor.role, [f.kind for f in prepared], note)
    commit_event(uow, actor, h, event, prepared, summary_of(h, event))
    uow.commit()
    return _fresh(uow, h.id)

