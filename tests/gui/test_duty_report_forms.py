"""The Reports screen drives the duty daily, the hazard ledger and the incident report through their
forms, off the GUI thread, into the preview (one test per kind)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from sqlalchemy import func, select

from desktop.app import build_context
from desktop.data.tables import Grid
from desktop.data.tables_dispatch import Incident
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.hazard_terms import district_today
from desktop.reports.document import DocumentInfo, Orientation
from desktop.reports.ledger_pdf import rows_per_page
from desktop.services.common import SYSTEM
from desktop.views.report_forms_duty import LEDGER_FIRST_PAGE_ROWS, LEDGER_ROWS_PER_PAGE
from desktop.views.reports import ReportsScreen
from tests.reports.pdf import page_texts


@pytest.fixture
def screen(qtbot, demo_sqlite):
    s = ReportsScreen(build_context(demo_sqlite, SYSTEM))
    qtbot.addWidget(s)
    s.show()
    yield s
    s.ctx.ops.cancel_all()
    s.ctx.sync.stop()
    s.ctx.ops.wait_idle(10_000)


def _choose(screen: ReportsScreen, key: str):
    row = next(n for n, e in enumerate(screen.entries) if e.key == key)
    screen.kinds.setCurrentRow(row)
    return screen.current_form()


def _generate(qtbot, screen: ReportsScreen):
    screen.generate()
    qtbot.waitUntil(lambda: screen._job is None, timeout=30_000)
    assert screen.outcome is not None, screen.message.text()
    assert screen.preview.page_count() == screen.outcome.pages == len(PdfReader(str(screen.outcome.path)).pages)
    return page_texts(screen.outcome.path)


def test_the_daily_for_yesterdays_night_shift(qtbot, screen):
    form = _choose(screen, "daily")
    day = district_today() - timedelta(days=1)
    form.date.setDate(QDate(day))
    form.shift.setCurrentIndex(form.shift.findData("night"))
    assert form.suggested_name() == f"值班日报-{day.isoformat()}-夜班.pdf"
    texts = _generate(qtbot, screen)
    assert "安全生产值班日报" in texts[0] and "夜班" in texts[0]


def test_the_ledger_of_a_street_counts_its_rows_first(qtbot, screen, demo_sqlite):
    form = _choose(screen, "ledger")
    qtbot.waitUntil(lambda: form.street.count() > 1, timeout=10_000)
    with UnitOfWork(demo_sqlite, write=False) as uow:
        street_id, name = uow.session.execute(select(Grid.id, Grid.name).where(Grid.level == GridLevel.STREET)
                                              .order_by(Grid.code)).first()
        closed = uow.session.scalar(select(func.count()).select_from(Hazard).where(
            Hazard.street_id == street_id, Hazard.status == "closed"))
    day = district_today()
    form.street.setCurrentIndex(form.street.findData(name))
    form.status.setCurrentIndex(form.status.findData("closed"))
    qtbot.waitUntil(lambda: f"{closed:,}" in form.info.text(), timeout=10_000)
    texts = _generate(qtbot, screen)
    assert f"共 {closed:,} 条" in texts[0] and name in texts[0]
    # The form's page estimate uses the ledger's own layout.
    per_page = [len(re.findall(r"YH\d{11}", t)) for t in texts]
    assert per_page[0] == LEDGER_FIRST_PAGE_ROWS and per_page[1] == LEDGER_ROWS_PER_PAGE
    assert LEDGER_ROWS_PER_PAGE == rows_per_page(DocumentInfo("x", day, orientation=Orientation.LANDSCAPE))

    form.street.setEditText("没有这个街道")  # typed, unknown: refused naming the field, nothing shown
    screen.generate()
    qtbot.waitUntil(lambda: "street" in screen.message.text(), timeout=10_000)


def test_the_report_of_the_latest_incident(qtbot, screen, demo_sqlite):
    form = _choose(screen, "incident")
    qtbot.waitUntil(lambda: form.incident.count() > 0, timeout=10_000)
    with UnitOfWork(demo_sqlite, write=False) as uow:
        latest = uow.session.scalar(select(func.max(Incident.id)))
    assert form.params().incident == f"JQ{latest:06d}"
    texts = _generate(qtbot, screen)
    assert "突发事件处置情况报告" in texts[0] and f"JQ{latest:06d}" in texts[0]
