"""A launch on the map paints the last session's map at once, only while it is still true, and the
app then carries on from it without reloading the page (real QtWebEngine, offscreen, demo district).

The session before is a Map screen that draws every layer and keeps the snapshot; the launch is
what desktop.app.run_gui does for the demo district: an EarlyMap in a MainWindow that has no app
context yet, then attach(ctx).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from desktop.app import build_context
from desktop.data.engine import Database, open_database
from desktop.data.location import database_key, glance
from desktop.data.map_tables import Camera
from desktop.data.tables import Enterprise, Grid
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.hazard_terms import OPEN_STATUSES
from desktop.maps import snapshot
from desktop.services import users
from desktop.views.main_window import MainWindow
from desktop.views.map import MapScreen
from desktop.views.map_dialogs import BASE_KEY, MBTILES_KEY
from desktop.views.map_early import EarlyMap, interface_language, snapshot_dir
from tests.map.test_map_screen import _mbtiles, js, wait_until

pytestmark = pytest.mark.gui


@dataclass
class District:
    db: Database
    url: str
    folder: Path
    settings: QSettings

    @property
    def cache(self) -> Path:
        return self.folder / "cache" / "map"

    def context(self):
        with UnitOfWork(self.db, write=False) as uow:
            return build_context(self.db, users.actor_for(uow, "admin"))

    def counts(self) -> dict[str, int]:
        with UnitOfWork(self.db, write=False) as uow:
            s = uow.session
            return {
                "grids_community": s.scalar(select(func.count()).select_from(Grid).where(
                    Grid.level == GridLevel.COMMUNITY.value)),
                "enterprises": s.scalar(select(func.count()).select_from(Enterprise)),
                "cameras": s.scalar(select(func.count()).select_from(Camera)),
                "hazards": s.scalar(select(func.count()).select_from(Hazard).where(Hazard.status.in_(OPEN_STATUSES))),
            }

    def launch(self) -> tuple[EarlyMap, MainWindow]:
        """As run_gui: the glance, the early map, the window without an app context."""
        seen = glance(self.url)
        early = EarlyMap(database_key(self.url), seen.feed_head, self.cache)
        window = MainWindow(settings=self.settings, early_map=early)
        window.show()
        return early, window


def stop(ctx, widget) -> None:
    ctx.sync.stop()
    ctx.ops.cancel_all()
    ctx.ops.wait_idle(10_000)
    widget.close()
    shiboken6.delete(widget)  # with its page, before the profiles go at exit


@pytest.fixture
def district(qapp, demo_template, tmp_path, monkeypatch):
    shutil.copyfile(demo_template, tmp_path / "demo.db")
    monkeypatch.setenv("SAFEGRID_CACHE_DIR", str(tmp_path / "cache"))
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    db = open_database(url)
    d = District(db, url, tmp_path, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    ctx = d.context()   # the session before: the map drawn once, which keeps its snapshot
    screen = MapScreen(ctx, d.settings)
    screen.resize(1200, 800)
    screen.show()
    wait_until(lambda: not screen.busy and not ctx.ops.busy, 60, "the first session's map")
    stop(ctx, screen)
    yield d
    db.dispose()


def kept(d: District) -> snapshot.Snapshot | None:
    page = next(d.cache.glob("*/map.html")).parent.name
    return snapshot.load(snapshot_dir(d.cache), database=database_key(d.url), lang=interface_language(),
                         seq=glance(d.url).feed_head, page=page)


def test_a_launch_paints_the_last_map_before_the_app_has_loaded_then_carries_on(district):
    assert kept(district) is not None  # the session before kept its map
    early, window = district.launch()
    assert early.snapshot is not None
    wait_until(lambda: early.is_drawn, 30, "the snapshot on screen")
    view = early.view
    assert window.ctx is None  # nothing but Qt and the map so far
    expected = district.counts()
    assert {k: js(view, f"SafeGridMap.count('{k}')") for k in expected} == expected
    # The street labels are set in the shipped CJK font found as a local font (fontconfig), so the
    # page never fetches the 4.6 MB web font kept as a fallback.
    assert js(view, "document.querySelectorAll('.sg-label-street').length") > 0
    assert js(view, "Array.from(document.fonts).map(f => [f.family, f.status])") == [["SafeGrid CJK", "unloaded"]]
    load_id = js(view, "window.__sgLoadId")
    ctx = district.context()
    try:
        window.attach(ctx)
        screen = window.screen("map")
        assert screen.view is view  # the Map screen took the early view over
        wait_until(lambda: not screen.busy and not ctx.ops.busy, 30, "the map to go live")
        assert js(view, "window.__sgLoadId") == load_id  # never reloaded
        # Nothing had changed since the snapshot: no layer was sent again.
        assert [t["layer"] for t in js(view, "SafeGridMap.timings()") if t["what"] == "layer"] == []
        assert {k: js(view, f"SafeGridMap.count('{k}')") for k in expected} == expected
    finally:
        stop(ctx, window)


def test_what_changed_outside_the_feed_is_corrected_in_place(district):
    """The snapshot is checked against the change feed only; a row written past it (or a flag that
    moves with the clock) is put right by the rebuild that follows, in place."""
    with sqlite3.connect(district.db.url.database) as conn:
        eid, lon = conn.execute("SELECT id, lon FROM enterprises ORDER BY id LIMIT 1").fetchone()
        conn.execute("UPDATE enterprises SET lon = ? WHERE id = ?", (lon + 0.01, eid))
    early, window = district.launch()
    wait_until(lambda: early.is_drawn, 30, "the snapshot on screen")
    where = f"SafeGridMap.object('enterprises', '{eid}').getLatLng().lng"
    assert js(early.view, where) == pytest.approx(lon)
    ctx = district.context()
    try:
        window.attach(ctx)
        screen = window.screen("map")
        wait_until(lambda: not screen.busy and not ctx.ops.busy, 30, "the map to go live")
        assert js(early.view, where) == pytest.approx(lon + 0.01)
        resent = [t["layer"] for t in js(early.view, "SafeGridMap.timings()") if t["what"] == "layer"]
        assert resent == ["enterprises"]
    finally:
        stop(ctx, window)


def test_a_local_base_map_comes_with_the_map_screen(district):
    """The kept map is painted without tiles (the local tile scheme is the Map screen's); its base
    map joins once the screen has taken over, without the layers being sent again."""
    path = _mbtiles(district.folder / "district.mbtiles", kept(district).config["bounds"])
    district.settings.setValue(BASE_KEY, "mbtiles")
    district.settings.setValue(MBTILES_KEY, str(path))
    early, window = district.launch()
    wait_until(lambda: early.is_drawn, 30, "the kept map on screen")
    ctx = district.context()
    try:
        window.attach(ctx)
        screen = window.screen("map")
        wait_until(lambda: screen.view.tiles.served >= 4, 30, "tiles served from the MBTiles file")
        assert [t["layer"] for t in js(early.view, "SafeGridMap.timings()") if t["what"] == "layer"] == []
    finally:
        stop(ctx, window)


def test_a_map_older_than_the_change_feed_is_not_painted(district):
    with UnitOfWork(district.db) as uow:  # another workstation closed a ticket meanwhile
        uow.record("test", "hazard", 1, "updated", "elsewhere")
        uow.commit()
    early, window = district.launch()
    assert early.snapshot is None
    wait_until(lambda: early.view.is_ready, 30, "the page")
    assert js(early.view, "SafeGridMap.layerIds()") == []  # an empty map, not yesterday's
    ctx = district.context()
    try:
        window.attach(ctx)
        screen = window.screen("map")
        wait_until(lambda: not screen.busy and not ctx.ops.busy, 30, "the map drawn from the database")
        expected = district.counts()
        assert {k: js(early.view, f"SafeGridMap.count('{k}')") for k in expected} == expected
    finally:
        stop(ctx, window)


def test_the_session_keeps_its_map_as_it_ends(district):
    ctx = district.context()
    screen = MapScreen(ctx, district.settings)
    screen.show()
    try:
        wait_until(lambda: not screen.busy and not ctx.ops.busy, 30, "the map")
        pushed: list[tuple[str, int]] = []
        drawn: list[int] = []
        screen.controller.update_pushed.connect(lambda layer, token: pushed.append((layer, token)))
        screen.view.applied.connect(drawn.append)
        with UnitOfWork(district.db) as uow:
            h = uow.session.execute(select(Hazard).where(Hazard.status.in_(OPEN_STATUSES)).limit(1)).scalar_one()
            h.lon += 0.002
            uow.record("test", "hazard", h.id, "updated", "moved")
            uow.commit()
        assert kept(district) is None  # the kept map is behind the feed now
        wait_until(lambda: any(layer == "hazards" and token in drawn for layer, token in pushed), 30,
                   "the change on the map")
        screen.shut_down()
        assert kept(district) is not None
    finally:
        stop(ctx, screen)


def test_the_app_paints_the_kept_map_on_its_next_launch(district):
    """The real entry point, twice: both launches draw the map and go idle; the second paints the
    map the first one kept before the rest of the app has loaded."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(district.folder / "config"),
           "SAFEGRID_CACHE_DIR": str(district.folder / "cache2")}

    def launch() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "desktop", "--db", district.url, "--exit-when-ready", "-v"],
                              capture_output=True, text=True, timeout=120, env=env)

    first, second = launch(), launch()
    for run in (first, second):
        assert run.returncode == 0, run.stderr[-2000:]
        assert run.stdout.split() == ["drawn", "ready"]
    assert "snapshot at change" not in first.stderr
    assert "snapshot at change" in second.stderr
    meta = json.loads((district.folder / "cache2" / "map" / "snapshot" / snapshot.META).read_text(encoding="utf-8"))
    assert meta["seq"] == glance(district.url).feed_head
