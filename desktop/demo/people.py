"""Demo people: grid officers ("一格一员") and the 36-strong rapid-response squad."""

from __future__ import annotations

import random
from collections.abc import Sequence

from desktop.demo import names
from desktop.demo.rows import OfficerRow, SquadMemberRow
from desktop.domain.enums import Employment, SquadRole

SQUAD_SIZE = 12  # per sub-squad: 1 captain, 1 deputy, 10 members


class People:
    """Hands out officers with unique names and phones; squad members share the phone book."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._names: set[str] = set()
        self._phones: set[str] = set()
        self.officers: list[OfficerRow] = []

    def officer(self, employment: Employment, duties: str = names.TERRITORY_DUTIES) -> str:
        """Create an officer and return the key to post on a grid."""
        key = f"OF{len(self.officers) + 1:04d}"
        self.officers.append(
            OfficerRow(
                key=key,
                name=names.person_name(self._rng, self._names),
                phone=names.mobile(self._rng, self._phones),
                employment=employment,
                duties=duties,
            )
        )
        return key

    def squad(self, home_grids: Sequence[Sequence[str]]) -> list[SquadMemberRow]:
        """The squad: sub-squad i (1-based) lives in `home_grids[i - 1]` (one grid per member)."""
        members: list[SquadMemberRow] = []
        for sub, grids in enumerate(home_grids, start=1):
            if len(grids) != SQUAD_SIZE:
                raise ValueError(f"sub-squad {sub} needs {SQUAD_SIZE} home grids, got {len(grids)}")
            for n, grid in enumerate(grids, start=1):
                role = SquadRole.CAPTAIN if n == 1 else SquadRole.DEPUTY if n == 2 else SquadRole.MEMBER
                members.append(
                    SquadMemberRow(
                        key=f"SQ{len(members) + 1:02d}",
                        name=names.person_name(self._rng, self._names),
                        sub_squad=sub,
                        role=role,
                        phone=names.mobile(self._rng, self._phones),
                        call_sign=f"突击{sub}-{n:02d}",
                        home_grid_code=grid,
                    )
                )
        return members
