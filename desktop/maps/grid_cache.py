"""The grid layers' payloads and the district's bounds, kept on disk between launches.

Building the grid layers (1,273 polygons with their label points) and the district outline is
most of the map's start-up work in Python. The grids change rarely, so a launch reads them from
files written by an earlier one, as long as the grids are as they were then. The key digests:

* the database (its URL without password): two databases never share an entry;
* the grids and their officers as they are now (`grid_state`): row count, highest id, sum of
  versions (every ORM edit bumps one) and of the lengths of geometry, name, code and level,
  officer ids, officer names: anything a grid payload shows changes it;
* the code that builds the payloads (the files of the layers' build functions and this one).

Qt-free; the map controller uses it on a worker. A folder that cannot be written is no error:
the layers are simply built, as without a cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from desktop.data.tables import Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.maps.layers import POLYGONS, Layer

log = logging.getLogger(__name__)

GRID_ENTITIES = frozenset({"grid"})
META = "meta.json"


def cacheable(layer: Layer) -> bool:
    """The grid layers: polygons kept live by the "grid" entity alone."""
    return layer.kind == POLYGONS and layer.entities == GRID_ENTITIES


def grid_state(uow: UnitOfWork) -> str:
    """A digest of every grid and officer row a grid payload is made of (one cheap query each)."""
    g = uow.session.execute(select(
        func.count(Grid.id), func.max(Grid.id), func.sum(Grid.version), func.sum(func.length(Grid.geometry)),
        func.sum(func.length(Grid.name)), func.sum(func.length(Grid.code)), func.sum(func.length(Grid.level)),
        func.sum(Grid.officer_id))).one()
    o = uow.session.execute(select(
        func.count(GridOfficer.id), func.max(GridOfficer.id), func.sum(GridOfficer.version),
        func.sum(func.length(GridOfficer.name)))).one()
    return json.dumps([[str(v) for v in g], [str(v) for v in o]])


def _code_stamp(layers: Iterable[Layer]) -> str:
    files = {Path(__file__)} | {Path(layer.build.__code__.co_filename) for layer in layers}
    out = []
    for path in sorted(files):
        try:
            st = path.stat()
            out.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            out.append(str(path))
    return "\n".join(out)


@dataclass(frozen=True)
class GridPayloads:
    payloads: dict[str, str]                   # layer id -> payload JSON text
    bounds: tuple[float, float, float, float]  # the district: min lon, min lat, max lon, max lat


class GridCache:
    """`load(uow, layers)` the cached payloads of the cacheable `layers`, or None; `store(...)`."""

    def __init__(self, folder: str | Path, database: str) -> None:
        self.folder = Path(folder)
        self.database = database

    def key(self, uow: UnitOfWork, layers: list[Layer]) -> str:
        text = "\n".join((self.database, grid_state(uow), _code_stamp(layers), *sorted(ly.id for ly in layers)))
        return hashlib.sha256(text.encode()).hexdigest()[:24]

    def load(self, uow: UnitOfWork, layers: list[Layer]) -> tuple[str, GridPayloads | None]:
        """(key, payloads) — payloads None when this state was never stored (or is unreadable)."""
        grids = [ly for ly in layers if cacheable(ly)]
        key = self.key(uow, grids)
        entry = self.folder / key
        try:
            meta = json.loads((entry / META).read_text(encoding="utf-8"))
            payloads = {ly.id: (entry / f"{ly.id}.json").read_text(encoding="utf-8") for ly in grids}
        except (OSError, ValueError):
            return key, None
        return key, GridPayloads(payloads, tuple(meta["bounds"]))

    def store(self, key: str, payloads: Mapping[str, str], bounds: tuple[float, float, float, float]) -> None:
        """Write one entry (atomically: a folder renamed into place) and drop the others."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
            for layer_id, text in payloads.items():
                (tmp / f"{layer_id}.json").write_text(text, encoding="utf-8")
            (tmp / META).write_text(json.dumps({"bounds": list(bounds)}), encoding="utf-8")
            try:
                os.rename(tmp, self.folder / key)
            except OSError:  # another instance stored the same state first
                shutil.rmtree(tmp, ignore_errors=True)
            for old in self.folder.iterdir():
                if old.name != key and old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            log.warning("map: cannot keep the grid layers in %s: %s", self.folder, exc)
