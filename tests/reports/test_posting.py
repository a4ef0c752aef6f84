"""Posting sheets (挂牌公示) read back from the PDF equal what the database holds."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date

import pytest
from reportlab.graphics.shapes import Rect
from sqlalchemy import select

from desktop.data.engine import Database, open_database
from desktop.data.tables import Grid, GridOfficer
from desktop.data.uow import UnitOfWork
from desktop.domain.enums import GridLevel
from desktop.domain.errors import ValidationError
from desktop.domain.posting import PostingSelection
from desktop.domain.progress import Cancelled, Progress
from desktop.reports.base import EmptyReport
from desktop.reports.kinds import POSTING, PostingParams
from desktop.reports.posting import TITLE, qr_runs, qr_value, qr_widget
from desktop.services.common import SYSTEM
from desktop.services.postings import posting_sheets
from tests.reports.pdf import assert_fonts_embedded, page_texts

ON = date(2026, 11, 28)


@pytest.fixture(scope="module")
def demo(demo_template, tmp_path_factory) -> Iterator[Database]:
    """One read-only copy of the demo district for the module."""
    path = tmp_path_factory.mktemp("posting") / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


def _expected(db: Database, community_code: str) -> list[tuple[str, str, str, str]]:
    """(code, name, officer, phone) of the community and every grid below it, straight from SQL."""
    with UnitOfWork(db, write=False) as uow:
        rows = uow.session.execute(
            select(Grid.id, Grid.parent_id, Grid.code, Grid.name, GridOfficer.name, GridOfficer.phone)
            .outerjoin(GridOfficer, Grid.officer_id == GridOfficer.id)
        ).all()
    root = next(r for r in rows if r.code == community_code)
    wanted, frontier = {root.id}, {root.id}
    while frontier:
        frontier = {r.id for r in rows if r.parent_id in frontier}
        wanted |= frontier
    return sorted((r.code, r.name, r[4], r[5]) for r in rows if r.id in wanted)


def _build(db: Database, selection: PostingSelection, out, progress: Progress | None = None):
    with UnitOfWork(db, write=False) as uow:
        return POSTING.build(uow, SYSTEM, PostingParams(selection, ON), out, progress)


def _first_community(db: Database) -> str:
    with UnitOfWork(db, write=False) as uow:
        return uow.session.scalars(select(Grid.code).where(Grid.level == GridLevel.COMMUNITY)
                                   .order_by(Grid.code)).first()


def test_a_communitys_sheets_hold_each_grid_its_officer_and_phone(demo_db, tmp_path):
    code = _first_community(demo_db)
    expected = _expected(demo_db, code)
    out = tmp_path / "posting.pdf"
    outcome = _build(demo_db, PostingSelection(community=code), out)
    texts = page_texts(out)
    assert outcome.pages == len(texts) == len(expected) > 1
    found = []
    for n, text in enumerate(texts, 1):
        assert TITLE in text and "泉山区应急管理局" in text and "2026年11月28日" in text
        assert f"第 {n} 页 共 {len(texts)} 页" in text
        printed_code = re.search(r"网格编码：(\S+)", text).group(1)
        match = [e for e in expected if e[0] == printed_code]
        assert len(match) == 1, text
        g_code, name, officer, phone = match[0]
        assert name in text and officer in text and phone in text
        found.append(match[0])
    assert sorted(found) == expected  # each grid exactly once
    assert texts[0].count(code) >= 1 and f"网格编码：{code}" in texts[0]  # the community first
    assert_fonts_embedded(out)


def test_one_grid_by_code_or_by_name_is_one_page(demo, tmp_path):
    with UnitOfWork(demo, write=False) as uow:
        g = uow.session.scalars(select(Grid).where(Grid.level == GridLevel.ENTERPRISE).order_by(Grid.code)).first()
        officer = uow.session.get(GridOfficer, g.officer_id)
    for key in (g.code, g.code.lower(), g.name):
        out = tmp_path / "one.pdf"
        assert _build(demo, PostingSelection(grid=key), out).pages == 1
        text = page_texts(out)[0]
        assert g.name in text and officer.name in text and officer.phone in text and "企业专属网格" in text
        assert "第 1 页 共 1 页" in text


def test_the_qr_code_is_the_officers_phone_drawn_as_reportlabs_widget_lays_it_out(demo):
    code = _first_community(demo)
    with UnitOfWork(demo, write=False) as uow:
        sheets = posting_sheets(uow, SYSTEM, PostingSelection(community=code)).sheets
        phones = dict(uow.session.execute(
            select(Grid.code, GridOfficer.phone).join(GridOfficer, Grid.officer_id == GridOfficer.id)).all())
    for sheet in sheets:
        assert sheet.officer_phone == phones[sheet.code]
        widget = qr_widget(sheet)
        assert widget.value == qr_value(sheet) == "tel:" + phones[sheet.code]
    # The runs drawn on the sheet are exactly the dark rectangles the widget itself would draw.
    widget = qr_widget(sheets[0])
    own = sorted((round(r.x, 6), round(r.y, 6), round(r.width, 6), round(r.height, 6))
                 for r in widget.draw().contents if isinstance(r, Rect) and r.fillColor is not None)
    ours = sorted(tuple(round(v, 6) for v in run) for run in qr_runs(qr_widget(sheets[0])))
    assert ours == own and len(ours) > 50


def test_progress_and_a_cancel_leave_no_file(demo, tmp_path):
    code = _first_community(demo)
    seen: list[tuple[int, int]] = []
    outcome = _build(demo, PostingSelection(community=code), tmp_path / "ok.pdf",
                     Progress(lambda d, t, _: seen.append((d, t))))
    assert seen[-1] == (outcome.pages, outcome.pages)

    out = tmp_path / "cancelled.pdf"
    out.write_bytes(b"an older report")
    progress = Progress(lambda d, t, _: d >= 2 and progress.cancel())
    with pytest.raises(Cancelled):
        _build(demo, PostingSelection(all=True), out, progress)
    assert out.read_bytes() == b"an older report"  # untouched: the new one never replaced it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cancelled.pdf", "ok.pdf"]  # no .part left


def test_an_empty_selection_says_so_and_writes_nothing(sqlite_db, tmp_path):
    out = tmp_path / "empty.pdf"
    with pytest.raises(EmptyReport, match="nothing to report"):
        _build(sqlite_db, PostingSelection(all=True), out)
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(("selection", "field"), [
    (PostingSelection(community="没有这个社区"), "community"),
    (PostingSelection(grid="QS-99-99"), "grid"),
    (PostingSelection(), "selection"),
    (PostingSelection(community="QS-01-01", all=True), "selection"),
])
def test_a_bad_selection_is_refused_naming_the_field(demo, tmp_path, selection, field):
    with pytest.raises(ValidationError) as err:
        _build(demo, selection, tmp_path / "x.pdf")
    assert err.value.field == field
    assert not (tmp_path / "x.pdf").exists()


def test_supervision_follows_the_tier_and_the_boundary_rules(demo):
    with UnitOfWork(demo, write=False) as uow:
        sheets = posting_sheets(uow, SYSTEM, PostingSelection(all=True)).sheets
    assert len(sheets) == 1273
    by_level = {}
    for s in sheets:
        by_level.setdefault(s.level, []).append(s)
    assert all(s.supervising_department.startswith("区安委会办公室") for s in by_level[GridLevel.STREET])
    street_units = {s.responsible_unit for s in by_level[GridLevel.STREET]}
    assert all(s.supervising_department in street_units for s in by_level[GridLevel.COMMUNITY])
    assert all(s.supervising_department in street_units for s in by_level[GridLevel.SUB_COMMUNITY])
    enterprise = by_level[GridLevel.ENTERPRISE]
    assert any("直接监管" in s.supervising_department for s in enterprise)
    assert any("属地监管" in s.supervising_department for s in enterprise)
    assert all(s.officer_name and s.officer_phone for s in sheets)  # 一格一员


def test_overlong_values_stay_inside_the_sheet(tmp_path):
    """Long names, units and custom duties wrap, shrink or are cut with "…": no text leaves
    the border, none runs into the supervision block."""
    from pypdf import PdfReader
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.domain.enums import Employment
    from desktop.reports.document import DocumentInfo, open_canvas
    from desktop.reports.posting import PAGE_H, PAGE_W, SUPERVISION_TOP, SheetPainter
    from desktop.services.postings import PostingSheet

    long = "徐州市泉山区某某某某新材料科技股份有限公司第二生产基地危险化学品仓储"
    sheet = PostingSheet(1, "QS-14-12-09-Q12", long * 2 + "专属网格", GridLevel.ENTERPRISE,
                         ("翟山街道", "中国矿业大学国家大学科技园社区", "第12网格"), "欧阳子轩", "0516-83881234",
                         Employment.PART_TIME, ("安全巡查", "信息采集", "整改督查", "政策宣传", "行业监管",
                                                "负责本网格内九小场所、出租房屋、沿街门店的消防和燃气安全检查" * 3),
                         long * 3, "翟山街道办事处（属地）；行业主管部门未明确（监管空白）" * 3)
    out = tmp_path / "stress.pdf"
    info = DocumentInfo(TITLE, ON)
    c = open_canvas(out, info)
    SheetPainter(c, info).draw(sheet, 1, 1)
    c.showPage()
    c.save()
    placed: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            placed.append((text, tm[4] + cm[4], tm[5] + cm[5], font_size * tm[0]))

    PdfReader(str(out)).pages[0].extract_text(visitor_text=visit)
    assert placed and any("…" in t for t, *_ in placed)
    for text, x, y, size in placed:
        right = x + stringWidth(text, "CJK", size)
        assert 12 * mm <= x and right <= PAGE_W - 12 * mm + 1, (text, x, right)
        assert y <= PAGE_H - 12 * mm, text
        if y > SUPERVISION_TOP:  # above the block: the body must not reach into it
            assert y > SUPERVISION_TOP + 2 * mm or text == "监督方式", (text, y)
