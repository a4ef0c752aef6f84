"""The map before the rest of the app: its view, its page and the last snapshot, first thing.

When a session starts on the map and signs in by itself (the demo district), `run_gui` makes an
`EarlyMap` right after the QApplication, with nothing loaded but Qt: QtWebEngine starts and the
cached page loads, naming the last snapshot (desktop/maps/snapshot.py) in its URL if the change
feed says it is still true; the page paints it by itself, without waiting for Python. The main
window shows it while the rest of the app loads; the Map screen then takes the view over (its
MapController adopts the page and corrects what changed) and carries on live.

Imports only Qt, the map view and Qt-free modules that need neither SQLAlchemy nor folium.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Signal

from desktop.maps import snapshot
from desktop.maps.page import existing_live_page
from desktop.widgets.map_view import MapView

log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    """Where the map keeps its rendered page: $SAFEGRID_CACHE_DIR/map, else the user's cache."""
    root = os.environ.get("SAFEGRID_CACHE_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation)
    return Path(root) / "map"


def snapshot_dir(cache_dir: Path) -> Path:
    return cache_dir / "snapshot"


def interface_language() -> str:
    """The snapshot's language tag (the page's strings and layer titles are translated)."""
    return QLocale().name()


class EarlyMap(QObject):
    """A map view loading the cached page now; the page paints `snapshot` by itself if there is one."""

    drawn = Signal()  # every layer of the snapshot is on screen

    def __init__(self, database: str, feed_head: int, cache_dir: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir or default_cache_dir()
        self.view = MapView()
        self.view.setObjectName("mapView")
        self.page = existing_live_page(self.cache_dir)  # None on the first launch: the controller renders it
        self.snapshot = None
        if self.page is not None:
            self.snapshot = snapshot.load(snapshot_dir(self.cache_dir), database=database,
                                          lang=interface_language(), seq=feed_head, page=self.page.parent.name)
        self.is_drawn = False
        self._adopted = False
        self.view.snapshot_drawn.connect(self._on_snapshot_drawn)
        if self.page is not None:
            self.view.load_page(self.page, self.snapshot.script if self.snapshot else None)

    @property
    def loading(self) -> bool:
        """The view is loading (or has loaded) the page: the controller need not load it."""
        return self.page is not None

    def adopt(self) -> None:
        """The Map screen takes over (a snapshot drawn later is its concern: the page ignores one
        that comes after its configuration)."""
        self._adopted = True
        self.view.snapshot_drawn.disconnect(self._on_snapshot_drawn)

    def _on_snapshot_drawn(self) -> None:
        if not self.is_drawn:
            self.is_drawn = True
            log.info("map: the snapshot at change %d is on screen", self.snapshot.seq)
            self.drawn.emit()
