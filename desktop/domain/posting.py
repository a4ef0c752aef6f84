"""Which grids a run of posting sheets (挂牌公示) covers: kept apart so the CLI parser stays light."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PostingSelection:
    """Exactly one of: `all`, a community (name or code), a grid (code or exact name)."""

    community: str | None = None
    grid: str | None = None
    all: bool = False
