import random
import re
from collections import Counter, defaultdict

import numpy as np
import pytest
import shapely

from desktop.demo.plan import COUNTS, build_plan
from desktop.domain import credit_code
from desktop.domain.enums import PARENT_LEVEL, GridLevel, SquadRole, StreetKind, Tier
from desktop.domain.tier import supervision_tier

TERRITORY = (GridLevel.STREET, GridLevel.COMMUNITY, GridLevel.SUB_COMMUNITY)
CODE_PATTERN = {
    GridLevel.DISTRICT: r"QS",
    GridLevel.DEPARTMENT: r"QS-D\d\d",
    GridLevel.STREET: r"QS-\d\d",
    GridLevel.COMMUNITY: r"QS-\d\d-\d\d",
    GridLevel.SUB_COMMUNITY: r"QS-\d\d-\d\d-\d\d",
    GridLevel.ENTERPRISE: r"QS-\d\d-\d\d-\d\d-Q\d+",
}
STREETS = {"王陵街道", "七里沟街道", "永安街道", "湖滨街道", "段庄街道", "翟山街道", "奎山街道",
           "和平街道", "金山街道", "泰山街道", "庞庄街道", "火花街道", "桃园街道", "苏山街道"}


@pytest.fixture(scope="module")
def plan():
    return build_plan()


@pytest.fixture(scope="module")
def by_code(plan):
    return {g.code: g for g in plan.grids}


@pytest.fixture(scope="module")
def shapes(plan):
    """code -> shapely geometry, for every grid that has one."""
    with_geom = [g for g in plan.grids if g.geometry_json]
    geoms = shapely.from_geojson([g.geometry_json for g in with_geom])
    return {g.code: geom for g, geom in zip(with_geom, geoms, strict=True)}


@pytest.fixture(scope="module")
def outline(plan):
    return shapely.from_geojson(plan.outline_json)


def level_codes(plan, level):
    return [g.code for g in plan.grids if g.level is level]


def test_counts_per_level(plan):
    assert Counter(g.level for g in plan.grids) == COUNTS
    assert COUNTS[GridLevel.DEPARTMENT] == 32 and COUNTS[GridLevel.SUB_COMMUNITY] == 755
    assert len(plan.officers) >= 1100
    assert sum(e.own_grid for e in plan.enterprises) == 347
    assert 400 <= len(plan.enterprises) <= 450


def test_codes_unique_and_well_formed(plan):
    codes = [g.code for g in plan.grids]
    assert len(codes) == len(set(codes))
    for g in plan.grids:
        assert re.fullmatch(CODE_PATTERN[g.level], g.code), g.code
        if g.parent_code:
            assert g.code.startswith(g.parent_code + "-")


def test_parent_levels(plan, by_code):
    for g in plan.grids:
        if PARENT_LEVEL[g.level] is None:
            assert g.parent_code is None
        else:
            assert by_code[g.parent_code].level is PARENT_LEVEL[g.level]
    # Parents come before their children, so a loader can insert in order.
    seen = set()
    for g in plan.grids:
        assert g.parent_code is None or g.parent_code in seen
        seen.add(g.code)


def test_root_departments_streets(plan, by_code):
    root = by_code["QS"]
    assert (root.name, root.responsible_unit, root.geometry_json) == ("泉山区", "泉山区人民政府", None)
    dept_codes = {d.code for d in plan.departments}
    assert len(plan.departments) == 24
    per_dept = Counter(g.department_code for g in plan.grids if g.level is GridLevel.DEPARTMENT)
    assert set(per_dept) <= dept_codes and all(1 <= n <= 3 for n in per_dept.values())
    for g in plan.grids:
        assert (g.department_code is not None) == (g.level is GridLevel.DEPARTMENT)
        assert (g.street_kind is not None) == (g.level is GridLevel.STREET)
        assert (g.geometry_json is None) == (g.level in (GridLevel.DISTRICT, GridLevel.DEPARTMENT))
        assert g.responsible_unit
    streets = [by_code[c] for c in level_codes(plan, GridLevel.STREET)]
    assert {s.name for s in streets if s.street_kind is StreetKind.STREET} == STREETS
    assert Counter(s.street_kind for s in streets) == {StreetKind.STREET: 14, StreetKind.PARK: 2}


def test_uneven_but_sufficient_children(plan):
    children = Counter(g.parent_code for g in plan.grids)
    communities = [children[c] for c in level_codes(plan, GridLevel.STREET)]
    subs = [children[c] for c in level_codes(plan, GridLevel.COMMUNITY)]
    assert min(communities) >= 3 and min(subs) >= 2
    assert len(set(communities)) > 3 and len(set(subs)) > 3


def test_deterministic(plan):
    assert build_plan(2026) == plan
    other = build_plan(7)
    assert other != plan
    assert other.outline_json != plan.outline_json


@pytest.mark.parametrize("level", TERRITORY)
def test_level_partitions_the_district(plan, shapes, outline, level):
    geoms = [shapes[c] for c in level_codes(plan, level)]
    assert all(g.is_valid and g.area > 0 for g in geoms)
    union = shapely.union_all(geoms)
    assert union.symmetric_difference(outline).area <= 1e-9 * outline.area
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pairs = left < right
    overlaps = shapely.area(shapely.intersection(np.take(geoms, left[pairs]), np.take(geoms, right[pairs])))
    assert overlaps.size > 0 and overlaps.max() < 1e-12


