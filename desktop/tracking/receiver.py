"""The position receiver: an opt-in HTTP server for Traccar Client / OsmAnd reports (Qt-free).

It listens only on the address and port it is given (loopback by default), accepts reports only
from device ids mapped to a member or vehicle, and answers every request, never crashing on one:

* 200 stored; 400 malformed (the field is named in the body and the log); 404 unknown device;
* 405 another HTTP method; 411 a POST without Content-Length; 413 a body over the limit (not read);
  414 an over-long query; 503 the database refused, or too many connections at once.

One thread per connection (ThreadingHTTPServer), at most `max_connections` at a time; a socket
timeout ends slow or silent clients. Refusals are logged (logger "desktop.tracking.receiver")
with the client address and the reason, values shortened and quoted.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections import Counter
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from desktop.data.engine import Database, DatabaseError
from desktop.data.uow import UnitOfWork
from desktop.domain.dispatch_settings import TrackingSettings
from desktop.domain.errors import DomainError
from desktop.services.locate import GridLocator
from desktop.services.positions import StaleFix, StoredReport, UnknownDevice, record_fix
from desktop.tracking.protocol import BadReport, parse_request

log = logging.getLogger(__name__)

SOCKET_TIMEOUT_S = 10.0


class ReceiverError(DomainError):
    """The receiver cannot start (the address is taken or not ours)."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "SafeGrid-PositionReceiver/1"
    sys_version = ""
    timeout = SOCKET_TIMEOUT_S
    default_request_version = "HTTP/1.0"  # a garbage request line still gets a status line back
    error_message_format = "%(code)d %(message)s\n"
    error_content_type = "text/plain; charset=utf-8"

    def log_message(self, format: str, *args) -> None:
        log.debug("%s %s", self.client_address[0], format % args)

    def log_error(self, format: str, *args) -> None:
        self.server.receiver.count("protocol_error")
        log.warning("refused from %s: %s", self.client_address[0], (format % args)[:200])

    def _answer(self, status: HTTPStatus, text: str = "") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True

    def _refuse(self, status: HTTPStatus, reason: str) -> None:
        self.server.receiver.count(str(status.value))
        log.warning("refused %s from %s: %s", status.value, self.client_address[0], reason[:200])
        self._answer(status, reason[:200])

    def do_GET(self) -> None:
        self._handle(b"")

    def do_POST(self) -> None:
        length_text = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding"):
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "chunked bodies are not accepted")
            return
        if length_text is None:
            self._refuse(HTTPStatus.LENGTH_REQUIRED, "Content-Length required")
            return
        try:
            length = int(length_text)
        except ValueError:
            self._refuse(HTTPStatus.BAD_REQUEST, "Content-Length is not a number")
            return
        limit = self.server.receiver.settings.max_body_bytes
        if length < 0 or length > limit:
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {limit} bytes")
            return
        body = self.rfile.read(length)
        if len(body) != length:
            self._refuse(HTTPStatus.BAD_REQUEST, "body shorter than Content-Length")
            return
        self._handle(body)

    def _not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, POST")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        self.server.receiver.count("405")
        log.warning("refused 405 from %s: method %r", self.client_address[0], self.command[:16])

    do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def _handle(self, body: bytes) -> None:
        receiver = self.server.receiver
        query = urlsplit(self.path).query
        if len(query) > receiver.settings.max_body_bytes:
            self._refuse(HTTPStatus.REQUEST_URI_TOO_LONG, "query too long")
            return
        try:
            fix = parse_request(query, self.headers.get("Content-Type", ""), body)
        except BadReport as exc:
            self._refuse(HTTPStatus.BAD_REQUEST, f"{exc.field}: {exc.reason}")
            return
        try:
            stored = receiver.store(fix)
        except UnknownDevice as exc:
            self._refuse(HTTPStatus.NOT_FOUND, exc.message)
            return
        except StaleFix as exc:
            self._refuse(HTTPStatus.BAD_REQUEST, f"timestamp: {exc.message}")
            return
        except DatabaseError as exc:
            self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "database unavailable")
            log.error("position not stored: %s", exc.message)
            return
        except DomainError as exc:  # a conflict or other refusal: the client may retry
            self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, exc.message)
            return
        except Exception:  # never let one report take the receiver down
            log.exception("position report from %s failed", self.client_address[0])
            self._refuse(HTTPStatus.SERVICE_UNAVAILABLE, "internal error")
            return
        receiver.count("200")
        self._answer(HTTPStatus.OK)
        if receiver.on_stored is not None:
            receiver.on_stored(stored)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], receiver: PositionReceiver) -> None:
        self.receiver = receiver
        self._slots = threading.BoundedSemaphore(receiver.settings.max_connections)
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            self.receiver.count("503")
            log.warning("refused %s: too many connections", client_address[0])
            with contextlib.suppress(OSError):  # the client is gone already
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request, client_address) -> None:
        log.exception("connection from %s failed", client_address[0] if client_address else "?")


class PositionReceiver:
    """`start()` serves on a background thread until `stop()`. Port 0 picks a free port."""

    def __init__(self, db: Database, settings: TrackingSettings | None = None, *, host: str | None = None,
                 port: int | None = None, locator: GridLocator | None = None,
                 on_stored: Callable[[StoredReport], None] | None = None) -> None:
        self.db = db
        self.settings = settings or TrackingSettings()
        self.host = host if host is not None else self.settings.host
        self.port = port if port is not None else self.settings.port
        self.on_stored = on_stored
        self._locator = locator
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()

    def count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    @property
    def address(self) -> tuple[str, int]:
        if self._server is None:
            return self.host, self.port
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"

    def store(self, fix) -> StoredReport:
        with UnitOfWork(self.db) as uow:
            return record_fix(uow, fix, locator=self._locator, max_future_s=self.settings.max_future_s)

    def start(self) -> tuple[str, int]:
        if self._server is not None:
            return self.address
        if self._locator is None:
            with UnitOfWork(self.db, write=False) as uow:
                self._locator = GridLocator.from_session(uow.session)
        try:
            self._server = _Server((self.host, self.port), self)
        except OSError as exc:
            raise ReceiverError(f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}") from exc
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="position-receiver", daemon=True)
        self._thread.start()
        log.info("position receiver listening on %s", self.url)
        return self.address

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> PositionReceiver:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
