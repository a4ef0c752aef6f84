"""The hazard screen as duty officers use it: the closed loop through the forms (two users), a
conflict from a second workstation, live updates that keep the selection and the scroll, bulk
assign, my queues, refusals that name the field, the ledger export, keyboard, escalation."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from desktop.data.tables_hazards import HazardEvent
from desktop.domain.hazard_flow import HazardAction
from desktop.domain.hazard_terms import AttachmentKind, HazardStatus
from desktop.models.hazard_table import Column
from desktop.reports.ledger_xlsx import HEADER_ROW
from desktop.services import hazards as hz
from desktop.services.hazards import Queue
from desktop.views.admin_message import Kind
from desktop.views.hazard_dialogs import FileList
from tests.gui.hazard_env import (
    ADMIN,
    DUTY,
    LINA,
    WAIT_MS,
    ZHANG,
    act,
    choose,
    classified,
    png_file,
    read,
    reported,
    routed_enterprise,
    wait_loaded,
)

pytestmark = pytest.mark.gui
A = HazardAction


def status_of(db, hazard_id: int) -> HazardStatus:
    return read(db, lambda u: hz.rows_by_ids(u, [hazard_id])[0].status)


def submit(qtbot, screen, fill=lambda d: None):
    dialog = screen.actions.dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    dialog.ok.click()
    return dialog


def accepted(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT_MS)


def detail_status(screen) -> HazardStatus | None:
    return screen.detail.detail.row.status if screen.detail.detail else None


def test_the_closed_loop_through_the_forms_by_two_users(qtbot, hdb, hazard_screen, tmp_path):
    duty = hazard_screen(hdb, DUTY)
    photo, evidence = png_file(tmp_path / "现场.png"), png_file(tmp_path / "整改后.png", "green")
    # Found: the new-hazard form, at an enterprise, with a site photo.
    duty.new_hazard()
    qtbot.waitUntil(lambda: duty.actions.dialog is not None, timeout=WAIT_MS)
    eid = routed_enterprise(hdb, 7)

    def found(d):
        d.enterprise.setCurrentIndex(d.enterprise.findData(eid))
        d.description.setPlainText("二楼疏散通道堆放纸箱")
        d.files.add_files([photo])

    accepted(qtbot, submit(qtbot, duty, found))
    qtbot.waitUntil(lambda: detail_status(duty) is HazardStatus.FOUND, timeout=WAIT_MS)
    hid = duty.detail.detail.row.id
    qtbot.waitUntil(lambda: duty.model.row_of(hid) == 0, timeout=WAIT_MS)  # newest first: on top, live
    assert A.CLASSIFY in duty.detail.detail.allowed and duty.detail.buttons[A.CLASSIFY].isVisibleTo(duty)
    # Classified, then assigned, then reported done with evidence: each through its form.
    steps = [
        (A.CLASSIFY, lambda d: None, HazardStatus.CLASSIFIED),
        (A.ASSIGN, lambda d: d.responsible.setText("王建国（企业负责人）"), HazardStatus.RECTIFYING),
        (A.REPORT_DONE, lambda d: (d.note.setPlainText("纸箱已清理，通道畅通"), d.files.add_files([evidence])),
         HazardStatus.AWAITING_REINSPECTION),
    ]
    for action, fill, status in steps:
        duty.start_action(action)
        accepted(qtbot, submit(qtbot, duty, fill))
        qtbot.waitUntil(lambda s=status: detail_status(duty) is s and
                        duty.model.row_at(duty.model.row_of(hid)).status is s, timeout=WAIT_MS)
    # The rectifier may not re-inspect: the button is not offered, the key does nothing.
    assert A.REINSPECT_PASS not in duty.detail.detail.allowed
    assert not duty.detail.buttons[A.REINSPECT_PASS].isVisibleTo(duty)
    # Another duty officer on another workstation passes the re-inspection: closed off.
    lina = hazard_screen(hdb, LINA)
    lina.open_hazard(hid)
    qtbot.waitUntil(lambda: lina.detail.detail is not None and lina.detail.detail.row.id == hid, timeout=WAIT_MS)
    lina.start_action(A.REINSPECT_PASS)
    accepted(qtbot, submit(qtbot, lina, lambda d: d.note.setPlainText("现场复查合格")))
    assert status_of(hdb, hid) is HazardStatus.CLOSED
    # The first workstation follows live: its row and its open ticket, with the whole timeline.
    qtbot.waitUntil(lambda: detail_status(duty) is HazardStatus.CLOSED and
                    duty.model.row_at(duty.model.row_of(hid)).status is HazardStatus.CLOSED, timeout=WAIT_MS)
    assert duty.model.index(duty.model.row_of(hid), Column.STATUS).data() in ("Closed off", "已销号")
    timeline = duty.detail.detail.timeline
    assert [e.action for e in timeline] == [A.REPORT, A.CLASSIFY, A.ASSIGN, A.REPORT_DONE, A.REINSPECT_PASS]
    assert timeline[-1].actor == "lina" and timeline[3].actor == "duty"
    assert len(duty.detail.timeline.thumbnails) == 2  # the site photo and the evidence, as thumbnails
    assert not duty.detail.timeline.thumbnails[0].icon().isNull()
    # A thumbnail opens the full photo.
    duty.detail.timeline.thumbnails[0].click()
    qtbot.waitUntil(lambda: duty.actions.viewer is not None, timeout=WAIT_MS)
    assert duty.actions.viewer.pixmap.width() == 320


def test_a_conflict_from_a_second_workstation_is_shown_and_nothing_is_overwritten(qtbot, hdb, hazard_screen, second_engine):
    ticket = reported(hdb, description="冲突测试：配电箱门缺失", enterprise_offset=3)
    duty = hazard_screen(hdb, DUTY)
    duty.open_hazard(ticket.id)
    qtbot.waitUntil(lambda: duty.detail.detail is not None and duty.detail.detail.row.id == ticket.id,
                    timeout=WAIT_MS)
    duty.start_action(A.DISMISS)
    dialog = duty.actions.dialog
    # Meanwhile a colleague classifies it on another workstation.
    elsewhere = second_engine(hdb)
    theirs = act(elsewhere, lambda u: hz.classify(u, ZHANG, ticket.id, severity=ticket.severity,
                                                  expected_version=ticket.version))
    dialog.reason.setPlainText("重复上报")
    dialog.ok.click()
    qtbot.waitUntil(lambda: duty.message.isVisible() and duty.message.kind is Kind.WARNING, timeout=WAIT_MS)
    text = duty.message.text()
    assert "张伟" in text and ticket.code in text and dialog.result() == dialog.DialogCode.Rejected
    assert any(word in text for word in ("To rectify", "待整改"))
    # Nothing of ours was written, and the ticket shows what the colleague did.
    assert status_of(hdb, ticket.id) is HazardStatus.CLASSIFIED
    assert read(hdb, lambda u: u.session.scalar(select(func.count()).select_from(HazardEvent).where(
        HazardEvent.hazard_id == ticket.id))) == 2
    qtbot.waitUntil(lambda: duty.detail.detail.row.version == theirs.version, timeout=WAIT_MS)
    assert detail_status(duty) is HazardStatus.CLASSIFIED


def test_live_updates_keep_the_selection_and_the_scroll(qtbot, hdb, hazard_screen, second_engine):
    duty = hazard_screen(hdb, DUTY)
    duty.filters.status.setCurrentIndex(1)  # all open tickets
    wait_loaded(qtbot, duty)
    model, table = duty.model, duty.table
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)  # noqa: F841
    while not model.fully_loaded and model.rowCount() < 150:
        model.fetchMore()
        wait_loaded(qtbot, duty)
    assert model.rowCount() > 60
    table.verticalScrollBar().setValue(30)
    top_id = model.row_at(table.rowAt(0)).id
    chosen = model.row_at(40)
    table.selectionModel().setCurrentIndex(model.index(40, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                           | QItemSelectionModel.SelectionFlag.Rows)
    gone = classified(hdb, description="将被作废的工单")  # open: it joins the top of the list live
    qtbot.waitUntil(lambda: model.row_of(gone.id) is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: model.row_at(table.rowAt(0)).id == top_id, timeout=WAIT_MS)
    elsewhere = second_engine(hdb)
    new = reported(elsewhere, description="新发现：楼道电动车充电")
    act(elsewhere, lambda u: hz.dismiss(u, ZHANG, gone.id, "重复上报", expected_version=gone.version))
    act(elsewhere, lambda u: hz.add_note(u, ZHANG, chosen.id, "已电话督促"))
    qtbot.waitUntil(lambda: model.row_of(new.id) == 0 and model.row_of(gone.id) is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: model.row_at(model.row_of(chosen.id)).version > chosen.version, timeout=WAIT_MS)
    assert duty.current_id() == chosen.id                          # the selection stays
    assert [i.row() for i in table.selectionModel().selectedRows()] == [model.row_of(chosen.id)]
    assert model.row_at(table.rowAt(0)).id == top_id                 # the same ticket at the top
    qtbot.waitUntil(lambda: duty.detail.detail is not None and duty.detail.detail.row.id == chosen.id, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: duty.detail.detail.timeline[-1].note == "已电话督促", timeout=WAIT_MS)
    total = read(hdb, lambda u: hz.count(u, model.query))
    qtbot.waitUntil(lambda: model.total == total, timeout=WAIT_MS)  # recounted in the background


def test_bulk_assign_assigns_what_it_can_and_lists_the_rest(qtbot, sqlite_hdb, hazard_screen):
    db = sqlite_hdb
    ready = [classified(db, description=f"批量派单 {i}", enterprise_offset=10 + i) for i in range(3)]
    waiting = reported(db, description="尚未分类", enterprise_offset=20)
    duty = hazard_screen(db, DUTY)
    model, sel = duty.model, duty.table.selectionModel()
    for r in [*ready, waiting]:
        qtbot.waitUntil(lambda r=r: model.row_of(r.id) is not None, timeout=WAIT_MS)
        sel.select(model.index(model.row_of(r.id), 0),
                   QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert duty.bulk_button.isEnabled() and "4" in duty.bulk_button.text()
    duty.bulk_assign()
    dialog = submit(qtbot, duty, lambda d: d.responsible.setText("街道安监站"))
    accepted(qtbot, dialog)
    qtbot.waitUntil(lambda: duty.message.isVisible(), timeout=WAIT_MS)
    assert all(status_of(db, r.id) is HazardStatus.RECTIFYING for r in ready)
    assert status_of(db, waiting.id) is HazardStatus.FOUND
    assert waiting.code in duty.message.text() and duty.message.kind is Kind.WARNING
    qtbot.waitUntil(lambda: all(model.row_at(model.row_of(r.id)).status is HazardStatus.RECTIFYING for r in ready),
                    timeout=WAIT_MS)


def test_my_queues_count_and_show_their_tickets(qtbot, sqlite_hdb, hazard_screen):
    duty = hazard_screen(sqlite_hdb, DUTY)
    counts = read(sqlite_hdb, lambda u: hz.queues(u, DUTY))
    assert str(counts.overdue) in duty.queues.count_text(Queue.OVERDUE)
    duty.show_queue(Queue.OVERDUE)
    wait_loaded(qtbot, duty)
    assert duty.model.query == hz.queue_query(Queue.OVERDUE, DUTY)
    assert duty.model.total == counts.overdue > 0
    level, n = counts.overdue_by_level[-1]
    duty.show_queue(Queue.OVERDUE, level)
    wait_loaded(qtbot, duty)
    assert duty.model.total == n
    duty.show_queue(Queue.UNROUTED)
    wait_loaded(qtbot, duty)
    assert duty.model.total == counts.unrouted and all(duty.model.row_at(r).unrouted
                                                       for r in range(duty.model.rowCount()))
    wanted = hz.HazardQuery(overdue=True, street_id=duty.refs.streets[0].id, sort=hz.HazardSort.OVERDUE)
    duty.show_filtered(wanted)  # a dashboard figure's list
    wait_loaded(qtbot, duty)
    assert duty.model.query == wanted and duty.queues.current() != (Queue.UNROUTED, None)


def test_refusals_name_the_field_and_write_nothing(qtbot, sqlite_hdb, hazard_screen, tmp_path):
    db = sqlite_hdb
    ticket = classified(db, description="拒绝测试", enterprise_offset=30)
    duty = hazard_screen(db, DUTY)
    duty.open_hazard(ticket.id)
    qtbot.waitUntil(lambda: duty.detail.detail is not None and duty.detail.detail.row.id == ticket.id, timeout=WAIT_MS)
    duty.start_action(A.ASSIGN)
    dialog = submit(qtbot, duty, lambda d: d.responsible.setText("  "))
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT_MS)
    assert dialog.error.text().split(":")[0].split("：")[0] in ("Responsible party", "整改责任人")
    assert dialog.isVisible() and dialog.responsible.styleSheet()  # still open, the field marked
    dialog.reject()
    duty.start_action(A.ATTACH)
    fake = tmp_path / "现场.jpg"
    fake.write_text("not an image")
    big = tmp_path / "巨大.png"
    with open(big, "wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)
    attach = duty.actions.dialog
    refused = attach.files.add_files([big, fake])
    assert len(refused) == 1 and "巨大.png" in refused[0] and "10" in refused[0]
    attach.ok.click()
    qtbot.waitUntil(lambda: attach.error.isVisible(), timeout=WAIT_MS)
    assert "现场.jpg" in attach.error.text() and attach.error.text().startswith(("Files", "附件"))
    attach.reject()
    photos = FileList(AttachmentKind.PHOTO)  # a photo list refuses a non-image at once, by name
    assert photos.add_files([fake]) and photos.paths() == [] and "现场.jpg" in photos.message.text()
    photos.deleteLater()
    assert read(db, lambda u: hz.rows_by_ids(u, [ticket.id])[0].version) == ticket.version


def test_export_writes_the_ledger_of_the_current_filter(qtbot, sqlite_hdb, hazard_screen, tmp_path):
    duty = hazard_screen(sqlite_hdb, DUTY)
    choose(duty.filters.status, frozenset({HazardStatus.RECTIFYING}))
    wait_loaded(qtbot, duty)
    query = duty.model.query
    assert query.statuses == frozenset({HazardStatus.RECTIFYING})
    path = tmp_path / "台账.xlsx"
    with qtbot.waitSignal(duty.export.finished, timeout=WAIT_MS) as done:
        assert duty.export_ledger(str(path)) is not None
    assert done.args[0] is True
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))[HEADER_ROW:]
    expected = read(sqlite_hdb, lambda u: hz.count(u, query))
    assert len(rows) == expected > 50
    assert {r[13] for r in rows} == {"整改中"}
    assert duty.message.isVisible() and path.name in duty.message.text()


def test_keyboard_search_open_and_action_keys(qtbot, sqlite_hdb, hazard_screen):
    duty = hazard_screen(sqlite_hdb, DUTY)
    duty.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is duty, timeout=WAIT_MS)
    qtbot.keyClick(duty.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert duty.filters.text.hasFocus()
    choose(duty.filters.status, frozenset({HazardStatus.FOUND}))
    wait_loaded(qtbot, duty)
    duty.table.setFocus()
    duty.table.selectionModel().setCurrentIndex(duty.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(duty.table, Qt.Key.Key_Return)
    first = duty.model.row_at(0).id
    qtbot.waitUntil(lambda: duty.detail.detail is not None and duty.detail.detail.row.id == first, timeout=WAIT_MS)
    qtbot.keyClick(duty.table, Qt.Key.Key_F3)
    assert duty.actions.dialog is not None and duty.actions.dialog.windowTitle().endswith(duty.model.row_at(0).code)
    assert "F3" in duty.detail.buttons[A.CLASSIFY].toolTip()
    duty.actions.dialog.reject()


def test_escalation_runs_where_the_role_may_and_is_idempotent(qtbot, sqlite_hdb, hazard_screen):
    duty = hazard_screen(sqlite_hdb, DUTY)
    assert not duty.escalation.allowed and not duty.escalation.run_now()
    admin = hazard_screen(sqlite_hdb, ADMIN)
    assert admin.escalation.allowed
    with qtbot.waitSignal(admin.escalation.ran, timeout=WAIT_MS):
        assert admin.escalation.run_now()
    with qtbot.waitSignal(admin.escalation.ran, timeout=WAIT_MS) as again:
        admin.escalation.run_now()
    assert again.args[0].steps == ()


def test_the_main_window_opens_a_hazard_from_elsewhere(qtbot, sqlite_hdb, tmp_path):
    from desktop.app import build_context
    from desktop.views.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("main/screen", "grids")  # not the map: no web engine needed here
    ctx = build_context(sqlite_hdb, DUTY)
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    try:
        hid = read(sqlite_hdb, lambda u: hz.page(u, hz.HazardQuery(), limit=1).rows[0].id)
        window.open_hazard(hid)  # what MapScreen.hazard_activated is connected to
        screen = window.screen("hazards")
        assert window.current_screen() == "hazards"
        qtbot.waitUntil(lambda: screen.detail.detail is not None and screen.detail.detail.row.id == hid,
                        timeout=WAIT_MS)
    finally:
        ctx.sync.stop()
        ctx.ops.wait_idle(10_000)


def test_a_hazard_found_in_a_public_place_is_placed_in_the_chosen_grid(qtbot, sqlite_hdb, hazard_screen, tmp_path):
    duty = hazard_screen(sqlite_hdb, DUTY)
    duty.new_hazard()
    qtbot.waitUntil(lambda: duty.actions.dialog is not None, timeout=WAIT_MS)
    dialog = duty.actions.dialog
    dialog.at_place.setChecked(True)
    dialog.description.setPlainText("人行道井盖缺失")
    dialog.ok.click()  # no grid chosen yet: refused, naming the field
    assert dialog.error.isVisible() and dialog.error.text().startswith(("Location", "位置"))
    dialog.community.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.grid.count() > 1, timeout=WAIT_MS)
    dialog.grid.setCurrentIndex(1)
    grid_id = dialog.grid.currentData()
    dialog.place.setText("和平路12号门前人行道")
    dialog.files.add_files([png_file(tmp_path / "井盖.png")])
    dialog.ok.click()
    accepted(qtbot, dialog)
    qtbot.waitUntil(lambda: duty.detail.detail is not None and duty.detail.detail.row.place == "和平路12号门前人行道",
                    timeout=WAIT_MS)
    d = duty.detail.detail
    assert d.enterprise is None and d.row.grid_id == grid_id and d.row.status is HazardStatus.FOUND
    assert len(d.attachments) == 1 and d.attachments[0].is_image
