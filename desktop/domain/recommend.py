"""Who to send: rank the squad's members and vehicles for an incident, and propose a team.

Ranking (nearest first, by grid): units in the incident's own sub-community grid first, then in
its community, then in its street, then everyone else; within each tier by estimated travel time
(straight-line distance × road factor ÷ the speed of the unit's travel mode). Units with no known
position come last.

The proposed team takes members in rank order until the severity's team size is reached, keeping
the configured minimum of members free in every sub-squad unless the dispatcher overrides; then
adds units until the incident type's equipment needs are covered. Equipment comes from the ready
stock of the sub-squads the team's members belong to and from the team's vehicles (a micro fire
engine need is met only by a vehicle). Members engaged elsewhere, on leave or in training are
never proposed; off-duty members are listed but need an explicit override.

Pure and fast: no I/O; a squad of 36 takes well under a millisecond.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType

from desktop.domain.dispatch_settings import DispatchSettings
from desktop.domain.squad import (
    ENGAGED,
    VEHICLE_ENGAGED,
    EquipmentKind,
    MemberStatus,
    SquadUnitKind,
    TravelMode,
    VehicleStatus,
)
from desktop.domain.travel import distance_m, eta_s

EMPTY: Mapping[str, int] = MappingProxyType({})


class GridMatch(IntEnum):
    """How close a unit is by grid; lower is better."""

    SUB_COMMUNITY = 0
    COMMUNITY = 1
    STREET = 2
    OTHER = 3


@dataclass(frozen=True)
class Unit:
    """A member or vehicle as the recommender sees it (built by the dispatch service)."""

    kind: SquadUnitKind
    id: int
    name: str
    status: str
    sub_squad_id: int | None
    lon: float | None = None
    lat: float | None = None
    sub_community_id: int | None = None
    community_id: int | None = None
    street_id: int | None = None
    mode: str = TravelMode.EBIKE
    equipment: Mapping[str, int] = field(default_factory=dict)  # carried by the unit itself (a vehicle kit)
    key: str = field(init=False, repr=False, compare=False)  # "member:12" / "vehicle:3"

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.kind}:{self.id}")


@dataclass(frozen=True)
class Spot:
    """The incident: where, and what kind (its grids resolved at intake)."""

    lon: float
    lat: float
    sub_community_id: int | None
    community_id: int | None
    street_id: int | None
    incident_type: str
    severity: str


@dataclass(frozen=True)
class Reason:
    """One line of "why": `code` plus values, so the GUI can word it in any language."""

    code: str  # grid | distance | eta | equipment | off_duty | min_free | no_position | added_for
    detail: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        d = self.detail
        if self.code == "grid":
            return {GridMatch.SUB_COMMUNITY: "same sub-community grid", GridMatch.COMMUNITY: "same community",
                    GridMatch.STREET: "same street"}.get(d["match"], "another street")
        if self.code == "distance":
            return f"{d['metres'] / 1000:.2f} km straight line"
        if self.code == "eta":
            return f"about {d['seconds'] / 60:.1f} min by {d['mode']}"
        if self.code == "equipment":
            items = ", ".join(f"{k} ×{n}" for k, n in d["items"].items())
            return f"{d['source']}: {items}" if items else f"{d['source']}: no ready equipment"
        if self.code == "off_duty":
            return "off duty: dispatch needs an override"
        if self.code == "min_free":
            return (f"would leave sub-squad {d['sub_squad_id']} with {d['free']} free "
                    f"(minimum {d['minimum']}): needs an override")
        if self.code == "added_for":
            return "added for " + ", ".join(d["kinds"])
        if self.code == "no_position":
            return "position unknown"
        return self.code


@dataclass(frozen=True)
class Candidate:
    unit: Unit
    rank: int                       # 1 = best
    grid_match: GridMatch
    distance_m: float | None
    eta_s: float | None
    brings: Mapping[str, int]       # equipment reachable through this unit
    selected: bool                  # in the proposed team
    needs_override: str | None      # "off_duty" | "min_free" | None
    held: Mapping[str, int] | None = None        # min_free detail: sub_squad_id, free, minimum
    added_for: tuple[str, ...] = ()              # equipment kinds it was added to the team for

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why it ranks where it does, in order: grid, distance, ETA, equipment, overrides.
        Built on demand: a list of 1,000 candidates is ranked without building 5,000 of them."""
        out = [Reason("grid", {"match": self.grid_match})]
        if self.distance_m is None:
            out.append(Reason("no_position"))
        else:
            out.append(Reason("distance", {"metres": self.distance_m}))
            out.append(Reason("eta", {"seconds": self.eta_s, "mode": self.unit.mode}))
        source = "carries" if self.unit.kind is SquadUnitKind.VEHICLE else "sub-squad stock"
        out.append(Reason("equipment", {"source": source, "items": dict(self.brings)}))
        if self.needs_override == "off_duty":
            out.append(Reason("off_duty"))
        elif self.needs_override == "min_free" and self.held is not None:
            out.append(Reason("min_free", dict(self.held)))
        if self.added_for:
            out.append(Reason("added_for", {"kinds": list(self.added_for)}))
        return tuple(out)


