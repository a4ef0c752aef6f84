"""The dispatch screen's incident side: intake (type-ahead, grids, similar-incident warning and
merge, a map point), the recommendation, one-click dispatch, refusals, lifecycle actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from desktop.data.tables import Enterprise, Grid
from desktop.data.tables_dispatch import Incident
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.incident import IncidentStatus, incident_code
from desktop.domain.squad import MemberStatus
from desktop.models.dispatch_models import reason_text
from desktop.services import dispatch, incident_queries, incidents, squad
from desktop.services.common import SYSTEM
from desktop.services.incident_location import LocationInput
from desktop.views.dispatch.intake import IntakeDialog
from desktop.views.dispatch.timeline_text import describe
from tests.gui.dispatch.support import WAIT_MS, actor_for, attach_testers, shut_down, write

pytestmark = pytest.mark.gui


def reported(db) -> list[int]:
    return write(db, lambda uow: [r.id for r in incident_queries.list_incidents(
        uow, incident_queries.IncidentFilter(statuses=frozenset({"reported"})))])


def new_incident(db, lon, lat, itype="fire", severity="medium") -> int:
    return write(db, lambda uow: incidents.report_incident(uow, SYSTEM, incidents.IncidentInput(
        itype, severity, LocationInput(lon=lon, lat=lat), caller="测试")).incident.row.id)


def test_intake_by_typing_resolves_every_grid_and_creates_the_incident(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    firm = write(demo_sqlite, lambda uow: uow.session.execute(
        select(Enterprise.id, Enterprise.name, Enterprise.grid_id).order_by(Enterprise.id).limit(1)).one())
    dialog = o.screen.intake_dialog()
    show_active(dialog, qtbot)
    dialog.type_group.button(1).click()                                  # gas leak
    QTest.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3: hazardous chemicals
    qtbot.waitUntil(lambda: dialog.type_group.checkedButton().property("value") == "hazardous_chemicals",
                    timeout=WAIT_MS)  # a button's shortcut animates its click
    dialog.location.insert(firm.name[:6])                                # typed: textEdited fires
    qtbot.waitUntil(lambda: dialog.candidates.isVisible() and dialog.candidates.count() > 0, timeout=WAIT_MS)
    row = next(i for i in range(dialog.candidates.count()) if firm.name in dialog.candidates.item(i).text())
    dialog.candidates.setCurrentRow(row)
    QTest.keyClick(dialog.location, Qt.Key.Key_Return)                   # Enter picks the highlighted place
    chain = write(demo_sqlite, lambda uow: _chain(uow, firm.grid_id))
    qtbot.waitUntil(lambda: all(n in dialog.place.text() for n in chain), timeout=WAIT_MS)
    dialog.caller.insert("王先生")
    QTest.keyClicks(dialog.phone, "13800000000")
    dialog.description.insertPlainText("仓库冒烟，有刺激性气味")
    QTest.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    d = write(demo_sqlite, lambda uow: incident_queries.incident_detail(uow, dialog.saved_id))
    assert d.row.type == "hazardous_chemicals" and d.row.caller == "王先生" and d.enterprise_id == firm.id
    assert [g.name for g in d.grids][:3] == chain[:3] and d.grids[-1].level == GridLevel.ENTERPRISE
    o.screen.after_intake(dialog)
    qtbot.waitUntil(lambda: o.screen.incidents.selected_id() == dialog.saved_id, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: o.screen.incidents.panel.detail is not None
                    and o.screen.incidents.panel.detail.row.id == dialog.saved_id, timeout=WAIT_MS)


def show_active(widget, qtbot) -> None:
    """Shortcuts only reach the active window."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=WAIT_MS)


def _chain(uow: UnitOfWork, grid_id: int) -> list[str]:
    names, node = [], uow.session.get(Grid, grid_id)
    while node is not None and node.level != GridLevel.DISTRICT:
        names.append(node.name)
        node = uow.session.get(Grid, node.parent_id) if node.parent_id else None
    return list(reversed(names))


