"""The hazard ledger (隐患排查治理台账) as a landscape A4 PDF: every ticket of a filter, oldest found
first, one fixed-height row each (two lines per cell: paired fields such as code and time share a
cell), the header row repeated on every page, the filter described under the title.

Rows have one height, so a page holds a known number of them (`rows_per_page`) and 10,000 rows
lay out in seconds: cells are plain strings (no Paragraph), wrapped and cut with "…" here only
when they would not fit. The .xlsx written alongside (`--xlsx`) comes from the same query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from desktop.domain.escalation import level_name
from desktop.domain.hazard_terms import (
    CATEGORY_ZH,
    REINSPECTION_ZH,
    SEVERITY_ZH,
    STATUS_ZH,
    HazardStatus,
    Reinspection,
    local_time,
)
from desktop.domain.progress import Progress
from desktop.reports.base import EmptyReport, ReportOutcome
from desktop.reports.document import HEADER_H, MARGIN, DocumentInfo, Orientation, build_document, title_block
from desktop.reports.fonts import register_fonts
from desktop.reports.kinds import LEDGER, LedgerParams
from desktop.reports.ledger_xlsx import TITLE, export_ledger
from desktop.reports.styles import styles, table_style, wrap_text
from desktop.services.common import Actor
from desktop.services.hazard_query import HazardRow, page
from desktop.services.ledger_query import LedgerSelection, ledger_selection

FONT_SIZE = 7.5
LEADING = 9.6
PAD = 2.0
ROW_H = 2 * LEADING + 2 * PAD          # every row, the header included: two lines
FETCH = 2000
HEADER = ("序号", "隐患编号\n发现时间", "企业/地点", "街道（园区）\n社区", "隐患类别\n隐患等级", "隐患描述",
          "责任部门\n整改责任人", "整改期限", "状态\n复查结果", "销号时间", "逾期天数\n督办级别")
WIDTHS_MM = (8, 26, 31, 25, 18, 47, 28, 17, 21, 17, 23)  # 261 mm: the landscape frame
WIDTHS = tuple(w * mm for w in WIDTHS_MM)
ALIGN = {0: "CENTER", 1: "CENTER", 4: "CENTER", 7: "CENTER", 8: "CENTER", 9: "CENTER", 10: "CENTER"}


def _fit(text: str, width: float, lines: int = 2) -> str:
    """`text` in at most `lines` lines of `width` points, the last cut with "…" if it runs on."""
    font = register_fonts()
    room = width - 2 * PAD - 1
    if len(text) * FONT_SIZE <= room or stringWidth(text, font, FONT_SIZE) <= room:
        return text  # (no glyph is wider than 1 em: a short text fits without measuring)
    wrapped = wrap_text(text, font, FONT_SIZE, room)
    if len(wrapped) > lines:
        last = wrapped[lines - 1]
        while last and stringWidth(last + "…", font, FONT_SIZE) > room:
            last = last[:-1]
        wrapped = [*wrapped[:lines - 1], last + "…"]
    return "\n".join(wrapped)


def _pair(first: str, second: str, width: float) -> str:
    """Two fields in one cell, a line each."""
    return _fit(first, width, 1) + ("\n" + _fit(second, width, 1) if second else "")


def _when(at: datetime | None) -> str:
    return local_time(at).strftime("%Y-%m-%d %H:%M") if at else ""


def ledger_cells(n: int, r: HazardRow) -> list[str]:
    """One ledger row (序号 `n`) as the table's cells."""
    w = WIDTHS
    result = REINSPECTION_ZH[r.reinspection]
    if r.return_count:  # "退回2次后合格", "不合格·退回1次"
        result = f"退回{r.return_count}次后合格" if r.reinspection is Reinspection.PASSED else f"不合格·退回{r.return_count}次"
    closed = local_time(r.closed_at) if r.closed_at else None
    late = f"逾期{r.overdue_days}天" if r.overdue_days else ""
    return [
        str(n),
        _pair(r.code, _when(r.created_at), w[1]),
        _fit(r.place, w[2]),
        _pair(r.street, r.community, w[3]),
        _pair(CATEGORY_ZH[r.category], SEVERITY_ZH[r.severity], w[4]),
        _fit(r.description, w[5]),
        _pair(r.department or ("未明确（监管空白）" if r.unrouted else "—"), r.responsible, w[6]),
        r.deadline.isoformat() if r.deadline else "—",
        _pair(STATUS_ZH[r.status], result, w[8]),
        closed.strftime("%Y-%m-%d\n%H:%M") if closed else "",
        _pair(late, level_name(r.escalation_level) if r.escalation_level else "", w[10]),
    ]


