"""A tiny district for squad and dispatch tests, on SQLite (a copied template) and PostgreSQL.

One street (lon 117.00–117.04, lat 34.00–34.02) of two communities (west, east), each of two
sub-community grids 0.01° wide. Two sub-squads of four members; members 1–4 (squad 1) live in the
west, 5–8 (squad 2) in the east; tracker "dev<n>" for member n, "veh1" for the one micro fire
engine (squad 1). Every row id is deterministic: a fresh database numbers from 1.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.tables import Enterprise, Grid, Industry, SquadMember, SubSquad
from desktop.data.tables_dispatch import CurrentPosition, Equipment, MemberState, Tracker, Vehicle
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, SquadRole

T0 = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)
POSITIONS = {1: (117.005, 34.005), 2: (117.006, 34.015), 3: (117.015, 34.005), 4: (117.016, 34.015),
             5: (117.025, 34.005), 6: (117.026, 34.015), 7: (117.035, 34.005), 8: (117.036, 34.015)}
VEHICLE_AT = (117.012, 34.010)
ENTERPRISE_ADDRESS = "徐州市泉山区测试路8号"


def box(x0: float, x1: float, y0: float = 34.0, y1: float = 34.02) -> str:
    return json.dumps({"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]})


@dataclass(frozen=True)
class World:
    street: int
    west: int          # community
    east: int
    subs: dict[str, int]  # "S11", "S12" (west), "S21", "S22" (east)
    squads: tuple[int, int]
    members: tuple[int, ...]
    vehicle: int
    enterprise: int


def build_world(db: Database) -> World:
    with UnitOfWork(db) as uow:
        s = uow.session
        root = Grid(code="T", name="测试区", level=GridLevel.DISTRICT, responsible_unit="")
        s.add(root)
        s.flush()
        street = Grid(code="T-01", name="测试街道", level=GridLevel.STREET, parent_id=root.id,
                      geometry=box(117.0, 117.04), responsible_unit="", street_kind="street")
        s.add(street)
        s.flush()
        comms = {}
        for name, x0 in (("西社区", 117.0), ("东社区", 117.02)):
            comms[name] = Grid(code=f"T-01-{len(comms) + 1:02d}", name=name, level=GridLevel.COMMUNITY,
                               parent_id=street.id, geometry=box(x0, x0 + 0.02), responsible_unit="")
            s.add(comms[name])
        s.flush()
        subs = {}
        for key, comm, x0 in (("S11", "西社区", 117.0), ("S12", "西社区", 117.01), ("S21", "东社区", 117.02),
                              ("S22", "东社区", 117.03)):
            subs[key] = Grid(code=f"T-{key}", name=f"{comm}第{key[-1]}网格", level=GridLevel.SUB_COMMUNITY,
                             parent_id=comms[comm].id, geometry=box(x0, x0 + 0.01), responsible_unit="")
            s.add(subs[key])
        s.flush()
        industry = Industry(code="I01", name="测试行业", name_en="test")
        s.add(industry)
        s.flush()
        firm = Enterprise(name="泉盛化工有限公司", credit_code="91320311MA1TEST001", address=ENTERPRISE_ADDRESS,
                          lon=117.033, lat=34.012, industry_id=industry.id, scale="small", risk="orange",
                          tier="street", grid_id=subs["S22"].id, street_id=street.id, community_id=comms["东社区"].id)
        s.add(firm)
        squads = [SubSquad(number=1, name="第一中队"), SubSquad(number=2, name="第二中队")]
        s.add_all(squads)
        s.flush()
        members = []
        for n in range(1, 9):
            squad = squads[0] if n <= 4 else squads[1]
            home = subs["S11" if n <= 2 else "S12" if n <= 4 else "S21" if n <= 6 else "S22"]
            m = SquadMember(name=f"队员{n}", sub_squad_id=squad.id, role=SquadRole.CAPTAIN if n in (1, 5)
                            else SquadRole.MEMBER, phone=f"1390000000{n}", call_sign=f"T{n}", home_grid_id=home.id)
            s.add(m)
            s.flush()
            members.append(m.id)
            lon, lat = POSITIONS[n]
            s.add(MemberState(member_id=m.id, status="available", status_since=T0 - timedelta(hours=1),
                              status_note="", travel_mode="ebike", home_lon=lon, home_lat=lat))
            s.add(CurrentPosition(member_id=m.id, lon=lon, lat=lat, at=T0 - timedelta(minutes=5),
                                  received_at=T0 - timedelta(minutes=5), source="home", street_id=street.id,
                                  community_id=home.parent_id, sub_community_id=home.id))
            s.add(Tracker(device_id=f"dev{n}", member_id=m.id, label="", active=True))
        v = Vehicle(name="微型消防车1号", plate="苏C·T0001", sub_squad_id=squads[0].id, status="available",
                    status_since=T0 - timedelta(hours=1), home_lon=VEHICLE_AT[0], home_lat=VEHICLE_AT[1])
        s.add(v)
        s.flush()
        s.add(CurrentPosition(vehicle_id=v.id, lon=VEHICLE_AT[0], lat=VEHICLE_AT[1], at=T0, received_at=T0,
                              source="home", street_id=street.id, community_id=comms["西社区"].id,
                              sub_community_id=subs["S12"].id))
        s.add(Tracker(device_id="veh1", vehicle_id=v.id, label="", active=True))
        for sq in squads:
            s.add_all([Equipment(kind="extinguisher", sub_squad_id=sq.id, state="ready", count=10),
                       Equipment(kind="radio", sub_squad_id=sq.id, state="ready", count=6),
                       Equipment(kind="cordon_kit", sub_squad_id=sq.id, state="ready", count=2)])
        s.add(Equipment(kind="extinguisher", vehicle_id=v.id, state="ready", count=4))
        s.flush()
        world = World(street.id, comms["西社区"].id, comms["东社区"].id, {k: g.id for k, g in subs.items()},
                      (squads[0].id, squads[1].id), tuple(members), v.id, firm.id)
        uow.commit()
    return world


@pytest.fixture(scope="session")
def world_template(tmp_path_factory) -> tuple[str, World]:
    path = tmp_path_factory.mktemp("world") / "world.db"
    db = open_database(f"sqlite:///{path}")
    upgrade(db)
    world = build_world(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return str(path), world


@pytest.fixture
def world_sqlite(tmp_path, world_template) -> Iterator[tuple[Database, World]]:
    path = tmp_path / "world.db"
    shutil.copyfile(world_template[0], path)
    db = open_database(f"sqlite:///{path}")
    yield db, world_template[1]
    db.dispose()


@pytest.fixture
def world_pg(pg_db: Database) -> tuple[Database, World]:
    return pg_db, build_world(pg_db)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def world_db(request) -> tuple[Database, World]:
    """The tiny district on SQLite and on PostgreSQL."""
    return request.getfixturevalue(f"world_{request.param}")
