"""The map's Qt-free half: layer payloads match the database, incremental updates, the page."""

from __future__ import annotations

import json
import re

import pytest
import shapely
from sqlalchemy import delete, func, select

from desktop.data.feed import Change, Changes
from desktop.data.map_tables import Camera
from desktop.data.tables import Enterprise, Grid, SquadMember
from desktop.data.tables_dispatch import CurrentPosition, Incident, Vehicle
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import TERRITORIAL_LEVELS, GridLevel
from desktop.domain.hazard_terms import OPEN_STATUSES
from desktop.maps import queries
from desktop.maps.catalogue import default_registry
from desktop.maps.core_layers import grid_layer_id
from desktop.maps.layers import POINTS, Layer, LayerRegistry, Points, build_payloads
from desktop.maps.members import member_positions
from desktop.maps.page import PageConfig, render_page
from desktop.maps.webfont import ttc_face_to_ttf
from desktop.services import incidents
from desktop.services import positions as squad_positions
from desktop.services.common import SYSTEM
from desktop.services.locate import GridLocator


def _payloads(db) -> dict[str, dict]:
    with UnitOfWork(db, write=False) as uow:
        return {k: json.loads(v) for k, v in build_payloads(uow, list(default_registry())).items()}


def _size(payload: dict) -> int:
    return len(payload["rows"]) if payload["kind"] == POINTS else len(payload["features"])


def test_every_layer_holds_what_the_database_holds(demo_db):
    payloads = _payloads(demo_db)
    with UnitOfWork(demo_db, write=False) as uow:
        s = uow.session
        for level in TERRITORIAL_LEVELS:
            n = s.scalar(select(func.count()).select_from(Grid).where(Grid.level == level, Grid.geometry.is_not(None)))
            assert _size(payloads[grid_layer_id(level)]) == n
        assert _size(payloads["enterprises"]) == s.scalar(select(func.count()).select_from(Enterprise)) == 420
        assert _size(payloads["cameras"]) == s.scalar(select(func.count()).select_from(Camera)) > 100
        assert _size(payloads["members"]) == s.scalar(select(func.count()).select_from(SquadMember)) == 36
        assert _size(payloads["vehicles"]) == s.scalar(select(func.count()).select_from(Vehicle)) == 3
        open_incidents = s.scalar(select(func.count()).select_from(Incident).where(Incident.status != "closed"))
        assert _size(payloads["incidents"]) == open_incidents > 0
        open_hazards = s.scalar(select(func.count()).select_from(Hazard).where(Hazard.status.in_(OPEN_STATUSES)))
        assert _size(payloads["hazards"]) == open_hazards > 0
    assert _size(payloads["grids_sub_community"]) == 755
    feature = payloads["grids_street"]["features"][0]
    assert set(feature["properties"]) >= {"n", "c", "lp"} and feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_members_stand_at_their_live_position_else_in_their_home_grid(demo_sqlite):
    with UnitOfWork(demo_sqlite) as uow:
        positions = member_positions(uow)
        live = {p.id: p for p in squad_positions.member_positions(uow)}
        assert member_positions(uow, {positions[3].id}) == [positions[3]]  # partial == full
        gone = positions[5].id                                            # no position known at all
        uow.session.execute(delete(CurrentPosition).where(CurrentPosition.member_id == gone))
        uow.commit()
    with UnitOfWork(demo_sqlite, write=False) as uow:
        fallback = member_positions(uow, {gone})[0]
        home = uow.session.scalar(select(Grid.geometry).join(SquadMember, SquadMember.home_grid_id == Grid.id)
                                  .where(SquadMember.id == gone))
    assert len(positions) == 36
    for m in positions:
        assert (m.lon, m.lat, m.status) == (live[m.id].lon, live[m.id].lat, live[m.id].status), m.name
        assert m.incident == (live[m.id].incident_code or "")
    assert {m.status for m in positions} >= {"available", "on_scene"}  # coloured by status
    assert fallback.source == "home_grid"
    assert shapely.from_geojson(home).buffer(1e-4).contains(shapely.Point(fallback.lon, fallback.lat))


def test_incidents_layer_adds_updates_and_drops_closed_ones(demo_sqlite):
    layer = default_registry().get("incidents")
    with UnitOfWork(demo_sqlite) as uow:
        shown = json.loads(layer.build(uow).json())["rows"]
        first = int(shown[0][0])
        incidents.close_incident(uow, SYSTEM, first, reason="误报", expected_version=None)
    with UnitOfWork(demo_sqlite, write=False) as uow:
        up = json.loads(layer.update(uow, {str(first), str(int(shown[1][0]))}).json())
        vehicles = json.loads(default_registry().get("vehicles").update(uow, {"1", "99"}).json())
    assert up["remove"] == [str(first)] and [r[0] for r in up["upsert"]["rows"]] == [shown[1][0]]
    assert [r[0] for r in vehicles["upsert"]["rows"]] == ["1"] and vehicles["remove"] == ["99"]


