"""The demo squad: roster details, vehicles, equipment, a year of incidents and training."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from desktop.data.tables_dispatch import (
    CurrentPosition,
    Dispatch,
    Incident,
    MemberState,
    Tracker,
    TrainingSession,
    Vehicle,
)
from desktop.data.uow import UnitOfWork
from desktop.domain.incident import IncidentStatus
from desktop.services import incident_queries, squad
from desktop.services.dispatch import recommend_for_incident


def test_demo_squad_is_complete_and_consistent(demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        s = uow.session
        count = lambda table, *where: s.scalar(select(func.count()).select_from(table).where(*where))  # noqa: E731
        assert count(MemberState) == 36 and count(Vehicle) == 3 and count(Tracker) == 39
        assert count(CurrentPosition) == 39 and count(CurrentPosition, CurrentPosition.street_id.is_(None)) == 0
        incidents = s.scalars(select(Incident)).all()
        closed = [i for i in incidents if i.status == IncidentStatus.CLOSED]
        assert len(incidents) > 300 and len(incidents) - len(closed) == 3
        span = max(i.reported_at for i in incidents) - min(i.reported_at for i in incidents)
        assert span > timedelta(days=350)
        assert all(i.handed_over_at is not None or i.close_reason for i in closed)
        # Active dispatches exist only for the open incidents, and each engaged member has one.
        open_ids = {i.id for i in incidents if i.status != IncidentStatus.CLOSED}
        active = s.execute(select(Dispatch.incident_id, Dispatch.member_id).where(Dispatch.released_at.is_(None))).all()
        assert {a.incident_id for a in active} <= open_ids
        engaged = {st.member_id for st in s.scalars(select(MemberState).where(MemberState.incident_id.is_not(None)))}
        assert engaged == {a.member_id for a in active if a.member_id is not None}
        assert count(TrainingSession) > 150
        board = squad.board_snapshot(uow)
        figures = incident_queries.response_summary(uow, min(i.reported_at for i in incidents),
                                                    max(i.reported_at for i in incidents))
        reported = next(i for i in incidents if i.status == IncidentStatus.REPORTED)
        plan = recommend_for_incident(uow, reported.id)
    assert sum(sq.stale for sq in board.sub_squads) >= 1  # the gas leak crew has been quiet too long
    assert sum(m.certs_expired for m in board.members) == 2 and sum(m.certs_expiring for m in board.members) >= 3
    assert {m.on_shift for m in board.members} <= {True, False} and all(v.crew for v in board.vehicles)
    assert figures.dispatched > 300 and 0.5 < figures.dispatch_within_target <= 1
    assert plan.recommendation.team and not any(c.unit.status != "available" and c.selected
                                                for c in plan.recommendation.candidates)
