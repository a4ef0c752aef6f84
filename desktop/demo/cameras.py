"""Demo camera points (视频定位): one at each street office and one in each community.

Called by load.load_demo inside its transaction, after the grids are flushed. Deterministic: the
points are the grids' representative points, nudged so a street's camera and its community's do
not coincide; stream addresses follow an intranet NVR pattern (never contacted by the app).
"""

from __future__ import annotations

import shapely
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.data.map_tables import Camera
from desktop.data.tables import Grid
from desktop.domain.enums import GridLevel


def add_demo_cameras(session: Session) -> int:
    session.execute(delete(Camera))  # a forced reload replaces the district, cameras included
    rows = session.execute(
        select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.geometry)
        .where(Grid.level.in_([GridLevel.STREET, GridLevel.COMMUNITY]), Grid.geometry.is_not(None))
        .order_by(Grid.code)
    ).all()
    cameras = []
    for n, r in enumerate(rows, start=1):
        point = shapely.from_geojson(r.geometry).representative_point()
        dx = 0.0018 if r.level == GridLevel.STREET else -0.0009
        place = "办事处门前" if r.level == GridLevel.STREET else "主出入口"
        cameras.append(Camera(
            code=f"CAM-{n:04d}", name=f"{r.name}{place}", lon=round(point.x + dx, 6),
            lat=round(point.y + 0.0006, 6),
            stream_url=f"rtsp://10.32.{n // 200}.{n % 200 + 10}:554/live/ch1",
            note="演示数据：内网录像机通道",
        ))
    session.add_all(cameras)
    return len(cameras)
