"""A position fix as a tracker reported it (after parsing, before storing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PositionFix:
    device_id: str
    lon: float
    lat: float
    at: datetime | None          # the fix time; None: the device sent none (use the receive time)
    speed_kmh: float | None = None
    bearing: float | None = None
    accuracy_m: float | None = None
    altitude_m: float | None = None
    battery_pct: float | None = None
    simulated: bool = False      # sent by `safegrid simulate` (parameter sim=1)


MAX_DEVICE_ID = 64


def device_id_problem(device_id: str) -> str | None:
    """Why a tracker device id is unusable, or None when it is fine (1..64 printable, no spaces)."""
    if not device_id:
        return "missing"
    if len(device_id) > MAX_DEVICE_ID or not device_id.isprintable() or any(ch.isspace() for ch in device_id):
        return f"must be 1..{MAX_DEVICE_ID} printable characters without spaces"
    return None
