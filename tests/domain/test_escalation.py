"""The escalation ladder: a pure function of deadline and day; it only climbs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.escalation import EscalationPolicy, level_at, level_name, next_level, overdue_days
from desktop.domain.hazard_policy import HazardPolicy
from desktop.domain.hazard_terms import Severity

POLICY = EscalationPolicy(reminder_days=3, overdue_days=(1, 7, 15))
DEADLINE = date(2026, 6, 10)


@pytest.mark.parametrize(("offset", "level"), [
    (-10, 0), (-4, 0), (-3, 1), (0, 1), (1, 2), (6, 2), (7, 3), (14, 3), (15, 4), (400, 4),
])
def test_the_ladder(offset, level):
    assert level_at(DEADLINE, DEADLINE + timedelta(days=offset), POLICY) == level


def test_no_deadline_no_level_and_overdue_days():
    assert level_at(None, DEADLINE, POLICY) == 0
    assert overdue_days(DEADLINE, DEADLINE) == 0 and overdue_days(DEADLINE, DEADLINE + timedelta(days=5)) == 5
    assert level_name(2) == "逾期催办" and level_name(9).startswith("督办")


def test_next_level_is_idempotent_and_never_goes_down():
    today = DEADLINE + timedelta(days=8)
    assert next_level(0, DEADLINE, today, POLICY) == 3
    assert next_level(3, DEADLINE, today, POLICY) is None
    assert next_level(4, DEADLINE, today, POLICY) is None


@given(st.integers(-30, 60), st.integers(0, 30))
def test_level_is_monotonic_in_time(day, later):
    a = level_at(DEADLINE, DEADLINE + timedelta(days=day), POLICY)
    b = level_at(DEADLINE, DEADLINE + timedelta(days=day + later), POLICY)
    assert a <= b <= POLICY.top


@pytest.mark.parametrize(("reminder", "steps"), [(3, (1, 7)), (3, (0, 3, 9)), (3, (5, 5, 9)), (-1, (1, 2, 3))])
def test_bad_ladders_are_refused(reminder, steps):
    with pytest.raises(ValidationError):
        EscalationPolicy(reminder, steps)


def test_a_longer_ladder_is_allowed():
    policy = EscalationPolicy(2, (1, 3, 7, 30))
    assert policy.top == 5 and level_at(DEADLINE, DEADLINE + timedelta(days=30), policy) == 5


def test_hazard_policy_round_trips_and_defaults_per_severity():
    policy = HazardPolicy(10, 45, EscalationPolicy(2, (1, 5, 10)))
    assert HazardPolicy.from_json(policy.to_json()) == policy
    assert HazardPolicy.from_json(None) == HazardPolicy()
    assert policy.default_deadline(Severity.MAJOR, DEADLINE) == DEADLINE + timedelta(days=45)
    with pytest.raises(ValidationError):
        HazardPolicy(0, 10)
    with pytest.raises(ValidationError):
        HazardPolicy.from_json('{"overdue_days": [1]}')