def test_incremental_updates_carry_only_what_changed(demo_sqlite):
    registry = default_registry()
    with UnitOfWork(demo_sqlite) as uow:
        e = uow.session.get(Enterprise, 5)
        e.risk = "red"
        uow.session.delete(uow.session.get(Camera, 7))
        uow.commit()
    with UnitOfWork(demo_sqlite, write=False) as uow:
        up = json.loads(registry.get("enterprises").update(uow, {"5", "99999"}).json())
        cams = json.loads(registry.get("cameras").update(uow, {"7"}).json())
        grids = json.loads(registry.get("grids_street").update(uow, {"1"}).json())  # the district root
    assert [r[0] for r in up["upsert"]["rows"]] == ["5"] and up["upsert"]["rows"][0][4] == "red"
    assert up["remove"] == ["99999"]
    assert cams["upsert"]["rows"] == [] and cams["remove"] == ["7"]
    assert grids["upsert"]["features"] == [] and grids["remove"] == ["1"]


def test_registry_routes_changes_to_layers():
    registry = default_registry()
    changes = Changes((Change("enterprise", "4", "updated"), Change("grid", "9", "updated"),
                       Change("user", "2", "updated")))
    affected = registry.affected(changes)
    assert affected["enterprises"] == {"4"}
    assert all(affected[grid_layer_id(lv)] == {"9"} for lv in TERRITORIAL_LEVELS)
    assert "members" not in affected and "cameras" not in affected
    everything = registry.affected(Changes((Change("district", "demo", "created"),)))
    assert set(everything) == set(registry.ids()) and all(v is None for v in everything.values())
    extra = LayerRegistry()
    extra.add(Layer("x", "X", POINTS, lambda uow: Points(("id", "lon", "lat"), []), {}, frozenset({"thing"})))
    assert extra.affected(Changes((Change("thing", "1", "created"),))) == {"x": None}  # no update: rebuild
    with pytest.raises(ValueError):
        extra.add(Layer("x", "X", POINTS, lambda uow: None, {}))
    with pytest.raises(ValueError):
        Points(("lon", "lat", "id"), [])


def test_what_is_here_names_every_level_at_an_enterprise_grid(demo_db):
    with UnitOfWork(demo_db, write=False) as uow:
        s = uow.session
        g = s.scalars(select(Grid).where(Grid.level == GridLevel.ENTERPRISE).order_by(Grid.code)).first()
        p = shapely.from_geojson(g.geometry).representative_point()
        chain = {}
        node = g
        while node is not None:
            chain[GridLevel(node.level)] = node.id
            node = s.get(Grid, node.parent_id) if node.parent_id else None
        answer = queries.what_is_here(uow, GridLocator.from_session(s), p.x, p.y)
        outside = queries.what_is_here(uow, GridLocator.from_session(s), 100.0, 20.0)
    assert [h.level for h in answer.hits] == list(TERRITORIAL_LEVELS)
    assert {h.level: h.grid_id for h in answer.hits} == {lv: chain[lv] for lv in TERRITORIAL_LEVELS}
    assert answer.in_district and all(h.officer for h in answer.hits)
    assert outside.hits == () and not outside.in_district


def test_department_focus_lists_its_enterprises_and_their_grids(demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        dept = uow.session.scalar(select(Enterprise.lead_department_id).where(
            Enterprise.lead_department_id.is_not(None)).limit(1))
        ids = {str(i) for i in uow.session.scalars(select(Enterprise.id).where(Enterprise.lead_department_id == dept))}
        focus = queries.department_focus(uow, dept)
    assert set(focus["layers"]["enterprises"]) == ids and focus["dim"] == ["enterprises"]
    assert any(k.startswith("grids_") and v for k, v in focus["layers"].items())


def _config(live: bool = True) -> PageConfig:
    return PageConfig(bounds=(117.08, 34.17, 117.24, 34.29),
                      layers=[layer.definition() for layer in default_registry()], strings={}, live=live)


def test_the_live_page_links_only_local_files():
    html = render_page(_config())
    refs = re.findall(r'(?:src|href)\s*=\s*"([^"]+)"', html)
    assert refs and all(r.startswith(("file:///", "qrc:///")) for r in refs), refs
    assert not re.search(r"https?://", html.replace('http-equiv="content-type"', ""))
    assert "leaflet-1.9.3/leaflet.js" in html and "SafeGridMap.start(" in html


def test_an_exported_page_carries_everything_inside():
    html = render_page(_config(live=False), inline=True,
                       data={"enterprises": Points(("id", "lon", "lat", "name"), [["1", 117.1, 34.2, "</script>"]]).json()})
    markup = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)  # tags, not code
    assert "<script" not in markup and "<link" not in markup
    assert not re.findall(r'(?:src|href)\s*=\s*"([^"]+)"', markup)
    assert "qrc:" not in html and "file:" not in html
    assert "url(images/" not in html and "data:image/png;base64," in html  # leaflet.css images inlined
    assert html.count("</script>") == html.count("<script")  # the payload's "</script>" is escaped


def test_the_web_font_is_a_single_face_without_fftm():
    from desktop.maps.page import FONT_FILE

    ttf = ttc_face_to_ttf(FONT_FILE.read_bytes())
    assert ttf[:4] == b"\x00\x01\x00\x00" and b"FFTM" not in ttf[12:12 + 16 * 30]
