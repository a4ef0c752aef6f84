"""The recommender against rankings worked out by hand on small fixtures with exact coordinates.

All units sit on the incident's meridian (lon 117.0), so each straight-line distance is the
latitude difference times the metres per degree of the mean Earth radius:
    6,371,008.8 m × π / 180 = 111,195.08 m per degree  →  0.001° = 111.195 m.
ETA = distance × road factor 1.4 ÷ speed (e-bike 18 km/h = 5 m/s, vehicle 30 km/h = 8.333 m/s).
"""

from __future__ import annotations

import math

import pytest

from desktop.domain.dispatch_settings import DispatchSettings
from desktop.domain.recommend import GridMatch, Spot, Unit, recommend
from desktop.domain.squad import MemberStatus, SquadUnitKind, TravelMode, VehicleStatus

M_PER_DEG = 6_371_008.8 * math.pi / 180
LON, LAT = 117.0, 34.0
SPOT = Spot(LON, LAT, sub_community_id=11, community_id=1, street_id=100, incident_type="fire", severity="low")
SETTINGS = DispatchSettings.from_json({"min_free_per_sub_squad": 0, "road_factor": 1.4,
                                       "speeds_kmh": {"ebike": 18, "vehicle": 30}})


def member(uid: int, name: str, dlat: float, sub: int | None, comm: int | None, street: int | None, *,
           squad: int = 1, status: str = MemberStatus.AVAILABLE) -> Unit:
    return Unit(SquadUnitKind.MEMBER, uid, name, status, squad, LON, LAT + dlat, sub, comm, street)


def vehicle(uid: int, name: str, dlat: float, sub, comm, street, *, squad: int = 1, kit=None) -> Unit:
    return Unit(SquadUnitKind.VEHICLE, uid, name, VehicleStatus.AVAILABLE, squad, LON, LAT + dlat, sub, comm,
                street, mode=TravelMode.VEHICLE, equipment=kit or {})


UNITS = [
    member(1, "A", 0.010, 11, 1, 100),                     # same sub-grid, 1,111.95 m
    member(2, "B", 0.005, 11, 1, 100),                     # same sub-grid,   555.98 m
    member(3, "C", 0.001, 12, 1, 100),                     # same community, 111.20 m (closest of all)
    member(4, "D", 0.002, 21, 2, 100),                     # same street
    member(5, "E", 0.0005, 31, 3, 200),                    # another street, 55.60 m
    vehicle(6, "F", 0.003, 32, 3, 200),                    # another street, 333.59 m by engine
    member(7, "G", 0.0002, 11, 1, 100, status=MemberStatus.EN_ROUTE),   # engaged: never
    member(8, "H", 0.001, 11, 1, 100, status=MemberStatus.OFF_DUTY),    # off duty: override only
    member(9, "I", 0.0001, 11, 1, 100, status=MemberStatus.LEAVE),      # on leave: never
]
STOCK = {1: {"extinguisher": 10, "radio": 5, "cordon_kit": 1}}


def test_ranks_by_grid_tier_then_eta():
    rec = recommend(SPOT, UNITS, SETTINGS, stock=STOCK)
    order = [c.unit.name for c in rec.candidates]
    # Tier 0 (same sub-grid): H 111 m, B 556 m, A 1,112 m; tier 1: C; tier 2: D;
    # tier 3: E (15.6 s by e-bike) before F (56.0 s by engine).
    assert order == ["H", "B", "A", "C", "D", "E", "F"]
    assert [c.grid_match for c in rec.candidates] == [GridMatch.SUB_COMMUNITY] * 3 + [
        GridMatch.COMMUNITY, GridMatch.STREET, GridMatch.OTHER, GridMatch.OTHER]
    assert {(e.unit.name, e.reason) for e in rec.excluded} == {("G", "engaged"), ("I", "leave")}


def test_distances_and_etas_are_the_hand_computed_ones():
    by = {c.unit.name: c for c in recommend(SPOT, UNITS, SETTINGS, stock=STOCK).candidates}
    assert by["B"].distance_m == pytest.approx(0.005 * M_PER_DEG, abs=0.01)  # 555.98 m
    assert by["B"].eta_s == pytest.approx(555.975 * 1.4 / 5, abs=0.01)      # 155.67 s
    assert by["A"].eta_s == pytest.approx(1111.951 * 1.4 / 5, abs=0.01)      # 311.35 s
    assert by["F"].eta_s == pytest.approx(333.585 * 1.4 / (30 / 3.6), abs=0.01)  # 56.04 s
    assert by["E"].eta_s == pytest.approx(55.598 * 1.4 / 5, abs=0.01)        # 15.57 s


