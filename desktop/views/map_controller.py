"""The map's data flow (no widgets): build layers off the GUI thread, cache them, keep them live.

    start() ─► worker: the static page from the disk cache (folium only when an asset changed)
            │          ─► view loads it by file URL at once
            └► worker: district bounds, overlays, every layer's payload ─► cache
                       (grid layers and bounds from the disk cache while the grids are unchanged)
    page ready and payloads built (either order) ─► "configure" (district, layer definitions,
            strings) then every cached layer (tokens) ─► page draws, answers applied(token)
    changes_committed ─► registry.affected() ─► per layer, one job at a time:
            update(uow, ids) ─► view.send_update (in place: view and popup stay)   or
            build(uow)       ─► view.send_layer  (a layer without an incremental update)

Payloads are cached as JSON text until a change touches their layer (grids: until "grid"
changes); a page reload or an export takes them from the cache.

A launch that opened the map early (views/map_early.py) hands its view over: the page may already
show the kept map (maps/snapshot.py). The payloads are built as above all the same, and only the
layers whose payload differs from the kept one are sent again. Whenever every layer is drawn, and
at the end of the session, the map as drawn is kept for the next launch (unless it is already).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTemporaryDir, QTimer, Signal

from desktop.context import AppContext
from desktop.data.feed import Changes, head
from desktop.data.location import database_key
from desktop.data.tables import Setting
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError
from desktop.maps import queries, snapshot
from desktop.maps.catalogue import default_registry
from desktop.maps.grid_cache import GridCache, cacheable
from desktop.maps.layers import REBUILD_ALL, Layer, LayerRegistry
from desktop.maps.overlay_layers import overlay_layer, overlay_layer_id
from desktop.maps.page import PageConfig, cached_live_page, export_html, page_key
from desktop.services import overlays
from desktop.services.locate import GridLocator
from desktop.views.map_early import EarlyMap, default_cache_dir, interface_language, snapshot_dir
from desktop.widgets.map_view import MapView

log = logging.getLogger(__name__)


def _translate(text: str) -> str:
    return QCoreApplication.translate("MapLayers", text)


def _plain(value: Any) -> Any:
    """As it comes back from JSON (tuples become lists): to compare with a stored configuration."""
    return json.loads(json.dumps(value))


def _code_files(layers: list[Layer]) -> tuple[str, ...]:
    """The files of the functions that build the layers (a snapshot is stamped with them)."""
    files = {__file__}
    for layer in layers:
        for fn in (layer.build, layer.update):
            name = getattr(getattr(fn, "__code__", None), "co_filename", None)
            if name:
                files.add(name)
    return tuple(sorted(files))


class MapController(QObject):
    layers_drawn = Signal()               # the page shows every layer (after each page load)
    layer_defined = Signal(str)           # a layer appeared (an overlay was imported)
    layer_removed = Signal(str)
    update_pushed = Signal(str, int)      # layer id, token: an incremental update went to the page
    layer_pushed = Signal(str, int)       # layer id, token: a whole layer went to the page
    failed = Signal(str)

    def __init__(self, ctx: AppContext, view: MapView, strings: dict[str, str],
                 base: Callable[[], dict | None], parent: QObject | None = None,
                 cache_dir: Path | None = None, early: EarlyMap | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.strings = strings
        self.base = base
        self.registry: LayerRegistry = default_registry()
        self.cache: dict[str, str] = {}
        self.bounds: tuple[float, float, float, float] | None = None
        self.locator: GridLocator | None = None
        self.busy = True
        self.focus: dict | None = None      # the department filter's focus, as sent to the page
        self._dir = QTemporaryDir()         # the page when the cache folder cannot be written
        self.cache_dir = cache_dir or default_cache_dir()
        self.grid_cache = GridCache(self.cache_dir / "grids", ctx.db.url.render_as_string(hide_password=True))
        self.prepared = False               # payloads built: the page can be configured
        self._overlay_versions: dict[int, int] = {}
        self._inflight: set[str] = set()
        self._queued: dict[str, set[str] | None] = {}
        self._initial_tokens: set[int] = set()
        self._page_up = False               # the loaded page said ready (reset on every load)
        self._early = early
        self._shown: snapshot.Snapshot | None = None  # the kept map the page shows, until corrected
        self._kept_at: int | None = None    # the kept map is the map as drawn, at this feed seq
        view.page_ready.connect(self._on_page_ready)
        view.loadStarted.connect(self._on_load_started)
        view.applied.connect(self._on_applied)
        ctx.sync.changes_committed.connect(self.on_changes)

    # -- start-up --------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the (static, cached) page and build the layers at the same time."""
        grid_cache = self.grid_cache

        def prepare(uow: UnitOfWork) -> tuple:
            infos = overlays.list_overlays(uow)
            layers = [*self.registry, *(overlay_layer(i) for i in infos)]
            key, cached = grid_cache.load(uow, layers)
            locator = None
            if cached is None:   # the grids changed (or first launch): build, then keep for next time
                locator = GridLocator.from_session(uow.session)
                bounds = locator.bounds() if not locator.district.is_empty else None
            else:                # the locator waits for the first "what is here"
                bounds = cached.bounds
            payloads = dict(cached.payloads) if cached else {}
            for layer in layers:
                if layer.id not in payloads:
                    payloads[layer.id] = layer.build(uow).json()
            if cached is None and bounds is not None:
                grid_cache.store(key, {ly.id: payloads[ly.id] for ly in layers if cacheable(ly)}, bounds)
            return locator, bounds, infos, payloads

        folders = (self.cache_dir, Path(self._dir.path()))

        def page(_uow: UnitOfWork) -> Path:
            for folder in folders:
                try:
                    return cached_live_page(folder)
                except OSError as exc:
                    log.warning("map: cannot keep the page in %s: %s", folder, exc)
            raise OSError("the map page cannot be written")

        early, self._early = self._early, None
        if early is not None:
            self._adopt(early)
        if early is None or not early.loading:
            # A queued load: whoever made the screen can still set up the profile (tests record requests).
            self.ctx.ops.run(page, lambda path: QTimer.singleShot(0, lambda: self.view.load_page(path)),
                             self._on_error, write=False)
        self.ctx.ops.run(prepare, self._on_prepared, self._on_error, write=False)

    def _adopt(self, early: EarlyMap) -> None:
        """Carry on from the early map: its page (loaded or loading) and the snapshot it shows."""
        early.adopt()
        self._page_up = self.view.is_ready
        if early.is_drawn:
            self._shown = early.snapshot

    def _on_prepared(self, result: tuple) -> None:
        locator, bounds, infos, payloads = result
        self.locator = locator
        self.bounds = bounds or (117.08, 34.17, 117.24, 34.29)
        for info in infos:
            self._overlay_versions[info.id] = info.version
            self.registry.add(overlay_layer(info))
        self.cache.update(payloads)
        self.prepared = True
        if self._shown is not None:
            self._correct_snapshot()
        elif self._page_up:
            self._push_all()

    def _correct_snapshot(self) -> None:
        """The page shows the kept map: send again only what differs from it now."""
        shown, self._shown = self._shown, None
        config = _plain(self.page_config().as_json())
        if {**config, "base": None} != {**shown.config, "base": None}:  # layers or strings changed
            self._push_all()
            return
        if config["base"]:  # the early page had no tiles: the scheme handler is set up only now
            self.view.send_command("setBase", config["base"])
        stale = [ly.id for ly in self.registry if snapshot.digest(self.cache[ly.id]) != shown.digests.get(ly.id)]
        for layer_id in stale:
            self._initial_tokens.add(self.view.send_layer(layer_id, self.cache[layer_id]))
        if not stale and set(shown.digests) == {ly.id for ly in self.registry}:
            self._kept_at = shown.seq  # the kept map is the map as it is: nothing to keep again
        self._settle()

    def _on_load_started(self) -> None:
        self._page_up = False

    def _on_page_ready(self) -> None:
        self._page_up = True
        self._push_all()

    def page_config(self, *, live: bool = True, view: dict | None = None, state: dict | None = None) -> PageConfig:
        base = self.base()
        if not live and base and base.get("kind") != "xyz":
            base = None  # a local MBTiles file does not travel with an exported page
        return PageConfig(bounds=self.bounds or (117.08, 34.17, 117.24, 34.29),
                          layers=[layer.definition(_translate) for layer in self.registry],
                          strings=self.strings, base=base, live=live, view=view, state=state or {})

    def _push_all(self) -> None:
        if not self.prepared:  # the page came first: _on_prepared pushes
            return
        missing = [layer for layer in self.registry if layer.id not in self.cache]
        if missing:  # rebuilt since they went stale; push once they are back
            self.ctx.ops.run(lambda uow: {layer.id: layer.build(uow).json() for layer in missing},
                             lambda built: (self.cache.update(built), self._push_all()), self._on_error,
                             write=False)
            return
        self.busy = True
        self.view.send_command("configure", self.page_config().as_json())
        self._initial_tokens = {self.view.send_layer(layer.id, self.cache[layer.id]) for layer in self.registry}

    def _on_applied(self, token: int) -> None:
        if token in self._initial_tokens:
            self._initial_tokens.discard(token)
            self._settle()

    def _settle(self) -> None:
        if self._initial_tokens or not self.prepared or self._shown is not None:
            return
        self.busy = False
        self.layers_drawn.emit()
        self.save_snapshot()  # the map as this launch drew it, should the session end abruptly

    def _on_error(self, err: DomainError) -> None:
        log.warning("map: %s", err.message)
        self.failed.emit(err.message)

    # -- live updates ----------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        self._kept_at = None
        if changes.touches("grid", *REBUILD_ALL):
            self.locator = None  # rebuilt on the next "what is here"
        if changes.touches("map_overlay", *REBUILD_ALL):
            self.reload_overlays()
        for layer_id, ids in self.registry.affected(changes).items():
            self.refresh(layer_id, ids)

    def refresh(self, layer_id: str, ids: set[str] | None = None) -> None:
        """Bring one layer up to date: the given entity ids in place, or the whole layer (None)."""
        if layer_id not in self.registry:
            return
        if layer_id in self._inflight:  # one job per layer at a time; merge what arrives meanwhile
            prev = self._queued.get(layer_id, set())
            self._queued[layer_id] = None if (ids is None or prev is None) else prev | ids
            return
        self._inflight.add(layer_id)
        layer = self.registry.get(layer_id)
        self.cache.pop(layer_id, None)
        if ids is None or layer.update is None:
            self.ctx.ops.run(lambda uow: layer.build(uow).json(),
                             lambda text: self._on_built(layer_id, text),
                             lambda err: self._job_failed(layer_id, err), write=False)
        else:
            update = layer.update
            self.ctx.ops.run(lambda uow: update(uow, ids),
                             lambda up: self._on_update(layer_id, up),
                             lambda err: self._job_failed(layer_id, err), write=False)

    def _on_built(self, layer_id: str, text: str) -> None:
        if layer_id in self.registry:
            self.cache[layer_id] = text
            if self.view.is_ready:
                self.layer_pushed.emit(layer_id, self.view.send_layer(layer_id, text))
        self._next(layer_id)

    def _on_update(self, layer_id: str, update: Any) -> None:
        if update and self.view.is_ready and layer_id in self.registry:
            self.update_pushed.emit(layer_id, self.view.send_update(layer_id, update.json()))
        self._next(layer_id)

    def _job_failed(self, layer_id: str, err: DomainError) -> None:
        self._on_error(err)
        self._next(layer_id)

    def _next(self, layer_id: str) -> None:
        self._inflight.discard(layer_id)
        if layer_id in self._queued:
            self.refresh(layer_id, self._queued.pop(layer_id))

    # -- overlays --------------------------------------------------------------------------------
    def reload_overlays(self) -> None:
        self.ctx.ops.run(overlays.list_overlays, self._on_overlays, self._on_error, write=False)

    def _on_overlays(self, infos: list[overlays.OverlayInfo]) -> None:
        current = {i.id: i for i in infos}
        for oid in [o for o in self._overlay_versions if o not in current]:
            del self._overlay_versions[oid]
            self._drop_layer(overlay_layer_id(oid))
        for info in infos:
            if self._overlay_versions.get(info.id) == info.version:
                continue
            self._overlay_versions[info.id] = info.version
            self._drop_layer(overlay_layer_id(info.id))
            self.add_layer(overlay_layer(info))

    def add_layer(self, layer: Layer) -> None:
        """Define a layer on the running map and fill it (overlays; features may use it too)."""
        self.registry.add(layer)
        if self.view.is_ready:
            self.view.send_command("defineLayer", layer.definition(_translate))
        self.layer_defined.emit(layer.id)
        self.refresh(layer.id)

    def _drop_layer(self, layer_id: str) -> None:
        if layer_id in self.registry:
            self.registry.remove(layer_id)
            self.cache.pop(layer_id, None)
            if self.view.is_ready:
                self.view.send_command("removeLayer", layer_id)
            self.layer_removed.emit(layer_id)

    # -- questions -------------------------------------------------------------------------------
    def what_is_here(self, lon: float, lat: float, on_done: Callable[[queries.WhatIsHere], None]) -> None:
        locator = self.locator

        def ask(uow: UnitOfWork) -> tuple:
            loc = locator or GridLocator.from_session(uow.session)
            return loc, queries.what_is_here(uow, loc, lon, lat)

        def done(result: tuple) -> None:
            self.locator, answer = result
            on_done(answer)

        self.ctx.ops.run(ask, done, self._on_error, write=False)

    def set_department(self, department_id: int | None) -> None:
        if department_id is None:
            self._set_focus(None)
            return
        self.ctx.ops.run(lambda uow: queries.department_focus(uow, department_id), self._set_focus,
                         self._on_error, write=False)

    def _set_focus(self, focus: dict | None) -> None:
        self.focus = focus
        self.view.send_command("setFocus", focus)

    # -- the next launch's snapshot --------------------------------------------------------------
    def save_snapshot(self, wait: bool = False) -> None:
        """Keep the map as drawn for the next launch, if it is true at the change feed's head.

        Only where a launch paints it: the demo district on SQLite, which signs in by itself (see
        desktop/app.py _early_map; any other database asks for a password first). Layers changed
        in place since they were built are rebuilt for it (on a worker); `wait`: block until
        written (at exit)."""
        if not self.ctx.db.is_sqlite or not self.prepared or self.busy or self._inflight or self._queued:
            return  # no use, or mid-change: a later save (or none) is right
        cursor = self.ctx.sync.cursor
        if self._kept_at == cursor:
            return
        layers = list(self.registry)
        cached = dict(self.cache)
        config = _plain(self.page_config().as_json())
        database = database_key(self.ctx.db.url.render_as_string(hide_password=True))
        lang, folder = interface_language(), snapshot_dir(self.cache_dir)

        def keep(uow: UnitOfWork) -> Path | None:
            if uow.session.get(Setting, "demo") is None or head(uow.session.connection()) != cursor:
                return None  # not the demo, or changes still on their way here
            payloads = {ly.id: cached.get(ly.id) or ly.build(uow).json() for ly in layers}
            return snapshot.save(folder, database=database, lang=lang, seq=cursor, page=page_key(),
                                 files=_code_files(layers), config=config, payloads=payloads)

        def kept(path: Path | None) -> None:
            if path is not None and self.ctx.sync.cursor == cursor:
                self._kept_at = cursor

        if wait:
            try:
                kept(self.ctx.ops.call(keep, write=False))
            except DomainError as exc:
                log.warning("map: snapshot not kept: %s", exc.message)
        else:
            self.ctx.ops.run(keep, kept, lambda err: log.warning("map: snapshot not kept: %s", err.message),
                             write=False)

    # -- export ----------------------------------------------------------------------------------
    def export_html(self, path: str, state: dict, on_done: Callable[[Any], None]) -> None:
        """A standalone HTML copy of the map as it is (view, hidden layers, focus) at `path`."""
        layers = list(self.registry)
        cached = dict(self.cache)
        config = self.page_config(live=False, view=state.get("view"), state=state)

        def build(uow: UnitOfWork) -> Path:
            data = {layer.id: cached.get(layer.id) or layer.build(uow).json() for layer in layers}
            return export_html(config, data, path)

        self.ctx.ops.run(build, on_done, self._on_error, write=False)
