"""Demo squad details: each member's state, home position and tracker; certifications (some
expired, some expiring); shifts around today; the equipment register; three micro fire engines
with crews; then a year of incidents and training (see squad_history).

Called by load.load_demo inside its transaction after the squad is flushed; `wipe_demo_squad`
runs first when a forced reload replaces the district. Deterministic for a seed, with times
anchored to the load time (so the history always ends today).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import shapely
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.data.tables import Grid, SquadMember, SubSquad
from desktop.data.tables_dispatch import (
    Certification,
    CurrentPosition,
    Dispatch,
    Equipment,
    Incident,
    IncidentEvent,
    MemberState,
    PositionReport,
    Shift,
    Tracker,
    TrainingRecord,
    TrainingSession,
    Vehicle,
    VehicleCrew,
)
from desktop.demo.squad_history import add_history, random_point
from desktop.domain.enums import GridLevel, SquadRole
from desktop.domain.squad import EquipmentKind, EquipmentState, MemberStatus, ShiftKind, VehicleStatus
from desktop.services.locate import GridLocator

LOCAL = timedelta(hours=8)  # Beijing time, for shift boundaries and working hours


def wipe_demo_squad(session: Session) -> None:
    """Remove every row of the squad and dispatch tables (children first)."""
    session.execute(update(MemberState).values(incident_id=None))
    session.execute(update(Vehicle).values(incident_id=None))
    session.execute(update(Incident).values(merged_into_id=None))
    for table in (TrainingRecord, TrainingSession, PositionReport, CurrentPosition, Tracker, IncidentEvent,
                  Dispatch, MemberState, Certification, Shift, VehicleCrew, Equipment, Vehicle, Incident):
        session.execute(delete(table))


def _position(locator: GridLocator, lon: float, lat: float, at: datetime, source: str, *,
              member_id: int | None = None, vehicle_id: int | None = None) -> CurrentPosition:
    g = locator.locate(lon, lat)
    return CurrentPosition(member_id=member_id, vehicle_id=vehicle_id, lon=lon, lat=lat, at=at, received_at=at,
                           source=source, street_id=g.get(GridLevel.STREET), community_id=g.get(GridLevel.COMMUNITY),
                           sub_community_id=g.get(GridLevel.SUB_COMMUNITY))


def _certifications(rng: random.Random, members: list[SquadMember], drivers: set[int], today: date) -> list[Certification]:
    out = []
    for n, m in enumerate(members):
        issued = today - timedelta(days=rng.randint(200, 1700))
        # Two members' qualification has lapsed and three expire within the month: the board flags them.
        expires = (today - timedelta(days=rng.randint(5, 60)) if n in (4, 21)
                   else today + timedelta(days=rng.randint(3, 25)) if n in (9, 17, 30)
                   else issued + timedelta(days=5 * 365))
        out.append(Certification(member_id=m.id, name="应急救援员（四级）", number=f"YJY{issued:%Y}{m.id:04d}",
                                 issued_on=issued, expires_on=expires))
        first_aid = today - timedelta(days=rng.randint(30, 1000))
        out.append(Certification(member_id=m.id, name="红十字救护员证", number=f"HSZ{first_aid:%y}{m.id:05d}",
                                 issued_on=first_aid, expires_on=first_aid + timedelta(days=3 * 365)))
        if m.id in drivers:
            lic = today - timedelta(days=rng.randint(800, 3000))
            out.append(Certification(member_id=m.id, name="机动车驾驶证（C1）", number=f"3203{rng.randrange(10**8):08d}",
                                     issued_on=lic, expires_on=lic + timedelta(days=10 * 365)))
    return out


def _shifts(squads: list[SubSquad], now: datetime) -> list[Shift]:
    """Day shift (08-20 local) for every sub-squad; the night shift rotates among them."""
    start = (now + LOCAL).date() - timedelta(days=7)
    out = []
    for d in range(15):
        day = start + timedelta(days=d)
        eight = datetime(day.year, day.month, day.day, 8, tzinfo=UTC) - LOCAL
        for sq in squads:
            out.append(Shift(sub_squad_id=sq.id, kind=ShiftKind.DAY, starts_at=eight, ends_at=eight + timedelta(hours=12)))
        night = squads[day.toordinal() % len(squads)]
        out.append(Shift(sub_squad_id=night.id, kind=ShiftKind.NIGHT, starts_at=eight + timedelta(hours=12),
                         ends_at=eight + timedelta(hours=24)))
    return out


def _equipment(squads: list[SubSquad], vehicles: list[Vehicle], today: date) -> list[Equipment]:
    E, S = EquipmentKind, EquipmentState
    out = []
    for n, sq in enumerate(squads):
        check = today + timedelta(days=7 + 9 * n)
        out += [
            Equipment(kind=E.EXTINGUISHER, sub_squad_id=sq.id, state=S.READY, count=24, next_check=check),
            Equipment(kind=E.EXTINGUISHER, sub_squad_id=sq.id, state=S.MAINTENANCE, count=2,
                      next_check=today + timedelta(days=3), note="压力不足，送检"),
            Equipment(kind=E.RADIO, sub_squad_id=sq.id, state=S.READY, count=12, next_check=check + timedelta(days=60)),
            # The second sub-squad has half its cordon kits in repair: hazmat calls draw on the others.
            Equipment(kind=E.CORDON_KIT, sub_squad_id=sq.id, state=S.READY, count=2 if n == 1 else 4,
                      next_check=check + timedelta(days=30)),
            Equipment(kind=E.FIRE_ENGINE, sub_squad_id=sq.id, state=S.READY, count=1,
                      next_check=check + timedelta(days=14), note="见车辆登记"),
        ]
        if n == 1:
            out.append(Equipment(kind=E.CORDON_KIT, sub_squad_id=sq.id, state=S.MAINTENANCE, count=2,
                                 next_check=today + timedelta(days=5), note="警戒带更换"))
    for v in vehicles:
        out += [Equipment(kind=E.EXTINGUISHER, vehicle_id=v.id, state=S.READY, count=6, next_check=today + timedelta(days=20)),
                Equipment(kind=E.CORDON_KIT, vehicle_id=v.id, state=S.READY, count=1, next_check=today + timedelta(days=40)),
                Equipment(kind=E.RADIO, vehicle_id=v.id, state=S.READY, count=2, next_check=today + timedelta(days=60))]
    return out


def add_demo_squad(session: Session, seed: int = 2026, *, now: datetime | None = None) -> str:
    rng = random.Random(f"{seed}:squad-details")
    now = (now or datetime.now(UTC)).replace(second=0, microsecond=0)
    today = (now + LOCAL).date()
    session.flush()
    locator = GridLocator.from_session(session)
    squads = list(session.scalars(select(SubSquad).order_by(SubSquad.number)))
    members = list(session.scalars(select(SquadMember).order_by(SquadMember.call_sign)))
    geoms = {g.id: shapely.from_geojson(g.geometry) for g in session.scalars(
        select(Grid).where(Grid.id.in_([m.home_grid_id for m in members if m.home_grid_id])))}
    homes: dict[int, tuple[float, float]] = {}
    for m in members:
        homes[m.id] = random_point(rng, geoms[m.home_grid_id])
        session.add(MemberState(member_id=m.id, status=MemberStatus.AVAILABLE, status_since=now - timedelta(hours=3),
                                status_note="", travel_mode="ebike", home_lon=homes[m.id][0], home_lat=homes[m.id][1]))
        session.add(_position(locator, *homes[m.id], now - timedelta(minutes=rng.randint(1, 30)), "home", member_id=m.id))
        session.add(Tracker(device_id=f"86{m.call_sign[2]}0{m.call_sign[-2:]}", member_id=m.id,
                            label=f"{m.call_sign} 手机 Traccar Client", active=True))
    vehicles = []
    drivers: set[int] = set()
    for n, sq in enumerate(squads, start=1):
        mine = [m for m in members if m.sub_squad_id == sq.id]
        captain = next(m for m in mine if m.role == SquadRole.CAPTAIN)
        lon, lat = homes[captain.id]
        v = Vehicle(name=f"微型消防车{n}号", plate=f"苏C·X{n}119", sub_squad_id=sq.id, status=VehicleStatus.AVAILABLE,
                    status_since=now - timedelta(hours=3), home_lon=round(lon + 0.0012, 6), home_lat=round(lat + 0.0008, 6))
        session.add(v)
        session.flush()
        vehicles.append(v)
        crew = [m for m in mine if m.role == SquadRole.MEMBER][:3]
        drivers.add(crew[0].id)
        session.add_all(VehicleCrew(vehicle_id=v.id, member_id=m.id, role="driver" if i == 0 else "crew")
                        for i, m in enumerate(crew))
        session.add(_position(locator, v.home_lon, v.home_lat, now - timedelta(minutes=5), "home", vehicle_id=v.id))
        session.add(Tracker(device_id=f"86900{n}", vehicle_id=v.id, label=f"{v.name} 车载定位终端", active=True))
    session.add_all(_certifications(rng, members, drivers, today))
    session.add_all(_shifts(squads, now))
    session.add_all(_equipment(squads, vehicles, today))
    session.flush()
    history = add_history(session, seed, now=now, locator=locator, homes=homes, vehicles=vehicles)
    return f"squad details, 3 micro fire engines, {history}"
