"""The dispatch screen's squad board: what it shows, its filter, and live rows from the feed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from desktop.domain.errors import ConflictError
from desktop.domain.squad import MemberStatus
from desktop.models.squad_models import member_matches
from desktop.services import squad
from desktop.services.common import SYSTEM
from desktop.services.squad import BoardFilter
from tests.gui.dispatch.support import WAIT_MS, attach_testers, write

pytestmark = pytest.mark.gui


def board_rows(db):
    return write(db, lambda uow: squad.board_snapshot(uow))


def test_board_shows_36_members_in_3_sub_squads_with_the_database_statuses(open_dispatch, demo_sqlite):
    o = open_dispatch(demo_sqlite)
    board, snap = o.screen.board, board_rows(demo_sqlite)
    attach_testers(board.model, board.vehicle_model)
    assert board.model.rowCount() == 36
    shown = {r.id: r.status for r in board.model.rows()}
    assert shown == {m.id: m.status for m in snap.members}
    assert [r.id for r in board.model.rows()] == [m.id for m in snap.members]  # sub-squad, call sign
    assert len({r.sub_squad_id for r in board.model.rows()}) == 3
    assert board.vehicle_model.rowCount() == 3
    cards = o.screen.strip.cards
    assert [c.sub_squad_id for c in cards] == [s.id for s in snap.sub_squads]
    for card, s in zip(cards, snap.sub_squads, strict=True):
        assert s.name in card.title.text() and f">{s.available}<" in card.counts.text()
    assert str(snap.counts["available"]) in o.screen.strip.totals.text()
    assert board.model.stale_minutes == snap.stale_minutes
    stale = [r for r in board.model.rows() if r.stale]
    assert stale and all("◷" in board.model.index(board.model.row_of(r.id), 5).data() for r in stale)


def test_the_filter_bar_matches_the_services_filter(open_dispatch, demo_sqlite):
    o = open_dispatch(demo_sqlite)
    board = o.screen.board
    snap = board_rows(demo_sqlite)
    second = snap.sub_squads[1].id
    cases = [BoardFilter(sub_squad_id=second), BoardFilter(statuses=frozenset({MemberStatus.AVAILABLE})),
             BoardFilter(only_stale=True), BoardFilter(text="突击2-0"), BoardFilter(text="李")]
    for flt in cases:
        expected = [m.id for m in write(demo_sqlite, lambda uow, f=flt: squad.board_snapshot(uow, f)).members]
        assert [m.id for m in board.live.state.shown(flt)] == expected, flt
        assert [m.id for m in snap.members if member_matches(m, flt)] == expected, flt
    board.show_sub_squad(second)
    board.text.setText("突击2-0")
    assert {r.sub_squad_id for r in board.model.rows()} == {second}
    assert all(r.call_sign.startswith("突击2-0") for r in board.model.rows()) and board.model.rowCount() == 9
    o.screen.strip.cards[0].clicked.emit(snap.sub_squads[0].id)  # a card click filters the board
    assert o.screen.tabs.currentWidget() is board and board.sub_squad.currentData() == snap.sub_squads[0].id


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_a_status_change_from_another_workstation_refreshes_that_row_only(
        backend, request, open_dispatch, reopen, qtbot):
    db = request.getfixturevalue("demo_sqlite" if backend == "sqlite" else "pg_demo_module")
    o = open_dispatch(db)
    board = o.screen.board
    attach_testers(board.model)
    rows = board.model.rows()
    keep = rows[1]                                                        # selected: stays selected
    target = next(r for r in rows[6:] if r.status == MemberStatus.AVAILABLE and r.id != keep.id)
    board.select_member(keep.id)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    board.model.dataChanged.connect(lambda a, b, *_: changed.append((a.row(), b.row())))
    board.model.modelReset.connect(lambda: resets.append(True))
    other = reopen(db)
    write(other, lambda uow: squad.set_member_status(uow, SYSTEM, target.id, MemberStatus.TRAINING,
                                                     expected_version=target.version))
    where = board.model.row_of(target.id)
    qtbot.waitUntil(lambda: board.model.row_at(where).status == MemberStatus.TRAINING, timeout=WAIT_MS)
    assert set(changed) == {(where, where)} and not resets
    assert board.selected_member().id == keep.id
    snap = board_rows(db)  # the cards recount what the service counts
    for card, s in zip(o.screen.strip.cards, snap.sub_squads, strict=True):
        assert f">{s.available}<" in card.counts.text()
    assert board.live.state.sub_squads == list(snap.sub_squads)


def test_status_actions_follow_the_rules_and_a_stale_edit_is_a_conflict(open_dispatch, demo_sqlite, reopen, qtbot):
    o = open_dispatch(demo_sqlite)
    board = o.screen.board
    o.screen.tabs.setCurrentWidget(board)
    free = next(r for r in board.model.rows() if r.status == MemberStatus.AVAILABLE)
    board.select_member(free.id)
    assert board.status_buttons[MemberStatus.OFF_DUTY].isEnabled()
    assert not board.status_buttons[MemberStatus.ON_SCENE].isEnabled()   # not dispatched
    assert not board.check_in_button.isEnabled()
    board.status_buttons[MemberStatus.LEAVE].click()
    qtbot.waitUntil(lambda: board.selected_member().status == MemberStatus.LEAVE, timeout=WAIT_MS)
    assert "“" in board.messages.text()
    # A colleague changes the member; this board clicks before the feed arrives: refused, said.
    now = board.selected_member()
    write(reopen(demo_sqlite), lambda uow: squad.set_member_status(uow, SYSTEM, now.id, MemberStatus.AVAILABLE,
                                                                   expected_version=now.version))
    board.status_buttons[MemberStatus.OFF_DUTY].click()
    qtbot.waitUntil(lambda: board.messages.text() and "colleague" in board.messages.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: board.selected_member().status == MemberStatus.AVAILABLE, timeout=WAIT_MS)
    engaged = next(r for r in board.model.rows() if r.engaged)
    board.select_member(engaged.id)
    assert board.check_in_button.isEnabled()
    board.check_in_button.click()
    qtbot.waitUntil(lambda: board.selected_member().status_since != engaged.status_since, timeout=WAIT_MS)
    assert not board.selected_member().stale


def test_the_member_card_shows_certifications_shifts_dispatches_and_assessment(open_dispatch, demo_sqlite, qtbot):
    o = open_dispatch(demo_sqlite)
    board = o.screen.board
    busy = next(r for r in board.model.rows() if r.incident_code)
    board.select_member(busy.id)
    qtbot.waitUntil(lambda: board.card.detail is not None and board.card.detail.row.id == busy.id, timeout=WAIT_MS)
    html = board.card.body.text()
    d = board.card.detail
    assert busy.name in html and busy.incident_code in html
    assert all(c.number in html for c in d.certifications)
    assert d.dispatches and d.dispatches[0].incident_code in html
    assert d.assessment is not None and f"{d.assessment.assessment.score:.1f}" in html


def test_conflict_error_names_it(qtbot):
    from desktop.views.dispatch.messages import error_text

    assert "colleague" in error_text(ConflictError("incident", 3, "now at version 4"))


def test_index_helpers_tolerate_empty_selection(open_dispatch, demo_sqlite):
    o = open_dispatch(demo_sqlite)
    board = o.screen.board
    board.table.selectionModel().clearCurrentIndex()
    assert board.selected_member() is None
    board.set_member_status(MemberStatus.OFF_DUTY)  # nothing selected: nothing happens
    board._on_current(QModelIndex(), QModelIndex())
    assert not o.ctx.ops.busy
