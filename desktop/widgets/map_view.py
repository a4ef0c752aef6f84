"""The map widget: a QWebEngineView on the map page, a QWebChannel bridge, local tiles, a guard.

Python talks to resources/map/safegrid-map.js through `MapBridge` (signals to the page, slots
from it). Every push carries a token; the page answers `applied(token)` once it has drawn, so
callers (tests, benchmarks, the export) know when the map shows it.

Tiles of a local MBTiles file are served through the custom scheme `safegrid-tiles:`, which must
be registered before the QApplication exists: call `register_map_schemes()` first thing (app.py
and the tests' conftest do). A request guard on the page refuses every http(s) request except to
the intranet tile host the user configured.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QObject, QPoint, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView

from desktop.maps.mbtiles import MBTiles, parse_tile_path
from desktop.widgets.map_scheme import TILE_SCHEME, register_map_schemes, scheme_registered, tile_url_template

log = logging.getLogger(__name__)

__all__ = ["MapView", "register_map_schemes", "tile_url_template"]

class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers `safegrid-tiles:/z/x/y` from the MBTiles file, 404 when it has no such tile."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tiles: MBTiles | None = None
        self.served = 0

    def set_file(self, tiles: MBTiles | None) -> None:
        if self.tiles is not None:
            self.tiles.close()
        self.tiles = tiles

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt override
        where = parse_tile_path(job.requestUrl().path())
        data = self.tiles.tile(*where) if (self.tiles is not None and where is not None) else None
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # lives as long as the job
        buffer.setData(data)
        self.served += 1
        job.reply(self.tiles.mime.encode(), buffer)


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Refuses http(s) to any host but the configured intranet tile server."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed_hosts: set[str] = set()
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override
        url = info.requestUrl()
        if url.scheme() in ("http", "https", "ws", "wss") and url.host() not in self.allowed_hosts:
            self.blocked.append(url.toString())
            info.block(True)


class MapBridge(QObject):
    """The one object the page sees (`bridge`). Signals go to the page; slots are called by it."""

    layerData = Signal(str, str, int)    # noqa: N815 - JS-facing names
    layerUpdate = Signal(str, str, int)  # noqa: N815
    command = Signal(str)

    ready_received = Signal()
    clicked = Signal(str, str, float, float)
    hovered = Signal(str, str, str)
    right_clicked = Signal(float, float, float, float)
    view_moved = Signal(float, float, float)
    action = Signal(str, str, str)
    drawn = Signal(int)
    snapshot_drawn = Signal()

    @Slot()
    def ready(self) -> None:
        self.ready_received.emit()

    @Slot()
    def snapshotDrawn(self) -> None:  # noqa: N802
        self.snapshot_drawn.emit()

    @Slot(str, str, float, float)
    def featureClicked(self, layer: str, fid: str, lon: float, lat: float) -> None:  # noqa: N802
        self.clicked.emit(layer, fid, lon, lat)

    @Slot(str, str, str)
    def featureHovered(self, layer: str, fid: str, name: str) -> None:  # noqa: N802
        self.hovered.emit(layer, fid, name)

    @Slot(float, float, float, float)
    def rightClicked(self, lon: float, lat: float, x: float, y: float) -> None:  # noqa: N802
        self.right_clicked.emit(lon, lat, x, y)

    @Slot(float, float, float)
    def viewChanged(self, lat: float, lon: float, zoom: float) -> None:  # noqa: N802
        self.view_moved.emit(lat, lon, zoom)

    @Slot(str, str, str)
    def cardAction(self, name: str, layer: str, fid: str) -> None:  # noqa: N802
        self.action.emit(name, layer, fid)

    @Slot(int)
    def applied(self, token: int) -> None:
        self.drawn.emit(token)


class MapPage(QWebEnginePage):
    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        log.log(logging.WARNING if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel
                else logging.DEBUG, "map page %s:%d: %s", source.rsplit("/", 1)[-1], line, message)


class MapView(QWebEngineView):
    """The map page in a view. `load_page(path)`, then push layers once `page_ready` fires."""

    page_ready = Signal()
    feature_clicked = Signal(str, str, float, float)    # layer, id, lon, lat
    feature_hovered = Signal(str, str, str)             # layer, id, name ("" on leave)
    context_requested = Signal(float, float, QPoint)    # lon, lat, global position
    view_changed = Signal(float, float, float)          # lat, lon, zoom
    card_action = Signal(str, str, str)                 # action, layer, id
    applied = Signal(int)                               # token of a push the page has drawn
    snapshot_drawn = Signal()                           # the launch snapshot is on screen

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        # Off the record (nothing on disk); parented to the app so it outlives its page.
        self._profile = QWebEngineProfile(app)
        self.tiles = TileSchemeHandler(self._profile)
        if scheme_registered():
            self._profile.installUrlSchemeHandler(TILE_SCHEME, self.tiles)
        self.guard = RequestGuard(self)
        page = MapPage(self._profile, self)
        page.setUrlRequestInterceptor(self.guard)
        s = page.settings()
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        s.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        s.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.setPage(page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.bridge = MapBridge(self)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self.bridge)
        page.setWebChannel(self._channel)
        self._tokens = itertools.count(1)
        self.is_ready = False
        b = self.bridge
        b.ready_received.connect(self._on_ready)
        b.clicked.connect(self.feature_clicked)
        b.hovered.connect(self.feature_hovered)
        b.view_moved.connect(self.view_changed)
        b.action.connect(self.card_action)
        b.drawn.connect(self.applied)
        b.snapshot_drawn.connect(self.snapshot_drawn)
        b.right_clicked.connect(self._on_right_click)
        self.loadStarted.connect(self._on_load_started)
        profile = self._profile
        self.destroyed.connect(lambda *_: profile.deleteLater())

    def profile(self) -> QWebEngineProfile:
        return self._profile

    def load_page(self, path: str | Path, snapshot_script: Path | None = None) -> None:
        """Load the page; with `snapshot_script`, the page paints that snapshot as soon as it can."""
        url = QUrl.fromLocalFile(str(path))
        if snapshot_script is not None:  # see "The launch snapshot" in resources/map/safegrid-map.js
            script = QUrl.fromLocalFile(str(snapshot_script)).toString()
            url.setFragment("snapshot=" + bytes(QUrl.toPercentEncoding(script)).decode())
        self.load(url)

    def allow_tile_host(self, host: str | None) -> None:
        """Let the page reach one intranet tile server (and nothing else over http)."""
        self.guard.allowed_hosts = {host} if host else set()
        self.page().settings().setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, bool(host))

    # -- pushing to the page ------------------------------------------------------------------
    def send_layer(self, layer_id: str, payload_json: str) -> int:
        token = next(self._tokens)
        self.bridge.layerData.emit(layer_id, payload_json, token)
        return token

    def send_update(self, layer_id: str, update_json: str) -> int:
        token = next(self._tokens)
        self.bridge.layerUpdate.emit(layer_id, update_json, token)
        return token

    def send_command(self, op: str, *args: Any) -> int:
        token = next(self._tokens)
        self.bridge.command.emit(json.dumps({"op": op, "args": list(args), "token": token},
                                            ensure_ascii=False))
        return token

    def evaluate(self, expression: str, callback: Callable[[Any], None]) -> None:
        """Evaluate JS and hand the JSON-decoded value to `callback` (arrays need JSON here)."""
        self.page().runJavaScript(f"JSON.stringify({expression})", 0,
                                  lambda text: callback(json.loads(text) if text else None))

    # -- snapshot --------------------------------------------------------------------------------
    def snapshot(self) -> QImage:
        """The map as drawn now (call after it has painted, not inside loadFinished)."""
        return self.grab().toImage()

    # -- from the page ---------------------------------------------------------------------------
    def _on_load_started(self) -> None:
        self.is_ready = False

    def _on_ready(self) -> None:
        self.is_ready = True
        # Let the first frame settle before layers pour in.
        QTimer.singleShot(0, self.page_ready.emit)

    def _on_right_click(self, lon: float, lat: float, x: float, y: float) -> None:
        self.context_requested.emit(lon, lat, self.mapToGlobal(QPoint(int(x), int(y))))
