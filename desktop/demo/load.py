"""Load the demo district into a database: all-or-nothing, refusing to clobber real data."""

from __future__ import annotations

import json
import time

from sqlalchemy import delete, func, select, update

from desktop.data.engine import Database
from desktop.data.tables import (
    BoundaryRule,
    Department,
    Enterprise,
    Grid,
    GridOfficer,
    Industry,
    Setting,
    SquadMember,
    SubSquad,
    User,
)
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, Role
from desktop.domain.errors import DomainError
from desktop.domain.progress import Progress
from desktop.domain.tier import supervision_tier
from desktop.services.users import hash_password

# Demo accounts (documented in the README). The demo database signs in as its admin.
DEMO_PASSWORD = "safegrid-demo"
DEMO_USERS = (
    ("admin", "系统管理员", Role.ADMIN),
    ("duty", "值班员", Role.DUTY),
    ("viewer", "领导查阅", Role.VIEWER),
)


class DatabaseNotEmpty(DomainError):
    """The database already holds a district (load with force=True, or if_empty=True)."""


def _counts(uow: UnitOfWork) -> tuple[int, int]:
    s = uow.session
    return s.scalar(select(func.count()).select_from(Grid)), s.scalar(select(func.count()).select_from(Enterprise))


def _wipe(uow: UnitOfWork) -> None:
    s = uow.session
    from desktop.demo.squad import wipe_demo_squad  # incidents, dispatches, squad details

    wipe_demo_squad(s)
    from desktop.demo.hazard_load import wipe_hazards  # tickets point at grids and enterprises

    wipe_hazards(s)
    s.execute(update(User).values(department_id=None))
    s.execute(delete(User).where(User.username.in_([u for u, _, _ in DEMO_USERS])))
    for table in (SquadMember, SubSquad, Enterprise, BoundaryRule):
        s.execute(delete(table))
    s.execute(update(Grid).values(parent_id=None))
    for table in (Grid, GridOfficer, Industry, Department):
        s.execute(delete(table))
    s.execute(delete(Setting).where(Setting.key == "demo"))


def load_demo(db: Database, seed: int = 2026, *, force: bool = False, if_empty: bool = False,
              progress: Progress | None = None, hazards: int | None = None) -> str:
    """Generate the district for `seed` and insert it in one transaction. Returns a summary."""
    from desktop.demo.plan import build_plan

    progress = progress or Progress()
    started = time.perf_counter()
    with UnitOfWork(db) as uow:
        grids, enterprises = _counts(uow)
        if grids or enterprises:
            if if_empty:
                return f"{db.describe()} already holds a district ({grids} grids); left as it is"
            if not force:
                raise DatabaseNotEmpty(
                    f"{db.describe()} already holds {grids} grids and {enterprises} enterprises; "
                    "use --force to replace them with the demo district"
                )
        progress.report(0, 6, "generating the district")
        plan = build_plan(seed)
        s = uow.session
        if grids or enterprises:
            _wipe(uow)
            s.flush()
        progress.report(1, 6, "departments, industries and rules")
        depts = {d.code: Department(code=d.code, name=d.name, name_en=d.name_en) for d in plan.departments}
        inds = {i.code: Industry(code=i.code, name=i.name, name_en=i.name_en) for i in plan.industries}
        s.add_all([*depts.values(), *inds.values()])
        s.flush()
        rule_of = {r.industry_code: depts[r.department_code].id for r in plan.rules}
        s.add_all(BoundaryRule(industry_id=inds[c].id, department_id=d) for c, d in rule_of.items())
        progress.report(2, 6, "grid officers")
        officers = {o.key: GridOfficer(name=o.name, phone=o.phone, employment=o.employment,
                                       duties=o.duties) for o in plan.officers}
        s.add_all(officers.values())
        s.flush()
        progress.report(3, 6, "grids")
        grid_ids: dict[str, int] = {}
        parent_of: dict[str, str | None] = {}
        level_of: dict[str, GridLevel] = {}
        for level in GridLevel:  # parents are flushed before their children
            rows = [g for g in plan.grids if g.level == level]
            objs = [Grid(code=g.code, name=g.name, level=g.level,
                         parent_id=grid_ids[g.parent_code] if g.parent_code else None,
                         street_kind=g.street_kind, geometry=g.geometry_json,
                         officer_id=officers[g.officer_key].id, responsible_unit=g.responsible_unit,
                         department_id=depts[g.department_code].id if g.department_code else None)
                    for g in rows]
            s.add_all(objs)
            s.flush()
            for g, o in zip(rows, objs, strict=True):
                grid_ids[g.code], parent_of[g.code], level_of[g.code] = o.id, g.parent_code, g.level
        progress.report(4, 6, "enterprises")

        def ancestor(code: str, level: GridLevel) -> int:
            while level_of[code] != level:
                code = parent_of[code]
            return grid_ids[code]

        s.add_all(
            Enterprise(name=e.name, credit_code=e.credit_code, address=e.address, lon=e.lon, lat=e.lat,
                       industry_id=inds[e.industry_code].id, scale=e.scale, risk=e.risk,
                       tier=supervision_tier(e.scale, e.risk),
                       lead_department_id=rule_of.get(e.industry_code),
                       grid_id=grid_ids[e.grid_code], street_id=ancestor(e.grid_code, GridLevel.STREET),
                       community_id=ancestor(e.grid_code, GridLevel.COMMUNITY))
            for e in plan.enterprises
        )
        progress.report(5, 6, "squad and users")
        squads = [SubSquad(number=i, name=name) for i, name in enumerate(plan.sub_squads, start=1)]
        s.add_all(squads)
        s.flush()
        s.add_all(SquadMember(name=m.name, sub_squad_id=squads[m.sub_squad - 1].id, role=m.role,
                              phone=m.phone, call_sign=m.call_sign,
                              home_grid_id=grid_ids[m.home_grid_code]) for m in plan.squad)
        existing = set(s.scalars(select(User.username)))
        password_hash = hash_password(DEMO_PASSWORD)
        s.add_all(User(username=u, display_name=name, role=role, password_hash=password_hash, active=True)
                  for u, name, role in DEMO_USERS if u not in existing)
        s.add(Setting(key="demo", value=json.dumps({"seed": seed})))
        from desktop.demo.cameras import add_demo_cameras  # the map's video points

        add_demo_cameras(s)
        from desktop.demo.squad import add_demo_squad  # squad details, incidents, training

        add_demo_squad(s, seed)
        from desktop.demo.hazard_load import DEFAULT_HAZARDS, add_demo_hazards  # a year of tickets

        hazard_summary = add_demo_hazards(s, DEFAULT_HAZARDS if hazards is None else hazards, seed, progress=progress)
        summary = (f"demo district (seed {seed}): {len(plan.grids)} grids, {len(plan.officers)} officers, "
                   f"{len(plan.enterprises)} enterprises, {len(plan.squad)} squad members; {hazard_summary}")
        uow.record("system", "district", "demo", "created", summary)
        uow.commit()
    progress.report(6, 6, "done")
    return f"{summary} loaded into {db.describe()} in {time.perf_counter() - started:.1f} s"
