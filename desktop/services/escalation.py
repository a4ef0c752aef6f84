"""The escalation run (督查督办): raise every ticket under rectification to the level its deadline
has reached, one event per ticket raised. Idempotent: a second run on the same day finds nothing.

Headless: `safegrid escalate`. In the GUI, a timer calls `run_escalation(uow)` through Ops.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain import hazard_flow as flow
from desktop.domain.escalation import level_name, next_level, overdue_days
from desktop.domain.hazard_terms import district_today
from desktop.domain.progress import Progress
from desktop.services.common import SYSTEM, Actor
from desktop.services.hazard_query import hazard_code
from desktop.services.hazard_store import commit_event, load, policy, state_of

BATCH = 500  # tickets per commit: keeps SQLite's write lock short on a big first run


@dataclass(frozen=True)
class EscalationStep:
    hazard_id: int
    code: str
    from_level: int
    to_level: int
    deadline: date
    overdue_days: int

    def describe(self) -> str:
        late = f"{self.overdue_days} days overdue" if self.overdue_days else f"due {self.deadline.isoformat()}"
        return (f"{self.code}: {level_name(self.from_level) or '无'} → {level_name(self.to_level)} "
                f"(level {self.from_level} → {self.to_level}, {late})")


@dataclass(frozen=True)
class EscalationRun:
    today: date
    checked: int                          # tickets near or past their deadline that were looked at
    steps: tuple[EscalationStep, ...]     # what changed (empty on a repeated run)


def run_escalation(uow: UnitOfWork, actor: Actor = SYSTEM, *, now: datetime | None = None,
                   progress: Progress | None = None) -> EscalationRun:
    today = district_today(now)
    ladder = policy(uow).escalation
    s = uow.session
    candidates = s.execute(
        select(Hazard.id, Hazard.deadline, Hazard.escalation_level)
        .where(Hazard.overdue_able == 1, Hazard.deadline <= today + timedelta(days=ladder.reminder_days),
               Hazard.escalation_level < ladder.top)
        .order_by(Hazard.id)).all()
    due = [(r.id, lv) for r in candidates if (lv := next_level(r.escalation_level, r.deadline, today, ladder))]
    steps: list[EscalationStep] = []
    for start in range(0, len(due), BATCH):
        if progress is not None:
            progress.check()
            progress.report(start, len(due), "escalating")
        for hazard_id, _ in due[start:start + BATCH]:
            h = load(uow, hazard_id, None)
            state = state_of(h)
            # Re-decide on the locked row: another workstation may have run meanwhile.
            level = next_level(state.escalation_level, state.deadline, today, ladder) if state.overdue_able else None
            if level is None:
                continue
            step = EscalationStep(h.id, hazard_code(h.id, h.created_at), state.escalation_level, level,
                                  state.deadline, overdue_days(state.deadline, today))
            event = flow.escalate(state, actor.username, actor.role, level, step.describe())
            commit_event(uow, actor, h, event, summary=f"hazard {step.code} escalated to {level_name(level)}")
            steps.append(step)
        uow.commit()
    if progress is not None:
        progress.report(len(due), len(due), "done")
    return EscalationRun(today, len(candidates), tuple(steps))