@dataclass(frozen=True)
class Excluded:
    unit: Unit
    reason: str  # engaged | training | leave | maintenance


@dataclass(frozen=True)
class Recommendation:
    candidates: tuple[Candidate, ...]    # ranked, members and vehicles together
    team: tuple[str, ...]                # unit keys of the proposed team, in rank order
    members_wanted: int
    needs: Mapping[str, int]
    covered: Mapping[str, int]
    missing: Mapping[str, int]
    excluded: tuple[Excluded, ...]
    stock: Mapping[int, Mapping[str, int]]  # ready equipment per sub-squad

    def coverage(self, keys: Iterable[str]) -> tuple[dict[str, int], dict[str, int]]:
        """(covered, missing) for a team the dispatcher edited."""
        by_key = {c.unit.key: c.unit for c in self.candidates}
        units = [by_key[k] for k in keys if k in by_key]
        return _coverage(units, self.stock, self.needs)


def grid_match(unit: Unit, spot: Spot) -> GridMatch:
    if unit.sub_community_id is not None and unit.sub_community_id == spot.sub_community_id:
        return GridMatch.SUB_COMMUNITY
    if unit.community_id is not None and unit.community_id == spot.community_id:
        return GridMatch.COMMUNITY
    if unit.street_id is not None and unit.street_id == spot.street_id:
        return GridMatch.STREET
    return GridMatch.OTHER


def _brings(unit: Unit, stock: Mapping[int, Mapping[str, int]]) -> dict[str, int]:
    if unit.kind is SquadUnitKind.VEHICLE:
        items = {k: n for k, n in unit.equipment.items() if n > 0 and k != EquipmentKind.FIRE_ENGINE}
        items[EquipmentKind.FIRE_ENGINE] = 1
        return items
    own = stock.get(unit.sub_squad_id, EMPTY) if unit.sub_squad_id is not None else EMPTY
    # A fire engine is a vehicle: a sub-squad's register count of them is met by its vehicles.
    return {k: n for k, n in own.items() if n > 0 and k != EquipmentKind.FIRE_ENGINE}


def _coverage(units: Sequence[Unit], stock: Mapping[int, Mapping[str, int]], needs: Mapping[str, int],
              brings: Callable[[Unit], dict[str, int]] | None = None) -> tuple[dict[str, int], dict[str, int]]:
    total: Counter[str] = Counter()
    squads: set[int] = set()
    for u in units:
        if u.kind is SquadUnitKind.MEMBER:
            if u.sub_squad_id is None or u.sub_squad_id in squads:
                continue
            squads.add(u.sub_squad_id)
        total.update(brings(u) if brings is not None else _brings(u, stock))
    covered = {k: min(total.get(k, 0), n) for k, n in needs.items()}
    missing = {k: n - covered[k] for k, n in needs.items() if covered[k] < n}
    return covered, missing


def _exclusion(unit: Unit) -> str | None:
    if unit.kind is SquadUnitKind.VEHICLE:
        if unit.status in VEHICLE_ENGAGED:
            return "engaged"
        return "maintenance" if unit.status == VehicleStatus.MAINTENANCE else None
    if unit.status in ENGAGED:
        return "engaged"
    if unit.status == MemberStatus.TRAINING:
        return "training"
    if unit.status == MemberStatus.LEAVE:
        return "leave"
    return None


