"""Small reference lists for pickers and filters (streets, communities, industries, departments)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.data.tables import Department, Grid, Industry
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    parent_id: int | None = None


@dataclass(frozen=True)
class ReferenceLists:
    streets: tuple[Choice, ...]
    communities: tuple[Choice, ...]  # parent_id: the street
    industries: tuple[Choice, ...]
    departments: tuple[Choice, ...]


def reference_lists(uow: UnitOfWork) -> ReferenceLists:
    s = uow.session

    def grids(level: GridLevel) -> tuple[Choice, ...]:
        q = select(Grid.id, Grid.name, Grid.parent_id).where(Grid.level == level).order_by(Grid.code)
        return tuple(Choice(r.id, r.name, r.parent_id) for r in s.execute(q))

    return ReferenceLists(
        grids(GridLevel.STREET),
        grids(GridLevel.COMMUNITY),
        tuple(Choice(r.id, r.name) for r in s.execute(select(Industry.id, Industry.name).order_by(Industry.code))),
        tuple(Choice(r.id, r.name) for r in s.execute(select(Department.id, Department.name).order_by(Department.code))),
    )
