"""The Administration screen: boundary rules edited through the widgets, gaps, the district list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import aliased

from desktop.app import build_context
from desktop.context import AppContext
from desktop.data.engine import Database
from desktop.data.tables import BoundaryRule, Department, Enterprise, Grid, Industry
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel, RiskLevel, Role, Scale, StreetKind, Tier
from desktop.models.rule_table import GAP_COLOUR, RuleTableModel
from desktop.services import rules
from desktop.services.common import Actor
from desktop.views.admin import AdminScreen

pytestmark = pytest.mark.gui
WAIT_MS = 10_000
ADMIN = Actor("admin", "Administrator", Role.ADMIN)
VIEWER = Actor("viewer", "Viewer", Role.VIEWER)


# -- a small district ---------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    depts: dict[str, int]       # code -> id
    industries: dict[str, int]  # code -> id; "NEW1" and "NEW2" have no rule
    streets: dict[str, int]     # code -> id


def build_district(db: Database) -> District:
    """3 departments, 4 industries (2 ruled, 2 gaps), 2 streets, 8 enterprises (3 district-direct)."""
    with UnitOfWork(db) as uow:
        s = uow.session
        depts = {code: Department(code=code, name=name) for code, name in
                 (("D1", "应急管理局"), ("D2", "城管局"), ("D3", "教育局"))}
        inds = {code: Industry(code=code, name=name) for code, name in
                (("C01", "危险化学品"), ("C02", "道路运输"), ("NEW1", "早教托育"), ("NEW2", "月子中心"))}
        s.add_all([*depts.values(), *inds.values()])
        s.flush()
        s.add_all([BoundaryRule(industry_id=inds["C01"].id, department_id=depts["D1"].id, note="危化"),
                   BoundaryRule(industry_id=inds["C02"].id, department_id=depts["D2"].id, note="无交通局")])
        root = Grid(code="QX", name="泉西区", level=GridLevel.DISTRICT)
        s.add(root)
        s.flush()
        streets, grids = {}, {}
        for code, name in (("S1", "东湖街道"), ("S2", "高新园区")):
            street = Grid(code=code, name=name, level=GridLevel.STREET, parent_id=root.id,
                          street_kind=StreetKind.PARK if code == "S2" else StreetKind.STREET)
            s.add(street)
            s.flush()
            comm = Grid(code=f"{code}-C1", name=f"{name}一社区", level=GridLevel.COMMUNITY, parent_id=street.id)
            s.add(comm)
            s.flush()
            sub = Grid(code=f"{code}-C1-1", name=f"{name}一网格", level=GridLevel.SUB_COMMUNITY, parent_id=comm.id)
            s.add(sub)
            s.flush()
            streets[code], grids[code] = street, (comm, sub)
        plan = [  # name, industry, street, tier, risk
            ("华源化工", "C01", "S1", Tier.DISTRICT, RiskLevel.RED),
            ("东湖加油站", "C01", "S1", Tier.STREET, RiskLevel.ORANGE),
            ("通达物流", "C02", "S2", Tier.DISTRICT, RiskLevel.YELLOW),
            ("快运车队", "C02", "S1", Tier.STREET, RiskLevel.BLUE),
            ("小星星早教", "NEW1", "S1", Tier.STREET, RiskLevel.BLUE),
            ("彩虹托育", "NEW1", "S2", Tier.DISTRICT, RiskLevel.ORANGE),
            ("安馨月子中心", "NEW2", "S2", Tier.STREET, RiskLevel.YELLOW),
            ("康宁月子会所", "NEW2", "S1", Tier.STREET, RiskLevel.BLUE),
        ]
        lead = {"C01": depts["D1"].id, "C02": depts["D2"].id}
        for i, (name, ind, st, tier, risk) in enumerate(plan):
            comm, sub = grids[st]
            s.add(Enterprise(name=name, credit_code=f"91320300MA{i:08d}", address="", lon=117.1, lat=34.2,
                             industry_id=inds[ind].id, scale=Scale.SMALL, risk=risk, tier=tier,
                             lead_department_id=lead.get(ind), grid_id=sub.id, street_id=streets[st].id,
                             community_id=comm.id))
        uow.commit()
        return District({k: v.id for k, v in depts.items()}, {k: v.id for k, v in inds.items()},
                        {k: v.id for k, v in streets.items()})


def rule_of(db: Database, industry_id: int) -> tuple[int, str] | None:
    with UnitOfWork(db, write=False) as uow:
        r = uow.session.scalar(select(BoundaryRule).where(BoundaryRule.industry_id == industry_id))
        return None if r is None else (r.department_id, r.note)


def leads_of(db: Database, industry_id: int) -> set[int | None]:
    with UnitOfWork(db, write=False) as uow:
        return set(uow.session.scalars(select(Enterprise.lead_department_id)
                                       .where(Enterprise.industry_id == industry_id)))


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def district(db: Database) -> District:
    return build_district(db)


@pytest.fixture
def open_screen(qtbot, db: Database, district: District) -> Iterator[Callable[[Actor], AdminScreen]]:
    contexts: list[AppContext] = []

    def _open(actor: Actor) -> AdminScreen:
        ctx = build_context(db, actor)
        ctx.sync.start()
        contexts.append(ctx)
        screen = AdminScreen(ctx)
        qtbot.addWidget(screen)
        screen.resize(1200, 800)
        screen.show()
        qtbot.waitUntil(lambda: screen.data is not None, timeout=WAIT_MS)
        return screen

    yield _open
    for ctx in contexts:
        ctx.sync.stop()
        assert ctx.ops.wait_idle(10_000)


def select_industry(screen: AdminScreen, industry_id: int) -> None:
    tab = screen.rules_tab
    row = tab.model.row_of(industry_id)
    assert row >= 0
    tab.table.selectionModel().setCurrentIndex(
        tab.model.index(row, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert tab.current_industry() == industry_id


def choose_department(screen: AdminScreen, dept_id: int) -> None:
    combo = screen.rules_tab.department
    index = combo.findData(dept_id)
    assert index >= 0, f"department {dept_id} not offered"
    combo.setCurrentIndex(index)


def gap_industry_ids(screen: AdminScreen) -> set[int]:
    m = screen.gaps_tab.industries
    return {m.key_of(r) for r in range(m.rowCount())}


def cell(model, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, col).data(role)


# -- tests ---------------------------------------------------------------------------------------


def test_rules_table_lists_every_industry_and_shows_the_gaps(open_screen, district, db):
    screen = open_screen(ADMIN)
    m = screen.rules_tab.model
    assert {m.key_of(r) for r in range(m.rowCount())} == set(district.industries.values())
    for code in ("NEW1", "NEW2"):
        row = m.row_of(district.industries[code])
        assert cell(m, row, RuleTableModel.DEPARTMENT) == "no rule — supervision gap"
        assert cell(m, row, RuleTableModel.DEPARTMENT, Qt.ItemDataRole.ForegroundRole) == GAP_COLOUR
        assert cell(m, row, RuleTableModel.ENTERPRISES) == "2"
    row = m.row_of(district.industries["C02"])
    assert cell(m, row, RuleTableModel.DEPARTMENT) == "城管局"
    assert cell(m, row, RuleTableModel.NOTE) == "无交通局"
    assert cell(m, row, RuleTableModel.DEPARTMENT, Qt.ItemDataRole.ForegroundRole) is None
    assert gap_industry_ids(screen) == {district.industries["NEW1"], district.industries["NEW2"]}
    assert screen.gaps_tab.enterprises.rowCount() == 4
    assert "2 industries, 4 enterprises" in screen.tabs.tabText(screen.GAPS)


def test_admin_sets_a_rule_for_a_gap_industry(open_screen, district, db, qtbot):
    screen = open_screen(ADMIN)
    tab, new1, education = screen.rules_tab, district.industries["NEW1"], district.depts["D3"]
    select_industry(screen, new1)
    assert not tab.save_button.isEnabled()  # nothing chosen yet
    choose_department(screen, education)
    qtbot.keyClicks(tab.note, "new business form")
    assert tab.save_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: new1 not in gap_industry_ids(screen), timeout=WAIT_MS)
    assert rule_of(db, new1) == (education, "new business form")
    assert leads_of(db, new1) == {education}
    assert "2 enterprises re-routed" in tab.message.text()
    row = tab.model.row_of(new1)
    assert cell(tab.model, row, RuleTableModel.DEPARTMENT) == "教育局"
    assert tab.current_industry() == new1  # the selection survived the reload
    assert screen.gaps_tab.enterprises.rowCount() == 2
    assert not tab.save_button.isEnabled()  # the form now shows the saved rule


def test_delete_asks_first_and_undo_restores(open_screen, district, db, qtbot, monkeypatch):
    screen = open_screen(ADMIN)
    tab, c02, urban = screen.rules_tab, district.industries["C02"], district.depts["D2"]
    select_industry(screen, c02)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert rule_of(db, c02) is not None  # cancelled: nothing happens

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c02 in gap_industry_ids(screen), timeout=WAIT_MS)
    assert rule_of(db, c02) is None
    assert leads_of(db, c02) == {None}
    assert tab.message.has_undo()
    assert not tab.delete_button.isEnabled()  # no rule left to delete

    qtbot.mouseClick(tab.message.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c02 not in gap_industry_ids(screen), timeout=WAIT_MS)
    assert rule_of(db, c02) == (urban, "无交通局")
    assert leads_of(db, c02) == {urban}
    assert "Restored" in tab.message.text()
    assert not tab.message.has_undo()


def test_undo_never_overwrites_a_rule_a_colleague_set_meanwhile(open_screen, district, db, reopen, qtbot,
                                                               monkeypatch):
    screen = open_screen(ADMIN)
    tab, c01, education = screen.rules_tab, district.industries["C01"], district.depts["D3"]
    select_industry(screen, c01)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.message.has_undo, timeout=WAIT_MS)
    with UnitOfWork(reopen(db)) as uow:
        rules.set_rule(uow, ADMIN, c01, education, "set elsewhere")
    qtbot.mouseClick(tab.message.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Someone else changed" in tab.message.text(), timeout=WAIT_MS)
    assert rule_of(db, c01) == (education, "set elsewhere")


def test_a_stale_edit_is_refused_with_a_message(open_screen, district, db, reopen, qtbot):
    screen = open_screen(ADMIN)
    tab, c01 = screen.rules_tab, district.industries["C01"]
    select_industry(screen, c01)
    choose_department(screen, district.depts["D3"])
    with UnitOfWork(reopen(db)) as uow:  # a colleague at another workstation saves first
        version = next(r.version for r in rules.list_rules(uow) if r.industry_id == c01)
        rules.set_rule(uow, ADMIN, c01, district.depts["D2"], "changed elsewhere", expected_version=version)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Someone else changed" in tab.message.text(), timeout=WAIT_MS)
    assert rule_of(db, c01) == (district.depts["D2"], "changed elsewhere")
    qtbot.waitUntil(lambda: tab.note.text() == "changed elsewhere", timeout=WAIT_MS)  # reloaded
    assert tab.department.currentData() == district.depts["D2"]


def test_a_colleagues_change_refreshes_the_lists_and_keeps_the_selection(open_screen, district, db, reopen,
                                                                         qtbot):
    screen = open_screen(ADMIN)
    new2, health = district.industries["NEW2"], district.depts["D1"]
    select_industry(screen, district.industries["C01"])
    with UnitOfWork(reopen(db)) as uow:
        rules.set_rule(uow, ADMIN, new2, health, "")
    qtbot.waitUntil(lambda: new2 not in gap_industry_ids(screen), timeout=WAIT_MS)
    assert screen.rules_tab.current_industry() == district.industries["C01"]


def test_a_viewer_sees_the_rules_but_cannot_edit(open_screen, district):
    screen = open_screen(VIEWER)
    tab = screen.rules_tab
    select_industry(screen, district.industries["NEW1"])
    assert tab.model.rowCount() == 4
    assert tab.read_only_notice.isVisible()
    for widget in (tab.department, tab.note, tab.save_button, tab.delete_button):
        assert not widget.isEnabled()
        assert "administrators" in widget.toolTip()


def test_district_direct_list_matches_the_database(open_screen, district, db):
    screen = open_screen(ADMIN)
    street = aliased(Grid)
    with UnitOfWork(db, write=False) as uow:
        expected = {(r.id, r.name, r.st) for r in uow.session.execute(
            select(Enterprise.id, Enterprise.name, street.name.label("st"))
            .join(street, Enterprise.street_id == street.id).where(Enterprise.tier == Tier.DISTRICT))}
    m = screen.district_tab.model
    shown = {(row.id, row.name, row.copied_to_street) for row in m.rows()}
    assert shown == expected and len(expected) == 3
    assert {cell(m, r, m.STREET) for r in range(m.rowCount())} == {e[2] for e in expected}
    assert "(3)" in screen.tabs.tabText(screen.DISTRICT)
    gap_row = next(r for r in range(m.rowCount()) if cell(m, r, m.NAME) == "彩虹托育")
    assert cell(m, gap_row, m.DEPARTMENT, Qt.ItemDataRole.ForegroundRole) == GAP_COLOUR


def test_every_model_passes_the_model_tester(open_screen, district, qtbot):
    screen = open_screen(ADMIN)
    models = [screen.rules_tab.model, screen.gaps_tab.industries, screen.gaps_tab.enterprises,
              screen.district_tab.model]
    testers = [QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal) for m in models]
    for m in models:
        rows = m.rows()
        for col in range(m.columnCount()):
            m.sort(col, Qt.SortOrder.DescendingOrder)
        m.sort(-1)
        m.set_rows(rows[1:])       # keys change: a reset
        m.set_rows(rows[::-1])
        m.set_rows(rows[::-1])     # same keys: an in-place update
        m.set_rows([])
        m.set_rows(rows)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        screen.reload()
    assert len(testers) == 4 and all(m.rowCount() for m in models)
