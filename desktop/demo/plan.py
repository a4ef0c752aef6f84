"""The deterministic demo district: `build_plan(seed)` -> DistrictPlan (no Qt, no database).

The counts match the bureau's published figures (DOMAIN.md): 32 department grids, 16 street/park
grids, 123 community grids, 755 sub-community grids, 347 enterprise grids, 1,100+ officers and a
36-member squad. The same seed always gives the same plan.
"""

from __future__ import annotations

import random

from desktop.demo import names
from desktop.demo.catalogue import (
    DEPARTMENT_GRIDS,
    DEPARTMENTS,
    DISTRICT_CODE,
    DISTRICT_NAME,
    DISTRICT_UNIT,
    INDUSTRIES,
    STREETS,
    SUB_SQUADS,
)
from desktop.demo.enterprises import SubSite, make_enterprises
from desktop.demo.geometry import build_territory, to_json
from desktop.demo.people import SQUAD_SIZE, People
from desktop.demo.rows import (
    DepartmentRow,
    DistrictPlan,
    EnterpriseRow,
    GridRow,
    IndustryRow,
    OfficerRow,
    RuleRow,
    SquadMemberRow,
)
from desktop.domain.enums import Employment, GridLevel, StreetKind

__all__ = [
    "COUNTS",
    "DepartmentRow",
    "DistrictPlan",
    "EnterpriseRow",
    "GridRow",
    "IndustryRow",
    "OfficerRow",
    "RuleRow",
    "SquadMemberRow",
    "build_plan",
]

COUNTS: dict[GridLevel, int] = {
    GridLevel.DISTRICT: 1,
    GridLevel.DEPARTMENT: 32,
    GridLevel.STREET: 16,
    GridLevel.COMMUNITY: 123,
    GridLevel.SUB_COMMUNITY: 755,
    GridLevel.ENTERPRISE: 347,
}


def split_counts(rng: random.Random, total: int, parts: int, minimum: int) -> list[int]:
    """`parts` integers >= `minimum` summing to `total`, uneven (log-normal shares, largest
    remainder rounding)."""
    spare = total - parts * minimum
    if spare < 0:
        raise ValueError("total too small")
    shares = [rng.lognormvariate(0, 0.55) for _ in range(parts)]
    scale = spare / sum(shares)
    exact = [s * scale for s in shares]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(parts), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: spare - sum(counts)]:
        counts[i] += 1
    return [minimum + c for c in counts]


def _community_names(rng: random.Random) -> list[list[str]]:
    """Names per street; a street's first community carries the street's own name (as is usual)."""
    street_roots = {s.name.removesuffix("街道") for s in STREETS if s.kind is StreetKind.STREET}
    pool = [r for r in names.COMMUNITY_ROOTS if r not in street_roots]
    rng.shuffle(pool)
    out: list[list[str]] = []
    for spec in STREETS:
        own = [spec.name.removesuffix("街道")] if spec.kind is StreetKind.STREET else []
        take = spec.communities - len(own)
        out.append([r + "社区" for r in own + pool[:take]])
        del pool[:take]
    return out


def build_plan(seed: int = 2026) -> DistrictPlan:
    # Independent streams, so e.g. a new name pool does not redraw the map.
    geo_rng = random.Random(f"{seed}:geometry")
    name_rng = random.Random(f"{seed}:names")
    people = People(random.Random(f"{seed}:people"))

    community_total = sum(s.communities for s in STREETS)
    flat = split_counts(geo_rng, COUNTS[GridLevel.SUB_COMMUNITY], community_total, 2)
    sub_counts: list[list[int]] = []
    for spec in STREETS:
        sub_counts.append(flat[: spec.communities])
        del flat[: spec.communities]
    territory = build_territory(geo_rng, [s.pos for s in STREETS], sub_counts)

    grids: list[GridRow] = [
        GridRow(DISTRICT_CODE, DISTRICT_NAME, GridLevel.DISTRICT, None, None,
                people.officer(Employment.PART_TIME, names.LEADER_DUTIES), DISTRICT_UNIT, None, None)
    ]
    dept_names = {code: name for code, name, _ in DEPARTMENTS}
    for i, (dept, sector) in enumerate(DEPARTMENT_GRIDS, start=1):
        grids.append(GridRow(
            f"{DISTRICT_CODE}-D{i:02d}", f"{dept_names[dept]}·{sector}", GridLevel.DEPARTMENT,
            DISTRICT_CODE, None, people.officer(Employment.PART_TIME, names.DEPARTMENT_DUTIES),
            dept_names[dept], dept, None))

    sites: list[SubSite] = []
    sub_codes_by_street: list[list[str]] = []
    for s, (spec, cnames) in enumerate(zip(STREETS, _community_names(name_rng), strict=True)):
        scode = f"{DISTRICT_CODE}-{s + 1:02d}"
        grids.append(GridRow(scode, spec.name, GridLevel.STREET, DISTRICT_CODE,
                             to_json(territory.streets[s]), people.officer(Employment.FULL_TIME),
                             spec.unit, None, spec.kind))
        sub_codes_by_street.append([])
        for c, cname in enumerate(cnames):
            ccode = f"{scode}-{c + 1:02d}"
            unit = cname + "居民委员会"
            c_officer = people.officer(Employment.FULL_TIME)
            grids.append(GridRow(ccode, cname, GridLevel.COMMUNITY, scode,
                                 to_json(territory.communities[s][c]), c_officer, unit, None, None))
            for k, poly in enumerate(territory.subs[s][c]):
                kcode = f"{ccode}-{k + 1:02d}"
                # The community officer also holds its first sub-grid; the rest are mostly
                # part-time (building heads, property staff), some full-time.
                if k == 0:
                    officer = c_officer
                else:
                    full = name_rng.random() < 0.35
                    officer = people.officer(Employment.FULL_TIME if full else Employment.PART_TIME)
                grids.append(GridRow(kcode, f"{cname}第{k + 1}网格", GridLevel.SUB_COMMUNITY, ccode,
                                     to_json(poly), officer, unit, None, None))
                sites.append(SubSite(kcode, spec.name, spec.kind is StreetKind.PARK, poly))
                sub_codes_by_street[s].append(kcode)

    enterprises, egrids = make_enterprises(
        random.Random(f"{seed}:enterprises"), sites, COUNTS[GridLevel.ENTERPRISE]
    )
    for eg in egrids:
        # The enterprise's own safety officer holds its grid, part-time.
        grids.append(GridRow(eg.code, eg.name, GridLevel.ENTERPRISE, eg.parent_code, eg.geometry_json,
                             people.officer(Employment.PART_TIME), eg.name.removesuffix("专属网格"),
                             None, None))

    # Each sub-squad is based in one third of the district, west to east.
    order = sorted(range(len(STREETS)), key=lambda s: territory.streets[s].centroid.x)
    thirds = (order[:5], order[5:11], order[11:])
    squad_rng = random.Random(f"{seed}:squad")
    home = [sorted(squad_rng.sample([k for s in part for k in sub_codes_by_street[s]], SQUAD_SIZE))
            for part in thirds]

    return DistrictPlan(
        seed=seed,
        outline_json=to_json(territory.outline),
        departments=tuple(DepartmentRow(*d) for d in DEPARTMENTS),
        industries=tuple(IndustryRow(i.code, i.name, i.name_en) for i in INDUSTRIES),
        rules=tuple(RuleRow(i.code, i.department) for i in INDUSTRIES if i.department),
        grids=tuple(grids),
        officers=tuple(people.officers),
        enterprises=tuple(enterprises),
        squad=tuple(people.squad(home)),
        sub_squads=SUB_SQUADS,
    )
