"""The Enterprises screen over the demo district: filters, the card, live refresh, the model."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select, text

from desktop.app import build_context
from desktop.context import AppContext
from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.tables import Enterprise, Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.demo.load import load_demo
from desktop.domain.credit_code import make_code
from desktop.domain.enums import GridLevel, RiskLevel, Tier
from desktop.domain.errors import DomainError
from desktop.models.enterprise_table import ID_ROLE, Column, EnterpriseTableModel
from desktop.services.common import SYSTEM
from desktop.services.enterprises import (
    NO_LEAD,
    EnterpriseFilter,
    EnterpriseInput,
    create_enterprise,
    list_enterprises,
)
from desktop.services.reference import reference_lists
from desktop.views import enterprises
from desktop.views.enterprise_edit import EnterpriseEditDialog
from desktop.views.enterprises import EnterprisesScreen

pytestmark = pytest.mark.gui
WAIT_MS = 10_000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo district, generated once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(f"sqlite:///{path}")
    upgrade(db)
    load_demo(db)
    db.dispose()  # closing the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "safegrid.db"
    shutil.copy(demo_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield db
    db.dispose()


def open_screen(qtbot, db: Database) -> tuple[EnterprisesScreen, AppContext]:
    ctx = build_context(db, SYSTEM)
    ctx.sync.start()
    screen = EnterprisesScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    expected = count(db)
    qtbot.waitUntil(lambda: screen.model.rowCount() == expected and screen.refs is not None, timeout=WAIT_MS)
    return screen, ctx


@pytest.fixture
def screen(qtbot, demo_db: Database) -> Iterator[EnterprisesScreen]:
    widget, ctx = open_screen(qtbot, demo_db)
    yield widget
    ctx.sync.stop()
    ctx.ops.wait_idle(5000)


def ids_where(db: Database, *conditions) -> set[int]:
    with UnitOfWork(db, write=False) as uow:
        return set(uow.session.scalars(select(Enterprise.id).where(*conditions)))


def count(db: Database) -> int:
    return len(ids_where(db))


def shown_ids(screen: EnterprisesScreen) -> set[int]:
    m = screen.model
    return {m.index(r, 0).data(ID_ROLE) for r in range(m.rowCount())}


def show_active(widget, qtbot) -> None:
    """Shortcuts only reach the active window."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=WAIT_MS)


def choose(combo, value) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} not offered"
    combo.setCurrentIndex(index)


# -- the list and its filters ------------------------------------------------------------------


def test_shows_every_enterprise(screen, demo_db):
    assert shown_ids(screen) == ids_where(demo_db)
    assert str(count(demo_db)) in screen.count.text()
    assert screen.status.text() == ""


def test_risk_filter_shows_exactly_the_red_ones(screen, demo_db, qtbot):
    red = ids_where(demo_db, Enterprise.risk == RiskLevel.RED)
    assert 0 < len(red) < count(demo_db)
    choose(screen.risk, RiskLevel.RED)
    qtbot.waitUntil(lambda: shown_ids(screen) == red, timeout=WAIT_MS)
    assert str(len(red)) in screen.count.text()
    risk_cells = {screen.model.index(r, Column.RISK).data() for r in range(screen.model.rowCount())}
    assert len(risk_cells) == 1


def test_no_lead_filter_shows_the_supervision_gaps(screen, demo_db, qtbot):
    gaps = ids_where(demo_db, Enterprise.lead_department_id.is_(None))
    assert gaps, "the demo district is expected to have gaps"
    choose(screen.lead, NO_LEAD)
    qtbot.waitUntil(lambda: shown_ids(screen) == gaps, timeout=WAIT_MS)
    cell = screen.model.index(0, Column.LEAD)
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None  # drawn in red


