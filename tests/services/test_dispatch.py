"""Dispatch on both backends: one transaction for the team, the incident and the feed; refusals
(double dispatch, stale version, off duty, minimum free, leave) that leave everything as it was."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop.data.tables import ChangeFeedEntry
from desktop.data.tables_dispatch import Dispatch, Incident, MemberState
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import Role
from desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from desktop.domain.incident import IncidentStatus
from desktop.domain.squad import MemberStatus
from desktop.services import dispatch, incident_queries, incidents, squad
from desktop.services.common import SYSTEM, Actor
from desktop.services.dispatch import AlreadyEngaged
from desktop.services.incident_location import LocationInput
from tests.squad_world import T0

DUTY = Actor("duty", "值班员", Role.DUTY)
VIEWER = Actor("viewer", "领导", Role.VIEWER)


def report(db, lon=117.004, lat=34.006, itype="fire", severity="low", at=None):
    with UnitOfWork(db) as uow:
        return incidents.report_incident(uow, DUTY, incidents.IncidentInput(
            itype, severity, LocationInput(lon=lon, lat=lat), caller="王强", phone="13800000000"),
            now=at or T0).incident.row


def feed_head(db) -> int:
    with UnitOfWork(db, write=False) as uow:
        return uow.session.scalar(select(func.coalesce(func.max(ChangeFeedEntry.seq), 0)))


def states(db) -> dict[int, tuple[str, int | None]]:
    with UnitOfWork(db, write=False) as uow:
        return {s.member_id: (s.status, s.incident_id) for s in uow.session.scalars(select(MemberState))}


def test_recommendation_names_the_same_grid_first_and_adds_the_engine(world_sqlite):
    db, w = world_sqlite
    row = report(db)
    with UnitOfWork(db, write=False) as uow:
        plan = dispatch.recommend_for_incident(uow, row.id)
    rec = plan.recommendation
    assert [c.unit.id for c in rec.candidates[:2]] == [w.members[0], w.members[1]]  # both in S11
    assert rec.team == (f"member:{w.members[0]}", f"member:{w.members[1]}", f"vehicle:{w.vehicle}")
    assert rec.missing == {}
    assert plan.call_signs[w.members[0]] == "T1" and plan.sub_squads[w.squads[0]] == "第一中队"


def test_one_click_dispatch_writes_team_incident_and_feed_together(world_db):
    db, w = world_db
    row = report(db)
    before = feed_head(db)
    with UnitOfWork(db) as uow:
        result = dispatch.dispatch_recommended(uow, DUTY, row.id, expected_version=row.version, now=T0)
        changes = uow.changes
    assert result.incident_status is IncidentStatus.DISPATCHED
    assert set(result.member_ids) == {w.members[0], w.members[1]} and result.vehicle_ids == (w.vehicle,)
    assert {(c.entity, c.entity_id) for c in changes.items} == {
        ("incident", str(row.id)), ("squad_member", str(w.members[0])), ("squad_member", str(w.members[1])),
        ("vehicle", str(w.vehicle))}
    assert feed_head(db) == before + 4
    st = states(db)
    assert st[w.members[0]] == (MemberStatus.DISPATCHED, row.id) and st[w.members[2]][0] == MemberStatus.AVAILABLE
    with UnitOfWork(db, write=False) as uow:
        detail = incident_queries.incident_detail(uow, row.id)
    assert detail.dispatched_at == T0 and detail.row.response.call_to_dispatch_s == 0
    assert [e.kind for e in detail.timeline] == ["reported", "status", "dispatch", "dispatch", "dispatch"]
    assert all(d.active and d.eta_s > 0 for d in detail.dispatches)


def test_a_member_is_never_dispatched_twice(world_db):
    db, w = world_db
    first, second = report(db), report(db, lon=117.035, lat=34.015, itype="other")
    with UnitOfWork(db) as uow:
        dispatch.dispatch(uow, DUTY, first.id, member_ids=[w.members[0]], expected_version=first.version)
    before = feed_head(db)
    with UnitOfWork(db) as uow, pytest.raises(AlreadyEngaged) as err:
        dispatch.dispatch(uow, DUTY, second.id, member_ids=[w.members[4], w.members[0]],
                          expected_version=second.version)
    assert err.value.incident_id == first.id
    assert feed_head(db) == before
    st = states(db)
    assert st[w.members[4]] == (MemberStatus.AVAILABLE, None)  # the other member was not sent either
    with UnitOfWork(db, write=False) as uow:
        assert uow.session.get(Incident, second.id).status == IncidentStatus.REPORTED
        assert uow.session.scalar(select(func.count()).select_from(Dispatch).where(Dispatch.incident_id == second.id)) == 0


def test_a_stale_incident_version_is_a_conflict_between_workstations(world_db, reopen):
    db, w = world_db
    row = report(db)
    other = reopen(db)
    with UnitOfWork(other) as uow:  # a colleague dispatches first
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[w.members[1]], expected_version=row.version)
    with UnitOfWork(db) as uow, pytest.raises(ConflictError):
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[w.members[0]], expected_version=row.version)
    assert states(db)[w.members[0]] == (MemberStatus.AVAILABLE, None)


def test_two_workstations_racing_for_one_member_one_wins(world_db, reopen):
    db, w = world_db
    rows = [report(db), report(db, lon=117.035, lat=34.015, itype="other")]
    outcomes: list[object] = [None, None]
    start = threading.Barrier(2)

    def go(n: int) -> None:
        target = reopen(db)
        start.wait()
        try:
            with UnitOfWork(target) as uow:
                # The form's read and the click in one unit of work: the member's row is already
                # loaded when the lock is taken, and must be re-read, not trusted.
                dispatch.recommend_for_incident(uow, rows[n].id)
                dispatch.dispatch(uow, DUTY, rows[n].id, member_ids=[w.members[2]], expected_version=None)
            outcomes[n] = "ok"
        except (AlreadyEngaged, ConflictError) as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=go, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(o == "ok" for o in outcomes) == [False, True], outcomes
    assert any(isinstance(o, AlreadyEngaged) for o in outcomes), outcomes  # told why, not just "conflict"
    with UnitOfWork(db, write=False) as uow:
        active = uow.session.scalar(select(func.count()).select_from(Dispatch).where(
            Dispatch.member_id == w.members[2], Dispatch.released_at.is_(None)))
    assert active == 1


@pytest.mark.pg
def test_a_member_taken_while_the_form_was_open_is_named(world_pg, reopen):
    """PostgreSQL only (on SQLite the open write transaction would hold the colleague off)."""
    db, w = world_pg
    rows = [report(db), report(db, lon=117.035, lat=34.015, itype="other")]
    with UnitOfWork(db) as uow:
        dispatch.recommend_for_incident(uow, rows[0].id)  # the member's row is now in this session
        with UnitOfWork(reopen(db)) as colleague:
            dispatch.dispatch(colleague, DUTY, rows[1].id, member_ids=[w.members[2]], expected_version=None)
        with pytest.raises(AlreadyEngaged):
            dispatch.dispatch(uow, DUTY, rows[0].id, member_ids=[w.members[2]], expected_version=rows[0].version)


def test_off_duty_needs_an_override_which_is_recorded(world_sqlite):
    db, w = world_sqlite
    with UnitOfWork(db) as uow:
        squad.set_member_status(uow, DUTY, w.members[0], MemberStatus.OFF_DUTY)
    row = report(db)
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[w.members[0]], expected_version=row.version)
    assert err.value.field == "override_off_duty"
    with UnitOfWork(db) as uow:
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[w.members[0]], expected_version=row.version,
                          override_off_duty=True, override_reason="就近支援")
    with UnitOfWork(db, write=False) as uow:
        d = incident_queries.incident_detail(uow, row.id)
    assert d.dispatches[0].override_off_duty and d.dispatches[0].override_reason == "就近支援"
    event = next(e for e in d.timeline if e.kind == "dispatch")
    assert event.data["override_off_duty"] and event.actor == "duty"


def test_minimum_free_per_sub_squad_and_leave(world_sqlite):
    db, w = world_sqlite
    row = report(db)
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:  # squad 1 has 4: taking 3 leaves 1
        dispatch.dispatch(uow, DUTY, row.id, member_ids=list(w.members[:3]), expected_version=row.version)
    assert err.value.field == "override_min_free"
    with UnitOfWork(db) as uow:
        squad.set_member_status(uow, DUTY, w.members[4], MemberStatus.LEAVE)
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[w.members[4]], expected_version=row.version)
    assert "leave" in err.value.reason
    with UnitOfWork(db) as uow:
        dispatch.dispatch(uow, DUTY, row.id, member_ids=list(w.members[:3]), expected_version=row.version,
                          override_min_free=True)
    assert [states(db)[m][0] for m in w.members[:3]] == [MemberStatus.DISPATCHED] * 3


def test_arrival_hand_over_close_and_release(world_db):
    db, w = world_db
    row = report(db)
    m1, m2 = w.members[:2]
    with UnitOfWork(db) as uow:
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[m1, m2], expected_version=row.version, now=T0)
    with UnitOfWork(db) as uow:
        squad.set_member_status(uow, DUTY, m1, MemberStatus.EN_ROUTE, now=T0 + timedelta(minutes=1))
    with UnitOfWork(db) as uow:
        r = squad.set_member_status(uow, DUTY, m1, MemberStatus.ON_SCENE, now=T0 + timedelta(minutes=5))
        assert uow.changes.touches("incident")
    assert r.status is MemberStatus.ON_SCENE and r.incident_code == f"JQ{row.id:06d}"
    with UnitOfWork(db, write=False) as uow:
        d = incident_queries.incident_detail(uow, row.id)
    assert d.row.status is IncidentStatus.ON_SCENE and d.row.response.dispatch_to_arrival_s == 300
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        incidents.close_incident(uow, DUTY, row.id, expected_version=d.row.version)
    assert err.value.field == "reason"
    with UnitOfWork(db) as uow:
        d = incidents.hand_over(uow, DUTY, row.id, to="消防救援站", expected_version=d.row.version,
                                now=T0 + timedelta(minutes=12))
    with UnitOfWork(db) as uow:
        d = incidents.close_incident(uow, DUTY, row.id, expected_version=d.row.version, now=T0 + timedelta(minutes=40))
        assert {c.entity for c in uow.changes.items} == {"incident", "squad_member"}
    assert d.row.status is IncidentStatus.CLOSED and d.close_reason == "" and d.handed_over_to == "消防救援站"
    assert states(db)[m1] == (MemberStatus.RETURNING, row.id)
    with UnitOfWork(db) as uow:
        squad.set_member_status(uow, DUTY, m1, MemberStatus.AVAILABLE)
    assert states(db)[m1] == (MemberStatus.AVAILABLE, None)
    with UnitOfWork(db, write=False) as uow:
        rows = {x.unit_id: x for x in incident_queries.incident_detail(uow, row.id).dispatches}
    assert not rows[m1].active and rows[m2].active  # m2 is still on the way back


def test_status_changes_refused_and_permissions(world_sqlite):
    db, w = world_sqlite
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        squad.set_member_status(uow, DUTY, w.members[0], MemberStatus.DISPATCHED)
    assert err.value.field == "status"
    with UnitOfWork(db) as uow, pytest.raises(ConflictError):
        squad.set_member_status(uow, DUTY, w.members[0], MemberStatus.TRAINING, expected_version=99)
    row = report(db)
    with UnitOfWork(db) as uow, pytest.raises(PermissionDenied):
        dispatch.dispatch(uow, VIEWER, row.id, member_ids=[w.members[0]], expected_version=None)


def test_board_snapshot_counts_and_stale_flags(world_sqlite):
    db, w = world_sqlite
    row = report(db)
    with UnitOfWork(db) as uow:
        dispatch.dispatch(uow, DUTY, row.id, member_ids=[w.members[0]], expected_version=row.version, now=T0)
    with UnitOfWork(db, write=False) as uow:
        fresh = squad.board_snapshot(uow, now=T0 + timedelta(minutes=5))
        later = squad.board_snapshot(uow, now=T0 + timedelta(minutes=25))
        only = squad.board_snapshot(uow, squad.BoardFilter(sub_squad_id=w.squads[1]), now=T0)
    one = fresh.sub_squads[0]
    assert (one.total, one.available, one.engaged, one.stale) == (4, 3, 1, 0)
    assert one.equipment_ready == {"extinguisher": 10, "radio": 6, "cordon_kit": 2}
    assert later.sub_squads[0].stale == 1 and [m.id for m in later.members if m.stale] == [w.members[0]]
    assert {m.sub_squad_id for m in only.members} == {w.squads[1]} and len(only.members) == 4
    assert fresh.counts == {"available": 7, "dispatched": 1}
    member = next(m for m in fresh.members if m.id == w.members[0])
    assert member.place.sub_community == "西社区第1网格" and member.tracker == "dev1"
    with UnitOfWork(db) as uow:  # a radio check restarts the clock
        squad.check_in(uow, DUTY, w.members[0], now=T0 + timedelta(minutes=24))
    with UnitOfWork(db, write=False) as uow:
        assert not squad.board_snapshot(uow, now=T0 + timedelta(minutes=25)).sub_squads[0].stale
        assert fresh.vehicles[0].crew == ()


def test_map_reads(world_sqlite):
    db, w = world_sqlite
    row = report(db)
    with UnitOfWork(db, write=False) as uow:
        from desktop.services import positions

        members = positions.member_positions(uow)
        vehicles = positions.vehicle_positions(uow)
        points = incident_queries.open_incidents_for_map(uow)
    assert len(members) == 8 and members[0].lon == 117.005 and members[0].status is MemberStatus.AVAILABLE
    assert vehicles[0].name == "微型消防车1号" and vehicles[0].lon == 117.012
    assert [p.id for p in points] == [row.id] and points[0].code == f"JQ{row.id:06d}"


def test_settings_are_validated_and_versioned(world_sqlite):
    db, _ = world_sqlite
    from desktop.services import dispatch_settings as ds

    with UnitOfWork(db) as uow, pytest.raises(PermissionDenied):
        ds.update_settings(uow, DUTY, "dispatch", {"road_factor": 1.3}, expected_version=None)
    with UnitOfWork(db) as uow:
        rec = ds.update_settings(uow, SYSTEM, "dispatch", {"road_factor": 1.3}, expected_version=None)
    assert rec.values["road_factor"] == 1.3 and rec.version == 1
    with UnitOfWork(db) as uow, pytest.raises(ConflictError):
        ds.update_settings(uow, SYSTEM, "dispatch", {"road_factor": 1.5}, expected_version=None)
    with UnitOfWork(db) as uow, pytest.raises(ValidationError) as err:
        ds.update_settings(uow, SYSTEM, "dispatch", {"stale_minutes": -1}, expected_version=1)
    assert err.value.field == "stale_minutes"
    with UnitOfWork(db, write=False) as uow:
        assert ds.get_dispatch_settings(uow).road_factor == 1.3