def test_a_second_report_nearby_warns_and_merges_into_the_first(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    lon, lat = write(demo_sqlite, lambda uow: uow.session.execute(
        select(Enterprise.lon, Enterprise.lat).order_by(Enterprise.id.desc()).limit(1)).one())
    first = new_incident(demo_sqlite, lon, lat)
    dialog = o.screen.intake_dialog(lon + 0.0004, lat)                    # ~40 m east: a map right-click
    dialog.show()
    code = incident_code(first)
    qtbot.waitUntil(lambda: dialog.similar.isVisible() and code in dialog.similar_text.text(), timeout=WAIT_MS)
    assert code in dialog.merge_button.text()
    dialog.caller.insert("李女士")
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert dialog.merged_into == first
    dup = write(demo_sqlite, lambda uow: incident_queries.incident_detail(uow, dialog.saved_id))
    target = write(demo_sqlite, lambda uow: incident_queries.incident_detail(uow, first))
    assert dup.row.status == IncidentStatus.CLOSED and dup.row.merged_into_id == first
    assert dup.row.code in target.merged_from and any(e.kind == "merge" for e in target.timeline)


def test_the_maps_new_incident_here_opens_the_intake_at_that_point(qtbot, demo_sqlite, tmp_path, monkeypatch):
    from desktop.app import build_context
    from desktop.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/screen", "grids")                       # the map (QtWebEngine) is not opened
    shown: list[IntakeDialog] = []
    monkeypatch.setattr(IntakeDialog, "exec", lambda self: shown.append(self) or 0)
    ctx = build_context(demo_sqlite, actor_for(demo_sqlite))
    window = MainWindow(ctx, settings)
    lon, lat = write(demo_sqlite, lambda uow: uow.session.execute(
        select(Enterprise.lon, Enterprise.lat).order_by(Enterprise.id).limit(1)).one())
    try:
        window.open_incident_intake(lon, lat)           # what MapScreen.new_incident_requested is wired to
        assert window.current_screen() == "dispatch" and len(shown) == 1
        dialog = shown[0]
        assert dialog._loc == LocationInput(lon=lon, lat=lat)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
        assert (dialog.preview.lon, dialog.preview.lat) == (round(lon, 6), round(lat, 6))
    finally:
        shut_down(ctx, window)


def test_the_recommendation_lists_the_services_candidates_in_order_with_reasons(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    iid = reported(demo_sqlite)[0]
    tab, panel = o.screen.incidents, o.screen.incidents.panel
    attach_testers(tab.model, panel.recommend.model, panel.timeline, panel.units)
    tab.show_incident(iid)
    rec_panel = panel.recommend
    qtbot.waitUntil(lambda: rec_panel.plan is not None and rec_panel.plan.incident_id == iid, timeout=WAIT_MS)
    plan = write(demo_sqlite, lambda uow: dispatch.recommend_for_incident(uow, iid))
    model = rec_panel.model
    assert [c.unit.key for c in model.candidates()] == [c.unit.key for c in plan.recommendation.candidates]
    assert model.team == list(plan.recommendation.team)
    top = plan.recommendation.candidates[0]
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert [r.code for r in top.reasons][:4] == ["grid", "distance", "eta", "equipment"]
    assert tip.splitlines() == [reason_text(r, plan.sub_squads) for r in top.reasons]
    assert model.index(0, model.UNIT).data() == top.unit.name
    assert model.index(0, model.CHECK).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # Unticking the team leaves the equipment missing; the coverage line says so.
    for key in list(model.team):
        model.set_ticked(key, False)
    assert not rec_panel.send_button.isEnabled()
    rec_panel.reset_team()
    assert model.team == list(plan.recommendation.team) and rec_panel.send_button.isEnabled()
    assert tab.model.rowCount() >= 1 and panel.timeline.rowCount() >= 1
    assert all(describe(e) for e in panel.detail.timeline)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_one_click_dispatch_moves_the_board_and_the_incident(backend, request, open_dispatch, qtbot):
    db = request.getfixturevalue("demo_sqlite" if backend == "sqlite" else "pg_demo_module")
    o = open_dispatch(db)
    lon, lat = write(db, lambda uow: uow.session.execute(
        select(Enterprise.lon, Enterprise.lat).order_by(Enterprise.id).offset(7).limit(1)).one())
    iid = new_incident(db, lon, lat, "traffic", "low")
    tab = o.screen.incidents
    qtbot.waitUntil(lambda: tab.model.row_of(iid) >= 0, timeout=WAIT_MS)    # the feed brought it in
    tab.show_incident(iid)
    rec = tab.panel.recommend
    qtbot.waitUntil(lambda: rec.plan is not None and rec.plan.incident_id == iid
                    and tab.panel.detail is not None and tab.panel.detail.row.id == iid, timeout=WAIT_MS)
    team = [int(k.split(":")[1]) for k in rec.plan.recommendation.team if k.startswith("member:")]
    assert team
    show_active(o.screen, qtbot)
    o.screen.incidents.list.setFocus()
    QTest.keyClick(o.screen.incidents.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)   # 一键调度
    board = o.screen.board
    qtbot.waitUntil(lambda: all(board.live.state.members[m].status == MemberStatus.DISPATCHED for m in team),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.model.row_at(tab.model.row_of(iid)).status == IncidentStatus.DISPATCHED
                    and tab.panel.detail.row.status == IncidentStatus.DISPATCHED, timeout=WAIT_MS)
    assert all(board.model.row_at(board.model.row_of(m)).incident_id == iid for m in team)
    assert tab.model.row_at(tab.model.row_of(iid)).units_active >= len(team)
    qtbot.waitUntil(lambda: tab.panel.units.rowCount() >= len(team), timeout=WAIT_MS)
    assert "on_scene" in tab.panel.detail.allowed
    assert str(tab.panel.detail.row.code) in rec.messages.label.text()


def test_a_member_is_never_dispatched_twice_and_the_message_says_who(open_dispatch, demo_sqlite, reopen, qtbot):
    o = open_dispatch(demo_sqlite)
    lon, lat = write(demo_sqlite, lambda uow: uow.session.execute(
        select(Enterprise.lon, Enterprise.lat).order_by(Enterprise.id).offset(20).limit(1)).one())
    a = new_incident(demo_sqlite, lon, lat, "fire", "low")
    b = new_incident(demo_sqlite, lon + 0.02, lat, "other", "low")
    tab = o.screen.incidents
    qtbot.waitUntil(lambda: tab.model.row_of(a) >= 0, timeout=WAIT_MS)
    tab.show_incident(a)
    rec = tab.panel.recommend
    qtbot.waitUntil(lambda: rec.plan is not None and rec.plan.incident_id == a and not o.ctx.ops.busy,
                    timeout=WAIT_MS)
    first = next(c for c in rec.model.team_candidates() if c.unit.kind == "member")
    # A colleague sends that member to B; this screen dispatches before the feed brings the news.
    other = reopen(demo_sqlite)
    b_version = write(other, lambda uow: uow.session.get(Incident, b).version)
    write(other, lambda uow: dispatch.dispatch(uow, SYSTEM, b, member_ids=[first.unit.id], expected_version=b_version))
    rec.send_button.click()
    code_b = f"JQ{b:06d}"
    qtbot.waitUntil(lambda: first.unit.name in rec.messages.label.text() and code_b in rec.messages.label.text(),
                    timeout=WAIT_MS)
    assert rec.messages.kind.name == "ERROR"
    states = write(demo_sqlite, lambda uow: {m.id: m for m in squad.member_rows(uow)})
    assert states[first.unit.id].incident_id == b                      # nothing of ours was written
    assert write(demo_sqlite, lambda uow: uow.session.get(Incident, a).status) == IncidentStatus.REPORTED
    qtbot.waitUntil(lambda: first.unit.key not in rec.model.team, timeout=WAIT_MS)  # refreshed: now excluded


def test_an_off_duty_member_needs_the_box_and_a_reason(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    iid = reported(demo_sqlite)[0]
    tab = o.screen.incidents
    tab.show_incident(iid)
    rec = tab.panel.recommend
    qtbot.waitUntil(lambda: rec.plan is not None and rec.plan.incident_id == iid, timeout=WAIT_MS)
    off = next(c for c in rec.model.candidates() if c.needs_override == "off_duty")
    rec.model.set_ticked(off.unit.key, True)
    assert off.unit.name in rec.override_problem()
    rec.send_button.click()
    assert off.unit.name in rec.messages.label.text()
    rec.off_duty.setChecked(True)
    qtbot.waitUntil(lambda: rec.plan.recommendation is not None and not o.ctx.ops.busy, timeout=WAIT_MS)
    if off.unit.key not in rec.model.team:
        rec.model.set_ticked(off.unit.key, True)
    assert rec.override_problem()                                      # still no reason
    rec.reason.setText("人手不足，队长同意")
    assert rec.override_problem() == ""
    rec.send_button.click()
    qtbot.waitUntil(lambda: write(demo_sqlite, lambda uow: uow.session.get(Incident, iid).status)
                    == IncidentStatus.DISPATCHED, timeout=WAIT_MS)
    d = write(demo_sqlite, lambda uow: incident_queries.incident_detail(uow, iid))
    row = next(x for x in d.dispatches if x.unit_id == off.unit.id and x.kind == "member")
    assert row.override_off_duty and row.override_reason == "人手不足，队长同意"


def test_lifecycle_actions_follow_allowed(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    panel = o.screen.incidents.panel
    on_scene = write(demo_sqlite, lambda uow: [r.id for r in incident_queries.list_incidents(
        uow, incident_queries.IncidentFilter(statuses=frozenset({"on_scene"})))])[0]
    o.screen.incidents.show_incident(on_scene)
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.row.id == on_scene, timeout=WAIT_MS)
    assert panel.buttons["hand_over"].isEnabled() and not panel.buttons["on_scene"].isEnabled()
    panel.add_note("现场已设置警戒")
    qtbot.waitUntil(lambda: any(e.text == "现场已设置警戒" for e in panel.detail.timeline), timeout=WAIT_MS)
    panel.hand_over("泉山消防救援站", "张队长接手")
    qtbot.waitUntil(lambda: panel.detail.row.status == IncidentStatus.HANDED_OVER, timeout=WAIT_MS)
    assert not panel.buttons["hand_over"].isEnabled() and panel.buttons["close"].isEnabled()
    assert "泉山消防救援站" in panel.header.text()
    panel.close_incident("")
    qtbot.waitUntil(lambda: panel.detail.row.status == IncidentStatus.CLOSED, timeout=WAIT_MS)
    assert [k for k, b in panel.buttons.items() if b.isEnabled()] == ["note"]
    qtbot.waitUntil(lambda: o.screen.incidents.model.row_of(on_scene) < 0, timeout=WAIT_MS)  # open only
    texts = [describe(e) for e in panel.detail.timeline]
    assert any("泉山消防救援站" in t for t in texts)
