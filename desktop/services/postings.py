"""挂牌公示: what each grid's public posting sheet shows, gathered in a handful of queries.

One sheet per grid: its name and code, its one officer (一格一员) with phone and duties, the
responsible unit, and who supervises it. A selection is the whole district, one community with
every grid below it, or one grid.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.data.tables import Department, Enterprise, Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Employment, GridLevel, Tier
from desktop.domain.errors import ValidationError
from desktop.domain.posting import PostingSelection
from desktop.services.common import Actor, Permission, require

SAFETY_COMMITTEE_OFFICE = "区安委会办公室（区应急管理局）"


@dataclass(frozen=True)
class PostingSheet:
    grid_id: int
    code: str
    name: str
    level: GridLevel
    path: tuple[str, ...]            # the grids above, street first (the district root left out)
    officer_name: str                # "" when the grid has no officer yet
    officer_phone: str
    employment: Employment | None
    duties: tuple[str, ...]          # 安全巡查, 信息采集, ...
    responsible_unit: str
    supervising_department: str


@dataclass(frozen=True)
class PostingSet:
    scope: str                       # what was selected, in Chinese, for the document's subtitle
    sheets: tuple[PostingSheet, ...]


@dataclass(frozen=True)
class CommunityChoice:
    """A community for a picker, with the number of sheets it yields (itself and all below)."""

    id: int
    code: str
    name: str
    street: str
    sheet_count: int


def _natural(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", code))


def split_duties(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"[、，,;；\n]+", text or "") if p.strip())


class _Tree:
    """Every grid's id, parent, code, name, level and unit: one query, walked in memory."""

    def __init__(self, uow: UnitOfWork) -> None:
        rows = uow.session.execute(
            select(Grid.id, Grid.parent_id, Grid.code, Grid.name, Grid.level, Grid.responsible_unit,
                   Grid.department_id, Grid.officer_id)
        ).all()
        self.rows = {r.id: r for r in rows}
        self.children: dict[int | None, list[int]] = defaultdict(list)
        for r in sorted(rows, key=lambda r: _natural(r.code)):
            self.children[r.parent_id].append(r.id)

    def below(self, grid_id: int) -> list[int]:
        """The grid's descendants in posting order (depth first, codes in natural order)."""
        out: list[int] = []
        stack = list(reversed(self.children.get(grid_id, ())))
        while stack:
            gid = stack.pop()
            out.append(gid)
            stack.extend(reversed(self.children.get(gid, ())))
        return out

    def ancestors(self, grid_id: int) -> list[int]:
        out, p = [], self.rows[grid_id].parent_id
        while p is not None:
            out.insert(0, p)
            p = self.rows[p].parent_id
        return out

    def street_of(self, grid_id: int) -> int | None:
        for gid in [*self.ancestors(grid_id), grid_id]:
            if self.rows[gid].level == GridLevel.STREET:
                return gid
        return None


def _find(tree: _Tree, field: str, text: str, level: GridLevel | None) -> int:
    wanted = text.strip()
    if not wanted:
        raise ValidationError(field, "must not be empty")
    rows = [r for r in tree.rows.values() if level is None or r.level == level]
    by_code = [r for r in rows if r.code.upper() == wanted.upper()]
    if by_code:
        return by_code[0].id
    by_name = [r for r in rows if r.name == wanted]
    if len(by_name) == 1:
        return by_name[0].id
    what = "community" if level == GridLevel.COMMUNITY else "grid"
    if len(by_name) > 1:
        codes = ", ".join(sorted(r.code for r in by_name))
        raise ValidationError(field, f"{len(by_name)} {what}s are named {wanted!r} ({codes}): give the code")
    raise ValidationError(field, f"no {what} with the code or name {wanted!r}")


def select_grids(uow: UnitOfWork, selection: PostingSelection) -> tuple[str, list[int]]:
    """The scope's description and the grid ids of a selection, in posting order."""
    return _select(_Tree(uow), selection)


