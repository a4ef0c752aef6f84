"""The hazard ledger workbook, read back with openpyxl: headers, rows, order, escaped formulas."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.domain.hazard_terms import Category, HazardStatus
from desktop.domain.progress import Cancelled, Progress
from desktop.reports.ledger_xlsx import HEADER_ROW, HEADERS, export_ledger, safe_text
from desktop.services import hazards as hz
from tests.services.hazard_support import new_hazard, read


@pytest.mark.parametrize(("raw", "cell"), [
    ("=1+2", "'=1+2"), ("+86 138", "'+86 138"), ("-3米", "'-3米"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("正常文字", "正常文字"), ("", ""),
])
def test_safe_text(raw, cell):
    assert safe_text(raw) == cell


def test_ledger_reads_back_with_headers_rows_and_escaped_formulas(demo_sqlite, tmp_path):
    evil = '=HYPERLINK("http://evil.example","点我")'
    row = new_hazard(demo_sqlite, description=evil, category=Category.OTHER)
    query = hz.HazardQuery(statuses=frozenset({HazardStatus.FOUND, HazardStatus.CLOSED}),
                           sort=hz.HazardSort.CREATED, descending=True)
    expected = read(demo_sqlite, lambda u: hz.count(u, query))
    seen: list[tuple[int, int]] = []
    path = tmp_path / "台账.xlsx"
    n = read(demo_sqlite, lambda u: export_ledger(u, query, path, Progress(lambda d, t, _: seen.append((d, t))),
                                                  filter_text="状态：待分类、已销号"))
    assert n == expected > 2000  # more than one page of the export
    assert seen[-1] == (n, n)
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[HEADER_ROW - 1] == HEADERS
    data = rows[HEADER_ROW:]
    assert len(data) == n and [r[0] for r in data[:3]] == [1, 2, 3]
    assert "筛选：状态：待分类、已销号" in rows[1][0] and f"{n:,}" in rows[1][0]
    first = data[0]  # newest first: the ticket just reported
    assert first[1] == row.code and first[13] == "待分类" and first[7] == "其他"
    assert first[9] == "'" + evil
    cell = ws.cell(row=HEADER_ROW + 1, column=10)
    assert cell.data_type == "s" and not str(cell.value).startswith("=")
    closed = next(r for r in data if r[13] == "已销号")
    assert closed[15] is not None and closed[14].startswith("复查合格")
    assert all(r[16] is None for r in data if r[13] == "已销号")  # no overdue days once closed


def test_ledger_export_can_be_cancelled_and_leaves_no_file(demo_sqlite, tmp_path):
    progress = Progress()
    progress.cancel()
    path = tmp_path / "x.xlsx"
    with pytest.raises(Cancelled):
        read(demo_sqlite, lambda u: export_ledger(u, hz.HazardQuery(), path, progress))
    assert not path.exists() and not list(tmp_path.glob("*.xlsx"))


def test_ledger_can_stop_after_a_number_of_rows(demo_sqlite, tmp_path):
    path = tmp_path / "first.xlsx"
    assert read(demo_sqlite, lambda u: export_ledger(u, hz.HazardQuery(), path, max_rows=2001)) == 2001
    rows = list(openpyxl.load_workbook(path).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == 2001 and rows[-1][0] == 2001
    assert read(demo_sqlite, lambda u: export_ledger(u, hz.HazardQuery(text="不存在的词语"), path)) == 0
