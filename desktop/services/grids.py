"""Grids: the five-level tree, a grid's card, search, and edits (一格一员)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm.attributes import flag_modified

from desktop.data.tables import Department, Enterprise, Grid, GridOfficer, Industry
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import PARENT_LEVEL, Employment, GridLevel
from desktop.domain.errors import ValidationError
from desktop.services.common import (
    Actor,
    Permission,
    check_version,
    clean_name,
    clean_text,
    get_or_404,
    require,
)

LEVEL_ORDER = {lv: i for i, lv in enumerate(GridLevel)}


@dataclass(frozen=True)
class GridNode:
    id: int
    parent_id: int | None
    code: str
    name: str
    level: GridLevel
    officer_name: str
    child_count: int
    descendant_count: int
    enterprise_count: int


@dataclass(frozen=True)
class GridBrief:
    id: int
    code: str
    name: str
    level: GridLevel


@dataclass(frozen=True)
class Officer:
    id: int
    name: str
    phone: str
    employment: Employment
    duties: str
    version: int


@dataclass(frozen=True)
class EnterpriseBrief:
    id: int
    name: str
    risk: str
    industry: str


@dataclass(frozen=True)
class GridDetail:
    id: int
    code: str
    name: str
    level: GridLevel
    version: int
    parents: tuple[GridBrief, ...]      # root first
    officer: Officer | None
    responsible_unit: str
    department: str | None
    street_kind: str | None
    area_km2: float | None
    enterprises: tuple[EnterpriseBrief, ...]
    children: tuple[GridBrief, ...]


def _officer(o: GridOfficer | None) -> Officer | None:
    if o is None:
        return None
    return Officer(o.id, o.name, o.phone, Employment(o.employment), o.duties, o.version)


def grid_tree(uow: UnitOfWork) -> list[GridNode]:
    """Every grid with its counts (child grids, all grids below, enterprises below)."""
    s = uow.session
    rows = s.execute(
        select(Grid.id, Grid.parent_id, Grid.code, Grid.name, Grid.level, Grid.department_id,
               GridOfficer.name).outerjoin(GridOfficer, Grid.officer_id == GridOfficer.id)
    ).all()
    per_grid = dict(s.execute(select(Enterprise.grid_id, func.count()).group_by(Enterprise.grid_id)).all())
    per_dept = dict(
        s.execute(
            select(Enterprise.lead_department_id, func.count()).group_by(Enterprise.lead_department_id)
        ).all()
    )
    children: dict[int | None, list[int]] = defaultdict(list)
    for r in rows:
        children[r.parent_id].append(r.id)
    by_id = {r.id: r for r in rows}
    desc: dict[int, int] = {}
    ents: dict[int, int] = {}

    def walk(grid_id: int) -> tuple[int, int]:  # iterative depth is only 5, recursion is fine
        d, e = 0, per_grid.get(grid_id, 0)
        for c in children.get(grid_id, ()):
            cd, ce = walk(c)
            d += cd + 1
            e += ce
        desc[grid_id], ents[grid_id] = d, e
        r = by_id[grid_id]
        if r.level == GridLevel.DEPARTMENT:
            # A sectoral grid covers its department's enterprises, which the territorial
            # grids already count: show them here, but do not add them to the district twice.
            ents[grid_id] = per_dept.get(r.department_id, 0)
        return d, e

    for root in children.get(None, ()):
        walk(root)
    nodes = [
        GridNode(r.id, r.parent_id, r.code, r.name, GridLevel(r.level), r[6] or "",
                 len(children.get(r.id, ())), desc[r.id], ents[r.id])
        for r in rows
    ]
    nodes.sort(key=lambda n: (LEVEL_ORDER[n.level], n.code))
    return nodes


def grid_detail(uow: UnitOfWork, grid_id: int) -> GridDetail:
    s = uow.session
    g: Grid = get_or_404(s, Grid, grid_id, "grid")
    parents: list[GridBrief] = []
    p = g.parent_id
    while p is not None:
        pg = s.get(Grid, p)
        parents.insert(0, GridBrief(pg.id, pg.code, pg.name, GridLevel(pg.level)))
        p = pg.parent_id
    level = GridLevel(g.level)
    ent_filter = {
        GridLevel.STREET: Enterprise.street_id == g.id,
        GridLevel.COMMUNITY: Enterprise.community_id == g.id,
        GridLevel.SUB_COMMUNITY: or_(
            Enterprise.grid_id == g.id,
            Enterprise.grid_id.in_(select(Grid.id).where(Grid.parent_id == g.id)),
        ),
        GridLevel.ENTERPRISE: Enterprise.grid_id == g.id,
        GridLevel.DEPARTMENT: Enterprise.lead_department_id == g.department_id,
    }.get(level)
    enterprises: tuple[EnterpriseBrief, ...] = ()
    if ent_filter is not None:
        enterprises = tuple(
            EnterpriseBrief(r.id, r.name, r.risk, r.iname)
            for r in s.execute(
                select(Enterprise.id, Enterprise.name, Enterprise.risk, Industry.name.label("iname"))
                .join(Industry, Enterprise.industry_id == Industry.id)
                .where(ent_filter)
                .order_by(Enterprise.name)
            )
        )
    kids = tuple(
        GridBrief(c.id, c.code, c.name, GridLevel(c.level))
        for c in s.scalars(select(Grid).where(Grid.parent_id == g.id).order_by(Grid.code))
    )
    dept = s.get(Department, g.department_id).name if g.department_id else None
    area = None
    if g.geometry:
        import shapely  # lazily: start-up does not need it

        # Rough km² at this latitude: good enough for a card, not for surveying.
        geom = shapely.from_geojson(g.geometry)
        area = round(geom.area * 111.32 * 92.2, 3)
    return GridDetail(
        g.id, g.code, g.name, level, g.version, tuple(parents),
        _officer(s.get(GridOfficer, g.officer_id) if g.officer_id else None),
        g.responsible_unit, dept, g.street_kind, area, enterprises, kids,
    )


def search_grids(uow: UnitOfWork, text: str, limit: int = 100) -> list[GridBrief]:
    """Name (汉字) or code (QS-03-...) contains the text; the top levels first."""
    t = (text or "").strip()
    if not t:
        return []
    level_rank = {lv.value: i for i, lv in enumerate(GridLevel)}
    rows = uow.session.execute(
        select(Grid.id, Grid.code, Grid.name, Grid.level)
        .where(or_(Grid.name.contains(t, autoescape=True),
                   func.upper(Grid.code).contains(t.upper(), autoescape=True)))
        .limit(limit * 4)
    ).all()
    hits = sorted(rows, key=lambda r: (not r.code.upper().startswith(t.upper()),
                                        level_rank[r.level], r.code))
    return [GridBrief(r.id, r.code, r.name, GridLevel(r.level)) for r in hits[:limit]]


@dataclass(frozen=True)
class OfficerInput:
    name: str
    phone: str
    employment: Employment = Employment.PART_TIME
    duties: str = "安全巡查、信息采集、整改督查、政策宣传"


def _clean_officer(data: OfficerInput) -> OfficerInput:
    phone = clean_name("officer_phone", data.phone, 32)
    if not all(ch.isdigit() or ch in "-+ " for ch in phone) or sum(ch.isdigit() for ch in phone) < 7:
        raise ValidationError("officer_phone", f"{phone!r} is not a phone number")
    try:
        employment = Employment(data.employment)
    except ValueError:
        raise ValidationError("officer_employment", f"unknown value {data.employment!r}") from None
    return OfficerInput(clean_name("officer_name", data.name, 80), phone, employment,
                        clean_text("officer_duties", data.duties, 500))


@dataclass(frozen=True)
class GridInput:
    code: str
    name: str
    level: GridLevel
    parent_id: int | None
    responsible_unit: str = ""
    geometry: str | None = None       # GeoJSON geometry (territorial levels)
    department_id: int | None = None  # department grids


def create_grid(uow: UnitOfWork, actor: Actor, data: GridInput, officer: OfficerInput) -> int:
    """A new grid with its one officer; refuses a duplicate code or a wrong parent level."""
    require(actor, Permission.EDIT_REFERENCE)
    s = uow.session
    code = clean_name("code", data.code, 40).upper()
    name = clean_name("name", data.name)
    try:
        level = GridLevel(data.level)
    except ValueError:
        raise ValidationError("level", f"unknown grid level {data.level!r}") from None
    if s.scalar(select(Grid.id).where(func.upper(Grid.code) == code)) is not None:
        raise ValidationError("code", f"grid code {code} is already used")
    want = PARENT_LEVEL[level]
    if want is None:
        if data.parent_id is not None:
            raise ValidationError("parent", "the district grid has no parent")
    else:
        parent = s.get(Grid, data.parent_id) if data.parent_id is not None else None
        if parent is None:
            raise ValidationError("parent", f"a {level} grid needs a parent grid")
        if parent.level != want:
            raise ValidationError("parent", f"a {level} grid's parent must be a {want} grid, "
                                            f"not {parent.level}")
    if level == GridLevel.DEPARTMENT:
        if data.department_id is None or s.get(Department, data.department_id) is None:
            raise ValidationError("department", f"unknown department {data.department_id!r}")
    geometry = None
    if data.geometry:
        import shapely

        try:
            geom = shapely.from_geojson(data.geometry)
        except Exception as exc:  # shapely raises GEOSException for broken JSON
            raise ValidationError("geometry", f"not GeoJSON: {exc}") from None
        if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon") or not geom.is_valid:
            raise ValidationError("geometry", "must be a valid Polygon or MultiPolygon")
        geometry = json.dumps(json.loads(shapely.to_geojson(geom)), separators=(",", ":"))
    clean = _clean_officer(officer)
    o = GridOfficer(name=clean.name, phone=clean.phone, employment=clean.employment,
                    duties=clean.duties)
    s.add(o)
    s.flush()
    g = Grid(code=code, name=name, level=level, parent_id=data.parent_id, geometry=geometry,
             officer_id=o.id, responsible_unit=clean_text("responsible_unit", data.responsible_unit, 200),
             department_id=data.department_id)
    s.add(g)
    s.flush()
    uow.record(actor.username, "grid", g.id, "created", f"grid {code} {name} ({level}), officer {o.name}")
    uow.commit()
    return g.id


def assign_officer(uow: UnitOfWork, actor: Actor, grid_id: int, officer_id: int, *,
                   expected_version: int | None, replace: bool = False) -> None:
    """一格一员: a grid has exactly one officer; replacing one must be asked for explicitly."""
    require(actor, Permission.EDIT_REFERENCE)
    s = uow.session
    g: Grid = get_or_404(s, Grid, grid_id, "grid")
    check_version(g, expected_version, "grid")
    o: GridOfficer = get_or_404(s, GridOfficer, officer_id, "officer")
    if g.officer_id is not None and g.officer_id != officer_id and not replace:
        current = s.get(GridOfficer, g.officer_id)
        raise ValidationError("officer", f"grid {g.code} already has its officer {current.name}; "
                                         "replace the officer instead of adding a second one")
    g.officer_id = o.id
    uow.record(actor.username, "grid", g.id, "updated", f"officer of {g.code} is now {o.name}")
    uow.commit()


def update_grid(uow: UnitOfWork, actor: Actor, grid_id: int, *, expected_version: int,
                name: str, responsible_unit: str, officer: OfficerInput) -> None:
    """Edit a grid's posting information (name, unit, its officer's details)."""
    require(actor, Permission.EDIT_REFERENCE)
    s = uow.session
    g: Grid = get_or_404(s, Grid, grid_id, "grid")
    check_version(g, expected_version, "grid")
    g.name = clean_name("name", name)
    g.responsible_unit = clean_text("responsible_unit", responsible_unit, 200)
    clean = _clean_officer(officer)
    if g.officer_id is None:
        o = GridOfficer(name=clean.name, phone=clean.phone, employment=clean.employment,
                        duties=clean.duties)
        s.add(o)
        s.flush()
        g.officer_id = o.id
    else:
        o = s.get(GridOfficer, g.officer_id)
        o.name, o.phone, o.employment, o.duties = clean.name, clean.phone, clean.employment, clean.duties
    flag_modified(g, "name")  # the grid's version moves even when only its officer changed
    s.flush()
    uow.record(actor.username, "grid", g.id, "updated", f"grid {g.code}: {g.name}, officer {o.name} {o.phone}")
    uow.commit()