def _select(tree: _Tree, selection: PostingSelection) -> tuple[str, list[int]]:
    chosen = [bool(selection.all), selection.community is not None, selection.grid is not None]
    if sum(chosen) != 1:
        raise ValidationError("selection", "choose exactly one of: all grids, a community, a grid")
    if selection.all:
        ids = [gid for root in tree.children.get(None, ()) for gid in tree.below(root)]
        # Sectoral (条) grids after the territorial (块) ones, as the district posts them.
        ids.sort(key=lambda gid: tree.rows[gid].level == GridLevel.DEPARTMENT)
        return "全区网格", ids
    if selection.community is not None:
        cid = _find(tree, "community", selection.community, GridLevel.COMMUNITY)
        c = tree.rows[cid]
        return f"{c.name}（{c.code}）及其下级网格", [cid, *tree.below(cid)]
    gid = _find(tree, "grid", selection.grid or "", None)
    g = tree.rows[gid]
    return f"{g.name}（{g.code}）", [gid]


def _supervisor(tree: _Tree, gid: int, enterprise: tuple[str, int | None] | None,
                departments: dict[int, str]) -> str:
    """Who supervises the grid: the district for streets and sectors, the street for what lies in
    it; an enterprise grid by its tier (上级管大、下级管小), its lead department by the rules."""
    r = tree.rows[gid]
    level = GridLevel(r.level)
    if level == GridLevel.DISTRICT:
        return "泉山区安全生产委员会"
    if level in (GridLevel.DEPARTMENT, GridLevel.STREET):
        return SAFETY_COMMITTEE_OFFICE
    street_id = tree.street_of(gid)
    street = tree.rows[street_id].responsible_unit or tree.rows[street_id].name if street_id else ""
    if level != GridLevel.ENTERPRISE or enterprise is None:
        return street or SAFETY_COMMITTEE_OFFICE
    tier, dept_id = enterprise
    dept = departments.get(dept_id) if dept_id is not None else None
    if dept is None:
        return f"{street}（属地）；行业主管部门未明确（监管空白）"
    if tier == Tier.DISTRICT:
        return f"{dept}（直接监管，抄告{street}）"
    return f"{street}（属地监管）；行业主管：{dept}"


def posting_sheets(uow: UnitOfWork, actor: Actor, selection: PostingSelection) -> PostingSet:
    """The sheets of a selection; an empty tuple when it holds no grid (the report says so)."""
    require(actor, Permission.READ)
    tree = _Tree(uow)
    scope, ids = _select(tree, selection)
    if not ids:
        return PostingSet(scope, ())
    s = uow.session
    officers = {
        o.id: o for o in s.execute(
            select(GridOfficer.id, GridOfficer.name, GridOfficer.phone, GridOfficer.employment,
                   GridOfficer.duties)
        )
    }
    departments = dict(s.execute(select(Department.id, Department.name)).all())
    enterprises = {
        r.grid_id: (r.tier, r.lead_department_id)
        for r in s.execute(
            select(Enterprise.grid_id, Enterprise.tier, Enterprise.lead_department_id)
            .join(Grid, Grid.id == Enterprise.grid_id)
            .where(Grid.level == GridLevel.ENTERPRISE)
        )
    }
    sheets = []
    for gid in ids:
        r = tree.rows[gid]
        o = officers.get(r.officer_id) if r.officer_id is not None else None
        path = tuple(tree.rows[a].name for a in tree.ancestors(gid) if tree.rows[a].parent_id is not None)
        sheets.append(PostingSheet(
            grid_id=gid, code=r.code, name=r.name, level=GridLevel(r.level), path=path,
            officer_name=o.name if o else "", officer_phone=o.phone if o else "",
            employment=Employment(o.employment) if o else None,
            duties=split_duties(o.duties) if o else (),
            responsible_unit=r.responsible_unit or (departments.get(r.department_id, "") if r.department_id else ""),
            supervising_department=_supervisor(tree, gid, enterprises.get(gid), departments),
        ))
    return PostingSet(scope, tuple(sheets))


def posting_communities(uow: UnitOfWork, actor: Actor) -> list[CommunityChoice]:
    """Every community with its street, for a picker; ordered by code."""
    require(actor, Permission.READ)
    tree = _Tree(uow)
    out = []
    for r in tree.rows.values():
        if r.level != GridLevel.COMMUNITY:
            continue
        street = tree.rows[r.parent_id].name if r.parent_id in tree.rows else ""
        out.append(CommunityChoice(r.id, r.code, r.name, street, 1 + len(tree.below(r.id))))
    out.sort(key=lambda c: _natural(c.code))
    return out


def grid_count(uow: UnitOfWork) -> int:
    """Grids below the district root: the sheets of "all grids"."""
    return uow.session.scalar(select(func.count()).select_from(Grid).where(Grid.parent_id.is_not(None))) or 0
