"""The hazard loop's state machine: every transition, every refusal, and replay."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from desktop.domain import hazard_flow as flow
from desktop.domain.enums import Role, Tier
from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.domain.hazard_flow import HazardAction as A
from desktop.domain.hazard_flow import HazardState, IllegalTransition, ReplayError, apply, replay
from desktop.domain.hazard_routing import Route
from desktop.domain.hazard_terms import AttachmentKind, Category, HazardStatus, Reinspection, Severity

S = HazardStatus
TODAY = date(2026, 6, 1)
DUTY = Role.DUTY
ROUTE = Route(7, Tier.STREET, 3)


def _run(*steps):
    """Apply command results in order; returns (state, events)."""
    state, events = None, []
    for make in steps:
        event = make(state)
        state = apply(state, event)
        events.append(event)
    return state, events


def _found(severity=Severity.GENERAL):
    return lambda s: flow.report("finder", DUTY, severity, Category.FIRE)


def _classify(severity=Severity.GENERAL, route=ROUTE):
    return lambda s: flow.classify(s, "duty", DUTY, severity, Category.FIRE, route)


def _assign(deadline=TODAY + timedelta(days=10), files=()):
    return lambda s: flow.assign(s, "duty", DUTY, "王建国", deadline, TODAY, "", files)


def _done(files=(AttachmentKind.EVIDENCE,), actor="rectifier"):
    return lambda s: flow.report_done(s, actor, DUTY, "done", files)


def _reinspect(passed, actor="inspector", deadline=TODAY + timedelta(days=5)):
    return lambda s: flow.reinspect(s, actor, DUTY, passed, "checked", TODAY, deadline)


def test_the_whole_loop_closes_after_a_passed_reinspection():
    state, events = _run(_found(), _classify(), _assign(), _done(), _reinspect(True))
    assert state.status is S.CLOSED and state.reinspection is Reinspection.PASSED
    assert [e.to_status for e in events] == [S.FOUND, S.CLASSIFIED, S.RECTIFYING, S.AWAITING_REINSPECTION, S.CLOSED]
    assert replay(events) == state


def test_a_failed_reinspection_returns_to_rectifying_with_a_new_deadline_and_counts():
    new = TODAY + timedelta(days=20)
    state, _ = _run(_found(), _classify(), _assign(), _done(), _reinspect(False, deadline=new))
    assert state.status is S.RECTIFYING and state.deadline == new and state.return_count == 1
    assert state.rectifier == "" and state.round_evidence == 0 and state.escalation_level == 0
    state, _ = _run(lambda s: flow.report("f", DUTY, Severity.GENERAL, Category.FIRE), _classify(), _assign(),
                    _done(), _reinspect(False), _done(), _reinspect(False), _done(), _reinspect(True))
    assert state.status is S.CLOSED and state.return_count == 2


@pytest.mark.parametrize(("status", "action"), [
    (S.FOUND, A.ASSIGN), (S.FOUND, A.REPORT_DONE), (S.FOUND, A.REINSPECT_PASS), (S.CLASSIFIED, A.REPORT_DONE),
    (S.RECTIFYING, A.CLASSIFY), (S.RECTIFYING, A.DISMISS), (S.AWAITING_REINSPECTION, A.ASSIGN),
    (S.CLOSED, A.CLASSIFY), (S.CLOSED, A.REINSPECT_FAIL), (S.DISMISSED, A.ASSIGN), (S.DISMISSED, A.ATTACH),
    (None, A.CLASSIFY), (S.CLASSIFIED, A.REPORT),
])
def test_illegal_transitions_name_the_status(status, action):
    with pytest.raises(IllegalTransition) as err:
        flow.target(status, action)
    assert err.value.field == "status"
    if status:
        assert status.value in err.value.message


def test_dismissal_needs_a_reason():
    found = apply(None, flow.report("f", DUTY, Severity.GENERAL, Category.OTHER))
    with pytest.raises(ValidationError) as err:
        flow.dismiss(found, "duty", DUTY, "  ")
    assert err.value.field == "reason"
    assert apply(found, flow.dismiss(found, "duty", DUTY, "not a hazard")).status is S.DISMISSED


def test_deadline_in_the_past_is_refused_today_is_fine():
    state, _ = _run(_found(), _classify())
    with pytest.raises(ValidationError) as err:
        flow.assign(state, "duty", DUTY, "王建国", TODAY - timedelta(days=1), TODAY)
    assert err.value.field == "deadline"
    assert apply(state, flow.assign(state, "duty", DUTY, "王建国", TODAY, TODAY)).deadline == TODAY


def test_assignment_needs_a_responsible_party():
    state, _ = _run(_found(), _classify())
    with pytest.raises(ValidationError) as err:
        flow.assign(state, "duty", DUTY, "", TODAY, TODAY)
    assert err.value.field == "responsible"


def test_a_major_hazard_needs_a_plan_before_rectification():
    state, _ = _run(_found(Severity.MAJOR), _classify(Severity.MAJOR))
    with pytest.raises(ValidationError) as err:
        flow.assign(state, "duty", DUTY, "王建国", TODAY + timedelta(days=30), TODAY)
    assert err.value.field == "plan"
    with_plan = apply(state, flow.attach(state, "duty", DUTY, [AttachmentKind.PLAN]))
    assert with_plan.has_plan
    assert apply(with_plan, flow.assign(with_plan, "duty", DUTY, "王", TODAY, TODAY)).status is S.RECTIFYING
    inline = flow.assign(state, "duty", DUTY, "王", TODAY, TODAY, "", [AttachmentKind.PLAN])
    assert apply(state, inline).has_plan


def test_an_unrouted_hazard_cannot_be_assigned():
    gap = Route(None, Tier.STREET, 3, unrouted=True, reason="gap")
    state, _ = _run(_found(), _classify(route=gap))
    assert state.unrouted and A.ASSIGN not in flow.allowed_actions(state, Role.DUTY)
    with pytest.raises(ValidationError) as err:
        flow.assign(state, "duty", DUTY, "王", TODAY, TODAY)
    assert err.value.field == "department"


def test_rectification_done_needs_evidence_and_a_note():
    state, _ = _run(_found(), _classify(), _assign())
    with pytest.raises(ValidationError) as err:
        flow.report_done(state, "r", DUTY, "done", [])
    assert err.value.field == "evidence"
    with pytest.raises(ValidationError) as err:
        flow.report_done(state, "r", DUTY, "", [AttachmentKind.EVIDENCE])
    assert err.value.field == "note"
    earlier = apply(state, flow.attach(state, "r", DUTY, [AttachmentKind.EVIDENCE]))
    assert apply(earlier, flow.report_done(earlier, "r", DUTY, "done")).status is S.AWAITING_REINSPECTION


def test_the_rectifier_cannot_reinspect_their_own_work():
    state, _ = _run(_found(), _classify(), _assign(), _done(actor="li"))
    assert {A.REINSPECT_PASS, A.REINSPECT_FAIL}.isdisjoint(flow.allowed_actions(state, Role.DUTY, "li"))
    for passed in (True, False):
        with pytest.raises(ValidationError) as err:
            flow.reinspect(state, "li", DUTY, passed, "ok", TODAY, TODAY + timedelta(days=3))
        assert err.value.field == "reinspector"


def test_a_failed_reinspection_needs_a_reason_and_a_future_deadline():
    state, _ = _run(_found(), _classify(), _assign(), _done())
    with pytest.raises(ValidationError, match="note"):
        flow.reinspect(state, "x", DUTY, False, "", TODAY, TODAY + timedelta(days=3))
    with pytest.raises(ValidationError) as err:
        flow.reinspect(state, "x", DUTY, False, "still broken", TODAY, TODAY - timedelta(days=1))
    assert err.value.field == "deadline"


def test_roles_viewers_only_add_notes_duty_handles_everything_but_escalation():
    state, _ = _run(_found(), _classify())
    assert flow.allowed_actions(state, Role.VIEWER) == {A.NOTE}
    assert {A.ASSIGN, A.DISMISS, A.CLASSIFY, A.NOTE, A.ATTACH} == flow.allowed_actions(state, Role.DUTY)
    with pytest.raises(PermissionDenied):
        flow.assign(state, "v", Role.VIEWER, "王", TODAY, TODAY)
    with pytest.raises(PermissionDenied):
        flow.escalate(replace(state, status=S.RECTIFYING), "duty", Role.DUTY, 2)
    assert apply(state, flow.add_note(state, "leader", Role.VIEWER, "请抓紧")).status is S.CLASSIFIED


def test_escalation_only_goes_up_and_resets_with_a_new_round():
    state, _ = _run(_found(), _classify(), _assign())
    up = apply(state, flow.escalate(state, "system", Role.ADMIN, 3))
    assert up.escalation_level == 3
    with pytest.raises(ValidationError):
        flow.escalate(up, "system", Role.ADMIN, 3)
    again = apply(up, flow.assign(up, "duty", DUTY, "王", TODAY + timedelta(days=9), TODAY))
    assert again.escalation_level == 0


def test_replay_refuses_a_log_the_machine_could_not_produce():
    state, events = _run(_found(), _classify(), _assign(), _done(actor="li"))
    forged = flow.FlowEvent(A.REINSPECT_PASS, "li", S.AWAITING_REINSPECTION, S.CLOSED)
    with pytest.raises(ReplayError):
        replay([*events, forged])
    skipped = flow.FlowEvent(A.REINSPECT_PASS, "x", S.RECTIFYING, S.CLOSED)
    with pytest.raises(ReplayError):
        replay(events[:3] + [skipped])
    with pytest.raises(ReplayError):
        replay([])


def test_report_carries_the_provisional_tier():
    event = flow.report("f", DUTY, Severity.MAJOR, Category.GAS, Tier.DISTRICT)
    assert apply(None, event) == HazardState(S.FOUND, Severity.MAJOR, Category.GAS, tier=Tier.DISTRICT)
