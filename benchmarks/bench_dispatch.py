"""Dispatch figures: the recommender (36 members; 1,000 units), one-click dispatch committed, and a
tracker report over HTTP stored with its change-feed row.

The GUI halves of "dispatch click → board and map updated ≤ 100 ms" and "position report → marker
moved ≤ 50 ms" belong to the screen and map benchmarks; these are the service parts they build on.
PostgreSQL figures are added when SAFEGRID_TEST_PG_URL names a server.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from _util import Report, median_of
from sqlalchemy import create_engine, select, text, update

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.tables_dispatch import Dispatch, Incident, MemberState, Vehicle
from desktop.data.uow import UnitOfWork
from desktop.demo.load import load_demo
from desktop.domain.dispatch_settings import DispatchSettings, TrackingSettings
from desktop.domain.enums import GridLevel
from desktop.domain.position import PositionFix
from desktop.domain.recommend import Spot, Unit, recommend
from desktop.domain.squad import MemberStatus, SquadUnitKind, TravelMode
from desktop.services import dispatch, incidents
from desktop.services.common import SYSTEM
from desktop.services.incident_location import LocationInput
from desktop.services.locate import GridLocator
from desktop.services.positions import record_fix
from desktop.tracking.receiver import PositionReceiver

DEMO = "demo district: 36 members + 3 engines"


def _points(locator: GridLocator, rng: random.Random, n: int) -> list[tuple[float, float]]:
    minx, miny, maxx, maxy = locator.bounds()
    out = []
    while len(out) < n:
        lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if locator.in_district(lon, lat):
            out.append((round(lon, 6), round(lat, 6)))
    return out


def _spot(locator: GridLocator, lon: float, lat: float, itype: str = "fire", severity: str = "medium") -> Spot:
    g = locator.locate(lon, lat)
    return Spot(lon, lat, g[GridLevel.SUB_COMMUNITY], g[GridLevel.COMMUNITY], g[GridLevel.STREET], itype, severity)


def _available(db: Database) -> None:
    """Everyone back on the board, no active dispatch (between timed dispatches)."""
    with UnitOfWork(db) as uow:
        s = uow.session
        s.execute(update(Dispatch).where(Dispatch.released_at.is_(None)).values(released_at=Dispatch.dispatched_at)
                  .execution_options(synchronize_session=False))
        s.execute(update(MemberState).values(status=MemberStatus.AVAILABLE, incident_id=None))
        s.execute(update(Vehicle).values(status="available", incident_id=None))
        uow.commit()


def _dispatch_runs(db: Database, points: list[tuple[float, float]], locator: GridLocator) -> list[float]:
    runs = []
    for lon, lat in points:
        _available(db)
        with UnitOfWork(db) as uow:
            row = incidents.report_incident(uow, SYSTEM, incidents.IncidentInput(
                "fire", "medium", LocationInput(lon=lon, lat=lat)), locator=locator).incident.row
        start = time.perf_counter()
        with UnitOfWork(db) as uow:  # what Ops runs for the click: recommend, dispatch, commit
            dispatch.dispatch_recommended(uow, SYSTEM, row.id, expected_version=row.version)
        runs.append(time.perf_counter() - start)
    return runs


def _http_runs(db: Database, locator: GridLocator, points: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    receiver = PositionReceiver(db, TrackingSettings(), host="127.0.0.1", port=0, locator=locator)
    receiver.start()
    http, direct = [], []
    try:
        for n, (lon, lat) in enumerate(points):
            device = f"86{n % 3 + 1}0{n % 12 + 1:02d}"
            url = f"{receiver.url}?id={device}&lat={lat}&lon={lon}&timestamp={int(time.time())}&speed=5&batt=80"
            start = time.perf_counter()
            with urllib.request.urlopen(url, timeout=10) as resp:
                assert resp.status == 200
            http.append(time.perf_counter() - start)
            start = time.perf_counter()
            with UnitOfWork(db) as uow:
                record_fix(uow, PositionFix(device, lon, lat, None), locator=locator)
            direct.append(time.perf_counter() - start)
    finally:
        receiver.stop()
    return http, direct


def _backend_figures(report: Report, label: str, db: Database, repeat: int) -> None:
    with UnitOfWork(db, write=False) as uow:
        locator = GridLocator.from_session(uow.session)
    rng = random.Random(7)
    with UnitOfWork(db, write=False) as uow:
        reported = uow.session.scalar(select(Incident.id).where(Incident.status == "reported"))
        service_s, _ = median_of(lambda: dispatch.recommend_for_incident(uow, reported), max(repeat, 20), warmup=2)
    report(f"recommend_for_incident (read + rank), {label}", service_s * 1e3, "ms", DEMO)
    runs = _dispatch_runs(db, _points(locator, rng, max(repeat, 15)), locator)
    report(f"one-click dispatch → committed, {label}", statistics.median(runs) * 1e3, "ms", DEMO,
           f"median of {len(runs)}; max {max(runs) * 1e3:.1f} ms; 4 members + engine, feed rows included")
    http, direct = _http_runs(db, locator, _points(locator, rng, max(repeat * 10, 50)))
    report(f"position report over HTTP → stored + feed row, {label}", statistics.median(http) * 1e3, "ms",
           DEMO, f"median of {len(http)}; p90 {sorted(http)[int(len(http) * 0.9)] * 1e3:.1f} ms")
    report(f"position report: HTTP vs storing directly, {label}", statistics.median(http) / statistics.median(direct),
           "x", DEMO, f"floor: record_fix without HTTP, {statistics.median(direct) * 1e3:.2f} ms")


def _pg(repeat: int, report: Report, prepare: Callable[[Database], None]) -> None:
    url = os.environ.get("SAFEGRID_TEST_PG_URL")
    if not url:
        return
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    schema = f"bench_dispatch_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    db = open_database(f"{url}{sep}options=-csearch_path%3D{schema}")
    try:
        prepare(db)
        _backend_figures(report, "PostgreSQL", db, repeat)
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(report: Report, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{Path(tmp) / 'demo.db'}")
        upgrade(db)
        load_demo(db)
        with UnitOfWork(db, write=False) as uow:
            units, stock = dispatch.squad_units(uow)
            locator = GridLocator.from_session(uow.session)
        settings = DispatchSettings()
        rng = random.Random(1)
        spots = [_spot(locator, *p) for p in _points(locator, rng, 50)]
        squad = [replace(u, status=MemberStatus.AVAILABLE) for u in units]

        def rank_all(pool: list[Unit]) -> None:
            for spot in spots:
                recommend(spot, pool, settings, stock=stock)

        small, _ = median_of(lambda: rank_all(squad), repeat, warmup=1)
        report("recommend: 36 members + 3 engines", small / len(spots) * 1e3, "ms", DEMO,
               "goal ≤ 10 ms; median batch of 50 incidents / 50")
        big = []
        for n, (lon, lat) in enumerate(_points(locator, rng, 1000)):
            g = locator.locate(lon, lat)
            vehicle = n % 20 == 0
            big.append(Unit(SquadUnitKind.VEHICLE if vehicle else SquadUnitKind.MEMBER, n + 1, f"u{n}", "available",
                            n % 30 + 1, lon, lat, g.get(GridLevel.SUB_COMMUNITY), g.get(GridLevel.COMMUNITY),
                            g.get(GridLevel.STREET), mode=TravelMode.VEHICLE if vehicle else TravelMode.EBIKE,
                            equipment={"extinguisher": 6} if vehicle else {}))
        big_stock = {sq: {"extinguisher": 20, "radio": 10, "cordon_kit": 3} for sq in range(1, 31)}
        large, _ = median_of(lambda: [recommend(s, big, settings, stock=big_stock) for s in spots], repeat, warmup=1)
        report("recommend: 1,000 units", large / len(spots) * 1e3, "ms", "1,000 synthetic units in 30 sub-squads",
               "goal ≤ 50 ms; median batch of 50 incidents / 50")
        _backend_figures(report, "SQLite", db, repeat)
        db.dispose()
    _pg(repeat, report, lambda pg: (upgrade(pg), load_demo(pg)))
