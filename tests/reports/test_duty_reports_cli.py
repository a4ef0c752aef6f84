"""`safegrid report daily|ledger|incident ...` headless: the files, their page counts, and one-line
refusals (an empty ledger, an unknown street, an unknown incident)."""

from __future__ import annotations

import shutil
from datetime import timedelta

import openpyxl
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.data.engine import open_database
from desktop.data.tables_dispatch import Incident
from desktop.data.uow import UnitOfWork
from desktop.domain.hazard_terms import district_today
from desktop.domain.incident import incident_code
from tests.reports.pdf import page_texts
from tests.test_cli import _one_line_error, safegrid


@pytest.fixture(scope="module")
def demo_path(demo_template, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    shutil.copyfile(demo_template, path)
    return str(path)


def test_daily_for_a_date_and_a_shift(demo_path, tmp_path):
    day = (district_today() - timedelta(days=1)).isoformat()
    out = tmp_path / "daily.pdf"
    done = safegrid("--db", demo_path, "report", "daily", "--date", day, "--out", str(out))
    assert done.returncode == 0, done.stderr
    pages = len(PdfReader(str(out)).pages)
    assert "安全生产值班日报: " in done.stdout and f"{pages} pages written to {out}" in done.stdout
    night = tmp_path / "night.pdf"
    done = safegrid("--db", demo_path, "report", "daily", "--date", day, "--shift", "night", "--out", str(night))
    assert done.returncode == 0, done.stderr
    assert "统计时段：夜班 20:00—次日08:00" in page_texts(night)[0]


def test_ledger_with_its_workbook_and_its_refusals(demo_path, tmp_path):
    out, xlsx = tmp_path / "ledger.pdf", tmp_path / "ledger.xlsx"
    done = safegrid("--db", demo_path, "report", "ledger", "--street", "湖滨街道", "--status", "open", "--out", str(out),
                    "--xlsx", str(xlsx))
    assert done.returncode == 0, done.stderr
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(min_row=4, values_only=True))
    assert rows and f"{len(rows):,} hazards; workbook written to {xlsx}" in done.stdout
    assert "筛选条件：街道（园区）：湖滨街道；状态：在办（未销号）" in page_texts(out)[0]

    future = (district_today() + timedelta(days=30)).isoformat()
    empty = safegrid("--db", demo_path, "report", "ledger", "--from", future, "--out", str(tmp_path / "e.pdf"))
    assert "nothing to report" in _one_line_error(empty)
    unknown = safegrid("--db", demo_path, "report", "ledger", "--street", "没有这个街道", "--out", str(tmp_path / "u.pdf"))
    assert "street" in _one_line_error(unknown)
    assert not (tmp_path / "e.pdf").exists() and not (tmp_path / "u.pdf").exists()


def test_incident_by_number_and_an_unknown_one(demo_path, tmp_path):
    db = open_database(f"sqlite:///{demo_path}")
    with UnitOfWork(db, write=False) as uow:
        ident = uow.session.scalar(select(Incident.id).where(Incident.handed_over_to != "").order_by(Incident.id))
    db.dispose()
    out = tmp_path / "incident.pdf"
    done = safegrid("--db", demo_path, "report", "incident", str(ident), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert incident_code(ident) in page_texts(out)[0]
    missing = safegrid("--db", demo_path, "report", "incident", "JQ999999", "--out", str(tmp_path / "m.pdf"))
    assert "incident" in _one_line_error(missing) and not (tmp_path / "m.pdf").exists()