@pytest.mark.parametrize("level", (GridLevel.COMMUNITY, GridLevel.SUB_COMMUNITY))
def test_children_partition_their_parent(plan, shapes, level):
    children = defaultdict(list)
    for g in plan.grids:
        if g.level is level:
            children[g.parent_code].append(shapes[g.code])
    for parent, parts in children.items():
        diff = shapely.union_all(parts).symmetric_difference(shapes[parent]).area
        assert diff <= 1e-9 * shapes[parent].area, parent


def test_sampled_points_lie_in_exactly_one_grid_per_level(plan, shapes, outline):
    rng = random.Random(42)
    minx, miny, maxx, maxy = outline.bounds
    points = []
    while len(points) < 2000:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if shapely.contains_xy(outline, x, y):
            points.append(shapely.Point(x, y))
    for level in TERRITORY:
        tree = shapely.STRtree([shapes[c] for c in level_codes(plan, level)])
        hits = np.bincount(tree.query(points, predicate="within")[0], minlength=len(points))
        assert (hits == 1).all(), level


def test_enterprises_sit_in_their_grids(plan, by_code, shapes, outline):
    for e in plan.enterprises:
        point = shapely.Point(e.lon, e.lat)
        assert (round(e.lon, 6), round(e.lat, 6)) == (e.lon, e.lat)
        assert outline.contains(point)
        grid = by_code[e.grid_code]
        assert grid.level is (GridLevel.ENTERPRISE if e.own_grid else GridLevel.SUB_COMMUNITY)
        assert shapes[e.grid_code].contains(point), e.name
        if e.own_grid:
            assert grid.name == e.name + "专属网格"
    own = [e.grid_code for e in plan.enterprises if e.own_grid]
    assert sorted(own) == sorted(level_codes(plan, GridLevel.ENTERPRISE))


def test_enterprise_grids_inside_parent_and_apart(plan, by_code, shapes):
    codes = level_codes(plan, GridLevel.ENTERPRISE)
    for code in codes:
        assert shapes[by_code[code].parent_code].contains(shapes[code]), code
    geoms = [shapes[c] for c in codes]
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    assert (left == right).all()


def test_one_officer_per_grid(plan, by_code):
    keys = [o.key for o in plan.officers]
    assert len(keys) == len(set(keys))
    known = set(keys)
    holders = defaultdict(list)
    for g in plan.grids:
        assert g.officer_key in known
        holders[g.officer_key].append(g)
    assert set(holders) == known  # nobody without a grid
    for grids in holders.values():
        if len(grids) > 1:  # only a community officer who also holds one of its sub-grids
            community, sub = sorted(grids, key=lambda g: len(g.code))
            assert (community.level, sub.level) == (GridLevel.COMMUNITY, GridLevel.SUB_COMMUNITY)
            assert sub.parent_code == community.code
    for o in plan.officers:
        assert o.name and o.duties


def test_phones_unique_and_mobile(plan):
    phones = [o.phone for o in plan.officers] + [m.phone for m in plan.squad]
    assert len(phones) == len(set(phones))
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)


def test_credit_codes(plan):
    codes = [e.credit_code for e in plan.enterprises]
    assert len(codes) == len(set(codes))
    assert all(credit_code.is_valid(c) and c.startswith("91320311") for c in codes)
    names = [e.name for e in plan.enterprises]
    assert len(names) == len(set(names))


def test_rules_follow_the_domain(plan):
    rules = {r.industry_code: r.department_code for r in plan.rules}
    dept = {d.code: d.name for d in plan.departments}
    industry = {i.name: i.code for i in plan.industries}
    assert set(rules.values()) <= set(dept)
    unruled = set(industry.values()) - set(rules)
    assert {n for n, c in industry.items() if c in unruled} == {"剧本杀门店", "密室逃脱"}
    assert dept[rules[industry["道路运输"]]] == "区城管局"
    assert dept[rules[industry["幼儿早教"]]] == dept[rules[industry["幼儿看护点"]]] == "区教育局"
    assert dept[rules[industry["婴儿游泳馆"]]] == dept[rules[industry["月子中心"]]] == "区卫健委"
    assert not any("交通" in name for name in dept.values())
    in_gap = [e for e in plan.enterprises if e.industry_code in unruled]
    assert len(in_gap) >= 4


def test_risk_and_tier_mix(plan):
    risks = Counter(e.risk for e in plan.enterprises)
    assert 0 < risks["red"] < risks["orange"] < risks["yellow"] + risks["blue"]
    tiers = Counter(supervision_tier(e.scale, e.risk) for e in plan.enterprises)
    assert tiers[Tier.DISTRICT] >= 5 and tiers[Tier.STREET] > tiers[Tier.DISTRICT]
    assert {e.industry_code for e in plan.enterprises} == {i.code for i in plan.industries}


def test_squad(plan, by_code):
    assert plan.sub_squads == ("第一中队", "第二中队", "第三中队")
    assert len(plan.squad) == 36
    assert Counter(m.sub_squad for m in plan.squad) == {1: 12, 2: 12, 3: 12}
    for sub in (1, 2, 3):
        roles = Counter(m.role for m in plan.squad if m.sub_squad == sub)
        assert roles == {SquadRole.CAPTAIN: 1, SquadRole.DEPUTY: 1, SquadRole.MEMBER: 10}
    assert len({m.key for m in plan.squad}) == len({m.call_sign for m in plan.squad}) == 36
    homes = [m.home_grid_code for m in plan.squad]
    assert len(set(homes)) == 36
    assert all(by_code[h].level is GridLevel.SUB_COMMUNITY for h in homes)
    # Sub-squads are based in different parts of the district: disjoint sets of streets.
    streets = [{h[:5] for h in homes[i * 12:(i + 1) * 12]} for i in range(3)]
    assert not (streets[0] & streets[1] or streets[1] & streets[2] or streets[0] & streets[2])
