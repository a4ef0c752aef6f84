"""What the hazard screen's pickers and forms need besides the hazard API: the grids below a
community (the grid filter, a hazard in a public place), a point surely inside a grid, and the
user's chosen files read as attachments (the 10 MB cap checked before a byte is read)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import shapely
from sqlalchemy import select

from desktop.data.tables import Grid
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.hazard_terms import AttachmentKind
from desktop.services.hazard_files import MAX_BYTES, NewAttachment
from desktop.services.reference import Choice


def grid_choices(uow: UnitOfWork, community_id: int) -> tuple[Choice, ...]:
    """The sub-community grids of a community, in code order (parent_id: the community)."""
    rows = uow.session.execute(
        select(Grid.id, Grid.name, Grid.code).where(Grid.parent_id == community_id,
                                                     Grid.level == GridLevel.SUB_COMMUNITY).order_by(Grid.code))
    return tuple(Choice(r.id, f"{r.name}（{r.code}）", community_id) for r in rows)


def grid_point(uow: UnitOfWork, grid_id: int) -> tuple[float, float]:
    """A point surely inside the grid (lon, lat): where a hazard "somewhere in this grid" sits."""
    geometry = uow.session.scalar(select(Grid.geometry).where(Grid.id == grid_id))
    if geometry is None:
        raise NotFound("grid", grid_id)
    p = shapely.from_geojson(geometry).representative_point()
    return round(p.x, 6), round(p.y, 6)


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_attachments(paths: Iterable[str | Path], kind: AttachmentKind) -> tuple[NewAttachment, ...]:
    """The files as attachments of `kind`; a file over the cap or unreadable is refused by name
    (field "files") before anything is stored. The services check the content (images) again."""
    out = []
    for raw in paths:
        path = Path(raw)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise ValidationError("files", f"{path.name} is {_megabytes(size)}; at most "
                                               f"{_megabytes(MAX_BYTES)} allowed")
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError("files", f"{path.name} cannot be read: {exc.strerror or exc}") from None
        out.append(NewAttachment(path.name, data, kind))
    return tuple(out)
