"""Dashboard figures (services.dashboard) on the demo district, on SQLite and PostgreSQL: each figure
against an independent count over the ORM rows, the incremental refresh against a full load after
real changes, and the query plans (indexes only on the hazard table)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest
import shapely
from sqlalchemy import event, select, update

from desktop.data.feed import Change
from desktop.data.tables import Enterprise, Grid, SquadMember
from desktop.data.tables_dispatch import Incident, MemberState
from desktop.data.tables_hazards import Hazard, HazardAttachment, HazardEvent
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import DISTRICT_TZ, AttachmentKind, Category, HazardStatus, district_today
from desktop.domain.squad import ENGAGED
from desktop.services import dashboard as dash
from desktop.services import dashboard_figures as figs
from desktop.services import hazards as hz
from desktop.services.dashboard_figures import DAY, day_start
from desktop.services.dashboard_five import area_coverage
from desktop.services.enterprises import NO_LEAD
from desktop.services.incident_queries import response_summary
from desktop.services.squad import board_snapshot
from tests.services.hazard_support import LI, ZHANG, act, photo, read

OPEN = {s.value for s in HazardStatus if s.is_open}


def local_day(at) -> date:
    return at.astimezone(DISTRICT_TZ).date()


def expected_days(uow, period: dash.Period) -> dict[date, dash.DayCount]:
    """The per-day figures counted in Python over every ticket, its events and its files."""
    s = uow.session
    passed = set(s.scalars(select(HazardEvent.hazard_id).where(HazardEvent.action == "reinspect_pass")))
    evidence = set(s.scalars(select(HazardAttachment.hazard_id).where(
        HazardAttachment.kind == AttachmentKind.EVIDENCE.value)))
    acc = {d: Counter() for d in period.days()}
    for h in s.scalars(select(Hazard)):
        if local_day(h.created_at) in acc:
            acc[local_day(h.created_at)]["new"] += 1
        if h.status == "closed" and local_day(h.closed_at) in acc:
            c = acc[local_day(h.closed_at)]
            c["closed"] += 1
            c["closed_recorded"] += h.id in passed and h.id in evidence
        if h.deadline in acc:
            acc[h.deadline]["due"] += 1
            acc[h.deadline]["due_on_time"] += h.status == "closed" and local_day(h.closed_at) <= h.deadline
    return {d: dash.DayCount(d, **c) for d, c in acc.items()}


def test_hazard_figures_equal_orm_counts(hdb) -> None:
    today = district_today()
    period = dash.Period.last(90, today)
    f = read(hdb, lambda u: dash.load(u, period))
    hazards = read(hdb, lambda u: u.session.scalars(select(Hazard)).all())
    open_ = [h for h in hazards if h.status in OPEN]
    assert dict(f.open_by_status) == {s: sum(h.status == s for h in open_) for s in HazardStatus if s.is_open}
    assert f.major_open == sum(h.severity == "major" for h in open_) > 0
    overdue = Counter(h.street_id for h in hazards if h.status == "rectifying" and h.deadline < today)
    assert {s.street_id: s.overdue for s in f.streets} == {
        g: overdue.get(g, 0) for g in read(hdb, lambda u: u.session.scalars(
            select(Grid.id).where(Grid.level == GridLevel.STREET.value)).all())}
    assert f.overdue_total == sum(overdue.values()) > 0
    assert f.days == tuple(read(hdb, lambda u: expected_days(u, period)).values())
    assert sum(d.new for d in f.days) > 0 and sum(d.closed for d in f.days) > 0
    # the weekly on-time rate: tickets due on a past day of the week, closed by their deadline day
    weeks: dict[date, Counter] = {}
    for h in hazards:
        if h.deadline is not None and period.start <= h.deadline < today:
            c = weeks.setdefault(h.deadline - timedelta(days=h.deadline.weekday()), Counter())
            c["due"] += 1
            c["on_time"] += h.status == "closed" and local_day(h.closed_at) <= h.deadline
    assert f.weeks() == tuple(dash.WeekRate(w, c["due"], c["on_time"]) for w, c in sorted(weeks.items()))
    five = f.five
    assert (five.tasks_done.part, five.tasks_done.whole) == (sum(c["on_time"] for c in weeks.values()),
                                                           sum(c["due"] for c in weeks.values()))
    assert five.inspections_recorded.whole == sum(d.closed for d in f.days)


def test_incident_and_squad_figures_equal_orm_counts_and_the_dispatch_back_end(hdb) -> None:
    today = district_today()
    period = dash.Period.last(365, today)
    f = read(hdb, lambda u: dash.load(u, period))
    incidents = read(hdb, lambda u: u.session.scalars(select(Incident)).all())
    live = [i for i in incidents if i.merged_into_id is None]
    assert f.incidents.today == sum(local_day(i.reported_at) == today for i in live)
    assert f.incidents.open_now == sum(i.status in ("reported", "dispatched", "on_scene", "handed_over")
                                       for i in incidents)
    in_period = [i for i in live if local_day(i.reported_at) in period]
    assert [p.id for p in f.incidents.points] == [i.id for i in sorted(in_period, key=lambda i: (i.reported_at, i.id))]
    since, until = day_start(period.start), day_start(period.end + DAY)
    assert f.incidents.summary == read(hdb, lambda u: response_summary(u, since, until))
    assert f.incidents.summary.incidents > 100

    states = read(hdb, lambda u: {m.member_id: m.status for m in u.session.scalars(select(MemberState))})
    members = read(hdb, lambda u: u.session.scalars(select(SquadMember)).all())
    for sq in f.squad:
        mine = [states.get(m.id, "available") for m in members if m.sub_squad_id == sq.sub_squad_id]
        assert (sq.total, sq.available, sq.engaged) == (
            len(mine), mine.count("available"), sum(s in {str(e) for e in ENGAGED} for s in mine))
        assert sq.off == sq.total - sq.available - sq.engaged
    board = read(hdb, board_snapshot)
    assert [(s.id, s.total, s.available, s.engaged) for s in board.sub_squads] == [
        (s.sub_squad_id, s.total, s.available, s.engaged) for s in f.squad]
    assert f.squad_available.whole == 36
    assert sum(s.vehicles for s in f.squad) == len(board.vehicles)


def test_structure_figures_equal_orm_counts(hdb) -> None:
    f = read(hdb, lambda u: dash.load(u, dash.Period.last(7)))
    enterprises = read(hdb, lambda u: u.session.scalars(select(Enterprise)).all())
    levels = read(hdb, lambda u: dict(u.session.execute(select(Grid.id, Grid.level)).all()))
    five = f.five
    assert (five.enterprises_supervised.part, five.enterprises_supervised.whole) == (
        sum(e.lead_department_id is not None for e in enterprises), len(enterprises))
    assert five.enterprises_supervised.value < 1  # the demo's two new business forms have no rule
    high = [e for e in enterprises if e.risk in ("red", "orange")]
    assert (five.key_included.part, five.key_included.whole) == (
        sum(e.tier == "district" or levels[e.grid_id] == "enterprise" for e in high), len(high))
    subs = [g for g, lv in levels.items() if lv == "sub_community"]
    assert five.grids_with_officer == dash.Ratio(len(subs), len(subs)) == dash.Ratio(755, 755)
    assert five.area_covered.value == pytest.approx(1.0)


def test_a_grid_without_officer_leaves_its_area_uncovered(demo_db) -> None:
    def unstaff(uow):
        g = uow.session.scalars(select(Grid).where(Grid.level == GridLevel.SUB_COMMUNITY.value)
                                .order_by(Grid.id).limit(1)).one()
        uow.session.execute(update(Grid).where(Grid.id == g.id).values(officer_id=None))
        uow.session.commit()
        return shapely.from_geojson(g.geometry).area

    area = act(demo_db, unstaff)
    outline = read(demo_db, lambda u: shapely.union_all([shapely.from_geojson(g) for g in u.session.scalars(
        select(Grid.geometry).where(Grid.level == GridLevel.STREET.value))]).area)
    area_ratio, staffed = read(demo_db, area_coverage)
    assert staffed == dash.Ratio(754, 755)
    assert area_ratio.value == pytest.approx(1 - area / outline, abs=1e-9)


def _overdue_ticket(db, offset: int = 0) -> hz.HazardRow:
    """A rectifying ticket past a deadline inside the last 30 days."""
    today = district_today()
    ident = read(db, lambda u: u.session.scalars(select(Hazard.id).where(
        Hazard.status == "rectifying", Hazard.deadline < today, Hazard.deadline >= today - timedelta(days=25))
        .order_by(Hazard.id).offset(offset).limit(1)).one())
    return read(db, lambda u: hz.rows_by_ids(u, [ident])[0])


def test_refresh_after_hazard_changes_equals_a_full_load(hdb, reopen) -> None:
    other = reopen(hdb)  # another workstation writes
    period = dash.Period.last(30)
    before = read(hdb, lambda u: dash.load(u, period))
    eid = read(hdb, lambda u: u.session.scalars(select(Enterprise.id).where(
        Enterprise.lead_department_id.is_not(None)).order_by(Enterprise.id)).first())
    found = act(other, lambda u: hz.report(u, ZHANG, hz.HazardReport(
        category=Category.FIRE, description="消防通道堆放杂物", enterprise_id=eid,
        found_at=day_start(period.end - timedelta(days=3)) + timedelta(hours=10))))
    late = _overdue_ticket(hdb)   # closed now, after its deadline: the deadline day's on-time count stays
    row = act(other, lambda u: hz.report_done(u, ZHANG, late.id, note="已整改", evidence=[photo(kind=AttachmentKind.EVIDENCE)],
                                              expected_version=late.version))
    act(other, lambda u: hz.reinspect(u, LI, late.id, passed=True, note="复查合格", expected_version=row.version))
    failed = _overdue_ticket(hdb)  # a new deadline: its old deadline day loses it
    row = act(other, lambda u: hz.report_done(u, ZHANG, failed.id, note="已整改",
                                              evidence=[photo(kind=AttachmentKind.EVIDENCE)],
                                              expected_version=failed.version))
    act(other, lambda u: hz.reinspect(u, LI, failed.id, passed=False, note="仍有问题", expected_version=row.version))
    touched = dash.Touched.of([Change("hazard", str(i), "updated") for i in (found.id, late.id, failed.id)])
    after = read(hdb, lambda u: dash.refresh(u, before, touched))
    full = read(hdb, lambda u: dash.load(u, period))
    assert replace(after, at=full.at) == full
    assert after != replace(before, at=after.at)
    assert after.open_total == before.open_total  # one found, one closed
    by_day = {d.day: d for d in after.days}
    assert by_day[period.end - timedelta(days=3)].new == {d.day: d for d in before.days}[
        period.end - timedelta(days=3)].new + 1
    assert by_day[failed.deadline].due == {d.day: d for d in before.days}[failed.deadline].due - 1
    assert after.overdue_total == before.overdue_total - 2
    assert after.five.inspections_recorded.whole == before.five.inspections_recorded.whole + 1


def test_refresh_recomputes_only_what_is_touched(hdb) -> None:
    period = dash.Period.last(7)
    before = read(hdb, lambda u: dash.load(u, period))
    fake = replace(before, major_open=-1, squad=(), structure=replace(before.structure, key_included=dash.Ratio(0, 0)))
    # nothing about hazards touched: the (deliberately wrong) hazard figures stay as they were
    got = read(hdb, lambda u: dash.refresh(u, fake, dash.Touched(squad=True)))
    assert got.major_open == -1 and got.squad == before.squad
    assert got.structure.key_included == dash.Ratio(0, 0)
    got = read(hdb, lambda u: dash.refresh(u, fake, dash.Touched(structure=True)))
    assert got.structure == before.structure and got.squad == ()
    got = read(hdb, lambda u: dash.refresh(u, fake, dash.Touched(hazard_ids=frozenset({1}))))
    assert got.major_open == before.major_open
    # a new district day reloads everything
    tomorrow = period.end + DAY
    got = read(hdb, lambda u: dash.refresh(u, fake, dash.Touched(), today=tomorrow))
    assert got.today == tomorrow and got.squad == before.squad and got.major_open == before.major_open


def test_touched_of_feed_changes() -> None:
    t = dash.Touched.of([Change("hazard", "12", "updated"), Change("hazard", "7", "created"),
                         Change("squad_member", "3", "moved"), Change("tracker", "1", "created")])
    assert t == dash.Touched(hazard_ids=frozenset({7, 12}))
    assert dash.Touched.of([Change("squad_member", "3", "updated")]).squad
    assert dash.Touched.of([Change("vehicle", "1", "updated")]).squad
    assert dash.Touched.of([Change("incident", "1", "updated")]).incidents
    assert dash.Touched.of([Change("enterprise", "1", "updated")]).structure
    assert dash.Touched.of([Change("boundary_rule", "1", "deleted")]).structure
    assert dash.Touched.of([Change("district", "demo", "created")]).everything
    assert not dash.Touched.of([Change("camera", "1", "created"), Change("user", "2", "updated")])
    assert (dash.Touched(squad=True) | dash.Touched(hazard_ids=frozenset({1}))) == dash.Touched(
        hazard_ids=frozenset({1}), squad=True)


def test_periods_and_drills() -> None:
    p = dash.Period.last(7, date(2026, 11, 29))
    assert (p.start, p.end, p.length) == (date(2026, 11, 23), date(2026, 11, 29), 7)
    assert date(2026, 11, 23) in p and date(2026, 11, 22) not in p
    with pytest.raises(ValidationError) as e:
        dash.Period(date(2026, 11, 29), date(2026, 11, 1))
    assert e.value.field == "period"
    with pytest.raises(ValidationError):
        dash.Period(date(2020, 1, 1), date(2026, 1, 1))
    d = dash.drill_overdue(35)
    assert (d.screen, d.hazards.overdue, d.hazards.street_id) == ("hazards", True, 35)
    assert dash.drill_open(HazardStatus.RECTIFYING).hazards.statuses == frozenset({HazardStatus.RECTIFYING})
    assert dash.drill_squad(2).sub_squad_id == 2 and dash.drill_squad(2).screen == "dispatch"
    assert dash.drill_unsupervised().enterprises.lead_department_id == NO_LEAD


def test_a_drill_lists_exactly_what_the_figure_counts(hdb) -> None:
    f = read(hdb, lambda u: dash.load(u, dash.Period.last(30)))
    street = next(s for s in f.streets if s.overdue)
    for drill, n in ((dash.drill_overdue(street.street_id), street.overdue), (dash.drill_overdue(), f.overdue_total),
                     (dash.drill_major(), f.major_open), (dash.drill_open(), f.open_total),
                     (dash.drill_open(HazardStatus.RECTIFYING), dict(f.open_by_status)[HazardStatus.RECTIFYING]),
                     (dash.drill_found_on(f.days[-2].day), f.days[-2].new)):
        assert read(hdb, lambda u, q=drill.hazards: hz.count(u, q)) == n


def test_the_hazard_figures_read_indexes_only(hdb) -> None:
    """Every statement on `hazards` is an index search (EXPLAIN; PostgreSQL with seq scans
    priced out, so a missing index shows as a Seq Scan even on a small table)."""
    statements: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany) -> None:
        if "hazards" in statement and not statement.lstrip().upper().startswith("EXPLAIN"):
            statements.append((statement, parameters))

    event.listen(hdb.engine, "before_cursor_execute", keep)
    try:
        read(hdb, lambda u: dash.load(u, dash.Period.last(30)))
        read(hdb, lambda u: dash.refresh(u, dash.load(u, dash.Period.last(30)),
                                         dash.Touched(hazard_ids=frozenset({1, 2, 3}))))
    finally:
        event.remove(hdb.engine, "before_cursor_execute", keep)
    assert len(statements) >= 6

    def plans(uow) -> list[str]:
        conn = uow.session.connection().connection.driver_connection
        out = []
        if hdb.is_postgres:
            with conn.cursor() as cur:
                cur.execute("SET LOCAL enable_seqscan = off")
                for sql, params in statements:
                    cur.execute("EXPLAIN " + sql, params)
                    out.append("\n".join(r[0] for r in cur.fetchall()))
        else:
            for sql, params in statements:
                out.append("\n".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)))
        return out

    for plan in read(hdb, plans):
        lines = plan.splitlines()
        if hdb.is_postgres:
            assert not any("Seq Scan on hazards" in ln for ln in lines), plan
        else:
            assert not any(ln.lstrip("|-` ").startswith("SCAN hazards") for ln in lines), plan
            assert any("INDEX" in ln or "PRIMARY KEY" in ln for ln in lines if "hazards" in ln), plan


def test_figures_functions_take_only_what_they_are_asked(hdb) -> None:
    today = district_today()
    whole = read(hdb, lambda u: figs.overdue_by_street(u, today))
    some = sorted(whole)[:2]
    assert read(hdb, lambda u: figs.overdue_by_street(u, today, some)) == {k: whole[k] for k in some}
    assert read(hdb, lambda u: figs.overdue_by_street(u, today, [])) == {}
    days = [today - timedelta(days=40), today - timedelta(days=2)]
    got = read(hdb, lambda u: figs.day_counts(u, days))
    full = {d.day: d for d in read(hdb, lambda u: dash.load(u, dash.Period.last(41))).days}
    assert got == {d: full[d] for d in days}
    assert read(hdb, lambda u: figs.day_counts(u, [])) == {}
