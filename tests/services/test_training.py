"""Training sessions and drills, results per member, and the quarterly assessment built from them."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.domain.training import Grade, TrainingResult
from desktop.services import training
from desktop.services.common import Actor

DUTY = Actor("duty", "值班员", Role.DUTY)
VIEWER = Actor("viewer", "领导", Role.VIEWER)


def test_sessions_results_and_the_quarterly_assessment(world_sqlite):
    db, w = world_sqlite
    squad1 = list(w.members[:4])
    with UnitOfWork(db) as uow:
        first = training.record_session(uow, DUTY, training.SessionInput(
            "training", "灭火器实操", date(2026, 4, 6), 720, sub_squad_id=w.squads[0]),
            {m: "pass" for m in squad1[:3]} | {squad1[3]: "absent"})
    with UnitOfWork(db) as uow:
        training.record_session(uow, DUTY, training.SessionInput("drill", "综合应急演练", date(2026, 5, 9), 720),
                                {m: "excellent" for m in w.members})
    with UnitOfWork(db) as uow:
        training.set_result(uow, DUTY, first, squad1[3], TrainingResult.FAIL, note="补考")
    with UnitOfWork(db, write=False) as uow:
        rows = training.list_sessions(uow, sub_squad_id=w.squads[0])
        detail = training.session_detail(uow, first)
        q2 = {a.member_id: a for a in training.quarterly_assessment(uow, 2026, 2)}
        q3 = training.quarterly_assessment(uow, 2026, 3, sub_squad_id=w.squads[1])
    assert [r.subject for r in rows] == ["综合应急演练", "灭火器实操"]  # squad-wide drills included
    assert (rows[1].attended, rows[1].absent, rows[1].sub_squad) == (4, 0, "第一中队")
    assert [r.result for r in detail.records] == ["pass", "pass", "pass", "fail"]
    a = q2[squad1[0]].assessment  # 24 h of 24; results (80 + 100) / 2 = 90 × 0.4 = 36
    assert (a.sessions, a.drills, a.hours, a.score, a.grade) == (2, 1, 24.0, 96.0, Grade.EXCELLENT)
    assert q2[w.members[4]].assessment.hours == 12.0 and len(q3) == 4 and q3[0].assessment.sessions == 0


@pytest.mark.parametrize(("data", "field"), [
    (dict(kind="party"), "kind"), (dict(subject=" "), "subject"), (dict(minutes=0), "minutes"),
    (dict(minutes=2.5), "minutes"), (dict(held_on="2026-04-06"), "held_on"), (dict(sub_squad_id=99), "sub_squad"),
])
def test_bad_sessions_are_refused(world_sqlite, data, field):
    db, w = world_sqlite
    fields = dict(kind="training", subject="急救", held_on=date(2026, 4, 6), minutes=60) | data
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        training.record_session(uow, DUTY, training.SessionInput(**fields), {w.members[0]: "pass"})
    assert err.value.field == field
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        training.record_session(uow, DUTY, training.SessionInput("training", "急救", date(2026, 4, 6), 60),
                                {999: "pass"})
    assert err.value.field == "attendance"
    with UnitOfWork(db) as uow, pytest.raises(PermissionDenied):
        training.record_session(uow, VIEWER, training.SessionInput("training", "急救", date(2026, 4, 6), 60), {})
