"""The hazard ledger PDF read back: every ticket of the filter once, in order, a fixed number of
rows per page with the header repeated, the filter under the title, the workbook from the same
query; an empty filter says so and writes nothing; a bad one is refused naming the field."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import func, select

from desktop.data.engine import Database, open_database
from desktop.data.tables import Department, Grid
from desktop.data.tables_hazards import Hazard
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.domain.hazard_terms import DISTRICT_TZ, HazardStatus, district_today
from desktop.reports.base import EmptyReport
from desktop.reports.document import HEADER_H, MARGIN, DocumentInfo, Orientation
from desktop.reports.kinds import LEDGER, LedgerParams
from desktop.reports.ledger_pdf import HEADER, ROW_H, rows_per_page
from desktop.reports.ledger_xlsx import HEADER_ROW
from desktop.services.common import SYSTEM
from desktop.services.hazard_query import hazard_code
from desktop.services.ledger_query import ledger_selection, status_key
from tests.reports.pdf import assert_fonts_embedded, page_texts

CODE = re.compile(r"YH\d{11}")


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("ledger") / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


def _build(db: Database, params: LedgerParams, out):
    with UnitOfWork(db, write=False) as uow:
        return LEDGER.build(uow, SYSTEM, params, out)


def _street(db: Database) -> tuple[int, str]:
    with UnitOfWork(db, write=False) as uow:
        return tuple(uow.session.execute(select(Grid.id, Grid.name).where(Grid.level == GridLevel.STREET)
                                         .order_by(Grid.code).limit(1)).one())


def test_a_long_ledger_has_its_rows_once_in_order_and_the_expected_pages(demo, tmp_path):
    street_id, street = _street(demo)
    with UnitOfWork(demo, write=False) as uow:  # the street's tickets, oldest found first, via the ORM
        rows = uow.session.execute(select(Hazard.id, Hazard.created_at).where(Hazard.street_id == street_id)
                                   .order_by(Hazard.created_at, Hazard.id)).all()
    expected = [hazard_code(i, at) for i, at in rows]
    out, xlsx = tmp_path / "ledger.pdf", tmp_path / "ledger.xlsx"
    outcome = _build(demo, LedgerParams(street=street, xlsx=xlsx), out)
    texts = page_texts(out)
    # Rows per page from the geometry: the later pages' frame less the header row, in fixed-height rows.
    info = DocumentInfo("x", date.today(), orientation=Orientation.LANDSCAPE)
    frame = info.pagesize[1] - 2 * MARGIN - HEADER_H + 6 * mm
    per_page = int((frame - ROW_H) // ROW_H)
    assert per_page == rows_per_page(info) >= 15
    on_page = [CODE.findall(t) for t in texts]
    first = len(on_page[0])
    assert outcome.pages == len(texts) == 1 + -(-(len(expected) - first) // per_page) > 5
    assert all(len(p) == per_page for p in on_page[1:-1])
    assert [c for p in on_page for c in p] == expected  # every ticket once, in ledger order
    for n, text in enumerate(texts, 1):
        assert all(h.split("\n")[0] in text for h in HEADER), f"page {n} lost the header row"
        assert f"第 {n} 页 共 {len(texts)} 页" in text and "泉山区安全生产隐患排查治理台账" in text
    assert f"筛选条件：街道（园区）：{street}" in texts[0] and f"共 {len(expected):,} 条" in texts[0]
    box = PdfReader(str(out)).pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert_fonts_embedded(out)
    sheet = list(openpyxl.load_workbook(xlsx).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [r[1] for r in sheet] == expected  # the workbook: the same query, the same rows


def test_department_dates_and_status_filter_like_the_orm(demo_db, tmp_path):
    demo = demo_db
    today = district_today()
    first, last = today - timedelta(days=90), today - timedelta(days=1)
    with UnitOfWork(demo, write=False) as uow:
        dept = uow.session.execute(select(Department.id, Department.name).order_by(Department.code)).first()
        start = datetime.combine(first, time.min, DISTRICT_TZ)
        end = datetime.combine(last + timedelta(days=1), time.min, DISTRICT_TZ)
        want = uow.session.scalar(select(func.count()).select_from(Hazard).where(
            Hazard.department_id == dept.id, Hazard.created_at >= start, Hazard.created_at < end,
            Hazard.status == HazardStatus.CLOSED.value))
    assert want > 0
    out = tmp_path / "dept.pdf"
    outcome = _build(demo, LedgerParams(department=dept.name, date_from=first, date_to=last, status="已销号"), out)
    text = "".join(page_texts(out))
    assert len(CODE.findall(text)) == want and outcome.summary.startswith(f"{want:,} hazards")
    assert f"责任部门：{dept.name}" in text and f"发现日期：{first.isoformat()} 至 {last.isoformat()}" in text
    assert "状态：已销号" in text


def test_an_empty_filter_says_so_and_writes_nothing(demo, tmp_path):
    out = tmp_path / "empty.pdf"
    future = district_today() + timedelta(days=30)
    with pytest.raises(EmptyReport, match="nothing to report"):
        _build(demo, LedgerParams(date_from=future, xlsx=tmp_path / "empty.xlsx"), out)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("params", "field"), [
    (LedgerParams(street="没有这个街道"), "street"),
    (LedgerParams(department="没有这个部门"), "department"),
    (LedgerParams(status="maybe"), "status"),
    (LedgerParams(date_from=date(2026, 5, 2), date_to=date(2026, 5, 1)), "date_from"),
])
def test_a_bad_filter_is_refused_naming_the_field(demo, tmp_path, params, field):
    with pytest.raises(ValidationError) as err:
        _build(demo, params, tmp_path / "x.pdf")
    assert err.value.field == field and not (tmp_path / "x.pdf").exists()


def test_status_words_and_codes(demo):
    assert [status_key(s) for s in ("open", "在办", "逾期", "Rectifying", "待复查", "closed")] == [
        "open", "open", "overdue", "rectifying", "awaiting_reinspection", "closed"]
    with UnitOfWork(demo, write=False) as uow:
        by_code = ledger_selection(uow, SYSTEM, street="qs-01", department="d01", status="overdue")
    assert by_code.query.street_id and by_code.query.department_id and by_code.query.overdue is True
    assert by_code.description.count("；") == 2
