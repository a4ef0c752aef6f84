"""The dispatch screen's other tabs (equipment, training), the timeline's wording, and live
positions received inside the app (the receiver on this workstation, over real HTTP)."""

from __future__ import annotations

import socket
import time
import urllib.request
from threading import Thread

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from desktop.data.tables import Enterprise
from desktop.domain.squad import EquipmentState
from desktop.domain.training import TrainingResult
from desktop.services import dispatch_settings, incident_queries, roster, squad, training
from desktop.services.common import SYSTEM
from desktop.views.dispatch.timeline_text import describe
from desktop.views.dispatch.training_tab import SessionDialog
from desktop.views.tracking import HERE_KEY, TrackingController, TrackingDialog, TrackingIndicator
from tests.gui.dispatch.support import WAIT_MS, attach_testers, write

pytestmark = pytest.mark.gui


def test_the_equipment_register_and_a_stale_edit(open_dispatch, demo_sqlite, reopen, qtbot):
    o = open_dispatch(demo_sqlite)
    tab = o.screen.equipment
    attach_testers(tab.model)
    register = write(demo_sqlite, roster.equipment_register)
    assert tab.model.rowCount() == len(register)
    assert [r.sub_squad_id for r in tab.model.rows() if r.vehicle_id is None] == sorted(
        r.sub_squad_id for r in register if r.vehicle_id is None)
    line = next(r for r in tab.model.rows() if r.state == EquipmentState.READY and r.sub_squad_id)
    data = roster.EquipmentInput(line.kind, EquipmentState.MAINTENANCE, line.count - 1, sub_squad_id=line.sub_squad_id,
                                 next_check=line.next_check)
    write(reopen(demo_sqlite), lambda uow: roster.update_equipment(uow, SYSTEM, line.id, data,
                                                                   expected_version=line.version))
    tab.save(line, data)                                              # the form was opened before that
    qtbot.waitUntil(lambda: "colleague" in tab.messages.label.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.model.row_at(tab.model.row_of(line.id)).count == line.count - 1, timeout=WAIT_MS)
    tab.only_due.setChecked(True)
    assert all(r.check_due for r in tab.model.rows())


