"""Benchmark-only data for bench_map: synthetic open-hazard points as a map layer.

The map registers its layers in desktop/maps/catalogue.py; the hazard layer is not there yet, so
the benchmark adds this stand-in through the same Layer API (clustered points coloured by status,
flagged when overdue), reading a table `bench_points` it creates in the benchmark database.
"""

from __future__ import annotations

import random

from sqlalchemy import text

from desktop.data.uow import UnitOfWork
from desktop.maps.layers import POINTS, Layer, Points, Update

COLUMNS = ("id", "lon", "lat", "name", "status", "overdue")
STATUS = {"reported": "#8e24aa", "rectifying": "#f57c00", "reinspecting": "#0288d1"}


def create_points(db, n: int, bounds: tuple[float, float, float, float], seed: int = 7) -> None:
    rng = random.Random(seed)
    x0, y0, x1, y1 = bounds
    with db.write_engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bench_points"))
        conn.execute(text("CREATE TABLE bench_points (id INTEGER PRIMARY KEY, lon FLOAT, lat FLOAT, "
                          "name TEXT, status TEXT, overdue INTEGER, grp INTEGER)"))
        conn.execute(text("INSERT INTO bench_points VALUES (:id, :lon, :lat, :name, :status, :overdue, :grp)"),
                     [{"id": i, "lon": rng.uniform(x0, x1), "lat": rng.uniform(y0, y1), "name": f"隐患{i:05d}",
                       "status": rng.choice(list(STATUS)), "overdue": int(rng.random() < 0.1),
                       "grp": 1 if i <= 2000 else 0} for i in range(1, n + 1)])


def _rows(uow: UnitOfWork, where: str = "", params: dict | None = None) -> list[list]:
    q = f"SELECT id, lon, lat, name, status, overdue FROM bench_points {where} ORDER BY id"
    return [[str(r[0]), r[1], r[2], r[3], r[4], r[5]] for r in uow.session.execute(text(q), params or {})]


def layer(layer_id: str = "bench_hazards", only_first_2000: bool = False, live: bool = True) -> Layer:
    """`live=False`: no change-feed entity (refreshed by hand), so a point change touches one layer,
    as a real hazard change touches only the "hazards" layer."""
    where = "WHERE grp = 1" if only_first_2000 else ""

    def update(uow: UnitOfWork, ids: set[str]) -> Update:
        wanted = sorted(int(i) for i in ids if i.isdigit())
        clause = f"WHERE id IN ({','.join(map(str, wanted))})" if wanted else "WHERE 0"
        rows = _rows(uow, clause + (" AND grp = 1" if only_first_2000 else ""))
        gone = set(wanted) - {int(r[0]) for r in rows}
        return Update(Points(COLUMNS, rows), tuple(str(i) for i in sorted(gone)))

    return Layer(
        id=layer_id, title="Open hazards (synthetic)", kind=POINTS,
        build=lambda uow: Points(COLUMNS, _rows(uow, where)), update=update,
        entities=frozenset({"bench_point"} if live else ()), searchable=True,
        style={"shape": "circle", "radius": 5, "colorBy": "status", "colors": STATUS, "flag": "overdue",
               "order": list(STATUS), "cluster": {"disableAtZoom": 16, "maxRadius": 50},
               "tooltip": "name", "legend": [[c, s] for s, c in STATUS.items()]},
    )


def move_point(uow: UnitOfWork, point_id: int, lon: float, lat: float) -> None:
    uow.session.execute(text("UPDATE bench_points SET lon = :lon, lat = :lat WHERE id = :id"),
                        {"lon": lon, "lat": lat, "id": point_id})
    uow.record("bench", "bench_point", point_id, "updated", "moved")
    uow.commit()


def shift_group(uow: UnitOfWork, d: float) -> None:
    """Move every point of the 2,000 group (no change-feed row: the benchmark refreshes by hand)."""
    uow.session.execute(text("UPDATE bench_points SET lon = lon + :d WHERE grp = 1"), {"d": d})
    uow.commit()
