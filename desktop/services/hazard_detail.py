"""One ticket in full, for the detail panel: the timeline of events with their attachments'
thumbnails, the enterprise card, the grid and its officer, and what this user may do now."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desktop.data.tables import Department, Enterprise, Grid, GridOfficer, Industry
from desktop.data.tables_hazards import Hazard, HazardAttachment, HazardAttachmentData, HazardEvent
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, RiskLevel, Scale, Tier
from desktop.domain.errors import NotFound
from desktop.domain.escalation import level_name
from desktop.domain.hazard_flow import HazardAction, allowed_actions
from desktop.domain.hazard_terms import AttachmentKind, HazardStatus, Source, district_today
from desktop.services.common import Actor
from desktop.services.hazard_query import HazardRow, rows_by_ids
from desktop.services.hazard_store import policy, state_of


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    event_id: int | None
    kind: AttachmentKind
    filename: str
    mime: str
    size: int
    width: int | None
    height: int | None
    thumbnail: bytes | None       # JPEG, at most 240 px; None for documents
    created_at: datetime
    actor: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: datetime
    actor: str                    # user name
    actor_name: str               # display name
    action: HazardAction
    from_status: HazardStatus | None
    to_status: HazardStatus
    note: str
    data: Mapping[str, Any]       # the step's parameters (deadline, responsible, levels, ...)
    attachments: tuple[AttachmentInfo, ...]


@dataclass(frozen=True)
class EnterpriseBits:
    id: int
    name: str
    credit_code: str
    address: str
    industry: str
    scale: Scale
    risk: RiskLevel
    tier: Tier
    lead_department: str          # "" when the industry has no rule (a gap)


@dataclass(frozen=True)
class GridBits:
    id: int
    code: str
    name: str
    level: GridLevel
    officer_name: str
    officer_phone: str


@dataclass(frozen=True)
class HazardDetail:
    row: HazardRow
    source: Source
    found_by: str
    reported_by: str
    route_note: str               # the override's reason, or the gap
    supervisor: str               # who supervises: the department (copied to the street) or the street
    rectifier: str
    has_plan: bool
    escalation_name: str
    timeline: tuple[TimelineEntry, ...]   # oldest first
    attachments: tuple[AttachmentInfo, ...]
    enterprise: EnterpriseBits | None
    grid: GridBits
    allowed: frozenset[HazardAction]      # what `actor` may do now (inputs are checked on the action)
    default_deadline: date                # what an assignment now would default to


@dataclass(frozen=True)
class AttachmentContent:
    filename: str
    mime: str
    data: bytes


def _attachments(uow: UnitOfWork, hazard_id: int) -> list[AttachmentInfo]:
    a = HazardAttachment
    rows = uow.session.execute(
        select(a.id, a.event_id, a.kind, a.filename, a.mime, a.size, a.width, a.height, a.thumbnail,
               a.created_at, a.actor).where(a.hazard_id == hazard_id).order_by(a.id))
    return [AttachmentInfo(r.id, r.event_id, AttachmentKind(r.kind), r.filename, r.mime, r.size, r.width, r.height,
                           r.thumbnail, r.created_at, r.actor) for r in rows]


def detail(uow: UnitOfWork, hazard_id: int, actor: Actor | None = None) -> HazardDetail:
    s = uow.session
    h = s.get(Hazard, hazard_id)
    if h is None:
        raise NotFound("hazard", hazard_id)
    row = rows_by_ids(uow, [hazard_id])[0]
    files = _attachments(uow, hazard_id)
    by_event: dict[int | None, list[AttachmentInfo]] = {}
    for f in files:
        by_event.setdefault(f.event_id, []).append(f)
    events = s.scalars(select(HazardEvent).where(HazardEvent.hazard_id == hazard_id).order_by(HazardEvent.id))
    timeline = tuple(
        TimelineEntry(e.id, e.at, e.actor, e.actor_name, HazardAction(e.action),
                      HazardStatus(e.from_status) if e.from_status else None, HazardStatus(e.to_status), e.note,
                      json.loads(e.data or "{}"), tuple(by_event.get(e.id, ())))
        for e in events)
    enterprise = None
    if h.enterprise_id is not None:
        er = s.execute(select(Enterprise, Industry.name, Department.name)
                       .join(Industry, Industry.id == Enterprise.industry_id)
                       .outerjoin(Department, Department.id == Enterprise.lead_department_id)
                       .where(Enterprise.id == h.enterprise_id)).one()
        e = er[0]
        enterprise = EnterpriseBits(e.id, e.name, e.credit_code, e.address, er[1], Scale(e.scale), RiskLevel(e.risk),
                                    Tier(e.tier), er[2] or "")
    g = s.execute(select(Grid, GridOfficer.name, GridOfficer.phone)
                  .outerjoin(GridOfficer, GridOfficer.id == Grid.officer_id).where(Grid.id == h.grid_id)).one()
    grid = GridBits(g[0].id, g[0].code, g[0].name, GridLevel(g[0].level), g[1] or "", g[2] or "")
    if row.tier is Tier.DISTRICT and row.department:
        supervisor = f"{row.department}(抄告{row.street})"
    else:
        supervisor = row.street
    state = state_of(h)
    allowed = allowed_actions(state, actor.role, actor.username) if actor else frozenset()
    return HazardDetail(
        row, Source(h.source), h.found_by, h.reported_by, h.route_note, supervisor, h.rectifier, bool(h.has_plan),
        level_name(h.escalation_level), timeline, tuple(files), enterprise, grid, allowed,
        policy(uow).default_deadline(state.severity, district_today()),
    )


def attachment_content(uow: UnitOfWork, attachment_id: int) -> AttachmentContent:
    """The full file, to open or save (the timeline only carries thumbnails)."""
    r = uow.session.execute(
        select(HazardAttachment.filename, HazardAttachment.mime, HazardAttachmentData.data)
        .join(HazardAttachmentData, HazardAttachmentData.attachment_id == HazardAttachment.id)
        .where(HazardAttachment.id == attachment_id)).one_or_none()
    if r is None:
        raise NotFound("attachment", attachment_id)
    return AttachmentContent(r.filename, r.mime, bytes(r.data))
