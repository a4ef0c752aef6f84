"""The hazard ledger (隐患排查治理台账) as an .xlsx workbook: the current filter and sort of the
hazard table, streamed page by page into a write-only workbook (memory stays flat at any size).

Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) are written with a leading apostrophe, so an exported description can never execute.
The file appears only when complete (written next to the target, then renamed).
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.data.uow import UnitOfWork
from desktop.domain.escalation import level_name
from desktop.domain.hazard_terms import (
    CATEGORY_ZH,
    REINSPECTION_ZH,
    SEVERITY_ZH,
    STATUS_ZH,
    local_time,
)
from desktop.domain.progress import Progress
from desktop.services.hazard_filters import HazardQuery
from desktop.services.hazard_query import HazardRow, count, page

TITLE = "泉山区安全生产隐患排查治理台账"
HEADERS = ("序号", "隐患编号", "发现时间", "企业/地点", "街道", "社区", "网格", "类别", "等级", "描述",
           "责任部门", "整改责任人", "整改期限", "状态", "复查结果", "销号时间", "逾期天数", "督办级别")
WIDTHS = (7, 16, 17, 30, 14, 14, 18, 12, 10, 44, 16, 20, 12, 10, 14, 17, 9, 16)
HEADER_ROW = 3        # title, then the filter line, then the headers
PAGE = 2000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


def safe_text(value: str) -> str:
    """Defuse formula injection: a text cell never starts with a formula character."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _naive_local(at: datetime | None) -> datetime | None:
    return local_time(at).replace(tzinfo=None) if at else None


def _result(row: HazardRow) -> str:
    text = REINSPECTION_ZH[row.reinspection]
    return text + f"（退回{row.return_count}次）" if row.return_count else text


class _Sheet:
    def __init__(self, ws) -> None:
        self.ws = ws

    def cell(self, value, number_format: str | None = None, font: Font | None = None):
        if isinstance(value, str):
            value = safe_text(value)
        c = WriteOnlyCell(self.ws, value=value)
        if isinstance(value, str):
            c.data_type = "s"  # explicit text, never a formula
        if number_format and value is not None:
            c.number_format = number_format
        if font:
            c.font = font
        return c

    def row(self, r: HazardRow, n: int) -> list:
        # Plain values stream fastest; text is defused first (a defused text is never a formula),
        # and only the dates need a cell object for their format.
        c, t = self.cell, safe_text
        return [
            n, r.code, c(_naive_local(r.created_at), DATETIME_FORMAT), t(r.place), r.street, r.community, r.grid,
            CATEGORY_ZH[r.category], SEVERITY_ZH[r.severity], t(r.description), r.department, t(r.responsible),
            c(r.deadline, DATE_FORMAT), STATUS_ZH[r.status], _result(r), c(_naive_local(r.closed_at), DATETIME_FORMAT),
            r.overdue_days or None, level_name(r.escalation_level),
        ]


def export_ledger(uow: UnitOfWork, query: HazardQuery, path: str | Path, progress: Progress | None = None,
                  *, filter_text: str = "", max_rows: int | None = None) -> int:
    """Write the ledger of every ticket `query` holds (or its first `max_rows`), in its order.
    Returns the number of rows. `filter_text` describes the filter on the sheet."""
    progress = progress or Progress()
    target = Path(path)
    total = count(uow, query)
    if max_rows is not None:
        total = min(total, max_rows)
    progress.report(0, total, "ledger")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("隐患台账")
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet = _Sheet(ws)
    ws.append([sheet.cell(TITLE, font=Font(bold=True, size=14))])
    exported = local_time(datetime.now(UTC)).strftime("%Y-%m-%d %H:%M")
    ws.append([sheet.cell(f"导出时间：{exported}　共 {total:,} 条" + (f"　筛选：{filter_text}" if filter_text else ""))])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE5F0")
    header = []
    for h in HEADERS:
        cell = sheet.cell(h, font=bold)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    ws.append(header)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".ledger-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    written = 0
    try:
        try:
            cursor = None
            while True:
                progress.check()
                chunk = page(uow, query, after=cursor, limit=min(PAGE, total - written) or 1)
                for r in chunk.rows[:total - written]:
                    written += 1
                    ws.append(sheet.row(r, written))
                progress.report(written, max(total, written), "ledger")
                cursor = chunk.next_cursor
                if cursor is None or written >= total:
                    break
        finally:
            wb.save(tmp)  # also on cancel: it closes openpyxl's own temporary stream cleanly
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return written
