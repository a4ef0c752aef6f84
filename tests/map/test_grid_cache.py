"""The grid layers kept on disk: read back while the grids are unchanged, rebuilt when not."""

from __future__ import annotations

from sqlalchemy import select

from desktop.data.tables import Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.maps.catalogue import default_registry
from desktop.maps.grid_cache import GridCache, cacheable
from desktop.services.locate import GridLocator


def _grid_layers():
    return [layer for layer in default_registry() if cacheable(layer)]


def _build(db):
    layers = _grid_layers()
    with UnitOfWork(db, write=False) as uow:
        payloads = {layer.id: layer.build(uow).json() for layer in layers}
        bounds = GridLocator.from_session(uow.session).bounds()
    return layers, payloads, bounds


def _load(cache: GridCache, db, layers):
    with UnitOfWork(db, write=False) as uow:
        return cache.load(uow, layers)


def test_only_the_grid_layers_are_kept():
    ids = [layer.id for layer in default_registry() if cacheable(layer)]
    assert sorted(ids) == ["grids_community", "grids_enterprise", "grids_street", "grids_sub_community"]


def test_the_stored_layers_come_back_while_the_grids_are_unchanged(demo_sqlite, tmp_path):
    cache = GridCache(tmp_path / "grids", "sqlite:///demo")
    layers, payloads, bounds = _build(demo_sqlite)
    key, hit = _load(cache, demo_sqlite, layers)
    assert hit is None                                   # nothing stored yet
    cache.store(key, payloads, bounds)
    key2, hit = _load(cache, demo_sqlite, layers)
    assert key2 == key and hit is not None
    assert hit.payloads == payloads and hit.bounds == tuple(bounds)
    assert _load(GridCache(tmp_path / "grids", "sqlite:///other"), demo_sqlite, layers)[1] is None


def test_a_changed_grid_or_officer_invalidates_the_entry(demo_db, tmp_path):
    demo_sqlite = demo_db  # both backends: the state query runs on each
    cache = GridCache(tmp_path / "grids", "db")
    layers, payloads, bounds = _build(demo_sqlite)
    key, _ = _load(cache, demo_sqlite, layers)
    cache.store(key, payloads, bounds)

    with UnitOfWork(demo_sqlite) as uow:
        grid = uow.session.scalars(select(Grid).order_by(Grid.id)).first()
        grid.name = grid.name + "（改）"
        uow.commit()
    key_after_grid, hit = _load(cache, demo_sqlite, layers)
    assert hit is None and key_after_grid != key
    layers, payloads, bounds = _build(demo_sqlite)
    cache.store(key_after_grid, payloads, bounds)
    assert [p.name for p in (tmp_path / "grids").iterdir()] == [key_after_grid]   # the old entry went

    with UnitOfWork(demo_sqlite) as uow:
        officer = uow.session.scalars(select(GridOfficer).order_by(GridOfficer.id)).first()
        officer.name = "新" + officer.name
        uow.commit()
    assert _load(cache, demo_sqlite, layers)[1] is None


def test_an_unwritable_folder_is_no_error(demo_sqlite, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = GridCache(blocker / "grids", "sqlite:///demo")
    layers, payloads, bounds = _build(demo_sqlite)
    key, _ = _load(cache, demo_sqlite, layers)
    cache.store(key, payloads, bounds)                  # logged, not raised
    assert _load(cache, demo_sqlite, layers)[1] is None
