"""The escalation run: each step an event, idempotent, and the headless `safegrid escalate`."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, time, timedelta

from desktop.data.engine import open_database
from desktop.domain.hazard_flow import HazardAction
from desktop.domain.hazard_terms import DISTRICT_TZ, district_today
from desktop.services import hazards as hz
from desktop.services.escalation import run_escalation
from tests.services.hazard_support import DUTY, ZHANG, act, read, rectifying, snapshot
from tests.test_cli import safegrid


def _on(day) -> datetime:
    return datetime.combine(day, time(1, 0), DISTRICT_TZ).astimezone(UTC)


def test_escalation_climbs_the_ladder_one_event_per_step_and_is_idempotent(demo_db):
    deadline = district_today() + timedelta(days=5)
    row = rectifying(demo_db, deadline=deadline)
    first = act(demo_db, lambda u: run_escalation(u, now=_on(deadline + timedelta(days=8))))
    mine = [s for s in first.steps if s.hazard_id == row.id]
    assert [(s.from_level, s.to_level, s.overdue_days) for s in mine] == [(0, 3, 8)]
    before = snapshot(demo_db)
    again = act(demo_db, lambda u: run_escalation(u, now=_on(deadline + timedelta(days=8))))
    assert again.steps == () and snapshot(demo_db) == before  # nothing changes the second time
    later = act(demo_db, lambda u: run_escalation(u, now=_on(deadline + timedelta(days=20))))
    assert [(s.from_level, s.to_level) for s in later.steps if s.hazard_id == row.id] == [(3, 4)]
    detail = read(demo_db, lambda u: hz.detail(u, row.id, DUTY))
    steps = [e for e in detail.timeline if e.action is HazardAction.ESCALATE]
    assert [(e.data["from_level"], e.data["to_level"], e.actor) for e in steps] == [(0, 3, "system"), (3, 4, "system")]
    assert detail.row.escalation_level == 4 and detail.row.overdue_days == 0  # overdue counts from today
    # the escalation did not make the duty officer's open form stale
    act(demo_db, lambda u: hz.add_note(u, ZHANG, row.id, "已督办", expected_version=row.version))


def test_a_reminder_before_the_deadline_and_nothing_after_the_work_is_done(demo_sqlite):
    deadline = district_today() + timedelta(days=10)
    row = rectifying(demo_sqlite, deadline=deadline)
    run = act(demo_sqlite, lambda u: run_escalation(u, now=_on(deadline - timedelta(days=2))))
    assert [(s.from_level, s.to_level) for s in run.steps if s.hazard_id == row.id] == [(0, 1)]
    assert "临期提醒" in next(s for s in run.steps if s.hazard_id == row.id).describe()
    from tests.services.hazard_support import photo

    act(demo_sqlite, lambda u: hz.report_done(u, ZHANG, row.id, note="完成", evidence=[photo()],
                                              expected_version=None))
    run = act(demo_sqlite, lambda u: run_escalation(u, now=_on(deadline + timedelta(days=30))))
    assert row.id not in {s.hazard_id for s in run.steps}


def test_safegrid_escalate_is_idempotent_from_the_command_line(tmp_path, demo_template):
    path = tmp_path / "esc.db"
    shutil.copyfile(demo_template, path)
    first = safegrid("--db", str(path), "escalate")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip().splitlines()[-1].endswith("escalated")
    second = safegrid("--db", str(path), "escalate")
    assert second.returncode == 0 and second.stdout.strip().endswith("checked, 0 escalated")
    db = open_database(f"sqlite:///{path}")
    try:
        counts = read(db, lambda u: hz.queues(u, DUTY))
        assert counts.overdue > 0 and dict(counts.overdue_by_level).get(0, 0) == 0
    finally:
        db.dispose()


def test_demo_hazards_option(tmp_path):
    url = f"sqlite:///{tmp_path / 'small.db'}"
    out = safegrid("--db", url, "demo", "--hazards", "120")
    assert out.returncode == 0, out.stderr
    assert "120 hazards" in out.stdout
    assert "must be 0 or more" in safegrid("--db", url, "demo", "--force", "--hazards", "-1").stderr
    again = safegrid("--db", url, "demo", "--force", "--hazards", "40")
    assert again.returncode == 0 and "40 hazards" in again.stdout, again.stderr