def test_combined_filters_match_the_service(screen, demo_db, qtbot):
    street = screen.refs.streets[0]
    choose(screen.street, street.id)
    choose(screen.tier, Tier.DISTRICT)
    with UnitOfWork(demo_db, write=False) as uow:
        expected = {r.id for r in list_enterprises(uow, EnterpriseFilter(street_id=street.id, tier=Tier.DISTRICT))}
    qtbot.waitUntil(lambda: shown_ids(screen) == expected, timeout=WAIT_MS)
    offered = {screen.community.itemData(i) for i in range(1, screen.community.count())}
    assert offered == {c.id for c in screen.refs.communities if c.parent_id == street.id}


def test_text_filter_finds_by_credit_code(screen, demo_db, qtbot):
    with UnitOfWork(demo_db, write=False) as uow:
        eid, code = uow.session.execute(
            select(Enterprise.id, Enterprise.credit_code).order_by(Enterprise.id).limit(1)
        ).one()
    qtbot.keyClicks(screen.text, code.lower())  # typed in lower case
    qtbot.waitUntil(lambda: shown_ids(screen) == {eid}, timeout=WAIT_MS)
    screen.text.clear()
    qtbot.waitUntil(lambda: screen.model.rowCount() == count(demo_db), timeout=WAIT_MS)


def test_ctrl_f_focuses_the_search_box(screen, qtbot):
    show_active(screen, qtbot)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(screen.text.hasFocus, timeout=WAIT_MS)


def click_header(screen, qtbot, col: Column) -> None:
    header = screen.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_header_click_sorts_and_keeps_the_selection(screen, qtbot):
    screen.show()
    qtbot.waitExposed(screen)
    eid = screen.model.index(40, 0).data(ID_ROLE)
    screen.select_enterprise(eid)
    click_header(screen, qtbot, Column.CREDIT_CODE)
    codes = [screen.model.index(r, Column.CREDIT_CODE).data() for r in range(screen.model.rowCount())]
    assert codes == sorted(codes)
    assert screen.selected_id() == eid
    click_header(screen, qtbot, Column.RISK)  # risk: highest first
    click_header(screen, qtbot, Column.RISK)
    orders = {screen.model.row_at(0).risk, screen.model.row_at(screen.model.rowCount() - 1).risk}
    assert orders == {RiskLevel.RED, RiskLevel.BLUE}
    assert screen.selected_id() == eid


# -- the card ----------------------------------------------------------------------------------


def expected_officer(db: Database, enterprise_id: int) -> tuple[str, str]:
    with UnitOfWork(db, write=False) as uow:
        s = uow.session
        grid = s.get(Grid, s.get(Enterprise, enterprise_id).grid_id)
        officer = s.get(GridOfficer, grid.officer_id)
        return officer.name, officer.phone


def test_selecting_a_row_fills_the_card(screen, demo_db, qtbot):
    row = 7
    eid = screen.model.index(row, 0).data(ID_ROLE)
    screen.table.selectRow(row)
    qtbot.waitUntil(lambda: screen.card.card is not None and screen.card.card.row.id == eid, timeout=WAIT_MS)
    name, phone = expected_officer(demo_db, eid)
    assert screen.card.fields["officer"].text() == name
    assert screen.card.fields["phone"].text() == phone
    assert screen.card.title.text() == screen.model.row_at(row).name
    assert screen.card.risk.level == screen.model.row_at(row).risk


def test_district_tier_card_names_the_street_it_is_copied_to(screen, demo_db, qtbot):
    eid = min(ids_where(demo_db, Enterprise.tier == Tier.DISTRICT))
    screen.select_enterprise(eid)
    qtbot.waitUntil(lambda: screen.card.card is not None and screen.card.card.row.id == eid, timeout=WAIT_MS)
    row = screen.model.row_at(screen.model.row_of(eid))
    assert screen.card.fields["copied"].text() == row.street
    assert screen.card.row_visible("copied")


