"""GeoJSON overlays and cameras: validated, all or nothing, kept in the database, audited."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from desktop.data.map_tables import MapOverlay
from desktop.data.tables import AuditEntry
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.maps.overlay_layers import overlay_features
from desktop.services import cameras, overlays
from desktop.services.common import Actor

ADMIN = Actor("admin", "管理员", Role.ADMIN)
VIEWER = Actor("viewer", "查阅", Role.VIEWER)


def feature(geom: dict, name: str = "") -> dict:
    return {"type": "Feature", "properties": {"name": name} if name else {}, "geometry": geom}


def point(lon: float = 117.16, lat: float = 34.23) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}, ensure_ascii=False)


def test_a_valid_file_becomes_one_overlay_with_its_features(demo_db):
    text = collection(feature(point(), "泉山区应急避难场所"),
                      feature({"type": "Polygon", "coordinates": [[[117.15, 34.22], [117.16, 34.22],
                                                                   [117.16, 34.23], [117.15, 34.22]]]}, "广场"),
                      feature({"type": "LineString", "coordinates": [[117.1, 34.2], [117.11, 34.21]]}))
    with UnitOfWork(demo_db) as uow:
        oid = overlays.import_overlay(uow, ADMIN, " 应急避难场所 ", "#2E7D32", text.encode(), "shelters.geojson")
    with UnitOfWork(demo_db, write=False) as uow:
        infos = overlays.list_overlays(uow)
        feats = overlay_features(uow, oid)
        audit = uow.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "map_overlay"))
    assert [(i.name, i.colour, i.feature_count) for i in infos] == [("应急避难场所", "#2e7d32", 3)]
    assert len(feats) == 3 and feats.features[0].properties["n"] == "泉山区应急避难场所"
    assert audit == 1
    with UnitOfWork(demo_db) as uow, pytest.raises(ValidationError, match="already exists"):
        overlays.import_overlay(uow, ADMIN, "应急避难场所", "#2e7d32", text)


@pytest.mark.parametrize(("text", "field", "words"), [
    ("{not json", "file", "line 1 column 2"),
    (json.dumps({"type": "Topology"}), "file", "unsupported GeoJSON type"),
    (collection(), "file", "no features"),
    (collection(feature(point()), feature(point(500000.0, 3800000.0), "化工园")), "file",
     "feature 2 (“化工园”): coordinates"),
    (collection(feature({"type": "Polygon", "coordinates": [[[117.15, 34.22], [117.16, 34.23],
                                                            [117.16, 34.22], [117.15, 34.23],
                                                            [117.15, 34.22]]]})), "file", "Self-intersection"),
    (collection(feature(point(), "甲"), feature(point(2.35, 48.85), "巴黎")), "file", "far outside the district"),
    (collection({"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": []}}), "file",
     "not supported"),
])
def test_a_faulty_file_is_refused_whole_with_the_problem_named(demo_sqlite, text, field, words):
    with UnitOfWork(demo_sqlite) as uow, pytest.raises(ValidationError) as err:
        overlays.import_overlay(uow, ADMIN, "重点设施", "#1f77b4", text)
    assert err.value.field == field and words in err.value.reason
    with UnitOfWork(demo_sqlite, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(MapOverlay)) == 0


def test_bad_name_colour_and_role_are_refused(demo_sqlite):
    text = collection(feature(point()))
    with UnitOfWork(demo_sqlite) as uow:
        with pytest.raises(ValidationError) as err:
            overlays.import_overlay(uow, ADMIN, "x", "green", text)
        assert err.value.field == "colour"
        with pytest.raises(ValidationError) as err:
            overlays.import_overlay(uow, ADMIN, "  ", "#00ff00", text)
        assert err.value.field == "name"
        with pytest.raises(PermissionDenied):
            overlays.import_overlay(uow, VIEWER, "x", "#00ff00", text)


def test_overlays_can_be_deleted(demo_sqlite):
    with UnitOfWork(demo_sqlite) as uow:
        oid = overlays.import_overlay(uow, ADMIN, "a", "#00ff00", collection(feature(point())))
    with UnitOfWork(demo_sqlite) as uow:
        overlays.delete_overlay(uow, ADMIN, oid)
        assert [c.entity for c in uow.changes.items] == ["map_overlay"]
    with UnitOfWork(demo_sqlite, write=False) as uow:
        assert overlays.list_overlays(uow) == []


def test_cameras_are_listed_and_added_with_their_stream(demo_db):
    with UnitOfWork(demo_db) as uow:
        before = len(cameras.list_cameras(uow))
        cid = cameras.add_camera(uow, ADMIN, cameras.CameraInput("cam-x1", "矿大南门", 117.15, 34.22,
                                                                 "rtsp://10.1.2.3/live"))
    with UnitOfWork(demo_db) as uow:
        rows = cameras.list_cameras(uow, {cid})
        assert rows[0].code == "CAM-X1" and rows[0].stream_url == "rtsp://10.1.2.3/live"
        assert len(cameras.list_cameras(uow)) == before + 1
        with pytest.raises(ValidationError) as err:
            cameras.add_camera(uow, ADMIN, cameras.CameraInput("c2", "x", 117.1, 34.2, "ftp://x"))
        assert err.value.field == "stream_url"
        with pytest.raises(ValidationError) as err:
            cameras.add_camera(uow, ADMIN, cameras.CameraInput("CAM-X1", "x", 117.1, 34.2))
        assert err.value.field == "code"
