"""Hypothesis state machine over the real services (SQLite): random intake, dispatch, status changes,
hand-over and close, checked against a model after every step.

Invariants: no member is ever on two active dispatches; a member is engaged exactly when one
dispatch of theirs is active; no incident is closed without a hand-over or a stated reason; the
database always agrees with the model, and every refusal predicted by the model happens.
"""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from datetime import timedelta

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from desktop.data.engine import open_database
from desktop.data.tables import SquadMember
from desktop.data.tables_dispatch import Dispatch, Incident, MemberState
from desktop.data.uow import UnitOfWork
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.incident import DISPATCHABLE, OPEN, IncidentRefused, IncidentStatus
from desktop.domain.squad import ENGAGED, MEMBER_TRANSITIONS, MemberStatus, StatusRefused
from desktop.services import dispatch, incidents, squad
from desktop.services.common import SYSTEM
from desktop.services.dispatch import AlreadyEngaged
from desktop.services.incident_location import LocationInput
from tests.squad_world import T0

MEMBERS = list(range(1, 9))
MIN_FREE = 2  # the default setting
S = MemberStatus
IS = IncidentStatus


class DispatchMachine(RuleBasedStateMachine):
    template = ""
    folder = None
    counter = itertools.count()

    incidents = Bundle("incidents")

    def __init__(self) -> None:
        super().__init__()
        path = self.folder / f"machine-{next(self.counter)}.db"
        shutil.copyfile(self.template, path)
        self.db = open_database(f"sqlite:///{path}")
        self.now = T0
        self.status = {m: S.AVAILABLE for m in MEMBERS}
        self.serves: dict[int, int | None] = {m: None for m in MEMBERS}
        self.incident: dict[int, IncidentStatus] = {}
        with UnitOfWork(self.db, write=False) as uow:
            self.squad_of = dict(uow.session.execute(select(SquadMember.id, SquadMember.sub_squad_id)).all())

    def teardown(self) -> None:
        self.db.dispose()

    def tick(self):
        self.now += timedelta(minutes=1)
        return self.now

    def call(self, fn):
        with UnitOfWork(self.db) as uow:
            return fn(uow)

    @rule(target=incidents, lon=st.floats(117.001, 117.039), lat=st.floats(34.001, 34.019))
    def report(self, lon, lat):
        row = self.call(lambda uow: incidents.report_incident(uow, SYSTEM, incidents.IncidentInput(
            "other", "low", LocationInput(lon=lon, lat=lat)), now=self.tick())).incident.row
        self.incident[row.id] = IS.REPORTED
        return row.id

    def _predict_dispatch(self, incident_id: int, members: list[int], override: bool) -> type[Exception] | None:
        if self.incident[incident_id] not in DISPATCHABLE:
            return IncidentRefused
        for m in sorted(members):
            if self.status[m] in ENGAGED:
                return AlreadyEngaged
            if self.status[m] in (S.LEAVE, S.TRAINING) or (self.status[m] == S.OFF_DUTY and not override):
                return ValidationError
        free = Counter(self.squad_of[m] for m in MEMBERS if self.status[m] == S.AVAILABLE)
        taking = Counter(self.squad_of[m] for m in members if self.status[m] == S.AVAILABLE)
        if not override and any(free[sq] - n < MIN_FREE for sq, n in taking.items()):
            return ValidationError
        return None

    @rule(incident=incidents, members=st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=3, unique=True),
          override=st.booleans())
    def send(self, incident, members, override):
        expected = self._predict_dispatch(incident, members, override)
        try:
            self.call(lambda uow: dispatch.dispatch(uow, SYSTEM, incident, member_ids=members, expected_version=None,
                                                    override_off_duty=override, override_min_free=override,
                                                    now=self.tick()))
        except DomainError as exc:
            assert expected is not None and isinstance(exc, expected), (expected, exc)
            event(f"dispatch refused: {type(exc).__name__}")
            return
        assert expected is None
        event("dispatched")
        for m in members:
            self.status[m], self.serves[m] = S.DISPATCHED, incident
        if self.incident[incident] == IS.REPORTED:
            self.incident[incident] = IS.DISPATCHED

    @rule(member=st.sampled_from(MEMBERS), new=st.sampled_from(list(MemberStatus)))
    def set_status(self, member, new):
        self._set(member, new)

    @precondition(lambda self: any(s in ENGAGED for s in self.status.values()))
    @rule(data=st.data())
    def advance(self, data):
        """An engaged member moves on (en route, on scene, returning, back): reaches the incidents."""
        member = data.draw(st.sampled_from(sorted(m for m in MEMBERS if self.status[m] in ENGAGED)))
        self._set(member, data.draw(st.sampled_from(sorted(MEMBER_TRANSITIONS[self.status[member]]))))

    def _set(self, member: int, new: MemberStatus) -> None:
        cur = self.status[member]
        if new == S.DISPATCHED:
            expected = ValidationError
        elif new not in MEMBER_TRANSITIONS[cur]:
            expected = StatusRefused
        else:
            expected = None
        try:
            self.call(lambda uow: squad.set_member_status(uow, SYSTEM, member, new, now=self.tick()))
        except DomainError as exc:
            assert expected is not None and isinstance(exc, expected), (expected, exc)
            return
        assert expected is None, (cur, new)
        event(f"member {cur} -> {new}")
        incident = self.serves[member]
        if cur in ENGAGED and incident is not None:
            if new == S.ON_SCENE and self.incident[incident] == IS.DISPATCHED:
                self.incident[incident] = IS.ON_SCENE
            if new not in ENGAGED:
                self.serves[member] = None
        self.status[member] = new

    @rule(incident=incidents, to=st.sampled_from(["", "泉山区消防救援大队"]))
    def hand_over(self, incident, to):
        ok = self.incident[incident] in (IS.DISPATCHED, IS.ON_SCENE) and to
        try:
            self.call(lambda uow: incidents.hand_over(uow, SYSTEM, incident, to=to, expected_version=None,
                                                      now=self.tick()))
        except DomainError:
            assert not ok
            return
        assert ok
        self.incident[incident] = IS.HANDED_OVER

    @rule(incident=incidents, reason=st.sampled_from(["", "误报"]))
    def close(self, incident, reason):
        cur = self.incident[incident]
        ok = cur in OPEN and (cur == IS.HANDED_OVER or bool(reason))
        try:
            self.call(lambda uow: incidents.close_incident(uow, SYSTEM, incident, reason=reason,
                                                           expected_version=None, now=self.tick()))
        except DomainError:
            assert not ok
            return
        assert ok
        event(f"closed from {cur}")
        self.incident[incident] = IS.CLOSED
        for m in MEMBERS:
            if self.serves[m] == incident and self.status[m] in (S.DISPATCHED, S.EN_ROUTE, S.ON_SCENE):
                self.status[m] = S.RETURNING

    @invariant()
    def database_agrees_with_the_model(self):
        with UnitOfWork(self.db, write=False) as uow:
            s = uow.session
            states = {st.member_id: (st.status, st.incident_id) for st in s.scalars(select(MemberState))}
            active = Counter(m for m, in s.execute(select(Dispatch.member_id).where(Dispatch.released_at.is_(None))))
            rows = {i.id: i for i in s.scalars(select(Incident))}
            assert s.scalar(select(func.count()).select_from(Dispatch).where(Dispatch.member_id.is_(None))) == 0
        for m in MEMBERS:
            assert states[m] == (self.status[m], self.serves[m]), m
            assert active[m] == (1 if self.status[m] in ENGAGED else 0), m  # never two at once
        for iid, status in self.incident.items():
            i = rows[iid]
            assert i.status == status
            if status == IS.CLOSED:
                assert i.handed_over_at is not None or i.close_reason  # never closed without either


def test_dispatch_state_machine(world_template, tmp_path):
    DispatchMachine.template = world_template[0]
    DispatchMachine.folder = tmp_path
    run_state_machine_as_test(DispatchMachine, settings=settings(
        max_examples=30, stateful_step_count=30, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
