"""The hazard table model over keyset pages, on both backends: the first page and more on scroll,
sorting by a column is the service's order, filters match the service's count, the count label,
and QAbstractItemModelTester throughout."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.domain.enums import Tier
from desktop.domain.hazard_terms import HazardStatus, Severity
from desktop.models.hazard_table import PAGE, SORT_OF, Column, HazardTableModel
from desktop.services import hazards as hz
from desktop.widgets.badges import BADGE_ROLE
from tests.gui.hazard_env import WAIT_MS, choose, read, shown_ids, wait_loaded

pytestmark = pytest.mark.gui


def service_ids(db, query: hz.HazardQuery, pages: int = 1) -> list[int]:
    def walk(u):
        out, cursor = [], None
        for _ in range(pages):
            p = hz.page(u, query, after=cursor, limit=PAGE)
            out += [r.id for r in p.rows]
            cursor = p.next_cursor
            if cursor is None:
                break
        return out
    return read(db, walk)


def test_first_page_then_more_on_scroll_through_the_tester(qtbot, hdb, hazard_screen):
    screen = hazard_screen(hdb)
    model = screen.model
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == PAGE and not model.fully_loaded
    assert shown_ids(screen) == service_ids(hdb, model.query)
    screen.table.scrollToBottom()  # the view asks for the next page itself
    qtbot.waitUntil(lambda: model.rowCount() >= 2 * PAGE, timeout=WAIT_MS)
    assert shown_ids(screen)[:2 * PAGE] == service_ids(hdb, model.query, pages=2)
    assert len(set(shown_ids(screen))) == model.rowCount()  # no page repeats a row
    badge = model.index(0, Column.STATUS).data(BADGE_ROLE)
    assert badge is not None and model.index(0, Column.CODE).data().startswith("YH")
    del tester


def test_sorting_a_column_is_the_services_order(qtbot, hdb, hazard_screen):
    screen = hazard_screen(hdb)
    model = screen.model
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    for column, order in ((Column.PLACE, Qt.SortOrder.AscendingOrder), (Column.DEADLINE, Qt.SortOrder.AscendingOrder),
                          (Column.OVERDUE, Qt.SortOrder.DescendingOrder), (Column.DEPARTMENT, Qt.SortOrder.AscendingOrder),
                          (Column.STATUS, Qt.SortOrder.DescendingOrder)):
        with qtbot.waitSignal(model.first_page, timeout=WAIT_MS):
            screen.table.sortByColumn(column, order)  # what a header click does
        expected = replace(hz.HazardQuery(), sort=SORT_OF[column], descending=order == Qt.SortOrder.DescendingOrder)
        assert model.query == expected
        assert shown_ids(screen) == service_ids(hdb, expected), column.name
        assert screen.table.horizontalHeader().sortIndicatorSection() == column
    before = model.query
    screen.table.sortByColumn(Column.DESCRIPTION, Qt.SortOrder.AscendingOrder)  # free text: no index, no sort
    assert model.query == before and screen.table.horizontalHeader().sortIndicatorSection() == Column.STATUS
    del tester


def test_filters_match_the_services_count_and_the_label_shows_it(qtbot, hdb, hazard_screen):
    screen = hazard_screen(hdb)
    model = screen.model
    f = screen.filters
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    street = screen.refs.streets[3].id

    def check(expected_fields: dict) -> None:
        wait_loaded(qtbot, screen)
        query = model.query
        for key, value in expected_fields.items():
            assert getattr(query, key) == value
        total = read(hdb, lambda u: hz.count(u, query))
        assert model.total == total
        assert str(total) in screen.count.text()
        shown = shown_ids(screen)  # the view may have asked for more pages meanwhile
        assert shown == service_ids(hdb, query, pages=-(-len(shown) // PAGE))

    choose(f.status, frozenset({HazardStatus.RECTIFYING}))
    check({"statuses": frozenset({HazardStatus.RECTIFYING})})
    choose(f.severity, frozenset({Severity.GENERAL}))
    check({"severities": frozenset({Severity.GENERAL})})
    f.status.setCurrentIndex(0)
    choose(f.street, street)
    check({"street_id": street, "statuses": frozenset()})
    choose(f.tier, Tier.STREET)
    check({"tier": Tier.STREET})
    f.clear()
    f.text.setText("消防")
    f.flush_text()
    check({"text": "消防", "street_id": None})
    assert 0 < model.total < 3000
    f.text.setText("")
    f.flush_text()
    choose(f.overdue, {"overdue": True})
    check({"overdue": True})
    assert all(model.row_at(r).overdue_days > 0 for r in range(model.rowCount()))
    del tester


def test_counting_shows_until_the_count_arrives(qtbot, hdb, hazard_screen):
    screen = hazard_screen(hdb)
    model: HazardTableModel = screen.model
    with qtbot.waitSignal(model.total_changed, timeout=WAIT_MS):
        choose(screen.filters.severity, frozenset({Severity.MAJOR}))
        assert model.total is None and screen.count.text() in ("counting…", "计数中…")
    qtbot.waitUntil(lambda: model.total is not None, timeout=WAIT_MS)
    assert model.total == read(hdb, lambda u: hz.count(u, model.query))