def recommend(spot: Spot, units: Iterable[Unit], settings: DispatchSettings, *,
              stock: Mapping[int, Mapping[str, int]] | None = None, allow_off_duty: bool = False,
              override_min_free: bool = False) -> Recommendation:
    """Rank `units` (the whole squad and its vehicles) for `spot` and propose a team."""
    stock = stock or {}
    needs = dict(settings.needs(spot.incident_type))
    wanted = settings.members_for(spot.severity)
    road = settings.road_factor
    excluded: list[Excluded] = []
    scored: list[tuple[tuple, Unit, GridMatch, float | None, float | None]] = []
    free: Counter[int] = Counter()
    for u in units:
        why = _exclusion(u)
        if why is not None:
            excluded.append(Excluded(u, why))
            continue
        if u.kind is SquadUnitKind.MEMBER and u.status == MemberStatus.AVAILABLE and u.sub_squad_id is not None:
            free[u.sub_squad_id] += 1
        match = grid_match(u, spot)
        if u.lon is None or u.lat is None:
            dist = eta = None
        else:
            dist = distance_m(u.lon, u.lat, spot.lon, spot.lat)
            eta = eta_s(dist, road, settings.speed(u.mode))
        scored.append(((match, math.inf if eta is None else eta, u.kind, u.name, u.id), u, match, dist, eta))
    scored.sort(key=lambda t: t[0])

    chosen: list[Unit] = []
    chosen_keys: set[str] = set()
    taken: Counter[int] = Counter()
    held: dict[str, dict] = {}
    added_for: dict[str, list[str]] = {}

    def room(u: Unit) -> bool:
        """Taking an available member must leave `min_free` free in its sub-squad."""
        if (u.kind is not SquadUnitKind.MEMBER or u.status != MemberStatus.AVAILABLE or u.sub_squad_id is None
                or override_min_free):
            return True
        left = free[u.sub_squad_id] - taken[u.sub_squad_id] - 1
        if left < settings.min_free_per_sub_squad:
            held[u.key] = {"sub_squad_id": u.sub_squad_id, "free": max(left, 0),
                           "minimum": settings.min_free_per_sub_squad}
            return False
        return True

    taken_squads: set[int | None] = set()

    def take(u: Unit) -> None:
        chosen.append(u)
        chosen_keys.add(u.key)
        if u.kind is SquadUnitKind.MEMBER:
            taken_squads.add(u.sub_squad_id)
        if u.kind is SquadUnitKind.MEMBER and u.status == MemberStatus.AVAILABLE and u.sub_squad_id is not None:
            taken[u.sub_squad_id] += 1

    members = [t[1] for t in scored if t[1].kind is SquadUnitKind.MEMBER]
    vehicles = [t[1] for t in scored if t[1].kind is SquadUnitKind.VEHICLE]
    statuses = [MemberStatus.AVAILABLE] + ([MemberStatus.OFF_DUTY] if allow_off_duty else [])
    for status in statuses:
        for u in members:
            if len(chosen) >= wanted:  # only members are chosen in this pass
                break
            if u.status == status and u.key not in chosen_keys and room(u):
                take(u)
    gives_of: dict[object, dict[str, int]] = {}

    def brings(u: Unit) -> dict[str, int]:
        # Members of one sub-squad all reach the same stock: one dict per sub-squad.
        k = u.key if u.kind is SquadUnitKind.VEHICLE else u.sub_squad_id
        if k not in gives_of:
            gives_of[k] = _brings(u, stock)
        return gives_of[k]

    _, missing = _coverage(chosen, stock, needs, brings)
    # Equipment: vehicles first (they carry the engine and their own kit), then a member from a
    # sub-squad whose stock adds something missing.
    for pool in (vehicles, members):
        for u in pool:
            if not missing:
                break
            if u.key in chosen_keys or (u.status == MemberStatus.OFF_DUTY and not allow_off_duty):
                continue
            if u.kind is SquadUnitKind.MEMBER and u.sub_squad_id in taken_squads:
                continue  # its sub-squad's stock is already counted
            gives = brings(u)
            useful = [k for k in missing if gives.get(k, 0) > 0]
            if useful and room(u):
                take(u)
                added_for[u.key] = useful
                _, missing = _coverage(chosen, stock, needs, brings)
    covered, missing = _coverage(chosen, stock, needs, brings)

    candidates: list[Candidate] = []
    proxies: dict[int, Mapping[str, int]] = {}
    for rank, (_, u, match, dist, eta) in enumerate(scored, start=1):
        gives = brings(u)
        proxy = proxies.get(id(gives))
        if proxy is None:
            proxy = proxies[id(gives)] = MappingProxyType(gives)
        override = None
        if u.status == MemberStatus.OFF_DUTY:
            override = "off_duty"
        elif u.key in held and u.key not in chosen_keys:
            override = "min_free"
        candidates.append(Candidate(u, rank, match, dist, eta, proxy, u.key in chosen_keys, override,
                                    held.get(u.key), tuple(added_for.get(u.key, ()))))
    team = tuple(c.unit.key for c in candidates if c.selected)
    return Recommendation(tuple(candidates), team, wanted, MappingProxyType(needs),
                          MappingProxyType(covered), MappingProxyType(missing), tuple(excluded),
                          MappingProxyType({k: MappingProxyType(dict(v)) for k, v in stock.items()}))
