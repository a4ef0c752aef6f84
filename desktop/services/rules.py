"""Responsibility boundaries (责任边界): industry → lead department, the gaps, the district list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import aliased

from desktop.data.tables import BoundaryRule, Department, Enterprise, Grid, Industry
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import RiskLevel, Tier
from desktop.domain.errors import ConflictError, ValidationError
from desktop.services.common import Actor, Permission, check_version, clean_text, require


@dataclass(frozen=True)
class RuleRow:
    industry_id: int
    industry: str
    industry_code: str
    department_id: int | None  # None: no rule, a supervision gap (监管空白)
    department: str
    note: str
    rule_id: int | None
    version: int | None
    enterprise_count: int


@dataclass(frozen=True)
class GapEnterprise:
    id: int
    name: str
    industry: str
    street: str


@dataclass(frozen=True)
class Gaps:
    industries: tuple[RuleRow, ...]
    enterprises: tuple[GapEnterprise, ...]


@dataclass(frozen=True)
class DistrictDirectRow:
    id: int
    name: str
    industry: str
    risk: RiskLevel
    lead_department: str
    copied_to_street: str  # 抄告属地


def list_rules(uow: UnitOfWork) -> list[RuleRow]:
    """Every industry, with its rule or the gap."""
    s = uow.session
    counts: dict[int, int] = {}
    for ind_id, in s.execute(select(Enterprise.industry_id)):
        counts[ind_id] = counts.get(ind_id, 0) + 1
    rows = s.execute(
        select(Industry.id, Industry.name, Industry.code, BoundaryRule.department_id,
               Department.name.label("dept"), BoundaryRule.note, BoundaryRule.id.label("rid"),
               BoundaryRule.version)
        .outerjoin(BoundaryRule, BoundaryRule.industry_id == Industry.id)
        .outerjoin(Department, BoundaryRule.department_id == Department.id)
        .order_by(Industry.code)
    )
    return [RuleRow(r.id, r.name, r.code, r.department_id, r.dept or "", r.note or "", r.rid,
                    r.version, counts.get(r.id, 0)) for r in rows]


def _rederive(uow: UnitOfWork, actor: Actor, industry_id: int, department_id: int | None) -> int:
    s = uow.session
    ids = list(s.scalars(select(Enterprise.id).where(Enterprise.industry_id == industry_id,
                                                      Enterprise.lead_department_id.is_distinct_from(department_id))))
    if ids:
        s.execute(update(Enterprise).where(Enterprise.id.in_(ids))
                  .values(lead_department_id=department_id, version=Enterprise.version + 1))
        for eid in ids:
            uow.record(actor.username, "enterprise", eid, "updated", "lead department re-derived")
    return len(ids)


NO_RULE = 0  # expected_version when the form was opened on a gap: refuse if a rule appeared


def set_rule(uow: UnitOfWork, actor: Actor, industry_id: int, department_id: int, note: str = "",
             *, expected_version: int | None = None) -> int:
    """Create or change an industry's rule; its enterprises are re-routed in the same commit.

    `expected_version` is the rule's version the user saw, NO_RULE if they saw none, or None
    to skip the check. Returns how many enterprises changed lead department."""
    require(actor, Permission.EDIT_RULES)
    s = uow.session
    industry = s.get(Industry, industry_id)
    if industry is None:
        raise ValidationError("industry", f"unknown industry {industry_id!r}")
    dept = s.get(Department, department_id)
    if dept is None:
        raise ValidationError("department", f"unknown department {department_id!r}")
    note = clean_text("note", note, 500)
    rule = s.scalar(select(BoundaryRule).where(BoundaryRule.industry_id == industry_id))
    if rule is not None and expected_version == NO_RULE:
        raise ConflictError("boundary rule", industry_id,
                            f"a colleague set a rule for {industry.name} meanwhile")
    if rule is None:
        if expected_version not in (None, NO_RULE):
            raise ConflictError("boundary rule", industry_id, f"the rule for {industry.name} was deleted meanwhile")
        rule = BoundaryRule(industry_id=industry_id, department_id=department_id, note=note)
        s.add(rule)
        action = "created"
    else:
        check_version(rule, expected_version, "boundary rule", f"{industry.name} rule was edited meanwhile")
        rule.department_id, rule.note = department_id, note
        action = "updated"
    s.flush()
    moved = _rederive(uow, actor, industry_id, department_id)
    uow.record(actor.username, "boundary_rule", industry_id, action,
               f"{industry.name} → {dept.name} ({moved} enterprises re-routed)")
    uow.commit()
    return moved


def delete_rule(uow: UnitOfWork, actor: Actor, industry_id: int, *, expected_version: int | None) -> int:
    """Remove an industry's rule: its enterprises become a visible gap, never silently dropped."""
    require(actor, Permission.EDIT_RULES)
    s = uow.session
    rule = s.scalar(select(BoundaryRule).where(BoundaryRule.industry_id == industry_id))
    if rule is None:
        raise ValidationError("rule", f"industry {industry_id} has no rule")
    check_version(rule, expected_version, "boundary rule")
    industry = s.get(Industry, industry_id)
    s.delete(rule)
    s.flush()
    moved = _rederive(uow, actor, industry_id, None)
    uow.record(actor.username, "boundary_rule", industry_id, "deleted",
               f"rule for {industry.name} removed ({moved} enterprises now unrouted)")
    uow.commit()
    return moved


def supervision_gaps(uow: UnitOfWork) -> Gaps:
    street = aliased(Grid)
    rows = uow.session.execute(
        select(Enterprise.id, Enterprise.name, Industry.name.label("ind"), street.name.label("st"))
        .join(Industry, Enterprise.industry_id == Industry.id)
        .join(street, Enterprise.street_id == street.id)
        .where(Enterprise.lead_department_id.is_(None))
        .order_by(Industry.name, Enterprise.name)
    )
    return Gaps(
        tuple(r for r in list_rules(uow) if r.department_id is None),
        tuple(GapEnterprise(r.id, r.name, r.ind, r.st) for r in rows),
    )


def district_direct(uow: UnitOfWork) -> list[DistrictDirectRow]:
    """分级监管清单, district level: supervised by the department, copied to the street."""
    street = aliased(Grid)
    rows = uow.session.execute(
        select(Enterprise.id, Enterprise.name, Industry.name.label("ind"), Enterprise.risk,
               Department.name.label("dept"), street.name.label("st"))
        .join(Industry, Enterprise.industry_id == Industry.id)
        .outerjoin(Department, Enterprise.lead_department_id == Department.id)
        .join(street, Enterprise.street_id == street.id)
        .where(Enterprise.tier == Tier.DISTRICT)
        .order_by(street.code, Enterprise.name)
    )
    return [DistrictDirectRow(r.id, r.name, r.ind, RiskLevel(r.risk), r.dept or "", r.st) for r in rows]