def test_team_takes_the_nearest_on_duty_members_then_an_engine_for_a_fire():
    rec = recommend(SPOT, UNITS, SETTINGS, stock=STOCK)
    # Severity low: 2 members. H is nearer but off duty; the fire needs a micro fire engine.
    assert rec.team == ("member:2", "member:1", "vehicle:6")
    assert rec.missing == {}
    assert rec.covered == {"extinguisher": 4, "fire_engine": 1, "radio": 2}
    h = next(c for c in rec.candidates if c.unit.name == "H")
    assert not h.selected and h.needs_override == "off_duty"
    f = next(c for c in rec.candidates if c.unit.name == "F")
    assert "fire_engine" in next(r for r in f.reasons if r.code == "added_for").detail["kinds"]
    assert [r.code for r in rec.candidates[1].reasons][:3] == ["grid", "distance", "eta"]


def test_off_duty_is_taken_only_with_the_override():
    rec = recommend(SPOT, UNITS, SETTINGS, stock=STOCK, allow_off_duty=True)
    # On-duty members fill the team first; the override does not jump the queue.
    assert rec.team[:2] == ("member:2", "member:1")
    # Critical: 8 members wanted, 5 on duty: the off-duty member is added only with the override.
    spot = Spot(LON, LAT, 11, 1, 100, "other", "critical")
    rec = recommend(spot, UNITS, SETTINGS, stock=STOCK, allow_off_duty=True)
    assert rec.team == ("member:8", "member:2", "member:1", "member:3", "member:4", "member:5")
    rec = recommend(spot, UNITS, SETTINGS, stock=STOCK)
    assert rec.team == ("member:2", "member:1", "member:3", "member:4", "member:5")


def test_minimum_free_per_sub_squad_holds_members_back_unless_overridden():
    units = [member(1, "A", 0.001, 11, 1, 100, squad=1), member(2, "B", 0.002, 11, 1, 100, squad=1),
             member(3, "C", 0.003, 11, 1, 100, squad=1), member(4, "D", 0.004, 12, 1, 100, squad=2),
             member(5, "E", 0.005, 12, 1, 100, squad=2), member(6, "F", 0.006, 12, 1, 100, squad=2)]
    settings = DispatchSettings.from_json({"min_free_per_sub_squad": 2})
    spot = Spot(LON, LAT, 11, 1, 100, "other", "low")  # 2 members
    rec = recommend(spot, units, settings)
    # Squad 1 has 3 free: only A may go (2 stay); B is held back, so the next is D from squad 2.
    assert rec.team == ("member:1", "member:4")
    b = next(c for c in rec.candidates if c.unit.name == "B")
    assert b.needs_override == "min_free"
    assert next(r for r in b.reasons if r.code == "min_free").detail == {"sub_squad_id": 1, "free": 1, "minimum": 2}
    assert recommend(spot, units, settings, override_min_free=True).team == ("member:1", "member:2")
    # A vehicle is not a member: the minimum never holds an engine back.
    fire = Spot(LON, LAT, 11, 1, 100, "fire", "low")
    rec = recommend(fire, [*units, vehicle(7, "V", 0.02, 11, 1, 100, squad=1)], settings,
                    stock={1: {"extinguisher": 9, "radio": 9}})
    assert rec.team == ("member:1", "vehicle:7", "member:4")  # rank order: V shares the sub-grid


def test_equipment_from_another_sub_squad_when_the_nearest_lacks_it():
    units = [member(1, "A", 0.001, 11, 1, 100, squad=1), member(2, "B", 0.002, 11, 1, 100, squad=1),
             member(3, "C", 0.009, 12, 1, 100, squad=2)]
    stock = {1: {"extinguisher": 10}, 2: {"cordon_kit": 3, "extinguisher": 2}}
    spot = Spot(LON, LAT, 11, 1, 100, "hazardous_chemicals", "low")  # cordon ×2, extinguisher ×2, radio ×2
    rec = recommend(spot, units, SETTINGS, stock=stock)
    assert rec.team == ("member:1", "member:2", "member:3")
    assert rec.covered == {"cordon_kit": 2, "extinguisher": 2, "radio": 0}
    assert rec.missing == {"radio": 2}  # nobody has radios: reported, not hidden
    c = next(c for c in rec.candidates if c.unit.name == "C")
    assert next(r for r in c.reasons if r.code == "added_for").detail["kinds"] == ["cordon_kit"]
    covered, missing = rec.coverage(["member:1"])
    assert missing == {"cordon_kit": 2, "radio": 2}


def test_a_unit_without_a_position_comes_last_and_says_so():
    units = [Unit(SquadUnitKind.MEMBER, 1, "X", MemberStatus.AVAILABLE, 1), member(2, "B", 0.05, 99, 9, 900)]
    rec = recommend(SPOT, units, SETTINGS)
    assert [c.unit.name for c in rec.candidates] == ["B", "X"]
    assert rec.candidates[1].eta_s is None and rec.candidates[1].reasons[1].code == "no_position"


def test_speed_per_mode_and_road_factor_come_from_settings():
    slow = DispatchSettings.from_json({"min_free_per_sub_squad": 0, "road_factor": 2.0, "speeds_kmh": {"ebike": 9}})
    rec = recommend(SPOT, [member(1, "A", 0.01, 11, 1, 100)], slow)
    assert rec.candidates[0].eta_s == pytest.approx(1111.951 * 2.0 / 2.5, abs=0.01)
