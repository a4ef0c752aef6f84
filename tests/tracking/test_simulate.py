"""`safegrid simulate` and `safegrid receive`: units move through the real receiver, bounded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request

from sqlalchemy import func, select

from desktop.data.tables_dispatch import Incident, MemberState, PositionReport
from desktop.data.uow import UnitOfWork
from desktop.domain.incident import IncidentStatus
from desktop.domain.squad import MemberStatus
from desktop.services import dispatch
from desktop.services.common import SYSTEM
from desktop.tracking.simulate import simulate


def test_dispatched_members_drive_to_the_incident_through_the_receiver(world_sqlite):
    db, _ = world_sqlite
    report = simulate(db, duration_s=60, interval_s=0.05, speedup=1000, new_incident=True, seed=4)
    assert report.stopped == "nobody is moving"
    assert report.incident and report.sent == report.accepted > 0 and report.refused == 0
    with UnitOfWork(db, write=False) as uow:
        s = uow.session
        incident = s.scalars(select(Incident)).one()
        on_scene = s.scalar(select(func.count()).select_from(MemberState).where(
            MemberState.status == MemberStatus.ON_SCENE))
        simulated = s.scalar(select(func.count()).select_from(PositionReport).where(PositionReport.source == "simulated"))
    assert incident.status == IncidentStatus.ON_SCENE and incident.arrived_at is not None
    assert on_scene == len([n for n in report.arrived if not n.startswith("微型")]) > 0
    assert simulated == report.accepted
    # Closing sends them home; the next run drives them back to available.
    from desktop.services import incidents

    with UnitOfWork(db) as uow:
        incidents.close_incident(uow, SYSTEM, incident.id, expected_version=None, reason="演练结束")
    back = simulate(db, duration_s=60, interval_s=0.05, speedup=1000)
    assert back.stopped == "nobody is moving" and len(back.home) == len(report.arrived)


def test_simulate_is_bounded_by_its_report_limit(world_sqlite):
    db, w = world_sqlite
    with UnitOfWork(db) as uow:
        from desktop.services import incidents
        from desktop.services.incident_location import LocationInput

        row = incidents.report_incident(uow, SYSTEM, incidents.IncidentInput(
            "other", "low", LocationInput(lon=117.039, lat=34.019))).incident.row
    with UnitOfWork(db) as uow:
        dispatch.dispatch(uow, SYSTEM, row.id, member_ids=[w.members[0]], expected_version=None)
    report = simulate(db, duration_s=60, max_reports=3, interval_s=0.05, speedup=1)
    assert (report.stopped, report.sent) == ("report limit", 3)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_receive_command_serves_until_its_time_is_up(world_sqlite):
    db, _ = world_sqlite
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--db", db.url.database, "receive", "--port",
                             str(port), "--for", "20"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=os.environ.copy())
    try:
        assert "listening on http://127.0.0.1:" in proc.stdout.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/?id=dev1&lat=34.01&lon=117.01", timeout=10) as r:
            assert r.status == 200
    finally:
        proc.terminate()
        proc.wait(20)
    bad = subprocess.run([sys.executable, "-m", "desktop", "--db", db.url.database, "receive", "--host", "localhost"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and bad.stderr.startswith("safegrid: error: --host")
