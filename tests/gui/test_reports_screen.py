"""The Reports screen: a posting PDF generated through the form off the GUI thread (progress,
cancel), previewed in QPdfView, printed through QPrinter, saved; empty and bad selections."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from desktop.app import build_context
from desktop.data.tables import Grid
from desktop.data.uow import UnitOfWork
from desktop.domain.posting import PostingSelection
from desktop.services.common import SYSTEM
from desktop.services.postings import select_grids
from desktop.views.reports import ReportsScreen


def _open(qtbot, db) -> ReportsScreen:
    ctx = build_context(db, SYSTEM)
    screen = ReportsScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def _close(screen: ReportsScreen) -> None:
    screen.ctx.ops.cancel_all()
    screen.ctx.sync.stop()
    screen.ctx.ops.wait_idle(10_000)


@pytest.fixture
def screen(qtbot, demo_sqlite):
    s = _open(qtbot, demo_sqlite)
    form = s.current_form()
    qtbot.waitUntil(lambda: form.community.count() > 0, timeout=10_000)
    yield s
    _close(s)


def _community(db) -> tuple[str, int]:
    with UnitOfWork(db, write=False) as uow:
        code = uow.session.scalars(select(Grid.code).where(Grid.level == "community").order_by(Grid.code)).first()
        return code, len(select_grids(uow, PostingSelection(community=code))[1])


def test_generate_preview_print_and_save_a_communitys_posting_sheets(qtbot, screen, demo_sqlite, tmp_path):
    code, sheets = _community(demo_sqlite)
    form = screen.current_form()
    form.select_community(code)
    assert str(sheets) in form.info.text()
    with qtbot.waitSignal(screen.ctx.ops.progress_changed, timeout=10_000,
                          check_params_cb=lambda job, done, total, text: total == sheets):
        qtbot.mouseClick(screen.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.outcome is not None, timeout=20_000)
    preview = screen.preview
    assert preview is not None and screen.preview_stack.currentWidget() is preview
    assert preview.page_count() == sheets == screen.outcome.pages
    assert len(PdfReader(str(screen.outcome.path)).pages) == sheets
    assert screen.print_button.isEnabled() and screen.save_button.isEnabled()

    # Page navigation and zoom.
    preview.next_page()
    assert preview.current_page() == 1 and preview.page_box.value() == 2
    preview.go_to(sheets - 1)
    assert not preview.next_button.isEnabled()
    preview.set_zoom(1.5)
    assert preview.view.zoomFactor() == pytest.approx(1.5)
    preview.zoom_in()
    assert preview.view.zoomFactor() == pytest.approx(2.0)
    preview.set_zoom("width")

    # Print to a PDF file through QPrinter (no dialog): one printed page per page.
    from desktop.widgets.pdf_preview import print_pdf

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert print_pdf(preview.document, printer) == sheets
    assert len(PdfReader(str(printed)).pages) == sheets

    saved = tmp_path / "saved.pdf"
    screen.save_to(saved)
    assert saved.read_bytes() == screen.outcome.path.read_bytes()


def test_cancel_stops_the_generation_and_leaves_no_file(qtbot, screen):
    screen.current_form().all_radio.setChecked(True)
    with qtbot.waitSignal(screen.ctx.ops.progress_changed, timeout=10_000,
                          check_params_cb=lambda job, done, total, text: total > 0):
        screen.generate()
    assert screen.cancel_button.isEnabled() and not screen.generate_button.isEnabled()
    screen.cancel()
    qtbot.waitUntil(lambda: screen._job is None, timeout=20_000)
    assert screen.outcome is None
    assert "Cancelled" in screen.message.text()
    assert list(os.scandir(screen._tmp.name)) == []  # neither the PDF nor a partial file
    assert screen.generate_button.isEnabled() and not screen.print_button.isEnabled()


def test_a_bad_community_is_refused_naming_the_field(qtbot, screen):
    form = screen.current_form()
    form.select_community("没有这个社区")
    screen.generate()
    qtbot.waitUntil(lambda: screen._job is None and screen.message.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: "community" in screen.message.text(), timeout=10_000)
    assert screen.outcome is None


def test_an_empty_selection_says_so(qtbot, sqlite_db):
    screen = _open(qtbot, sqlite_db)
    try:
        form = screen.current_form()
        form.all_radio.setChecked(True)
        screen.generate()
        qtbot.waitUntil(lambda: screen._job is None, timeout=20_000)
        assert "Nothing to report" in screen.message.text(), screen.message.text()
        assert screen.outcome is None and screen.preview is None
        assert list(os.scandir(screen._tmp.name)) == []
    finally:
        _close(screen)


def test_opening_the_reports_screen_at_start_up_loads_neither_qtpdf_nor_reportlab(demo_template, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    probe = (
        "import json, sys\n"
        "from desktop.__main__ import main\n"
        f"code = main(['--db', {str(path)!r}, '--screen', 'reports', '--exit-when-ready'])\n"
        "print(json.dumps(sorted(m for m in ('reportlab', 'PySide6.QtPdf', 'PySide6.QtPdfWidgets',"
        " 'desktop.views.reports') if m in sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    # The screen itself was built (its module loaded); the PDF machinery waits for a report.
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["desktop.views.reports"]
