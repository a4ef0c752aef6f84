"""Grids: the tree with counts, a grid's card, search, and the edits' refusals."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from desktop.data.tables import Enterprise, Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, Role
from desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from desktop.services import grids
from desktop.services.common import SYSTEM, Actor

VIEWER = Actor("viewer", "viewer", Role.VIEWER)
PUBLISHED = {GridLevel.DEPARTMENT: 32, GridLevel.STREET: 16, GridLevel.COMMUNITY: 123,
             GridLevel.SUB_COMMUNITY: 755, GridLevel.ENTERPRISE: 347}


def _read(db, fn):
    with UnitOfWork(db, write=False) as uow:
        return fn(uow)


def test_tree_has_the_published_counts_at_every_level(demo_db):
    nodes = _read(demo_db, grids.grid_tree)
    by_level: dict[GridLevel, int] = {}
    for n in nodes:
        by_level[n.level] = by_level.get(n.level, 0) + 1
    assert {lv: by_level[lv] for lv in PUBLISHED} == PUBLISHED
    root = next(n for n in nodes if n.level == GridLevel.DISTRICT)
    assert root.descendant_count == 1273
    assert root.enterprise_count == _read(demo_db, lambda u: u.session.scalar(
        select(func.count()).select_from(Enterprise)))


def test_street_counts_match_the_database(demo_sqlite):
    nodes = {n.id: n for n in _read(demo_sqlite, grids.grid_tree)}
    with UnitOfWork(demo_sqlite, write=False) as uow:
        s = uow.session
        street = s.scalars(select(Grid).where(Grid.level == GridLevel.STREET).order_by(Grid.code)).first()
        communities = s.scalar(select(func.count()).select_from(Grid).where(Grid.parent_id == street.id))
        ents = s.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.street_id == street.id))
    node = nodes[street.id]
    assert node.child_count == communities
    assert node.enterprise_count == ents
    assert node.descendant_count > communities


def test_detail_shows_chain_officer_enterprises_and_children(demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        s = uow.session
        ent = s.scalars(select(Enterprise).join(Grid, Enterprise.grid_id == Grid.id)
                        .where(Grid.level == GridLevel.ENTERPRISE)).first()
        grid = s.get(Grid, ent.grid_id)
        officer = s.get(GridOfficer, grid.officer_id)
        sub = s.get(Grid, grid.parent_id)
        detail = grids.grid_detail(uow, grid.id)
        sub_detail = grids.grid_detail(uow, sub.id)
    assert [p.level for p in detail.parents] == [GridLevel.DISTRICT, GridLevel.STREET,
                                                  GridLevel.COMMUNITY, GridLevel.SUB_COMMUNITY]
    assert detail.officer is not None and detail.officer.name == officer.name
    assert detail.officer.phone == officer.phone
    assert [e.id for e in detail.enterprises] == [ent.id]
    assert grid.id in {c.id for c in sub_detail.children}
    assert ent.id in {e.id for e in sub_detail.enterprises}


@pytest.mark.parametrize("text", ["QS-03", "qs-03-0", "泉山"])
def test_search_by_code_or_chinese_name(demo_sqlite, text):
    hits = _read(demo_sqlite, lambda u: grids.search_grids(u, text))
    assert hits, text
    for h in hits:
        assert text.upper() in h.code.upper() or text in h.name


def test_search_ranks_code_prefix_and_upper_levels_first(demo_sqlite):
    hits = _read(demo_sqlite, lambda u: grids.search_grids(u, "QS-03"))
    assert hits[0].code == "QS-03"


def test_search_treats_like_wildcards_literally(demo_sqlite):
    assert _read(demo_sqlite, lambda u: grids.search_grids(u, "%")) == []
    assert _read(demo_sqlite, lambda u: grids.search_grids(u, "_")) == []


def _street(uow) -> Grid:
    return uow.session.scalars(select(Grid).where(Grid.level == GridLevel.STREET)).first()


OFFICER = grids.OfficerInput("王建国", "13900001111")


def _snapshot(db):
    with UnitOfWork(db, write=False) as uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(Grid)),
                s.scalar(select(func.count()).select_from(GridOfficer)))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (dict(code="QS-01"), "code"),                     # duplicate code
        (dict(code="qs-01"), "code"),                     # duplicate, other case
        (dict(name=""), "name"),
        (dict(name="   "), "name"),
        (dict(name="网" * 10_000), "name"),
        (dict(level=GridLevel.SUB_COMMUNITY), "parent"),  # a street is not a community
        (dict(geometry='{"type":"Point","coordinates":[1,2]}'), "geometry"),
    ],
)
def test_create_grid_refuses_bad_input_and_writes_nothing(demo_db, change, field):
    before = _snapshot(demo_db)
    with UnitOfWork(demo_db) as uow:
        parent = _street(uow)
        data = dict(code="QS-01-99", name="测试社区", level=GridLevel.COMMUNITY, parent_id=parent.id)
        data.update(change)
        with pytest.raises(ValidationError) as err:
            grids.create_grid(uow, SYSTEM, grids.GridInput(**data), OFFICER)
    assert err.value.field == field
    assert _snapshot(demo_db) == before


def test_create_grid_with_its_officer(demo_db):
    with UnitOfWork(demo_db) as uow:
        parent = _street(uow)
        geometry = json.loads(parent.geometry)
        new_id = grids.create_grid(uow, SYSTEM, grids.GridInput(
            "QS-01-99", "测试社区", GridLevel.COMMUNITY, parent.id, "测试社区居委会",
            json.dumps(geometry)), OFFICER)
        changes = uow.changes
    assert changes.ids("grid") == {str(new_id)}
    detail = _read(demo_db, lambda u: grids.grid_detail(u, new_id))
    assert detail.officer.name == "王建国" and detail.parents[-1].id == parent.id


def test_refuses_bad_officer_phone(demo_sqlite):
    with UnitOfWork(demo_sqlite) as uow, pytest.raises(ValidationError) as err:
        grids.create_grid(uow, SYSTEM, grids.GridInput("QS-01-98", "x", GridLevel.COMMUNITY,
                                                      _street(uow).id),
                          grids.OfficerInput("张三", "call me"))
    assert err.value.field == "officer_phone"


def test_a_second_officer_for_a_grid_is_refused(demo_db):
    with UnitOfWork(demo_db) as uow:
        grid = _street(uow)
        other = uow.session.scalars(select(GridOfficer).where(GridOfficer.id != grid.officer_id)).first()
        with pytest.raises(ValidationError) as err:
            grids.assign_officer(uow, SYSTEM, grid.id, other.id, expected_version=grid.version)
    assert err.value.field == "officer"
    with UnitOfWork(demo_db) as uow:
        grid2 = uow.session.get(Grid, grid.id)
        assert grid2.officer_id == grid.officer_id
        grids.assign_officer(uow, SYSTEM, grid.id, other.id, expected_version=grid2.version, replace=True)
    with UnitOfWork(demo_db, write=False) as uow:
        assert uow.session.get(Grid, grid.id).officer_id == other.id


def test_stale_edit_is_a_conflict_and_keeps_the_colleagues_work(demo_db):
    with UnitOfWork(demo_db, write=False) as uow:
        grid = _street(uow)
        seen = grids.grid_detail(uow, grid.id)
    with UnitOfWork(demo_db) as uow:
        grids.update_grid(uow, SYSTEM, seen.id, expected_version=seen.version, name="甲",
                          responsible_unit="u", officer=OFFICER)
    with UnitOfWork(demo_db) as uow, pytest.raises(ConflictError):
        grids.update_grid(uow, SYSTEM, seen.id, expected_version=seen.version, name="乙",
                          responsible_unit="u", officer=OFFICER)
    assert _read(demo_db, lambda u: grids.grid_detail(u, seen.id)).name == "甲"


def test_viewer_may_not_edit(demo_sqlite):
    with UnitOfWork(demo_sqlite) as uow, pytest.raises(PermissionDenied):
        grid = _street(uow)
        grids.update_grid(uow, VIEWER, grid.id, expected_version=grid.version, name="x",
                          responsible_unit="", officer=OFFICER)
