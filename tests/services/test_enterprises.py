"""Enterprises: filters, the card, derived fields, and refusals that leave the database as it was."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from desktop.data.tables import BoundaryRule, Enterprise, Grid, Industry
from desktop.data.uow import UnitOfWork
from desktop.domain import credit_code
from desktop.domain.enums import GridLevel, RiskLevel, Scale, Tier
from desktop.domain.errors import ConflictError, ValidationError
from desktop.services import enterprises as ents
from desktop.services.common import SYSTEM


def _read(db, fn):
    with UnitOfWork(db, write=False) as uow:
        return fn(uow)


def _count(db, *where) -> int:
    return _read(db, lambda u: u.session.scalar(select(func.count()).select_from(Enterprise).where(*where)))


def test_unfiltered_list_is_every_enterprise_riskiest_first(demo_sqlite):
    rows = _read(demo_sqlite, ents.list_enterprises)
    assert len(rows) == _count(demo_sqlite)
    order = [ents.RISK_RANK[r.risk] for r in rows]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("flt", "where"),
    [
        (ents.EnterpriseFilter(risk=RiskLevel.RED), Enterprise.risk == "red"),
        (ents.EnterpriseFilter(tier=Tier.DISTRICT), Enterprise.tier == "district"),
        (ents.EnterpriseFilter(lead_department_id=ents.NO_LEAD), Enterprise.lead_department_id.is_(None)),
    ],
)
def test_filters_match_the_database(demo_db, flt, where):
    rows = _read(demo_db, lambda u: ents.list_enterprises(u, flt))
    assert len(rows) == _count(demo_db, where) > 0


def test_street_and_community_filters(demo_sqlite):
    e = _read(demo_sqlite, lambda u: u.session.scalars(select(Enterprise)).first())
    by_street = _read(demo_sqlite, lambda u: ents.list_enterprises(u, ents.EnterpriseFilter(street_id=e.street_id)))
    by_comm = _read(demo_sqlite, lambda u: ents.list_enterprises(
        u, ents.EnterpriseFilter(street_id=e.street_id, community_id=e.community_id)))
    assert len(by_street) == _count(demo_sqlite, Enterprise.street_id == e.street_id)
    assert len(by_comm) == _count(demo_sqlite, Enterprise.community_id == e.community_id)
    assert e.id in {r.id for r in by_comm}


def test_text_finds_by_credit_code_and_name(demo_sqlite):
    e = _read(demo_sqlite, lambda u: u.session.scalars(select(Enterprise)).first())
    by_code = _read(demo_sqlite, lambda u: ents.list_enterprises(u, ents.EnterpriseFilter(text=e.credit_code.lower())))
    assert [r.id for r in by_code] == [e.id]
    by_name = _read(demo_sqlite, lambda u: ents.list_enterprises(u, ents.EnterpriseFilter(text=e.name[2:6])))
    assert e.id in {r.id for r in by_name}


def test_card_of_a_district_tier_enterprise_names_the_street_copied_to(demo_sqlite):
    e = _read(demo_sqlite, lambda u: u.session.scalars(select(Enterprise).where(Enterprise.tier == "district")).first())
    card = _read(demo_sqlite, lambda u: ents.enterprise_card(u, e.id))
    street = _read(demo_sqlite, lambda u: u.session.get(Grid, e.street_id).name)
    assert card.copied_to_street == street
    assert card.grid_officer and card.grid_officer_phone


def _new(db, **change) -> ents.EnterpriseInput:
    with UnitOfWork(db, write=False) as uow:
        sub = uow.session.scalars(select(Grid).where(Grid.level == GridLevel.SUB_COMMUNITY)).first()
        import shapely

        point = shapely.from_geojson(sub.geometry).representative_point()
        industry = uow.session.scalars(select(Industry).join(BoundaryRule)).first()
    data = ents.EnterpriseInput("徐州测试机械有限公司", "91320311MA1XYZ0001", "测试路1号", point.x, point.y,
                                industry.id, Scale.LARGE, RiskLevel.YELLOW)
    import random

    data = dataclasses.replace(data, credit_code=credit_code.make_code(random.Random(99)))
    return dataclasses.replace(data, **change)


def test_create_derives_tier_lead_department_and_grids(demo_db):
    data = _new(demo_db)
    with UnitOfWork(demo_db) as uow:
        new_id = ents.create_enterprise(uow, SYSTEM, data)
    card = _read(demo_db, lambda u: ents.enterprise_card(u, new_id))
    rule_dept = _read(demo_db, lambda u: ents.lead_department_for(u, data.industry_id))
    assert card.row.tier == Tier.DISTRICT            # large → district-direct
    assert card.lead_department_id == rule_dept
    with UnitOfWork(demo_db, write=False) as uow:
        e = uow.session.get(Enterprise, new_id)
        assert uow.session.get(Grid, e.grid_id).level == GridLevel.SUB_COMMUNITY


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (dict(credit_code="91320311MA1XYZ0002"), "credit_code"),  # wrong check character
        (dict(credit_code="123"), "credit_code"),
        (dict(lon=116.0, lat=34.0), "location"),                  # outside the district
        (dict(industry_id=99_999), "industry"),
        (dict(name=""), "name"),
        (dict(name="企" * 10_000), "name"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(demo_db, change, field):
    before = _count(demo_db)
    data = _new(demo_db, **change)
    with UnitOfWork(demo_db) as uow, pytest.raises(ValidationError) as err:
        ents.create_enterprise(uow, SYSTEM, data)
    assert err.value.field == field
    assert _count(demo_db) == before


def test_duplicate_credit_code_is_refused(demo_sqlite):
    taken = _read(demo_sqlite, lambda u: u.session.scalars(select(Enterprise.credit_code)).first())
    with UnitOfWork(demo_sqlite) as uow, pytest.raises(ValidationError) as err:
        ents.create_enterprise(uow, SYSTEM, _new(demo_sqlite, credit_code=taken))
    assert err.value.field == "credit_code" and "already" in err.value.reason


def test_update_with_a_stale_version_is_a_conflict(demo_db):
    e = _read(demo_db, lambda u: u.session.scalars(select(Enterprise)).first())
    card = _read(demo_db, lambda u: ents.enterprise_card(u, e.id))
    data = ents.EnterpriseInput(e.name + "（更名）", e.credit_code, e.address, e.lon, e.lat, e.industry_id,
                                Scale(e.scale), RiskLevel.RED)
    with UnitOfWork(demo_db) as uow:
        ents.update_enterprise(uow, SYSTEM, e.id, data, expected_version=card.row.version)
    with UnitOfWork(demo_db) as uow, pytest.raises(ConflictError):
        ents.update_enterprise(uow, SYSTEM, e.id, dataclasses.replace(data, name="别的名字"),
                               expected_version=card.row.version)
    after = _read(demo_db, lambda u: ents.enterprise_card(u, e.id))
    assert after.row.name.endswith("（更名）") and after.row.risk == RiskLevel.RED
    assert after.row.tier == Tier.DISTRICT and after.grid_id == e.grid_id  # stays in its own grid
