"""Parsing the Traccar Client / OsmAnd protocol: strict about what it needs, lenient about extras."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from desktop.tracking.protocol import BadReport, parse_request, parse_timestamp

AT = datetime(2026, 5, 1, 2, 0, tzinfo=UTC)


def test_osmand_query_with_every_field():
    fix = parse_request("id=861001&lat=34.2601&lon=117.1801&timestamp=1777600800&speed=10&bearing=370"
                        "&altitude=41.5&accuracy=8&batt=77&hdop=0.9&charge=true", "", b"")
    assert (fix.device_id, fix.lat, fix.lon, fix.at) == ("861001", 34.2601, 117.1801, AT)
    assert fix.speed_kmh == pytest.approx(18.52)  # knots, as Traccar reads them
    assert (fix.bearing, fix.altitude_m, fix.accuracy_m, fix.battery_pct) == (10.0, 41.5, 8.0, 77.0)


@pytest.mark.parametrize("stamp", ["1777600800", "1777600800000", "2026-05-01T02:00:00Z",
                                   "2026-05-01T10:00:00+08:00", "2026-05-01 02:00:00"])
def test_timestamps_in_every_shape(stamp):
    assert parse_timestamp(stamp) == AT


def test_form_body_location_pair_and_deviceid_alias():
    fix = parse_request("", "application/x-www-form-urlencoded", b"deviceid=a1&location=34.1,117.2")
    assert (fix.device_id, fix.lat, fix.lon, fix.at) == ("a1", 34.1, 117.2, None)


def test_traccar_client_json():
    body = json.dumps({"device_id": "861002", "location": {
        "timestamp": "2026-05-01T02:00:00.000Z", "coords": {"latitude": 34.2, "longitude": 117.1, "speed": 5,
                                                            "heading": 90, "accuracy": 4, "altitude": 40},
        "is_moving": True, "battery": {"level": 0.55, "is_charging": False}}}).encode()
    fix = parse_request("", "application/json", body)
    assert (fix.device_id, fix.at, fix.speed_kmh, fix.bearing) == ("861002", AT, 18.0, 90.0)
    assert fix.battery_pct == pytest.approx(55.0)


@pytest.mark.parametrize(("query", "field"), [
    ("lat=34&lon=117", "id"), ("id=&lat=34&lon=117", "id"), ("id=a%20b&lat=34&lon=117", "id"),
    ("id=" + "x" * 65 + "&lat=34&lon=117", "id"), ("id=1&id=2&lat=34&lon=117", "id"),
    ("id=1&lon=117", "lat"), ("id=1&lat=34", "lon"), ("id=1&lat=abc&lon=117", "lat"),
    ("id=1&lat=91&lon=117", "lat"), ("id=1&lat=34&lon=nan", "lon"), ("id=1&lat=34&lon=inf", "lon"),
    ("id=1&lat=0&lon=0", "lat"), ("id=1&lat=34&lon=117&timestamp=yesterday", "timestamp"),
    ("id=1&lat=34&lon=117&timestamp=99999999999999999999", "timestamp"),
    ("id=1&lat=34&lon=117&speed=fast", "speed"), ("id=1&lat=34&lon=117&batt=150", "batt"),
    ("id=1&location=34", "location"),
])
def test_malformed_reports_name_the_field(query, field):
    with pytest.raises(BadReport) as err:
        parse_request(query, "", b"")
    assert err.value.field == field


@pytest.mark.parametrize("body", [b"[1,2]", b"{not json", b"\xff\xfe\x00", b"[" * 100_000,
                                  b'{"device_id": "1", "location": {"coords": {"latitude": true, "longitude": 1}}}'])
def test_hostile_bodies_are_refused(body):
    with pytest.raises(BadReport):
        parse_request("", "application/json", body)
