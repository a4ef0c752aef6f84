"""A year of demo incidents with dispatches and response times, three incidents open right now
(one on scene with a stale status, one with units en route, one just called in), and a year of
training sessions and drills. Teams are chosen by the real recommender from the members' homes.

Rows are collected as plain values and inserted in a few multi-row statements (a flush per
incident would triple the demo's load time on PostgreSQL).
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import datetime, timedelta

import shapely
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from desktop.data.tables import Enterprise, Grid, SquadMember, SubSquad
from desktop.data.tables_dispatch import (
    CurrentPosition,
    Dispatch,
    Incident,
    IncidentEvent,
    MemberState,
    TrainingRecord,
    TrainingSession,
    Vehicle,
)
from desktop.demo import names
from desktop.domain.dispatch_settings import DispatchSettings
from desktop.domain.enums import GridLevel
from desktop.domain.incident import EventKind, IncidentStatus, IncidentType, Severity
from desktop.domain.recommend import Candidate, Spot, Unit, recommend
from desktop.domain.squad import MemberStatus, SquadUnitKind, TravelMode
from desktop.domain.training import TrainingKind, TrainingResult
from desktop.domain.travel import move_toward
from desktop.services.locate import GridLocator

LOCAL = timedelta(hours=8)
T = IncidentType
TYPE_WEIGHTS = {T.FIRE: 24, T.GAS_LEAK: 14, T.HAZMAT: 5, T.COLLAPSE: 5, T.TRAFFIC: 26, T.FLOODING: 8, T.OTHER: 18}
DESCRIPTIONS = {
    T.FIRE: ("仓库冒烟，有明火", "电动车充电起火", "厨房油锅起火", "配电箱冒烟", "垃圾堆着火，火势不大"),
    T.GAS_LEAK: ("闻到煤气味，楼道内明显", "燃气管道破损漏气", "餐馆液化气罐阀门漏气"),
    T.HAZMAT: ("化学品桶倾倒，有刺激性气味", "运输车辆液体泄漏", "实验室试剂泄漏"),
    T.COLLAPSE: ("老旧围墙倒塌", "施工工地沟槽塌方", "广告牌坠落"),
    T.TRAFFIC: ("两车相撞，有人受伤", "电动车与货车刮擦", "车辆侧翻，路面有油污"),
    T.FLOODING: ("地下车库进水", "路段积水严重，车辆熄火", "小区排水不畅，积水入户"),
    T.OTHER: ("电梯困人", "高空坠物隐患", "树木倒伏压住电线", "群众求助"),
}
CLOSE_REASONS = ("现场处置完毕", "险情已排除，交属地社区跟进", "误报，现场无异常", "群众已自行处置")
FIRE_STATIONS = ("泉山区消防救援大队湖北路站", "泉山区消防救援大队金山站", "泉山区消防救援大队九里站")
SUBJECTS = ("灭火器实操", "初期火灾扑救", "危化品泄漏警戒隔离", "心肺复苏与急救", "对讲机通信规范",
            "微型消防车操作", "有限空间救援基础", "防汛排涝")
VEHICLE_KIT = {"extinguisher": 6, "cordon_kit": 1, "radio": 2}


def random_point(rng: random.Random, geometry: shapely.Geometry) -> tuple[float, float]:
    """A point inside the polygon (6 decimals)."""
    minx, miny, maxx, maxy = geometry.bounds
    for _ in range(200):
        x, y = round(rng.uniform(minx, maxx), 6), round(rng.uniform(miny, maxy), 6)
        if geometry.contains(shapely.Point(x, y)):
            return x, y
    p = geometry.representative_point()
    return round(p.x, 6), round(p.y, 6)


class _Batch:
    """Incidents as dicts; their events and dispatches refer to them by list position."""

    def __init__(self) -> None:
        self.incidents: list[dict] = []
        self.events: list[tuple[int, dict]] = []
        self.dispatches: list[tuple[int, dict]] = []
        self.merged: list[tuple[int, int]] = []

    def event(self, ref: int, at: datetime, kind: EventKind, text: str, data: dict, *, unit: Unit | None = None) -> None:
        member = unit is not None and unit.kind is SquadUnitKind.MEMBER
        self.events.append((ref, dict(at=at, actor="duty", kind=kind, text=text,
                                      data=json.dumps(data, ensure_ascii=False, default=str),
                                      member_id=unit.id if member else None,
                                      vehicle_id=unit.id if unit is not None and not member else None)))

    def status(self, ref: int, at: datetime, old: str, new: str, **extra) -> None:
        self.event(ref, at, EventKind.STATUS, f"{old} → {new}", {"from": old, "to": new, **extra})

    def unit_status(self, ref: int, at: datetime, u: Unit, old: str, new: str) -> None:
        self.event(ref, at, EventKind.MEMBER, f"{u.name}: {old} → {new}",
                   {"unit_kind": u.kind, "unit_id": u.id, "name": u.name, "from": old, "to": new, "note": ""}, unit=u)

    def write(self, s: Session) -> list[int]:
        # Core inserts (not ORM bulk): one multi-row statement per batch on both backends.
        table = Incident.__table__
        ids = list(s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                             [{**row, "version": 1} for row in self.incidents]))
        s.execute(insert(IncidentEvent.__table__), [{**row, "incident_id": ids[ref]} for ref, row in self.events])
        s.execute(insert(Dispatch.__table__), [{**row, "incident_id": ids[ref]} for ref, row in self.dispatches])
        for dup, into in self.merged:
            s.execute(update(Incident).where(Incident.id == ids[dup]).values(
                merged_into_id=ids[into], close_reason=f"merged into JQ{ids[into]:06d}"))
        return ids


class _Demo:
    def __init__(self, session: Session, seed: int, now: datetime, locator: GridLocator,
                 homes: dict[int, tuple[float, float]], vehicles: list[Vehicle]) -> None:
        self.s = session
        self.rng = random.Random(f"{seed}:incidents")
        self.now = now
        self.locator = locator
        self.settings = DispatchSettings()
        self.vehicles = vehicles
        self.batch = _Batch()
        self.members = list(session.scalars(select(SquadMember).order_by(SquadMember.call_sign)))
        self.states = {st.member_id: st for st in session.scalars(select(MemberState))}
        self.subs = [g for g in session.execute(select(Grid.id, Grid.geometry).where(
            Grid.level == GridLevel.SUB_COMMUNITY).order_by(Grid.code)).all()]
        self.enterprises = session.execute(select(Enterprise.id, Enterprise.lon, Enterprise.lat, Enterprise.address)
                                           .order_by(Enterprise.id)).all()
        self.stock = {sq: {"extinguisher": 24, "radio": 12, "cordon_kit": 4} for sq in {m.sub_squad_id for m in self.members}}
        self.home_units = [self._unit(SquadUnitKind.MEMBER, m.id, m.name, m.sub_squad_id, *homes[m.id])
                           for m in self.members]
        self.home_units += [self._unit(SquadUnitKind.VEHICLE, v.id, v.name, v.sub_squad_id, v.home_lon, v.home_lat)
                            for v in vehicles]
        self.street_names = dict(session.execute(select(Grid.id, Grid.name).where(Grid.level == GridLevel.STREET)).all())
        self.used_names: set[str] = set()
        self.used_phones: set[str] = set()
        self.engaged: list[tuple[object, int]] = []  # (state or vehicle row, incident ref): set after insert

    def _unit(self, kind: SquadUnitKind, uid: int, name: str, squad: int, lon: float, lat: float) -> Unit:
        g = self.locator.locate(lon, lat)
        vehicle = kind is SquadUnitKind.VEHICLE
        return Unit(kind, uid, name, MemberStatus.AVAILABLE, squad, lon, lat, g.get(GridLevel.SUB_COMMUNITY),
                    g.get(GridLevel.COMMUNITY), g.get(GridLevel.STREET),
                    mode=TravelMode.VEHICLE if vehicle else TravelMode.EBIKE, equipment=VEHICLE_KIT if vehicle else {})

    def place(self, itype: str) -> tuple[float, float, int | None, str]:
        if self.rng.random() < (0.6 if itype in (T.FIRE, T.HAZMAT, T.GAS_LEAK) else 0.2):
            e = self.rng.choice(self.enterprises)
            return e.lon, e.lat, e.id, e.address
        g = self.rng.choice(self.subs)
        lon, lat = random_point(self.rng, shapely.from_geojson(g.geometry))
        street = self.street_names.get(self.locator.grid_at(GridLevel.STREET, lon, lat), "")
        return lon, lat, None, names.address(self.rng, street) if street in names.ROADS else ""

    def incident(self, itype: str, severity: str, at: datetime, lon: float, lat: float, enterprise_id: int | None,
                 address: str) -> int:
        g = self.locator.locate(lon, lat)
        caller = names.person_name(self.rng, self.used_names)
        address = address or f"{lon:.6f}, {lat:.6f}"
        row = dict(type=itype, severity=severity, status=IncidentStatus.REPORTED, lon=lon, lat=lat,
                   street_id=g[GridLevel.STREET], community_id=g[GridLevel.COMMUNITY],
                   sub_community_id=g[GridLevel.SUB_COMMUNITY], enterprise_grid_id=g.get(GridLevel.ENTERPRISE),
                   enterprise_id=enterprise_id, address=address, caller=caller,
                   phone=names.mobile(self.rng, self.used_phones), reported_at=at,
                   description=self.rng.choice(DESCRIPTIONS[IncidentType(itype)]), dispatched_at=None,
                   arrived_at=None, handed_over_at=None, closed_at=None, handed_over_to="", close_reason="",
                   merged_into_id=None, created_by="duty")
        self.batch.incidents.append(row)
        ref = len(self.batch.incidents) - 1
        self.batch.event(ref, at, EventKind.REPORTED, f"{itype} ({severity}) at {address}, caller {caller}",
                         {"type": itype, "severity": severity, "address": address, "caller": caller})
        return ref

    def team(self, ref: int, busy: dict[str, str] | None = None) -> list[Candidate]:
        i = self.batch.incidents[ref]
        spot = Spot(i["lon"], i["lat"], i["sub_community_id"], i["community_id"], i["street_id"], i["type"],
                    i["severity"])
        units = [replace(u, status=busy[u.key]) if busy and u.key in busy else u for u in self.home_units]
        return [c for c in recommend(spot, units, self.settings, stock=self.stock).candidates if c.selected]

    def dispatch(self, ref: int, team: list[Candidate], at: datetime) -> list[tuple[dict, Candidate]]:
        i = self.batch.incidents[ref]
        i["status"], i["dispatched_at"] = IncidentStatus.DISPATCHED, at
        self.batch.status(ref, at, IncidentStatus.REPORTED, IncidentStatus.DISPATCHED)
        out = []
        for c in team:
            u = c.unit
            member = u.kind is SquadUnitKind.MEMBER
            d = dict(member_id=u.id if member else None, vehicle_id=None if member else u.id, dispatched_at=at,
                     dispatched_by="duty", override_off_duty=False, override_min_free=False, override_reason="",
                     distance_m=c.distance_m, eta_s=c.eta_s, arrived_at=None, released_at=None)
            self.batch.dispatches.append((ref, d))
            self.batch.event(ref, at, EventKind.DISPATCH, f"dispatched {u.name}, about {c.eta_s / 60:.0f} min away",
                             {"unit_kind": u.kind, "unit_id": u.id, "name": u.name, "distance_m": c.distance_m,
                              "eta_s": c.eta_s, "override_off_duty": False, "reason": ""}, unit=u)
            out.append((d, c))
        return out

    def history(self, days: int = 365) -> int:
        rng, count = self.rng, 0
        start = (self.now - timedelta(days=days)).replace(hour=0, minute=0)
        hours = [1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 3, 2, 1]
        for d in range(days):
            day = start + timedelta(days=d)
            for _ in range(rng.choices((0, 1, 2, 3), weights=(25, 40, 25, 10))[0]):
                itype = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
                if itype == T.FLOODING and (day + LOCAL).month not in (6, 7, 8, 9):
                    itype = T.OTHER
                severity = rng.choices(list(Severity), weights=(70, 22, 7, 1))[0]
                local_hour = rng.choices(range(24), weights=hours)[0]
                at = day.replace(hour=(local_hour - 8) % 24) + timedelta(minutes=rng.randint(0, 59))
                if at > self.now - timedelta(hours=2):
                    continue
                self.closed_incident(itype, severity, at)
                count += 1
        return count

    def closed_incident(self, itype: str, severity: str, at: datetime) -> None:
        rng, b = self.rng, self.batch
        lon, lat, eid, address = self.place(itype)
        ref = self.incident(itype, severity, at, lon, lat, eid, address)
        if rng.random() < 0.03:  # a second caller a few minutes later: merged as a duplicate
            dup_at = at + timedelta(minutes=rng.randint(1, 6))
            dup = self.incident(itype, severity, dup_at, round(lon + 0.0003, 6), round(lat + 0.0002, 6), None, "")
            row, t = b.incidents[dup], dup_at + timedelta(minutes=2)
            row["status"], row["closed_at"] = IncidentStatus.CLOSED, t
            b.merged.append((dup, ref))
            b.status(dup, t, IncidentStatus.REPORTED, IncidentStatus.CLOSED, reason="merged")
            b.event(ref, t, EventKind.MERGE, "merged a second report",
                    {"caller": row["caller"], "phone": row["phone"], "description": row["description"]})
        sent = at + timedelta(seconds=min(900, max(25, rng.lognormvariate(4.5, 0.55))))
        rows = self.dispatch(ref, self.team(ref), sent)
        for d, c in rows:
            d["arrived_at"] = sent + timedelta(seconds=30 + (c.eta_s or 300) * rng.uniform(0.8, 1.5))
            b.unit_status(ref, d["arrived_at"], c.unit, MemberStatus.DISPATCHED, MemberStatus.ON_SCENE)
        first_d, first_c = min(rows, key=lambda r: r[0]["arrived_at"])
        i = b.incidents[ref]
        i["arrived_at"] = first = first_d["arrived_at"]
        b.status(ref, first, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE, first_arrival=first_c.unit.name)
        status, end, reason = IncidentStatus.ON_SCENE, first + timedelta(minutes=rng.randint(15, 70)), ""
        if itype in (T.FIRE, T.HAZMAT) and (severity != Severity.LOW or rng.random() < 0.6):
            i["handed_over_at"] = first + timedelta(minutes=rng.randint(6, 25))
            i["handed_over_to"] = rng.choice(FIRE_STATIONS)
            b.status(ref, i["handed_over_at"], status, IncidentStatus.HANDED_OVER, to_whom=i["handed_over_to"], note="")
            status, end = IncidentStatus.HANDED_OVER, max(end, i["handed_over_at"] + timedelta(minutes=20))
        else:
            reason = rng.choice(CLOSE_REASONS)
        b.status(ref, end, status, IncidentStatus.CLOSED, reason=reason)
        i["status"], i["closed_at"], i["close_reason"] = IncidentStatus.CLOSED, end, reason
        for d, c in rows:
            d["released_at"] = end + timedelta(seconds=(c.eta_s or 300) * rng.uniform(0.9, 1.3))
            b.unit_status(ref, end, c.unit, MemberStatus.ON_SCENE, MemberStatus.RETURNING)
            b.unit_status(ref, d["released_at"], c.unit, MemberStatus.RETURNING, MemberStatus.AVAILABLE)

    def roster_today(self) -> dict[str, str]:
        """A few members away: two on leave, two at a course, three off after the night shift."""
        away = {}
        picks = [m for m in self.members if m.call_sign[-2:] not in ("01", "02")]  # captains stay
        statuses = [MemberStatus.LEAVE] * 2 + [MemberStatus.TRAINING] * 2 + [MemberStatus.OFF_DUTY] * 3
        for m, status in zip(self.rng.sample(picks, len(statuses)), statuses, strict=True):
            st = self.states[m.id]
            st.status, st.status_since = status, self.now - timedelta(hours=self.rng.randint(2, 9))
            away[f"{SquadUnitKind.MEMBER}:{m.id}"] = status
        return away

    def engage(self, ref: int, team: list[Candidate], sent: datetime, status: str, since: datetime,
               fraction: float) -> None:
        """Units of an open incident: the dispatch rows stay active, their positions part-way."""
        for d, c in self.dispatch(ref, team, sent):
            u = c.unit
            i = self.batch.incidents[ref]
            if status == MemberStatus.ON_SCENE:
                d["arrived_at"] = since
            self.batch.unit_status(ref, since, u, MemberStatus.DISPATCHED, status)
            row = self.states[u.id] if u.kind is SquadUnitKind.MEMBER else self.s.get(Vehicle, u.id)
            row.status, row.status_since = status, since
            self.engaged.append((row, ref))
            col = CurrentPosition.member_id if u.kind is SquadUnitKind.MEMBER else CurrentPosition.vehicle_id
            pos = self.s.scalars(select(CurrentPosition).where(col == u.id)).one()
            lon, lat = move_toward(u.lon, u.lat, i["lon"], i["lat"], (c.distance_m or 0) * fraction)
            lon, lat = round(lon, 6), round(lat, 6)
            g = self.locator.locate(lon, lat)
            seen = self.now - timedelta(seconds=40)
            pos.lon, pos.lat, pos.at, pos.received_at, pos.source = lon, lat, seen, seen, "tracker"
            pos.street_id, pos.community_id = g.get(GridLevel.STREET), g.get(GridLevel.COMMUNITY)
            pos.sub_community_id = g.get(GridLevel.SUB_COMMUNITY)

    def open_incidents(self) -> None:
        now, rng, b = self.now, self.rng, self.batch
        busy = self.roster_today()
        # 1. A gas leak, on scene for 25 minutes with no word since: the stale flag shows.
        lon, lat, eid, address = self.place(T.GAS_LEAK)
        ref = self.incident(T.GAS_LEAK, Severity.MEDIUM, now - timedelta(minutes=36), lon, lat, eid, address)
        team = self.team(ref, busy)
        arrived = now - timedelta(minutes=25)
        self.engage(ref, team, now - timedelta(minutes=34), MemberStatus.ON_SCENE, arrived, 1.0)
        b.incidents[ref].update(status=IncidentStatus.ON_SCENE, arrived_at=arrived)
        b.status(ref, arrived, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE, first_arrival=team[0].unit.name)
        busy.update({c.unit.key: MemberStatus.ON_SCENE for c in team})
        # 2. A fire at a firm, dispatched four minutes ago: members and an engine on their way.
        e = rng.choice(self.enterprises)
        ref = self.incident(T.FIRE, Severity.MEDIUM, now - timedelta(minutes=6), e.lon, e.lat, e.id, e.address)
        self.engage(ref, self.team(ref, busy), now - timedelta(minutes=4), MemberStatus.EN_ROUTE,
                    now - timedelta(minutes=3), 0.45)
        # 3. A traffic accident called in a minute ago, not yet dispatched: try 一键调度 on it.
        lon, lat, eid, address = self.place(T.TRAFFIC)
        self.incident(T.TRAFFIC, Severity.LOW, now - timedelta(minutes=1), lon, lat, eid, address)

    def write(self) -> None:
        ids = self.batch.write(self.s)
        for row, ref in self.engaged:
            row.incident_id = ids[ref]

    def training(self, weeks: int = 52) -> int:
        rng = self.rng
        squads = list(self.s.scalars(select(SubSquad).order_by(SubSquad.number)))
        today = (self.now + LOCAL).date()
        sessions: list[tuple[dict, list[SquadMember]]] = []

        def session(kind: str, subject: str, day, minutes: int, squad_id: int | None, members) -> None:
            place = "区应急救援突击队训练基地" if kind == TrainingKind.DRILL else "中队驻地"
            sessions.append((dict(kind=kind, subject=subject, held_on=day, minutes=minutes, sub_squad_id=squad_id,
                                  location=place, note="", created_by="duty", version=1), members))

        for week in range(weeks, 0, -1):
            monday = today - timedelta(days=today.weekday() + 7 * week)
            for n, sq in enumerate(squads):
                session(TrainingKind.TRAINING, SUBJECTS[(week + n) % len(SUBJECTS)], monday + timedelta(days=2 * n),
                        120, sq.id, [m for m in self.members if m.sub_squad_id == sq.id])
            if week % 4 == 0:
                session(TrainingKind.DRILL, rng.choice(("综合应急演练", "消防疏散联合演练", "危化品泄漏处置演练")),
                        monday + timedelta(days=5), 240, None, self.members)
        table = TrainingSession.__table__
        ids = list(self.s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                  [row for row, _ in sessions]))
        records = [dict(session_id=sid, member_id=m.id, note="",
                        result=rng.choices(list(TrainingResult), weights=(15, 76, 4, 5))[0])
                   for sid, (_, members) in zip(ids, sessions, strict=True) for m in members]
        self.s.execute(insert(TrainingRecord.__table__), records)
        return len(ids)


def add_history(session: Session, seed: int, *, now: datetime, locator: GridLocator,
                homes: dict[int, tuple[float, float]], vehicles: list[Vehicle]) -> str:
    demo = _Demo(session, seed, now, locator, homes, vehicles)
    count = demo.history()
    demo.open_incidents()
    demo.write()
    sessions = demo.training()
    session.flush()
    return f"{count + 3} incidents over a year (3 open), {sessions} training sessions and drills"
