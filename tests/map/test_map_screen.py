"""The map screen in a real QtWebEngine (offscreen), on the demo district.

One screen and one loaded page serve the whole module (QtWebEngine start-up is the expensive
part); tests run in file order and leave the map as they found it where it matters. A request
interceptor on the page's profile records every request from the first moment: the last test
proves none went to another host.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import shapely
import shiboken6
from PySide6.QtCore import QBuffer, QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView
from sqlalchemy import func, select

from desktop.app import build_context
from desktop.data.engine import Database, open_database
from desktop.data.map_tables import Camera, MapOverlay
from desktop.data.tables import Enterprise, Grid, SquadMember
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.demo.load import DEMO_PASSWORD
from desktop.domain.enums import TERRITORIAL_LEVELS, GridLevel
from desktop.domain.hazard_terms import OPEN_STATUSES
from desktop.maps.core_layers import RISK_COLOURS, grid_layer_id
from desktop.services import users
from desktop.views.map import MapScreen
from desktop.views.map_dialogs import BASE_KEY, MBTILES_KEY, OverlayImportDialog

pytestmark = pytest.mark.gui


class Recorder(QWebEngineUrlRequestInterceptor):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 - Qt override
        self.urls.append(info.requestUrl().toString())


def wait_until(predicate: Callable[[], object], timeout: float = 20.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        QTest.qWait(10)


def js(view, expression: str, timeout: float = 10.0):
    box: list = []
    view.page().runJavaScript(f"JSON.stringify({expression})", 0, box.append)
    wait_until(lambda: box, timeout, expression)
    return json.loads(box[0]) if box[0] else None


@dataclass
class Env:
    db: Database
    ctx: object
    screen: MapScreen
    recorder: Recorder
    settings: QSettings
    folder: Path

    def js(self, expression: str):
        return js(self.screen.view, expression)

    def sql(self, fn: Callable):
        with UnitOfWork(self.db, write=False) as uow:
            return fn(uow.session)


@pytest.fixture(scope="module")
def env(qapp, demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("map")
    shutil.copyfile(demo_template, folder / "demo.db")
    db = open_database(f"sqlite:///{folder / 'demo.db'}")
    with UnitOfWork(db, write=False) as uow:
        actor = users.authenticate(uow, "admin", DEMO_PASSWORD)
    ctx = build_context(db, actor)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    cache_before = os.environ.get("SAFEGRID_CACHE_DIR")
    os.environ["SAFEGRID_CACHE_DIR"] = str(folder / "cache")  # the page and grid caches: this module's
    screen = MapScreen(ctx, settings)
    recorder = Recorder()
    screen.view.profile().setUrlRequestInterceptor(recorder)  # before the page is even written
    screen.resize(1200, 800)
    screen.show()
    wait_until(lambda: not screen.busy, 60, "the map to draw every layer")
    yield Env(db, ctx, screen, recorder, settings, folder)
    ctx.sync.stop()
    ctx.ops.cancel_all()
    ctx.ops.wait_idle(10_000)
    screen.view.profile().setUrlRequestInterceptor(None)
    screen.close()
    shiboken6.delete(screen)   # now, with its page, before the profiles go at exit
    db.dispose()
    if cache_before is None:
        os.environ.pop("SAFEGRID_CACHE_DIR", None)
    else:
        os.environ["SAFEGRID_CACHE_DIR"] = cache_before


def test_the_page_loads_leaflet_offline(env):
    assert env.js("typeof L") == "object"
    assert env.js("typeof SafeGridMap.start") == "function"
    assert env.screen.view.is_ready


def test_every_layer_holds_as_many_features_as_the_database(env):
    def counts(s):
        out = {grid_layer_id(lv): s.scalar(select(func.count()).select_from(Grid).where(
            Grid.level == lv, Grid.geometry.is_not(None))) for lv in TERRITORIAL_LEVELS}
        out["enterprises"] = s.scalar(select(func.count()).select_from(Enterprise))
        out["cameras"] = s.scalar(select(func.count()).select_from(Camera))
        out["members"] = s.scalar(select(func.count()).select_from(SquadMember).where(
            SquadMember.home_grid_id.is_not(None)))
        out["hazards"] = s.scalar(select(func.count()).select_from(Hazard).where(Hazard.status.in_(OPEN_STATUSES)))
        return out

    expected = env.sql(counts)
    shown = dict(env.js("SafeGridMap.layerIds().map(id => [id, SafeGridMap.count(id)])"))
    assert {k: shown[k] for k in expected} == expected
    assert expected["grids_sub_community"] == 755 and expected["enterprises"] == 420


def _click_at(env, layer: str, fid: str) -> tuple[str, str]:
    pos = env.js(f"SafeGridMap.pointOf({json.dumps(layer)}, {json.dumps(fid)})")
    got: list = []
    env.screen.view.feature_clicked.connect(lambda lay, i, _x, _y: got.append((lay, i)))
    target = env.screen.view.focusProxy()
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(pos[0]), round(pos[1])))
    wait_until(lambda: got, 10, "a click to reach Python")
    return got[0]


def test_a_click_on_an_enterprise_selects_it_and_opens_its_card(env):
    e = env.sql(lambda s: s.execute(select(Enterprise.id, Enterprise.name, Enterprise.lon, Enterprise.lat)
                                    .order_by(Enterprise.id).limit(1)).one())
    env.js(f"SafeGridMap.setView({e.lat}, {e.lon}, 18)")  # past the cluster zoom
    assert _click_at(env, "enterprises", str(e.id)) == ("enterprises", str(e.id))
    assert env.js("SafeGridMap.selection()") == {"layer": "enterprises", "id": str(e.id)}
    wait_until(lambda: env.js("(document.querySelector('.sg-card-title') || {}).textContent") == e.name
               and env.js("document.querySelectorAll('.sg-card tr').length") >= 8, 10, "the enterprise card")


def test_a_click_on_a_grid_selects_the_finest_grid_there(env):
    def pick(s):
        loc_rows = s.execute(select(Grid.id, Grid.geometry).where(Grid.level == GridLevel.ENTERPRISE)).all()
        ent = shapely.union_all([shapely.from_geojson(g) for _, g in loc_rows])
        for gid, geom in s.execute(select(Grid.id, Grid.geometry).where(Grid.level == GridLevel.SUB_COMMUNITY)
                                   .order_by(Grid.code)):
            p = shapely.from_geojson(geom).point_on_surface()
            if not ent.buffer(0.002).contains(p):
                return gid, p
        raise AssertionError("no sub-community grid clear of enterprise grids")

    gid, p = env.sql(pick)
    for layer in ("enterprises", "cameras", "members"):
        env.js(f"SafeGridMap.setVisible('{layer}', false)")
    try:
        env.js(f"SafeGridMap.setView({p.y}, {p.x}, 16)")
        assert _click_at(env, "grids_sub_community", str(gid)) == ("grids_sub_community", str(gid))
        name = env.sql(lambda s: s.get(Grid, gid).name)
        wait_until(lambda: env.js("(document.querySelector('.sg-card-title') || {}).textContent") == name
                   and env.js("document.querySelectorAll('.sg-card tr').length") >= 6, 10, "the grid card")
    finally:
        for layer in ("enterprises", "cameras", "members"):
            env.js(f"SafeGridMap.setVisible('{layer}', true)")


def test_what_is_here_names_the_grid_of_every_level(env):
    def chain(s):
        g = s.scalars(select(Grid).where(Grid.level == GridLevel.ENTERPRISE).order_by(Grid.code.desc())).first()
        p = shapely.from_geojson(g.geometry).point_on_surface()
        names = []
        node = g
        while node.level != GridLevel.DISTRICT:
            names.append(node.name)
            node = s.get(Grid, node.parent_id)
        return p, names

    p, names = env.sql(chain)
    env.screen.what_is_here(p.x, p.y)
    def text() -> str:
        return env.js("(document.querySelector('.leaflet-popup-content') || {}).textContent") or ""

    assert len(names) == 4
    wait_until(lambda: all(n in text() for n in names), 10, f"a what-is-here card naming {names}")


def test_a_committed_change_is_drawn_in_place_without_a_reload(env):
    eid = env.sql(lambda s: s.scalar(select(Enterprise.id).where(Enterprise.risk == "blue").order_by(Enterprise.id)))
    m = env.sql(lambda s: s.execute(select(SquadMember.id).order_by(SquadMember.id)).scalars().first())
    load_id = env.js("window.__sgLoadId")
    env.js(f"(SafeGridMap.object('enterprises', '{eid}').__tag = 'kept')")
    env.js(f"(SafeGridMap.object('members', '{m}').__tag = 'kept')")
    env.js("SafeGridMap.setView(34.23, 117.16, 15.5)")
    env.screen.view.send_command("openInfo", 34.23, 117.16, {"title": "popup stays"})
    wait_until(lambda: env.js("document.querySelectorAll('.leaflet-popup').length") == 1, 5, "popup")
    view_before = env.js("SafeGridMap.view()")
    pushed: list = []
    drawn: list = []
    env.screen.controller.update_pushed.connect(lambda lay, tok: pushed.append((lay, tok)))
    env.screen.view.applied.connect(drawn.append)

    def write(uow):
        e = uow.session.get(Enterprise, eid)
        e.risk = "red"
        uow.record("admin", "enterprise", eid, "updated", "risk raised (test)")
        member = uow.session.get(SquadMember, m)
        member.home_grid_id = uow.session.scalar(select(Grid.id).where(Grid.level == GridLevel.COMMUNITY).limit(1))
        uow.record("admin", "squad_member", m, "updated", "moved (test)")
        uow.commit()

    env.ctx.ops.run(write)
    wait_until(lambda: {"enterprises", "members"} <= {lay for lay, _ in pushed}
               and all(tok in drawn for _, tok in pushed), 15, "both updates drawn")
    assert env.js(f"SafeGridMap.object('enterprises', '{eid}').__tag") == "kept"
    assert env.js(f"SafeGridMap.object('enterprises', '{eid}').options.fillColor") == RISK_COLOURS["red"]
    assert env.js(f"SafeGridMap.object('members', '{m}').__tag") == "kept"
    assert env.js("window.__sgLoadId") == load_id                        # no reload
    assert env.js("SafeGridMap.view()") == view_before                   # the view stays
    assert env.js("document.querySelectorAll('.leaflet-popup').length") == 1  # the popup stays
    assert env.js("SafeGridMap.count('enterprises')") == 420


def test_the_department_filter_highlights_what_it_supervises(env):
    env.screen.department.setCurrentIndex(1)
    dept = env.screen.department.currentData()
    mine, other = env.sql(lambda s: (
        s.scalar(select(Enterprise.id).where(Enterprise.lead_department_id == dept)),
        s.scalar(select(Enterprise.id).where(Enterprise.lead_department_id != dept))))
    wait_until(lambda: env.js(f"SafeGridMap.object('enterprises', '{other}').options.fillOpacity") < 0.5, 10, "dim")
    assert env.js(f"SafeGridMap.object('enterprises', '{mine}').options.fillOpacity") > 0.9
    env.screen.department.setCurrentIndex(0)
    wait_until(lambda: env.js(f"SafeGridMap.object('enterprises', '{other}').options.fillOpacity") > 0.9, 10)


def test_search_finds_grids_enterprises_and_members(env):
    member = env.sql(lambda s: s.scalar(select(SquadMember.name).order_by(SquadMember.id)))
    hits = env.js(f"SafeGridMap.search({json.dumps(member)}, 5)")
    assert hits and hits[0]["layer"] == "members" and hits[0]["name"] == member
    assert {h["layer"] for h in env.js("SafeGridMap.search('街道', 30)")} >= {"grids_street"}


def test_an_overlay_imported_from_a_file_appears_on_the_map(env, tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "甲"}, "geometry": {"type": "Point", "coordinates": [117.16, 34.23]}},
        {"type": "Feature", "properties": {"name": "乙"}, "geometry": {"type": "Point", "coordinates": [1e6, 3e6]}}]}),
        encoding="utf-8")
    dialog = OverlayImportDialog(env.ctx, env.screen)
    dialog.file.setText(str(bad))
    dialog.name.setText("应急避难场所")
    dialog.submit()
    wait_until(lambda: "乙" in dialog.error.text(), 10, "the refusal")
    assert "2" in dialog.error.text() and dialog.result() == 0
    good = tmp_path / "good.geojson"
    good.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": f"避难点{i}"},
         "geometry": {"type": "Point", "coordinates": [117.14 + i / 100, 34.23]}} for i in range(3)]}),
        encoding="utf-8")
    dialog.file.setText(str(good))
    dialog.submit()
    wait_until(lambda: dialog.result() == 1, 10, "the import")
    oid = env.sql(lambda s: s.scalar(select(func.max(MapOverlay.id))))
    wait_until(lambda: env.js(f"SafeGridMap.count('overlay_{oid}')") == 3, 15, "the overlay on the map")
    assert f"overlay_{oid}" in env.screen.controller.registry


def _png() -> bytes:
    img = QImage(256, 256, QImage.Format.Format_RGB32)
    img.fill(QColor("#a5d6a7"))
    buf = QBuffer()
    buf.open(QBuffer.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(buf.data())


def _mbtiles(path: Path, bounds) -> Path:
    import math

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "test"), ("format", "png")])
    tile = _png()
    for z in range(10, 17):
        n = 2 ** z

        def xy(lon, lat, n=n):
            x = int((lon + 180) / 360 * n)
            y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
            return x, y

        x0, y0 = xy(bounds[0] - 0.05, bounds[3] + 0.05)
        x1, y1 = xy(bounds[2] + 0.05, bounds[1] - 0.05)
        conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                         [(z, x, n - 1 - y, tile) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)])
    conn.commit()
    conn.close()
    return path


def test_an_mbtiles_base_map_is_served_through_the_local_scheme(env):
    path = _mbtiles(env.folder / "district.mbtiles", env.screen.controller.bounds)
    env.js("SafeGridMap.zoomToDistrict(false)")
    env.settings.setValue(BASE_KEY, "mbtiles")
    env.settings.setValue(MBTILES_KEY, str(path))
    env.screen.apply_base_map()
    wait_until(lambda: env.screen.view.tiles.served >= 4, 15, "tiles served from the MBTiles file")
    wait_until(lambda: env.js("document.querySelectorAll('img.leaflet-tile-loaded').length") >= 4, 10, "tiles drawn")
    assert any(u.startswith("safegrid-tiles:") for u in env.recorder.urls)


def test_export_png_and_standalone_html(env, qapp):
    QTest.qWait(150)  # a frame after the last change
    image = env.screen.view.snapshot()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert image.width() > 500 and len(colours) > 5
    out = env.folder / "export.html"
    env.settings.setValue(BASE_KEY, "none")
    env.screen.export_html(str(out))
    wait_until(lambda: out.exists() and "Map saved" in env.screen.status.text()
               or "地图已" in env.screen.status.text(), 15, "the export")
    html = out.read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    assert "<script src" not in markup and "<link" not in markup and "file:" not in html
    # It opens on its own, in a plain profile, and shows every layer.
    profile = QWebEngineProfile()
    recorder = Recorder()
    profile.setUrlRequestInterceptor(recorder)
    view = QWebEngineView()
    page = QWebEnginePage(profile, view)
    view.setPage(page)
    done: list = []
    view.loadFinished.connect(done.append)
    view.load(out.as_uri())
    wait_until(lambda: done, 20, "the exported page")
    assert js(view, "SafeGridMap.count('enterprises')") == 420
    assert js(view, "SafeGridMap.count('grids_sub_community')") == 755
    assert [u for u in recorder.urls if not u.startswith(("file:", "data:"))] == []
    shiboken6.delete(view)     # the page (its child) goes before its profile
    shiboken6.delete(profile)


def test_squad_layers_hold_the_squad_and_a_position_report_moves_one_marker(env):
    from desktop.data.tables_dispatch import Incident, Tracker, Vehicle
    from desktop.domain.position import PositionFix
    from desktop.services.locate import GridLocator
    from desktop.services.positions import record_fix

    expected = env.sql(lambda s: {
        "members": s.scalar(select(func.count()).select_from(SquadMember)),
        "vehicles": s.scalar(select(func.count()).select_from(Vehicle)),
        "incidents": s.scalar(select(func.count()).select_from(Incident).where(Incident.status != "closed"))})
    assert {k: env.js(f"SafeGridMap.count('{k}')") for k in expected} == expected
    member, device = env.sql(lambda s: s.execute(select(Tracker.member_id, Tracker.device_id).where(
        Tracker.member_id.is_not(None)).order_by(Tracker.id)).first())
    where = "SafeGridMap.ids('members').map(id => [id, SafeGridMap.object('members', id).getLatLng()])"
    before = dict(env.js(where))
    env.js(f"(SafeGridMap.object('members', '{member}').__tag = 'same marker')")
    lat, lng = before[str(member)]["lat"] + 0.001, before[str(member)]["lng"] + 0.001
    pushed: list = []
    drawn: list = []
    env.screen.controller.update_pushed.connect(lambda lay, tok: pushed.append((lay, tok)))
    env.screen.view.applied.connect(drawn.append)
    with UnitOfWork(env.db) as uow:                            # what the receiver does with a report
        record_fix(uow, PositionFix(device, lng, lat, None), locator=GridLocator.from_session(uow.session))
    wait_until(lambda: any(lay == "members" and tok in drawn for lay, tok in pushed), 15, "the member moved")
    after = dict(env.js(where))
    moved = [i for i in after if after[i] != before[i]]
    assert moved == [str(member)] and after[str(member)] == {"lat": lat, "lng": lng}
    assert env.js(f"SafeGridMap.object('members', '{member}').__tag") == "same marker"   # moved, not redrawn


def test_a_whole_layer_refresh_keeps_unchanged_markers_and_applies_the_rest(env):
    """A full payload for a drawn point layer is applied in place: unchanged rows keep their
    marker, a changed row moves and recolours it, a missing row goes, a new row comes."""
    cam = env.js("SafeGridMap.ids('cameras')")
    keep, move, drop = cam[0], cam[1], cam[2]
    before = env.js("SafeGridMap.count('cameras')")
    env.js(f"(SafeGridMap.object('cameras', '{keep}').__tag = 'kept')")
    env.js(f"(SafeGridMap.object('cameras', '{move}').__tag = 'moved')")
    layer = env.screen.controller.registry.get("cameras")
    payload = json.loads(env.screen.controller.cache["cameras"])
    rows = {r[0]: r for r in payload["rows"]}
    rows[move] = [move, rows[move][1] + 0.001, rows[move][2] + 0.001, *rows[move][3:]]
    del rows[drop]
    rows["new-1"] = ["new-1", 117.16, 34.23, "new camera", "X-1", ""]
    changed = json.dumps({**payload, "rows": list(rows.values())}, ensure_ascii=False)
    drawn: list = []
    env.screen.view.applied.connect(drawn.append)
    token = env.screen.view.send_layer(layer.id, changed)
    wait_until(lambda: token in drawn, 10, "the refresh drawn")
    assert env.js("SafeGridMap.count('cameras')") == before            # one gone, one new
    assert env.js(f"SafeGridMap.object('cameras', '{keep}').__tag") == "kept"
    assert env.js(f"SafeGridMap.object('cameras', '{move}').__tag") == "moved"
    ll = env.js(f"SafeGridMap.object('cameras', '{move}').getLatLng()")
    assert ll["lng"] == pytest.approx(rows[move][1]) and ll["lat"] == pytest.approx(rows[move][2])
    assert env.js(f"SafeGridMap.object('cameras', '{drop}')") is None
    assert env.js("!!SafeGridMap.object('cameras', 'new-1')") is True
    # Put the layer back as the database has it.
    token = env.screen.view.send_layer(layer.id, env.screen.controller.cache["cameras"])
    wait_until(lambda: token in drawn, 10, "the layer restored")
    assert env.js("SafeGridMap.count('cameras')") == before
    assert env.js("SafeGridMap.object('cameras', 'new-1')") is None


def test_the_page_reports_the_stages_of_each_push(env):
    env.js("SafeGridMap.timings()")
    drawn: list = []
    env.screen.view.applied.connect(drawn.append)
    token = env.screen.view.send_layer("cameras", env.screen.controller.cache["cameras"])
    wait_until(lambda: token in drawn, 10, "the push drawn")
    (entry,) = env.js("SafeGridMap.timings()")
    assert entry["what"] == "layer" and entry["layer"] == "cameras" and entry["bytes"] > 0
    assert all(entry[k] >= 0 for k in ("parse", "apply", "paint"))


def test_no_request_left_the_machine(env):
    # Everything above (load, clicks, search, updates, tiles, export) went through this profile.
    assert env.recorder.urls, "the interceptor saw nothing: it was not installed"
    remote = [u for u in env.recorder.urls if re.match(r"(https?|wss?)://", u)]
    assert remote == []
    # Even a script that tries is refused before anything goes out.
    env.js("(fetch('http://example.invalid/x').then(() => { window.__net = 'reached'; },"
           " () => { window.__net = 'refused'; }), 1)")
    wait_until(lambda: env.js("window.__net"), 10, "the fetch to settle")
    assert env.js("window.__net") == "refused"
    assert [u for u in env.recorder.urls if re.match(r"(https?|wss?)://", u)] == []
