"""Benchmark-only data for bench_map: a layer of 2,000 synthetic points refreshed by hand.

The real layers (desktop/maps/catalogue.py, the open hazards among them) come from the demo
district. The full-refresh figure needs a layer of exactly 2,000 points that no change-feed row
touches, so it adds this one through the same Layer API (clustered points coloured by status,
flagged when overdue), reading a table `bench_points` it creates in the benchmark database.
"""

from __future__ import annotations

import random

from sqlalchemy import text

from desktop.data.uow import UnitOfWork
from desktop.maps.layers import POINTS, Layer, Points

COLUMNS = ("id", "lon", "lat", "name", "status", "overdue")
STATUS = {"reported": "#8e24aa", "rectifying": "#f57c00", "reinspecting": "#0288d1"}


def create_points(db, n: int, bounds: tuple[float, float, float, float], seed: int = 7) -> None:
    rng = random.Random(seed)
    x0, y0, x1, y1 = bounds
    with db.write_engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bench_points"))
        conn.execute(text("CREATE TABLE bench_points (id INTEGER PRIMARY KEY, lon FLOAT, lat FLOAT, "
                          "name TEXT, status TEXT, overdue INTEGER)"))
        conn.execute(text("INSERT INTO bench_points VALUES (:id, :lon, :lat, :name, :status, :overdue)"),
                     [{"id": i, "lon": rng.uniform(x0, x1), "lat": rng.uniform(y0, y1), "name": f"隐患{i:05d}",
                       "status": rng.choice(list(STATUS)), "overdue": int(rng.random() < 0.1)}
                      for i in range(1, n + 1)])


def layer(layer_id: str = "bench_2000") -> Layer:
    """Clustered points coloured by status, flagged when overdue, like the hazard layer. No
    change-feed entity: the benchmark refreshes it by hand (a full refresh of the whole layer)."""
    return Layer(
        id=layer_id, title="Synthetic points", kind=POINTS,
        build=lambda uow: Points(COLUMNS, [[str(r[0]), r[1], r[2], r[3], r[4], r[5]] for r in uow.session.execute(
            text("SELECT id, lon, lat, name, status, overdue FROM bench_points ORDER BY id"))]),
        searchable=True,
        style={"shape": "circle", "radius": 5, "colorBy": "status", "colors": STATUS, "flag": "overdue",
               "order": list(STATUS), "cluster": {"disableAtZoom": 16, "maxRadius": 50},
               "tooltip": "name", "legend": [[c, s] for s, c in STATUS.items()]},
    )


def shift_all(uow: UnitOfWork, d: float) -> None:
    """Move every point (no change-feed row: the benchmark refreshes by hand)."""
    uow.session.execute(text("UPDATE bench_points SET lon = lon + :d"), {"d": d})
    uow.commit()
