"""Responsibility boundaries: editing a rule re-routes enterprises; gaps stay visible."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.data.tables import AuditEntry, BoundaryRule, Department, Enterprise
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from desktop.services import rules
from desktop.services.common import SYSTEM, Actor

DUTY = Actor("duty", "duty", Role.DUTY)


def _read(db, fn):
    with UnitOfWork(db, write=False) as uow:
        return fn(uow)


def _dept(db, name: str) -> int:
    return _read(db, lambda u: u.session.scalar(select(Department.id).where(Department.name == name)))


def test_every_industry_is_listed_and_gaps_are_the_ones_without_a_rule(demo_db):
    listed = _read(demo_db, rules.list_rules)
    ruled = _read(demo_db, lambda u: u.session.scalar(select(func.count()).select_from(BoundaryRule)))
    gaps = _read(demo_db, rules.supervision_gaps)
    assert len([r for r in listed if r.department_id is not None]) == ruled
    assert {r.industry for r in gaps.industries} == {r.industry for r in listed if r.department_id is None}
    assert len(gaps.industries) >= 1
    unled = _read(demo_db, lambda u: u.session.scalar(
        select(func.count()).select_from(Enterprise).where(Enterprise.lead_department_id.is_(None))))
    assert len(gaps.enterprises) == unled > 0


def test_domain_rules_transport_and_new_business_forms(demo_sqlite):
    by_industry = {r.industry: r.department for r in _read(demo_sqlite, rules.list_rules)}
    assert by_industry["月子中心"] == "区卫健委"
    assert by_industry["婴儿游泳馆"] == "区卫健委"
    assert any(dept == "区城管局" and "运输" in ind for ind, dept in by_industry.items())
    assert any(dept == "区教育局" and "早教" in ind for ind, dept in by_industry.items())


def test_setting_a_rule_for_a_gap_reroutes_its_enterprises_in_one_commit(demo_db):
    gap = _read(demo_db, rules.supervision_gaps).industries[0]
    dept = _dept(demo_db, "区文体旅局") or _read(demo_db, lambda u: u.session.scalars(select(Department.id)).first())
    with UnitOfWork(demo_db) as uow:
        moved = rules.set_rule(uow, Actor("admin", "admin", Role.ADMIN), gap.industry_id, dept, "新业态")
        changes = uow.changes
    assert moved == gap.enterprise_count > 0
    assert len(changes.ids("enterprise")) == moved and changes.touches("boundary_rule")
    after = _read(demo_db, rules.supervision_gaps)
    assert gap.industry_id not in {r.industry_id for r in after.industries}
    led = _read(demo_db, lambda u: u.session.scalar(select(func.count()).select_from(Enterprise).where(
        Enterprise.industry_id == gap.industry_id, Enterprise.lead_department_id == dept)))
    assert led == moved
    audit = _read(demo_db, lambda u: u.session.scalar(select(func.count()).select_from(AuditEntry)
                                                      .where(AuditEntry.actor == "admin")))
    assert audit == moved + 1


def test_deleting_a_rule_makes_a_visible_gap(demo_sqlite):
    rule = next(r for r in _read(demo_sqlite, rules.list_rules) if r.department_id and r.enterprise_count)
    with UnitOfWork(demo_sqlite) as uow:
        rules.delete_rule(uow, SYSTEM, rule.industry_id, expected_version=rule.version)
    gaps = _read(demo_sqlite, rules.supervision_gaps)
    assert rule.industry_id in {r.industry_id for r in gaps.industries}
    assert sum(1 for e in gaps.enterprises if e.industry == rule.industry) == rule.enterprise_count


def test_stale_rule_edit_is_a_conflict(demo_db):
    rule = next(r for r in _read(demo_db, rules.list_rules) if r.department_id)
    other = _read(demo_db, lambda u: u.session.scalars(
        select(Department.id).where(Department.id != rule.department_id)).first())
    with UnitOfWork(demo_db) as uow:
        rules.set_rule(uow, SYSTEM, rule.industry_id, other, expected_version=rule.version)
    with UnitOfWork(demo_db) as uow, pytest.raises(ConflictError):
        rules.set_rule(uow, SYSTEM, rule.industry_id, rule.department_id, expected_version=rule.version)


def test_only_an_administrator_edits_rules(demo_sqlite):
    rule = _read(demo_sqlite, rules.list_rules)[0]
    with UnitOfWork(demo_sqlite) as uow, pytest.raises(PermissionDenied):
        rules.set_rule(uow, DUTY, rule.industry_id, 1)


@pytest.mark.parametrize(("industry", "department", "field"), [(99_999, 1, "industry"), (1, 99_999, "department")])
def test_unknown_industry_or_department_is_refused(demo_sqlite, industry, department, field):
    with UnitOfWork(demo_sqlite) as uow, pytest.raises(ValidationError) as err:
        rules.set_rule(uow, SYSTEM, industry, department)
    assert err.value.field == field


def test_district_direct_list_is_the_district_tier_with_its_street(demo_db):
    listed = _read(demo_db, rules.district_direct)
    count = _read(demo_db, lambda u: u.session.scalar(
        select(func.count()).select_from(Enterprise).where(Enterprise.tier == "district")))
    assert len(listed) == count > 0
    assert all(r.copied_to_street.endswith(("街道", "园区", "开发区", "软件园")) for r in listed)
