"""Distances and travel times on the ground, in metres and seconds (lon/lat in degrees, WGS84)."""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle (haversine) distance between two points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def eta_s(straight_m: float, road_factor: float, speed_kmh: float) -> float:
    """Estimated travel time: straight-line distance × road factor ÷ speed."""
    return straight_m * road_factor / (speed_kmh / 3.6)


def bearing_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Initial compass bearing from point 1 to point 2, 0..360 (0 = north)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(y, x)) + 360.0) % 360.0


def move_toward(lon: float, lat: float, to_lon: float, to_lat: float, metres: float) -> tuple[float, float]:
    """The point `metres` along the straight line toward the target (the target if closer)."""
    total = distance_m(lon, lat, to_lon, to_lat)
    if total <= metres or total == 0:
        return to_lon, to_lat
    f = metres / total  # small distances: linear interpolation in degrees is accurate enough
    return lon + (to_lon - lon) * f, lat + (to_lat - lat) * f
