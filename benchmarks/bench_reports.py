"""Report figures: posting sheets for the whole district, the document framework's long table.

Each report adds one function here, called from `run()` (the duty daily, ≤ 1.5 s; a
10,000-row ledger, ≤ 10 s; ...). The demo district is built once for all of them.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _util import Report, median_of
from reportlab.lib.units import mm

from desktop.data.engine import Database, open_database
from desktop.data.migrate import upgrade
from desktop.data.uow import UnitOfWork
from desktop.demo.load import load_demo
from desktop.domain.posting import PostingSelection
from desktop.domain.progress import Progress
from desktop.reports.document import DocumentInfo, Orientation, build_document, title_block
from desktop.reports.kinds import POSTING, PostingParams
from desktop.reports.styles import data_table
from desktop.services.common import SYSTEM

DISTRICT = "demo district: 1,273 grids"
ON = date(2026, 11, 28)


def _posting(report: Report, repeat: int, db: Database, tmp: Path) -> None:
    def build(selection: PostingSelection) -> int:
        with UnitOfWork(db, write=False) as uow:
            # Through the registry, with a progress object, as the Reports screen and CLI run it.
            return POSTING.build(uow, SYSTEM, PostingParams(selection, ON), tmp / "posting.pdf",
                                 Progress(lambda *_: None)).pages

    pages = build(PostingSelection(all=True))  # warm-up: font parsing, imports
    all_s, runs = median_of(lambda: build(PostingSelection(all=True)), min(repeat, 3))
    report("posting sheets: all grids → PDF", all_s, "s", f"{DISTRICT}, {pages} pages",
           "goal ≤ 20 s; runs " + ", ".join(f"{r:.1f}" for r in runs))
    report("posting sheets: per sheet", all_s / pages * 1e3, "ms", DISTRICT)
    one_s, _ = median_of(lambda: build(PostingSelection(community="QS-01-01")), repeat, warmup=1)
    report("posting sheets: one community (Reports screen)", one_s * 1e3, "ms", "湖东社区: 9 sheets")


def _long_table(report: Report, repeat: int, tmp: Path) -> None:
    """The framework's floor for the ledger: 10,000 plain rows, one wrapping column."""
    info = DocumentInfo("隐患排查治理台账", ON, subtitle="基准", orientation=Orientation.LANDSCAPE)
    rows = [(i, f"YH-2026-{i:05d}", f"某某街道某某社区某某有限公司仓库消防通道堵塞，灭火器过期（第{i}项）",
             "一般隐患", "整改中", "2026-12-31") for i in range(1, 10_001)]
    widths = [16 * mm, 32 * mm, 140 * mm, 24 * mm, 22 * mm, 26 * mm]

    def build() -> int:
        story = [*title_block(info), data_table(["序号", "编号", "隐患描述", "等级", "状态", "期限"], rows,
                                                widths, wrap=[2])]
        return build_document(tmp / "table.pdf", info, story).pages

    pages = build()
    table_s, _ = median_of(build, min(repeat, 3))
    report("document framework: 10,000-row table → PDF", table_s, "s", f"10,000 rows, {pages} pages",
           "floor for the ledger (goal ≤ 10 s)")


def _daily(report: Report, repeat: int, db: Database, tmp: Path) -> None:
    """The duty daily of yesterday (a full day of the demo's history) through the registry, and
    its floor: gathering the same data (`situation`) without drawing anything."""
    from desktop.domain.hazard_terms import district_today
    from desktop.reports.kinds import DAILY, DailyParams
    from desktop.services.situation import situation

    day = district_today() - timedelta(days=1)

    def build() -> int:
        with UnitOfWork(db, write=False) as uow:
            return DAILY.build(uow, SYSTEM, DailyParams(day), tmp / "daily.pdf", Progress(lambda *_: None)).pages

    def read() -> None:
        with UnitOfWork(db, write=False) as uow:
            situation(uow, SYSTEM, day)

    pages = build()
    daily_s, runs = median_of(build, repeat, warmup=1)
    read_s, _ = median_of(read, repeat, warmup=1)
    data = "demo district: 3,000 hazards, 424 incidents"
    report("duty daily → PDF (map, 2 charts, tables)", daily_s, "s", f"{data}; {pages} pages",
           "goal ≤ 1.5 s; runs " + ", ".join(f"{r:.2f}" for r in runs))
    report("duty daily: data read only (situation)", read_s * 1e3, "ms", data)
    report("duty daily vs its data read", daily_s / read_s, "x", data, "floor: the situation service alone")


LEDGER_ROWS = 10_000


def _ledger(report: Report, repeat: int, tmp: Path) -> None:
    """The whole ledger of a district holding 10,000 tickets: every one is a row. Floor: the
    framework's plain 10,000-row table (`_long_table`), whose cells are shorter and fewer."""
    from desktop.reports.kinds import LEDGER, LedgerParams

    db = open_database(f"sqlite:///{tmp / 'ledger.db'}")
    upgrade(db)
    load_demo(db, hazards=LEDGER_ROWS)
    try:
        def build(xlsx: Path | None = None) -> tuple[int, str]:
            with UnitOfWork(db, write=False) as uow:
                done = LEDGER.build(uow, SYSTEM, LedgerParams(xlsx=xlsx), tmp / "ledger.pdf", Progress(lambda *_: None))
                return done.pages, done.summary

        pages, summary = build()
        assert summary.startswith(f"{LEDGER_ROWS:,} hazards"), summary
        ledger_s, runs = median_of(build, min(repeat, 3))
        both_s, _ = median_of(lambda: build(tmp / "ledger.xlsx"), 1)
        cpu = time.process_time()
        build()
        cpu_s = time.process_time() - cpu  # what the build itself costs, whatever else the machine runs
        data = f"{LEDGER_ROWS:,} hazards, {pages} landscape pages"
        report("hazard ledger: 10,000 rows → PDF", ledger_s, "s", data,
               "goal ≤ 10 s; runs " + ", ".join(f"{r:.1f}" for r in runs))
        report("hazard ledger: per 1,000 rows", ledger_s / LEDGER_ROWS * 1e3, "s", data)
        report("hazard ledger: CPU time of one build", cpu_s, "s", data, "wall time above includes waiting for a CPU")
        report("hazard ledger: PDF + .xlsx from the same query", both_s, "s", data)
    finally:
        db.dispose()


def run(report: Report, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        db = open_database(f"sqlite:///{tmp / 'demo.db'}")
        upgrade(db)
        load_demo(db)
        try:
            _posting(report, repeat, db, tmp)
            _long_table(report, repeat, tmp)
            _daily(report, repeat, db, tmp)
        finally:
            db.dispose()
        _ledger(report, repeat, tmp)
