"""Incident intake: every way to give a location, the grids resolved, refusals naming the field
with nothing written, the similar-incident warning and merge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop.data.tables import ChangeFeedEntry, Enterprise
from desktop.data.tables_dispatch import Incident
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, Role
from desktop.domain.errors import ValidationError
from desktop.domain.incident import IncidentStatus
from desktop.services import incident_queries, incidents
from desktop.services.common import Actor
from desktop.services.incident_location import LocationInput, location_candidates, parse_coordinates
from tests.squad_world import ENTERPRISE_ADDRESS, T0

DUTY = Actor("duty", "值班员", Role.DUTY)


def intake(db, location: LocationInput, *, now=T0, **fields):
    data = dict(type="gas_leak", severity="medium", location=location, caller="李梅", phone="0516-83801234",
                description="楼道有煤气味")
    data.update(fields)
    with UnitOfWork(db) as uow:
        return incidents.report_incident(uow, DUTY, incidents.IncidentInput(**data), now=now)


def count(db) -> tuple[int, int]:
    with UnitOfWork(db, write=False) as uow:
        return (uow.session.scalar(select(func.count()).select_from(Incident)),
                uow.session.scalar(select(func.count()).select_from(ChangeFeedEntry)))


def test_a_point_resolves_the_grid_at_every_level(world_db):
    db, w = world_db
    result = intake(db, LocationInput(lon=117.0155, lat=34.012))
    d = result.incident
    assert {g.level: g.id for g in d.grids} == {GridLevel.STREET: w.street, GridLevel.COMMUNITY: w.west,
                                                GridLevel.SUB_COMMUNITY: w.subs["S12"]}
    assert d.row.status is IncidentStatus.REPORTED and d.row.code == f"JQ{d.row.id:06d}"
    assert d.row.street == "测试街道" and d.phone == "0516-83801234" and d.created_by == "duty"
    assert d.timeline[0].kind == "reported" and d.timeline[0].data["caller"] == "李梅"
    assert result.similar == ()


@pytest.mark.parametrize(("location", "sub", "enterprise"), [
    (LocationInput(enterprise_id=1), "S22", True),
    (LocationInput(text=ENTERPRISE_ADDRESS), "S22", True),   # the address typed in full
    (LocationInput(text="测试路8号"), "S22", True),           # part of it
    (LocationInput(text="泉盛化工"), "S22", True),            # the enterprise's name
    (LocationInput(text="东社区第1网格"), "S21", False),       # a grid name
    (LocationInput(grid_id=-1), "S21", False),                # a grid chosen from the tree (id set below)
    (LocationInput(text="34.005, 117.025"), "S21", False),    # lat, lon typed: the order is detected
    (LocationInput(text="117.035，34.005"), "S22", False),     # lon，lat with a full-width comma
])
def test_every_way_to_give_a_location(world_sqlite, location, sub, enterprise):
    db, w = world_sqlite
    if location.grid_id == -1:
        location = LocationInput(grid_id=w.subs["S21"])
    d = intake(db, location).incident
    assert next(g.id for g in d.grids if g.level == GridLevel.SUB_COMMUNITY) == w.subs[sub]
    assert (d.enterprise_id == w.enterprise) is enterprise
    if enterprise:
        assert d.row.address == ENTERPRISE_ADDRESS and d.enterprise == "泉盛化工有限公司"


@pytest.mark.parametrize(("change", "field"), [
    (dict(type="meteor"), "type"),
    (dict(severity="apocalyptic"), "severity"),
    (dict(phone="call me"), "phone"),
    (dict(caller="x" * 81), "caller"),
    (dict(description="长" * 2001), "description"),
    (dict(location=LocationInput()), "location"),
    (dict(location=LocationInput(lon=116.5, lat=34.01)), "location"),      # outside the district
    (dict(location=LocationInput(lon="east", lat=34.01)), "location"),
    (dict(location=LocationInput(text="不存在的地址")), "location"),
    (dict(location=LocationInput(text="社区")), "location"),               # ambiguous: several grids
    (dict(location=LocationInput(enterprise_id=999)), "location"),
    (dict(reported_at=T0 + timedelta(hours=1)), "reported_at"),
    (dict(reported_at=T0 - timedelta(days=40)), "reported_at"),
])
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(world_sqlite, change, field):
    db, _ = world_sqlite
    change = dict(change)
    before = count(db)
    with pytest.raises(ValidationError) as err:
        intake(db, change.pop("location", LocationInput(lon=117.005, lat=34.005)), **change)
    assert err.value.field == field
    assert count(db) == before


def test_similar_incidents_warn_and_merge(world_db):
    db, _ = world_db
    first = intake(db, LocationInput(lon=117.0050, lat=34.0050)).incident
    second = intake(db, LocationInput(lon=117.0065, lat=34.0055), now=T0 + timedelta(minutes=10),
                    caller="赵军", description="三楼也闻到")
    far = intake(db, LocationInput(lon=117.035, lat=34.015), now=T0 + timedelta(minutes=11))
    late = intake(db, LocationInput(lon=117.0050, lat=34.0050), now=T0 + timedelta(hours=2))
    assert [s.id for s in second.similar] == [first.row.id]
    assert second.similar[0].distance_m == pytest.approx(147, abs=2) and second.similar[0].minutes_apart == 10
    assert far.similar == () and late.similar == ()
    with UnitOfWork(db, write=False) as uow:  # the intake form's preview, before saving
        preview = incidents.preview_location(uow, LocationInput(lon=117.0051, lat=34.0051), at=T0)
    assert {s.id for s in preview.similar} == {first.row.id, second.incident.row.id}
    dup = second.incident.row
    with UnitOfWork(db) as uow:
        target = incidents.merge_incident(uow, DUTY, dup.id, first.row.id, duplicate_version=dup.version,
                                          into_version=first.row.version, now=T0 + timedelta(minutes=12))
    assert target.merged_from == (dup.code,)
    merge = next(e for e in target.timeline if e.kind == "merge")
    assert merge.data["caller"] == "赵军" and "三楼也闻到" in merge.text
    with UnitOfWork(db, write=False) as uow:
        merged = incident_queries.incident_detail(uow, dup.id)
    assert merged.row.status is IncidentStatus.CLOSED and merged.merged_into_code == first.row.code
    assert merged.close_reason == f"merged into {first.row.code}"


def test_notes_edits_and_the_list(world_sqlite):
    db, _ = world_sqlite
    a = intake(db, LocationInput(lon=117.005, lat=34.005)).incident.row
    b = intake(db, LocationInput(lon=117.035, lat=34.015), type="traffic", now=T0 + timedelta(minutes=5)).incident.row
    with UnitOfWork(db) as uow:
        note = incidents.add_note(uow, DUTY, a.id, "  已联系燃气公司  ")
    assert note.text == "已联系燃气公司" and note.actor == "duty"
    with UnitOfWork(db) as uow, pytest.raises(ValidationError):
        incidents.add_note(uow, DUTY, a.id, "   ")
    with UnitOfWork(db) as uow:
        d = incidents.update_incident(uow, DUTY, a.id, expected_version=a.version, severity="high")
    assert d.row.severity == "high" and d.timeline[-1].data == {"fields": ["severity"]}
    with UnitOfWork(db, write=False) as uow:
        rows = incident_queries.list_incidents(uow)
        assert [r.id for r in rows] == [b.id, a.id]  # newest call first
        assert [r.id for r in incident_queries.list_incidents(uow, incident_queries.IncidentFilter(type="traffic"))] == [b.id]
        assert [r.id for r in incident_queries.list_incidents(uow, incident_queries.IncidentFilter(text=a.code))] == [a.id]
        page = incident_queries.list_incidents(uow, incident_queries.IncidentFilter(before=(rows[0].reported_at, rows[0].id)))
        assert [r.id for r in page] == [a.id]


def test_parse_coordinates():
    assert parse_coordinates("117.18, 34.26") == (117.18, 34.26)
    assert parse_coordinates("34.26 117.18") == (117.18, 34.26)
    assert parse_coordinates("解放路") is None and parse_coordinates("500, 600") is None


def test_address_text_against_the_demo_district(demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        e = uow.session.scalars(select(Enterprise).order_by(Enterprise.id)).first()
        found = location_candidates(uow, e.address)
    assert found[0].kind == "enterprise" and found[0].exact and found[0].address == e.address