def test_enter_on_a_row_focuses_the_card(screen, qtbot):
    show_active(screen, qtbot)
    screen.table.setFocus()
    screen.table.setCurrentIndex(screen.model.index(3, 0))
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    eid = screen.model.index(3, 0).data(ID_ROLE)
    qtbot.waitUntil(lambda: screen.card.card is not None and screen.card.card.row.id == eid, timeout=WAIT_MS)
    assert screen.card.hasFocus()


# -- live changes ------------------------------------------------------------------------------


def rename(db: Database, eid: int, name: str) -> None:
    """Another workstation's edit: its own unit of work, recorded in the change feed."""
    with UnitOfWork(db) as uow:
        e = uow.session.get(Enterprise, eid)
        e.name = name
        uow.record("colleague", "enterprise", eid, "updated", "renamed in a test")
        uow.commit()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_a_committed_change_updates_the_row_in_place(qtbot, request, backend, demo_db, reopen):
    if backend == "pg":
        db = request.getfixturevalue("pg_db")
        load_demo(db)
    else:
        db = demo_db
    screen, ctx = open_screen(qtbot, db)
    try:
        row = 150
        eid = screen.model.index(row, 0).data(ID_ROLE)
        screen.table.selectRow(row)
        qtbot.waitUntil(lambda: screen.card.card is not None and screen.card.card.row.id == eid, timeout=WAIT_MS)
        screen.table.verticalScrollBar().setValue(40)
        before = screen.table.verticalScrollBar().value()
        rename(reopen(db), eid, "改名后的测试企业")
        qtbot.waitUntil(lambda: screen.model.index(row, Column.NAME).data() == "改名后的测试企业", timeout=WAIT_MS)
        assert screen.selected_id() == eid
        assert screen.table.selectionModel().isRowSelected(row, QModelIndex())
        assert screen.table.verticalScrollBar().value() == before
        assert screen.model.rowCount() == count(db)
        qtbot.waitUntil(lambda: screen.card.title.text() == "改名后的测试企业", timeout=WAIT_MS)
    finally:
        ctx.sync.stop()
        ctx.ops.wait_idle(5000)


def test_a_deleted_enterprise_vanishes(screen, demo_db, reopen, qtbot):
    with UnitOfWork(demo_db, write=False) as uow:  # one no hazard or incident refers to
        unreferenced = set(uow.session.execute(text(
            "SELECT id FROM enterprises WHERE id NOT IN (SELECT enterprise_id FROM hazards "
            "WHERE enterprise_id IS NOT NULL) AND id NOT IN (SELECT enterprise_id FROM incidents "
            "WHERE enterprise_id IS NOT NULL)")).scalars())
    eid = next(i for i in screen.model.ids() if i in unreferenced)
    total = screen.model.rowCount()
    with UnitOfWork(reopen(demo_db)) as uow:
        uow.session.delete(uow.session.get(Enterprise, eid))
        uow.record("colleague", "enterprise", eid, "deleted", "deleted in a test")
        uow.commit()
    qtbot.waitUntil(lambda: screen.model.row_of(eid) is None, timeout=WAIT_MS)
    assert screen.model.rowCount() == total - 1
    assert str(total - 1) in screen.count.text()


def test_a_change_that_leaves_the_filter_drops_the_row(screen, demo_db, reopen, qtbot):
    choose(screen.risk, RiskLevel.RED)
    red = ids_where(demo_db, Enterprise.risk == RiskLevel.RED)
    qtbot.waitUntil(lambda: shown_ids(screen) == red, timeout=WAIT_MS)
    eid = min(red)
    with UnitOfWork(reopen(demo_db)) as uow:
        uow.session.get(Enterprise, eid).risk = RiskLevel.BLUE
        uow.record("colleague", "enterprise", eid, "updated", "regraded in a test")
        uow.commit()
    qtbot.waitUntil(lambda: shown_ids(screen) == red - {eid}, timeout=WAIT_MS)


# -- the model on its own ------------------------------------------------------------------------