class FixedRows(Flowable):
    """A long table of fixed-height rows, cut into one Table per page: how many rows fit is
    arithmetic, so no row is measured and no table is laid out twice."""

    def __init__(self, make: Callable[[int, int], Table], count: int, start: int = 0) -> None:
        super().__init__()
        self.make, self.count, self.start = make, count, start
        self._table: Table | None = None

    def _fits(self, avail_height: float) -> int:
        return max(0, int((avail_height - ROW_H) // ROW_H + 1e-6))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(WIDTHS)
        self.height = (1 + self.count - self.start) * ROW_H  # the header and every row left
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        n = min(self._fits(avail_height), self.count - self.start)
        if n <= 0:
            return []
        stop = self.start + n
        return [self.make(self.start, stop), *([FixedRows(self.make, self.count, stop)] if stop < self.count else [])]

    def draw(self) -> None:
        if self._table is None:
            self._table = self.make(self.start, self.count)
            self._table.wrap(self.width, self.height)
        self._table.drawOn(self.canv, 0, 0)


def ledger_table(rows: Sequence[Sequence[str]]) -> FixedRows:
    """The rows as a table laid out a page at a time, its header on every page."""
    font = register_fonts()
    header = list(HEADER)

    def make(start: int, stop: int) -> Table:
        table = Table([header, *rows[start:stop]], colWidths=list(WIDTHS), rowHeights=ROW_H)
        style = table_style(font_size=FONT_SIZE, zebra_odd_first=start % 2 == 1)
        style.add("FONT", (0, 0), (-1, -1), font, FONT_SIZE, LEADING)
        for side in ("TOPPADDING", "BOTTOMPADDING", "LEFTPADDING", "RIGHTPADDING"):
            style.add(side, (0, 0), (-1, -1), PAD)
        for col, how in ALIGN.items():
            style.add("ALIGN", (col, 1), (col, -1), how)
        table.setStyle(style)
        return table

    return FixedRows(make, len(rows))


def rows_per_page(info: DocumentInfo) -> int:
    """Data rows on each page after the first (whose title block takes room)."""
    _, h = info.pagesize
    frame = h - 2 * MARGIN - HEADER_H + 6 * mm  # as OfficialDocTemplate's "later" frame
    return int((frame - ROW_H) // ROW_H)


def fetch_rows(uow, selection: LedgerSelection, progress: Progress | None) -> list[HazardRow]:
    """Every ticket of the selection in ledger order, read by keyset pages."""
    out: list[HazardRow] = []
    cursor = None
    while True:
        if progress is not None:
            progress.check()
            progress.report(0, 0, f"读取隐患 {len(out):,} 条")
        chunk = page(uow, selection.query, after=cursor, limit=FETCH)
        out += chunk.rows
        cursor = chunk.next_cursor
        if cursor is None:
            return out


def summary_line(rows: Sequence[HazardRow]) -> str:
    """"共 N 条：在办 a 条（其中逾期 b 条）、已销号 c 条、不予立案 d 条"."""
    by = Counter(r.status for r in rows)
    open_ = sum(n for s, n in by.items() if s.is_open)
    late = sum(1 for r in rows if r.overdue_days)
    parts = [f"在办 {open_:,} 条（其中逾期 {late:,} 条）", f"已销号 {by[HazardStatus.CLOSED]:,} 条"]
    if by[HazardStatus.DISMISSED]:
        parts.append(f"不予立案 {by[HazardStatus.DISMISSED]:,} 条")
    return f"共 {len(rows):,} 条：" + "、".join(parts)


def build_ledger(uow, actor: Actor, params: LedgerParams, out: Path,
                 progress: Progress | None = None) -> ReportOutcome:
    """The ledger PDF of the filter into `out` (and the workbook into `params.xlsx` if asked);
    a filter that holds no ticket raises EmptyReport and writes nothing."""
    selection = ledger_selection(uow, actor, street=params.street, department=params.department,
                                 date_from=params.date_from, date_to=params.date_to, status=params.status)
    rows = fetch_rows(uow, selection, progress)
    if not rows:
        raise EmptyReport(f"no hazard ticket matches the filter ({selection.description})")
    now = local_time(datetime.now(UTC))
    info = DocumentInfo(TITLE, now.date(), subtitle=f"筛选条件：{selection.description}",
                        orientation=Orientation.LANDSCAPE, subject=f"隐患排查治理台账：{selection.description}",
                        keywords=("隐患排查治理台账", LEDGER.key))
    st = styles()
    cells = [ledger_cells(n, r) for n, r in enumerate(rows, 1)]
    story = [*title_block(info),
             Paragraph(f"{summary_line(rows)}。制表时间：{now:%Y-%m-%d %H:%M}", st.small),
             ledger_table(cells)]
    per_page = rows_per_page(info)
    outcome = build_document(out, info, story, progress=progress, expected_pages=1 + -(-len(rows) // per_page),
                             summary=f"{len(rows):,} hazards")
    if params.xlsx is not None:
        export_ledger(uow, selection.query, params.xlsx, progress, filter_text=selection.description)
        outcome = ReportOutcome(outcome.path, outcome.pages, outcome.title,
                                f"{len(rows):,} hazards; workbook written to {params.xlsx}")
    return outcome
