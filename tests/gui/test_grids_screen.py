"""The Grids screen: tree with counts, search in both scripts, the card, edits and live refresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import func, select

from desktop.app import build_context
from desktop.data.tables import Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.demo.load import DEMO_PASSWORD
from desktop.domain.enums import GridLevel
from desktop.services import grids, users
from desktop.services.common import SYSTEM
from desktop.views.grid_edit import GridEditDialog
from desktop.views.grids import GridsScreen


@pytest.fixture
def screen(qtbot, demo_sqlite):
    with UnitOfWork(demo_sqlite, write=False) as uow:
        actor = users.authenticate(uow, "duty", DEMO_PASSWORD)
    ctx = build_context(demo_sqlite, actor)
    widget = GridsScreen(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1 and widget.card.detail is not None, timeout=10_000)
    yield widget
    ctx.sync.stop()
    ctx.ops.wait_idle(5000)


def _street(db) -> tuple[int, str, str]:
    with UnitOfWork(db, write=False) as uow:
        g = uow.session.scalars(select(Grid).where(Grid.level == GridLevel.STREET).order_by(Grid.code)).first()
        return g.id, g.code, g.name


def test_tree_model_is_sound_and_groups_sectoral_and_territorial_grids(screen):
    QAbstractItemModelTester(screen.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model = screen.model
    root = model.index(0, 0)
    assert model.rowCount(root) == 2
    groups = [model.index(r, 0, root).data() for r in range(2)]
    assert groups[0].endswith("(32)") and groups[1].endswith("(16)")
    assert model.index(0, 2).data() == 1273


def test_search_by_chinese_name_and_code_selects_the_grid(qtbot, screen, demo_sqlite):
    street_id, code, name = _street(demo_sqlite)
    for text in (name[:2], code.lower()):
        screen.search.setText(text)
        qtbot.waitUntil(lambda: screen.hits.isVisible() and screen.hits.count() > 0, timeout=5000)
        hit = next(screen.hits.item(i) for i in range(screen.hits.count())
                   if screen.hits.item(i).data(Qt.ItemDataRole.UserRole) == street_id)
        screen._on_hit(hit)
        qtbot.waitUntil(lambda: screen.card.detail is not None and screen.card.detail.id == street_id, timeout=5000)
        assert screen.card.fields["code"].text() == code
        screen.select_grid(screen.model.node(screen.model.index(0, 0)).id)


def test_card_shows_the_officer_and_children(qtbot, screen, demo_sqlite):
    street_id, _, _ = _street(demo_sqlite)
    with UnitOfWork(demo_sqlite, write=False) as uow:
        g = uow.session.get(Grid, street_id)
        officer = uow.session.get(GridOfficer, g.officer_id)
        children = uow.session.scalar(select(func.count()).select_from(Grid).where(Grid.parent_id == street_id))
    screen.select_grid(street_id)
    qtbot.waitUntil(lambda: screen.card.detail is not None and screen.card.detail.id == street_id, timeout=5000)
    assert screen.card.fields["officer"].text() == officer.name
    assert screen.card.fields["phone"].text() == officer.phone
    assert screen.card.children_table.rowCount() == children


def test_edit_dialog_names_the_bad_field_and_writes_nothing(qtbot, screen, demo_sqlite):
    street_id, _, name = _street(demo_sqlite)
    screen.select_grid(street_id)
    qtbot.waitUntil(lambda: screen.card.detail is not None and screen.card.detail.id == street_id, timeout=5000)
    dialog = GridEditDialog(screen.ctx, screen.card.detail, screen)
    qtbot.addWidget(dialog)
    dialog.phone.setText("not a phone")
    dialog._save()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert "phone" in dialog.error.text().lower() or "电话" in dialog.error.text()
    with UnitOfWork(demo_sqlite, write=False) as uow:
        assert uow.session.get(Grid, street_id).name == name


def test_a_colleagues_edit_refreshes_the_card_and_keeps_the_tree(qtbot, screen, demo_sqlite, reopen):
    street_id, _, _ = _street(demo_sqlite)
    screen.select_grid(street_id)
    qtbot.waitUntil(lambda: screen.card.detail is not None and screen.card.detail.id == street_id, timeout=5000)
    expanded_before = screen.tree.isExpanded(screen.model.index_of_grid(street_id).parent())
    other = reopen(demo_sqlite)
    detail = screen.card.detail
    with UnitOfWork(other) as uow:
        grids.update_grid(uow, SYSTEM, street_id, expected_version=detail.version, name="新名字街道",
                          responsible_unit=detail.responsible_unit,
                          officer=grids.OfficerInput("赵新", "13800001234"))
    qtbot.waitUntil(lambda: screen.card.fields["officer"].text() == "赵新", timeout=10_000)
    qtbot.waitUntil(lambda: screen.model.index_of_grid(street_id).data() == "新名字街道", timeout=10_000)
    assert screen.tree.currentIndex().siblingAtColumn(0) == screen.model.index_of_grid(street_id)
    assert screen.tree.isExpanded(screen.model.index_of_grid(street_id).parent()) == expanded_before