def test_training_sessions_recording_and_the_quarterly_assessment(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    tab = o.screen.training
    attach_testers(tab.sessions, tab.records, tab.assessment)
    qtbot.waitUntil(lambda: tab.sessions.rowCount() > 0 and tab.assessment.rowCount() == 36
                    and tab.records.rowCount() > 0, timeout=WAIT_MS)
    before = tab.sessions.rowCount()
    dialog = SessionDialog(sorted(o.screen.live.state.members.values(), key=lambda m: m.call_sign), tab)
    dialog.subject.setText("夜间拉动演练")
    dialog.kind.setCurrentIndex(dialog.kind.findData("drill"))
    dialog.sub_squad.setCurrentIndex(1)                               # the first sub-squad: 12 members
    assert dialog.results.rowCount() == 12
    first = dialog.results.item(0, 0).data(0x0100)
    dialog.set_result(first, TrainingResult.EXCELLENT)
    data, attendance = dialog.value()
    assert len(attendance) == 12 and attendance[first] == "excellent"
    tab.save_session(data, attendance)
    qtbot.waitUntil(lambda: tab.sessions.rowCount() == before + 1, timeout=WAIT_MS)
    newest = write(demo_sqlite, lambda uow: training.list_sessions(uow, limit=1))[0]
    assert newest.subject == "夜间拉动演练" and newest.attended == 12
    assert tab.sessions.rows()[0].id == newest.id


def test_every_timeline_entry_is_worded_from_its_data(demo_sqlite):
    def all_entries(uow):
        ids = [r.id for r in incident_queries.list_incidents(uow, incident_queries.IncidentFilter(limit=60))]
        return [e for i in ids for e in incident_queries.incident_detail(uow, i).timeline]

    entries = write(demo_sqlite, all_entries)
    kinds = {e.kind for e in entries}
    assert {"reported", "status", "dispatch", "member"} <= kinds
    for e in entries:
        text = describe(e)
        assert text
        if e.data and e.kind != "note":
            assert text != e.text or e.kind == "edit", e        # worded from data, not the English text
        if e.kind in ("dispatch", "member"):
            assert e.data["name"] in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_positions_are_received_in_the_app_and_move_the_board(open_dispatch, demo_sqlite, qtbot, tmp_path):
    port = _free_port()
    write(demo_sqlite, lambda uow: dispatch_settings.update_settings(
        uow, SYSTEM, dispatch_settings.TRACKING_KEY, {"enabled": True, "port": port}, expected_version=None))
    o = open_dispatch(demo_sqlite)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    controller = TrackingController(o.ctx, settings)
    light = TrackingIndicator(controller)
    qtbot.addWidget(light)
    controller.start()
    try:
        qtbot.waitUntil(lambda: controller.running, timeout=WAIT_MS)
        assert str(port) in light.text()
        member = next(m for m in write(demo_sqlite, squad.member_rows) if m.tracker)
        lon, lat, street = write(demo_sqlite, lambda uow: uow.session.execute(
            select(Enterprise.lon, Enterprise.lat, Enterprise.street_id).order_by(Enterprise.id.desc()).limit(1)).one())
        url = f"http://127.0.0.1:{port}/?id={member.tracker}&lat={lat}&lon={lon}&timestamp={int(time.time())}"
        answers: list[int] = []
        Thread(target=lambda: answers.append(urllib.request.urlopen(url, timeout=10).status)).start()
        board = o.screen.board.live.state
        qtbot.waitUntil(lambda: board.members[member.id].place.lon == lon, timeout=WAIT_MS)
        assert answers == [200] and board.members[member.id].place.source == "tracker"
        qtbot.waitUntil(lambda: controller.stored_count == 1 and "1" in light.text(), timeout=WAIT_MS)
    finally:
        controller.stop()
    assert not controller.running and str(port) not in light.text()
    settings.setValue(HERE_KEY, False)                                  # this workstation opts out
    controller.start()
    qtbot.waitUntil(lambda: controller.config is not None and not o.ctx.ops.busy, timeout=WAIT_MS)
    assert not controller.running and "○" in light.text()


def test_the_tracking_dialog_saves_the_setting_and_starts_the_receiver(open_dispatch, demo_sqlite, qtbot, tmp_path):
    o = open_dispatch(demo_sqlite, "admin")
    controller = TrackingController(o.ctx, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = TrackingDialog(o.ctx, controller)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    assert not dialog.enabled.isChecked() and dialog.host.text() == "127.0.0.1"
    port = _free_port()
    dialog.enabled.setChecked(True)
    dialog.port.setValue(port)
    assert f":{port}/" in dialog.hint.text()
    dialog.host.setText("not an address")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT_MS)  # refused, the field named
    assert not controller.running
    dialog.host.setText("127.0.0.1")
    dialog.save()
    try:
        qtbot.waitUntil(lambda: controller.running and controller.receiver.address[1] == port, timeout=WAIT_MS)
        stored = write(demo_sqlite, lambda uow: dispatch_settings.get_tracking_settings(uow))
        assert stored.enabled and stored.port == port
    finally:
        controller.stop()


def test_the_minimum_free_override_needs_the_box_and_a_reason(open_dispatch, demo_sqlite, qtbot):
    write(demo_sqlite, lambda uow: dispatch_settings.update_settings(
        uow, SYSTEM, dispatch_settings.DISPATCH_KEY, {"min_free_per_sub_squad": 12}, expected_version=None))
    o = open_dispatch(demo_sqlite)
    iid = write(demo_sqlite, lambda uow: incident_queries.list_incidents(
        uow, incident_queries.IncidentFilter(statuses=frozenset({"reported"})))[0].id)
    o.screen.incidents.show_incident(iid)
    rec = o.screen.incidents.panel.recommend
    qtbot.waitUntil(lambda: rec.plan is not None and rec.plan.incident_id == iid, timeout=WAIT_MS)
    held = next(c for c in rec.model.candidates() if c.needs_override == "min_free")
    assert "min_free" in [r.code for r in held.reasons]
    rec.model.set_ticked(held.unit.key, True)
    assert held.unit.name in rec.override_problem()
    rec.min_free.setChecked(True)
    rec.reason.setText("重大警情，队长批准")
    qtbot.waitUntil(lambda: not o.ctx.ops.busy and rec.plan is not None, timeout=WAIT_MS)
    if held.unit.key not in rec.model.team:
        rec.model.set_ticked(held.unit.key, True)
    assert rec.override_problem() == ""
    rec.send_button.click()
    qtbot.waitUntil(lambda: "JQ" in rec.messages.label.text() and rec.messages.kind.name == "INFO", timeout=WAIT_MS)
    d = write(demo_sqlite, lambda uow: incident_queries.incident_detail(uow, iid))
    assert any(x.override_min_free and x.override_reason == "重大警情，队长批准" for x in d.dispatches)
