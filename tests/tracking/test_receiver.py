"""The position receiver over real HTTP on loopback: reports stored and fed to the change feed;
malformed and hostile requests refused with the right status, and the server keeps serving."""

from __future__ import annotations

import http.client
import json
import socket
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from sqlalchemy import func, select

from desktop.data.tables import AuditEntry, ChangeFeedEntry
from desktop.data.tables_dispatch import CurrentPosition, PositionReport, Tracker
from desktop.data.uow import UnitOfWork
from desktop.domain.dispatch_settings import TrackingSettings
from desktop.tracking.receiver import PositionReceiver


@pytest.fixture
def receiver(world_sqlite):
    db, world = world_sqlite
    rec = PositionReceiver(db, TrackingSettings(max_body_bytes=4096, max_connections=4), host="127.0.0.1", port=0)
    rec.start()
    yield rec, db, world
    rec.stop()


def request(rec: PositionReceiver, method: str, path: str, body: bytes | None = None,
            headers: dict | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection(*rec.address, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def get(rec, **params) -> int:
    return request(rec, "GET", "/?" + urlencode(params))[0]


def now_s() -> int:
    return int(time.time())


def raw(rec: PositionReceiver, data: bytes) -> bytes:
    with socket.create_connection(rec.address, timeout=10) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        except OSError:  # the server may answer and close before the client is done sending
            pass
        chunks = []
        try:
            while chunk := sock.recv(4096):
                chunks.append(chunk)
        except ConnectionResetError:  # unread bytes left at the server turn its close into a reset
            pass
    return b"".join(chunks)


def current(db, member_id: int) -> CurrentPosition:
    with UnitOfWork(db, write=False) as uow:
        return uow.session.scalars(select(CurrentPosition).where(CurrentPosition.member_id == member_id)).one()


def feed(db) -> list[tuple[str, str, str]]:
    with UnitOfWork(db, write=False) as uow:
        return [tuple(r) for r in uow.session.execute(
            select(ChangeFeedEntry.entity, ChangeFeedEntry.entity_id, ChangeFeedEntry.action).order_by(ChangeFeedEntry.seq))]


def test_a_report_is_stored_moves_the_member_and_writes_a_feed_row(receiver):
    rec, db, w = receiver
    assert rec.address[0] == "127.0.0.1"
    status = get(rec, id="dev1", lat="34.0151", lon="117.0251", timestamp=now_s(), speed="5", bearing="90", batt="64")
    assert status == 200
    pos = current(db, w.members[0])
    assert (pos.lon, pos.lat, pos.source, pos.battery_pct) == (117.0251, 34.0151, "tracker", 64.0)
    assert (pos.community_id, pos.sub_community_id) == (w.east, w.subs["S21"])  # grids follow the member
    assert feed(db)[-1] == ("squad_member", str(w.members[0]), "moved")
    with UnitOfWork(db, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "moved")) == 0


def test_post_form_and_traccar_client_json(receiver):
    rec, db, w = receiver
    form = urlencode({"id": "veh1", "lat": "34.011", "lon": "117.013"}).encode()
    assert request(rec, "POST", "/", form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 200
    body = json.dumps({"device_id": "dev2", "location": {
        "timestamp": datetime.now(UTC).isoformat(), "coords": {"latitude": 34.0122, "longitude": 117.0077},
        "battery": {"level": 0.5}}}).encode()
    assert request(rec, "POST", "/", body, {"Content-Type": "application/json"})[0] == 200
    assert current(db, w.members[1]).battery_pct == 50.0
    assert ("vehicle", str(w.vehicle), "moved") in feed(db)


def test_an_older_fix_is_history_only(receiver):
    rec, db, w = receiver
    assert get(rec, id="dev3", lat="34.01", lon="117.011", timestamp=now_s()) == 200
    head = len(feed(db))
    assert get(rec, id="dev3", lat="34.002", lon="117.002", timestamp=now_s() - 600) == 200  # queued offline
    assert (current(db, w.members[2]).lat, len(feed(db))) == (34.01, head)
    with UnitOfWork(db, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(PositionReport)) == 2


HOSTILE = [
    ("GET", "/?lat=34&lon=117", None, {}, 400),                                  # missing id
    ("GET", "/?id=dev1&lat=abc&lon=117", None, {}, 400),                         # bad number
    ("GET", "/?id=dev1&lat=1e999&lon=117", None, {}, 400),                       # infinity
    ("GET", "/?id=dev1&lat=95&lon=117", None, {}, 400),                          # out of range
    ("GET", "/?id=dev1&id=dev2&lat=34.01&lon=117.01", None, {}, 400),            # two ids
    ("GET", "/?id=dev1&lat=34.01&lon=117.01&timestamp=tomorrow", None, {}, 400),
    ("GET", "/?id=dev1&lat=34.01&lon=117.01&timestamp=2100-01-01T00:00:00Z", None, {}, 400),  # future
    ("GET", "/?id=nobody&lat=34.01&lon=117.01", None, {}, 404),                  # unknown device
    ("GET", "/?id=%00%01&lat=34.01&lon=117.01", None, {}, 400),                  # control characters
    ("GET", "/?" + "a=1&" * 200 + "id=dev1&lat=34&lon=117", None, {}, 400),      # too many parameters
    ("GET", "/?id=dev1&lat=34.01&lon=117.01&pad=" + "x" * 5000, None, {}, 414),  # over-long query
    ("GET", "/", None, {}, 400),                                                 # nothing at all
    ("POST", "/", b"[]", {"Content-Type": "application/json"}, 400),
    ("POST", "/", b"[" * 4000, {"Content-Type": "application/json"}, 400),       # deep nesting
    ("POST", "/", b"\xff\xfe\xfd", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("POST", "/", b"", {"Content-Length": "abc"}, 400),
    ("PUT", "/?id=dev1&lat=34&lon=117", None, {}, 405),
    ("DELETE", "/", None, {}, 405),
    ("BREW", "/", None, {}, 501),                                                # a garbage method
]


@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), HOSTILE)
def test_malformed_and_hostile_requests_are_refused_and_the_server_keeps_serving(
        receiver, method, path, body, headers, status):
    rec, db, w = receiver
    before = feed(db)
    assert request(rec, method, path, body, headers)[0] == status
    assert feed(db) == before  # nothing stored
    assert get(rec, id="dev1", lat="34.0101", lon="117.0101") == 200


def test_a_huge_body_is_refused_unread(receiver):
    rec, _, _ = receiver
    reply = raw(rec, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n")  # refused before the body
    assert reply.startswith(b"HTTP/1.0 413")
    reply = raw(rec, b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
    assert reply.startswith(b"HTTP/1.0 411")
    assert raw(rec, b"\x16\x03\x01\x02\x00garbage, not HTTP\r\n\r\n").startswith(b"HTTP/1.0 400")  # TLS hello
    assert raw(rec, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.0 414")
    assert raw(rec, b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 150 + b"\r\n").startswith(b"HTTP/1.0 431")
    assert get(rec, id="dev1", lat="34.0101", lon="117.0101") == 200


def test_too_many_connections_are_turned_away_then_served_again(receiver):
    rec, _, _ = receiver
    idle = [socket.create_connection(rec.address, timeout=10) for _ in range(4)]  # max_connections
    try:
        time.sleep(0.2)  # let the server accept them (the refusal below is what is tested)
        assert raw(rec, b"GET /?id=dev1&lat=34.01&lon=117.01 HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 503")
    finally:
        for s in idle:
            s.close()
    deadline = time.monotonic() + 10
    while get(rec, id="dev1", lat="34.0101", lon="117.0101") != 200:
        if time.monotonic() >= deadline:
            pytest.fail("the receiver never served again after refusing the extra connections")
        time.sleep(0.05)
    assert rec.counts["503"] >= 1


def test_a_switched_off_tracker_is_unknown(receiver):
    rec, db, _ = receiver
    with UnitOfWork(db) as uow:
        uow.session.scalars(select(Tracker).where(Tracker.device_id == "dev4")).one().active = False
        uow.commit()
    assert get(rec, id="dev4", lat="34.01", lon="117.01") == 404
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    assert get(rec, id="dev5", lat="34.01", lon="117.01", timestamp=past) == 200