def test_model_passes_the_item_model_tester(demo_db, qtbot):
    with UnitOfWork(demo_db, write=False) as uow:
        rows = list_enterprises(uow)
    model = EnterpriseTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_rows(rows)
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.AscendingOrder)
        model.sort(col, Qt.SortOrder.DescendingOrder)
    missing = model.update_rows([replace(rows[3], name="新名称"), replace(rows[0], id=-99)])
    assert missing == [-99]
    assert model.index(model.row_of(rows[3].id), Column.NAME).data() == "新名称"
    model.remove_ids({rows[1].id, rows[2].id, 123456})
    assert model.rowCount() == len(rows) - 2
    model.set_rows(rows[:10])
    model.set_rows([])
    assert model.rowCount() == 0


def test_a_new_enterprise_appears(screen, demo_db, reopen, qtbot):
    neighbour = screen.model.row_at(10)
    with UnitOfWork(demo_db, write=False) as uow:
        e = uow.session.get(Enterprise, neighbour.id)
        data = EnterpriseInput("新开业测试公司", make_code(random.Random(7)), "测试路1号", e.lon, e.lat,
                               e.industry_id, neighbour.scale, neighbour.risk)
    with UnitOfWork(reopen(demo_db)) as uow:
        new_id = create_enterprise(uow, SYSTEM, data)
    qtbot.waitUntil(lambda: screen.model.row_of(new_id) is not None, timeout=WAIT_MS)
    assert screen.model.rowCount() == count(demo_db)


def test_a_failed_load_is_reported_without_blocking(screen, qtbot, monkeypatch):
    def refuse(uow, f):
        raise DomainError("the database is on fire")

    monkeypatch.setattr(enterprises, "list_enterprises", refuse)
    choose(screen.tier, Tier.STREET)
    assert screen.loading and screen.status.text()  # "Loading…" until it answers
    qtbot.waitUntil(lambda: "on fire" in screen.status.text(), timeout=WAIT_MS)
    assert not screen.loading
    assert screen.model.rowCount() > 0  # the last good list stays


def test_new_enterprise_form_names_the_bad_field_then_registers_it(qtbot, demo_sqlite):
    ctx = build_context(demo_sqlite, SYSTEM)
    try:
        with UnitOfWork(demo_sqlite, write=False) as uow:
            refs = reference_lists(uow)
            before = uow.session.scalar(select(func.count()).select_from(Enterprise))
            sub = uow.session.scalars(select(Grid).where(Grid.level == GridLevel.SUB_COMMUNITY)).first()
            point = shapely.from_geojson(sub.geometry).representative_point()
        dialog = EnterpriseEditDialog(ctx, refs)
        qtbot.addWidget(dialog)
        dialog.name.setText("徐州新登记机械有限公司")
        dialog.credit_code.setText("91320311MA1XYZ0002")  # wrong check character
        dialog.lon.setText(f"{point.x:.6f}")
        dialog.lat.setText(f"{point.y:.6f}")
        dialog._save()
        qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
        assert "credit" in dialog.error.text().lower() or "信用代码" in dialog.error.text()
        dialog.error.setText("")
        dialog.credit_code.setText(make_code(random.Random(7)))
        dialog.lon.setText("116.0")  # outside the district
        dialog._save()
        qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
        assert "location" in dialog.error.text().lower() or "位置" in dialog.error.text()
        with UnitOfWork(demo_sqlite, write=False) as uow:
            assert uow.session.scalar(select(func.count()).select_from(Enterprise)) == before
        dialog.lon.setText(f"{point.x:.6f}")
        dialog._save()
        qtbot.waitUntil(lambda: dialog.saved_id is not None, timeout=5000)
        with UnitOfWork(demo_sqlite, write=False) as uow:
            assert uow.session.get(Enterprise, dialog.saved_id).name == "徐州新登记机械有限公司"
    finally:
        ctx.sync.stop()
        ctx.ops.wait_idle(5000)
