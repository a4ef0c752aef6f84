"""Squad and incident rules without a database: transitions, stale status, response times,
settings validation, the quarterly assessment."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.dispatch_settings import DispatchSettings, TrackingSettings
from desktop.domain.errors import ValidationError
from desktop.domain.incident import (
    IncidentRefused,
    IncidentStatus,
    check_incident_transition,
    response_times,
    summarize,
)
from desktop.domain.squad import MemberStatus, StatusRefused, cert_state, check_member_transition, is_stale
from desktop.domain.training import Attendance, Grade, TrainingKind, TrainingResult, assess, quarter_bounds

T0 = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(("cur", "new"), [
    (MemberStatus.AVAILABLE, MemberStatus.DISPATCHED), (MemberStatus.DISPATCHED, MemberStatus.EN_ROUTE),
    (MemberStatus.EN_ROUTE, MemberStatus.ON_SCENE), (MemberStatus.ON_SCENE, MemberStatus.RETURNING),
    (MemberStatus.RETURNING, MemberStatus.AVAILABLE), (MemberStatus.OFF_DUTY, MemberStatus.DISPATCHED),
    (MemberStatus.DISPATCHED, MemberStatus.AVAILABLE),
])
def test_member_moves_the_machine_allows(cur, new):
    check_member_transition(cur, new)


@pytest.mark.parametrize(("cur", "new"), [
    (MemberStatus.EN_ROUTE, MemberStatus.DISPATCHED), (MemberStatus.ON_SCENE, MemberStatus.AVAILABLE),
    (MemberStatus.LEAVE, MemberStatus.DISPATCHED), (MemberStatus.TRAINING, MemberStatus.ON_SCENE),
])
def test_member_moves_the_machine_refuses(cur, new):
    with pytest.raises(StatusRefused):
        check_member_transition(cur, new)


def test_stale_only_for_engaged_members_past_the_limit():
    assert is_stale(MemberStatus.ON_SCENE, T0, T0 + timedelta(minutes=20), 20)
    assert not is_stale(MemberStatus.ON_SCENE, T0, T0 + timedelta(minutes=19), 20)
    assert not is_stale(MemberStatus.AVAILABLE, T0, T0 + timedelta(hours=9), 20)
    assert not is_stale(MemberStatus.ON_SCENE, T0, T0 + timedelta(hours=9), 0)  # rule switched off


def test_certificate_states():
    today = date(2026, 5, 1)
    assert cert_state(date(2026, 4, 30), today, 30) == "expired"
    assert cert_state(date(2026, 5, 31), today, 30) == "expiring"
    assert cert_state(date(2026, 6, 1), today, 30) == "valid"
    assert cert_state(None, today, 30) == "permanent"


def test_lifecycle_needs_a_reason_to_close_without_hand_over():
    with pytest.raises(ValidationError) as err:
        check_incident_transition(IncidentStatus.ON_SCENE, IncidentStatus.CLOSED, "  ")
    assert err.value.field == "reason"
    assert check_incident_transition(IncidentStatus.ON_SCENE, IncidentStatus.CLOSED, " 误报 ") == "误报"
    assert check_incident_transition(IncidentStatus.HANDED_OVER, IncidentStatus.CLOSED) == ""
    with pytest.raises(IncidentRefused):
        check_incident_transition(IncidentStatus.REPORTED, IncidentStatus.HANDED_OVER)
    with pytest.raises(IncidentRefused):
        check_incident_transition(IncidentStatus.CLOSED, IncidentStatus.CLOSED, "again")


def test_response_times_against_targets_and_their_summary():
    fast = response_times(T0, T0 + timedelta(seconds=90), T0 + timedelta(seconds=390), 180, 480)
    slow = response_times(T0, T0 + timedelta(seconds=240), T0 + timedelta(seconds=840), 180, 480)
    open_ = response_times(T0, None, None, 180, 480)
    assert (fast.call_to_dispatch_s, fast.dispatch_to_arrival_s, fast.call_to_arrival_s) == (90, 300, 390)
    assert fast.dispatch_met and fast.arrival_met and not slow.dispatch_met and not slow.arrival_met
    assert open_.dispatch_met is None and open_.arrival_met is None
    s = summarize([fast, slow, open_], 180, 480)
    assert (s.incidents, s.dispatched, s.arrived) == (3, 2, 2)
    assert s.median_call_to_dispatch_s == 165 and s.p90_call_to_dispatch_s == 240
    assert s.dispatch_within_target == 0.5 and s.arrival_within_target == 0.5


def test_settings_defaults_overrides_and_named_refusals():
    st = DispatchSettings.from_json({"road_factor": 1.2, "equipment_needs": {"flooding": {"cordon_kit": 3}}})
    assert st.road_factor == 1.2 and st.needs("flooding") == {"cordon_kit": 3}
    assert st.needs("fire")["fire_engine"] == 1  # untouched types keep their defaults
    assert DispatchSettings.from_json(st.to_json()) == st
    for bad, field in [({"road_factor": 0.5}, "road_factor"), ({"speeds_kmh": {"rocket": 3}}, "speeds_kmh"),
                       ({"equipment_needs": {"fire": {"hose": 1}}}, "equipment_needs.fire"),
                       ({"team_size": {"low": "two"}}, "team_size.low"), ({"nonsense": 1}, "nonsense")]:
        with pytest.raises(ValidationError) as err:
            DispatchSettings.from_json(bad)
        assert err.value.field == field
    assert TrackingSettings().host == "127.0.0.1" and not TrackingSettings().enabled
    with pytest.raises(ValidationError) as err:
        TrackingSettings.from_json({"host": "example.org"})
    assert err.value.field == "host"


def test_quarterly_assessment():
    assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2027, 1, 1))
    recs = [Attendance(TrainingKind.TRAINING, date(2026, 1, 5 + i), 120, TrainingResult.PASS) for i in range(10)]
    recs += [Attendance(TrainingKind.DRILL, date(2026, 2, 1), 240, TrainingResult.EXCELLENT),
             Attendance(TrainingKind.TRAINING, date(2026, 2, 8), 120, TrainingResult.ABSENT)]
    a = assess(recs, required_hours=24)
    # 24 h attended of 24: 60; results (10×80 + 100)/11 = 81.8 × 0.4 = 32.7; one absence −5.
    assert (a.sessions, a.drills, a.hours, a.absences) == (11, 1, 24.0, 1)
    assert a.score == pytest.approx(87.7, abs=0.05) and a.grade is Grade.GOOD
    assert assess([], 24).grade is Grade.UNQUALIFIED
