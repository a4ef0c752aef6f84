"""The Traccar Client / OsmAnd HTTP protocol, parsed strictly (no I/O).

Two shapes are understood:

* OsmAnd: parameters in the query string (GET or POST) or a form body (POST,
  application/x-www-form-urlencoded): ``id`` (or ``deviceid``), ``lat``, ``lon`` (or
  ``location=lat,lon``), ``timestamp`` (Unix seconds or milliseconds, ISO 8601, or
  ``yyyy-MM-dd HH:mm:ss`` UTC), ``speed`` (knots, as Traccar reads it), ``bearing``/``heading``
  (degrees), ``altitude`` (m), ``accuracy`` (m), ``batt`` (percent). Other parameters are ignored.
* Traccar Client 9+: a JSON body ``{"device_id": ..., "location": {"timestamp": ISO, "coords":
  {"latitude", "longitude", "speed" (m/s), "heading", "accuracy", "altitude"}, "battery":
  {"level": 0..1}}}``.

Anything malformed raises `BadReport` naming the field; the receiver answers 400.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import parse_qs

from desktop.domain.position import PositionFix, device_id_problem

KNOT_KMH = 1.852


class BadReport(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def _number(field: str, text: object) -> float:
    if isinstance(text, bool):
        raise BadReport(field, "not a number")
    try:
        value = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise BadReport(field, f"not a number: {str(text)[:32]!r}") from None
    if not math.isfinite(value):
        raise BadReport(field, "not a finite number")
    return value


def _device(text: object) -> str:
    device = str(text).strip() if text is not None else ""
    problem = device_id_problem(device)
    if problem:
        raise BadReport("id", problem)
    return device


def _position(lat: float, lon: float) -> tuple[float, float]:
    if not -90 <= lat <= 90:
        raise BadReport("lat", "out of range")
    if not -180 <= lon <= 180:
        raise BadReport("lon", "out of range")
    if lat == 0 and lon == 0:
        raise BadReport("lat", "no fix (0, 0)")
    return lat, lon


def parse_timestamp(text: str) -> datetime:
    t = str(text).strip()
    if not t or len(t) > 40:
        raise BadReport("timestamp", "empty or too long")
    if t.lstrip("-").isdigit():
        value = int(t)
        if value >= 2**31:  # milliseconds (Traccar's rule)
            value //= 1000
        if value <= 0:
            raise BadReport("timestamp", "not a time")
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):
            raise BadReport("timestamp", "out of range") from None
    try:
        at = datetime.fromisoformat(t.replace("Z", "+00:00"))
    except ValueError:
        raise BadReport("timestamp", f"not a time: {t[:32]!r}") from None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _optional(value: float | None, field: str, low: float, high: float) -> float | None:
    if value is None:
        return None
    if not low <= value <= high:
        raise BadReport(field, "out of range")
    return value


def _finish(device: str, lat: float, lon: float, at: datetime | None, speed_kmh: float | None,
            bearing: float | None, accuracy: float | None, altitude: float | None, battery: float | None,
            simulated: bool = False) -> PositionFix:
    lat, lon = _position(lat, lon)
    if speed_kmh is not None and speed_kmh < 0:
        speed_kmh = None  # devices send -1 for "unknown"
    return PositionFix(device, lon, lat, at, _optional(speed_kmh, "speed", 0, 2000),
                       None if bearing is None else bearing % 360.0, _optional(accuracy, "accuracy", 0, 1e6),
                       _optional(altitude, "altitude", -1e4, 1e5), _optional(battery, "batt", 0, 100), simulated)


def parse_params(params: Mapping[str, list[str]]) -> PositionFix:
    """OsmAnd parameters (as from urllib.parse.parse_qs)."""

    def one(*names: str) -> str | None:
        values = [v for n in names for v in params.get(n, [])]
        if len(values) > 1:
            raise BadReport(names[0], "given more than once")
        return values[0] if values else None

    device = _device(one("id", "deviceid"))
    lat_text, lon_text, location = one("lat"), one("lon"), one("location")
    if location is not None and lat_text is None and lon_text is None:
        parts = location.split(",")
        if len(parts) != 2:
            raise BadReport("location", "expected lat,lon")
        lat_text, lon_text = parts
    if lat_text is None:
        raise BadReport("lat", "missing")
    if lon_text is None:
        raise BadReport("lon", "missing")
    ts = one("timestamp")

    def num(name: str, *aliases: str) -> float | None:
        text = one(name, *aliases)
        return None if text is None or text == "" else _number(name, text)

    speed = num("speed")
    return _finish(device, _number("lat", lat_text), _number("lon", lon_text),
                   parse_timestamp(ts) if ts is not None else None,
                   None if speed is None else speed * KNOT_KMH, num("bearing", "heading"), num("accuracy"),
                   num("altitude"), num("batt"), one("sim") == "1")


def parse_json(body: bytes) -> PositionFix:
    """A Traccar Client JSON report."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadReport("body", "not JSON") from None
    if not isinstance(data, dict):
        raise BadReport("body", "not a JSON object")
    loc = data.get("location")
    if not isinstance(loc, dict):
        raise BadReport("location", "missing")
    coords = loc.get("coords")
    if not isinstance(coords, dict):
        raise BadReport("coords", "missing")

    def opt(obj: dict, key: str, field: str) -> float | None:
        value = obj.get(key)
        return None if value is None else _number(field, value)

    if coords.get("latitude") is None:
        raise BadReport("lat", "missing")
    if coords.get("longitude") is None:
        raise BadReport("lon", "missing")
    battery = loc.get("battery")
    level = opt(battery, "level", "batt") if isinstance(battery, dict) else None
    speed_ms = opt(coords, "speed", "speed")
    ts = loc.get("timestamp")
    return _finish(_device(data.get("device_id")), _number("lat", coords["latitude"]),
                   _number("lon", coords["longitude"]), parse_timestamp(ts) if ts is not None else None,
                   None if speed_ms is None else speed_ms * 3.6, opt(coords, "heading", "bearing"),
                   opt(coords, "accuracy", "accuracy"), opt(coords, "altitude", "altitude"),
                   None if level is None or level < 0 else level * 100)


def parse_request(query: str, content_type: str, body: bytes) -> PositionFix:
    """A GET or POST: parameters in the query string win; else the body (form or JSON)."""
    try:
        params = parse_qs(query, keep_blank_values=True, strict_parsing=False, max_num_fields=64)
    except ValueError:
        raise BadReport("query", "too many parameters") from None
    if params:
        return parse_params(params)
    kind = (content_type or "").split(";")[0].strip().lower()
    if not body:
        raise BadReport("id", "missing")
    if kind == "application/json" or body.lstrip()[:1] == b"{":
        return parse_json(body)
    try:
        text = body.decode("utf-8")
        params = parse_qs(text, keep_blank_values=True, max_num_fields=64)
    except (UnicodeDecodeError, ValueError):
        raise BadReport("body", "not a form") from None
    return parse_params(params)
