"""Enterprises: the filtered list, each one's card, and validated edits with derived fields."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop.data.tables import BoundaryRule, Department, Enterprise, Grid, GridOfficer, Industry
from desktop.data.uow import UnitOfWork
from desktop.domain import credit_code
from desktop.domain.enums import GridLevel, RiskLevel, Scale, Tier
from desktop.domain.errors import ValidationError
from desktop.domain.tier import supervision_tier
from desktop.services.common import (
    Actor,
    Permission,
    check_version,
    clean_name,
    clean_text,
    get_or_404,
    require,
)
from desktop.services.locate import GridLocator

NO_LEAD = -1  # filter value: enterprises with no lead department (监管空白)


@dataclass(frozen=True)
class EnterpriseFilter:
    street_id: int | None = None
    community_id: int | None = None
    industry_id: int | None = None
    risk: RiskLevel | None = None
    tier: Tier | None = None
    lead_department_id: int | None = None  # NO_LEAD for the gap
    text: str = ""


@dataclass(frozen=True)
class EnterpriseRow:
    id: int
    name: str
    credit_code: str
    industry: str
    scale: Scale
    risk: RiskLevel
    tier: Tier
    lead_department: str     # "" when no rule covers the industry
    street: str
    community: str
    grid_code: str
    version: int


@dataclass(frozen=True)
class EnterpriseCard:
    row: EnterpriseRow
    address: str
    lon: float
    lat: float
    industry_id: int
    lead_department_id: int | None
    grid_id: int
    grid_name: str
    grid_officer: str
    grid_officer_phone: str
    copied_to_street: str | None  # 抄告属地: district-tier units are copied to their street


@dataclass(frozen=True)
class EnterpriseInput:
    name: str
    credit_code: str
    address: str
    lon: float
    lat: float
    industry_id: int
    scale: Scale
    risk: RiskLevel


def _row_query():
    street = aliased(Grid)
    community = aliased(Grid)
    grid = aliased(Grid)
    q = (
        select(
            Enterprise.id, Enterprise.name, Enterprise.credit_code, Industry.name.label("industry"),
            Enterprise.scale, Enterprise.risk, Enterprise.tier, Department.name.label("dept"),
            street.name.label("street"), community.name.label("community"),
            grid.code.label("grid_code"), Enterprise.version,
        )
        .join(Industry, Enterprise.industry_id == Industry.id)
        .outerjoin(Department, Enterprise.lead_department_id == Department.id)
        .join(street, Enterprise.street_id == street.id)
        .join(community, Enterprise.community_id == community.id)
        .join(grid, Enterprise.grid_id == grid.id)
    )
    return q


def _to_row(r) -> EnterpriseRow:
    return EnterpriseRow(r.id, r.name, r.credit_code, r.industry, Scale(r.scale), RiskLevel(r.risk),
                         Tier(r.tier), r.dept or "", r.street, r.community, r.grid_code, r.version)


RISK_RANK = {RiskLevel.RED: 0, RiskLevel.ORANGE: 1, RiskLevel.YELLOW: 2, RiskLevel.BLUE: 3}


def _filtered(f: EnterpriseFilter):
    q = _row_query()
    if f.street_id is not None:
        q = q.where(Enterprise.street_id == f.street_id)
    if f.community_id is not None:
        q = q.where(Enterprise.community_id == f.community_id)
    if f.industry_id is not None:
        q = q.where(Enterprise.industry_id == f.industry_id)
    if f.risk is not None:
        q = q.where(Enterprise.risk == RiskLevel(f.risk))
    if f.tier is not None:
        q = q.where(Enterprise.tier == Tier(f.tier))
    if f.lead_department_id == NO_LEAD:
        q = q.where(Enterprise.lead_department_id.is_(None))
    elif f.lead_department_id is not None:
        q = q.where(Enterprise.lead_department_id == f.lead_department_id)
    text = f.text.strip()
    if text:
        q = q.where(Enterprise.name.contains(text, autoescape=True)
                    | Enterprise.credit_code.contains(text.upper(), autoescape=True)
                    | Enterprise.address.contains(text, autoescape=True))
    return q


def list_enterprises(uow: UnitOfWork, f: EnterpriseFilter | None = None) -> list[EnterpriseRow]:
    rows = [_to_row(r) for r in uow.session.execute(_filtered(f or EnterpriseFilter()))]
    rows.sort(key=lambda e: (RISK_RANK[e.risk], e.name))
    return rows


def enterprise_rows(uow: UnitOfWork, ids: set[int], f: EnterpriseFilter | None = None) -> list[EnterpriseRow]:
    """Fresh rows for the given ids that pass the filter: a live update refreshes only these,
    and drops the ids missing here (deleted, or no longer inside the filter)."""
    if not ids:
        return []
    q = _filtered(f or EnterpriseFilter()).where(Enterprise.id.in_(ids))
    return [_to_row(r) for r in uow.session.execute(q)]


def enterprise_card(uow: UnitOfWork, enterprise_id: int) -> EnterpriseCard:
    s = uow.session
    e: Enterprise = get_or_404(s, Enterprise, enterprise_id, "enterprise")
    row = enterprise_rows(uow, {e.id})[0]
    grid = s.get(Grid, e.grid_id)
    officer = s.get(GridOfficer, grid.officer_id) if grid.officer_id else None
    street = s.get(Grid, e.street_id)
    return EnterpriseCard(
        row, e.address, e.lon, e.lat, e.industry_id, e.lead_department_id, grid.id, grid.name,
        officer.name if officer else "", officer.phone if officer else "",
        street.name if e.tier == Tier.DISTRICT else None,
    )


def lead_department_for(uow: UnitOfWork, industry_id: int) -> int | None:
    return uow.session.scalar(
        select(BoundaryRule.department_id).where(BoundaryRule.industry_id == industry_id)
    )


def _validated(uow: UnitOfWork, data: EnterpriseInput, locator: GridLocator | None,
               exclude_id: int | None) -> tuple[dict, dict[GridLevel, int]]:
    s = uow.session
    name = clean_name("name", data.name)
    code = credit_code.validate(data.credit_code)
    dup = s.scalar(select(Enterprise.id).where(Enterprise.credit_code == code))
    if dup is not None and dup != exclude_id:
        raise ValidationError("credit_code", f"{code} is already registered to another enterprise")
    if s.get(Industry, data.industry_id) is None:
        raise ValidationError("industry", f"unknown industry {data.industry_id!r}")
    try:
        scale, risk = Scale(data.scale), RiskLevel(data.risk)
    except ValueError as exc:
        raise ValidationError("scale" if "Scale" in str(exc) else "risk", str(exc)) from None
    try:
        lon, lat = float(data.lon), float(data.lat)
    except (TypeError, ValueError):
        raise ValidationError("location", "longitude and latitude must be numbers") from None
    locator = locator or GridLocator.from_session(s)
    found = locator.locate(lon, lat)
    if GridLevel.SUB_COMMUNITY not in found:
        raise ValidationError("location", f"({lon:.6f}, {lat:.6f}) is outside the district")
    fields = dict(
        name=name, credit_code=code, address=clean_text("address", data.address, 300),
        lon=round(lon, 6), lat=round(lat, 6), industry_id=data.industry_id, scale=scale, risk=risk,
        tier=supervision_tier(scale, risk),
        lead_department_id=lead_department_for(uow, data.industry_id),
        street_id=found[GridLevel.STREET], community_id=found[GridLevel.COMMUNITY],
    )
    return fields, found


def create_enterprise(uow: UnitOfWork, actor: Actor, data: EnterpriseInput,
                      locator: GridLocator | None = None) -> int:
    require(actor, Permission.EDIT_REFERENCE)
    fields, found = _validated(uow, data, locator, None)
    e = Enterprise(**fields, grid_id=found[GridLevel.SUB_COMMUNITY])
    uow.session.add(e)
    uow.session.flush()
    uow.record(actor.username, "enterprise", e.id, "created", f"enterprise {e.name} {e.credit_code}")
    uow.commit()
    return e.id


def update_enterprise(uow: UnitOfWork, actor: Actor, enterprise_id: int, data: EnterpriseInput, *,
                      expected_version: int, locator: GridLocator | None = None) -> None:
    require(actor, Permission.EDIT_REFERENCE)
    s = uow.session
    e: Enterprise = get_or_404(s, Enterprise, enterprise_id, "enterprise")
    check_version(e, expected_version, "enterprise")
    fields, found = _validated(uow, data, locator, e.id)
    own_grid = s.get(Grid, e.grid_id)
    for k, v in fields.items():
        setattr(e, k, v)
    # An enterprise keeps its own grid while it stays inside it; otherwise it moves.
    if own_grid.level != GridLevel.ENTERPRISE or found.get(GridLevel.ENTERPRISE) != own_grid.id:
        e.grid_id = found[GridLevel.SUB_COMMUNITY]
    s.flush()
    uow.record(actor.username, "enterprise", e.id, "updated", f"enterprise {e.name} edited")
    uow.commit()
