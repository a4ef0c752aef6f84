"""`safegrid report posting ...` headless: the file, the page count, one-line refusals."""

from __future__ import annotations

import shutil

from pypdf import PdfReader
from sqlalchemy import func, select

from desktop.data.engine import open_database
from desktop.data.tables import Grid
from desktop.data.uow import UnitOfWork
from tests.test_cli import _one_line_error, safegrid


def test_posting_for_a_community_by_name_writes_one_page_per_grid(demo_template, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    db = open_database(f"sqlite:///{path}")
    with UnitOfWork(db, write=False) as uow:
        community = uow.session.scalars(select(Grid).where(Grid.level == "community").order_by(Grid.code)).first()
        subs = select(Grid.id).where(Grid.parent_id == community.id)
        below = uow.session.scalar(select(func.count()).select_from(Grid).where(
            (Grid.parent_id == community.id) | Grid.parent_id.in_(subs)))
        name = community.name
    db.dispose()
    out = tmp_path / "公示牌.pdf"
    done = safegrid("--db", str(path), "report", "posting", "--community", name, "--date", "2026-11-28",
                    "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert f"{1 + below} pages" in done.stdout
    assert len(PdfReader(str(out)).pages) == 1 + below

    missing = safegrid("--db", str(path), "report", "posting", "--community", "没有这个社区", "--out", str(tmp_path / "x.pdf"))
    assert "community" in _one_line_error(missing)
    assert not (tmp_path / "x.pdf").exists()


def test_posting_on_an_empty_database_says_so_in_one_line(tmp_path):
    out = tmp_path / "all.pdf"
    result = safegrid("--db", str(tmp_path / "empty.db"), "report", "posting", "--all", "--out", str(out))
    assert "nothing to report" in _one_line_error(result)
    assert not out.exists()
