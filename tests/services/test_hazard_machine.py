"""Random sequences of officers' actions on tickets, through the services on a real database:
no ticket reaches Closed without a passed re-inspection by someone other than its rectifier, a
refused action writes nothing, and each ticket's event log replays to its row."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from desktop.data.engine import Database, open_database
from desktop.data.tables_hazards import Hazard, HazardEvent
from desktop.domain.enums import Role
from desktop.domain.errors import DomainError
from desktop.domain.hazard_flow import FlowEvent, HazardAction, replay
from desktop.domain.hazard_terms import AttachmentKind, HazardStatus, Severity, district_today
from desktop.services import hazards as hz
from desktop.services.common import Actor
from desktop.services.hazard_store import state_of
from tests.services.hazard_support import LI, ZHANG, act, enterprise, photo, plan, read

WANG = Actor("wangqiang", "王强", Role.DUTY)
LEADER = Actor("viewer", "领导查阅", Role.VIEWER)
actors = st.sampled_from([ZHANG, LI, WANG, LEADER])
texts = st.sampled_from(["", "  ", "现场已处理", "整改到位", "同意", "已复查"])
days = st.integers(-2, 40)


@pytest.fixture(scope="module")
def machine_db(tmp_path_factory, demo_template) -> Database:
    path = tmp_path_factory.mktemp("machine") / "machine.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


class HazardLoop(RuleBasedStateMachine):
    db: Database
    reached: set[HazardStatus] = set()  # statuses seen across the run: the property is not vacuous

    @initialize(severity=st.sampled_from(list(Severity)), gap=st.booleans())
    def report(self, severity: Severity, gap: bool) -> None:
        data = hz.HazardReport(category="fire", description="消防通道被杂物堵塞", severity=severity,
                               enterprise_id=enterprise(self.db, gap=gap), photos=(photo(),))
        row = act(self.db, lambda u: hz.report(u, ZHANG, data))
        self.id, self.version = row.id, row.version
        self.stale = row.version

    # -- helpers -------------------------------------------------------------------------

    def _ticket(self) -> tuple[Hazard, list[HazardEvent]]:
        def load(u):
            h = u.session.get(Hazard, self.id)
            events = u.session.scalars(select(HazardEvent).where(HazardEvent.hazard_id == self.id)
                                       .order_by(HazardEvent.id)).all()
            return h, events
        return read(self.db, load)

    def _do(self, fn, *, stale: bool = False) -> None:
        """Run an action with the version the officer saw; a refusal must leave no trace."""
        before = self._ticket()
        seen = self.stale if stale else self.version
        try:
            row = act(self.db, lambda u: fn(u, seen))
        except DomainError:
            after = self._ticket()
            assert after[0].version == before[0].version and len(after[1]) == len(before[1])
            return
        self.stale, self.version = self.version, row.version

    # -- what officers do ----------------------------------------------------------------

    @rule(actor=actors, severity=st.sampled_from(list(Severity)), override=st.booleans(), reason=texts)
    def classify(self, actor, severity, override, reason):
        route = hz.RouteOverride(1, "street", reason) if override else None
        self._do(lambda u, v: hz.classify(u, actor, self.id, severity=severity, override=route, expected_version=v))

    @rule(actor=actors, reason=texts)
    def dismiss(self, actor, reason):
        self._do(lambda u, v: hz.dismiss(u, actor, self.id, reason, expected_version=v))

    @rule(actor=actors, offset=days, who=texts, with_plan=st.booleans())
    def assign(self, actor, offset, who, with_plan):
        self._do(lambda u, v: hz.assign(u, actor, self.id, responsible=who or "", plan=plan() if with_plan else None,
                                        deadline=district_today() + timedelta(days=offset), expected_version=v))

    @rule(actor=actors, note=texts, evidence=st.booleans())
    def report_done(self, actor, note, evidence):
        files = [photo("after.png", AttachmentKind.EVIDENCE)] if evidence else []
        self._do(lambda u, v: hz.report_done(u, actor, self.id, note=note, evidence=files, expected_version=v))

    @rule(actor=actors, passed=st.booleans(), note=texts, offset=days)
    def reinspect(self, actor, passed, note, offset):
        self._do(lambda u, v: hz.reinspect(u, actor, self.id, passed=passed, note=note,
                                           new_deadline=district_today() + timedelta(days=offset),
                                           expected_version=v))

    @rule(actor=actors, note=texts, kind=st.sampled_from(list(AttachmentKind)), good=st.booleans())
    def note_or_file(self, actor, note, kind, good):
        if good:
            file = plan() if kind is AttachmentKind.PLAN else photo("x.png", kind)
        else:
            file = hz.NewAttachment("x.txt", b"not an image", kind)
        self._do(lambda u, v: hz.attach(u, actor, self.id, [file], note=note, expected_version=v))
        self._do(lambda u, v: hz.add_note(u, actor, self.id, note, expected_version=v))

    @rule(actor=st.sampled_from([ZHANG, LI, WANG]), passed=st.booleans())
    def advance(self, actor, passed):
        """The right next step with good inputs (by whoever is on duty: maybe the rectifier)."""
        status = HazardStatus(self._ticket()[0].status)
        later = district_today() + timedelta(days=10)
        step = {
            HazardStatus.FOUND: lambda u, v: hz.classify(u, actor, self.id, severity=Severity.GENERAL,
                                                         override=hz.RouteOverride(1, "street", "新业态"),
                                                         expected_version=v),
            HazardStatus.CLASSIFIED: lambda u, v: hz.assign(u, actor, self.id, responsible="王建国", plan=plan(),
                                                            deadline=later, expected_version=v),
            HazardStatus.RECTIFYING: lambda u, v: hz.report_done(u, actor, self.id, note="已整改",
                                                                 evidence=[photo("e.png", AttachmentKind.EVIDENCE)],
                                                                 expected_version=v),
            HazardStatus.AWAITING_REINSPECTION: lambda u, v: hz.reinspect(u, actor, self.id, passed=passed,
                                                                          note="复查", new_deadline=later,
                                                                          expected_version=v),
        }.get(status)
        if step is not None:
            self._do(step)

    @rule(actor=actors, severity=st.sampled_from(list(Severity)))
    def stale_form(self, actor, severity):
        """An officer acting on what they saw one step ago."""
        self._do(lambda u, v: hz.classify(u, actor, self.id, severity=severity, expected_version=v), stale=True)

    # -- what must always hold -----------------------------------------------------------

    @invariant()
    def log_replays_and_closing_needs_an_independent_pass(self):
        h, events = self._ticket()
        flow = [FlowEvent(HazardAction(e.action), e.actor, HazardStatus(e.from_status) if e.from_status else None,
                          HazardStatus(e.to_status), e.note, json.loads(e.data)) for e in events]
        assert replay(flow) == state_of(h)
        assert events[-1].version == h.version
        HazardLoop.reached.add(HazardStatus(h.status))
        if h.status == HazardStatus.CLOSED:
            closing = next(i for i, e in enumerate(flow) if e.to_status is HazardStatus.CLOSED)
            assert flow[closing].action is HazardAction.REINSPECT_PASS
            rectifier = next(e.actor for e in reversed(flow[:closing]) if e.action is HazardAction.REPORT_DONE)
            assert flow[closing].actor != rectifier
            assert h.reinspection == "passed" and h.closed_at is not None


def test_random_officers_never_close_a_ticket_without_a_passed_reinspection(machine_db):
    HazardLoop.db = machine_db
    HazardLoop.reached = set()
    run_state_machine_as_test(HazardLoop, settings=settings(
        max_examples=30, stateful_step_count=30, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    assert HazardStatus.CLOSED in HazardLoop.reached and HazardStatus.RECTIFYING in HazardLoop.reached
