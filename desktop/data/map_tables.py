"""Map tables: camera points (视频定位) and user-imported GeoJSON overlays. Migration 0002_map."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.data.tables import Base, UTCDateTime, Versioned


class Camera(Versioned, Base):
    """A video point: where it is and the address of its stream (RTSP/HLS on the intranet)."""

    __tablename__ = "cameras"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    stream_url: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(String(500), default="")


class MapOverlay(Versioned, Base):
    """A user-imported GeoJSON layer (key facilities, evacuation sites), kept in the database."""

    __tablename__ = "map_overlays"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    colour: Mapped[str] = mapped_column(String(7))         # "#rrggbb"
    geojson: Mapped[str] = mapped_column(Text)             # a validated FeatureCollection
    feature_count: Mapped[int] = mapped_column(Integer)
    source_name: Mapped[str] = mapped_column(String(260), default="")  # the imported file's name
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(64))


__all__ = ["Camera", "MapOverlay"]
